"""Forecasts kept with results, and set beside them: per attempt and by forecast bins."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.examday.calibration import calibration
from studyapp.core.examday.guessing import floor
from studyapp.core.examday.report import predict_sitting
from studyapp.core.quiz.questions import QuestionFormat, questions_for_deck
from studyapp.core.quiz.results import list_results, save_result
from studyapp.core.quiz.scoring import QuizResult, grade_answer, score_quiz
from studyapp.core.store.state import Rating
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings
from studyapp.core.workspace import open_workspace
from tests.conftest import REPO

START = datetime(2027, 5, 3, 9, 0, tzinfo=UTC)


def _studied(progress: Path, clock: ManualClock, answers: int):  # type: ignore[no-untyped-def]
    workspace = open_workspace([str(REPO / "decks")], progress=progress, clock=clock)
    session = Session(
        workspace.store, workspace.cards, StudySettings(), clock=clock, rng=random.Random(4)
    )
    for _ in range(answers):
        if session.current() is None:
            break
        session.answer(Rating.GOOD, timedelta(seconds=5))
    return workspace


def test_a_sitting_forecasts_studied_questions_and_a_guess_for_the_rest(tmp_path: Path) -> None:
    clock = ManualClock(START)
    workspace = _studied(tmp_path / "p", clock, 40)
    deck = workspace.decks.decks[0].deck
    questions = questions_for_deck(deck, random.Random(1))
    clock.advance(timedelta(days=3))
    predicted = predict_sitting(
        questions, workspace.cards, workspace.store.states, StudySettings(), now=clock()
    )
    assert set(predicted) == {q.id for q in questions}
    studied = {c.entry_id for c in workspace.cards if workspace.store.get(c.id).reps}
    for question in questions:
        if studied.isdisjoint(question.entry_ids):  # only a guess among the options
            assert predicted[question.id] == pytest.approx(
                floor(question.format, len(question.options))
            )
    assert any(0.5 < p < 1 for p in predicted.values())  # three days after learning
    workspace.close()


def test_the_forecast_is_kept_with_the_result_and_read_back(tmp_path: Path) -> None:
    clock = ManualClock(START)
    workspace = _studied(tmp_path / "p", clock, 30)
    deck = workspace.decks.decks[0].deck
    questions = questions_for_deck(deck, random.Random(2))[:10]
    predicted = predict_sitting(
        questions, workspace.cards, workspace.store.states, StudySettings(), now=clock()
    )
    results = [grade_answer(q, q.answer) for q in questions[:6]]
    result = score_quiz(
        questions, results, title="T", pass_mark=50, taken_at=clock(), predicted=predicted
    )
    expected = 100 * sum(predicted[q.id] for q in questions) / len(questions)
    assert result.predicted_score is not None
    assert abs(result.predicted_score - expected) < 0.01
    save_result(workspace.store.folder, result, clock())
    (stored,), _ = list_results(workspace.store.folder)
    assert stored.result.predicted_score == result.predicted_score
    assert [r.predicted for r in stored.result.results] == [r.predicted for r in result.results]
    workspace.close()


def _result(
    score: float,
    predictions: list[tuple[float, float]],
    day: int,
    *,
    unanswered: int = 0,
    ending: Literal["submitted", "early", "time"] | None = None,
) -> QuizResult:
    """A stored attempt whose questions had these (forecast, credit) pairs (the first
    ``unanswered`` of them not answered)."""
    template = grade_answer(questions_for_deck(_deck(), random.Random(0))[0], None)
    rows = [
        template.model_copy(
            update={
                "question_id": f"q{n}",
                "predicted": p,
                "credit": c,
                "given": None if n < unanswered else "an answer",
            }
        )
        for n, (p, c) in enumerate(predictions)
    ]
    return QuizResult(
        title="T", pass_mark=0, score=score, points=0, max_points=len(rows), passed=True,
        seconds=1, results=tuple(rows), by_kind={}, by_tag={}, by_format={},
        predicted_score=60.0, taken_at=START + timedelta(days=day), ending=ending,
    )  # fmt: skip


def _deck():  # type: ignore[no-untyped-def]
    from studyapp.core.decks.loader import load_deck

    return load_deck(REPO / "decks" / "lee-pragmatic-diplomacy.yaml")


def test_calibration_bins_forecasts_and_lists_attempts_oldest_first() -> None:
    late = _result(70.0, [(0.95, 1.0), (0.92, 0.0), (0.15, 0.0)], day=9)
    early = _result(40.0, [(0.35, 1.0), (0.31, 0.0), (0.0, 1.0)], day=2)
    found = calibration([late, early])
    assert [a.actual for a in found.attempts] == [40.0, 70.0]
    assert [(b.low, b.questions, round(b.actual, 2)) for b in found.bins] == [
        (0.1, 1, 0.0),
        (0.3, 2, 0.5),
        (0.9, 2, 0.5),
    ]  # the never-studied question (forecast 0) is in no bin
    assert found.to_json()["attempts"][0]["actual_score"] == 0.4  # type: ignore[index]


def test_a_sitting_ended_early_is_no_score_but_its_answers_still_count() -> None:
    """One answer of twenty, then Esc: not charted as "scored 5%" beside its forecast."""
    forecasts = [(0.95, 1.0)] + [(0.5, 0.0)] * 19
    early = _result(5.0, list(reversed(forecasts)), day=1, unanswered=19, ending="early")
    whole = _result(70.0, [(0.95, 1.0), (0.92, 0.0)], day=2, ending="submitted")
    blanks = _result(50.0, [(0.4, 0.0), (0.45, 1.0)], day=3, unanswered=1)  # (older file)
    found = calibration([early, whole, blanks])
    assert [a.actual for a in found.attempts] == [70.0]
    assert not early.complete and not blanks.complete and whole.complete
    # the answered questions count per question; the unanswered ones do not
    assert [(b.low, b.questions) for b in found.bins] == [(0.4, 1), (0.9, 3)]


def test_a_guess_is_part_of_every_question_forecast() -> None:
    """r + (1 - r) * g: g = 1/k for k options, 1/2 for true/false, 0 typed; an ordering of
    k events is right by chance 1/k! and one swap away (close credit) (k - 1)/k!."""
    from studyapp.core.examday.guessing import entry_floor, with_guessing
    from studyapp.core.quiz.exam import ExamSpec, FormatMix
    from studyapp.core.quiz.questions import QuestionFormat

    assert floor(QuestionFormat.TYPED, 0) == 0
    assert floor(QuestionFormat.CHOICE, 4) == 0.25
    assert floor(QuestionFormat.TRUE_FALSE, 2) == 0.5
    assert floor(QuestionFormat.ORDERING, 4, close_credit=0.5) == pytest.approx(2.5 / 24)
    assert floor(QuestionFormat.ORDERING, 4, close_credit=0.0) == pytest.approx(1 / 24)
    assert with_guessing(0.0, 0.25) == 0.25 and with_guessing(1.0, 0.25) == 1.0
    assert with_guessing(0.6, 0.5) == pytest.approx(0.8)
    mixed = ExamSpec(id="x", title="X", formats=FormatMix(typed=1, choice=2, true_false=1))
    assert entry_floor("qa", mixed) == pytest.approx((0 + 2 * 0.25 + 0.5) / 4)
    typed = ExamSpec(id="y", title="Y", formats=FormatMix(typed=1))
    assert entry_floor("qa", typed) == 0
    assert entry_floor("order", typed) == pytest.approx(2.5 / 24)  # asked as an ordering


def test_a_never_studied_choice_question_is_forecast_as_a_guess(tmp_path: Path) -> None:
    """The QA walk-through: a quiz forecast 2% and scored 70%; a choice question had 0.0."""
    clock = ManualClock(START)
    workspace = _studied(tmp_path / "p", clock, 0)
    deck = workspace.decks.decks[0].deck
    questions = [
        q for q in questions_for_deck(deck, random.Random(3)) if q.format is QuestionFormat.CHOICE
    ][:10]
    predicted = predict_sitting(
        questions, workspace.cards, workspace.store.states, StudySettings(), now=clock()
    )
    assert all(predicted[q.id] == pytest.approx(1 / len(q.options)) for q in questions)
    result = score_quiz(questions, [], title="T", pass_mark=0, predicted=predicted)
    assert result.predicted_score == pytest.approx(25.0)
    workspace.close()
