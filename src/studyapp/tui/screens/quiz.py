"""Quiz and exam set-up: pick a bundled exam or build a quick quiz.

Taking it is :mod:`studyapp.tui.screens.quiz_sitting`. Exam practice never
touches the study schedule; a finished attempt is saved with the learner's
progress (``results/``) and shown on the results screen. A quick quiz has no
pass mark: it is practice, and its results give the score only.
"""

from __future__ import annotations

import random

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from studyapp.core.quiz.exam import ExamError, ExamSpec, FormatMix, assemble_exam
from studyapp.core.workspace import Workspace
from studyapp.tui.screens.quiz_sitting import QuizScreen, not_saved_line
from studyapp.tui.text import cell, literal
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

__all__ = ["QuizScreen", "QuizSetupScreen"]  # QuizScreen: where tests and callers look for it

CUSTOM = "__custom__"
QUICK_LABEL = "Quick quiz: Enter starts it (settings below)"
"""A learner pressed Enter on "Quick quiz (set it up below)" and nothing visible
happened: Enter now starts it, with the settings below (defaults until changed)."""
COMPACT_BELOW = 30
"""Under this many rows the quick quiz's fields drop their borders (one row each, not
three): at 80x24 "Minutes" sat at the fold just above Start and "Feedback after each
answer" was out of sight; compact, every field and Start fit without scrolling."""
NARROW_BELOW = 70
"""Under this many columns each quick-quiz label goes above its field: beside a label
column of 28 cells, at 60 columns "Mixed: typed, multiple choice, true/false,
ordering" wrapped to three rows, its last under the Start bar."""
MIXES = {
    "mixed": FormatMix(typed=1, choice=2, true_false=1, ordering=1),
    "choice": FormatMix(choice=1),
    "typed": FormatMix(typed=1),
    "true_false": FormatMix(true_false=1),
}
FEEDBACK_LABELS = [
    ("After each answer", "immediate"),
    ("At the end only", "end"),
]
"""When the quick quiz says right or wrong, in words: a switch showed its state by colour
alone, and at 80x24 and 100x30 in a terminal the learner could not tell on from off."""
UNTIMED = "untimed"
"""What the empty Minutes field shows: empty and compact, it was invisible at 80x24."""
MIX_LABELS = [
    ("Mixed: typed, multiple choice, true/false, ordering", "mixed"),
    ("Multiple choice only", "choice"),
    ("Typed answers only", "typed"),
    ("True / false only", "true_false"),
]


class QuizSetupScreen(Screen[None]):
    """Choose an exam spec found beside the decks, or set up a quick quiz."""

    CSS_PATH = "quiz.tcss"
    """Read when first shown (see app.tcss)."""

    BINDINGS = [
        Binding("enter", "start", "Start", id="quiz.start"),
        Binding("r", "readiness", "Readiness", id="quiz.readiness"),
        Binding("escape", "leave", "Home", id="quiz.leave"),
    ]

    def __init__(self, workspace: Workspace, rng: random.Random) -> None:
        super().__init__()
        self.workspace = workspace
        self.rng = rng

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="quiz-setup"):
            yield Static("Exams and quizzes", id="quiz-setup-title", markup=False)
            warning = not_saved_line(self.workspace)
            if warning is not None:  # before Enter starts anything: said, not found out after
                yield Static(literal(warning), id="quiz-read-only")
            options = [
                Option(
                    literal(
                        f"{spec.title} · {spec.questions} questions"
                        + (f" · {spec.time_limit_minutes} min" if spec.time_limit_minutes else "")
                        + f" · pass {spec.pass_mark:g}%"
                    ),
                    id=spec.id,
                )
                for spec in self.workspace.exams
            ]
            options.append(Option(literal(QUICK_LABEL), id=CUSTOM))
            yield OptionList(*options, id="quiz-choices")
            for failure in self.workspace.exam_failures:
                for problem in failure.problems[:3]:
                    yield Static(literal(f"Exam file problem: {problem}"), classes="quiz-problem")
            with Vertical(id="quiz-custom"):
                yield Static("Quick quiz", classes="quiz-section", markup=False)
                with Horizontal(classes="quiz-row"):
                    yield Static("Deck", classes="quiz-label", markup=False)
                    yield Select(
                        [("All decks", "*")]
                        + [(cell(d.title), d.deck_id) for d in self.workspace.decks.decks],
                        value="*",
                        allow_blank=False,
                        id="quiz-deck",
                    )
                with Horizontal(classes="quiz-row"):
                    yield Static("Questions", classes="quiz-label", markup=False)
                    yield Input("10", id="quiz-count", type="integer", max_length=3)
                with Horizontal(classes="quiz-row"):
                    yield Static("Formats", classes="quiz-label", markup=False)
                    yield Select(MIX_LABELS, value="mixed", allow_blank=False, id="quiz-mix")
                with Horizontal(classes="quiz-row"):
                    yield Static("Minutes (blank: untimed)", classes="quiz-label", markup=False)
                    yield Input(
                        "", placeholder=UNTIMED, id="quiz-minutes", type="integer", max_length=3
                    )
                with Horizontal(classes="quiz-row"):
                    yield Static("Feedback", classes="quiz-label", markup=False)
                    yield Select(
                        FEEDBACK_LABELS, value="immediate", allow_blank=False, id="quiz-feedback"
                    )
        with Horizontal(id="quiz-start-bar"):  # docked: never below the fold
            yield Button("Start quick quiz", id="quiz-start-custom", variant="primary")
            yield Static(
                "with the settings above; Tab to change them", id="quiz-start-hint", markup=False
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Quiz / exam"
        self._fit_fields()
        self.query_one("#quiz-choices", OptionList).focus()

    def on_resize(self) -> None:
        self._fit_fields()

    def _fit_fields(self) -> None:
        """On a short or narrow terminal the settings lose their borders (quiz.tcss styles
        the rest: the labels, the focused field's label); on a narrow one each
        label goes above its field, which takes the whole width."""
        narrow = self.size.width < NARROW_BELOW
        compact = self.size.height < COMPACT_BELOW or narrow  # (bordered, the formats wrap)
        self.set_class(compact, "-compact")
        self.set_class(narrow, "-narrow")
        custom = self.query_one("#quiz-custom")
        for field in custom.query(Input):
            field.compact = compact
        for select in custom.query(Select):
            select.compact = compact

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == CUSTOM:
            self._start_custom()  # with the settings shown below (10 mixed questions at first)
            return
        self._start_exam(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "quiz-start-custom":
            event.stop()
            self._start_custom()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._start_custom()

    def action_start(self) -> None:
        choices = self.query_one("#quiz-choices", OptionList)
        if choices.has_focus and choices.highlighted is not None:
            option = choices.get_option_at_index(choices.highlighted)
            if option.id == CUSTOM:
                self._start_custom()
            else:
                self._start_exam(option.id)
            return
        self._start_custom()

    def _start_exam(self, exam_id: str | None) -> None:
        spec = next((s for s in self.workspace.exams if s.id == exam_id), None)
        if spec is not None:
            self._launch(spec, exam=True)

    def _start_custom(self) -> None:
        count_text = self.query_one("#quiz-count", Input).value.strip()
        minutes_text = self.query_one("#quiz-minutes", Input).value.strip()
        count = int(count_text) if count_text.isdigit() else 0
        if not 1 <= count <= 200:
            self.notify("Questions: give a number from 1 to 200.", severity="warning", markup=False)
            return
        minutes = int(minutes_text) if minutes_text.isdigit() else None
        if minutes is not None and not 1 <= minutes <= 600:
            self.notify("Minutes: 1 to 600, or blank.", severity="warning", markup=False)
            return
        deck = self.query_one("#quiz-deck", Select).value
        mix = str(self.query_one("#quiz-mix", Select).value)
        feedback = self.query_one("#quiz-feedback", Select).value
        spec = ExamSpec(
            id="quick-quiz",
            title="Quick quiz",
            decks=[] if deck == "*" else [str(deck)],
            questions=count,
            formats=MIXES.get(mix, MIXES["mixed"]),
            time_limit_minutes=minutes,
            pass_mark=0,  # practice: the score only, no pass or fail
            feedback="end" if feedback == "end" else "immediate",
        )
        self._launch(spec)

    def _launch(self, spec: ExamSpec, *, exam: bool = False) -> None:
        decks = [d.deck for d in self.workspace.decks.decks]
        try:
            built = assemble_exam(spec, decks, random.Random(self.rng.random()))
        except ExamError as error:
            self.notify(str(error), title="Cannot build this exam", severity="error", markup=False)
            return
        questions = list(built.questions)
        if built.note and questions:
            self.notify(built.note, title="A shorter exam", severity="warning", markup=False)
        if not questions:
            self.notify("No questions could be made from these decks.", severity="warning")
            return
        self.app.switch_screen(QuizScreen(self.workspace, spec, questions, self.rng, exam=exam))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Readiness is for exams: the key is shown only when there is one."""
        if action == "readiness":
            return bool(self.workspace.exams)
        return True

    def action_readiness(self) -> None:
        """How ready the learner is for the highlighted exam (or the quiz's deck)."""
        from studyapp.tui.screens.readiness import ReadinessScreen

        choices = self.query_one("#quiz-choices", OptionList)
        if choices.highlighted is None:
            return
        option = choices.get_option_at_index(choices.highlighted)
        spec = next((s for s in self.workspace.exams if s.id == option.id), None)
        if spec is None:
            self.notify(
                "Highlight an exam to see how ready you are.", severity="information", markup=False
            )
            return
        self.app.push_screen(ReadinessScreen(self.workspace, spec, self.rng))

    def action_leave(self) -> None:
        self.app.pop_screen()
