"""The exam's review: every question with its state, before submitting, as in exam software.

The quiz screen opens it on ``ctrl+r`` and after the last question. Each row is
one question: answered or not, flagged or not, the start of its prompt and the
answer given (never whether it is right: results come after submitting).
Enter opens a question; ``s`` submits (the quiz screen asks first when some
are unanswered or flagged); escape goes back to the question.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from studyapp.tui.text import literal
from studyapp.tui.widgets.keybar import KeyBar

SUBMIT = "submit"
"""What the dialog returns when the learner submits (otherwise a question's index, or None)."""

BOX_WIDTH = 100
"""The dialog's widest (it takes 96% of a narrower terminal)."""

FRAME_CELLS = 10
"""Cells of a row lost to the box's and the list's borders, padding and scrollbar."""


class ReviewRow(Struct, frozen=True):
    """One question as the review lists it."""

    prompt: str
    answer: str | None
    flagged: bool


def _short(text: str, cells: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= cells else line[: cells - 1].rstrip() + "…"


def row_text(number: int, row: ReviewRow, cells: int = BOX_WIDTH - FRAME_CELLS) -> str:
    """``  3 ⚑ answered    When did ...?  → 1987``: number, flag, state, prompt, answer;
    shortened to one line of ``cells`` so every question is one row."""
    flag = "⚑" if row.flagged else " "
    state = "answered  " if row.answer is not None else "unanswered"
    head = f"{number:>3} {flag} {state}  "
    room = max(cells - len(head), 12)
    if row.answer is None:
        return head + _short(row.prompt, room)
    answer = _short(row.answer, max(8, min(len(row.answer), room // 3)))
    return head + _short(row.prompt, max(room - len(answer) - 4, 8)) + "  → " + answer


def summary_text(rows: Sequence[ReviewRow]) -> str:
    """``3 of 4 answered · 1 unanswered · 1 flagged``."""
    answered = sum(1 for r in rows if r.answer is not None)
    flagged = sum(1 for r in rows if r.flagged)
    parts = [f"{answered} of {len(rows)} answered"]
    if answered < len(rows):
        parts.append(f"{len(rows) - answered} unanswered")
    if flagged:
        parts.append(f"{flagged} flagged")
    return " · ".join(parts)


class ReviewDialog(ModalScreen[int | str | None]):
    """Every question of the sitting; dismisses with an index to open, SUBMIT, or None.

    Opaque, as exam software's review page is: dimmed, the question beneath showed
    through, its card's bottom border one row under the box's (a double edge).
    """

    DEFAULT_CSS = """
    ReviewDialog {
        align: center middle;
        background: $background;
    }
    ReviewDialog #review-box {
        width: 100;
        max-width: 96%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    ReviewDialog #review-title {
        text-style: bold;
    }
    ReviewDialog #review-summary {
        color: $text-muted;
        margin-bottom: 1;
    }
    ReviewDialog #review-list {
        height: auto;
    }
    ReviewDialog #review-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS = [
        Binding("s", "submit", "Submit", id="review.submit", tooltip="Hand in the exam"),
        Binding("escape", "back", "Back to question", id="review.back"),
    ]

    def __init__(self, title: str, rows: Sequence[ReviewRow], current: int = 0) -> None:
        super().__init__()
        self.dialog_title = title
        self.rows = list(rows)
        self.current = current

    def compose(self) -> ComposeResult:
        cells = min(BOX_WIDTH, self.app.size.width * 96 // 100) - FRAME_CELLS
        with Vertical(id="review-box"):
            yield Static(literal(f"Review: {self.dialog_title}"), id="review-title")
            yield Static(literal(summary_text(self.rows)), id="review-summary")
            yield OptionList(
                *(
                    Option(literal(row_text(n, row, cells)), id=str(n - 1))
                    for n, row in enumerate(self.rows, 1)
                ),
                id="review-list",
            )
            yield Static(
                literal("Enter: open the question    s: submit    escape: back"),
                id="review-hint",
            )
        yield KeyBar()

    def on_resize(self, event: events.Resize) -> None:
        """The list takes what the title, summary, hint and key bar leave (a long exam
        scrolls), so the hint stays in sight."""
        self.query_one("#review-list").styles.max_height = max(3, event.size.height - 11)

    def on_mount(self) -> None:
        options = self.query_one("#review-list", OptionList)
        options.highlighted = min(max(self.current, 0), len(self.rows) - 1)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_submit(self) -> None:
        self.dismiss(SUBMIT)

    def action_back(self) -> None:
        self.dismiss(None)
