"""Each screen's forecast says what it measures, and the same figure reads the same.

The walk-through saw 39% (results), 37% (readiness) and 32% (home) for one learner and
exam at one moment: the sitting's questions as it began, the whole exam if it were
today, the whole exam on its day. Home's figure now says "exam day:", readiness's
same line shows the same number, the results line names its questions, and the plan
and Stats' due chart each say which cards they count.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from studyapp.core.config import ExamPlanPrefs
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.examday.report import report_for_exam
from studyapp.core.examday.upcoming import upcoming
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.quiz.questions import questions_for_deck
from studyapp.core.quiz.scoring import grade_answer, score_quiz
from studyapp.core.quiz.sitting import Ending
from studyapp.core.store.state import CardState, Phase
from studyapp.core.study.settings import StudySettings
from studyapp.tui.screens.exam_date import exam_line
from studyapp.tui.screens.readiness import plan_text, readiness_text
from studyapp.tui.screens.results import score_lines
from studyapp.tui.screens.stats import SECTIONS, due_heading

NOW = datetime(2027, 5, 10, 12, tzinfo=UTC)
TODAY = date(2027, 5, 10)
EXAM_DAY = date(2027, 5, 24)


def _deck() -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": f"q{i}", "kind": "qa", "prompt": f"Question {i}?", "answer": f"Answer{i}"}
        for i in range(30)
    ]
    return Deck.model_validate({"id": "alpha", "title": "Alpha", "entries": entries})


def _states(deck: Deck) -> dict[str, CardState]:
    rng = random.Random(11)
    states = {}
    for card in cards_for_deck(deck)[:20]:
        last = NOW - timedelta(days=rng.randint(0, 15))
        states[card.id] = CardState(
            card.id, Phase.REVIEW, due=last + timedelta(days=3), last_review=last,
            stability=rng.uniform(1, 30), difficulty=rng.uniform(2, 9),
        )  # fmt: skip
    return states


def _line(text: str, start: str) -> str:
    (found,) = [line for line in text.splitlines() if line.startswith(start)]
    return found


def test_home_and_readiness_show_the_exam_day_figure_alike_and_say_so() -> None:
    deck = _deck()
    cards = cards_for_deck(deck)
    states = _states(deck)
    spec = ExamSpec(id="final", title="Final", decks=["alpha"])
    prefs = {"final": ExamPlanPrefs(date=EXAM_DAY.isoformat(), minutes_per_day=5)}
    (home,), _ = upcoming(
        [spec], [deck], cards, states, (), StudySettings(), prefs, now=NOW, today=TODAY
    )
    report = report_for_exam(
        spec, [deck], cards, states, (), StudySettings(),
        now=NOW, exam_date=EXAM_DAY, minutes_per_day=5, target=0.9, needed=False,
    )  # fmt: skip
    shown = readiness_text(report.readiness, report, "Final")
    day = _line(shown, "On exam day, studying no more:").split()[-1]
    with_plan = _line(shown, "On exam day, following the plan:").split()[6]
    today = _line(shown, "If the exam were today:").split()[-1]
    assert today != day  # two measures: memory fades by the day
    assert f" · exam day: {day}, {with_plan} with the plan" in exam_line(home, 200)
    assert "predicted" not in exam_line(home, 200)


def test_the_results_forecast_names_its_questions() -> None:
    from studyapp.core.decks.loader import load_deck
    from tests.conftest import REPO

    loaded = load_deck(REPO / "decks" / "lee-pragmatic-diplomacy.yaml")
    questions = questions_for_deck(loaded, random.Random(1))[:12]
    result = score_quiz(
        questions,
        [grade_answer(q, q.answer) for q in questions],
        title="Quiz",
        pass_mark=0,
        predicted={q.id: 0.5 for q in questions},
    )
    text = "\n".join(score_lines(result, Ending.SUBMITTED, None))
    assert "Forecast for these 12 questions as you began: 50% · you scored 100%" in text


def test_the_plan_and_the_due_chart_say_which_cards_they_count() -> None:
    deck = _deck()
    cards = cards_for_deck(deck)
    report = report_for_exam(
        ExamSpec(id="final", title="Final", decks=["alpha"]), [deck], cards, _states(deck),
        (), StudySettings(), now=NOW, exam_date=EXAM_DAY, minutes_per_day=5, target=0.9,
        needed=False,
    )  # fmt: skip
    head = plan_text(report).splitlines()[:2]
    assert head[0].startswith("Plan: 5 min a day")
    assert head[1] == "Picked for the exam, besides the cards due on your schedule (Stats):"
    assert dict(SECTIONS)["forecast"] == due_heading(30)
    assert due_heading(30).startswith("Cards due on your schedule, next 30 days")
