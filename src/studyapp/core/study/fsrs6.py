"""FSRS-6 scheduling: ``fsrs.Scheduler`` for the memory model, Anki's interval rules on top.

Apart from :mod:`studyapp.core.study.scheduler` (the values, the settings and SM-2) so
that the ``fsrs`` package is imported when a card is first scheduled, not at
every start: the home screen counts due cards from stored states alone.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import fsrs

from studyapp.core.base.clock import ensure_utc
from studyapp.core.store.state import (
    MAX_DIFFICULTY,
    MAX_STABILITY,
    MIN_DIFFICULTY,
    CardState,
    Phase,
    Rating,
)
from studyapp.core.study.forgetting import SM2_MEMORY_DIFFICULTY
from studyapp.core.study.fuzz import constrain_interval, fuzz_factor
from studyapp.core.study.settings import SchedulerSettings


def fsrs_parameters(settings: SchedulerSettings) -> tuple[float, ...]:
    """The model weights these settings schedule with (the package's defaults if unset)."""
    if settings.parameters is not None:
        return settings.parameters
    return tuple(fsrs.scheduler.DEFAULT_PARAMETERS)


@functools.lru_cache(maxsize=1024)
def _numeric_id(card_id: str) -> int:
    """A stable integer for ``fsrs.Card`` (which otherwise sleeps 1 ms to make one)."""
    return int.from_bytes(hashlib.blake2b(card_id.encode(), digest_size=6).digest(), "big")


def _days(delta: timedelta) -> int:
    return round(delta.total_seconds() / 86400)


_FSRS_STATE = {
    Phase.NEW: fsrs.State.Learning,
    Phase.LEARNING: fsrs.State.Learning,
    Phase.REVIEW: fsrs.State.Review,
    Phase.RELEARNING: fsrs.State.Relearning,
}
_PHASE = {
    fsrs.State.Learning: Phase.LEARNING,
    fsrs.State.Review: Phase.REVIEW,
    fsrs.State.Relearning: Phase.RELEARNING,
}
_ALL_RATINGS = tuple(Rating)
_FSRS_RATING = {r: fsrs.Rating(int(r)) for r in Rating}


class _Card(fsrs.Card):
    """``fsrs.Card`` with a cheap copy.

    ``fsrs.Scheduler.review_card`` starts with ``copy.copy(card)``, which for a
    plain class goes through ``__reduce_ex__`` and ``copyreg``: a fifth of the
    call. A copy of the attributes is the same thing, several times faster.
    """

    def __copy__(self) -> _Card:
        twin = object.__new__(_Card)
        twin.__dict__.update(self.__dict__)
        return twin


def _stored(value: float | None, places: int, ceiling: float = math.inf) -> float | None:
    """Round a memory value as Anki stores it (S to 4 places, D to 3).

    Anki keeps the rounded value and computes the next review from it; doing the
    same keeps long review histories in step with Anki instead of drifting.
    ``ceiling``: at most this (as fsrs-rs caps stability; ``fsrs`` does not, and a
    state past the readers' range would read back as damage).
    """
    return None if value is None else round(min(float(value), ceiling), places)


class FSRSScheduler:
    """FSRS-6 via ``fsrs.Scheduler``, with Anki's interval rules on top."""

    def __init__(self, settings: SchedulerSettings | None = None) -> None:
        self.settings = s = settings or SchedulerSettings()
        common: dict[str, Any] = {
            "parameters": fsrs_parameters(s),
            "desired_retention": s.desired_retention,
            "maximum_interval": s.maximum_interval,
            "enable_fuzzing": False,  # fuzz is applied here, seeded, as Anki does
        }
        self._fsrs = fsrs.Scheduler(
            learning_steps=s.learning_steps, relearning_steps=s.relearning_steps, **common
        )
        # The same model without steps gives the day interval of a card still in
        # steps (Anki's "Easy is at least a day more than Good" needs it).
        self._unstepped = fsrs.Scheduler(learning_steps=(), relearning_steps=(), **common)

    def _to_fsrs(self, state: CardState, now: datetime) -> fsrs.Card:
        stability, difficulty = state.stability, state.difficulty
        phase = state.phase
        if phase is not Phase.NEW and (
            stability is None
            or difficulty is None
            # (a state no reader lets in, made in memory: FSRS would divide by zero or
            # take a complex power; estimated as an SM-2 card's)
            or not 0 < stability <= MAX_STABILITY
            or not MIN_DIFFICULTY <= difficulty <= MAX_DIFFICULTY
        ):
            # Reviewed under SM-2 until now: estimate a memory state from the interval.
            stability = float(min(max(state.interval, 1), 36500))
            difficulty = SM2_MEMORY_DIFFICULTY
        step = state.step
        if phase in (Phase.LEARNING, Phase.RELEARNING) and (step is None or step < 0):
            step = 0
        if phase is Phase.NEW:
            step, stability, difficulty = 0, None, None
        if phase is Phase.REVIEW:
            step = None
        return _Card(
            card_id=_numeric_id(state.card_id),
            state=_FSRS_STATE[phase],
            step=step,
            stability=stability,
            difficulty=difficulty,
            due=state.due or now,
            last_review=state.last_review,
        )

    def outcomes(self, state: CardState, now: datetime) -> dict[Rating, CardState]:
        return self._outcomes(state, ensure_utc(now), _ALL_RATINGS)

    def _outcomes(
        self, state: CardState, now: datetime, wanted: tuple[Rating, ...]
    ) -> dict[Rating, CardState]:
        """The states of the ``wanted`` grades (FSRS runs only for what they depend on).

        On a review card Good is bounded by Hard and Easy by Good, so answering
        Good runs FSRS for Hard and Good, not for all four grades.
        """
        card = self._to_fsrs(state, now)
        review_card = self._fsrs.review_card
        raw: dict[Rating, fsrs.Card] = {}

        def get(r: Rating) -> fsrs.Card:
            found = raw.get(r)
            if found is None:
                found = raw[r] = review_card(card, _FSRS_RATING[r], now)[0]
            return found

        maximum = self.settings.maximum_interval
        fuzzed = self.settings.enable_fuzz
        fuzz_cell: list[float] = []

        def fz() -> float | None:
            """The fuzz factor, computed at the first interval that needs one."""
            if not fuzzed:
                return None
            if not fuzz_cell:
                fuzz_cell.append(fuzz_factor(state.card_id, state.reps))
            return fuzz_cell[0]

        def days(r: Rating) -> int:
            return _days(get(r).due - now)

        top = max(wanted)
        intervals: dict[Rating, int] = {}
        if state.phase is Phase.REVIEW:
            # Anki: each passing grade at least a day more than the one below it.
            if top >= Rating.HARD:
                hard = constrain_interval(days(Rating.HARD), 1, maximum, fz())
                intervals[Rating.HARD] = hard
                if top >= Rating.GOOD:
                    good = constrain_interval(days(Rating.GOOD), hard + 1, maximum, fz())
                    intervals[Rating.GOOD] = good
                    if top >= Rating.EASY:
                        easy = constrain_interval(days(Rating.EASY), good + 1, maximum, fz())
                        intervals[Rating.EASY] = easy
            if Rating.AGAIN in wanted and get(Rating.AGAIN).state is fsrs.State.Review:
                # no relearning steps
                intervals[Rating.AGAIN] = constrain_interval(days(Rating.AGAIN), 1, maximum, fz())
        else:
            for r in wanted:
                if r is not Rating.EASY and get(r).state is fsrs.State.Review:
                    intervals[r] = constrain_interval(days(r), 1, maximum, fz())
            if Rating.EASY in wanted:
                # Anki: Easy out of (re)learning is at least a day more than Good's interval.
                good_card = self._unstepped.review_card(card, fsrs.Rating.Good, now)[0]
                good = constrain_interval(_days(good_card.due - now), 1, maximum, fz())
                intervals[Rating.EASY] = constrain_interval(
                    days(Rating.EASY), good + 1, maximum, fz()
                )

        out: dict[Rating, CardState] = {}
        for r in wanted:
            new = get(r)
            phase = _PHASE[new.state]
            if r in intervals and phase is Phase.REVIEW:
                due = now + timedelta(days=intervals[r])
                interval = intervals[r]
            else:
                due = new.due
                interval = state.interval
            out[r] = CardState(
                state.card_id,
                phase,
                due,
                now,
                new.step,
                _stored(new.stability, 4, MAX_STABILITY),
                _stored(new.difficulty, 3),
                state.ease,
                interval,
                state.reps + 1,
                state.lapses + (r is Rating.AGAIN and state.phase is Phase.REVIEW),
                state.suspended,
                state.buried_until,
                state.leech,
            )
        return out

    def answer(self, state: CardState, rating: Rating, now: datetime) -> CardState:
        rating = Rating(rating)
        return self._outcomes(state, ensure_utc(now), (rating,))[rating]

    def preview(self, state: CardState, now: datetime) -> dict[Rating, timedelta]:
        now = ensure_utc(now)
        return {r: s.due - now for r, s in self.outcomes(state, now).items() if s.due}

    def retrievability(self, state: CardState, now: datetime) -> float | None:
        if state.phase is Phase.NEW or state.last_review is None or state.stability is None:
            return None
        card = self._to_fsrs(state, ensure_utc(now))
        return float(self._fsrs.get_card_retrievability(card, ensure_utc(now)))


def check_parameters(values: Sequence[Any]) -> tuple[float, ...]:
    """21 finite numbers within the scheduler's bounds; ValueError otherwise (saying which
    weight and why). The one rule for a set of weights, from a settings file, a fit or Anki."""
    lower, upper = fsrs.scheduler.LOWER_BOUNDS_PARAMETERS, fsrs.scheduler.UPPER_BOUNDS_PARAMETERS
    if len(values) != len(lower):
        raise ValueError(f"FSRS-6 has {len(lower)} parameters, got {len(values)}")
    out: list[float] = []
    for index, (value, low, high) in enumerate(zip(values, lower, upper, strict=True)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"parameter w{index} = {value!r} is not a number")
        number = float(value)
        if not math.isfinite(number) or not low <= number <= high:
            raise ValueError(f"parameter w{index} = {value!r} is outside [{low}, {high}]")
        out.append(number)
    return tuple(out)
