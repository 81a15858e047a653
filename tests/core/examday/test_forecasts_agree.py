"""One learner, one exam, one moment: every screen's source of a forecast agrees where the
figures measure the same thing.

The walk-through saw 39% on the results screen, 37% on readiness and 32% on home. They
measure three things: the sitting's questions as it began, the whole exam if it were
today, the whole exam on its day. Home's and readiness's exam-day figures are one
function's (:func:`report_for_exam`); a sitting of every entry, asked typed (no guessing),
is forecast as readiness forecasts today, card for card and with the same memory model.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import fsrs

from studyapp.core.config import ExamPlanPrefs
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.examday.report import predict_sitting, readiness_for_exam, report_for_exam
from studyapp.core.examday.upcoming import upcoming
from studyapp.core.quiz.exam import ExamSpec, FormatMix, build_exam
from studyapp.core.store.state import CardState, Phase
from studyapp.core.study.settings import StudySettings

NOW = datetime(2027, 5, 10, 12, tzinfo=UTC)
TODAY = date(2027, 5, 10)
EXAM_DAY = date(2027, 5, 24)


def _deck(n: int = 40) -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": f"q{i}", "kind": "qa", "prompt": f"Question {i}?", "answer": f"Answer{i}"}
        for i in range(n)
    ]
    return Deck.model_validate({"id": "alpha", "title": "Alpha", "entries": entries})


def _states(deck: Deck, seed: int = 7) -> dict[str, CardState]:
    """Two thirds of the cards studied, some of them today."""
    rng = random.Random(seed)
    states = {}
    cards = cards_for_deck(deck)
    for card in cards[: len(cards) * 2 // 3]:
        last = NOW - timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 6))
        states[card.id] = CardState(
            card.id,
            Phase.REVIEW,
            due=last + timedelta(days=4),
            last_review=last,
            stability=rng.uniform(0.5, 40),
            difficulty=rng.uniform(2, 9),
        )
    return states


def test_home_and_readiness_show_one_functions_figures() -> None:
    deck = _deck()
    cards = cards_for_deck(deck)
    states = _states(deck)
    spec = ExamSpec(id="final", title="Final", decks=["alpha"])
    study = StudySettings()
    prefs = {"final": ExamPlanPrefs(date=EXAM_DAY.isoformat(), minutes_per_day=5)}
    (home,), problems = upcoming(
        [spec], [deck], cards, states, (), study, prefs, now=NOW, today=TODAY
    )
    assert not problems
    screen = report_for_exam(  # what the readiness screen (and `studyapp plan`) shows
        spec, [deck], cards, states, (), study,
        now=NOW, exam_date=EXAM_DAY, minutes_per_day=5, target=0.9, needed=False,
    )  # fmt: skip
    assert home.predicted_score == screen.readiness.predicted_score
    assert home.predicted_score_with_plan == screen.plan.predicted_score_with_plan
    undated = readiness_for_exam(spec, [deck], cards, states, study, now=NOW, exam_date=None)
    assert undated.predicted_score_today == screen.readiness.predicted_score_today
    # and they are different measures: today is not the day (memory fades meanwhile)
    assert screen.readiness.predicted_score < screen.readiness.predicted_score_today


def _sitting_agrees(spec: ExamSpec, study: StudySettings) -> tuple[float, float]:
    """(the mean forecast of a typed sitting of every entry, readiness today)."""
    deck = _deck()
    cards = cards_for_deck(deck)
    states = _states(deck)
    questions = build_exam(spec, [deck], random.Random(1))
    assert len(questions) == len(deck.entries)
    forecast = predict_sitting(questions, cards, states, study, now=NOW)
    ready = readiness_for_exam(spec, [deck], cards, states, study, now=NOW, exam_date=None)
    by_entry = {f.card.entry_id: f.today for f in ready.cards}
    for question in questions:
        (entry,) = question.entry_ids
        assert abs(forecast[question.id] - by_entry[entry]) < 1e-12
    return sum(forecast.values()) / len(forecast), ready.predicted_score_today


def test_a_sitting_of_every_entry_is_forecast_as_readiness_forecasts_today() -> None:
    spec = ExamSpec(
        id="all", title="All", decks=["alpha"], questions=40, formats=FormatMix(typed=1)
    )
    sitting, today = _sitting_agrees(spec, StudySettings())
    assert abs(sitting - today) < 1e-12


def test_a_decks_own_memory_model_is_used_by_both_whatever_the_spec_names() -> None:
    """A spec naming no deck draws from every deck: here one, with its own FSRS
    parameters. Readiness took the global model then, the sitting the deck's."""
    own = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    own[20] = 0.6  # a steeper forgetting curve than the default
    study = StudySettings().with_deck_overrides("alpha", parameters=tuple(own))
    spec = ExamSpec(id="all", title="All", decks=[], questions=40, formats=FormatMix(typed=1))
    sitting, today = _sitting_agrees(spec, study)
    assert abs(sitting - today) < 1e-12
