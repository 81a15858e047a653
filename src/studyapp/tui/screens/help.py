"""Help (?): the keys of the screen you were on, read from its live bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from studyapp.tui.text import cell

GENERAL = [
    ("F1", "This help, also while typing in an answer box (? elsewhere)"),
]


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

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(
                f"Keys: {self.for_screen.__class__.__name__.removesuffix('Screen')}",
                id="help-title",
                markup=False,
            )
            yield DataTable(id="help-keys", cursor_type="none", zebra_stripes=True)
            yield Static("escape or ? closes this help", id="help-hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Does")
        seen: set[str] = set()
        # Every binding of the screen and the app, as remapped by the keymap, even the
        # ones a focused text box currently swallows (they work once it loses focus).
        for node in (self.for_screen, self.app):
            for key, bindings in node._bindings.key_to_bindings.items():
                for binding in bindings:
                    if binding.system or not binding.description:
                        continue
                    if binding.action in seen:
                        continue
                    seen.add(binding.action)
                    shown = binding.key_display or self.app.get_key_display(binding)
                    description = binding.tooltip or binding.description
                    table.add_row(cell(shown or key), cell(description))
        for key, description in GENERAL:
            table.add_row(cell(key), cell(description))

    def action_dismiss_help(self) -> None:
        self.dismiss()
