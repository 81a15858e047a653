"""studyapp stats / progress / results against a real progress folder."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import timedelta
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.core.base.clock import system_clock
from studyapp.core.quiz.questions import questions_for_deck
from studyapp.core.quiz.results import save_result
from studyapp.core.quiz.scoring import grade_answer, score_quiz
from studyapp.core.store.state import Rating
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings
from studyapp.core.workspace import open_workspace
from tests.conftest import REPO


@pytest.fixture
def studied(tmp_path: Path) -> Path:
    """A progress folder with six answers and one exam attempt on the bundled deck."""
    progress = tmp_path / "progress"
    workspace = open_workspace([str(REPO / "decks")], progress=progress)
    session = Session(
        workspace.store,
        workspace.cards,
        StudySettings(),
        clock=system_clock,
        rng=random.Random(1),
    )
    for rating in (Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.GOOD, Rating.HARD, Rating.GOOD):
        session.answer(rating, timedelta(seconds=4))
    deck = workspace.decks.decks[0].deck
    questions = questions_for_deck(deck, random.Random(3))[:5]
    results = [grade_answer(q, q.answer, 2.0) for q in questions]
    attempt = score_quiz(questions, results, title="Practice", pass_mark=60, exam_id="practice")
    save_result(progress, attempt, system_clock())
    workspace.close()
    return progress


def test_stats_prints_tables(studied: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(REPO / "decks"), "--progress", str(studied)]) == 0
    out = capsys.readouterr().out
    assert "Reviews: 6" in out
    assert "Accuracy by kind" in out and "Mastery by deck" in out
    assert "Lee Jae-myung" in out


def test_progress_reports_counts_and_a_clean_check(
    studied: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["progress", "--progress", str(studied)]) == 0
    out = capsys.readouterr().out
    assert "reviews in history: 6" in out
    assert "quiz/exam attempts kept: 1" in out
    assert "everything is consistent" in out


def test_progress_check_fails_on_a_damaged_result(
    studied: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (studied / "results" / "zz-broken.json").write_text("{not json", encoding="utf-8")
    assert main(["progress", "--progress", str(studied)]) == 1
    assert "zz-broken.json" in capsys.readouterr().out


def test_results_export_csv_and_json(
    studied: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["results", "--progress", str(studied)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 5 and {r["exam_id"] for r in rows} == {"practice"}
    assert all(r["outcome"] == "correct" for r in rows)
    target = tmp_path / "out.json"
    assert main(["results", "--progress", str(studied), "--format", "json", "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data[0]["score"] == 100.0


def test_a_kept_attempt_is_what_the_gradebook_reads(
    studied: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (attempt,) = sorted((studied / "results").glob("*.json"))
    second = tmp_path / "ana.json"
    data = json.loads(attempt.read_text(encoding="utf-8"))
    assert data["format"] == "studyapp-exam-result" and data["student"]
    data["student"] = "Ana"
    second.write_text(json.dumps(data), encoding="utf-8")
    out_csv = tmp_path / "grades.csv"
    assert main(["gradebook", str(attempt), str(second), "-o", str(out_csv)]) == 0
    grades = out_csv.read_text(encoding="utf-8")
    assert "Ana" in grades


def test_progress_repair_rebuilds_states_from_the_history(
    studied: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`studyapp progress --repair`: a state edited by mistake comes back from the answers."""
    from msgspec.structs import replace

    from studyapp.core.store.store import ProgressStore

    with ProgressStore.open(studied) as store:
        before = dict(store.states)
        card_id = next(cid for cid, s in before.items() if s.reps)
        store.record_change(replace(before[card_id], stability=999.0), system_clock(), "edit")
    assert main(["progress", "--repair", "--progress", str(studied), str(REPO / "decks")]) == 0
    text = capsys.readouterr().out
    assert "(1 changed)" in text and "kept as progress.json.before-repair-" in text
    with ProgressStore.open(studied, read_only=True) as store:
        assert dict(store.states) == before
