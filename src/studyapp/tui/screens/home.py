"""Home: the decks with what is due, mastery and last studied; the way into everything.

A draft deck (entries still marked ``review: true``, as ``studyapp extract`` writes
them) is studied like any other, but its row says so on a line of its own ("draft · 12
entries to check": the 60-column row has no cell to spare), and with it highlighted a
line under the list says how its author checks it (``studyapp extract --review FILE``).
The count is the deck index's (``LoadedDeck.drafts``): no deck is read for it.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from studyapp.core.base.listing import plural
from studyapp.core.stats.overview import DeckOverview, deck_overviews_until
from studyapp.core.stats.report import store_streak
from studyapp.core.study.queue import study_day
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.messages import read_only_message
from studyapp.tui.text import literal
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:  # imported when first used: the exams' models are not needed at start
    from studyapp.core.config import AppConfig
    from studyapp.core.examday.upcoming import PlannedToday, Upcoming
    from studyapp.core.store.records import ReviewRecord
    from studyapp.core.store.state import CardState
    from studyapp.tui.screens.exam_date import ExamChoice, ExamSet

ALL = "*all*"
COLUMNS = ("Deck", "New", "Learn", "Due", "Mastered", "Last studied")
SHOWN_EXAMS = 3
"""Exams listed on home (soonest first); the others are counted."""
DECK_MIN_WIDTH = 10
"""The deck column's width at the least: narrower than 16 cells when the counts need them
(at 60 columns "Last studied" was cut to "Last", "yesterday" to "yeste")."""
COUNT_AFTER_FIRST_FRAME = 20_000
"""Cards from which home's first frame lists the decks and counts them just after it
(200,000 cards: a tenth of a second or more); fewer are counted for the first frame
(20,000: ~15 ms), so the counts never flicker in."""


class HomeScreen(Screen[None]):
    """The deck list. Enter or s studies the highlighted deck; a studies all of them."""

    BINDINGS = [
        Binding(
            "s", "study_selected", "Study", id="home.study", tooltip="Study the highlighted deck"
        ),
        Binding("a", "study_all", "Study all", id="home.study_all"),
        Binding("q", "quiz", "Quiz", id="home.quiz", tooltip="Quiz yourself or take an exam"),
        Binding("b", "browse", "Browse", id="home.browse"),
        Binding("t", "stats", "Stats", id="home.stats"),
        Binding("comma", "settings", "Settings", id="home.settings", key_display=","),
        Binding(
            "e",
            "readiness",
            "Readiness",
            id="home.readiness",
            tooltip="How ready you are for an exam",
        ),
        Binding(
            "d",
            "exam_date",
            "Exam date",
            id="home.exam_date",
            tooltip="Set or change an exam's date",
            show=False,  # (in the help and the palette; the key bar keeps its spacing)
        ),
        Binding("r", "refresh", "Reload decks", id="home.refresh", show=False),
    ]
    DEFAULT_CSS = """
    HomeScreen #home-exams { padding: 1 2 0 2; height: auto; color: $text; }
    """

    def __init__(self, workspace: Workspace, rng: random.Random) -> None:
        super().__init__()
        self.workspace = workspace
        self.rng = rng
        self.overviews: dict[str, DeckOverview] = {}
        self.rows: dict[str, list[str]] = {}
        """Each deck's row as shown, cell by cell (the "All decks" row under ALL)."""
        self._streak_text = ""
        """The last streak computed (kept on screen while a new one is computed)."""
        self._painted = False
        """Whether the first frame is out (work for later waits for it)."""
        self._recount: Timer | None = None
        """Counts again when the counts change by time alone (see refresh_decks)."""
        self.upcoming: list[Upcoming] = []
        """The exams with a date ahead, soonest first, as last worked out (in a worker)."""
        self._exam_problems: list[str] = []
        self._totals: list[int] | None = None
        """New, learning and due cards of all decks; None until first counted (see count)."""

    def compose(self) -> ComposeResult:
        # The deck list is an OptionList of rows laid out in columns under a heading
        # line: it reads as a table, and costs the first frame ~25 ms less than a
        # DataTable (benchmarks/startup.py).
        yield TitleBar()
        yield Static(id="home-summary", markup=False)
        exams = Static(id="home-exams", markup=False)
        exams.display = False  # until an exam with a date is worked out (after the first frame)
        yield exams
        yield Static(id="home-columns", markup=False)
        yield OptionList(id="home-decks")
        draft = Static(id="home-draft", markup=False)
        draft.display = False  # while a draft deck is highlighted (see _show_draft)
        yield draft
        # Every problem of every broken file: the box keeps to a few lines (app.tcss)
        # and scrolls (Tab reaches it, then arrows, PgUp/PgDn, Home/End).
        with VerticalScroll(id="home-failures-box"):
            yield Static(id="home-failures", markup=False)
        # Two rows when one is too few (80 columns): every key home offers stays in view.
        yield KeyBar(rows=2)

    def on_mount(self) -> None:
        starting = not getattr(self.app, "started", True)
        if starting and self.workspace.card_count >= COUNT_AFTER_FIRST_FRAME:
            self._show_uncounted()  # the app's first frame: the counts just after it (count)
        else:
            self.refresh_decks()
        self._show_failures()
        self.query_one("#home-decks", OptionList).focus()

    def count(self) -> None:
        """Count today's cards, if not counted yet. At start the app calls this just after
        its first frame: with 200,000 cards counting takes a tenth of a second or more,
        and the deck list is worth painting first (the counts fill in after it)."""
        if self._totals is None and self.is_mounted:
            self.refresh_decks()

    def after_first_frame(self) -> None:
        """The app's first frame is out (StudyApp calls this). The streak reads the whole
        review history, and the decks' entries were not read at start (only what this
        screen shows, see discovery.LoadedDeck): both are done now, off the UI thread,
        so neither delayed the first frame."""
        if self._painted:
            return
        self._painted = True
        self._read_decks()
        self._load_streak()
        self.refresh_exams()

    @work(thread=True, exclusive=True, group="decks", exit_on_error=False)
    def _read_decks(self) -> None:
        """Read the decks' entries now, so that studying never waits for them (should this
        fail, nothing is lost: the next use of a deck tries again); first, index the card
        states by id (start-up read them by position only), as studying looks them up."""
        self.workspace.store.states.table.index()
        self.workspace.decks.read_all()

    def on_screen_resume(self) -> None:
        """Back from studying (or any screen): the counts, and the streak, may have moved.
        (Textual also sends this when the screen is first shown, just after on_mount has
        filled the table: the streak then waits for the first frame.)"""
        if self._painted:
            self.refresh_decks()
            self._load_streak()
            self.refresh_exams()

    def _deck_width(self) -> int:
        """The deck column takes what the count columns can come to need: as wide as the
        collection's card count written out ("100% of 1,204" the widest), so the column
        never moves when the counts come in, and a long title is not cut for cells no count
        will use (at 100 columns the bundled deck's title was cut 5 cells early)."""
        total = f"{self.workspace.card_count:,}"  # (without making the cards: start-up)
        counts = [
            max(len(COLUMNS[1]), len(total)),
            max(len(COLUMNS[2]), len(total)),
            max(len(COLUMNS[3]), len(total)),
            max(len(COLUMNS[4]), len(f"100% of {total}")),
            len(COLUMNS[5]),
        ]
        return max(16, min(80, self.app.size.width - 6 - sum(counts) - 2 * len(counts)))

    def on_resize(self) -> None:
        # the deck column's width follows the terminal's
        if self._totals is None:
            self._show_uncounted()
        else:
            self.refresh_decks()
        if self.upcoming or self._exam_problems:
            self._show_exams(self.upcoming, self._exam_problems)  # and the exams' titles

    # ------------------------------------------------------------------ view

    def refresh_decks(self) -> None:
        ws = self.workspace
        now = ws.clock()
        self.overviews, until = deck_overviews_until(
            ws.cards, ws.store.states, ws.store.recent_reviews(), ws.config.study, now
        )
        # A learning card coming within the learn-ahead window changes the counts with
        # no answer given: count again then, so home never shows fewer than studying would.
        if self._recount is not None:
            self._recount.stop()
        wait = (until - now).total_seconds()
        self._recount = self.set_timer(max(1.0, wait), self._recount_now)
        rows: dict[str, list[str]] = {}
        totals = [0, 0, 0]
        for loaded in ws.decks.decks:
            view = self.overviews.get(loaded.deck_id)
            if view is None:
                continue
            left = view.left
            totals = [totals[0] + left.new, totals[1] + left.learning, totals[2] + left.review]
            rows[loaded.deck_id] = [
                loaded.title,  # clipped to the deck column (see _show_rows)
                str(left.new),
                str(left.learning),
                str(left.review),
                f"{fmt.percent(view.mastery.mastered)} of {view.cards:,}",
                fmt.ago(view.last_studied, now),
            ]
        if len(rows) > 1:
            rows[ALL] = ["All decks", *map(str, totals), "", ""]
        self._totals = totals
        self._show_rows(rows)

    def _show_uncounted(self) -> None:
        """The decks by title, their counts left blank (see :meth:`count`)."""
        rows = {
            loaded.deck_id: [loaded.title, "", "", "", "", ""]
            for loaded in self.workspace.decks.decks
        }
        if len(rows) > 1:
            rows[ALL] = ["All decks", "", "", "", "", ""]
        self._show_rows(rows)

    def _show_rows(self, rows: dict[str, list[str]]) -> None:
        selected = self.selected_deck()
        counts = [
            max([cell_len(label), *(cell_len(row[i]) for row in rows.values())])
            for i, label in enumerate(COLUMNS[1:], start=1)
        ]
        # The row is as wide as the list's inside (its margins and padding: app.tcss);
        # the deck column gives up cells, down to DECK_MIN_WIDTH, before a count is cut.
        room = self.app.size.width - 6 - sum(counts) - 2 * len(counts)
        deck_width = max(DECK_MIN_WIDTH, min(self._deck_width(), room))
        for row in rows.values():
            row[0] = _clip(row[0], deck_width)
        self.rows = rows
        widths = [deck_width, *counts]
        self.query_one("#home-columns", Static).update(literal(_line(COLUMNS, widths)))
        drafts = {loaded.deck_id: loaded.drafts for loaded in self.workspace.decks.decks}
        table = self.query_one("#home-decks", OptionList)
        table.set_options(
            Option(_row_content(row, widths, drafts.get(key, 0), bold=key == ALL), id=key)
            for key, row in rows.items()
        )
        if rows:
            table.highlighted = list(rows).index(selected) if selected in rows else 0
        self._show_draft()
        self._show_summary(self._streak_text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_draft()

    def _show_draft(self) -> None:
        """Under the list, for a highlighted draft deck: what a draft is, and how its author
        checks it entry by entry (the command takes the deck's file, quoted for a shell)."""
        widget = self.query_one("#home-draft", Static)
        key = self.selected_deck()
        loaded = self.workspace.decks.find(key) if key and key != ALL else None
        if loaded is None or not loaded.drafts:
            widget.display = False
            return
        import shlex

        from studyapp.core.decks.discovery import display_name

        left = plural(loaded.drafts, "entry", "entries")
        widget.update(
            literal(
                f"A draft: {left} not checked yet. To check them:\n"
                f"studyapp extract --review {shlex.quote(display_name(loaded.path))}"
            )
        )
        widget.display = True

    def _recount_now(self) -> None:
        if self.is_current:
            self.refresh_decks()
        else:
            self._recount = None  # counted again on resume

    def _show_summary(self, streak: str = "") -> None:
        ws = self.workspace
        failures = ws.decks.failures
        if not ws.decks.decks and failures:
            # The decks are there but broken: say so, and where (the details are below).
            first = failures[0].problems[0] if failures[0].problems else None
            where = first.where if first else failures[0].file
            what = "Your deck" if len(failures) == 1 else f"All {len(failures)} deck files"
            text = f"{what} failed to load: {where} (details below). Fix it and press r."
        elif not ws.decks.decks:
            text = "No decks found. Put .yaml decks in ./decks or pass paths: studyapp my-deck.yaml"
        else:
            entries = sum(d.entries for d in ws.decks.decks)
            decks = len(ws.decks.decks)
            if self._totals is None:
                today = "Counting today's cards…"
            else:
                new, learning, review = self._totals
                today = f"Today: {review} due · {learning} learning · {new} new"
            # Entries and cards both, named: one entry can make several cards (a date asked
            # both ways), and the deck list counts cards ("0% of 125").
            cards = ws.card_count  # (the cards may not be made yet: see count)
            parts = [
                today,
                f"{plural(entries, 'entry', 'entries')} · {plural(cards, 'card')} "
                f"in {plural(decks, 'deck')}",
            ]
            parts += [streak] if streak else []
            text = fmt.join_fitting(parts, self.app.size.width - 4, sep="    ")
        if ws.read_only and ws.read_only_elsewhere:
            text += "\nRead-only: another studyapp is using this progress folder."
        elif ws.read_only:
            text += f"\nRead-only: {ws.read_only_reason}."
        self.query_one("#home-summary", Static).update(literal(text))
        self._streak_text = streak

    def _show_failures(self) -> None:
        failures = self.workspace.decks.failures
        widget = self.query_one("#home-failures", Static)
        box = self.query_one("#home-failures-box", VerticalScroll)
        if not failures:
            widget.display = box.display = False
            return
        lines = [f"{len(failures)} deck file(s) could not be loaded (fix and press r):"]
        for failure in failures:
            for problem in failure.problems[:5]:
                where = problem.where
                path = f"{problem.path}: " if problem.path else ""
                lines.append(f"  {where}: {path}{problem.message}")
            if len(failure.problems) > 5:
                lines.append(f"  {failure.file}: ... and {len(failure.problems) - 5} more")
        widget.update(literal("\n".join(lines)))
        widget.display = box.display = True
        box.border_subtitle = ""
        self.call_after_refresh(self._hint_scroll)

    def _hint_scroll(self) -> None:
        """Say how to see the rest when the problems do not fit the box."""
        box = self.query_one("#home-failures-box", VerticalScroll)
        if box.display and box.max_scroll_y > 0:
            box.border_subtitle = "more below: Tab here, then ↓ PgDn End"

    @work(thread=True, exclusive=True, group="streak")
    def _load_streak(self) -> str:
        """The streak needs the whole review history: read off the UI thread, from the
        history's digest (a few hundredths of a second once it is built; building it,
        once, reads the whole history)."""
        ws = self.workspace
        streak = store_streak(
            ws.store, ws.clock(), day_starts_at=ws.config.study.queue.day_starts_at
        )
        text = f"Streak: {streak.current} day{'s' if streak.current != 1 else ''}"
        if streak.longest > streak.current:
            text += f" (best {streak.longest})"
        return text

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Show the streak, and the exams, once computed (on the UI thread; nothing if the
        app is closing)."""
        if event.worker.group == "streak" and event.state is WorkerState.SUCCESS:
            result = event.worker.result
            if isinstance(result, str):
                self._show_summary(result)
        elif event.worker.group == "exams" and event.state is WorkerState.SUCCESS:
            found = event.worker.result
            if isinstance(found, tuple):
                self._show_exams(*found)
        elif event.worker.group == "exams" and event.state is WorkerState.ERROR:
            widget = self.query_one("#home-exams", Static)
            widget.update(
                literal(f"Exams: readiness could not be worked out ({event.worker.error})")
            )
            widget.display = True

    # ------------------------------------------------------------------ exams

    def refresh_exams(self) -> None:
        """Work out readiness for the exams with a date, off the UI thread."""
        ws = self.workspace
        if not ws.decks.decks:
            return
        # The store is not thread-safe: the worker reads a copy of the states (the table's
        # copy shares its rows: cheap) and of today's answers, taken here.
        self._compute_exams(
            ws.store.states.table.copy(), ws.store.recent_reviews(), ws.clock(), ws.config
        )

    @work(thread=True, exclusive=True, group="exams", exit_on_error=False)
    def _compute_exams(
        self,
        states: Mapping[str, CardState],
        recent: tuple[ReviewRecord, ...],
        now: datetime,
        config: AppConfig,
    ) -> tuple[list[Upcoming], list[str]]:
        """Each dated exam's readiness and today's part of its plan (a few tenths of a
        second an exam at 50,000 cards): reading the exam specs, too, is done here."""
        from studyapp.core.examday.upcoming import dated_exams, upcoming

        ws = self.workspace
        study = config.study
        today = study_day(now, study.queue.day_starts_at)
        specs = ws.exams
        if not config.exams and not any(spec.date for spec in specs):
            return [], []  # (no exam has a date: no deck needs reading)
        decks = [loaded.deck for loaded in ws.decks.decks]
        if not dated_exams(specs, decks, config.exams, today):
            return [], []
        return upcoming(
            specs, decks, ws.cards, states, recent, study, config.exams, now=now, today=today
        )

    def _show_exams(self, found: list[Upcoming], problems: list[str]) -> None:
        self.upcoming, self._exam_problems = found, problems
        from studyapp.tui.screens.exam_date import exam_line

        width = self.app.size.width - 4  # the summary's padding
        lines = [exam_line(exam, width) for exam in found[:SHOWN_EXAMS]]
        if len(found) > SHOWN_EXAMS:
            lines.append(f"… and {len(found) - SHOWN_EXAMS} more (e: readiness)")
        lines += problems[:2]
        widget = self.query_one("#home-exams", Static)
        widget.update(literal("\n".join(lines)))
        widget.display = bool(lines)

    def planned_today(self) -> PlannedToday:
        """Today's planned cards of the exams ahead (for the study queue), as last worked out."""
        from studyapp.core.examday.upcoming import planned_today

        ws = self.workspace
        today = study_day(ws.clock(), ws.config.study.queue.day_starts_at)
        return planned_today(self.upcoming, today)

    def _default_exam(self, choices: Sequence[ExamChoice]) -> str:
        """The soonest exam with a date; else the first exam spec; else the highlighted deck's."""
        if self.upcoming:
            return self.upcoming[0].exam_id
        deck = self.selected_deck()
        specs = [c for c in choices if not c.exam_id.startswith("deck-")]
        if specs:
            return specs[0].exam_id
        return f"deck-{deck}" if deck and deck != ALL else (choices[0].exam_id if choices else "")

    # --------------------------------------------------------------- actions

    def selected_deck(self) -> str | None:
        option = self.query_one("#home-decks", OptionList).highlighted_option
        return option.id if option is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a deck studies it."""
        event.stop()
        self.action_study_selected()

    def _can_study(self) -> bool:
        if self.workspace.read_only:
            ws = self.workspace
            said = read_only_message(ws.read_only_reason, elsewhere=ws.read_only_elsewhere)
            self.notify(said, title="Read-only", severity="warning", markup=False)
            return False
        if not self.workspace.cards:
            self.notify("There are no decks to study.", severity="warning", markup=False)
            return False
        return True

    def action_study_selected(self) -> None:
        deck_id = self.selected_deck()
        if deck_id is None or deck_id == ALL:
            self.action_study_all()
            return
        if not self._can_study():
            return
        loaded = self.workspace.decks.find(deck_id)
        from studyapp.tui.screens.study import StudyScreen

        self.app.push_screen(
            StudyScreen(
                self.workspace,
                [deck_id],
                loaded.title if loaded else deck_id,
                rng=self.rng,
                planned=self.planned_today(),
            )
        )

    def action_study_all(self) -> None:
        if not self._can_study():
            return
        from studyapp.tui.screens.study import StudyScreen

        self.app.push_screen(
            StudyScreen(
                self.workspace, None, "All decks", rng=self.rng, planned=self.planned_today()
            )
        )

    def action_refresh(self) -> None:
        """Reload deck files from disk (after fixing one) and recount; in a read-only
        window, first try again to take the progress (the other window may be closed)."""
        if self.workspace.read_only_elsewhere:
            self._retry_claim()
        self.workspace.reload_decks()
        self.refresh_decks()
        self._show_failures()
        decks = len(self.workspace.decks.decks)
        broken = len(self.workspace.decks.failures)
        self.notify(
            f"Reloaded: {decks} deck(s)" + (f", {broken} with problems" if broken else ""),
            markup=False,
        )

    def _retry_claim(self) -> None:
        """Take the progress if the other window let it go, and say which it was. The
        streak and the exams are worked out again, on the store read afresh."""
        found = self.workspace.retry_claim()
        if found is None:
            self.notify(
                "Still read-only: another studyapp window has the progress. Close it, then "
                "press r again.",
                title="Read-only",
                severity="warning",
                markup=False,
            )
            return
        self.notify("This window has the progress now: answers are saved.", markup=False)
        for message in found:
            self.notify(message, severity="warning", timeout=12, markup=False)
        self._load_streak()
        self.refresh_exams()

    def action_quiz(self) -> None:
        if not self.workspace.decks.decks:
            self.notify("There are no decks to quiz on.", severity="warning", markup=False)
            return
        from studyapp.tui.screens.quiz import QuizSetupScreen

        self.app.push_screen(QuizSetupScreen(self.workspace, self.rng))

    def action_browse(self) -> None:
        from studyapp.tui.screens.browse import BrowseScreen

        self.app.push_screen(BrowseScreen(self.workspace))

    def action_stats(self) -> None:
        from studyapp.tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self.workspace))

    def action_settings(self) -> None:
        from studyapp.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(self.workspace))

    def action_readiness(self) -> None:
        """How ready you are for an exam: the only one, or the one picked."""
        from studyapp.tui.screens.exam_date import ExamPickDialog, exam_choices

        if not self.workspace.decks.decks:
            self.notify("There are no decks to be ready for.", severity="warning", markup=False)
            return
        choices = exam_choices(self.workspace, self.upcoming)
        dated = [c for c in choices if c.exam_id in {u.exam_id for u in self.upcoming}]
        if len(dated) == 1 and len(choices) == 1:
            self._open_readiness(dated[0].exam_id)
            return

        def picked(exam_id: str | None) -> None:
            if exam_id:
                self._open_readiness(exam_id)

        self.app.push_screen(
            ExamPickDialog("Readiness for which exam?", choices, self._default_exam(choices)),
            picked,
        )

    def _open_readiness(self, exam_id: str) -> None:
        from studyapp.tui.screens.exam_date import exam_spec
        from studyapp.tui.screens.readiness import ReadinessScreen

        spec = exam_spec(self.workspace, exam_id)
        if spec is None:
            self.notify("That exam's deck is no longer loaded.", severity="warning", markup=False)
            return
        self.app.push_screen(ReadinessScreen(self.workspace, spec, self.rng))

    def action_exam_date(self) -> None:
        """Set or change an exam's date (a small dialog; the date is checked there)."""
        from studyapp.tui.screens.exam_date import ExamDateDialog, exam_choices

        if not self.workspace.decks.decks:
            self.notify("There are no decks to set an exam for.", severity="warning", markup=False)
            return
        choices = exam_choices(self.workspace, self.upcoming)
        ws = self.workspace
        today = study_day(ws.clock(), ws.config.study.queue.day_starts_at)
        self.app.push_screen(
            ExamDateDialog(choices, today, self._default_exam(choices)), self._save_exam_date
        )

    def _save_exam_date(self, chosen: ExamSet | None) -> None:
        from studyapp.core.config import ExamPlanPrefs
        from studyapp.tui.screens.exam_date import exam_spec

        if chosen is None:
            return
        ws = self.workspace
        prefs = ws.config.exams.get(chosen.exam_id, ExamPlanPrefs())
        day = chosen.exam_date.isoformat() if chosen.exam_date else None
        try:
            ws.save_config(
                ws.config.with_exam(
                    chosen.exam_id, ExamPlanPrefs(day, prefs.minutes_per_day, prefs.target)
                )
            )
        except OSError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return
        spec = exam_spec(ws, chosen.exam_id)
        title = spec.title if spec is not None else chosen.exam_id
        if day:
            self.notify(f"{title}: exam on {day}.", title="Exam date set", markup=False)
        else:
            self.notify(f"{title}: your date is cleared.", title="Exam date", markup=False)
        self.refresh_exams()


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    """One row of the deck list: cells padded to their column (in terminal cells, so wide
    characters line up), two spaces apart."""
    return "  ".join(
        set_cell_size(text, width) for text, width in zip(cells, widths, strict=True)
    ).rstrip()


def _row_content(row: Sequence[str], widths: Sequence[int], drafts: int, *, bold: bool) -> Content:
    """A row of the deck list; a draft deck's (``drafts`` entries still to check) with
    "draft · 12 entries to check" on a line under it, where no column is in the way."""
    line = _line(row, widths)
    content = Content.styled(line, "bold") if bold else literal(line)
    if not drafts:
        return content
    marker = f"draft · {plural(drafts, 'entry', 'entries')} to check"
    return Content.assemble(content, "\n", Content.styled(marker, "italic $text-warning"))


def _clip(text: str, width: int) -> str:
    return text if cell_len(text) <= width else set_cell_size(text, width - 1) + "…"
