"""FSRS memory states rebuilt from Anki's review log, the way Anki keeps them.

Anki stores a card's stability and difficulty after each answer, rounded (4 and 3
places), and computes the next from the stored values; it counts the time since the
last answer in *days between study days* (its day rolls over at a set hour), so two
answers at 23:00 and at 05:00 the next morning are a day apart, and two on the same
study day are 0 days apart (FSRS-6's same-day formula). The replay does the same,
with ``fsrs.Scheduler`` doing the model's arithmetic: each answer is given to it on a
synthetic clock where study day ``n`` is ``n`` days after the epoch, so the package
computes exactly the elapsed days Anki counted. Nothing of FSRS is re-implemented:
the formulas are the package's own methods, called as ``review_card`` calls them
(the first answer gives the initial values, a same-day answer the short-term
update, a later one the recall or forget update; the card's phase plays no part).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import fsrs

from studyapp.core.study.fsrs6 import fsrs_parameters
from studyapp.core.study.settings import SchedulerSettings

__all__ = ["Memory", "MemoryReplay", "anki_day"]

_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_RATINGS = {r.value: r for r in fsrs.Rating}


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
    """Memory states from answers, with one scheduler's FSRS parameters.

    ``review_card`` on a card kept in review computes, for the memory, exactly the
    steps below (its interval and log are not needed here); calling them directly
    makes the replay of half a million answers several times faster. A test holds
    the two to the same values.
    """

    def __init__(self, settings: SchedulerSettings) -> None:
        self._fsrs = fsrs.Scheduler(
            parameters=fsrs_parameters(settings),
            desired_retention=settings.desired_retention,
            learning_steps=(),
            relearning_steps=(),
            maximum_interval=settings.maximum_interval,
            enable_fuzzing=False,
        )
        self._card = fsrs.Card(card_id=1, state=fsrs.State.Review, due=_EPOCH)
        self._seen: dict[tuple[float, float, int, int], tuple[float, float]] = {}

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
        found = self._seen.get(key)
        if found is None:
            memory = None if elapsed < 0 else Memory(stability, difficulty, 0)
            found = self._compute(memory, rating, max(elapsed, 0))
            if len(self._seen) > 32_768:  # ten megabytes at most
                self._seen.clear()
            self._seen[key] = found
        return found

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
