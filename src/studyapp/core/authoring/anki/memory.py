"""FSRS memory states rebuilt from Anki's review log, the way Anki keeps them.

Anki stores a card's stability and difficulty after each answer, rounded (4 and 3
places, in single precision), and computes the next from the stored values; it counts
the time since the last answer in *days between study days* (its day rolls over at a
set hour), so two answers at 23:00 and at 05:00 the next morning are a day apart, and
two on the same study day are 0 days apart (FSRS-6's same-day formula).

The replay does the same with Anki's own arithmetic: fsrs-rs (``fsrs_rs_python``, the
library inside Anki) takes each answer from the last rounded state, in single
precision, and the result is rounded as Anki rounds it. Measured on two packages
Anki made (1,258 cards answered with FSRS on): 1,257 states equal to the ones Anki
stored, to the bit (the other one unit in the last place); ``fsrs.Scheduler`` in
double precision matched 1,016. fsrs-rs's batch calls (a card's whole history at
once, ``memory_state_batch``) were not used: without the rounding after each answer
they matched 21 (462 to the stored decimals).

``fsrs.Scheduler`` does the arithmetic where fsrs-rs refuses the parameters, and for
the cards our own export wrote (our scheduler computed their states): each
answer is given to it on a synthetic clock where study day ``n`` is ``n`` days after
the epoch, its formulas called as ``review_card`` calls them (the first answer gives
the initial values, a same-day answer the short-term update, a later one the recall
or forget update; the card's phase plays no part).
"""

from __future__ import annotations

import math
from array import array
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import fsrs
import fsrs_rs_python as fr

from studyapp.core.study.fsrs6 import fsrs_parameters
from studyapp.core.study.settings import SchedulerSettings

__all__ = ["Memory", "MemoryReplay", "anki_day"]

_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_RATINGS = {r.value: r for r in fsrs.Rating}


def _anki_round(value: float, scale: float, f32: array[float]) -> float:
    """``value`` rounded as Anki rounds what it stores, in single precision:
    ``(v * scale).round() / scale`` (half away from zero; values here are positive).
    ``f32`` is a one-item ``array("f")``: storing into it rounds to single precision
    (twice as fast as ``struct``)."""
    f32[0] = value * scale
    f32[0] = math.floor(f32[0] + 0.5) / scale
    return f32[0]


class Memory(NamedTuple):
    """A card's memory after its answers so far."""

    stability: float
    difficulty: float
    day: int
    """The study day of the last answer (Anki's day count, see :func:`anki_day`)."""


def anki_day(seconds: float, boundary: int) -> int:
    """The study day of a moment, as a day count: days roll over at ``boundary``
    seconds past midnight UTC (the rollover hour, less the UTC offset)."""
    return int((seconds - boundary) // 86400)


class MemoryReplay:
    """Memory states from answers, with one scheduler's FSRS parameters: fsrs-rs's
    arithmetic, or ``fsrs.Scheduler``'s where fsrs-rs refuses the parameters (or
    ``anki_arithmetic`` is off).

    For ``fsrs.Scheduler``: ``review_card`` on a card kept in review computes, for the
    memory, exactly the steps below (its interval and log are not needed here);
    calling them directly makes the replay of half a million answers several times
    faster. Tests hold the replay to Anki's stored states and to the scheduler's.
    """

    def __init__(self, settings: SchedulerSettings, *, anki_arithmetic: bool = True) -> None:
        self._rs: fr.FSRS | None = None
        self._f32 = array("f", [0.0])
        self._items: dict[tuple[int, int], fr.FSRSItem] = {}
        if anki_arithmetic:
            try:
                self._rs = fr.FSRS(list(fsrs_parameters(settings)))
            except ValueError:  # fsrs-rs's InvalidParameters
                self._rs = None
        self._fsrs = fsrs.Scheduler(
            parameters=fsrs_parameters(settings),
            desired_retention=settings.desired_retention,
            learning_steps=(),
            relearning_steps=(),
            maximum_interval=settings.maximum_interval,
            enable_fuzzing=False,
        )
        self._card = fsrs.Card(card_id=1, state=fsrs.State.Review, due=_EPOCH)
        self.seen: dict[tuple[float, float, int, int], tuple[float, float]] = {}
        """:meth:`after`'s results by its arguments (a hot loop may look here first)."""

    def answer(self, memory: Memory | None, rating: int, day: int) -> Memory:
        """The memory after answering ``rating`` (1-4) on study day ``day``."""
        if memory is None:
            found = self.after(0.0, 0.0, rating, -1)
            return Memory(found[0], found[1], day)
        found = self.after(memory.stability, memory.difficulty, rating, max(day - memory.day, 0))
        return Memory(found[0], found[1], max(day, memory.day))

    def after(
        self, stability: float, difficulty: float, rating: int, elapsed: int
    ) -> tuple[float, float]:
        """(stability, difficulty) after answering ``rating`` (1-4) ``elapsed`` study days
        after the last answer (0: the same day); ``elapsed`` -1 is a card's first answer.

        Results are remembered: the first answers of most cards go the same way
        (a learning step or two on the first day), and memory values are rounded.
        """
        key = (stability, difficulty, rating, elapsed)
        found = self.seen.get(key)
        if found is None:
            memory = None if elapsed < 0 else Memory(stability, difficulty, 0)
            if self._rs is not None:
                found = self._compute_rs(self._rs, memory, rating, max(elapsed, 0))
            else:
                found = self._compute(memory, rating, max(elapsed, 0))
            if len(self.seen) > 32_768:  # ten megabytes at most
                self.seen.clear()
            self.seen[key] = found
        return found

    @property
    def anki_arithmetic(self) -> bool:
        """Whether fsrs-rs does the arithmetic (else ``fsrs.Scheduler``)."""
        return self._rs is not None

    def _compute_rs(
        self, rs: fr.FSRS, memory: Memory | None, rating: int, elapsed: int
    ) -> tuple[float, float]:
        """What Anki computes and stores: a first answer from nothing, a later one from
        the stored state, ``elapsed`` days after it (0: the short-term update)."""
        item = self._items.get((rating, elapsed))
        if item is None:  # one answer, as fsrs-rs takes it: made once per grade and gap
            if len(self._items) >= 4096:
                self._items.clear()
            item = self._items[rating, elapsed] = fr.FSRSItem([fr.FSRSReview(rating, elapsed)])
        if memory is None:
            state = rs.memory_state(item)
        else:
            state = rs.memory_state(item, fr.MemoryState(memory.stability, memory.difficulty))
        # the decimals Anki writes (the same single-precision numbers, read back)
        f32 = self._f32
        return (
            round(_anki_round(state.stability, 10_000.0, f32), 4),
            round(_anki_round(state.difficulty, 1_000.0, f32), 3),
        )

    def _compute(self, memory: Memory | None, rating: int, day: int) -> tuple[float, float]:
        scheduler, grade = self._fsrs, _RATINGS[rating]
        if memory is None:
            stability = scheduler._initial_stability(rating=grade)
            difficulty = scheduler._initial_difficulty(rating=grade, clamp=True)
        elif day - memory.day < 1:  # the same study day (or a clock that went back)
            stability = scheduler._short_term_stability(stability=memory.stability, rating=grade)
            difficulty = scheduler._next_difficulty(difficulty=memory.difficulty, rating=grade)
        else:
            card = self._card
            card.stability, card.last_review = memory.stability, _EPOCH
            recall = scheduler.get_card_retrievability(
                card, _EPOCH + timedelta(days=day - memory.day)
            )
            stability = scheduler._next_stability(
                difficulty=memory.difficulty,
                stability=memory.stability,
                retrievability=recall,
                rating=grade,
            )
            difficulty = scheduler._next_difficulty(difficulty=memory.difficulty, rating=grade)
        return round(float(stability), 4), round(float(difficulty), 3)
