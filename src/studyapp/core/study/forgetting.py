"""FSRS-6's forgetting curve: the probability of recall some days after an answer.

``R(t, S) = (1 + factor * t / S) ** -decay``, where ``decay`` is the parameter w20 and
``factor`` is chosen so that ``R(S, S) = 0.9`` (what stability means). The optimizer's
scoring, the workload forecast and the exam forecast all read it from here, so a
change of formula (FSRS-7) is made once.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["SM2_MEMORY_DIFFICULTY", "ForgettingCurve"]

SM2_MEMORY_DIFFICULTY = 5.0
"""The difficulty FSRS gives a card reviewed under SM-2 until now (it has no memory
state): its stability is estimated from its interval. The scheduler and the exam
forecast both estimate it so."""


class ForgettingCurve:
    """The curve of one set of 21 FSRS-6 parameters (only w20, the decay, shapes it)."""

    __slots__ = ("decay", "factor")

    def __init__(self, parameters: Sequence[float]) -> None:
        if len(parameters) < 21:
            raise ValueError(f"FSRS-6 has 21 parameters, got {len(parameters)}")
        self.decay = float(parameters[20])
        """w20: how fast recall falls once past the stability (higher: steeper)."""
        self.factor = 0.9 ** (-1 / self.decay) - 1

    def recall(self, elapsed_days: float, stability: float) -> float:
        """Probability of recall ``elapsed_days`` after the last answer."""
        return float((1 + self.factor * elapsed_days / stability) ** -self.decay)
