"""The question card of a quiz: its scrolling box, its answer field, and how to answer it.

In an exam PgUp and PgDn belong to the quiz screen (previous / next question), so
neither the card nor the answer field takes them, as a plain VerticalScroll and
Input would; in a one-way quiz (feedback after each answer) they scroll the card.
On a short terminal the card may not fit: its bottom border says there is more,
and with which keys ("↓ more: PgDn"), since a scrollbar alone went unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.widgets import Input

from studyapp.core.quiz.questions import Question, QuestionFormat
from studyapp.tui.widgets.card_scroll import CardScroll

TYPED_FORMATS = (QuestionFormat.TYPED, QuestionFormat.ORDERING)


class AnswerField(Input, inherit_bindings=False):
    """Input's own keys without the scrolling ones it inherits, so PgUp/PgDn (and the key
    bar's Previous / Next) reach the screen while an answer is being typed."""

    BINDINGS = Input.BINDINGS


class QuestionCard(CardScroll, inherit_bindings=False):
    """The question, scrolled by arrows and Home/End, and by PgUp/PgDn when ``pages``
    (otherwise they are the screen's: previous / next question)."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll Up", show=False),
        Binding("down", "scroll_down", "Scroll Down", show=False),
        Binding("home", "scroll_home", "Scroll Home", show=False),
        Binding("end", "scroll_end", "Scroll End", show=False),
        Binding("pageup", "page(-1)", "Page Up", show=False),
        Binding("pagedown", "page(1)", "Page Down", show=False),
    ]

    def __init__(self, *, id: str, placer: Callable[[], None], pages: bool) -> None:
        super().__init__(id=id, placer=placer)
        self.pages = pages
        """PgUp/PgDn scroll the card (a one-way quiz), rather than move between questions."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """PgUp/PgDn pass on to the screen (previous / next question) unless ``pages``."""
        if action == "page":
            return self.pages
        return True

    def action_page(self, direction: int) -> None:
        if direction < 0:
            self.scroll_page_up(animate=False)
        else:
            self.scroll_page_down(animate=False)


def _example(items: int) -> str:
    """An answer to an ordering of ``items`` events: ``2 1 3 4``."""
    return " ".join(map(str, [2, 1, *range(3, items + 1)] if items >= 2 else [1]))


def order_hint(items: int) -> str:
    """How to answer an ordering of ``items`` events: an example with that many numbers."""
    return f"Put in order: type the numbers 1 to {items}, earliest first (e.g. {_example(items)})"


def order_placeholder(items: int) -> str:
    """The empty answer field of an ordering: how to answer, where the answer is typed
    (on a short terminal the line above the prompt that says it may be scrolled away)."""
    return f"The numbers 1 to {items}, earliest first, e.g. {_example(items)}"


def format_label(question: Question, room: int | None = None) -> str:
    """The line above the prompt saying how to answer (an order's in fewer words when
    ``room``, in cells, is too little for it: at 60 columns it took two rows, one more
    than an exam's order question had to spare)."""
    if question.format is QuestionFormat.ORDERING:
        items = len(question.options)
        hint = order_hint(items)
        if room is not None and len(hint) > room:
            return f"Type 1-{items}, earliest first (e.g. {_example(items)})"
        return hint
    if question.format is QuestionFormat.CHOICE:
        return f"Multiple choice: press 1-{len(question.options)}"
    if question.format is QuestionFormat.TRUE_FALSE:
        return "True or false: press t or f"
    return "Type the answer, then Enter"
