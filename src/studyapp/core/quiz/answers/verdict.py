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

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        return cls.model_validate(data)


def make_verdict(
    outcome: Outcome, reason: str, expected: str, given: str, *, ambiguous: bool = False
) -> Verdict:
    """A verdict with the grade that goes with its outcome."""
    return Verdict(
        outcome=outcome,
        reason=reason,
        expected=expected,
        given=given,
        grade=_GRADE[outcome],
        ambiguous=ambiguous,
    )


def no_answer(expected: str, given: str) -> Verdict:
    """The verdict on an empty answer."""
    return make_verdict(Outcome.WRONG, "no answer given", expected, given)
