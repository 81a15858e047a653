"""Validation messages speak the author's words: no "got None", no libyaml internals."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.base.problems import DeckLoadError, Problem
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.yamlread import read_yaml_events

HEAD = "id: x\ntitle: X\nentries:\n"


def problems(text: str) -> list[Problem]:
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, "d.yaml")
    return caught.value.problems


def messages(text: str) -> list[str]:
    return [f"{p.line}:{p.col}: {p.path}: {p.message}" for p in problems(text)]


def test_an_empty_figure_value_says_it_is_empty_and_what_to_write() -> None:
    text = HEAD + "  - id: f\n    kind: figure\n    measure: Share\n    value:\n"
    assert messages(text) == [
        "7:11: entries[0].value: value is empty: write the number (e.g. value: 12)"
    ]


@pytest.mark.parametrize(
    ("entry", "want"),
    [
        ("kind: qa\n    prompt:\n    answer: A", "prompt is empty: write its text"),
        (
            "kind: date\n    event: E\n    date:",
            "date is empty: write the date (e.g. date: 2025-06-03)",
        ),
        ("kind: order\n    prompt: P\n    events:", "events is empty: write a list"),
        ("kind: qa\n    prompt: P\n    answer: A\n    accept:\n    -", "this list item is empty"),
        ("kind: figure\n    measure: M\n    value: 3\n    tolerance:\n    as_of:", None),
    ],
)
def test_any_required_field_left_empty_is_named_empty(entry: str, want: str | None) -> None:
    text = HEAD + f"  - id: e\n    {entry}\n"
    if want is None:  # optional fields may be left empty
        parse_deck(text, "d.yaml")
        return
    [message] = messages(text)
    assert want in message and "None" not in message


def test_a_number_written_as_a_list_is_described_not_shown_as_python() -> None:
    text = HEAD + "  - id: f\n    kind: figure\n    measure: M\n    value: [1, 2]\n"
    [message] = messages(text)
    assert "expected a number, got a list" in message and "[1, 2]" not in message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (HEAD + "  - id: a\n    kind: qa\n    prompt: What\n\tanswer: x y\n", (7, 1)),
        (HEAD + "  - id: a\n    kind: qa\n    prompt: What is\n    \tanswer\n", (7, 5)),
        (HEAD + "\t- id: a\n", (4, 1)),
    ],
)
def test_a_tab_is_named_plainly_at_the_tab(text: str, where: tuple[int, int]) -> None:
    [problem] = problems(text)
    assert (problem.line, problem.col) == where
    assert problem.message == (
        f"a tab character at {where[0]}:{where[1]}: YAML indents with spaces only; "
        "replace the tab with spaces"
    )
    assert text.split("\n")[where[0] - 1][where[1] - 1] == "\t"


def test_an_unclosed_quote_says_where_the_quoted_text_starts() -> None:
    [message] = messages(HEAD + '  - id: a\n    kind: qa\n    prompt: "never closed\n')
    assert "in the quoted text that starts at line 6, column 13" in message
    assert "while" not in message and "scalar" not in message


_INTERNALS = re.compile(
    r"while (?:scanning|parsing|constructing)|scalar|<[a-z ]+>|\bNone\b|\bNoneType\b"
)
"""What a message must never hold: libyaml's parser words, Python reprs."""

_FIELDS = [
    "id",
    "kind",
    "prompt",
    "answer",
    "value",
    "measure",
    "date",
    "event",
    "events",
    "accept",
]


@st.composite
def decks(draw: st.DrawFn) -> str:
    """Deck-shaped YAML with fields left empty, mis-indented, tabbed, quoted or bracketed."""
    lines = [HEAD.rstrip("\n")]
    for _ in range(draw(st.integers(1, 3))):
        lines.append("  - id: e")
        for name in draw(st.lists(st.sampled_from(_FIELDS), max_size=5)):
            indent = draw(st.sampled_from(["    ", "   ", "\t", "  \t", "      "]))
            value = draw(
                st.one_of(
                    st.sampled_from(["", " 12", " x", " [1, 2]", " {a: 1}", ' "open', " -", " ~"]),
                    st.text(alphabet="ab1: -\t\"'`{}[]#|>&*!%@,?\\", max_size=8),
                )
            )
            lines.append(f"{indent}{name}:{value}")
    return "\n".join(lines) + "\n"


@given(decks())
@settings(max_examples=300, deadline=None)
def test_no_message_for_a_deck_shows_parser_internals_or_python_reprs(text: str) -> None:
    try:
        parse_deck(text, "d.yaml")
    except DeckLoadError as exc:
        for problem in exc.problems:
            assert not _INTERNALS.search(problem.message), (text, problem.message)


@given(st.text(alphabet="ab: -\t\"'`\n{}[]#|>&*!%@,?\\.0", max_size=60))
@settings(max_examples=500, deadline=None)
def test_no_syntax_message_shows_parser_internals(text: str) -> None:
    for problem in read_yaml_events(text, "d.yaml").problems:
        assert not _INTERNALS.search(problem.message), (text, problem.message)
