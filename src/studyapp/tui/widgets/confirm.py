"""A small yes/no question: destructive or lossy actions ask before they happen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from studyapp.tui.text import literal
from studyapp.tui.widgets.keybar import KeyBar


class ConfirmDialog(ModalScreen[bool]):
    """Ask ``question`` (plain text, shown literally); y confirms, n or escape cancels.

    Dismisses with True only on an explicit yes, so a stray key never confirms.
    """

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
    }
    ConfirmDialog #confirm-box {
        width: 64;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $warning;
        background: $surface;
        padding: 1 2;
    }
    ConfirmDialog #confirm-title {
        text-style: bold;
        margin-bottom: 1;
    }
    ConfirmDialog #confirm-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, title: str, question: str, *, yes: str = "y: yes") -> None:
        super().__init__()
        self.dialog_title = title
        self.question = question
        self.yes_hint = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(literal(self.dialog_title), id="confirm-title", markup=False)
            yield Static(literal(self.question), id="confirm-question", markup=False)
            yield Static(
                literal(f"{self.yes_hint}    n or escape: no"), id="confirm-hint", markup=False
            )
        yield KeyBar()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
