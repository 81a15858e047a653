"""The results screen's score lines tell one score: "PASSED: 72.5%" on the first line,
"you scored 72.5%" on the forecast line (it said 72%, rounded again).

Here with the command-line fixes of session 18 (its helper writes tests under tests/cli
and tests/core only); :func:`score_lines` is plain text, no Textual app is run.
"""

from __future__ import annotations

import random

import pytest

from studyapp.core.decks.loader import load_deck
from studyapp.core.quiz.questions import questions_for_deck
from studyapp.core.quiz.scoring import QuizResult, grade_answer, score_quiz
from studyapp.core.quiz.sitting import Ending
from studyapp.tui.screens.results import score_lines, score_shown
from tests.conftest import REPO


def _scored(score: float, forecast: float) -> QuizResult:
    """A whole sitting with a forecast (each question 50%), its score set to ``score``."""
    deck = load_deck(REPO / "decks" / "lee-pragmatic-diplomacy.yaml")
    questions = questions_for_deck(deck, random.Random(1))[:20]
    results = [grade_answer(q, q.answer) for q in questions]
    predicted = {q.id: 0.5 for q in questions}
    result = score_quiz(
        questions,
        results,
        title="Midterm",
        pass_mark=60,
        exam_id="lee-midterm",
        predicted=predicted,
    )
    return result.model_copy(
        update={"score": score, "passed": score >= 60, "predicted_score": forecast}
    )


def _forecast_line(lines: list[str]) -> str:
    (line,) = [line for line in lines if "as you began" in line]
    return line


def test_the_forecast_line_tells_the_score_of_the_first_line() -> None:
    """Before: "PASSED: 72.5% (pass mark 60%)" then "... you scored 72%, ..."."""
    lines = score_lines(_scored(72.5, 50.0), Ending.SUBMITTED, None)
    assert lines[0] == "PASSED: 72.5% (pass mark 60%)"
    assert (
        "as you began: 50% · you scored 72.5%, 22.5 percentage points above it"
        in _forecast_line(lines)
    )


@pytest.mark.parametrize(
    ("score", "first", "said"),
    [
        (72.46, "72.5%", "you scored 72.5%"),
        (100.0, "100.0%", "you scored 100%"),
        (66.66666, "66.7%", "you scored 66.7%"),
        (52.0, "52.0%", "you scored 52%, as forecast"),
    ],
)
def test_both_lines_round_the_score_alike(score: float, first: str, said: str) -> None:
    lines = score_lines(_scored(score, 50.0), Ending.SUBMITTED, None)
    assert lines[0].split(": ", 1)[1].startswith(first)
    assert said in _forecast_line(lines)
    assert float(first.rstrip("%")) == score_shown(score)


def test_the_gap_is_between_the_figures_shown() -> None:
    """A forecast of 70% and a score of 74.6%: 4.6 points, "as forecast" (under 5)."""
    line = _forecast_line(score_lines(_scored(74.6, 70.0), Ending.SUBMITTED, None))
    assert "70% · you scored 74.6%, as forecast" in line
    line = _forecast_line(score_lines(_scored(45.5, 70.0), Ending.SUBMITTED, None))
    assert "70% · you scored 45.5%, 24.5 percentage points below it" in line
