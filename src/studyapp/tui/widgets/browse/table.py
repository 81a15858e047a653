"""The browse result table: Enter opens the highlighted card."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class CardTable(DataTable[object]):
    """The result table; Enter opens the highlighted card (and says so in the key bar)."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Details", id="browse.open"),
    ]
