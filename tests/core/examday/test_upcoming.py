"""Exams coming up: dates checked, which exams are dated, readiness and today's plan."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import fsrs
import pytest

from studyapp.core.config import ExamPlanPrefs
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.examday.memory import Memory, MemoryModel
from studyapp.core.examday.plan import Plan, PlanCard, make_plan
from studyapp.core.examday.readiness import ExamCard, card_memories
from studyapp.core.examday.report import exam_day_report
from studyapp.core.examday.upcoming import (
    PlannedToday,
    dated_exams,
    parse_exam_date,
    planned_today,
    upcoming,
)
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.statetable import StateTable
from studyapp.core.study.queue import study_day
from studyapp.core.study.settings import StudySettings

MODEL = MemoryModel(tuple(fsrs.scheduler.DEFAULT_PARAMETERS))
NOW = datetime(2027, 5, 10, 12, tzinfo=UTC)
TODAY = date(2027, 5, 10)


def _deck(deck_id: str, n: int) -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": f"q{i}", "kind": "qa", "prompt": f"Question {i}?", "answer": f"A{i}"}
        for i in range(n)
    ]
    return Deck.model_validate({"id": deck_id, "title": deck_id.title(), "entries": entries})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soon", "'soon' is not a date: write it as YYYY-MM-DD"),
        ("2027-02-30", "is not a date"),
        ("2027-05-10", "That is today: give a date after today"),
        ("2027-05-09", "2027-05-09 is in the past: give a date after today."),
        ("1999-01-01", "is in the past"),
    ],
)
def test_a_bad_or_past_exam_date_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_exam_date(text, TODAY)


def test_a_date_after_today_is_taken() -> None:
    assert parse_exam_date(" 2027-05-11 ", TODAY) == date(2027, 5, 11)


@pytest.mark.parametrize(
    "text", ["20 December 2027", "December 20, 2027", "Dec 20th 2027", "2027/12/20", "20.12.2027"]
)
def test_an_exam_date_is_read_as_answers_are(text: str) -> None:
    assert parse_exam_date(text, TODAY) == date(2027, 12, 20)


def test_a_day_and_month_without_a_year_is_the_next_one_to_come() -> None:
    assert parse_exam_date("20 December", TODAY) == date(2027, 12, 20)
    assert parse_exam_date("1 May", TODAY) == date(2028, 5, 1)  # TODAY is 10 May 2027
    assert parse_exam_date("29 February", TODAY) == date(2028, 2, 29)
    assert parse_exam_date("10 May", TODAY) == date(2028, 5, 10)  # today's: next year's


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("3/4/2028", "could be read two ways"),
        ("December 2027", "is not one day"),
        ("2028", "is not one day"),
    ],
)
def test_an_ambiguous_or_partial_exam_date_asks_again(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_exam_date(text, TODAY)


def test_dated_exams_learner_date_over_spec_decks_too_soonest_first() -> None:
    decks = [_deck("alpha", 2), _deck("beta", 2)]
    specs = [
        ExamSpec(id="final", title="Final", decks=["alpha"], date=date(2027, 6, 1)),
        ExamSpec(id="quiz", title="Quiz", decks=["beta"], date=date(2027, 5, 1)),  # past
        ExamSpec(id="mid", title="Mid", decks=["beta"]),  # no date
    ]
    prefs = {
        "final": ExamPlanPrefs(date="2027-05-20"),  # the learner's date wins
        "deck-beta": ExamPlanPrefs(date="2027-05-15"),
        "deck-gone": ExamPlanPrefs(date="2027-05-16"),  # no such deck loaded
        "deck-alpha": ExamPlanPrefs(minutes_per_day=5),  # no date
    }
    found = dated_exams(specs, decks, prefs, TODAY)
    assert [(s.id, d) for s, d in found] == [
        ("deck-beta", date(2027, 5, 15)),
        ("final", date(2027, 5, 20)),
    ]
    assert found[0][0].decks == ["beta"] and found[0][0].title == "Beta"
    assert dated_exams(specs, decks, prefs, date(2027, 5, 20)) == []  # on the day: none ahead


def _states(cards: list[Any], seed: int = 3) -> dict[str, CardState]:
    rng = random.Random(seed)
    states = {}
    for card in cards[: len(cards) * 2 // 3]:
        last = NOW - timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 20))
        states[card.id] = CardState(
            card.id,
            Phase.REVIEW,
            due=last + timedelta(days=5),
            last_review=last,
            stability=rng.uniform(0.5, 60),
            difficulty=rng.uniform(2, 9),
        )
    return states


def test_upcoming_gives_readiness_and_todays_part_of_the_plan() -> None:
    deck = _deck("alpha", 60)
    cards = cards_for_deck(deck)
    states = _states(cards)
    specs = [
        ExamSpec(id="final", title="Final", decks=["alpha"]),
        ExamSpec(id="lost", title="Lost", decks=["nowhere"], date=date(2027, 6, 1)),
    ]
    prefs = {"final": ExamPlanPrefs(date="2027-05-17", minutes_per_day=2)}
    found, problems = upcoming(
        specs, [deck], cards, states, (), StudySettings(), prefs, now=NOW, today=TODAY, tz=UTC
    )
    assert problems == ["Lost: exam 'lost' draws from deck(s) not loaded: nowhere (loaded: alpha)"]
    (exam,) = found
    assert (exam.exam_id, exam.exam_date, exam.days_left, exam.decks) == (
        "final",
        date(2027, 5, 17),
        7,
        ("alpha",),
    )
    assert 0 < exam.predicted_score < exam.predicted_score_with_plan <= 1
    assert 0 < len(exam.planned_today) <= 12  # 2 minutes at 10 s an answer
    assert set(exam.planned_today) <= {c.id for c in cards}
    planned = planned_today(found, TODAY)
    assert planned.card_ids == frozenset(exam.planned_today)
    assert planned.note().endswith("for the exam on 17 May")


def test_answers_given_today_shrink_todays_part_of_the_plan() -> None:
    deck = _deck("alpha", 60)
    cards = cards_for_deck(deck)
    states = _states(cards)
    prefs = {"final": ExamPlanPrefs(date="2027-05-17", minutes_per_day=2)}
    specs = [ExamSpec(id="final", title="Final", decks=["alpha"])]

    def today_count(recent: list[ReviewRecord]) -> int:
        found, _ = upcoming(
            specs, [deck], cards, states, recent, StudySettings(), prefs, now=NOW, today=TODAY
        )
        return len(found[0].planned_today)

    before = today_count([])
    answered = [
        ReviewRecord(i, cards[-1 - i].id, NOW - timedelta(hours=1), Rating.GOOD, Phase.NEW)
        for i in range(5)
    ]
    yesterday = [
        ReviewRecord(9, cards[-9].id, NOW - timedelta(days=1), Rating.GOOD, Phase.NEW),
    ]
    assert today_count(answered) < before
    assert today_count(yesterday) == before


def test_spent_today_takes_from_day_zero_only() -> None:
    cards = [PlanCard(f"c{i}", ("d", f"e{i}")) for i in range(40)]
    args: dict[str, Any] = {
        "today": TODAY,
        "exam_date": TODAY + timedelta(days=5),
        "answers_per_day": 10,
        "seconds_per_answer": 6,
    }
    fresh = make_plan(cards, MODEL, **args)
    spent = make_plan(cards, MODEL, spent_today=8, **args)

    def day0(plan: Plan) -> int:
        return plan.days[0].reviews + 2 * plan.days[0].new

    assert day0(fresh) == 10 and day0(spent) <= 2
    assert all(d.reviews + 2 * d.new <= 10 for d in spent.days)
    with pytest.raises(ValueError):
        make_plan(cards, MODEL, spent_today=-1, **args)


def test_memories_from_a_stores_columns_equal_those_from_its_states() -> None:
    deck = _deck("alpha", 30)
    cards = cards_for_deck(deck)
    states = _states(cards)
    ids = [c.id for c in cards]
    states[ids[0]] = CardState(ids[0], Phase.REVIEW, last_review=NOW, interval=9)  # SM-2
    states[ids[1]] = CardState(ids[1], Phase.NEW)
    table = StateTable.from_states(states)
    table[ids[2]] = CardState(
        ids[2], Phase.RELEARNING, last_review=NOW, stability=0.4, difficulty=8.0
    )
    exam = [ExamCard(c.id, c.deck_id, c.entry_id, c.kind) for c in cards]

    def day_of(moment: datetime) -> date:
        return study_day(moment, 4, UTC)

    from_table = card_memories(exam, table, day_of)
    from_states = card_memories(exam, dict(table.items()), day_of)
    assert from_table == from_states
    assert from_table.stability[0] == 9.0 and from_table.difficulty[0] == 5.0
    assert from_table.stability[1] == 0.0 and from_table.stability[2] == 0.4
    assert from_table.stability[-1] == 0.0  # never studied (no state)


def test_the_batch_formula_is_exam_recall() -> None:
    rng = random.Random(5)
    rows = [(rng.uniform(0.1, 400), rng.uniform(1, 10), rng.randint(1, 300)) for _ in range(200)]
    batch = MODEL.tomorrow_recalls([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    assert batch == [MODEL.exam_recall(s, d, e, 1) for s, d, e in rows]


def test_the_report_and_readiness_agree_on_the_memories() -> None:
    cards = [ExamCard(f"c{i}", "d", f"e{i // 2}", "qa") for i in range(20)]
    states = {
        f"c{i}": CardState(
            f"c{i}", Phase.REVIEW, last_review=NOW - timedelta(days=i), stability=3.0 + i,
            difficulty=5.0,
        )
        for i in range(0, 20, 3)
    }  # fmt: skip

    def day_of(moment: datetime) -> date:
        return study_day(moment, 4, UTC)

    report = exam_day_report(
        exam_id="x", title="X", cards=cards, states=states, model=MODEL, today=TODAY,
        exam_date=TODAY + timedelta(days=4), day_of=day_of, minutes_per_day=5,
        seconds_per_answer=10, target=0.9, needed=False,
    )  # fmt: skip
    memory = Memory(6.0, 5.0)
    assert report.readiness.cards[3].exam_day == MODEL.recall(3 + 4, memory.stability)
    assert report.minutes_per_day_needed is None


def test_the_note_counts_the_planned_cards_the_queue_took() -> None:
    day = date(2027, 5, 17)
    planned = PlannedToday(frozenset({"a", "b", "c"}), (("Midterm", day, frozenset("abc")),))
    assert planned.note() == "3 cards for the exam on 17 May"
    assert planned.note(queued=["a", "x"]) == "1 card for the exam on 17 May"
    assert planned.note(queued=[]) == ""
