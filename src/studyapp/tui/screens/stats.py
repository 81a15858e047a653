"""Stats: is the learner remembering, how much work is coming, and what is weak.

The numbers come from :func:`studyapp.core.stats.report.store_stats` (what
``compute_stats`` gives over the whole review history, from the history's
digest), computed in a thread: building the digest, once, reads the whole history. Charts are text
(block heights, shade characters) with their numbers written out, so they read
the same in any theme, at 80x24 (the page scrolls) and with NO_COLOR.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from studyapp.core.base.listing import plural
from studyapp.core.decks.card import Card
from studyapp.core.examday.calibration import Calibration, calibration
from studyapp.core.stats.report import Ratio, Stats, store_stats
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState
from studyapp.core.study.queue import study_day
from studyapp.core.study.settings import StudySettings
from studyapp.core.tuning.presets import Preset
from studyapp.core.tuning.run import ForecastInputs, WorkloadForecast, forecast_inputs
from studyapp.core.tuning.source import stored_history
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.text import literal
from studyapp.tui.widgets.charts import (
    MONTHS,
    calendar_heatmap,
    chart_fit,
    clip,
    column_chart,
    hbar,
    stacked_charts,
    text_table,
)
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.page_scroll import PageScroll
from studyapp.tui.widgets.titlebar import TitleBar

CHART_DAYS = 30
CALENDAR_WEEKS = 53
HISTORY_DAYS = CALENDAR_WEEKS * 7
"""Days of per-day counts to compute: enough for the calendar's full year of weeks."""
WINDOW_NAMES = {1: "Last day", 7: "Last 7 days", 30: "Last 30 days"}


def due_heading(days: int) -> str:
    """The due forecast's heading, saying what it counts: the cards due on the schedule,
    every deck's. An exam's plan (readiness) lists the early reviews it adds for that
    exam alone, so the two lists differ, and a learner set side by side wondered why."""
    return f"Cards due on your schedule, next {days} days (exam plans add theirs)"


SECTIONS = (
    ("overview", "Overview"),
    ("retention", "True retention: review answers that were not Again"),
    ("reviews", f"Reviews per day, last {CHART_DAYS} days"),
    ("forecast", due_heading(CHART_DAYS)),
    ("calendar", "Study calendar, last 12 months"),
    ("kinds", "Accuracy by kind (all answers)"),
    ("decks", "Mastery by deck (mature: interval of 21 days or more)"),
    ("calibration", "Forecasts beside results: can the predicted scores be trusted?"),
)
WORKLOAD_DAYS = 90
RETENTION_RANGE = (0.70, 0.99)
"""The desired retentions the learner can propose (the settings' range)."""
RETENTION_STEP = 0.01
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DEFAULT_WIDTH = 76
"""Cells for the charts before the page has a size."""


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def rate_text(ratio: Ratio) -> str:
    return fmt.percent(ratio.rate)


# ------------------------------------------------------------------ sections


def overview_text(stats: Stats, day_starts_at: int = 4) -> str:
    """The streak, today's reviews and time spent. "Today" is the study day (it runs
    until the rollover hour, as in Anki), named so that reviews made after midnight
    are seen to count for it, in the text as in the charts' "today" columns."""
    streak = stats.streak
    streak_line = plural(streak.current, "day")
    if streak.longest > streak.current:
        streak_line += f" (best {streak.longest})"
    streak_line += " · studied today" if streak.studied_today else " · not studied yet today"
    today = stats.reviews_per_day[-1][1] if stats.reviews_per_day else 0
    spent = fmt.duration(stats.time_spent)
    if stats.total_reviews:
        spent += f" · {stats.time_spent.total_seconds() / stats.total_reviews:.1f}s a review"
    today_line = (
        f"{WEEKDAYS[stats.today.weekday()]} {short_date(stats.today)}"
        f" · a new day starts at {day_starts_at:02d}:00"
    )
    rows = [
        ("Today", today_line),
        ("Streak", streak_line),
        ("Reviews", f"{stats.total_reviews:,} in total · {today:,} today"),
        ("Time spent", spent),
    ]
    return "\n".join(f"{name:<11} {value}" for name, value in rows)


def retention_text(stats: Stats, desired: float) -> str:
    rows = [
        [WINDOW_NAMES.get(w, f"Last {w} days"), f"{r.hits:,} / {r.total:,}", rate_text(r)]
        for w, r in sorted(stats.retention.items())
    ]
    table = text_table(["Window", "Passed", "Retention"], rows)
    return f"{table}\n\nDesired retention (the scheduler's target): {fmt.percent(desired)}"


def reviews_text(per_day: Sequence[tuple[date, int]], width: int = DEFAULT_WIDTH) -> str:
    """The last days' reviews, ending with today's column (as many days as fit)."""
    if not per_day:
        return "No days to show."
    shown, gap = chart_fit(len(per_day), max(n for _, n in per_day), width)
    per_day = per_day[len(per_day) - shown :]
    counts = [n for _, n in per_day]
    chart = column_chart(counts, left_label=short_date(per_day[0][0]), right_label="today", gap=gap)
    total = sum(counts)
    studied = sum(1 for n in counts if n)
    parts = [f"{plural(total, 'review')} in {len(counts)} days", f"{total / len(counts):.1f} a day"]
    if total:
        busiest_day, busiest = max(per_day, key=lambda item: (item[1], item[0]))
        parts.append(f"busiest {short_date(busiest_day)} ({busiest:,})")
    line = fmt.join_fitting(parts, width) + f"\nStudied on {studied} of {len(counts)} days"
    return f"{chart}\n{line}"


def forecast_text(forecast: Sequence[tuple[date, int]], width: int = DEFAULT_WIDTH) -> str:
    """Cards due from today's column on (as many days as fit)."""
    if not forecast:
        return "No days to show."
    shown, gap = chart_fit(len(forecast), max(n for _, n in forecast), width)
    forecast = forecast[:shown]
    counts = [n for _, n in forecast]
    chart = column_chart(
        counts, left_label="today", right_label=short_date(forecast[-1][0]), gap=gap
    )
    tomorrow = counts[1] if len(counts) > 1 else 0
    parts = [
        f"Today {counts[0]:,} (overdue included)",
        f"tomorrow {tomorrow:,}",
        f"next 7 days {sum(counts[:7]):,}",
        f"next {len(counts)} days {sum(counts):,}",
    ]
    return f"{chart}\n{fmt.join_fitting(parts, width)}"


def days_shown(per_day: Sequence[tuple[date, int]], width: int) -> int:
    """How many of these days a chart shows in ``width`` cells (see chart_fit)."""
    if not per_day:
        return 0
    return chart_fit(len(per_day), max(n for _, n in per_day), width)[0]


def calendar_weeks(width: int) -> int:
    """Weeks of the calendar that fit in ``width`` cells (day names take 4)."""
    return max(min(CALENDAR_WEEKS, width - 4), 4)


def calendar_text(stats: Stats, width: int = DEFAULT_WIDTH) -> str:
    counts = dict(stats.reviews_per_day)
    year = [n for d, n in stats.reviews_per_day if (stats.today - d).days < 365]
    studied = sum(1 for n in year if n)
    heatmap = calendar_heatmap(counts, stats.today, calendar_weeks(width))
    return f"{heatmap}\nStudied on {studied} of the last 365 days."


def kinds_text(accuracy: Mapping[str, Ratio]) -> str:
    if not accuracy:
        return "No answers yet."
    rows = [
        [kind, f"{r.hits:,}", f"{r.total:,}", rate_text(r), hbar(r.rate)]
        for kind, r in accuracy.items()
    ]
    return text_table(
        ["Kind", "Correct", "Answers", "Accuracy", ""], rows, ["<", ">", ">", ">", "<"]
    )


MASTERY_COLUMNS = 56
"""Cells of the mastery table besides the deck's title (with its bar and 2-cell gaps;
44 without the bar and with 1-cell gaps)."""


def decks_text(stats: Stats, titles: Mapping[str, str], room: int = DEFAULT_WIDTH) -> str:
    """Mastery per deck in ``room`` cells: titles up to 18 wide, shorter (and the
    bar left out) on a narrow terminal, so the percentages stay on screen."""
    if not stats.mastery_by_deck:
        return "No decks."
    bar = room - MASTERY_COLUMNS >= 10
    width = min(18, max(8, room - (MASTERY_COLUMNS if bar else 44)))
    order = {deck_id: i for i, deck_id in enumerate(titles)}
    rows = []
    for deck_id, m in sorted(
        stats.mastery_by_deck.items(), key=lambda item: order.get(item[0], len(order))
    ):
        rows.append(
            [
                clip(titles.get(deck_id, deck_id), width),
                f"{m.total:,}",
                f"{m.new:,}",
                f"{m.learning:,}",
                f"{m.young:,}",
                f"{m.mature:,}",
                f"{m.suspended:,}",
                f"{fmt.percent(m.mastered):>4} {hbar(m.mastered, 8)}"
                if bar
                else fmt.percent(m.mastered),
            ]
        )
    return text_table(
        ["Deck", "Cards", "New", "Learn", "Young", "Mature", "Susp.", "Mastered"],
        rows,
        ["<", ">", ">", ">", ">", ">", ">", "<"],
        gap=2 if bar else 1,
    )


CALIBRATION_ATTEMPTS = 8
"""The latest quiz and exam attempts listed with their forecast."""


def calibration_text(found: Calibration, width: int = DEFAULT_WIDTH) -> str:
    """Each recent attempt's forecast beside its score (not those ended with questions
    unanswered: their forecast was for answering all), then every question answered in
    the app grouped by its forecast (recall, and a guess among the options): the bar is
    how many were right, the mark where the forecast said (a trustworthy forecast has
    the mark at the bar's end)."""
    if not found.attempts and not found.bins:
        return textwrap.fill(
            "No forecast yet. A quiz or exam taken here after studying keeps the forecast "
            "made as it began; it shows here beside your score.",
            width,
        )
    parts: list[str] = []
    if found.attempts:
        rows = []
        for attempt in found.attempts[-CALIBRATION_ATTEMPTS:]:
            when = short_date(attempt.taken_at.date()) if attempt.taken_at else "?"
            gap = attempt.actual - attempt.predicted
            rows.append(
                (
                    when,
                    clip(attempt.title, max(12, width - 44)),
                    f"{attempt.predicted:.0f}%",
                    f"{attempt.actual:.0f}%",
                    f"{gap:+.0f}",
                )
            )
        headers = ("Taken", "Quiz or exam", "Forecast", "Score", "Gap")
        parts.append(text_table(headers, rows, ["<", "<", ">", ">", ">"]))
    if found.left_out:
        parts.append(
            textwrap.fill(
                f"{plural(found.left_out, 'sitting')} ended with questions unanswered "
                f"{'is' if found.left_out == 1 else 'are'} not listed: the forecast was for "
                "answering them all (the answers given count below).",
                width,
            )
        )
    if found.bins:
        counted = max(len(f"{b.questions:,}") for b in found.bins)
        bar_width = max(8, min(40, width - 28 - counted))  # the rest of a row: 28 + count
        lines = [
            textwrap.fill(
                f"By forecast ({plural(found.questions, 'question')} answered; recall, and "
                "a guess among the options; █ right, ┃ forecast):",
                width,
            )
        ]
        for b in found.bins:
            bar = list(hbar(b.actual, bar_width))
            mark = min(round(b.predicted * bar_width), bar_width - 1)
            bar[mark] = "┃"
            lines.append(
                f"  {100 * b.low:3.0f}-{100 * b.high:3.0f}%  {''.join(bar)}  right "
                f"{100 * b.actual:3.0f}% of {b.questions:,}"
            )
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def proposed_start(current: float) -> float:
    """The first retention proposed beside the current one: 0.05 lower (fewer reviews),
    or higher when that would leave the range."""
    low, high = RETENTION_RANGE
    lower = round(current - 0.05, 2)
    return lower if lower >= low else round(min(current + 0.05, high), 2)


def workload_text(
    current: tuple[float, Sequence[int]],
    proposed: tuple[float, Sequence[int]],
    today: date,
    width: int = DEFAULT_WIDTH,
) -> str:
    """Two charts on one scale, answers a day at the current and the proposed retention,
    with their totals in words (as many days as fit in ``width``)."""
    (now_r, now_s), (new_r, new_s) = current, proposed
    top = max(max(now_s, default=0), max(new_s, default=0))
    shown, gap = chart_fit(len(now_s), top, width)
    last = short_date(today + timedelta(days=shown - 1))
    chart = stacked_charts(
        [
            (f"At {now_r:.2f} (your desired retention now)", now_s[:shown]),
            (f"At {new_r:.2f} (proposed: + and - change it)", new_s[:shown]),
        ],
        left_label="today",
        right_label=last,
        gap=gap,
    )
    total_now, total_new = sum(now_s[:shown]), sum(new_s[:shown])
    change = f"{(total_new - total_now) / total_now:+.0%}" if total_now else "-"
    days = max(shown, 1)
    lines = [
        fmt.join_fitting(
            [
                f"At {now_r:.2f}: {total_now:,} answers in {shown} days",
                f"{total_now / days:.1f} a day",
                f"busiest day {max(now_s[:shown], default=0):,}",
            ],
            width,
        ),
        fmt.join_fitting(
            [
                f"At {new_r:.2f}: {total_new:,} ({change})",
                f"{total_new / days:.1f} a day",
                f"busiest day {max(new_s[:shown], default=0):,}",
            ],
            width,
        ),
    ]
    return "\n".join([chart, *lines])


# ------------------------------------------------------------------- screen


class StatsScreen(Screen[None]):
    """Statistics over all decks, from the full review history."""

    DEFAULT_CSS = """
    StatsScreen #stats-body {
        padding: 0 2;
        overflow-x: auto;
    }
    StatsScreen .stats-heading {
        text-style: bold underline;
        margin-top: 1;
        width: auto;
        max-width: 100%;
    }
    StatsScreen .stats-section {
        width: auto;
        text-wrap: nowrap;
        padding-left: 1;
    }
    StatsScreen .stats-section.-prose {
        width: 100%;
        text-wrap: wrap;
    }
    StatsScreen #stats-status {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS = [
        Binding("escape", "leave", "Back", id="stats.leave"),
        Binding("r", "refresh_stats", "Refresh", id="stats.refresh"),
        Binding(
            "plus,equals_sign",
            "propose(1)",
            "Retention up",
            key_display="+",
            id="stats.retention_up",
            tooltip="Propose a higher desired retention for the workload chart",
        ),
        Binding(
            "minus",
            "propose(-1)",
            "Retention down",
            key_display="-",
            id="stats.retention_down",
            tooltip="Propose a lower desired retention for the workload chart",
        ),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.stats: Stats | None = None
        """The last statistics shown (None until the first computation ends)."""
        self._width = 0
        """The width the charts were drawn for (they are drawn again on a resize)."""
        current = workspace.config.study.scheduler.desired_retention
        self.proposed = proposed_start(current)
        """The retention the workload chart compares with the current one."""
        self.forecast_inputs: ForecastInputs | None = None
        """What the workload forecast starts from (read once, in the worker)."""
        self.workload: dict[float, list[int]] = {}
        """Answers a day by retention, for each retention forecast so far."""
        self.workload_reason: str | None = None
        """Why there is no workload chart (too little history), once known."""
        self.calibrated: Calibration | None = None
        """Past forecasts beside results, once read (a worker reads the attempts)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with PageScroll(id="stats-body"):
            yield Static("Reading the review history…", id="stats-status", markup=False)
            for key, title in SECTIONS:
                yield Static(title, classes="stats-heading", id=f"stats-h-{key}", markup=False)
                yield Static(classes="stats-section", id=f"stats-{key}", markup=False)
                if key == "forecast":
                    yield Static(
                        f"Workload: answers a day, next {WORKLOAD_DAYS} days",
                        classes="stats-heading",
                        id="stats-h-workload",
                        markup=False,
                    )
                    yield Static(
                        "Forecasting the workload…",
                        classes="stats-section",
                        id="stats-workload",
                        markup=False,
                    )
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Stats"
        self._show_sections(False)
        self.query_one("#stats-body", VerticalScroll).focus()
        self.action_refresh_stats()

    def on_resize(self) -> None:
        if self.stats is not None and self._chart_width() != self._width:
            self.show(self.stats)
        self.show_workload()

    def _chart_width(self) -> int:
        """Cells a section has for its chart: the page's width inside its padding and
        its scroll bar (counted even before the page is long enough to have one), less
        the section's indent."""
        body = self.query_one("#stats-body", VerticalScroll)
        if not body.size.width:
            return DEFAULT_WIDTH
        return body.size.width - body.styles.scrollbar_size_vertical - 1

    def _show_sections(self, visible: bool) -> None:
        for key, _ in SECTIONS:
            self.query_one(f"#stats-h-{key}", Static).display = visible
            self.query_one(f"#stats-{key}", Static).display = visible

    def action_refresh_stats(self) -> None:
        ws = self.workspace
        # A copy for the worker: the store is not thread-safe and the UI may change it.
        # The table's copy shares its rows (cheap) and keeps the column fast paths.
        self.compute(ws.store.states.table.copy(), ws.clock())
        self.calibrate()
        self.forecast_inputs, self.workload, self.workload_reason = None, {}, None
        self.start_forecast()

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def compute(self, states: Mapping[str, CardState], now: datetime) -> Stats:
        """Statistics over the full history, off the UI thread."""
        ws = self.workspace
        return store_stats(
            ws.store,
            states,
            ws.cards,
            now,
            day_starts_at=ws.config.study.queue.day_starts_at,
            days=HISTORY_DAYS,
        )

    @work(thread=True, exclusive=True, group="calibration", exit_on_error=False)
    def calibrate(self) -> Calibration:
        """Past forecasts beside results: the attempts' files are read off the UI thread
        (an unreadable one is left out, as `studyapp plan` leaves it)."""
        from studyapp.core.quiz.results import list_results

        stored, _problems = list_results(self.workspace.store.folder)
        return calibration(s.result for s in stored)

    # ---------------------------------------------------------------- workload

    @property
    def current_retention(self) -> float:
        return self.workspace.config.study.scheduler.desired_retention

    def start_forecast(self) -> None:
        """Forecast the retentions not forecast yet, in a worker (the first time, it
        reads the history: the store's part is taken here, on the UI thread)."""
        wanted = [r for r in (self.current_retention, self.proposed) if r not in self.workload]
        if not wanted and self.forecast_inputs is not None:
            self.show_workload()
            return
        ws = self.workspace
        inputs = self.forecast_inputs
        history = None if inputs is not None else stored_history(ws.store).reviews
        states = None if inputs is not None else ws.store.states.table.copy()
        self.query_one("#stats-h-workload", Static).update(
            literal(f"Workload: answers a day, next {WORKLOAD_DAYS} days (forecasting…)")
        )
        self.forecast(inputs, history, states, list(ws.cards), ws.config.study, ws.clock(), wanted)

    @work(thread=True, exclusive=True, group="workload", exit_on_error=False)
    def forecast(
        self,
        inputs: ForecastInputs | None,
        history: Iterable[ReviewRecord] | None,
        states: Mapping[str, CardState] | None,
        cards: Sequence[Card],
        study: StudySettings,
        now: datetime,
        retentions: Sequence[float],
    ) -> tuple[ForecastInputs, WorkloadForecast]:
        """The workload at ``retentions``, off the UI thread."""
        if inputs is None:
            assert history is not None and states is not None
            inputs = forecast_inputs(
                history, states=states, cards=cards, study=study, preset=Preset(), now=now
            )
        return inputs, inputs.run(retentions, WORKLOAD_DAYS)

    def _forecast_done(self, result: tuple[ForecastInputs, WorkloadForecast]) -> None:
        inputs, forecast = result
        self.forecast_inputs = inputs
        self.workload_reason = forecast.reason
        self.workload.update(forecast.series)
        self.show_workload()
        if forecast.reason is None and self.proposed not in self.workload:
            self.start_forecast()  # the learner pressed + or - meanwhile

    def show_workload(self) -> None:
        """The workload chart, or why there is none (nothing until the first forecast)."""
        text = self.query_one("#stats-workload", Static)
        heading = self.query_one("#stats-h-workload", Static)
        if self.workload_reason is not None:
            heading.update(literal(f"Workload: answers a day, next {WORKLOAD_DAYS} days"))
            reason = self.workload_reason
            text.set_class(True, "-prose")  # a sentence, not a chart: it wraps
            text.update(literal(reason[0].upper() + reason[1:] + "."))
            return
        text.set_class(False, "-prose")
        current, proposed = self.current_retention, self.proposed
        if current not in self.workload or proposed not in self.workload:
            return
        ws = self.workspace
        today = study_day(ws.clock(), ws.config.study.queue.day_starts_at)
        width = self._chart_width()
        series = (current, self.workload[current]), (proposed, self.workload[proposed])
        shown = chart_fit(WORKLOAD_DAYS, max(max(s) for _, s in series), width)[0]
        heading.update(literal(f"Workload: answers a day, next {shown} days, global preset"))
        text.update(literal(workload_text(*series, today, width)))

    def action_propose(self, step: int) -> None:
        """Propose a retention one step higher (1) or lower (-1), within the range."""
        if self.workload_reason is not None:  # no chart to compare on: say why, not nothing
            reason = self.workload_reason
            self.notify(f"No workload to compare: {reason}.", title="Retention", markup=False)
            return
        low, high = RETENTION_RANGE
        proposed = round(min(max(self.proposed + step * RETENTION_STEP, low), high), 2)
        if proposed == self.proposed:
            self.notify(
                f"{proposed:.0%} is the {'highest' if step > 0 else 'lowest'} retention proposed.",
                title="Retention",
                markup=False,
            )
            return
        self.proposed = proposed
        if self.forecast_inputs is None and self.workload_reason is None:
            return  # the first forecast is under way; it forecasts this one next
        if self.workload_reason is None:
            self.start_forecast()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "workload":
            if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, tuple):
                self._forecast_done(event.worker.result)
            elif event.state is WorkerState.ERROR:
                self.query_one("#stats-workload", Static).update(
                    literal(f"The workload could not be forecast: {event.worker.error}")
                )
            return
        if event.worker.group == "calibration":
            if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, Calibration):
                self.calibrated = event.worker.result
                self._show_calibration()
            elif event.state is WorkerState.ERROR:
                self.query_one("#stats-calibration", Static).update(
                    literal(f"Past forecasts could not be read: {event.worker.error}")
                )
            return
        if event.worker.group != "stats":
            return
        status = self.query_one("#stats-status", Static)
        if event.state is WorkerState.ERROR:
            status.update(literal(f"Statistics could not be computed: {event.worker.error}"))
            status.display = True
        elif event.state is WorkerState.SUCCESS and isinstance(event.worker.result, Stats):
            self.show(event.worker.result)

    def show(self, stats: Stats) -> None:
        """Fill every section from ``stats``."""
        self.stats = stats
        ws = self.workspace
        titles = {d.deck_id: d.title for d in ws.decks.decks}
        desired = ws.config.study.scheduler.desired_retention
        width = self._width = self._chart_width()
        reviews, forecast = stats.reviews_per_day[-CHART_DAYS:], stats.forecast[:CHART_DAYS]
        texts = {
            "overview": overview_text(stats, ws.config.study.queue.day_starts_at),
            "retention": retention_text(stats, desired),
            "reviews": reviews_text(reviews, width),
            "forecast": forecast_text(forecast, width),
            "calendar": calendar_text(stats, width),
            "kinds": kinds_text(stats.accuracy_by_kind),
            "decks": decks_text(stats, titles, width),
        }
        for key, text in texts.items():
            self.query_one(f"#stats-{key}", Static).update(literal(text))
        weeks = calendar_weeks(width)
        headings = {
            "reviews": f"Reviews per day, last {days_shown(reviews, width)} days",
            "forecast": due_heading(days_shown(forecast, width)),
            "calendar": "Study calendar, last 12 months"
            if weeks == CALENDAR_WEEKS
            else f"Study calendar, last {weeks} weeks",
        }
        for key, heading in headings.items():
            self.query_one(f"#stats-h-{key}", Static).update(literal(heading))
        self.query_one("#stats-status", Static).display = False
        self._show_sections(True)
        self._show_calibration()

    def _show_calibration(self) -> None:
        """The forecasts section, once both the attempts are read and the page is drawn
        (its width is the page's)."""
        if self.calibrated is None:
            text = "Reading past quizzes and exams…"
        else:
            text = calibration_text(self.calibrated, self._chart_width())
        self.query_one("#stats-calibration", Static).update(literal(text))

    def action_leave(self) -> None:
        self.dismiss(None)
