"""Browse: find any card by text, deck, tag, kind or state; inspect it; suspend or reset it.

Built for big collections: every card gets a case-folded search string once,
filtering is a linear scan (milliseconds for 50,000 cards), typing is debounced
when the collection is large, and the table shows at most :data:`MAX_ROWS`
rows ("showing 500 of N"), since a table of 50,000 rows helps nobody.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import NamedTuple, TypeVar

from msgspec import Struct, structs
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Input, Select, Static
from textual.worker import Worker, WorkerState

from studyapp.core.decks.cards import Card
from studyapp.core.store.digest import card_history
from studyapp.core.store.progress import ProgressError, ReviewRecord
from studyapp.core.store.state import CardState, Phase
from studyapp.core.study.queue import study_day
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.text import cell, literal
from studyapp.tui.widgets.charts import clip, text_table
from studyapp.tui.widgets.confirm import ConfirmDialog
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

ANY = "*"
"""Select value meaning "no filter"."""
MAX_ROWS = 500
"""Rows drawn at most; the status line says how many matched."""
DEBOUNCE_FROM = 2000
"""Collections with at least this many cards wait for a pause in typing before filtering."""
DEBOUNCE_SECONDS = 0.15
STATES = ("new", "learning", "review", "suspended", "buried", "leech")
SORTS = ("deck order", "due first", "most lapses")
GRADE = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
T = TypeVar("T")

# Widths of the fixed columns; the prompt takes what is left.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("deck", "Deck", 10),
    ("kind", "Kind", 6),
    ("state", "State", 13),
    ("due", "Due", 9),
    ("lapses", "Lapses", 6),
)


# --------------------------------------------------------------------- model


class IndexedCard(NamedTuple):
    """A card with what filtering needs, computed once (a tuple: 50,000 are built at open)."""

    card: Card
    position: int
    deck_title: str
    tags: frozenset[str]
    haystack: str
    """Case-folded prompt, answer and id: what the search box matches against."""


class BrowseFilter(Struct, frozen=True):
    """What the learner is looking for; ``ANY`` leaves a dimension open."""

    text: str = ""
    deck: str = ANY
    tag: str = ANY
    kind: str = ANY
    state: str = ANY


def build_index(workspace: Workspace) -> list[IndexedCard]:
    """Index every card of the workspace (once per screen: cards do not change)."""
    titles = {d.deck_id: d.title for d in workspace.decks.decks}
    no_tags: frozenset[str] = frozenset()
    tags_of: dict[int, frozenset[str]] = {}  # siblings share an entry: one set per entry
    out = []
    for position, card in enumerate(workspace.cards):
        entry = card.entry
        tags = no_tags
        if entry is not None and entry.tags:
            tags = tags_of.get(id(entry)) or tags_of.setdefault(id(entry), frozenset(entry.tags))
        haystack = f"{card.prompt}\n{card.answer}\n{card.id}".casefold()
        out.append(
            IndexedCard(card, position, titles.get(card.deck_id, card.deck_id), tags, haystack)
        )
    return out


def is_buried(state: CardState, today: date) -> bool:
    return state.buried_until is not None and state.buried_until >= today


def has_state(state: CardState | None, name: str, today: date) -> bool:
    """Whether a card (``None``: never studied) is in the named state."""
    if state is None:
        return name == "new"
    if name == "new":
        return state.phase is Phase.NEW
    if name == "learning":
        return state.phase is Phase.LEARNING or state.phase is Phase.RELEARNING
    if name == "review":
        return state.phase is Phase.REVIEW
    if name == "suspended":
        return state.suspended
    if name == "buried":
        return is_buried(state, today)
    if name == "leech":
        return state.leech
    return False


def state_names(state: CardState, today: date) -> tuple[str, ...]:
    """The states a card is in: its phase (new, learning, review) and any flags."""
    return tuple(name for name in STATES if has_state(state, name, today))


def state_label(state: CardState, today: date) -> str:
    """Short state text for the table: "review", "new buried", "review susp leech"."""
    names = list(state_names(state, today))
    if state.phase is Phase.RELEARNING:
        names[0] = "relearn"
    return " ".join("susp" if n == "suspended" else n for n in names)


def filter_cards(
    index: Sequence[IndexedCard],
    flt: BrowseFilter,
    states: Mapping[str, CardState],
    today: date,
) -> list[IndexedCard]:
    """The cards matching every part of ``flt``; words of the text must all appear.

    One narrowing pass per condition, cheapest first: each is a list
    comprehension, so 50,000 cards filter in a few tens of milliseconds.
    """
    items = list(index)
    if flt.deck != ANY:
        items = [i for i in items if i.card.deck_id == flt.deck]
    if flt.kind != ANY:
        items = [i for i in items if i.card.kind == flt.kind]
    if flt.tag != ANY:
        items = [i for i in items if flt.tag in i.tags]
    for word in flt.text.casefold().split():
        items = [i for i in items if word in i.haystack]
    if flt.state != ANY:
        get = states.get
        items = [i for i in items if has_state(get(i.card.id), flt.state, today)]
    return items


def sort_cards(
    items: list[IndexedCard], how: str, states: Mapping[str, CardState]
) -> list[IndexedCard]:
    """Order matches: deck order, soonest due first (new cards last), or most lapses."""
    if how == "due first":

        def due_key(item: IndexedCard) -> tuple[int, float, int]:
            state = states.get(item.card.id)
            if state is None or state.due is None or state.phase is Phase.NEW:
                return (1, 0.0, item.position)
            return (0, state.due.timestamp(), item.position)

        return sorted(items, key=due_key)
    if how == "most lapses":

        def lapse_key(item: IndexedCard) -> tuple[int, int]:
            state = states.get(item.card.id)
            return (-(state.lapses if state else 0), item.position)

        return sorted(items, key=lapse_key)
    return items


def due_label(state: CardState, now: datetime) -> str:
    """When a card is due, relative to now: "now", "in 3d", "2d late", "–" for new."""
    if state.phase is Phase.NEW or state.due is None:
        return "–"
    delta = state.due - now
    if abs(delta.total_seconds()) < 60:
        return "now"
    if delta.total_seconds() > 0:
        return f"in {fmt.interval(delta)}"
    return f"{fmt.interval(-delta)} late"


def local_time(moment: datetime | None) -> str:
    return "–" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


# ------------------------------------------------------------------- actions


def toggle_suspended(workspace: Workspace, card_id: str) -> tuple[CardState, str]:
    """Suspend a card, or bring back a suspended or buried one; durable on return.

    Returns the new state and what was done ("suspended", "unsuspended", "unburied").
    """
    now = workspace.clock()
    today = study_day(now, workspace.config.study.queue.day_starts_at)
    previous = workspace.store.get(card_id)
    if previous.suspended or is_buried(previous, today):
        done = "unsuspended" if previous.suspended else "unburied"
        state = structs.replace(previous, suspended=False, buried_until=None)
        workspace.store.record_change(state, now, "unsuspend")
    else:
        done = "suspended"
        state = structs.replace(previous, suspended=True)
        workspace.store.record_change(state, now, "suspend")
    return state, done


def reset_to_new(workspace: Workspace, card_id: str) -> CardState:
    """Forget a card's schedule: it becomes new again. Durable on return.

    Memory, counts and the leech flag go; suspension stays (a reset is not a
    reason to see a card the learner chose to hide); the history is kept.
    """
    previous = workspace.store.get(card_id)
    state = CardState(card_id, suspended=previous.suspended)
    workspace.store.record_change(state, workspace.clock(), "reset")
    return state


# ----------------------------------------------------------------- dialogs


class CardResetDialog(ConfirmDialog):
    """Asks before a card loses its schedule (the one browse action that cannot be undone)."""

    def __init__(self, prompt: str) -> None:
        super().__init__(
            "Reset this card to new?",
            f"{clip(prompt, 200)}\n\nIts schedule, stability, difficulty, lapse and review "
            "counts are cleared and it will be studied as a new card. Its review history is "
            "kept. This cannot be undone.",
            yes="y: reset",
        )


class CardDetailDialog(ModalScreen[None]):
    """One card in full: prompt, answer, source, schedule and review history.

    The history can be long (it is read from disk), so it is loaded in a
    thread while the rest shows at once.
    """

    DEFAULT_CSS = """
    CardDetailDialog {
        align: center middle;
    }
    CardDetailDialog #detail-box {
        width: 100;
        max-width: 96%;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    CardDetailDialog .detail-heading {
        text-style: bold;
        margin-top: 1;
    }
    CardDetailDialog #detail-title {
        text-style: bold;
        color: $text-accent;
    }
    CardDetailDialog #detail-prompt, CardDetailDialog #detail-answer {
        padding-left: 2;
    }
    CardDetailDialog #detail-source {
        padding-left: 2;
        color: $text-muted;
        text-style: italic;
    }
    CardDetailDialog #detail-schedule, CardDetailDialog #detail-history {
        padding-left: 2;
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="browse.detail_close"),
        Binding("s", "toggle_suspend", "Suspend/unsuspend", id="browse.suspend"),
        Binding("r", "reset", "Reset to new", id="browse.reset"),
    ]

    def __init__(self, workspace: Workspace, card: Card, deck_title: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.card = card
        self.deck_title = deck_title
        self.history: list[ReviewRecord] | None = None

    def compose(self) -> ComposeResult:
        card = self.card
        entry = card.entry
        with VerticalScroll(id="detail-box"):
            yield Static(
                literal(f"{clip(self.deck_title, 60)} · {card.kind} · {card.variant}"),
                id="detail-title",
                markup=False,
            )
            yield Static(literal(f"id {card.id}"), id="detail-id", markup=False)
            if entry is not None and entry.tags:
                yield Static(literal("tags " + ", ".join(entry.tags)), markup=False)
            yield Static("Prompt", classes="detail-heading", markup=False)
            yield Static(literal(card.prompt), id="detail-prompt", markup=False)
            yield Static("Answer", classes="detail-heading", markup=False)
            answer = card.answer
            if card.accepted:
                answer += "\n(also accepted: " + "; ".join(card.accepted) + ")"
            yield Static(literal(answer), id="detail-answer", markup=False)
            if card.explanation:
                yield Static("Explanation", classes="detail-heading", markup=False)
                yield Static(literal(card.explanation), id="detail-explanation", markup=False)
            yield Static("Source", classes="detail-heading", markup=False)
            yield Static(
                literal(card.source or "(this entry has no source text)"),
                id="detail-source",
                markup=False,
            )
            yield Static("Schedule", classes="detail-heading", markup=False)
            yield Static(id="detail-schedule", markup=False)
            yield Static("Review history", classes="detail-heading", markup=False)
            yield Static("Reading the review history…", id="detail-history", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_schedule()
        self.query_one("#detail-box", VerticalScroll).focus()
        self.load_history()

    def schedule_text(self) -> str:
        """The card's schedule as aligned lines (what the learner needs to judge it)."""
        ws = self.workspace
        now = ws.clock()
        today = study_day(now, ws.config.study.queue.day_starts_at)
        state = ws.store.get(self.card.id)
        settings = ws.config.study.for_deck(self.card.deck_id).scheduler
        retrievability = make_scheduler(settings).retrievability(state, now)
        if retrievability is not None:
            recall = fmt.percent(retrievability)
        elif state.phase is Phase.NEW:
            recall = "– (not studied yet)"
        else:
            recall = f"– ({settings.algorithm} does not model it)"
        due = "–" if state.due is None else f"{local_time(state.due)} ({due_label(state, now)})"
        rows = [
            ("State", ", ".join(state_names(state, today))),
            ("Due", due),
            ("Interval", f"{state.interval} days" if state.interval else "–"),
            ("Stability", "–" if state.stability is None else f"{state.stability:.2f} days"),
            ("Difficulty", "–" if state.difficulty is None else f"{state.difficulty:.2f} of 10"),
            ("Retrievability now", recall),
            ("Lapses", str(state.lapses)),
            ("Reviews", str(state.reps)),
            ("Last review", local_time(state.last_review)),
        ]
        if state.buried_until is not None and is_buried(state, today):
            rows.append(("Buried until", f"end of study day {state.buried_until.isoformat()}"))
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)

    def show_schedule(self) -> None:
        self.query_one("#detail-schedule", Static).update(literal(self.schedule_text()))

    @work(thread=True, exclusive=True, group="card-history", exit_on_error=False)
    def load_history(self) -> list[ReviewRecord]:
        """This card's reviews (off the UI thread: the history file's bytes are searched
        for the card, a few hundredths of a second for half a million reviews)."""
        return card_history(self.workspace.store, self.card.id)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "card-history":
            return
        widget = self.query_one("#detail-history", Static)
        if event.state is WorkerState.ERROR:
            widget.update(literal(f"The history could not be read: {event.worker.error}"))
        elif event.state is WorkerState.SUCCESS:
            result = event.worker.result
            self.history = result if isinstance(result, list) else []
            widget.update(literal(history_text(self.history)))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_suspend(self) -> None:
        result = _guarded(
            self, self.workspace, lambda: toggle_suspended(self.workspace, self.card.id)
        )
        if result is not None:
            self.notify(f"Card {result[1]}.", markup=False)
            self.show_schedule()

    def action_reset(self) -> None:
        if not _writable(self, self.workspace):
            return

        def done(confirmed: bool | None) -> None:
            if confirmed and _guarded(
                self, self.workspace, lambda: reset_to_new(self.workspace, self.card.id)
            ):
                self.notify("Card reset to new.", markup=False)
                self.show_schedule()

        self.app.push_screen(CardResetDialog(self.card.prompt), done)


def history_text(records: Sequence[ReviewRecord]) -> str:
    """A card's answers, newest first, as a plain table."""
    if not records:
        return "No reviews yet."
    rows = []
    for record in reversed(records):
        took = "–" if record.took_ms is None else f"{record.took_ms / 1000:.1f}s"
        interval = "–" if record.interval is None else f"{record.interval}d"
        rows.append(
            [
                local_time(record.at),
                f"{int(record.rating)} {GRADE.get(int(record.rating), '?')}",
                record.phase.value,
                took,
                interval,
            ]
        )
    count = len(records)
    table = text_table(["When", "Grade", "Was", "Took", "Next"], rows, ["<", "<", "<", ">", ">"])
    return f"{count} review{'s' if count != 1 else ''}, newest first\n\n{table}"


def _writable(owner: Widget, workspace: Workspace) -> bool:
    """False (and the learner is told why) when progress is read-only."""
    if workspace.read_only:
        owner.notify(
            "Progress is read-only (another studyapp has it open): nothing was changed.",
            severity="warning",
            markup=False,
        )
        return False
    return True


def _guarded(owner: Widget, workspace: Workspace, change: Callable[[], T]) -> T | None:
    """Run a progress change; tell the learner (instead of crashing) when it cannot be saved."""
    if not _writable(owner, workspace):
        return None
    try:
        return change()
    except ProgressError as error:
        owner.notify(f"Could not save the change: {error}", severity="error", markup=False)
        return None


# ------------------------------------------------------------------ screen


class CardTable(DataTable[object]):
    """The result table; Enter opens the highlighted card (and says so in the key bar)."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Details", id="browse.open"),
    ]


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
        Binding("slash", "search", "Search", id="browse.search", key_display="/"),
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
        decks = [(d.deck_id, d.title) for d in workspace.decks.decks]
        self.deck_options = [(ANY, "All decks")] + [(i, clip(t, 40)) for i, t in decks]
        tags = sorted({t for item in self.index for t in item.tags})
        self.tag_options = [(ANY, "All tags")] + [(t, t) for t in tags]
        kinds = sorted({item.card.kind for item in self.index})
        self.kind_options = [(ANY, "All kinds")] + [(k, k) for k in kinds]
        self.state_options = [(ANY, "All states")] + [(s, s) for s in STATES]

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="browse-filters"):
            yield Input(
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
        self._build_columns()
        self.refilter()
        self.query_one(CardTable).focus()

    def on_resize(self) -> None:
        if self._prompt_width != self._fit_prompt_width():
            self._build_columns()
            self.refilter(keep_cursor=True)

    def _fit_prompt_width(self) -> int:
        fixed = sum(
            width + 2 for _, _, width in COLUMNS
        )  # each column has 1 cell of padding a side
        # screen margins 2, prompt padding 2, vertical scrollbar 2, and 2 to spare: the
        # table's virtual width is a little over the sum of its columns.
        return max(16, self.size.width - fixed - 8)

    def _build_columns(self) -> None:
        table = self.query_one(CardTable)
        table.clear(columns=True)
        self._prompt_width = self._fit_prompt_width()
        table.add_column("Prompt", key="prompt", width=self._prompt_width)
        for key, label, width in COLUMNS:
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
        for item in self.matches[:MAX_ROWS]:
            state = states.get(item.card.id) or CardState(item.card.id)
            table.add_row(
                cell(clip(item.card.prompt, self._prompt_width)),
                cell(clip(item.deck_title, COLUMNS[0][2])),
                cell(item.card.kind),
                cell(state_label(state, today)),
                cell(due_label(state, now)),
                cell(str(state.lapses)),
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
        self.query_one("#browse-search", Input).focus()

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
        result = _guarded(
            self, self.workspace, lambda: toggle_suspended(self.workspace, item.card.id)
        )
        if result is not None:
            self.notify(f"Card {result[1]}: {clip(item.card.prompt, 60)}", markup=False)
            self.refilter(keep_cursor=True)

    def action_reset(self) -> None:
        item = self.highlighted()
        if item is None or not _writable(self, self.workspace):
            return

        def done(confirmed: bool | None) -> None:
            if confirmed and _guarded(
                self, self.workspace, lambda: reset_to_new(self.workspace, item.card.id)
            ):
                self.notify(f"Reset to new: {clip(item.card.prompt, 60)}", markup=False)
                self.refilter(keep_cursor=True)

        self.app.push_screen(CardResetDialog(item.card.prompt), done)


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
