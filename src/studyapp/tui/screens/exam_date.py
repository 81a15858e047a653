"""Exams from home: two small dialogs (give one a date, or pick one to see how ready you
are), the exams they list, and the line home shows for each exam ahead.

An exam is an exam spec or a whole deck (``deck-<id>``). The date is checked
here, as typed (a date, after today: see ``examday.upcoming.parse_exam_date``),
and the reason shown in the dialog, which stays open; nothing is stored until
the date is good. An empty date clears the learner's own (the spec's, if any,
applies again).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from msgspec import Struct
from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from studyapp.core.examday.report import deck_exam
from studyapp.core.examday.upcoming import (
    DECK_EXAM_PREFIX,
    Upcoming,
    exam_date_of,
    parse_exam_date,
)
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.workspace import Workspace
from studyapp.tui.text import literal

__all__ = [
    "ExamChoice",
    "ExamDateDialog",
    "ExamPickDialog",
    "ExamSet",
    "exam_choices",
    "exam_line",
    "exam_spec",
]


class ExamChoice(Struct, frozen=True):
    """An exam the learner can choose, as the dialogs list it."""

    exam_id: str
    title: str
    exam_date: date | None = None
    note: str = ""
    """What to say beside it (e.g. the predicted score), plain text."""

    def label(self) -> str:
        when = f"  ·  {self.exam_date.isoformat()}" if self.exam_date else "  ·  no date"
        return f"{self.title}{when}{f'  ·  {self.note}' if self.note else ''}"


class ExamSet(Struct, frozen=True):
    """What the date dialog gives back: the exam, and its new date (None: cleared)."""

    exam_id: str
    exam_date: date | None


_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 72; max-width: 95%; height: auto; max-height: 90%;
    padding: 0 1; border: round $accent; background: $panel;
}}
{name} .exam-dialog-title {{ text-style: bold; }}
{name} OptionList {{ height: auto; max-height: 8; }}
{name} .exam-dialog-hint {{ color: $text-muted; }}
{name} #exam-date-error {{ color: $error; height: auto; }}
"""


class ExamDateDialog(ModalScreen[ExamSet | None]):
    """Choose an exam (when there are several) and type its date; Enter saves."""

    DEFAULT_CSS = _CSS.format(name="ExamDateDialog")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="exam_date.cancel")]

    def __init__(self, exams: Sequence[ExamChoice], today: date, selected: str = "") -> None:
        super().__init__()
        self.exams = list(exams)
        self.today = today
        index = next((i for i, e in enumerate(self.exams) if e.exam_id == selected), 0)
        self.index = index

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Exam date", classes="exam-dialog-title", markup=False)
            choices = OptionList(
                *(Option(literal(e.label()), id=e.exam_id) for e in self.exams),
                id="exam-date-exams",
            )
            choices.display = len(self.exams) > 1
            yield choices
            yield Static(self._question(), id="exam-date-question", markup=False)
            yield Input(
                self._current(), placeholder="2027-01-15 or 15 January 2027", id="exam-date-input"
            )
            error = Static("", id="exam-date-error", markup=False)
            error.display = False
            yield error
            yield Static(
                "Enter saves · empty clears your date · Tab: the exam list · Escape cancels",
                classes="exam-dialog-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        choices = self.query_one("#exam-date-exams", OptionList)
        if self.exams:
            choices.highlighted = self.index
        self.query_one("#exam-date-input", Input).focus()

    @property
    def exam(self) -> ExamChoice:
        return self.exams[self.index]

    def _question(self) -> Content:
        return literal(f"Date of {self.exam.title} (after {self.today.isoformat()}):")

    def _current(self) -> str:
        day = self.exam.exam_date
        return day.isoformat() if day else ""

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Another exam: its question and its date so far."""
        event.stop()
        if event.option_index == self.index:
            return  # (the first highlight, from on_mount: what is typed already stays)
        self.index = event.option_index
        self.query_one("#exam-date-question", Static).update(self._question())
        self.query_one("#exam-date-input", Input).value = self._current()
        self._error("")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#exam-date-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.exams:
            self.dismiss(None)
            return
        text = event.value.strip()
        if not text:
            self.dismiss(ExamSet(self.exam.exam_id, None))
            return
        try:
            day = parse_exam_date(text, self.today)
        except ValueError as error:
            self._error(str(error))
            return
        self.dismiss(ExamSet(self.exam.exam_id, day))

    def _error(self, message: str) -> None:
        """Why the date cannot be taken (the dialog stays open); "" hides it."""
        widget = self.query_one("#exam-date-error", Static)
        widget.update(literal(message))
        widget.display = bool(message)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExamPickDialog(ModalScreen[str | None]):
    """Pick one exam (Enter); gives back its id, or None on Escape."""

    DEFAULT_CSS = _CSS.format(name="ExamPickDialog")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="exam_pick.cancel")]

    def __init__(self, title: str, exams: Sequence[ExamChoice], selected: str = "") -> None:
        super().__init__()
        self.dialog_title = title
        self.exams = list(exams)
        self.index = next((i for i, e in enumerate(self.exams) if e.exam_id == selected), 0)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.dialog_title), classes="exam-dialog-title", markup=False)
            yield OptionList(
                *(Option(literal(e.label()), id=e.exam_id) for e in self.exams),
                id="exam-pick-exams",
            )
            yield Static("Enter opens · Escape cancels", classes="exam-dialog-hint", markup=False)

    def on_mount(self) -> None:
        choices = self.query_one("#exam-pick-exams", OptionList)
        if self.exams:
            choices.highlighted = self.index
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def exam_choices(workspace: Workspace, ahead: Sequence[Upcoming]) -> list[ExamChoice]:
    """Every exam the learner can date or see readiness for: the exam specs, then each
    deck as a whole (``deck-<id>``), each with its date and, if worked out, its score."""
    scores = {u.exam_id: u for u in ahead}
    specs: list[ExamSpec] = list(workspace.exams)
    known = {spec.id for spec in specs}
    specs += [
        deck_exam(d.deck_id, f"{d.title} (whole deck)")
        for d in workspace.decks.decks
        if f"{DECK_EXAM_PREFIX}{d.deck_id}" not in known
    ]
    choices = []
    for spec in specs:
        found = scores.get(spec.id)
        note = ""
        if found is not None:
            days = found.days_left
            score = _pct(found.predicted_score)
            note = f"{days} day{'s' if days != 1 else ''} left, {score} on exam day"
        day = exam_date_of(spec, workspace.config.exams.get(spec.id))
        choices.append(ExamChoice(spec.id, spec.title, day, note))
    return choices


def exam_spec(workspace: Workspace, exam_id: str) -> ExamSpec | None:
    """The exam of that id: an exam spec, or a deck as a whole (None if neither is loaded)."""
    for spec in workspace.exams:
        if spec.id == exam_id:
            return spec
    deck_id = exam_id.removeprefix(DECK_EXAM_PREFIX)
    loaded = workspace.decks.find(deck_id)
    return deck_exam(deck_id, loaded.title) if loaded is not None else None


def exam_line(exam: Upcoming, width: int) -> str:
    """One exam on home, in ``width`` cells (the title is clipped to fit, to 16 cells at
    least): its date and the days left, the predicted score on the day (as things stand,
    and following the plan), and what the plan puts on today.

    "Exam day" says which day: readiness shows today's figure first ("if the exam were
    today"), higher since memory fades by the day, and a learner took home's bare
    "predicted" for the same figure disagreeing with it."""
    days = exam.days_left
    rest = (
        f": {exam.exam_date.isoformat()} ({days} day{'s' if days != 1 else ''})"
        f" · exam day: {_pct(exam.predicted_score)}, "
        f"{_pct(exam.predicted_score_with_plan)} with the plan"
    )
    if exam.planned_today:
        rest += f" · {len(exam.planned_today)} planned today"
    room = max(16, width - cell_len(rest))
    title = exam.title
    if cell_len(title) > room:
        title = set_cell_size(title, room - 1) + "…"
    return title + rest


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"
