"""Session 18's walk-through: a settings file that cannot be read or written is said in
words (which file, what went wrong, what to do), and lint quotes long deck text
shortened, its start and end kept."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from studyapp.core import config as config_module
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.authoring.lint.wording import QUOTED_CHARS, quoted
from studyapp.core.config import AppConfig, config_path, load_config, save_config

# ------------------------------------------------------------ settings not saved


def _unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """``chmod 000`` on the settings file (the tests may run as root, who reads it all)."""
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)


def test_an_unreadable_settings_file_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "Not saved: [Errno 13] Permission denied: '.../settings.json'"."""
    folder = tmp_path / "config"
    base = save_config(folder, AppConfig())
    path = config_path(folder)
    before = path.read_bytes()
    _unreadable(monkeypatch, path)
    with pytest.raises(OSError) as failed:  # (an OSError still: every caller catches one)
        save_config(folder, AppConfig(theme="nord"), base=base)
    message = str(failed.value)
    assert message == (
        f"the settings file {path} cannot be read (permission denied: studyapp must read "
        "and write it; check its permissions)"
    )
    assert "Errno" not in message
    monkeypatch.undo()
    assert path.read_bytes() == before  # never replaced unread


def test_a_settings_file_that_cannot_be_written_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "config"

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(config_module, "atomic_write", full)
    with pytest.raises(OSError) as failed:
        save_config(folder, AppConfig(theme="nord"))
    assert str(failed.value) == (
        f"the settings file {config_path(folder)} cannot be written (the disk is full: "
        "free some space)"
    )
    monkeypatch.undo()
    assert load_config(folder).config == AppConfig()  # nothing half written


# ------------------------------------------------------------ lint quotes

LONG_ANSWER = (
    "the Treaty of Versailles signed in the Hall of Mirrors on 28 June 1919 which ended the "
    "state of war between Germany and the Allied Powers and required Germany to disarm, make "
    "territorial concessions to its neighbours and pay reparations to the Entente powers over "
    "many decades that followed"
)


def test_quoted_keeps_short_text_whole_and_cuts_long_text_between_words() -> None:
    assert quoted("Paris") == "'Paris'"
    shown = quoted(LONG_ANSWER)
    assert shown == "'the Treaty of Versailles signed in the … decades that followed'"
    assert len(shown) <= QUOTED_CHARS + 5
    assert quoted("x" * 300) == "'" + "x" * 40 + " … " + "x" * 20 + "'"  # (no word to cut at)


def test_g001_quotes_a_long_answer_shortened() -> None:
    """Before: the 272-character answer quoted whole in the message."""
    assert len(LONG_ANSWER) > 250
    text = (
        "id: t\ntitle: T\nentries:\n"
        f"  - {{id: q, kind: qa, prompt: 'Was it {LONG_ANSWER}?', answer: '{LONG_ANSWER}'}}\n"
    )
    (finding,) = [f for f in lint_text(text, "d.yaml").findings if f.rule == "G001"]
    assert finding.message == (
        "the prompt contains the answer 'the Treaty of Versailles signed in the … "
        "decades that followed'; reword the question"
    )


def test_options_and_answers_in_o_findings_are_shortened() -> None:
    option = LONG_ANSWER.replace(" in the ", " in  the ")  # (the same answer, not the text)
    text = (
        "id: t\ntitle: T\nentries:\n"
        f"  - {{id: c, kind: choice, prompt: Which treaty?, answer: '{LONG_ANSWER}',"
        f" distractors: ['{option}', b, c]}}\n"
    )
    (finding,) = [f for f in lint_text(text, "d.yaml").findings if f.rule == "O001"]
    assert LONG_ANSWER not in finding.message and option not in finding.message
    assert finding.message.count("'the Treaty of Versailles signed in") == 2
    assert finding.message.count(" … decades that followed'") == 2
