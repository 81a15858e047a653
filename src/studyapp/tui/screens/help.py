"""Help (?): the keys of the screen you were on, read from its live bindings.

Each key is a row whose description wraps (never cut), in a box that scrolls by
keys; the box's border says how to close it, so that line is never scrolled away.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from studyapp.tui.text import literal
from studyapp.tui.widgets.keybar import KeyBar

GENERAL = [
    ("F1", "This help, also while typing in an answer box (? elsewhere)"),
]
KEY_WIDTH = (6, 14)
"""The key column's width: enough for the longest key shown, within these bounds."""


class HelpDialog(ModalScreen[None]):
    """Lists the bindings active on ``screen``; remapped keys show as remapped."""

    CSS_PATH = "help.tcss"
    """Read when first shown (see app.tcss)."""

    BINDINGS = [
        Binding("escape", "dismiss_help", "Close", id="help.close"),
        Binding("question_mark,f1", "dismiss_help", "Close", show=False),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.for_screen = screen

    def rows(self) -> list[tuple[str, str]]:
        """(key, what it does) for every binding of the screen and the app, as remapped
        by the keymap, even those a focused text box swallows now (they work once it
        loses focus), then the general keys."""
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for node in (self.for_screen, self.app):
            for key, bindings in node._bindings.key_to_bindings.items():
                for binding in bindings:
                    if binding.system or not binding.description:
                        continue
                    if binding.action in seen:
                        continue
                    seen.add(binding.action)
                    shown = binding.key_display or self.app.get_key_display(binding)
                    rows.append((shown or key, binding.tooltip or binding.description))
        return rows + GENERAL

    def compose(self) -> ComposeResult:
        rows = self.rows()
        low, high = KEY_WIDTH
        key_width = min(max(low, *(len(key) + 2 for key, _ in rows)), high)
        box = VerticalScroll(id="help-box")
        name = self.for_screen.__class__.__name__.removesuffix("Screen")
        box.border_title = f"Keys: {name}"
        box.border_subtitle = "esc closes · ↑↓ scroll"
        with box:
            for key, does in rows:
                with Horizontal(classes="help-row"):
                    key_cell = Static(literal(key), classes="help-key", markup=False)
                    key_cell.styles.width = key_width
                    yield key_cell
                    yield Static(literal(does), classes="help-does", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help-box", VerticalScroll).focus()

    def action_dismiss_help(self) -> None:
        self.dismiss()
