"""Readiness for one exam: the predicted score today and on the day, a plan, the weakest cards.

Everything is computed off the UI thread (a worker), from a copy of the card
states: at 50,000 cards readiness and the plan take a few tenths of a second (and,
when the plan falls short, the minutes a day it would take a second or two more).
The exam's date, and the minutes a day the learner has, are set here (``d``,
``m``) and remembered in the settings file, as ``studyapp plan`` remembers them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import date, datetime

from msgspec import Struct
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from studyapp.core.config import ExamPlanPrefs
from studyapp.core.examday import DEFAULT_MINUTES, DEFAULT_TARGET
from studyapp.core.examday.readiness import CardForecast, Readiness
from studyapp.core.examday.report import (
    ExamDayReport,
    PlanError,
    readiness_for_exam,
    report_for_exam,
)
from studyapp.core.examday.upcoming import PlannedToday, parse_exam_date
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState
from studyapp.core.study.queue import study_day
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.text import literal
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

__all__ = ["AskDialog", "ReadinessScreen", "readiness_text"]

WEAKEST = 8


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def readiness_text(ready: Readiness, report: ExamDayReport | None, title: str) -> str:
    """The screen's summary: today, the day, with the plan, and what was never studied."""
    lines = []
    days = (ready.exam_date - ready.today).days
    if days > 0:
        lines.append(
            f"{title}: exam on {ready.exam_date.isoformat()} "
            f"({days} day{'s' if days != 1 else ''} from today)"
        )
    else:
        lines.append(f"{title}: no exam date yet (d: set it)")
    lines.append(f"If the exam were today:           {_pct(ready.predicted_score_today)}")
    if days > 0:
        lines.append(f"On exam day, studying no more:    {_pct(ready.predicted_score)}")
    if report is not None:
        plan = report.plan
        lines.append(
            f"On exam day, following the plan:  {_pct(plan.predicted_score_with_plan)}  "
            f"({plan.cards_at_target} of {plan.cards} cards at the exam-day target)"
        )
        lines.append(target_line(plan.target))
        needed = report.minutes_per_day_needed
        if not plan.reaches_target and needed is not None and needed > report.minutes_per_day:
            lines.append(
                f"The exam-day target needs about {needed:g} minutes a day "
                f"(m: change your {report.minutes_per_day})."
            )
        if plan.held_back:
            lines.append(held_back_line(plan.held_back))
    if ready.unstudied_entries:
        lines.append(
            f"{ready.unstudied_entries} of {ready.entries} entries were never studied: "
            "they count as not known (a guess among the options may still score)."
        )
    return "\n".join(lines)


def held_back_line(held: int) -> str:
    """The plan keeps to the daily new-card limit (the study queue does): say what it
    leaves out, and where to change it."""
    return (
        f"The daily limit of new cards leaves {held} new card{'s' if held != 1 else ''} "
        "unlearned by the exam (Settings: New cards a day)."
    )


def target_line(target: float) -> str:
    """The exam-day target said as what it is: a learner read "cards at 90%" as their
    desired retention (Settings, 85%), a different number for everyday reviews."""
    return (
        f"Exam-day target: {_pct(target)} recall on each card on the day (t: change it; "
        "not the desired retention in Settings)"
    )


def parse_target(text: str) -> float | None:
    """An exam-day target typed as ``85``, ``85%`` or ``0.85``; None when it is not one
    (1% to 99%)."""
    try:
        value = float(text.strip().removesuffix("%").strip())
    except ValueError:
        return None
    if value >= 1:
        value /= 100
    return value if 0.01 <= value <= 0.99 else None


def plan_text(report: ExamDayReport) -> str:
    """Today's part of the plan (what is left of it: it shrinks as its cards are
    answered), then the days with work in them.

    The plan's reviews are early reviews of the exam's cards, chosen for exam day; Stats
    counts the cards due on the schedule, every deck's. Both come to the study queue, so
    the header says which this is: a learner set the two lists side by side and found
    that they disagree."""
    out = [
        f"Plan: {report.minutes_per_day} min a day (~{report.seconds_per_answer:g} s an answer)",
        "Picked for the exam, besides the cards due on your schedule (Stats):",
    ]
    today = report.readiness.today
    busy = [d for d in report.plan.days if d.reviews or d.new or d.day == today]
    for day in busy[:10]:
        out.append(
            f"  {day.day.isoformat()}  {day.reviews:4d} reviews  {day.new:4d} new  "
            f"{day.minutes:5.1f} min" + ("  (left today)" if day.day == today else "")
        )
    if len(busy) > 10:
        out.append(f"  … {len(busy) - 10} more days")
    if not any(d.reviews or d.new for d in busy):
        out.append("  nothing to do: every card is ready for the day")
    return "\n".join(out)


def groups_text(ready: Readiness) -> str:
    """Exam-day readiness by deck, tag and kind, weakest first."""
    out = []
    for what in ("deck", "tag", "kind"):
        groups = ready.by(what)[:6]
        if groups:
            cells = " · ".join(f"{g.name} {_pct(g.score)}" for g in groups)
            out.append(f"By {what}: {cells}")
    return "\n".join(out)


def weakest_text(ready: Readiness) -> str:
    lines = ["Weakest on the day (s: study them now):"]
    for forecast in ready.weakest(WEAKEST):
        mark = "" if forecast.studied else " (never studied)"
        prompt = fmt.shorten(forecast.card.prompt, 70)  # between words, "…" when cut
        lines.append(f"  {_pct(forecast.exam_day):>4}  {prompt}{mark}")
    return "\n".join(lines)


STUDY_WEAKEST = 20
"""How many of the weakest cards ``s`` brings to study."""


class Shown(Struct, frozen=True):
    """What the worker worked out, ready to show: readiness, and its texts."""

    ready: Readiness
    ask_needed: bool
    """The plan falls short and the time it would take is still to be worked out."""
    summary: str
    plan: str | None
    groups: str
    weakest_text: str
    weakest: tuple[CardForecast, ...]


class AskDialog(ModalScreen[str | None]):
    """One line of input: Enter gives it back, Escape gives None.

    With ``check``, a value it finds wrong is not given back: the reason shows under
    the field and the text stays, to be corrected (a date typed as 2026-02-30 closed
    the dialog with only a toast, and had to be typed again)."""

    DEFAULT_CSS = """
    AskDialog { align: center middle; }
    AskDialog > Vertical {
        width: 60; height: auto; padding: 1 2; border: round $accent; background: $panel;
    }
    AskDialog Input { margin-top: 1; }
    AskDialog #ask-error { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask.cancel")]

    def __init__(
        self, question: str, value: str = "", check: Callable[[str], str | None] | None = None
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.check = check
        """What is wrong with a value (None: nothing), asked before it is given back."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            yield Input(self.value, id="ask-input")
            error = Static("", id="ask-error", markup=False)
            error.display = False
            yield error

    def on_mount(self) -> None:
        self.query_one("#ask-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        problem = self.check(text) if self.check is not None else None
        if problem:
            error = self.query_one("#ask-error", Static)
            error.update(literal(problem))
            error.display = True
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReadinessScreen(Screen[None]):
    """How ready the learner is for one exam, and what to study until then."""

    BINDINGS = [
        Binding("escape", "leave", "Back", id="readiness.leave"),
        Binding("d", "set_date", "Exam date", id="readiness.date"),
        Binding("m", "set_minutes", "Minutes a day", id="readiness.minutes"),
        Binding("s", "study_weakest", "Study the weakest", id="readiness.study"),
        Binding(  # after s: left out of a narrow key bar first (the summary says t)
            "t",
            "set_target",
            "Target",
            id="readiness.target",
            tooltip="The exam-day target: the recall each card should reach on the day",
        ),
    ]
    DEFAULT_CSS = """
    ReadinessScreen #readiness-body { padding: 1 2; }
    ReadinessScreen .readiness-part { margin-bottom: 1; }
    """

    def __init__(self, workspace: Workspace, spec: ExamSpec, rng: random.Random) -> None:
        super().__init__()
        self.workspace = workspace
        self.spec = spec
        self.rng = rng
        self.ready: Readiness | None = None
        self.weakest: tuple[CardForecast, ...] = ()
        """The cards least likely to be recalled on the day (worked out with readiness)."""

    # ------------------------------------------------------------------ settings

    @property
    def prefs(self) -> ExamPlanPrefs:
        return self.workspace.config.exams.get(self.spec.id, ExamPlanPrefs())

    @property
    def exam_date(self) -> date | None:
        saved = self.prefs.date
        return date.fromisoformat(saved) if saved else self.spec.date

    def _today(self) -> date:
        rollover = self.workspace.config.study.queue.day_starts_at
        return study_day(self.workspace.clock(), rollover)

    def _save(self, prefs: ExamPlanPrefs) -> None:
        workspace = self.workspace
        try:
            workspace.save_config(workspace.config.with_exam(self.spec.id, prefs))
        except OSError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)

    # ------------------------------------------------------------------ showing

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="readiness-body"):
            yield Static(
                "Working out your readiness…",
                id="readiness-summary",
                classes="readiness-part",
                markup=False,
            )
            yield Static(id="readiness-plan", classes="readiness-part", markup=False)
            yield Static(id="readiness-groups", classes="readiness-part", markup=False)
            yield Static(id="readiness-weakest", classes="readiness-part", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"Readiness · {self.spec.title}"
        self.refresh_readiness()

    def refresh_readiness(self, *, needed: bool = False) -> None:
        """Work readiness and the plan out again; ``needed``: the minutes a day the target
        would take, too (a second or two at 50,000 cards: asked for once the rest is shown,
        and only when the plan falls short)."""
        ws = self.workspace
        # The store is not thread-safe: the worker reads a copy of the states (the table's
        # copy shares its rows: a dict of every state would build 50,000 states here).
        self.compute(
            ws.store.states.table.copy(),
            ws.store.recent_reviews(),
            ws.clock(),
            self.exam_date,
            self.prefs,
            needed,
        )

    @work(thread=True, exclusive=True, group="readiness", exit_on_error=False)
    def compute(
        self,
        states: Mapping[str, CardState],
        recent: tuple[ReviewRecord, ...],
        now: datetime,
        exam_date: date | None,
        prefs: ExamPlanPrefs,
        needed: bool = False,
    ) -> Shown:
        """Readiness (and the plan, when the exam has a date after today), and the texts that
        show them, off the UI thread (at 50,000 cards grouping and ranking them takes time)."""
        ws = self.workspace
        decks = [d.deck for d in ws.decks.decks]
        study = ws.config.study
        today = study_day(now, study.queue.day_starts_at)
        if exam_date is not None and exam_date > today:
            report = report_for_exam(
                self.spec,
                decks,
                ws.cards,
                states,
                recent,
                study,
                now=now,
                exam_date=exam_date,
                minutes_per_day=prefs.minutes_per_day or DEFAULT_MINUTES,
                target=prefs.target or DEFAULT_TARGET,
                needed=needed,
            )
            return self._shown(report.readiness, report, needed)
        ready = readiness_for_exam(
            self.spec, decks, ws.cards, states, study, now=now, exam_date=None
        )
        return self._shown(ready, None, needed)

    def _shown(self, ready: Readiness, report: ExamDayReport | None, needed: bool) -> Shown:
        ask = report is not None and not report.plan.reaches_target and not needed
        summary = readiness_text(ready, report, self.spec.title)
        if ask:
            summary += "\nWorking out the minutes a day the target would take…"
        return Shown(
            ready,
            ask,
            summary,
            plan_text(report) if report is not None else None,
            groups_text(ready),
            weakest_text(ready),
            tuple(ready.weakest(STUDY_WEAKEST)),
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "readiness":
            return
        summary = self.query_one("#readiness-summary", Static)
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            reason = str(error) if isinstance(error, PlanError) else repr(error)
            summary.update(literal(f"Readiness could not be worked out: {reason}"))
        elif event.state is WorkerState.SUCCESS:
            result = event.worker.result
            if isinstance(result, Shown):
                self.show(result)
                if result.ask_needed:
                    self.refresh_readiness(needed=True)

    def show(self, shown: Shown) -> None:
        self.ready = shown.ready
        self.weakest = shown.weakest
        self.query_one("#readiness-summary", Static).update(literal(shown.summary))
        plan = self.query_one("#readiness-plan", Static)
        plan.display = shown.plan is not None
        if shown.plan is not None:
            plan.update(literal(shown.plan))
        self.query_one("#readiness-groups", Static).update(literal(shown.groups))
        self.query_one("#readiness-weakest", Static).update(literal(shown.weakest_text))

    # ------------------------------------------------------------------ actions

    def action_set_date(self) -> None:
        current = self.exam_date.isoformat() if self.exam_date else ""

        def problem(text: str) -> str | None:
            try:  # the same reasons as home's date dialog gives
                parse_exam_date(text, self._today())
            except ValueError as error:
                return str(error)
            return None

        def answered(text: str | None) -> None:
            if text is None:
                return
            try:  # checked by the dialog, but the day may have turned since
                day = parse_exam_date(text, self._today())
            except ValueError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            prefs = self.prefs
            self._save(ExamPlanPrefs(day.isoformat(), prefs.minutes_per_day, prefs.target))
            self.refresh_readiness()

        self.app.push_screen(
            AskDialog("Exam date (e.g. 2027-01-15 or 15 January 2027):", current, problem),
            answered,
        )

    def action_set_minutes(self) -> None:
        current = str(self.prefs.minutes_per_day or DEFAULT_MINUTES)

        def answered(text: str | None) -> None:
            if text is None:
                return
            if not text.isdigit() or not 1 <= int(text) <= 24 * 60:
                self.notify(
                    "Minutes a day: a whole number from 1 to 1440.",
                    severity="warning",
                    markup=False,
                )
                return
            prefs = self.prefs
            self._save(ExamPlanPrefs(prefs.date, int(text), prefs.target))
            self.refresh_readiness()

        self.app.push_screen(AskDialog("Minutes a day you have for this exam:", current), answered)

    def action_set_target(self) -> None:
        current = _pct(self.prefs.target or DEFAULT_TARGET)

        def answered(text: str | None) -> None:
            if text is None:
                return
            target = parse_target(text)
            if target is None:
                self.notify(
                    "Exam-day target: a percentage from 1 to 99 (e.g. 90).",
                    severity="warning",
                    markup=False,
                )
                return
            prefs = self.prefs
            self._save(ExamPlanPrefs(prefs.date, prefs.minutes_per_day, target))
            self.refresh_readiness()

        self.app.push_screen(
            AskDialog(
                "Exam-day target: the recall each card should reach on the day, in % "
                "(your desired retention in Settings is for everyday reviews):",
                current,
            ),
            answered,
        )

    def action_study_weakest(self) -> None:
        """Bring the weakest studied cards due now and open study on the exam's decks."""
        from studyapp.core.quiz.results import push_missed_to_study
        from studyapp.tui.screens.study import StudyScreen

        ready = self.ready
        ws = self.workspace
        if ready is None:
            return
        if ws.read_only:
            self.notify("Progress is read-only in this window.", severity="warning", markup=False)
            return
        weakest = self.weakest
        entries = [(f.card.deck_id, f.card.entry_id) for f in weakest if f.studied]
        report = push_missed_to_study(ws.store, ws.cards, entries, ws.clock())
        new = sum(not f.studied for f in weakest)
        deck_ids = list(self.spec.decks) or None
        # The weakest come first (as an exam plan's cards do), not after whatever else
        # was due: a walk-through's first card was one the list had not shown.
        ids = frozenset(f.card.card_id for f in weakest)
        planned = PlannedToday(ids, ((self.spec.title, ready.exam_date, ids),))
        self.app.push_screen(
            StudyScreen(ws, deck_ids, self.spec.title, rng=self.rng, extra_new=new, planned=planned)
        )
        if report.moved:
            self.notify(f"{report.moved} weak cards are due now.", markup=False)

    def action_leave(self) -> None:
        self.app.pop_screen()
