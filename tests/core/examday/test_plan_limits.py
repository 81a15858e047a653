"""The plan keeps to what the study queue will show: the daily new-card limit, and
nothing today beside a card the queue shows today anyway; guessing lifts only the
predicted score, never the choices."""

from __future__ import annotations

from datetime import date, timedelta

import fsrs
import pytest
from msgspec import structs

from studyapp.core.examday.memory import Memory, MemoryModel
from studyapp.core.examday.plan import PlanCard, PlanColumns, make_plan

MODEL = MemoryModel(tuple(fsrs.scheduler.DEFAULT_PARAMETERS))
TODAY = date(2027, 3, 1)


def _new_deck(count: int, *, limit: int, left_today: int) -> PlanColumns:
    columns = PlanColumns.of([PlanCard(f"c{n:03d}", ("d", f"e{n}")) for n in range(count)])
    return structs.replace(
        columns, decks=[0] * count, new_limits=[limit], new_left_today=[left_today]
    )


def test_no_day_learns_more_new_cards_than_the_limit_and_today_less_those_learned() -> None:
    columns = _new_deck(200, limit=20, left_today=6)
    plan = make_plan(
        columns, MODEL, today=TODAY, exam_date=TODAY + timedelta(days=7),
        answers_per_day=500, seconds_per_answer=5,
    )  # fmt: skip
    assert plan.days[0].new == 6  # (time for 160: the limit leaves 6 today)
    assert all(day.new <= 20 for day in plan.days)
    learned = sum(day.new for day in plan.days)
    assert learned == 6 + 20 * 6  # every day's room, and no more
    assert plan.held_back == 200 - learned
    unlimited = make_plan(
        PlanColumns.of([PlanCard(f"c{n:03d}", ("d", f"e{n}")) for n in range(200)]),
        MODEL, today=TODAY, exam_date=TODAY + timedelta(days=7),
        answers_per_day=500, seconds_per_answer=5,
    )  # fmt: skip
    assert unlimited.days[0].new > 20 and unlimited.held_back == 0  # (what QA saw: 48)


def test_limits_are_per_deck() -> None:
    cards = [PlanCard(f"{d}{n:02d}", (d, f"e{n}")) for d in "ab" for n in range(40)]
    columns = structs.replace(
        PlanColumns.of(cards),
        decks=[0] * 40 + [1] * 40,
        new_limits=[3, 10],
        new_left_today=[3, 10],
    )
    plan = make_plan(
        columns, MODEL, today=TODAY, exam_date=TODAY + timedelta(days=3),
        answers_per_day=1000, seconds_per_answer=5,
    )  # fmt: skip
    for day in plan.days:
        learned_a = [c for c in day.card_ids[: day.new] if c.startswith("a")]
        learned_b = [c for c in day.card_ids[: day.new] if c.startswith("b")]
        assert len(learned_a) <= 3 and len(learned_b) <= 10
    assert sum(d.new for d in plan.days) == 3 * 3 + 10 * 3


def test_nothing_is_planned_today_beside_a_card_the_queue_shows_today_anyway() -> None:
    """Entry e0's reverse card is due today: the queue shows it, and buries its sibling."""
    due = PlanCard("c0-rev", ("d", "e0"), Memory(2.0, 5.0), TODAY - timedelta(days=3))
    cards = [PlanCard("c0", ("d", "e0")), due, PlanCard("c1", ("d", "e1"))]
    columns = PlanColumns.of(cards)
    free = make_plan(
        columns, MODEL, today=TODAY, exam_date=TODAY + timedelta(days=5),
        answers_per_day=100, seconds_per_answer=5,
    )  # fmt: skip
    busy = make_plan(
        structs.replace(columns, busy_today={0: frozenset({1})}), MODEL, today=TODAY,
        exam_date=TODAY + timedelta(days=5), answers_per_day=100, seconds_per_answer=5,
    )  # fmt: skip
    assert "c0" in free.days[0].card_ids  # (the queue would have left it out)
    assert "c0" not in busy.days[0].card_ids and "c1" in busy.days[0].card_ids
    assert any("c0" in day.card_ids for day in busy.days[1:])  # learned another day
    # the due card itself may still be reviewed today: only its siblings wait
    only = make_plan(
        structs.replace(PlanColumns.of([due]), busy_today={0: frozenset({0})}), MODEL,
        today=TODAY, exam_date=TODAY + timedelta(days=1), answers_per_day=10,
        seconds_per_answer=5,
    )  # fmt: skip
    assert only.days[0].card_ids == ("c0-rev",)


def test_guessing_lifts_the_predicted_score_but_not_the_plan() -> None:
    cards = [PlanCard(f"c{n:02d}", ("d", f"e{n}")) for n in range(30)]
    columns = PlanColumns.of(cards)
    kwargs = {"today": TODAY, "exam_date": TODAY + timedelta(days=4)}
    recall = make_plan(columns, MODEL, answers_per_day=12, seconds_per_answer=5, **kwargs)
    floors = structs.replace(columns, floors=[0.25] * 30)
    scored = make_plan(floors, MODEL, answers_per_day=12, seconds_per_answer=5, **kwargs)
    assert scored.days == recall.days  # the same choices
    assert scored.recall_with_plan == recall.recall_with_plan
    r = recall.predicted_score_with_plan
    assert scored.predicted_score_with_plan == pytest.approx(r + (1 - r) * 0.25)
