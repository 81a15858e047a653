"""Guessing: a question with options is answered right by a guess some of the time.

The memory model predicts recall ``r``; a learner who does not recall still
earns, on average, a guess's credit ``g`` (the question's floor), so the expected
credit of a question is ``r + (1 - r) * g``. The floors:

* typed: 0 (nothing to pick from);
* multiple choice with k options: 1/k;
* true/false: 1/2;
* ordering k events: a random order is right with probability 1/k!, and one
  neighbour swap from right (credit ``close_credit``) with (k - 1)/k!, so
  ``(1 + close_credit * (k - 1)) / k!``.

Forecasts of a question's or a sitting's score use it (readiness, the plan's
predicted score, the forecast kept with a sitting, calibration). The plan's own
choices stay on recall: a review makes the learner remember, a guess does not.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.quiz.questions import CHRONOLOGY_SIZE, QuestionFormat

__all__ = ["CHOICE_OPTIONS", "entry_floor", "floor", "kind_floors", "with_guessing"]

CHOICE_OPTIONS = 4
"""Options of a multiple-choice question the exam builds (the answer and three others)."""


def floor(fmt: QuestionFormat, options: int, close_credit: float = 0.5) -> float:
    """The mean credit of a blind guess at a question of format ``fmt`` with ``options``
    options (the events to order, for an ordering)."""
    if fmt is QuestionFormat.TYPED or options < 1:
        return 0.0
    if fmt is QuestionFormat.TRUE_FALSE:
        return 0.5
    if fmt is QuestionFormat.ORDERING:
        if options < 2:
            return 1.0
        return min(1.0, (1 + close_credit * (options - 1)) / math.factorial(options))
    return 1.0 / options


def with_guessing(recall: float, guess: float) -> float:
    """The expected credit: recalled, or not recalled and guessed right."""
    return recall + (1.0 - recall) * guess


_ORDER_KINDS = frozenset({"order"})
_CHRONOLOGY_KINDS = frozenset({"date"})


def entry_floor(kind: str, spec: ExamSpec) -> float:
    """The mean floor of an entry of ``kind`` in ``spec``'s exam: its formats weighed as
    the spec's mix weighs them (an order entry is asked as an ordering only; other
    entries in the typed, choice and true/false formats the mix gives a weight)."""
    weights = spec.formats.weights()
    if kind in _ORDER_KINDS:
        return floor(QuestionFormat.ORDERING, CHRONOLOGY_SIZE, spec.close_credit)
    ordered = kind in _CHRONOLOGY_KINDS  # (dated events make chronologies too)
    mix = {f: w for f, w in weights.items() if w and (ordered or f is not QuestionFormat.ORDERING)}
    if not mix:
        return 0.0
    options = {
        QuestionFormat.CHOICE: CHOICE_OPTIONS,
        QuestionFormat.TRUE_FALSE: 2,
        QuestionFormat.ORDERING: CHRONOLOGY_SIZE,
    }
    total = sum(mix.values())
    return sum(w * floor(f, options.get(f, 0), spec.close_credit) for f, w in mix.items()) / total


def kind_floors(kinds: Iterable[str], spec: ExamSpec) -> dict[str, float]:
    """:func:`entry_floor` for each kind."""
    return {kind: entry_floor(kind, spec) for kind in set(kinds)}
