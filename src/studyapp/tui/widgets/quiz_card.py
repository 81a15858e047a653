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
from textual.containers import VerticalScroll
from textual.widgets import Input

from studyapp.core.quiz.questions import Question, QuestionFormat

TYPED_FORMATS = (QuestionFormat.TYPED, QuestionFormat.ORDERING)


class AnswerField(Input, inherit_bindings=False):
    """Input's own keys without the scrolling ones it inherits, so PgUp/PgDn (and the key
    bar's Previous / Next) reach the screen while an answer is being typed."""

    BINDINGS = Input.BINDINGS


class QuestionCard(VerticalScroll, inherit_bindings=False):
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
        super().__init__(id=id)
        self.pages = pages
        """PgUp/PgDn scroll the card (a one-way quiz), rather than move between questions."""
        self._hint = ""
        self._placer = placer
        """Scrolls the card to what must be seen now: run again whenever its content's or
        its window's size changes (a scrollbar appearing rewraps the text, too)."""

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

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.update_hint()

    def watch_virtual_size(self) -> None:
        self.call_after_refresh(self._placer)

    def on_resize(self) -> None:
        self.call_after_refresh(self._placer)

    def update_hint(self) -> None:
        """Say on the bottom border whether there is more above or below the window, and
        which keys scroll to it."""
        y = round(self.scroll_y)
        shown = [child for child in self.children if child.display]
        blank = shown[-1].styles.margin.bottom if shown else 0  # no more to read there
        above, below = y > 0, y < self.max_scroll_y - blank
        self._set_hint(scroll_hint(above, below, pages=self.pages))

    def _set_hint(self, hint: str) -> None:
        if hint != self._hint:
            self._hint = hint
            self.border_subtitle = hint


def scroll_hint(above: bool, below: bool, *, pages: bool) -> str:
    """``↓ more: PgDn`` and the like; with the arrows when PgUp/PgDn change the question."""
    up, down = ("PgUp", "PgDn") if pages else ("Up", "Down")
    if above and below:
        return f"↑↓ more: {up} {down}"
    if below:
        return f"↓ more: {down}"
    if above:
        return f"↑ more above: {up}"
    return ""


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


def format_label(question: Question) -> str:
    """The line above the prompt saying how to answer."""
    if question.format is QuestionFormat.ORDERING:
        return order_hint(len(question.options))
    if question.format is QuestionFormat.CHOICE:
        return f"Multiple choice: press 1-{len(question.options)}"
    if question.format is QuestionFormat.TRUE_FALSE:
        return "True or false: press t or f"
    return "Type the answer, then Enter"
