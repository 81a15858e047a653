"""``stats`` and ``progress --repair`` when not one deck can be read, and the counts the
headless commands print, in the singular or the plural as the number asks."""

from __future__ import annotations

import io
import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.cli.study import cmd_progress, cmd_stats
from studyapp.core.base.clock import ManualClock
from studyapp.core.quiz.questions import questions_for_deck
from studyapp.core.quiz.results import save_result
from studyapp.core.quiz.scoring import grade_answer, score_quiz
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.workspace import open_workspace
from tests.conftest import REPO

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
NOW = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder (names shown as typed) with two decks that do not load."""
    work = tmp_path / "w"
    (work / "lz").mkdir(parents=True)
    monkeypatch.chdir(work)
    (work / "lz" / "bad.yaml").write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    (work / "lz" / "worse.yaml").write_text("id: y\nentries: 3\n", encoding="utf-8")
    return work


# ------------------------------------------------------- no deck could be read


def test_stats_when_no_deck_loads_says_so_and_fails(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: each deck named ("...; left out"), then figures of nothing, exit 0."""
    progress = here / "progress"
    assert main(["stats", "lz", "--progress", str(progress)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith("studyapp: lz/bad.yaml:3:1: YAML syntax: ")
    assert any(line.startswith("studyapp: lz/worse.yaml:") for line in lines)
    assert lines[-1] == (
        "studyapp: none of the 2 decks could be read (see above), so there is nothing to "
        "count and nothing was written; fix them (studyapp validate lz lists every "
        "problem), then run studyapp stats again"
    )
    assert not progress.exists()  # nothing made, nothing kept


def test_stats_of_one_deck_that_does_not_load(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "lz/bad.yaml"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "studyapp: the deck could not be read (see above), so there is nothing to count "
        "and nothing was written; fix it (studyapp validate lz/bad.yaml lists every "
        "problem), then run studyapp stats again"
    )


def test_stats_from_the_decks_folder_when_none_loads(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No deck given: the decks found ($STUDYAPP_DECKS), and `validate` without paths."""
    monkeypatch.setenv("STUDYAPP_DECKS", "lz")
    assert main(["stats"]) == 1
    err = capsys.readouterr().err
    assert "(studyapp validate lists every problem)" in err


def test_stats_with_one_deck_that_loads_goes_on(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As before: the deck that does not load is named and left out, the others counted."""
    shutil.copy(DECK, here / "lz" / "good.yaml")
    assert main(["stats", "lz"]) == 0
    captured = capsys.readouterr()
    assert "Mastery by deck" in captured.out
    assert "; left out\n" in captured.err
    assert "could be read" not in captured.err


def test_repair_when_no_deck_loads_changes_nothing(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a "repair" that knew no card, exit 0, the progress folder made."""
    progress = here / "progress"
    assert main(["progress", "--repair", "lz", "--progress", str(progress)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[-1] == (
        "studyapp: none of the 2 decks could be read (see above), so there is nothing to "
        "repair and nothing was written; fix them (studyapp validate lz lists every "
        "problem), then run studyapp progress --repair again"
    )
    assert not progress.exists()


def test_repair_leaves_an_existing_folder_as_it_was(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    progress = here / "progress"
    with ProgressStore.open(progress, clock=ManualClock(NOW)) as store:
        card = "lee-pragmatic-diplomacy/x/answer"
        store.record_review(CardState(card), _reviewed(card, NOW), Rating.GOOD, NOW)
    before = {p.name: p.read_bytes() for p in progress.iterdir()}
    assert main(["progress", "--repair", "lz", "--progress", str(progress)]) == 1
    assert {p.name: p.read_bytes() for p in progress.iterdir()} == before
    assert "nothing to repair" in capsys.readouterr().err


# ------------------------------------------------------------- singular, plural


def _reviewed(card_id: str, at: datetime) -> CardState:
    return CardState(
        card_id=card_id,
        phase=Phase.REVIEW,
        due=at + timedelta(days=1),
        last_review=at,
        stability=1.0,
        difficulty=5.0,
        interval=1,
        reps=1,
    )


def _answered_on(progress: Path, days: list[datetime]) -> None:
    with ProgressStore.open(progress, clock=ManualClock(days[-1])) as store:
        for n, at in enumerate(days):
            card = f"lee-pragmatic-diplomacy/c{n}/answer"
            store.record_review(store.get(card), _reviewed(card, at), Rating.GOOD, at)


def _streak_line(progress: Path) -> str:
    out = io.StringIO()
    assert cmd_stats([str(DECK)], str(progress), out, clock=ManualClock(NOW)) == 0
    (line,) = [x for x in out.getvalue().splitlines() if x.startswith("Streak:")]
    return line


def test_stats_streak_of_one_day(tmp_path: Path) -> None:
    """Before: "Streak: 1 day(s), best 1"."""
    progress = tmp_path / "one"
    _answered_on(progress, [NOW - timedelta(hours=1)])
    assert _streak_line(progress).startswith("Streak: 1 day, best 1 day    Reviews: 1 ")


def test_stats_streak_of_days(tmp_path: Path) -> None:
    progress = tmp_path / "three"
    _answered_on(progress, [NOW - timedelta(days=d, hours=1) for d in (2, 1, 0)])
    assert _streak_line(progress).startswith("Streak: 3 days, best 3 days    Reviews: 3 ")
    assert _streak_line(tmp_path / "none").startswith("Streak: 0 days, best 0 days ")


def test_progress_check_counts_in_words(tmp_path: Path) -> None:
    """Before: "1 unreadable line(s) in the review history", "2 problem(s)"."""
    progress = tmp_path / "p"
    _answered_on(progress, [NOW - timedelta(hours=1)])
    with (progress / "history.jsonl").open("ab") as history:
        history.write(b"not a record\n")
    (progress / "results").mkdir()
    (progress / "results" / "zz-broken.json").write_text("{not json", encoding="utf-8")
    out = io.StringIO()
    assert cmd_progress(str(progress), out) == 1
    text = out.getvalue()
    assert "\ncheck: 2 problems\n" in text
    assert "  - 1 unreadable line in the review history\n" in text
    (progress / "results" / "zz-broken.json").unlink()
    out = io.StringIO()
    cmd_progress(str(progress), out)
    assert "\ncheck: 1 problem\n" in out.getvalue()
    out = io.StringIO()
    cmd_progress(str(progress), out, as_json=True)
    assert '"1 unreadable line in the review history"' in out.getvalue()


def _attempt(progress: Path) -> Path:
    workspace = open_workspace([str(DECK)], progress=progress)
    deck = workspace.decks.decks[0].deck
    workspace.close()
    questions = questions_for_deck(deck, random.Random(3))[:3]
    results = [grade_answer(q, q.answer, 2.0) for q in questions]
    attempt = score_quiz(questions, results, title="Practice", pass_mark=60, exam_id="practice")
    return save_result(progress, attempt, NOW)


def test_results_written_says_attempt_or_attempts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "wrote 1 attempt(s) to ..."."""
    progress = tmp_path / "p"
    target = tmp_path / "out.csv"
    assert main(["results", "--progress", str(progress), "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"wrote 0 attempts to {target}\n"
    _attempt(progress)
    assert main(["results", "--progress", str(progress), "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"wrote 1 attempt to {target}\n"


def test_gradebook_files_left_out_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "; 1 file(s) left out"."""
    result = _attempt(tmp_path / "p")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    target = tmp_path / "grades.csv"
    assert main(["gradebook", str(result), str(broken), "-o", str(target)]) == 1
    assert capsys.readouterr().out.endswith("; 1 file left out\n")
    other = tmp_path / "other.json"
    other.write_text("[]", encoding="utf-8")
    assert main(["gradebook", str(result), str(broken), str(other), "-o", str(target)]) == 1
    assert capsys.readouterr().out.endswith("; 2 files left out\n")
