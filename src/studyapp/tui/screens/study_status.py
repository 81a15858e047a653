"""The study screen's words around a card: the top line, the card's label, how it is answered.

At 100 columns a learner reads the whole top line; at 60 the same counts must still
be there (the learner's sense of how much is left), so shorter wordings take over
rather than the line being cut.

How a card is answered (typed, a choice, an order, or a flip card the learner
grades) is decided in the core (:mod:`studyapp.core.quiz.judging`), so that
``studyapp judge`` says what this screen does.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

from textual.content import Content

from studyapp.core.quiz.judging import FLIP_REASON, self_graded_reason
from studyapp.tui.format import shorten

if TYPE_CHECKING:
    from studyapp.core.decks.cards import Card
    from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex

__all__ = [
    "KIND_LABEL",
    "Mode",
    "cloze_label",
    "input_mode",
    "progress_width",
    "self_graded_note",
    "short",
    "status_line",
    "typing_hint",
]

Mode = Literal["typed", "choice", "order", "reveal"]

KIND_LABEL = {
    ("date", "when"): "Date · when did it happen?",
    ("date", "what"): "Date · what happened then?",
    ("figure", "value"): "Figure · give the number",
    ("quote", "who"): "Quote · who said it?",
    ("quote", "what"): "Quote · what was said?",
    ("qa", "answer"): "Question",
    ("qa", "reverse"): "Question · reversed: give the other side",
    ("choice", "choose"): "Multiple choice · press a number",
    ("order", "order"): "Order · type numbers, earliest first (e.g. 2 3 1)",  # one line at 60
}


def input_mode(card: Card, deck_check: str | None = None) -> Mode:
    """How the learner answers this card (``deck_check``: the deck's ``check`` default)."""
    if card.kind == "choice":
        return "choice"
    if card.kind == "order":
        return "order"
    if self_graded_reason(card, deck_check) is not None:
        return "reveal"
    return "typed"


def self_graded_note(
    card: Card, index: AnswerKeyIndex | None, shown: Collection[str]
) -> str | None:
    """Why this card is self-graded, unless said already this session (or self-evident:
    "what happened?" cards have always been flips)."""
    reason = self_graded_reason(card, index.deck.check if index is not None else None)
    if reason is None or reason == FLIP_REASON:
        return None
    note = f"{reason} (Enter shows the answer)."
    return None if note in shown else note


def status_line(new: int, learning: int, review: int, done: int, width: int, plan: str = "") -> str:
    """The longest wording of the counts that fits ``width`` cells (the shortest if none).

    ``plan``: what an exam's plan added to today's cards ("3 cards for the exam on 12 Dec",
    ``examday.upcoming.PlannedToday.note``), said after the counts when it fits beside
    them: the counts come first, they are what a learner reads the line for.
    """
    if plan:
        for text in _wordings(new, learning, review, done):
            with_plan = f"{text} · incl. {plan}"
            if Content(with_plan).cell_length <= width:
                return with_plan
    wordings = _wordings(new, learning, review, done)
    for text in wordings:
        if Content(text).cell_length <= width:
            return text
    return wordings[-1]


def _wordings(new: int, learning: int, review: int, done: int) -> tuple[str, ...]:
    return (
        f"Left today: {new} new · {learning} learning · {review} review    done {done}",
        f"Left today: {new} new · {learning} learning · {review} review · done {done}",
        f"Left: {new} new · {learning} learning · {review} review · done {done}",
        f"{new} new · {learning} learning · {review} review · {done} done",
        f"{new} new · {learning} learn · {review} review · {done} done",
    )


def progress_width(screen_width: int) -> int:
    """The progress bar's cells: full at 100 columns, smaller so the counts keep room."""
    if screen_width >= 100:
        return 32
    if screen_width >= 80:
        return 16
    return 8


def cloze_label(variant: str) -> str:
    """ "Cloze · fill in the blank", with which one when the text has several (not the
    variant's id, ``blank-2``, which means nothing to a learner)."""
    number = variant.removeprefix("blank-")
    if number.isdigit() and number != "1":
        return f"Cloze · fill in blank {number}"
    return "Cloze · fill in the blank"


def short(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` cells between words, with an ellipsis, for a notice that
    names a card (cut mid-word, "Korean president doe…" was read as a typo)."""
    return shorten(text, width)


def typing_hint(phase: str, mode: Mode, options: int) -> str:
    """What a card without an answer field says when the learner types on it anyway
    (study_typing): how it is answered, and why the letters went nowhere."""
    if phase in ("judged", "revealed"):
        how = "Grade with 1-4"
    elif mode == "choice":
        how = f"Pick an option with 1-{options}" if options > 1 else "Pick the option with 1"
    else:
        how = "Nothing to type here: Enter shows the answer"  # (space is typing now)
    return f"{how} (letters are commands here)"
