"""The results screen's forecast line: never a score beside the forecast of a sitting
ended early, and a ``studyapp plan`` hint that runs as written."""

from __future__ import annotations

import os
import random
import shlex
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.core.base.clock import ManualClock
from studyapp.core.config import ExamPlanPrefs, load_config, save_config
from studyapp.core.quiz.questions import questions_for_deck
from studyapp.core.quiz.scoring import QuizResult, grade_answer, score_quiz
from studyapp.core.quiz.sitting import Ending
from studyapp.core.workspace import open_workspace
from studyapp.tui.screens.results import STATS_HINT, forecast_hint, score_lines
from tests.conftest import REPO

NOW = datetime.now(UTC)  # (the hint's command is run for real: today's date)


def _result(answered: int, exam_id: str | None = "lee-midterm") -> QuizResult:
    from studyapp.core.decks.loader import load_deck

    deck = load_deck(REPO / "decks" / "lee-pragmatic-diplomacy.yaml")
    questions = questions_for_deck(deck, random.Random(1))[:20]
    results = [grade_answer(q, q.answer) for q in questions[:answered]]
    predicted = {q.id: 0.5 for q in questions}
    return score_quiz(
        questions, results, title="Midterm", pass_mark=0, exam_id=exam_id, predicted=predicted
    )


def test_a_sitting_ended_early_is_not_scored_against_its_forecast() -> None:
    lines = score_lines(_result(1), Ending.EARLY, None)
    text = "\n".join(lines)
    assert "Forecast for these 20 questions as you began: 50% · not compared: only 1" in text
    assert "you scored" not in text
    whole = "\n".join(score_lines(_result(20), Ending.SUBMITTED, None))
    assert "Forecast for these 20 questions as you began: 50% · you scored 100%" in whole


def _run(hint: str, capsys: pytest.CaptureFixture[str]) -> int:
    command = hint.split("`")[1]
    words = shlex.split(command)
    assert words[:2] == ["studyapp", "plan"]
    code = main([*words[1:], "--json"])
    capsys.readouterr()
    return code


def test_the_plan_hint_names_a_command_that_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decks = str(REPO / "decks")
    workspace = open_workspace([decks], progress=tmp_path / "p", clock=ManualClock(NOW))
    assert forecast_hint(workspace, _result(20, "quick-quiz")) == STATS_HINT
    hint = forecast_hint(workspace, _result(20))
    # no date known: the command says to give one (and then it runs)
    assert "--date YYYY-MM-DD" in hint and "lee-midterm" in hint
    command = hint.split("`")[1].replace("YYYY-MM-DD", (NOW + timedelta(days=9)).date().isoformat())
    assert _run(f"`{command}`", capsys) == 0
    # the date remembered: the hint's command runs as it is
    workspace.close()
    config_dir = Path(os.environ["STUDYAPP_CONFIG"])
    config = load_config(config_dir).config
    assert config.exams["lee-midterm"].date is not None
    workspace = open_workspace([decks], progress=tmp_path / "p", clock=ManualClock(NOW))
    hint = forecast_hint(workspace, _result(20))
    assert "--date" not in hint and str(tmp_path / "p") in hint
    assert _run(hint, capsys) == 0
    # a remembered date that has passed: asked for again
    save_config(
        config_dir,
        config.with_exam("lee-midterm", ExamPlanPrefs("2020-01-01")),
        base=config,
    )
    workspace.close()
    workspace = open_workspace([decks], progress=tmp_path / "p", clock=ManualClock(NOW))
    assert "--date YYYY-MM-DD" in forecast_hint(workspace, _result(20))
    workspace.close()
