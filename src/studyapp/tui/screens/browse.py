"""Browse: find any card by text, deck, tag, kind or state; inspect it; suspend or reset it.

Built for big collections: every card gets a case-folded search string once,
filtering is a linear scan (milliseconds for 50,000 cards), typing is debounced
when the collection is large, and the table shows at most :data:`MAX_ROWS`
rows ("showing 500 of N"), since a table of 50,000 rows helps nobody.

The card index, the progress changes, the result table and the dialogs are in
:mod:`studyapp.tui.widgets.browse`; this module is the screen that puts them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Select, Static

from studyapp.core.store.state import CardState
from studyapp.core.study.queue import study_day
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.screens.browse_search import SearchInput
from studyapp.tui.text import cell, literal
from studyapp.tui.widgets.browse.actions import guarded, reset_to_new, toggle_suspended, writable
from studyapp.tui.widgets.browse.columns import Column, distinct_prompts, fit_columns
from studyapp.tui.widgets.browse.detail import CardDetailDialog
from studyapp.tui.widgets.browse.model import (
    ANY,
    SORTS,
    STATES,
    BrowseFilter,
    IndexedCard,
    build_index,
    due_label,
    filter_cards,
    sort_cards,
    state_label,
)
from studyapp.tui.widgets.browse.reset_dialog import CardResetDialog
from studyapp.tui.widgets.browse.table import CardTable
from studyapp.tui.widgets.charts import clip
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

MAX_ROWS = 500
"""Rows drawn at most; the status line says how many matched."""
DEBOUNCE_FROM = 2000
"""Collections with at least this many cards wait for a pause in typing before filtering."""
DEBOUNCE_SECONDS = 0.15

SORT_COLUMNS = {"due first": "due", "most lapses": "lapses"}
"""The column each order sorts by: it is shown at any width (see fit_columns)."""
COMPACT_BELOW = (80, 28)
"""Below this width or height the filters drop their borders (one row each, not three)."""


class BrowseScreen(Screen[None]):
    """Every card of every deck, searchable and filterable; Enter shows one in full."""

    DEFAULT_CSS = """
    BrowseScreen #browse-filters {
        height: auto;
        margin: 1 1 0 1;
    }
    BrowseScreen #browse-search {
        width: 1fr;
    }
    BrowseScreen #browse-selects {
        height: auto;
    }
    BrowseScreen #browse-selects Select {
        width: 1fr;
    }
    BrowseScreen #browse-status {
        height: 1;
        margin: 0 2;
        color: $text-muted;
    }
    BrowseScreen #browse-table {
        height: 1fr;
        margin: 0 1;
    }
    """

    BINDINGS = [
        # priority: run when the app takes "/" off its queue, so the keys behind it in a
        # burst are forwarded to the search box, not to the table (see action_search)
        Binding("slash", "search", "Search", id="browse.search", key_display="/", priority=True),
        Binding("f", "cycle('state')", "State", id="browse.state", tooltip="Next state filter"),
        Binding("d", "cycle('deck')", "Deck", id="browse.deck", show=False, tooltip="Next deck"),
        Binding("t", "cycle('tag')", "Tag", id="browse.tag", show=False, tooltip="Next tag"),
        Binding("k", "cycle('kind')", "Kind", id="browse.kind", show=False, tooltip="Next kind"),
        Binding(
            "o",
            "sort",
            "Sort",
            id="browse.sort",
            show=False,
            tooltip="Sort by deck order, due first or most lapses",
        ),
        Binding("c", "clear_filters", "Clear filters", id="browse.clear", show=False),
        Binding("s", "toggle_suspend", "Suspend", id="browse.suspend", tooltip="Suspend/unsuspend"),
        Binding("r", "reset", "Reset", id="browse.reset", tooltip="Reset the card to new"),
        Binding("escape", "leave", "Back", id="browse.leave"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.index = build_index(workspace)
        self.matches: list[IndexedCard] = []
        self.sort = SORTS[0]
        self._debounce: Timer | None = None
        self._prompt_width = 30
        self._columns: list[Column] = []
        decks = [(d.deck_id, d.title) for d in workspace.decks.decks]
        self.deck_options = [(ANY, "All decks")] + [(i, fmt.shorten(t, 40)) for i, t in decks]
        tags = sorted({t for item in self.index for t in item.tags})
        self.tag_options = [(ANY, "All tags")] + [(t, t) for t in tags]
        kinds = sorted({item.card.kind for item in self.index})
        self.kind_options = [(ANY, "All kinds")] + [(k, k) for k in kinds]
        self.state_options = [(ANY, "All states")] + [(s, s) for s in STATES]

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="browse-filters"):
            yield SearchInput(
                id="browse-search",
                placeholder="Search prompts and answers  ( / )",
            )
            with Horizontal(id="browse-selects"):
                yield _select("deck", self.deck_options, "Deck")
                yield _select("tag", self.tag_options, "Tag")
                yield _select("kind", self.kind_options, "Kind")
                yield _select("state", self.state_options, "State")
        yield Static(id="browse-status", markup=False)
        yield CardTable(id="browse-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Browse"
        self._fit_filters()
        self._build_columns()
        self.refilter()
        self.query_one(CardTable).focus()

    def on_resize(self) -> None:
        self._fit_filters()
        if (self._prompt_width, self._columns) != self._fit():
            self._build_columns()
            self.refilter(keep_cursor=True)

    def _fit(self) -> tuple[int, list[Column]]:
        decks = len(self.workspace.decks.decks)
        return fit_columns(self.size.width, decks, SORT_COLUMNS.get(self.sort))

    def _fit_filters(self) -> None:
        """On a small terminal the search box and the filters lose their borders, so
        that the table keeps rows to show."""
        width, height = self.size
        compact = width < COMPACT_BELOW[0] or height < COMPACT_BELOW[1]
        self.query_one("#browse-search", Input).compact = compact
        for select in self.query(Select):
            select.compact = compact

    def _build_columns(self) -> None:
        table = self.query_one(CardTable)
        table.clear(columns=True)
        self._prompt_width, self._columns = self._fit()
        table.add_column("Prompt", key="prompt", width=self._prompt_width)
        for key, label, width in self._columns:
            table.add_column(label, key=key, width=width)

    # --------------------------------------------------------------- filters

    def current_filter(self) -> BrowseFilter:
        def value(name: str) -> str:
            selected = self.query_one(f"#browse-{name}", Select).value
            return selected if isinstance(selected, str) else ANY

        return BrowseFilter(
            text=self.query_one("#browse-search", Input).value,
            deck=value("deck"),
            tag=value("tag"),
            kind=value("kind"),
            state=value("state"),
        )

    def refilter(self, *, keep_cursor: bool = False) -> None:
        """Run the filter and redraw the table (at most MAX_ROWS rows)."""
        ws = self.workspace
        now = ws.clock()
        today = study_day(now, ws.config.study.queue.day_starts_at)
        states = ws.store.states
        found = filter_cards(self.index, self.current_filter(), states, today)
        self.matches = sort_cards(found, self.sort, states)
        table = self.query_one(CardTable)
        previous_id = self.highlighted_id() if keep_cursor else None
        previous_row = table.cursor_row
        table.clear()
        shown = self.matches[:MAX_ROWS]
        prompts = [" ".join(item.card.prompt.split()) for item in shown]
        cut = distinct_prompts(prompts, self._prompt_width)
        for item, prompt in zip(shown, cut, strict=True):
            state = states.get(item.card.id) or CardState(item.card.id)
            table.add_row(
                cell(prompt),
                *(
                    cell(clip(_value(c.key, item, state, now, today), c.width))
                    for c in self._columns
                ),
                key=item.card.id,
            )
        if keep_cursor and table.row_count:
            if previous_id is not None and previous_id in table.rows:
                table.move_cursor(row=table.get_row_index(previous_id))
            else:
                table.move_cursor(row=min(previous_row, table.row_count - 1))
        self._show_status()

    def _show_status(self) -> None:
        total, found = len(self.index), len(self.matches)
        if found > MAX_ROWS:
            text = f"Showing {MAX_ROWS:,} of {found:,} matching cards (refine to see the rest)"
        else:
            text = f"{found:,} of {total:,} cards match"
        text += f" · sorted by {self.sort}"
        self.query_one("#browse-status", Static).update(literal(text))

    @on(Input.Changed, "#browse-search")
    def _search_changed(self) -> None:
        if len(self.index) < DEBOUNCE_FROM:
            self.refilter()
            return
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self.refilter)

    @on(Input.Submitted, "#browse-search")
    def _search_submitted(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
            self.refilter()
        self.query_one(CardTable).focus()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.refilter()

    def action_search(self) -> None:
        """Focus the search box now, before the app forwards the next key.

        The app hands each key to whatever has focus when it takes the key off its
        queue. ``Widget.focus`` only moves focus on a later callback, and a non-priority
        binding runs only after the key has bubbled up from the table, so in a burst
        (``/trump`` from tmux or a fast typist) the letters went to the table first: ``t``
        stepped the tag filter and ``r`` opened the reset dialog. Bound with priority and
        focusing synchronously, every key after ``/`` goes to the search box, in order.
        Where ``/`` is text (the search box itself, an open Select's type-to-search), the
        binding steps aside and the focused widget gets the key.
        """
        focused = self.focused
        if focused is not None and not isinstance(focused, (CardTable, Select)):
            raise SkipAction()
        self.set_focus(self.query_one("#browse-search", Input))

    def action_cycle(self, name: str) -> None:
        """Step a filter to its next value (quick keys, without opening the Select)."""
        options = {
            "deck": self.deck_options,
            "tag": self.tag_options,
            "kind": self.kind_options,
            "state": self.state_options,
        }[name]
        select = self.query_one(f"#browse-{name}", Select)
        values = [v for v, _ in options]
        current = select.value if select.value in values else ANY
        select.value = values[(values.index(current) + 1) % len(values)]

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        if (self._prompt_width, self._columns) != self._fit():
            self._build_columns()  # sorted by lapses: their column, even when narrow
        self.refilter()

    def action_clear_filters(self) -> None:
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#browse-search", Input).value = ""
            for name in ("deck", "tag", "kind", "state"):
                self.query_one(f"#browse-{name}", Select).value = ANY
        self.refilter()

    def action_leave(self) -> None:
        if self.focused is not None and not isinstance(self.focused, CardTable):
            self.query_one(CardTable).focus()
            return
        self.dismiss(None)

    # ---------------------------------------------------------------- cards

    def highlighted_id(self) -> str | None:
        table = self.query_one(CardTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key if isinstance(key, str) else None

    def highlighted(self) -> IndexedCard | None:
        card_id = self.highlighted_id()
        if card_id is None:
            return None
        return next((m for m in self.matches if m.card.id == card_id), None)

    @on(DataTable.RowSelected, "#browse-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self.highlighted()
        if item is None:
            return

        def back(_: None) -> None:
            self.refilter(keep_cursor=True)

        self.app.push_screen(CardDetailDialog(self.workspace, item.card, item.deck_title), back)

    def action_toggle_suspend(self) -> None:
        item = self.highlighted()
        if item is None:
            return
        result = guarded(
            self, self.workspace, lambda: toggle_suspended(self.workspace, item.card.id)
        )
        if result is not None:
            self.notify(f"Card {result[1]}: {fmt.shorten(item.card.prompt, 60)}", markup=False)
            self.refilter(keep_cursor=True)

    def action_reset(self) -> None:
        item = self.highlighted()
        if item is None or not writable(self, self.workspace):
            return

        def done(confirmed: bool | None) -> None:
            if confirmed and guarded(
                self, self.workspace, lambda: reset_to_new(self.workspace, item.card.id)
            ):
                self.notify(f"Reset to new: {fmt.shorten(item.card.prompt, 60)}", markup=False)
                self.refilter(keep_cursor=True)

        self.app.push_screen(CardResetDialog(item.card.prompt), done)


def _value(column: str, item: IndexedCard, state: CardState, now: datetime, today: date) -> str:
    """The text of one of the table's columns other than the prompt, for one card."""
    if column == "deck":
        return item.deck_title
    if column == "kind":
        return item.card.kind
    if column == "state":
        return state_label(state, today)
    if column == "due":
        return due_label(state, now)
    return str(state.lapses)


def _select(name: str, options: Sequence[tuple[str, str]], prompt: str) -> Select[str]:
    """A filter Select; labels may be deck text, so they are Rich Text (never markup)."""
    return Select(
        [(cell(label), value) for value, label in options],
        value=ANY,
        allow_blank=False,
        prompt=prompt,
        id=f"browse-{name}",
        tooltip=f"{prompt} filter",
    )
