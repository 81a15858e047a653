"""Judging an answer to a deck entry or a study card, with the deck's rivals.

The entry's kind picks the check (date -> date, figure -> number, quote ->
name ...) through its answer key; a study card's variant says what it asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from studyapp.core.decks.model import AnyEntry, Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex, answer_key
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.answers.text import check_text
from studyapp.core.quiz.answers.verdict import Verdict

if TYPE_CHECKING:
    from studyapp.core.decks.cards import Card

__all__ = ["check_card", "check_entry", "target_for_card"]


def check_entry(
    entry: AnyEntry,
    given: str | Sequence[str],
    *,
    target: Target | None = None,
    blank: int = 0,
    deck: Deck | None = None,
    index: AnswerKeyIndex | None = None,
) -> Verdict:
    """Judge an answer to ``entry``: date -> date check, figure -> number, quote -> name ..."""
    return answer_key(entry, target, blank=blank, deck=deck, index=index).check(given)


_CARD_TARGETS = {
    ("date", "when"): Target.DATE,
    ("date", "what"): Target.EVENT,
    ("figure", "value"): Target.VALUE,
    ("quote", "who"): Target.SPEAKER,
    ("quote", "what"): Target.QUOTE,
    ("qa", "answer"): Target.ANSWER,
    ("qa", "reverse"): Target.PROMPT,
    ("choice", "choose"): Target.ANSWER,
    ("order", "order"): Target.ORDER,
}


def target_for_card(kind: str, variant: str) -> tuple[Target, int]:
    """Map a card variant (``cards.py``) to (target, blank index)."""
    if kind == "cloze" and variant.startswith("blank-"):
        return Target.BLANK, int(variant.removeprefix("blank-")) - 1
    try:
        return _CARD_TARGETS[(kind, variant)], 0
    except KeyError:
        raise ValueError(f"unknown card variant {kind}/{variant}") from None


def check_card(
    card: Card, given: str | Sequence[str], index: AnswerKeyIndex | None = None
) -> Verdict:
    """Judge a typed answer to a study card, using the deck's rivals when ``index`` is given."""
    if card.entry is None:
        text = given if isinstance(given, str) else " ".join(given)
        return check_text(text, card.answer, card.accepted)
    target, blank = target_for_card(card.kind, card.variant)
    return check_entry(card.entry, given, target=target, blank=blank, index=index)
