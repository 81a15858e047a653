"""Session 18's walk-through of the command line: an unreadable line of the review history
named by file and line, ``plan --target 90`` read as a percent, and counts in the
singular when there is one ("1 entry", never "1 entries")."""

from __future__ import annotations

import argparse
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.cli.plan_options import UsageError, read_options
from studyapp.cli.study import cmd_progress
from studyapp.core.base.clock import ManualClock
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore

NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)
DECK_ID = "lee-pragmatic-diplomacy"


def _answer(progress: Path, cards: list[str], at: datetime) -> None:
    with ProgressStore.open(progress, clock=ManualClock(at)) as store:
        for card in (f"{DECK_ID}/{c}/answer" for c in cards):
            reviewed = CardState(
                card_id=card,
                phase=Phase.REVIEW,
                due=at + timedelta(days=1),
                last_review=at,
                stability=1.0,
                difficulty=5.0,
                interval=1,
            )
            store.record_review(store.get(card), reviewed, Rating.GOOD, at)


# ------------------------------------------------- an unreadable history line


def _half_written(progress: Path) -> Path:
    """Two answers folded into the history, the second line then cut in half (a save
    interrupted, or an edit by hand)."""
    _answer(progress, ["c0", "c1"], NOW)
    history = progress / "history.jsonl"
    first, second, _ = history.read_bytes().split(b"\n")
    history.write_bytes(first + b"\n" + second[:40])
    return history


def test_an_unreadable_history_line_is_named_by_file_and_line(tmp_path: Path) -> None:
    """Before: "1 unreadable line in the review history" alone: no file, no line, not
    what was lost, not what to do."""
    progress = tmp_path / "p"
    history = _half_written(progress)
    out = io.StringIO()
    assert cmd_progress(str(progress), out) == 1
    text = out.getvalue()
    assert "  - 1 unreadable line in the review history\n" in text
    assert f"\n    {history}:2: cut short or garbled (an interrupted save" in text
    assert "the answer on it is left out of stats and of studyapp progress --repair" in text
    assert "new answers are saved after it" in text
    assert "to clear this, delete that line with studyapp closed" in text


def test_new_answers_go_after_the_bad_line_and_the_message_stays_true(tmp_path: Path) -> None:
    """What the message promises: the next answers are saved on lines of their own after
    the bad one, which is still the only one, at the same line."""
    progress = tmp_path / "p"
    history = _half_written(progress)
    _answer(progress, ["c2"], NOW + timedelta(hours=1))
    lines = history.read_bytes().splitlines()
    assert len(lines) == 3 and DECK_ID.encode() + b"/c2/" in lines[2]
    with ProgressStore.open(progress, read_only=True) as store:
        assert [r.card_id for r in store.history()] == [
            f"{DECK_ID}/c0/answer",
            f"{DECK_ID}/c2/answer",
        ]
        assert len(store.states) == 3  # c1's progress itself is kept (the snapshot)
    out = io.StringIO()
    cmd_progress(str(progress), out)
    assert f"{history}:2: " in out.getvalue() and f"{history}:3: " not in out.getvalue()


def test_many_bad_lines_are_named_up_to_five_then_counted(tmp_path: Path) -> None:
    progress = tmp_path / "p"
    _answer(progress, ["c0"], NOW)
    with (progress / "history.jsonl").open("ab") as handle:
        handle.write(b"garbled\n" * 7)
    out = io.StringIO()
    cmd_progress(str(progress), out)
    text = out.getvalue()
    assert "  - 7 unreadable lines in the review history\n" in text
    assert ":6: cut short" in text and ":7: cut short" not in text
    assert "    and 2 more lines\n" in text
    assert "the answers on them are left out" in text and "delete those lines" in text


def test_progress_json_lists_the_unreadable_lines(tmp_path: Path) -> None:
    progress = tmp_path / "p"
    history = _half_written(progress)
    out = io.StringIO()
    assert cmd_progress(str(progress), out, as_json=True) == 1
    doc = json.loads(out.getvalue())
    assert doc["unreadable_history_lines"] == [{"file": str(history), "line": 2}]
    assert doc["problems"] == ["1 unreadable line in the review history"]
    out = io.StringIO()
    cmd_progress(str(tmp_path / "none"), out, as_json=True)
    assert json.loads(out.getvalue())["unreadable_history_lines"] == []


# ------------------------------------------------------------ plan --target


def _target(text: str) -> float:
    args = argparse.Namespace(date=None, minutes_per_day=None, target=text)
    value: float = read_options(args).target
    return value


@pytest.mark.parametrize(
    ("text", "share"),
    [("90", 0.9), ("90%", 0.9), ("0.9", 0.9), ("85.5", 0.855), (" 95 ", 0.95), ("99%", 0.99)],
)
def test_a_target_is_a_share_or_a_percent(text: str, share: float) -> None:
    """Before: "90" was refused ("between 0 and 1") while "90%" was taken."""
    assert _target(text) == pytest.approx(share)


@pytest.mark.parametrize("text", ["0", "-5", "-0.5", "100", "100%", "101", "1", "250%", "nan"])
def test_a_target_out_of_range_is_refused_saying_both_forms(text: str) -> None:
    with pytest.raises(UsageError) as refused:
        _target(text)
    message = str(refused.value)
    assert message.startswith(f"--target: {text!r}: the target is a share between 0 and 1")
    assert "a percent between 0 and 100 (90 or 90%)" in message


def test_a_target_that_is_no_number_says_how_to_write_one() -> None:
    with pytest.raises(UsageError, match=r"is not a number such as 0\.9, 90 or 90%"):
        _target("ninety")


def test_plan_help_says_a_bare_number_is_a_percent(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["plan", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "0.9, 90 or 90% are the same (a number above 1 is a percent" in help_text


# ------------------------------------------------------ counts, in words

ONE_ENTRY = """\
id: one
title: One entry
entries:
  - id: e1
    kind: qa
    prompt: What is the capital of France?
    answer: Paris
"""


def test_validate_and_decks_say_one_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "ok: one.yaml (1 entries)", "all 1 file valid" was right already."""
    deck = tmp_path / "one.yaml"
    deck.write_text(ONE_ENTRY, encoding="utf-8")
    assert main(["validate", str(deck)]) == 0
    out = capsys.readouterr().out
    assert "(1 entry)" in out and "entries" not in out
    assert main(["decks", str(deck)]) == 0
    assert "one: One entry (1 entry: 1 qa)" in capsys.readouterr().out


def test_export_says_one_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "one.yaml"
    deck.write_text(ONE_ENTRY, encoding="utf-8")
    target = tmp_path / "one.csv"
    assert main(["export", str(deck), "--to", "csv", "-o", str(target)]) == 0
    assert ": 1 entry as csv" in capsys.readouterr().out
