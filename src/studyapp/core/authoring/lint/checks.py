"""Lint check for an entry's expected verdicts, its ``checks:`` (V001).

An author writes ``checks: [{answer: "PM Abe", verdict: correct}]`` on an entry;
each answer is judged as a learner studying the card would be judged (the
study screen's checker with the deck's index, via
:func:`studyapp.core.quiz.judging.judge_answer`, the same as ``studyapp judge``),
and any disagreement is an error. So a course's accept lists are tested like code.
"""

from __future__ import annotations

from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.authoring.lint.wording import quoted
from studyapp.core.decks.cards import Card, cards_for_entry
from studyapp.core.decks.model import AnyEntry, Deck, ExpectedCheck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.judging import judge_answer

__all__ = ["check_expected_verdicts"]


def _card_for(deck: Deck, entry: AnyEntry, check: ExpectedCheck) -> Card | None:
    """The card a check is about: its ``card:`` variant, else the entry's first card."""
    if check.card is None:
        cards = cards_for_entry(deck.id, entry)
    else:
        cards = cards_for_entry(deck.id, entry, [check.card])
    return cards[0] if cards else None


def check_expected_verdicts(lint: Linter, deck: Deck) -> None:
    """One V001 error per check whose verdict is not what the checker says."""
    index: AnswerKeyIndex | None = None
    for e_index, entry in enumerate(deck.entries):
        for c_index, check in enumerate(entry.checks):
            card = _card_for(deck, entry, check)
            path = ("entries", e_index, "checks", c_index)
            if card is None:  # e.g. blank-3 of a cloze with two blanks
                lint.add("V001", path, f"{entry.id}: no card {check.card!r} to check")
                continue
            if index is None:  # built once, only for decks that have checks
                index = AnswerKeyIndex(deck)
            judged = judge_answer(card, check.answer, index)
            if judged.verdict != check.verdict:
                lint.add(
                    "V001",
                    path,
                    f"{entry.id}/{card.variant}: {quoted(check.answer)} is expected to be "
                    f"{check.verdict}, but the checker says {judged.verdict} ({judged.reason})",
                )
