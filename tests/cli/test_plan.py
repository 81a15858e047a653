"""``studyapp plan``: readiness and a plan, headless; its JSON is what scripts read."""

from __future__ import annotations

import json
import os
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from studyapp.cli import main, plan_report
from studyapp.cli.plan_options import UsageError
from studyapp.core.base.clock import system_clock
from studyapp.core.config import load_config
from studyapp.core.store.state import Rating
from studyapp.core.study.queue import study_day
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings
from studyapp.core.workspace import open_workspace
from tests.conftest import REPO

DECKS = str(REPO / "decks")
EXAM = str(REPO / "decks" / "lee-pragmatic-diplomacy.exam.yaml")


def _today() -> date:
    return study_day(system_clock(), 4)


def _plan(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["plan", *args, "--json"]) == 0, capsys.readouterr().err
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


@pytest.fixture
def studied(tmp_path: Path) -> Path:
    """Twenty answers on the bundled deck."""
    progress = tmp_path / "progress"
    workspace = open_workspace([DECKS], progress=progress)
    session = Session(
        workspace.store, workspace.cards, StudySettings(), clock=system_clock, rng=random.Random(2)
    )
    for n in range(20):
        session.answer(Rating.GOOD if n % 4 else Rating.AGAIN, timedelta(seconds=6))
    workspace.close()
    return progress


def test_the_json_holds_what_scripts_read(
    studied: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exam_day = _today() + timedelta(days=14)
    data = _plan(capsys, EXAM, DECKS, "--progress", str(studied), "--date", exam_day.isoformat())
    assert data["exam_date"] == exam_day.isoformat()
    for key in ("predicted_score", "predicted_score_today", "predicted_score_with_plan"):
        assert isinstance(data[key], float) and 0 <= data[key] <= 1, key
    assert 0 < data["predicted_score"] < data["predicted_score_today"] < 0.5  # a few studied
    assert data["predicted_score_with_plan"] > data["predicted_score"]
    plan = data["plan"]
    assert isinstance(plan, list) and len(plan) == 14
    assert [d["date"] for d in plan] == [
        (_today() + timedelta(days=k)).isoformat() for k in range(14)
    ]
    for day in plan:
        assert set(day) == {"date", "reviews", "new", "minutes"}
        assert day["minutes"] <= 20 + 0.05  # the default 20 minutes a day
    assert data["unstudied_entries"] < data["entries"]


def test_a_date_given_once_is_remembered_and_more_time_predicts_more(
    studied: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exam_day = _today() + timedelta(days=7)
    _plan(capsys, "lee-midterm", DECKS, "--progress", str(studied), "--date", exam_day.isoformat())
    prefs = load_config(Path(os.environ["STUDYAPP_CONFIG"])).config.exams
    assert prefs["lee-midterm"].date == exam_day.isoformat()
    short = _plan(
        capsys, "lee-midterm", DECKS, "--progress", str(studied), "--minutes-per-day", "3"
    )
    long = _plan(
        capsys, "lee-midterm", DECKS, "--progress", str(studied), "--minutes-per-day", "60"
    )
    assert short["exam_date"] == long["exam_date"] == exam_day.isoformat()
    assert short["predicted_score_with_plan"] < long["predicted_score_with_plan"]
    assert short["minutes_per_day_needed"] is not None


def test_a_deck_can_be_planned_for_without_an_exam_spec(
    capsys: pytest.CaptureFixture[str],
) -> None:
    exam_day = _today() + timedelta(days=30)
    data = _plan(capsys, "lee-pragmatic-diplomacy", DECKS, "--date", exam_day.isoformat())
    assert data["exam_id"] == "deck-lee-pragmatic-diplomacy"
    assert data["unstudied_entries"] == data["entries"]
    # nothing studied: what guessing among the options earns, and no more
    assert 0.1 < data["predicted_score"] < 0.35


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "TODAY"], "the exam date is today"),
        (["--date", "PAST"], "the exam date is in the past"),
        ([], "has no date: give --date"),
    ],
)
def test_bad_dates_are_refused_and_nothing_is_remembered(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    swap = {"TODAY": _today().isoformat(), "PAST": (_today() - timedelta(days=3)).isoformat()}
    args = [swap.get(a, a) for a in args]
    assert main(["plan", EXAM, DECKS, *args]) == 1
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert captured.out == ""
    assert load_config(Path(os.environ["STUDYAPP_CONFIG"])).config.exams == {}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--minutes-per-day", "0"], "minutes a day are between 1 and 1440"),
        (["--minutes-per-day", "lots"], "not a whole number"),
        (["--target", "101"], "between 0 and 1"),
        (["--target", "0"], "between 0 and 1"),
        (["--date", "2027-02-30"], "not a date"),
    ],
)
def test_bad_options_get_a_clear_message(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", EXAM, DECKS, *args]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""
    # under --json, the same error as one JSON object on stdout, the same exit code
    assert main(["plan", EXAM, DECKS, *args, "--json"]) == 2
    captured = capsys.readouterr()
    assert message in json.loads(captured.out)["error"] and captured.err == ""


def test_errors_under_json_are_json_and_the_exam_is_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["plan", "--json", "--date", "2099-01-01"]) == 0  # the only exam found
    assert json.loads(capsys.readouterr().out)["exam_id"] == "lee-midterm"
    folder = tmp_path / "two"
    folder.mkdir()
    for exam_id in ("first", "second"):
        text = Path(EXAM).read_text(encoding="utf-8").replace("id: lee-midterm", f"id: {exam_id}")
        (folder / f"{exam_id}.exam.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=r"give the exam \(one of 'first', 'second'\)"):
        plan_report._spec(None, [folder], [])
    with pytest.raises(UsageError, match="no exam file"):
        plan_report._spec(None, [tmp_path / "none"], [])
    assert main(["plan", "nope", DECKS, "--date", "2099-01-01", "--json"]) == 1
    captured = capsys.readouterr()
    assert set(json.loads(captured.out)) == {"error"}
    assert "no exam or deck 'nope'" in json.loads(captured.out)["error"]


def test_an_unknown_exam_or_missing_deck_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "nope", DECKS, "--date", "2099-01-01"]) == 1
    assert "no exam or deck 'nope'" in capsys.readouterr().err
    spec = REPO / "decks" / "lee-pragmatic-diplomacy.exam.yaml"
    assert main(["plan", str(spec), str(REPO / "docs"), "--date", "2099-01-01"]) == 1
    assert "deck(s) not loaded" in capsys.readouterr().err


def test_the_text_says_today_exam_day_and_the_plan(
    studied: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exam_day = _today() + timedelta(days=5)
    args = ["plan", EXAM, DECKS, "--progress", str(studied), "--date", exam_day.isoformat()]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"exam on {exam_day.isoformat()} (5 days from today)" in out
    assert "If the exam were today:" in out and "following the plan:" in out
    assert "entries were never studied: they count as not known" in out
    assert _today().isoformat() in out  # the first day of the plan


def test_weakest_prompts_are_cut_between_words_and_marked() -> None:
    """A walk-through saw "...were part of a broader cl (never studied)": prompts cut at
    70 characters mid-word, with nothing to say they were cut."""
    from studyapp.cli.plan_report import _shorten

    prompt = (
        "Which agreements concluded between Japan and South Korea in 1965 were part of a "
        "broader claims settlement?"
    )
    cut = _shorten(prompt)
    assert len(cut) <= 70 and cut.endswith(" …")
    assert prompt.startswith(cut[: -len(" …")])
    assert prompt[len(cut) - len(" …")] == " "  # the cut falls between two words
    assert _shorten("Short prompt?") == "Short prompt?"
    assert "\x1b" not in _shorten("\x1b]0;title\x07 What?")  # still made terminal-safe
