"""Answer keys: what a question asks for, and everything needed to judge the answer.

An :class:`AnswerKey` is self-contained and serialisable, so a stored attempt
can be re-checked after the deck changed; :meth:`AnswerKey.check` hands the
answer to the checker of its :class:`Mode` (date, number, name, text, order).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from studyapp.core.decks.model import PartialDate
from studyapp.core.quiz.answers.dates import check_date
from studyapp.core.quiz.answers.lists import check_list
from studyapp.core.quiz.answers.names import check_name
from studyapp.core.quiz.answers.numbers import check_number
from studyapp.core.quiz.answers.order import check_order
from studyapp.core.quiz.answers.text import check_text
from studyapp.core.quiz.answers.verdict import Verdict

__all__ = ["DEFAULT_TARGET", "AnswerKey", "Mode", "Target"]


class Target(StrEnum):
    """What a question asks for; one entry can be asked for several things."""

    DATE = "date"
    """When did the event happen?"""
    EVENT = "event"
    """What happened on the date?"""
    VALUE = "value"
    """What is the figure?"""
    SPEAKER = "speaker"
    """Who said the quote?"""
    QUOTE = "quote"
    """What did the speaker say?"""
    ANSWER = "answer"
    """The answer of a qa or choice entry."""
    PROMPT = "prompt"
    """The prompt of a qa entry, asked from its answer (its ``reverse`` card)."""
    BLANK = "blank"
    """One blank of a cloze."""
    ORDER = "order"
    """The events, in order."""


DEFAULT_TARGET: dict[str, Target] = {
    "date": Target.DATE,
    "figure": Target.VALUE,
    "quote": Target.SPEAKER,
    "qa": Target.ANSWER,
    "cloze": Target.BLANK,
    "choice": Target.ANSWER,
    "order": Target.ORDER,
}


class Mode(StrEnum):
    """How an answer is compared."""

    DATE = "date"
    NUMBER = "number"
    NAME = "name"
    TEXT = "text"
    ORDER = "order"
    LIST = "list"


class AnswerKey(BaseModel):
    """Everything needed to judge an answer to one question, without the deck.

    Keys are serialisable, so a stored quiz attempt can be re-checked (or
    explained) later even if the deck changed or is gone. ``value`` is the
    machine form (ISO date, decimal text); ``answer`` is what the learner is
    shown; ``accept`` the other right answers (or, for ``order``, the events in
    order); ``rivals`` the deck's other answers that must never pass.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: Mode
    answer: str
    value: str
    accept: tuple[str, ...] = ()
    rivals: tuple[str, ...] = ()
    rival_people: tuple[tuple[str, ...], ...] = ()
    tolerance: float | None = None
    unit: str | None = None
    scale: int = 0
    """For ``number``: the power of ten the figure is counted in ("____ thousand troops": 3)."""
    members: tuple[str, ...] = ()
    """For ``list``: the members, right in any order."""
    lookalikes: tuple[str, ...] = ()
    """Real names and words of the deck that look like the answer: never a typo of it."""

    def check(self, given: str | Sequence[str]) -> Verdict:
        """Judge ``given`` (text; for ``order`` a list of events, or one per line)."""
        if self.mode is Mode.ORDER:
            items = given.splitlines() if isinstance(given, str) else list(given)
            return check_order([i for i in items if i.strip()], self.accept)
        text = given if isinstance(given, str) else " ".join(given)
        if self.mode is Mode.DATE:
            return check_date(text, PartialDate.parse(self.value), _parse_dates(self.rivals))
        if self.mode is Mode.NUMBER:
            return check_number(
                text,
                Decimal(self.value),
                unit=self.unit,
                tolerance=self.tolerance,
                rivals=self.rivals,
                scale=self.scale,
            )
        if self.mode is Mode.NAME:
            return check_name(
                text, self.answer, self.accept, self.rivals, rival_people=self.rival_people
            )
        if self.mode is Mode.LIST:
            return check_list(text, self.answer, self.members, self.accept, self.rivals)
        return check_text(text, self.answer, self.accept, self.rivals, self.lookalikes)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerKey:
        return cls.model_validate(data)


@lru_cache(maxsize=1024)
def _parse_dates(values: tuple[str, ...]) -> tuple[PartialDate, ...]:
    return tuple(PartialDate.parse(v) for v in values)
