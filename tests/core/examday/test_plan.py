"""The exam-day plan: capacity kept, later reviews for fragile memories, honest scores."""

from __future__ import annotations

import random
from datetime import date, timedelta

import fsrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.examday.memory import Memory, MemoryModel
from studyapp.core.examday.plan import (
    LEARN_ANSWERS,
    PlanCard,
    answers_needed,
    make_plan,
    minutes_needed,
)

MODEL = MemoryModel(tuple(fsrs.scheduler.DEFAULT_PARAMETERS))
TODAY = date(2027, 3, 1)


def _cards(seed: int, count: int, new_share: float = 0.3) -> list[PlanCard]:
    rng = random.Random(seed)
    cards = []
    for n in range(count):
        entry = ("d", f"e{n // 2}")
        if rng.random() < new_share:
            cards.append(PlanCard(f"c{n}", entry))
        else:
            memory = Memory(rng.uniform(0.5, 200), rng.uniform(1, 10))
            cards.append(PlanCard(f"c{n}", entry, memory, TODAY - timedelta(rng.randint(0, 60))))
    return cards


def _plan(cards: list[PlanCard], days: int, answers: int, target: float = 0.9):  # type: ignore[no-untyped-def]
    return make_plan(
        cards,
        MODEL,
        today=TODAY,
        exam_date=TODAY + timedelta(days=days),
        answers_per_day=answers,
        seconds_per_answer=8,
        target=target,
    )


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    count=st.integers(1, 120),
    days=st.integers(1, 40),
    answers=st.integers(0, 80),
)
def test_a_plan_keeps_to_the_time_and_never_predicts_less(
    seed: int, count: int, days: int, answers: int
) -> None:
    cards = _cards(seed, count)
    plan = _plan(cards, days, answers)
    assert len(plan.days) == days
    for day in plan.days:
        assert day.reviews + LEARN_ANSWERS * day.new <= answers
        assert day.minutes == pytest.approx(
            (day.reviews + LEARN_ANSWERS * day.new) * 8 / 60, abs=0.06
        )
    idle = _plan(cards, days, 0)
    assert plan.predicted_score_with_plan >= idle.predicted_score_with_plan - 1e-12
    for card in cards:  # no card is worse off for following the plan
        assert plan.recall_with_plan[card.card_id] >= idle.recall_with_plan[card.card_id] - 1e-12
    assert 0 <= plan.predicted_score_with_plan <= 1


def test_more_time_never_lowers_the_prediction() -> None:
    cards = _cards(7, 300)
    scores = [
        _plan(cards, 14, answers).predicted_score_with_plan for answers in (0, 5, 20, 60, 200)
    ]
    assert scores == sorted(scores)
    assert scores[-1] > scores[0] + 0.3


def test_with_enough_time_every_card_reaches_the_target() -> None:
    cards = _cards(3, 200)
    plan = _plan(cards, 14, 1000)
    assert plan.reaches_target
    assert plan.predicted_score_with_plan >= 0.9


def test_a_card_already_ready_waits_for_the_weak_and_a_new_one_is_learned_early() -> None:
    strong = PlanCard("strong", ("d", "a"), Memory(400.0, 3.0), TODAY - timedelta(days=2))
    weak = PlanCard("weak", ("d", "c"), Memory(3.0, 7.0), TODAY - timedelta(days=9))
    plan = _plan([strong, weak], 1, 1)  # one answer: the weak card's
    assert plan.days[0].card_ids == ("weak",)
    assert plan.recall_with_plan["strong"] >= 0.9
    new = PlanCard("new", ("d", "b"))
    plan = _plan([strong, new], 10, 50)
    assert plan.days[0].new == 1 and "new" in plan.days[0].card_ids
    assert "new" in plan.days[-1].card_ids  # and reviewed the day before the exam


def test_the_most_fragile_memories_are_reviewed_last() -> None:
    fragile = PlanCard("fragile", ("d", "a"), Memory(1.0, 8.0), TODAY - timedelta(days=3))
    sturdy = PlanCard("sturdy", ("d", "b"), Memory(20.0, 3.0), TODAY - timedelta(days=40))
    plan = _plan([fragile, sturdy], 10, 1)  # one answer a day: one goes earlier
    days = {c: n for n, day in enumerate(plan.days) for c in day.card_ids}
    assert days["fragile"] == 9 and days["sturdy"] == 8


def test_answers_needed_is_the_least_time_that_reaches_the_target_score() -> None:
    cards = _cards(11, 150)
    exam = TODAY + timedelta(days=10)
    answers = answers_needed(cards, MODEL, today=TODAY, exam_date=exam)
    assert answers is not None and answers > 0
    assert _plan(cards, 10, answers).predicted_score_with_plan >= 0.9
    assert _plan(cards, 10, answers - 1).predicted_score_with_plan < 0.9
    minutes = minutes_needed(cards, MODEL, today=TODAY, exam_date=exam, seconds_per_answer=8)
    assert minutes is not None and minutes * 60 / 8 >= answers > (minutes - 0.1) * 60 / 8


@pytest.mark.parametrize("days", [0, -3])
def test_an_exam_today_or_past_is_refused(days: int) -> None:
    with pytest.raises(ValueError, match="after today"):
        _plan(_cards(1, 5), days, 10)


@pytest.mark.parametrize("target", [0.0, 1.0, 1.5, -0.1])
def test_a_target_outside_zero_one_is_refused(target: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        _plan(_cards(1, 5), 5, 10, target)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), days=st.integers(1, 20), answers=st.integers(2, 200))
def test_no_day_studies_two_cards_of_one_entry(seed: int, days: int, answers: int) -> None:
    """The study queue shows one card of an entry a day (siblings give each other away):
    a plan that put two on one day would be studied a card short."""
    cards = _cards(seed, 80, new_share=0.6)  # two cards an entry, most of them new
    entry_of = {card.card_id: card.entry for card in cards}
    plan = _plan(cards, days, answers)
    for day in plan.days:
        studied = [entry_of[c] for c in day.card_ids]
        assert len(studied) == len(set(studied)), (day.day, studied)


def test_both_cards_of_a_new_entry_are_learned_on_different_days() -> None:
    twins = [PlanCard("when", ("d", "e")), PlanCard("what", ("d", "e"))]
    plan = _plan(twins, 10, 40)
    days = [d.day for d in plan.days if {"when", "what"} & set(d.card_ids)]
    first = {c: min(d.day for d in plan.days if c in d.card_ids) for c in ("when", "what")}
    assert first["when"] != first["what"] and days


def test_a_new_card_is_not_learned_on_a_day_its_leak_partner_is_studied() -> None:
    """The queue holds back a new card when a leak partner was shown that day (one gives
    the other's answer away): the plan puts them on different days."""
    from studyapp.core.examday.plan import PlanColumns

    cards = [PlanCard(f"c{n}", ("d", f"e{n}")) for n in range(6)]
    plain = PlanColumns.of(cards)
    linked = PlanColumns(
        plain.card_ids,
        plain.entries,
        plain.entry_count,
        plain.stability,
        plain.difficulty,
        plain.last_day,
        [(1,), (0,), (3, 4), (2,), (2,), ()],
    )
    plan = make_plan(
        linked,
        MODEL,
        today=TODAY,
        exam_date=TODAY + timedelta(days=8),
        answers_per_day=60,
        seconds_per_answer=8,
    )
    on = {c: {d.day for d in plan.days if c in d.card_ids} for c in plain.card_ids}
    learned = {c: min(days) for c, days in on.items() if days}
    assert len(learned) == 6  # every card is learned, none held back for good
    for a, b in (("c0", "c1"), ("c2", "c3"), ("c2", "c4")):
        assert learned[a] not in on[b] and learned[b] not in on[a], (a, b, on)
