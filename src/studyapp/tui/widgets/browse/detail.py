"""One card in full: prompt, answer, source, schedule and review history."""

from __future__ import annotations

from collections.abc import Sequence

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from studyapp.core.decks.cards import Card
from studyapp.core.store.history_summary import card_history
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase
from studyapp.core.study.queue import study_day
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.text import literal
from studyapp.tui.widgets.browse.actions import guarded, reset_to_new, toggle_suspended, writable
from studyapp.tui.widgets.browse.model import due_label, is_buried, local_time, state_names
from studyapp.tui.widgets.browse.reset_dialog import CardResetDialog
from studyapp.tui.widgets.charts import clip, text_table
from studyapp.tui.widgets.keybar import KeyBar

GRADE = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


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
        result = guarded(
            self, self.workspace, lambda: toggle_suspended(self.workspace, self.card.id)
        )
        if result is not None:
            self.notify(f"Card {result[1]}.", markup=False)
            self.show_schedule()

    def action_reset(self) -> None:
        if not writable(self, self.workspace):
            return

        def done(confirmed: bool | None) -> None:
            if confirmed and guarded(
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
