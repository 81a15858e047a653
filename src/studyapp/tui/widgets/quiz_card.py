"""The question card of a quiz: its scrolling box, its answer field, and how to answer it.

PgUp and PgDn belong to the quiz screen (previous / next question in an exam),
so neither the card nor the answer field takes them, as a plain VerticalScroll
and Input would.
"""

from __future__ import annotations

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
    """The question, scrolled by arrows and Home/End; PgUp/PgDn move between questions."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll Up", show=False),
        Binding("down", "scroll_down", "Scroll Down", show=False),
        Binding("home", "scroll_home", "Scroll Home", show=False),
        Binding("end", "scroll_end", "Scroll End", show=False),
    ]


def order_hint(items: int) -> str:
    """How to answer an ordering of ``items`` events: an example with that many numbers."""
    example = [2, 1, *range(3, items + 1)] if items >= 2 else [1]
    return (
        f"Put in order: type the numbers 1 to {items}, earliest first "
        f"(e.g. {' '.join(map(str, example))})"
    )


def format_label(question: Question) -> str:
    """The line above the prompt saying how to answer."""
    if question.format is QuestionFormat.ORDERING:
        return order_hint(len(question.options))
    if question.format is QuestionFormat.CHOICE:
        return f"Multiple choice: press 1-{len(question.options)}"
    if question.format is QuestionFormat.TRUE_FALSE:
        return "True or false: press t or f"
    return "Type the answer, then Enter"
