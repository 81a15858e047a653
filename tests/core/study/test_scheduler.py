"""Scheduler behaviour that does not need Anki: previews, ordering, fuzz, round trips."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from msgspec.structs import replace

from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.study.fsrs6 import FSRSScheduler, fsrs_parameters
from studyapp.core.study.fuzz import constrain_interval, fuzz_bounds, fuzz_factor
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.study.settings import SchedulerSettings
from studyapp.core.study.sm2 import SM2Scheduler

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
DAY = timedelta(days=1)


def review_state(
    stability: float, difficulty: float, elapsed: int, card: str = "d/e/v"
) -> CardState:
    return CardState(
        card_id=card,
        phase=Phase.REVIEW,
        due=NOW,
        last_review=NOW - timedelta(days=elapsed),
        stability=stability,
        difficulty=difficulty,
        interval=max(1, elapsed),
        reps=5,
    )


def test_new_card_preview_matches_learning_steps() -> None:
    preview = FSRSScheduler(SchedulerSettings(enable_fuzz=False)).preview(CardState("d/e/v"), NOW)
    assert preview[Rating.AGAIN] == MIN
    assert preview[Rating.HARD] == timedelta(minutes=5, seconds=30)
    assert preview[Rating.GOOD] == 10 * MIN
    assert preview[Rating.EASY] == 8 * DAY


def test_answer_returns_new_value_and_counts() -> None:
    scheduler = FSRSScheduler()
    start = CardState("d/e/v")
    after = scheduler.answer(start, Rating.GOOD, NOW)
    assert start.phase is Phase.NEW and start.reps == 0  # not mutated
    assert after.phase is Phase.LEARNING and after.step == 1 and after.reps == 1
    assert after.last_review == NOW
    graduated = scheduler.answer(after, Rating.GOOD, NOW + 10 * MIN)
    assert graduated.phase is Phase.REVIEW and graduated.interval >= 1
    lapsed = scheduler.answer(graduated, Rating.AGAIN, graduated.due or NOW)
    assert lapsed.phase is Phase.RELEARNING and lapsed.lapses == 1


@pytest.mark.parametrize("fuzz", [False, True])
@pytest.mark.parametrize("algorithm", ["fsrs", "sm2"])
def test_review_intervals_strictly_increase_a_day_apart(fuzz: bool, algorithm: str) -> None:
    rng = random.Random(7)
    scheduler = make_scheduler(SchedulerSettings(algorithm=algorithm, enable_fuzz=fuzz))  # type: ignore[arg-type]
    for i in range(300):
        state = review_state(
            stability=rng.choice([0.05, 0.3, 1.0, 3.0]) * rng.uniform(1, 300),
            difficulty=rng.uniform(1, 10),
            elapsed=rng.randint(0, 800),
            card=f"d/e{i}/v",
        )
        state = replace(state, ease=rng.uniform(1.3, 3.0))
        p = scheduler.preview(state, NOW)
        assert p[Rating.AGAIN] < p[Rating.HARD]
        assert p[Rating.HARD] >= DAY
        assert p[Rating.GOOD] - p[Rating.HARD] >= DAY
        assert p[Rating.EASY] - p[Rating.GOOD] >= DAY


def test_maximum_interval_caps_every_grade() -> None:
    scheduler = FSRSScheduler(SchedulerSettings(maximum_interval=30, enable_fuzz=False))
    p = scheduler.preview(review_state(500, 5, 500), NOW)
    assert p[Rating.HARD] == p[Rating.GOOD] == p[Rating.EASY] == 30 * DAY


@pytest.mark.parametrize("algorithm", ["fsrs", "sm2"])
def test_preview_is_what_answering_does_even_with_fuzz(algorithm: str) -> None:
    scheduler = make_scheduler(SchedulerSettings(algorithm=algorithm))  # type: ignore[arg-type]
    state = replace(review_state(40, 4, 40), ease=2.5)
    preview = scheduler.preview(state, NOW)
    for rating in Rating:
        after = scheduler.answer(state, rating, NOW)
        assert after.due is not None
        assert after.due - NOW == preview[rating]


def test_fuzz_is_repeatable_and_varies_between_cards() -> None:
    assert fuzz_factor("a/b/c", 3) == fuzz_factor("a/b/c", 3)
    factors = {fuzz_factor(f"a/b{i}/c", 3) for i in range(20)}
    assert len(factors) == 20
    assert all(0 <= f < 1 for f in factors)
    scheduler = FSRSScheduler()
    goods = {
        scheduler.preview(review_state(40, 4, 40, card=f"d/e{i}/v"), NOW)[Rating.GOOD].days
        for i in range(40)
    }
    assert len(goods) > 1  # fuzzed
    plain = FSRSScheduler(SchedulerSettings(enable_fuzz=False))
    center = plain.preview(review_state(40, 4, 40), NOW)[Rating.GOOD].days
    lower, upper = fuzz_bounds(center, 1, 36500)
    assert all(lower <= g <= upper for g in goods)
    assert upper - lower >= 10  # a ~130-day interval moves by several days


@pytest.mark.parametrize(
    ("interval", "minimum", "maximum", "expected"),
    [
        # Anki's own fuzz table (rslib/src/scheduler/states/fuzz.rs): lower, middle, upper
        (1.0, 1, 1000, (1, 1, 1)),
        (2.49, 1, 1000, (2, 2, 2)),
        (2.5, 1, 1000, (2, 3, 4)),
        (7.0, 1, 1000, (5, 7, 9)),
        (17.0, 1, 1000, (14, 17, 20)),
        (37.0, 1, 1000, (33, 37, 41)),
        (2.0, 3, 1000, (3, 4, 4)),
        (2.0, 3, 3, (3, 3, 3)),
        (19.9, 3, 1000, (17, 20, 23)),
        (100.0, 101, 1000, (101, 105, 108)),
        (100.0, 1, 99, (92, 96, 99)),
        (100.0, 97, 103, (97, 100, 103)),
    ],
)
def test_fuzz_ranges_match_anki(
    interval: float, minimum: int, maximum: int, expected: tuple[int, int, int]
) -> None:
    got = tuple(constrain_interval(interval, minimum, maximum, f) for f in (0.0, 0.5, 0.99))
    assert got == expected


def test_no_fuzz_rounds_half_up_like_anki() -> None:
    assert constrain_interval(1.5, 1, 100, None) == 2
    assert constrain_interval(2.5, 1, 100, None) == 3
    assert constrain_interval(0.1, 1, 100, None) == 1
    assert constrain_interval(101, 1, 100, None) == 100


def test_state_round_trip() -> None:
    state = CardState(
        card_id="d/e/v",
        phase=Phase.RELEARNING,
        due=NOW,
        last_review=NOW - DAY,
        step=0,
        stability=1.25,
        difficulty=6.5,
        ease=2.3,
        interval=4,
        reps=9,
        lapses=2,
        suspended=True,
        buried_until=date(2026, 3, 2),
        leech=True,
    )
    assert CardState.from_dict("d/e/v", state.to_dict()) == state
    assert CardState.from_dict("x", CardState("x").to_dict()) == CardState("x")
    assert CardState("x").to_dict() == {"phase": "new"}


@pytest.mark.parametrize(
    "data",
    [
        {"phase": "limbo"},
        {"phase": "review", "due": "yesterday"},
        {"phase": "review", "stability": "high"},
        {"phase": "review", "stability": float("nan")},
        {"phase": "review", "reps": 1.5},
        {"phase": "review", "due": "2026-03-02T12:00:00"},  # naive
        "not an object",
    ],
)
def test_state_from_bad_dict_raises_value_error(data: object) -> None:
    with pytest.raises(ValueError):
        CardState.from_dict("d/e/v", data)  # type: ignore[arg-type]


def test_naive_and_non_utc_datetimes() -> None:
    scheduler = FSRSScheduler()
    with pytest.raises(ValueError, match="naive"):
        scheduler.answer(CardState("x"), Rating.GOOD, datetime(2026, 3, 2, 12))
    seoul = NOW.astimezone(timezone(timedelta(hours=9)))
    assert scheduler.answer(CardState("x"), Rating.GOOD, seoul).last_review == NOW


def test_retrievability_is_about_desired_retention_when_due() -> None:
    scheduler = FSRSScheduler(SchedulerSettings(enable_fuzz=False))
    state = scheduler.answer(review_state(30, 5, 30), Rating.GOOD, NOW)
    assert state.due is not None
    r = scheduler.retrievability(state, state.due)
    assert r is not None and 0.88 < r < 0.92
    assert scheduler.retrievability(CardState("x"), NOW) is None
    assert SM2Scheduler().retrievability(state, NOW) is None


def test_sm2_defaults_follow_anki() -> None:
    scheduler = SM2Scheduler(SchedulerSettings(algorithm="sm2", enable_fuzz=False))
    new = CardState("d/e/v")
    p = scheduler.preview(new, NOW)
    assert p == {
        Rating.AGAIN: MIN,
        Rating.HARD: timedelta(minutes=5, seconds=30),
        Rating.GOOD: 10 * MIN,
        Rating.EASY: 4 * DAY,
    }
    learning = scheduler.answer(new, Rating.GOOD, NOW)
    graduated = scheduler.answer(learning, Rating.GOOD, NOW + 10 * MIN)
    assert graduated.phase is Phase.REVIEW and graduated.interval == 1 and graduated.ease == 2.5
    later = graduated.last_review + DAY if graduated.last_review else NOW
    after = scheduler.answer(graduated, Rating.GOOD, later)
    assert after.interval == 3  # 1 day x 2.5 ease, rounded half up
    lapsed = scheduler.answer(after, Rating.AGAIN, later + 3 * DAY)
    assert lapsed.phase is Phase.RELEARNING and lapsed.ease == pytest.approx(2.3)
    assert lapsed.lapses == 1
    back = scheduler.answer(lapsed, Rating.GOOD, later + 3 * DAY + 10 * MIN)
    assert back.phase is Phase.REVIEW and back.interval == 1


def test_switching_sm2_card_to_fsrs_works() -> None:
    sm2_state = replace(review_state(1, 1, 10), stability=None, difficulty=None, ease=2.5)
    after = FSRSScheduler().answer(sm2_state, Rating.GOOD, NOW)
    assert after.phase is Phase.REVIEW and after.stability is not None


def test_settings_overrides_and_round_trip() -> None:
    base = SchedulerSettings()
    deck = base.with_overrides({"desired_retention": 0.85, "learning_steps": [60, 600, 3600]})
    assert deck.desired_retention == 0.85
    assert deck.learning_steps == (MIN, 10 * MIN, timedelta(hours=1))
    assert SchedulerSettings.from_dict(deck.to_dict()) == deck
    with pytest.raises(ValueError, match="unknown"):
        base.with_overrides({"desired_retension": 0.8})
    with pytest.raises(ValueError):
        SchedulerSettings(desired_retention=1.5)
    with pytest.raises(ValueError):
        SchedulerSettings(learning_steps=(timedelta(0),))
    assert isinstance(make_scheduler(replace(base, algorithm="sm2")), SM2Scheduler)
    assert isinstance(make_scheduler(base), FSRSScheduler)


def test_fsrs_is_not_imported_until_a_card_is_scheduled() -> None:
    """Start-up counts due cards from stored states: the fsrs package is not needed."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from studyapp.core.store import store\n"
        "from studyapp.core.study import scheduler, settings\n"
        "from studyapp.core.stats import overview\n"
        "s = settings.StudySettings()\n"
        "assert 'fsrs' not in sys.modules, 'imported at start'\n"
        "scheduler.make_scheduler(s.scheduler)\n"
        "assert 'fsrs' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unset_parameters_are_the_fsrs_packages_defaults() -> None:
    import fsrs

    default = SchedulerSettings()
    assert default.parameters is None
    assert fsrs_parameters(default) == tuple(fsrs.scheduler.DEFAULT_PARAMETERS)
    assert "parameters" not in default.to_dict()  # an older config reader needs none
    assert SchedulerSettings.from_dict(default.to_dict()) == default
    custom = default.with_overrides({"parameters": [0.5] * 21})
    assert fsrs_parameters(custom) == (0.5,) * 21
    assert SchedulerSettings.from_dict(custom.to_dict()) == custom
