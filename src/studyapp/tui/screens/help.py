"""Help (?): the keys of the screen you were on, read from its live bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from studyapp.tui.text import cell

GENERAL = [
    ("ctrl+p", "Command palette: every main action by name"),
    ("?", "This help (again to close)"),
    ("ctrl+q", "Quit (progress is saved after every answer)"),
]


class HelpDialog(ModalScreen[None]):
    """Lists the bindings active on ``screen``; remapped keys show as remapped."""

    BINDINGS = [
        Binding("escape", "dismiss_help", "Close", id="help.close"),
        Binding("question_mark", "dismiss_help", "Close", show=False),
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
        for key, active in self.for_screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            shown = binding.key_display or self.app.get_key_display(binding)
            description = binding.tooltip or binding.description
            state = "" if active.enabled else " (not now)"
            table.add_row(cell(shown or key), cell(description + state))
        for key, description in GENERAL:
            table.add_row(cell(key), cell(description))

    def action_dismiss_help(self) -> None:
        self.dismiss()
