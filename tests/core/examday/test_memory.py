"""The planner's memory model is ``fsrs.Scheduler``'s, answer for answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import fsrs
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.examday.memory import GOOD, Memory, MemoryModel

DEFAULTS = tuple(fsrs.scheduler.DEFAULT_PARAMETERS)
# A learner unlike the defaults (every value inside fsrs's bounds).
OTHER = (
    0.8, 2.1, 5.5, 20.0, 6.2, 0.45, 2.0, 0.02, 1.8, 0.2, 1.2,
    1.6, 0.12, 0.35, 1.9, 0.35, 2.4, 0.4, 0.2, 0.12, 0.25,
)  # fmt: skip
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _scheduler(parameters: tuple[float, ...]) -> fsrs.Scheduler:
    return fsrs.Scheduler(parameters=parameters, enable_fuzzing=False)


@settings(max_examples=300, deadline=None)
@given(
    params=st.sampled_from([DEFAULTS, OTHER]),
    stability=st.floats(0.05, 3000),
    difficulty=st.floats(1, 10),
    elapsed=st.integers(0, 2000),
    rating=st.sampled_from(list(fsrs.Rating)),
)
def test_a_review_moves_memory_as_fsrs_does(
    params: tuple[float, ...],
    stability: float,
    difficulty: float,
    elapsed: int,
    rating: fsrs.Rating,
) -> None:
    scheduler = _scheduler(params)
    card = fsrs.Card(
        card_id=1,
        state=fsrs.State.Review,
        step=None,
        stability=stability,
        difficulty=difficulty,
        due=START,
        last_review=START,
    )
    now = START + timedelta(days=elapsed, minutes=5)
    theirs, _ = scheduler.review_card(card, rating, now)
    model = MemoryModel(params)
    memory = Memory(stability, difficulty)
    ours = (
        model.same_day(memory, int(rating))
        if elapsed == 0
        else model.review(memory, elapsed, int(rating))
    )
    assert abs(ours.stability - theirs.stability) <= 1e-9 * max(1.0, theirs.stability)
    assert abs(ours.difficulty - theirs.difficulty) <= 1e-9
    assert (
        abs(model.recall(elapsed, stability) - scheduler.get_card_retrievability(card, now)) < 1e-12
    )


def test_learning_a_new_card_is_fsrs_learning_it() -> None:
    for params in (DEFAULTS, OTHER):
        scheduler = _scheduler(params)
        card = fsrs.Card(card_id=1)
        card, _ = scheduler.review_card(card, fsrs.Rating.Good, START)
        card, _ = scheduler.review_card(card, fsrs.Rating.Good, START + timedelta(minutes=10))
        assert card.state is fsrs.State.Review
        learned = MemoryModel(params).learned()
        assert abs(learned.stability - card.stability) < 1e-9
        assert abs(learned.difficulty - card.difficulty) < 1e-9


def test_a_lapse_then_the_relearning_step() -> None:
    scheduler = _scheduler(DEFAULTS)
    model = MemoryModel(DEFAULTS)
    card = fsrs.Card(
        card_id=1, state=fsrs.State.Review, step=None, stability=12.0, difficulty=6.0,
        due=START, last_review=START,
    )  # fmt: skip
    later = START + timedelta(days=30)
    card, _ = scheduler.review_card(card, fsrs.Rating.Again, later)
    card, _ = scheduler.review_card(card, fsrs.Rating.Good, later + timedelta(minutes=10))
    r, good, lapse = model.reviewed(Memory(12.0, 6.0), 30)
    assert abs(lapse.stability - card.stability) < 1e-9
    assert abs(r - model.recall(30, 12.0)) < 1e-12 and 0 < r < 1
    assert good.stability > 12.0 and GOOD == 3


@settings(max_examples=300, deadline=None)
@given(
    params=st.sampled_from([DEFAULTS, OTHER]),
    stability=st.floats(0.05, 3000),
    difficulty=st.floats(1, 10),
    elapsed=st.integers(0, 400),
    left=st.integers(0, 60),
)
def test_exam_recall_is_the_two_branches_of_reviewed(
    params: tuple[float, ...], stability: float, difficulty: float, elapsed: int, left: int
) -> None:
    model = MemoryModel(params)
    r, good, lapse = model.reviewed(Memory(stability, difficulty), elapsed)
    expected = r * model.recall(left, good.stability) + (1 - r) * model.recall(
        left, lapse.stability
    )
    got, fragility = model.exam_recall(stability, difficulty, elapsed, left)
    assert abs(got - expected) < 1e-9
    assert abs(fragility - good.stability) <= 1e-9 * max(1.0, good.stability)
