"""Results of a quiz or exam: score, pass/fail, breakdowns, every missed question.

From here the learner can re-drill the missed questions (a practice run that
is not saved as an attempt) or push the missed items into the next study
session (the only way exam practice touches the schedule). The quiz screen
opens this one and hands it a :data:`Redrill` that makes the practice run, so
this module does not import the quiz screen.
"""

from __future__ import annotations

import os
import random
import shlex
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from studyapp.core.base.listing import plural
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.quiz.questions import Question
from studyapp.core.quiz.results import PushReport, has_pass_mark, push_missed_to_study
from studyapp.core.quiz.scoring import QuizResult, Tally
from studyapp.core.quiz.sitting import Ending
from studyapp.core.study.queue import counts_today, held_back
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.screens.study_verdict import HangingList
from studyapp.tui.text import cell, literal
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

OUTCOME_WORD = {Outcome.CORRECT: "right", Outcome.CLOSE: "close", Outcome.WRONG: "wrong"}

Redrill = Callable[[ExamSpec, list[Question]], Screen[None]]
"""Makes the screen of a re-drill (a practice run, not saved) from its spec and questions."""


class ResultsScreen(Screen[None]):
    """What an attempt scored and what was missed."""

    CSS_PATH = "results.tcss"
    """Read when first shown (see app.tcss)."""

    BINDINGS = [
        Binding(
            "r",
            "redrill",
            "Re-drill",
            id="results.redrill",
            tooltip="Practise the missed questions again (not saved as an attempt)",
        ),
        Binding(
            "p",
            "push",
            "Push to study",
            id="results.push",
            tooltip="Bring the missed cards into your next study session",
        ),
        Binding("escape", "leave", "Home", id="results.leave"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        result: QuizResult,
        questions: list[Question],
        rng: random.Random,
        *,
        redrill: Redrill,
        saved_to: Path | None = None,
        not_saved: str | None = None,
        ending: Ending = Ending.SUBMITTED,
        time_limit_seconds: int | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.result = result
        self.questions = questions
        self.rng = rng
        self.redrill = redrill
        self.saved_to = saved_to
        self.not_saved = not_saved
        """Why an attempt meant to be saved was not (a read-only window, a full disk): said
        where "Saved with your progress" would be, not left out in silence."""
        self.ending = ending
        self.time_limit_seconds = time_limit_seconds
        self.pushed = False
        self._layout: tuple[tuple[str, ...], int] = ((), 0)
        """The breakdown's titles and label cells as filled (filled again on a change)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="results-body"):
            yield Static(id="results-score", markup=False)
            yield Static(id="results-pushed", markup=False)
            yield DataTable(id="results-breakdown", cursor_type="none", zebra_stripes=True)
            yield Static(id="results-missed-title", markup=False)
            yield Static(id="results-missed", markup=False)
        yield KeyBar(keep=("results.redrill", "results.push"))  # the two things to do next

    def on_mount(self) -> None:
        result = self.result
        self.sub_title = result.title
        lines = score_lines(
            result, self.ending, self.time_limit_seconds, forecast_hint(self.workspace, result)
        )
        if self.saved_to is not None:
            lines.append(f"Saved with your progress: {self.saved_to.name}")
        elif self.not_saved is not None:
            lines.append(f"Not saved: {self.not_saved}")
        score = self.query_one("#results-score", Static)
        score.update(literal("\n".join(lines)))
        graded = has_pass_mark(result)
        score.set_class(graded and result.passed, "-passed")
        score.set_class(graded and not result.passed, "-failed")
        self.query_one("#results-pushed", Static).display = False

        self._fill_breakdown()

        missed = result.missed
        self.query_one("#results-missed-title", Static).update(
            literal(f"Missed ({len(missed)})" if missed else "Nothing missed.")
        )
        self.query_one("#results-missed", Static).update(missed_list(result))
        self.query_one("#results-body").focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill_breakdown)

    def _fill_breakdown(self) -> None:
        """The table by kind, format and top tags, made to fit the body's width (known
        after the first layout; until then, the terminal's less the body's frame)."""
        result = self.result
        rows = [
            (f"{group}: {name}", tally)
            for group, tallies in (("kind", result.by_kind), ("format", result.by_format))
            for name, tally in sorted(tallies.items())
        ]
        top_tags = sorted(result.by_tag.items(), key=lambda item: -item[1].questions)[:8]
        rows += [(f"tag: {name}", tally) for name, tally in top_tags]
        body = self.query_one("#results-body", VerticalScroll)
        width = body.scrollable_content_region.width or self.app.size.width - BODY_FRAME
        values = [[str(v) for v in _values(tally)] for _, tally in rows]
        titles, label_cells = breakdown_layout(width, [label for label, _ in rows], values)
        if (titles, label_cells) == self._layout:
            return
        self._layout = (titles, label_cells)
        table = self.query_one("#results-breakdown", DataTable)
        table.clear(columns=True)
        table.add_columns(*titles)
        for (label, _), cells in zip(rows, values, strict=True):
            table.add_row(clipped(label, label_cells), *(cell(c) for c in cells))

    def action_redrill(self) -> None:
        missed_ids = {r.question_id for r in self.result.missed}
        again = [q for q in self.questions if q.id in missed_ids]
        if not again:
            self.notify("Nothing to re-drill: everything was right.", markup=False)
            return
        spec = ExamSpec(
            id="redrill",
            title=f"Re-drill: {self.result.title}"[:120],
            questions=len(again),
            feedback="immediate",
            pass_mark=0,  # practice: the score only
        )
        shuffled = list(again)
        self.rng.shuffle(shuffled)
        self.app.switch_screen(self.redrill(spec, shuffled))

    def action_push(self) -> None:
        if self.pushed:
            self.notify("Already pushed.", markup=False)
            return
        if self.workspace.read_only:
            self.notify("Progress is read-only in this window.", severity="warning", markup=False)
            return
        entries = self.result.missed_entries()
        if not entries:
            self.notify("Nothing to push: nothing was missed.", markup=False)
            return
        workspace = self.workspace
        now, study = workspace.clock(), workspace.config.study
        report = push_missed_to_study(
            workspace.store,
            workspace.cards,
            entries,
            now,
            held_back(counts_today(workspace.store.recent_reviews(), study, now), study),
        )
        self.pushed = True
        message = push_message(report)
        pushed = self.query_one("#results-pushed", Static)
        pushed.update(literal(message))
        pushed.display = True  # kept on screen under the score, not a toast that fades
        pushed.scroll_visible(animate=False)

    def action_leave(self) -> None:
        self.app.pop_screen()


BODY_FRAME = 6
"""Cells of the terminal's width the results body takes for padding and scrollbar."""

TITLES = ("By", "Questions", "Right", "Close", "Wrong", "Score")
NARROW_QUESTIONS = "Qs"
"""The questions column's title when "Questions" would leave the labels too little."""
CELL_PADDING = 2
"""A DataTable column's padding: one cell each side."""
MIN_LABEL = 8


def missed_list(result: QuizResult) -> HangingList:
    """Every question not right: the prompt, the answer given and the right one, the time
    and the source, each a line that goes on under its own text when it wraps (a long
    source went on at the left edge, under the question's number)."""
    rows: list[tuple[str, Content]] = []
    for number, item in enumerate(result.results, 1):
        if item.outcome is Outcome.CORRECT:
            continue
        if rows:
            rows.append(("", Content("")))
        rows += [
            (f"{number}. ", Content(item.prompt)),
            (
                "   your answer: ",
                Content(f"{item.given or '(none)'} [{OUTCOME_WORD[item.outcome]}]"),
            ),
            ("   right answer: ", Content(item.answer)),
            ("   time: ", Content(f"{item.seconds:.0f}s")),
        ]
        if item.source:
            rows.append(("   source: ", Content(item.source)))
    return HangingList(rows)


def _values(tally: Tally) -> tuple[int, int, int, int, str]:
    return tally.questions, tally.correct, tally.close, tally.wrong, f"{tally.score:.0f}%"


def breakdown_layout(
    width: int, labels: Sequence[str], values: Sequence[Sequence[str]]
) -> tuple[tuple[str, ...], int]:
    """The table's column titles and the cells its first column's labels may take, so that
    the whole table fits ``width`` cells (at 60 columns the Score column was cut off):
    "Questions" shortens to "Qs" when the labels need the room, then labels are clipped."""
    longest = max((cell_len(label) for label in labels), default=0)
    longest = max(longest, len(TITLES[0]))

    def numbers_width(titles: Sequence[str]) -> int:
        return sum(
            max([len(title), *(len(row[i]) for row in values)]) + CELL_PADDING
            for i, title in enumerate(titles)
        )

    titles = TITLES
    room = width - numbers_width(titles[1:]) - CELL_PADDING
    if room < longest:
        titles = (TITLES[0], NARROW_QUESTIONS, *TITLES[2:])
        room = width - numbers_width(titles[1:]) - CELL_PADDING
    return titles, max(min(longest, room), MIN_LABEL)


def clipped(label: str, cells: int) -> Text:
    """A label (deck text: tag names) as a literal cell, shortened to ``cells`` with "…"."""
    text = cell(label)
    text.truncate(cells, overflow="ellipsis")
    return text


def _seconds(value: float) -> timedelta:
    return timedelta(seconds=value)


STATS_HINT = "Forecasts beside results: Stats (t on Home)"


def forecast_hint(workspace: Workspace, result: QuizResult) -> str:
    """Where to see forecasts beside results: Stats; and for a dated exam, the
    ``studyapp plan`` command that works as written (its decks and progress folder as
    this app was given them; the date when none is remembered or it has passed)."""
    exam_id = result.exam_id
    spec = next((s for s in workspace.exams if s.id == exam_id), None)
    if spec is None:  # (a quick quiz, a re-drill: no exam to plan for)
        return STATS_HINT
    from studyapp.core.base import paths
    from studyapp.core.examday.upcoming import exam_date_of
    from studyapp.core.study.queue import study_day

    config = workspace.config
    today = study_day(workspace.clock(), config.study.queue.day_starts_at)
    words = ["studyapp", "plan", spec.id, *map(_shown_path, workspace.deck_paths or ())]
    folder = workspace.store.folder
    if folder != paths.progress_dir(None):
        words += ["--progress", _shown_path(str(folder))]
    day = exam_date_of(spec, config.exams.get(spec.id))
    if day is None or day <= today:
        words += ["--date", "YYYY-MM-DD"]
    return f"{STATS_HINT}, or `{shlex.join(words)}`"


def _shown_path(path: str) -> str:
    """A path as the learner would type it here: relative when under the working folder."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # (another drive, on Windows)
        return path
    return path if relative.startswith("..") else relative


def score_lines(
    result: QuizResult, ending: Ending, limit_seconds: int | None, hint: str = STATS_HINT
) -> list[str]:
    """The score (and pass or fail when there is a pass mark), what was answered, the time,
    and the forecast beside the score (``hint``: where to see every forecast)."""
    total = len(result.results)
    answered = sum(1 for r in result.results if r.given is not None)
    if has_pass_mark(result):
        verdict = "PASSED" if result.passed else "NOT PASSED"
        first = f"{verdict}: {result.score:.1f}% (pass mark {result.pass_mark:g}%)"
    else:
        first = f"Score: {result.score:.1f}%"
    taken = fmt.duration(_seconds(result.seconds))
    if answered:
        taken += f" ({result.seconds / answered:.0f}s per answered question)"
    lines = [
        first,
        f"{result.points:g} of {result.max_points} points · {answered} of {total} answered · "
        f"time {taken}",
    ]
    left = total - answered
    if ending is Ending.TIME:
        limit = fmt.duration(_seconds(limit_seconds or result.seconds))
        lines.append(
            f"Time ran out ({limit} allowed): "
            + (
                f"{plural(left, 'question was', 'questions were')} left unanswered."
                if left
                else "every question was answered."
            )
        )
    elif left:
        lines.append(f"{plural(left, 'question')} left unanswered (counted as wrong).")
    forecast = result.predicted_score
    if forecast is not None and any(r.predicted for r in result.results):
        if ending is Ending.EARLY or answered < total:
            # (the forecast was for answering every question: no score to set beside it)
            lines.append(
                f"{_forecast_label(total)}: {forecast:.0f}% · not compared: only {answered} "
                "answered"
            )
            lines.append(hint)
            return lines
        # the gap between the two figures as shown, so that it adds up on screen; in
        # percentage points, not the sitting's points ("19.5 of 20 points" above)
        shown_forecast, shown_score = round(forecast), score_shown(result.score)
        gap = round(shown_score - shown_forecast, 1)
        how = (
            "as forecast"
            if abs(gap) < 5
            else f"{abs(gap):g} percentage points {'above' if gap > 0 else 'below'} it"
        )
        lines.append(
            f"{_forecast_label(total)}: {shown_forecast}% · you scored {shown_score:g}%, {how}"
        )
        lines.append(hint)
    return lines


def score_shown(score: float) -> float:
    """The score as every line of the results gives it: to one decimal, as the first line
    shows it ("PASSED: 72.5%"). The forecast line rounded it again, to a whole percent
    ("you scored 72%"), so the two lines of one screen told two scores; that line now
    writes this figure without a ".0" ("you scored 72.5%", "you scored 100%")."""
    return float(f"{score:.1f}")


def _forecast_label(questions: int) -> str:
    """What the forecast beside the score measures: these questions, when the sitting
    began. Readiness and home forecast every entry of the exam, today or on its day, so
    a learner seeing three figures at once (39%, 37%, 32%) can tell them apart."""
    return f"Forecast for these {plural(questions, 'question')} as you began"


def push_message(report: PushReport) -> str:
    """Say plainly what pushing did: which missed cards come up next, where the others
    already are (new, still being learned, suspended), and what to do to study them.
    Pushing moves only review cards due on a later day; the others need no moving."""
    if not report.cards:
        items = plural(report.items, "missed item")
        return f"Nothing was queued: none of the {items} has a card in your decks now."
    rest = report.cards - report.due

    def count(number: int) -> str:
        many = str(number)
        if number == rest and number > 1:
            many = "both" if number == 2 else f"all {number}"
        return f"{many} {'is' if number == 1 else 'are'}"

    where: list[str] = []
    if report.new:
        where.append(
            f"{count(report.new)} new (not studied yet) and already in study, "
            "introduced with your daily new cards"
        )
    if report.learning:
        its = "its" if report.learning == 1 else "their"
        where.append(f"{count(report.learning)} still being learned: back at {its} next step")
    if report.suspended:
        them = "it" if report.suspended == 1 else "them"
        where.append(f"{count(report.suspended)} suspended: unsuspend {them} in Browse")
    todo = (
        " To study them now: Escape to Home, then s on their deck."
        if report.new or report.learning
        else ""
    )
    if not report.due:
        items = plural(report.items, "missed item")
        cards = plural(report.cards, "card")
        return f"Nothing needed moving for your {items} ({cards}): " + "; ".join(where) + "." + todo
    today = report.due - report.tomorrow
    if not report.tomorrow:
        message = (
            f"{plural(report.due, 'missed card')} will come up in your next "
            "study session (due today)."
        )
    elif not today:
        message = (
            f"{plural(report.due, 'missed card')} will come up in tomorrow's "
            "study session (due now, but studied today: one card of an item a day)."
        )
    else:
        message = (
            f"{plural(report.due, 'missed card')} will come up in study: "
            f"{today} today, {report.tomorrow} tomorrow (studied today: one card of an item "
            "a day)."
        )
    return message + (" Of the others, " + "; ".join(where) + "." + todo if where else "")
