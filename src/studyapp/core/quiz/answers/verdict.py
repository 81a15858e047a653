"""What every answer check returns: the Outcome and the Verdict that explains it.

This is the bottom of the answers package: the checkers of text, names,
numbers, dates and orderings all build their verdicts here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["Outcome", "Verdict"]

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
"""FSRS/Anki ratings as plain ints, so the core does not depend on the scheduler here."""


class Outcome(StrEnum):
    """How an answer fared."""

    CORRECT = "correct"
    CLOSE = "close"
    WRONG = "wrong"


_GRADE = {Outcome.CORRECT: GOOD, Outcome.CLOSE: HARD, Outcome.WRONG: AGAIN}


class Verdict(BaseModel):
    """The judgement of one answer: what happened, why, and what to tell the scheduler.

    ``reason`` is the whole sentence ("typo: you wrote 'Austrlia'; it is 'Australia'"),
    as ``studyapp judge --json`` and saved results have always had it. ``note`` is what
    the checker found beyond the outcome and the answer ("typo: you wrote 'Austrlia'"),
    empty when there is nothing to add: a screen that shows the mark and the answer on
    lines of their own shows ``note`` beside the mark, and never has to cut the reason
    up. Verdicts saved before notes existed load with an empty one.

    ``ambiguous`` is set when the answer could be read two ways (``6/7/2025``):
    the UI may ask the learner to write it unambiguously instead of grading.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    outcome: Outcome
    reason: str
    expected: str
    given: str
    grade: int
    ambiguous: bool = False
    note: str = ""

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        return cls.model_validate(data)


def make_verdict(
    outcome: Outcome,
    reason: str,
    expected: str,
    given: str,
    *,
    note: str,
    ambiguous: bool = False,
) -> Verdict:
    """A verdict with the grade that goes with its outcome.

    ``note`` is required so that every checker says, where it knows it, what its reason
    adds beyond the outcome and the answer ("" when nothing).
    """
    return Verdict(
        outcome=outcome,
        reason=reason,
        expected=expected,
        given=given,
        grade=_GRADE[outcome],
        ambiguous=ambiguous,
        note=note,
    )


def no_answer(expected: str, given: str) -> Verdict:
    """The verdict on an empty answer."""
    return make_verdict(Outcome.WRONG, "no answer given", expected, given, note="no answer given")
