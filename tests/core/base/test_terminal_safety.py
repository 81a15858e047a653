"""terminal_safe: the one function every message goes through on its way to a terminal."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.base import terminal
from studyapp.core.base.problems import Problem, UserFileError
from studyapp.core.base.terminal import (
    json_for_terminal,
    json_safe,
    terminal_out,
    terminal_safe,
)
from tests.hostile import ALL, HOSTILE, acts_on_terminal, assert_inert


def test_each_escape_sequence_becomes_a_visible_escape_that_names_it() -> None:
    assert terminal_safe(HOSTILE["osc-title"]) == "\\x1b]0;PWNED\\x07"
    assert terminal_safe(HOSTILE["osc-clipboard"]) == "\\x1b]52;c;cHduZWQ=\\x07"
    assert terminal_safe(HOSTILE["csi-clear"]) == "\\x1b[2J"
    assert terminal_safe("a\x9bb\x9dc\x7f") == "a\\x9bb\\x9dc\\x7f"
    assert terminal_safe("\u202eabc\u2066") == "<U+202E>abc<U+2066>"
    assert_inert(terminal_safe(ALL))


def test_newlines_only_where_a_message_may_span_lines_tabs_always() -> None:
    assert terminal_safe("a\nb\tc") == "a\\x0ab\tc"
    assert terminal_safe("a\nb\tc", multiline=True) == "a\nb\tc"
    assert terminal_safe("a\r\nb", multiline=True) == "a\\x0d\nb"  # \r would overwrite the line


def test_invisible_format_characters_and_undecodable_bytes_are_named() -> None:
    # zero-width space, BOM, a tag character, a line separator, a lone surrogate
    # (an undecodable byte of a file name: it would also make print() fail)
    shown = terminal_safe("a\u200bb\ufeffc\U000e0041d\u2028e\udc9b")
    assert shown == "a<U+200B>b<U+FEFF>c<U+E0041>d<U+2028>e<U+DC9B>"
    shown.encode("utf-8")


def test_ordinary_text_in_any_script_is_left_alone() -> None:
    words = ("Lee Jae-myung", "이재명", "نص عربي", "café\u00a0noir", "👩\u200d🔬", "می\u200cخواهم")
    for text in words:
        assert terminal_safe(text) == text


def test_problem_fields_are_safe_from_the_moment_it_is_made() -> None:
    """The choke point: a Problem's file, path and message (str() and to_dict()),
    and a load error's file, are safe however the problem was made."""
    problem = Problem(f"f{ALL}.yaml", 1, 2, f"entries[0].x{ALL}", f"unknown field {ALL}\nline 2")
    assert_inert(str(problem))
    assert_inert(json.dumps(problem.to_dict(), ensure_ascii=False))
    assert problem.message.endswith("\nline 2")  # a message may span lines
    error = UserFileError(f"f{ALL}.yaml", [problem])
    assert_inert(error.file)
    assert_inert(str(error))


def test_json_for_terminal_is_the_same_data_and_inert() -> None:
    value = {"file": f"f{ALL}.yaml", "é": ["\udc9b", "\U000e0041"]}
    text = json_for_terminal(value)
    assert_inert(text)
    assert json.loads(text) == value
    assert "é" in text  # readable, not \u00e9


def test_the_cli_writer_passes_everything_through_terminal_safe() -> None:
    stream = io.StringIO()
    out = terminal_out(stream)
    assert terminal_out(out) is out  # wrapping twice is one wrap
    out.write(f"ok: f{ALL}.yaml\nnext\n")
    assert stream.getvalue() == f"ok: f{terminal_safe(ALL)}.yaml\nnext\n"
    assert_inert(stream.getvalue())


@given(st.text())
def test_nothing_a_terminal_acts_on_survives_and_twice_is_once(text: str) -> None:
    once = terminal_safe(text)
    assert not any(acts_on_terminal(c) or c == "\n" for c in once)
    assert terminal_safe(once) == once
    lines = terminal_safe(text, multiline=True)
    assert not any(acts_on_terminal(c) for c in lines)
    assert terminal_safe(lines, multiline=True) == lines
    if text.isprintable():
        assert once == text


@given(st.recursive(st.text() | st.integers() | st.none(), lambda inner: st.lists(inner)))
def test_json_for_terminal_round_trips_and_is_inert(value: object) -> None:
    text = json_for_terminal(value)
    assert not any(acts_on_terminal(c) for c in text)
    assert json.loads(text) == value
    assert json_safe(text) == text


@given(st.text(alphabet=st.sampled_from(["a", " ", "\t", "\n", "\r", "\x1b", "\u202e", "é"])))
def test_the_fast_road_for_lines_and_tabs_gives_what_the_character_walk_gives(
    text: str,
) -> None:
    """Text whose only unprintable characters are tabs and newlines is returned whole
    without a character walk; everything else is walked as before."""
    for multiline in (False, True):
        walked = "".join(
            char if terminal._kept(char, multiline) else terminal._visible(char) for char in text
        )
        assert terminal_safe(text, multiline=multiline) == walked
