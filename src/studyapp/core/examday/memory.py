"""FSRS-6's memory model as plain functions of floats: recall, and the state after an answer.

The planner weighs tens of thousands of cards several times each; building an
``fsrs.Card`` and calling ``fsrs.Scheduler.review_card`` for each would take
seconds. These are the same formulas on the same parameters (``fsrs`` 6.x,
``scheduler.py``), checked against ``fsrs.Scheduler`` in the tests, at a
fraction of the cost. Times are whole days, as the scheduler counts them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from msgspec import Struct

from studyapp.core.study.forgetting import ForgettingCurve

__all__ = ["Memory", "MemoryModel"]

_MIN_STABILITY = 0.001
_MIN_DIFFICULTY, _MAX_DIFFICULTY = 1.0, 10.0
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


class Memory(Struct, frozen=True):
    """A card's memory: stability (days until recall falls to 90%) and difficulty (1-10)."""

    stability: float
    difficulty: float


def _clamp_d(value: float) -> float:
    return min(max(value, _MIN_DIFFICULTY), _MAX_DIFFICULTY)


class MemoryModel:
    """FSRS-6 with one set of 21 parameters (the learner's, or the package's defaults)."""

    def __init__(self, parameters: Sequence[float]) -> None:
        if len(parameters) != 21:
            raise ValueError(f"FSRS-6 has 21 parameters, got {len(parameters)}")
        self.w = w = tuple(float(p) for p in parameters)
        self.curve = ForgettingCurve(w)
        # The curve's constants, sign as the hot loops here and in the planner use them
        # (recall = (1 + factor * t / S) ** decay, with decay < 0).
        self.decay = -self.curve.decay
        self.factor = self.curve.factor
        self._easy_d = w[4] - math.exp(w[5] * 3) + 1  # unclamped, for mean reversion
        self._step = math.exp(w[17] * w[18])
        """A Good step's short-term gain, exp(w17 * (3 - 3 + w18)); also what caps a lapse."""
        self.growth = math.exp(w[8])
        """The constant factor of a successful review's stability gain."""

    def recall(self, elapsed_days: float, stability: float) -> float:
        """The probability of recall ``elapsed_days`` after the last review."""
        if elapsed_days <= 0:
            return 1.0
        return self.curve.recall(elapsed_days, stability)

    def first(self, rating: int) -> Memory:
        """A new card's memory after its first answer."""
        w = self.w
        return Memory(
            max(w[rating - 1], _MIN_STABILITY), _clamp_d(w[4] - math.exp(w[5] * (rating - 1)) + 1)
        )

    def _difficulty(self, difficulty: float, rating: int) -> float:
        w = self.w
        damped = difficulty + (10.0 - difficulty) * -(w[6] * (rating - 3)) / 9.0
        return _clamp_d(w[7] * self._easy_d + (1 - w[7]) * damped)

    def same_day(self, memory: Memory, rating: int) -> Memory:
        """The memory after another answer the same day (a learning or relearning step)."""
        w, s = self.w, memory.stability
        increase = math.exp(w[17] * (rating - 3 + w[18])) * s ** -w[19]
        if rating >= HARD:
            increase = max(increase, 1.0)
        return Memory(
            max(s * increase, _MIN_STABILITY), self._difficulty(memory.difficulty, rating)
        )

    def review(self, memory: Memory, elapsed_days: int, rating: int) -> Memory:
        """The memory after a review ``elapsed_days`` (at least 1) after the last one."""
        w, s, d = self.w, memory.stability, memory.difficulty
        r = self.recall(elapsed_days, s)
        if rating == AGAIN:
            long_term = w[11] * d ** -w[12] * ((s + 1) ** w[13] - 1) * math.exp((1 - r) * w[14])
            after = min(long_term, s / self._step)
        else:
            hard = w[15] if rating == HARD else 1.0
            easy = w[16] if rating == EASY else 1.0
            gain = math.exp(w[8]) * (11 - d) * s ** -w[9] * (math.exp((1 - r) * w[10]) - 1)
            after = s * (1 + gain * hard * easy)
        return Memory(max(after, _MIN_STABILITY), self._difficulty(d, rating))

    def exam_recall(
        self, stability: float, difficulty: float, elapsed_days: int, left_days: int
    ) -> tuple[float, float]:
        """Expected recall ``left_days`` after a review made ``elapsed_days`` after the last
        one (recalled, or forgotten and relearned at the step), and the stability if
        recalled. :meth:`reviewed` and :meth:`recall` in one, without the difficulties the
        answer does not need: the planner calls it for every card it weighs.
        """
        w, decay, factor = self.w, self.decay, self.factor
        s, d = stability, difficulty
        if elapsed_days <= 0:
            good = self.same_day(Memory(s, d), GOOD).stability
            return (1 + factor * left_days / good) ** decay if left_days > 0 else 1.0, good
        r = (1 + factor * elapsed_days / s) ** decay
        spent = 1 - r
        gain = math.exp(w[8]) * (11 - d) * s ** -w[9] * (math.exp(spent * w[10]) - 1)
        good = max(s * (1 + gain), _MIN_STABILITY)
        forgot = w[11] * d ** -w[12] * ((s + 1) ** w[13] - 1) * math.exp(spent * w[14])
        forgot = max(min(forgot, s / self._step), _MIN_STABILITY)
        relearned = max(forgot * max(self._step * forgot ** -w[19], 1.0), _MIN_STABILITY)
        if left_days <= 0:
            return 1.0, good
        after_good = (1 + factor * left_days / good) ** decay
        after_lapse = (1 + factor * left_days / relearned) ** decay
        return float(r * after_good + spent * after_lapse), good

    def tomorrow_recalls(
        self, stabilities: Sequence[float], difficulties: Sequence[float], elapsed: Sequence[int]
    ) -> list[tuple[float, float]]:
        """:meth:`exam_recall` for many cards reviewed ``elapsed`` days (each at least 1)
        after their last review, the day before the exam (``left_days`` 1): the plan
        weighs every studied card this way, so the formulas are inlined here, once."""
        w, decay, factor, step = self.w, self.decay, self.factor, self._step
        growth, w9, w10, w11, w12, w13, w14, w19 = (
            self.growth, w[9], w[10], w[11], w[12], w[13], w[14], w[19]
        )  # fmt: skip
        exp, low = math.exp, _MIN_STABILITY
        found: list[tuple[float, float]] = []
        add = found.append
        for s, d, days in zip(stabilities, difficulties, elapsed, strict=True):
            r = (1 + factor * days / s) ** decay
            spent = 1 - r
            good = s * (1 + growth * (11 - d) * s**-w9 * (exp(spent * w10) - 1))
            if good < low:
                good = low
            forgot = w11 * d**-w12 * ((s + 1) ** w13 - 1) * exp(spent * w14)
            cap = s / step
            if forgot > cap:
                forgot = cap
            if forgot < low:
                forgot = low
            gain = step * forgot**-w19
            relearned = forgot * gain if gain > 1.0 else forgot
            if relearned < low:
                relearned = low
            after_good = (1 + factor / good) ** decay
            after_lapse = (1 + factor / relearned) ** decay
            add((float(r * after_good + spent * after_lapse), good))
        return found

    def learned(self) -> Memory:
        """A new card's memory after it is learned the usual way: Good, then Good at the
        next step the same day (the default steps, 1 and 10 minutes)."""
        return self.same_day(self.first(GOOD), GOOD)

    def reviewed(self, memory: Memory, elapsed_days: int) -> tuple[float, Memory, Memory]:
        """A review, both ways it can go: (probability of recall, memory if recalled
        (Good), memory if forgotten (Again, then Good at the relearning step))."""
        r = self.recall(elapsed_days, memory.stability) if elapsed_days > 0 else 1.0
        days = max(elapsed_days, 1)
        if elapsed_days <= 0:
            good = self.same_day(memory, GOOD)
            return 1.0, good, good
        lapse = self.same_day(self.review(memory, days, AGAIN), GOOD)
        return r, self.review(memory, days, GOOD), lapse
