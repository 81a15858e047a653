"""Quiz and exam: pick a bundled exam or build a quick quiz, then answer, timed if asked.

Exam practice never touches the study schedule; a finished attempt is saved
with the learner's progress (``results/``) and shown on the results screen.
"""

from __future__ import annotations

import random
import time
from datetime import timedelta

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Input, OptionList, Select, Static, Switch
from textual.widgets.option_list import Option

from studyapp.core.quiz.answers.order import parse_order_numbers
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.exam import ExamError, ExamSpec, FormatMix, build_exam
from studyapp.core.quiz.questions import Question, QuestionFormat
from studyapp.core.quiz.results import save_result
from studyapp.core.quiz.scoring import QuestionResult, grade_answer, score_quiz
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.screens.results import ResultsScreen
from studyapp.tui.text import cell, literal
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

CUSTOM = "__custom__"
MIXES = {
    "mixed": FormatMix(typed=1, choice=2, true_false=1, ordering=1),
    "choice": FormatMix(choice=1),
    "typed": FormatMix(typed=1),
    "true_false": FormatMix(true_false=1),
}
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
            options.append(Option(literal("Quick quiz (set it up below)"), id=CUSTOM))
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
                    yield Input("", id="quiz-minutes", type="integer", max_length=3)
                with Horizontal(classes="quiz-row"):
                    yield Static("Feedback after each answer", classes="quiz-label", markup=False)
                    yield Switch(value=True, id="quiz-feedback")
                yield Button("Start quick quiz", id="quiz-start-custom", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Quiz / exam"
        self.query_one("#quiz-choices", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == CUSTOM:
            self.query_one("#quiz-count", Input).focus()
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
                self.query_one("#quiz-count", Input).focus()
            else:
                self._start_exam(option.id)
            return
        self._start_custom()

    def _start_exam(self, exam_id: str | None) -> None:
        spec = next((s for s in self.workspace.exams if s.id == exam_id), None)
        if spec is not None:
            self._launch(spec)

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
        spec = ExamSpec(
            id="quick-quiz",
            title="Quick quiz",
            decks=[] if deck == "*" else [str(deck)],
            questions=count,
            formats=MIXES.get(mix, MIXES["mixed"]),
            time_limit_minutes=minutes,
            pass_mark=70,
            feedback="immediate" if self.query_one("#quiz-feedback", Switch).value else "end",
        )
        self._launch(spec)

    def _launch(self, spec: ExamSpec) -> None:
        decks = [d.deck for d in self.workspace.decks.decks]
        try:
            questions = build_exam(spec, decks, random.Random(self.rng.random()))
        except ExamError as error:
            self.notify(str(error), title="Cannot build this exam", severity="error", markup=False)
            return
        if not questions:
            self.notify("No questions could be made from these decks.", severity="warning")
            return
        self.app.switch_screen(QuizScreen(self.workspace, spec, questions, self.rng))

    def action_leave(self) -> None:
        self.app.pop_screen()


class EndExamDialog(ModalScreen[bool]):
    """Confirm ending an exam early: unanswered questions count as wrong."""

    CSS_PATH = "quiz.tcss"
    """Read when first shown (see app.tcss)."""

    BINDINGS = [
        Binding("y", "answer(True)", "End now", id="end.yes"),
        Binding("n,escape", "answer(False)", "Keep going", id="end.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="end-box"):
            yield Static("End the exam now? Unanswered questions count as wrong.", markup=False)
            yield Static("y: end now    n / escape: keep going", id="end-keys", markup=False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class QuizScreen(Screen[None]):
    """One question at a time; a visible timer when the exam has a limit."""

    CSS_PATH = "quiz.tcss"
    """Read when first shown (see app.tcss)."""

    BINDINGS = [
        Binding("enter", "next", "Next", id="quiz.next"),
        Binding("1", "pick(1)", "Option 1", show=False),
        Binding("2", "pick(2)", "Option 2", show=False),
        Binding("3", "pick(3)", "Option 3", show=False),
        Binding("4", "pick(4)", "Option 4", show=False),
        Binding("t", "truth(True)", "True", id="quiz.true"),
        Binding("f", "truth(False)", "False", id="quiz.false"),
        Binding("escape", "end", "End exam", id="quiz.end"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        spec: ExamSpec,
        questions: list[Question],
        rng: random.Random,
        *,
        save: bool = True,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.spec = spec
        self.questions = questions
        self.rng = rng
        self.save = save
        self.position = 0
        self.results: dict[str, QuestionResult] = {}
        self.feedback_shown = False
        self.started = time.monotonic()
        self.shown_at = time.monotonic()
        self._ticker: Timer | None = None
        self.finished = False

    @property
    def question(self) -> Question:
        return self.questions[self.position]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="quiz-top"):
            yield Static(id="quiz-progress", markup=False)
            yield Static(id="quiz-timer", markup=False)
        with VerticalScroll(id="quiz-card"):
            yield Static(id="quiz-format", markup=False)
            yield Static(id="quiz-prompt", markup=False)
            yield Static(id="quiz-options", markup=False)
            yield Input(id="quiz-input")
            yield Static(id="quiz-feedback", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.spec.title
        if self.spec.time_limit_seconds:
            self._ticker = self.set_interval(1.0, self._tick)
        self._tick()
        self.show_question()

    # ----------------------------------------------------------------- view

    def _tick(self) -> None:
        timer = self.query_one("#quiz-timer", Static)
        limit = self.spec.time_limit_seconds
        elapsed = time.monotonic() - self.started
        if limit is None:
            timer.update(literal(f"time {fmt.duration(timedelta(seconds=elapsed))}"))
            return
        left = max(0.0, limit - elapsed)
        timer.update(literal(f"time left {fmt.duration(timedelta(seconds=left))}"))
        timer.set_class(left < 60, "-low")
        if left <= 0 and not self.finished:
            self.notify("Time is up.", severity="warning", markup=False)
            self.finish()

    def show_question(self) -> None:
        question = self.question
        self.feedback_shown = False
        self.shown_at = time.monotonic()
        self.query_one("#quiz-progress", Static).update(
            literal(f"Question {self.position + 1} of {len(self.questions)}")
        )
        labels = {
            QuestionFormat.TYPED: "Type the answer, then Enter",
            QuestionFormat.CHOICE: "Multiple choice: press 1-4",
            QuestionFormat.TRUE_FALSE: "True or false: press t or f",
            QuestionFormat.ORDERING: "Put in order: type the numbers, earliest first (2 1 3 4)",
        }
        self.query_one("#quiz-format", Static).update(literal(labels[question.format]))
        prompt = question.prompt
        if question.format is QuestionFormat.TRUE_FALSE and question.statement:
            prompt = question.statement
        self.query_one("#quiz-prompt", Static).update(literal(prompt))
        options = self.query_one("#quiz-options", Static)
        if question.format in (QuestionFormat.CHOICE, QuestionFormat.ORDERING):
            options.update(
                literal("\n".join(f"{i}. {o}" for i, o in enumerate(question.options, 1)))
            )
            options.display = True
        else:
            options.display = False
        field = self.query_one("#quiz-input", Input)
        field.value = ""
        typed = question.format in (QuestionFormat.TYPED, QuestionFormat.ORDERING)
        field.display = typed
        field.disabled = False
        self.query_one("#quiz-feedback", Static).display = False
        if typed:
            field.focus()
        else:
            self.query_one("#quiz-card").focus()
        self.refresh_bindings()

    # -------------------------------------------------------------- answering

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.feedback_shown:
            self.action_next()
            return
        text = event.value.strip()
        if not text:
            return
        question = self.question
        if question.format is QuestionFormat.ORDERING:
            indices = parse_order_numbers(text, len(question.options))
            if indices is None:
                self.notify(
                    f"Type each number 1 to {len(question.options)} once, earliest first.",
                    severity="warning",
                    markup=False,
                )
                return
            self.record([question.options[i] for i in indices])
            return
        self.record(text)

    def action_pick(self, number: int) -> None:
        if self.feedback_shown or self.question.format is not QuestionFormat.CHOICE:
            return
        if 1 <= number <= len(self.question.options):
            self.record(number - 1)

    def action_truth(self, value: bool) -> None:
        if self.feedback_shown or self.question.format is not QuestionFormat.TRUE_FALSE:
            return
        self.record(value)

    def record(self, given: object) -> None:
        question = self.question
        seconds = time.monotonic() - self.shown_at
        result = grade_answer(question, given, seconds, close_credit=self.spec.close_credit)
        self.results[question.id] = result
        if self.spec.feedback == "immediate":
            self._show_feedback(result)
        else:
            self.action_next(force=True)

    def _show_feedback(self, result: QuestionResult) -> None:
        self.feedback_shown = True
        mark = {Outcome.CORRECT: "✓ Correct", Outcome.CLOSE: "≈ Close", Outcome.WRONG: "✗ Wrong"}
        lines = [f"{mark[result.outcome]} · {result.reason}", f"Answer: {result.answer}"]
        if result.outcome is not Outcome.CORRECT and result.source:
            lines.append(f"Source: {result.source}")
        if result.explanation:
            lines.append(result.explanation)
        lines.append("Enter: next question")
        feedback = self.query_one("#quiz-feedback", Static)
        feedback.update(literal("\n".join(lines)))
        feedback.display = True
        for outcome in Outcome:
            feedback.set_class(result.outcome is outcome, f"-{outcome.value}")
        self.query_one("#quiz-input", Input).disabled = True
        self.query_one("#quiz-card").focus()
        self.refresh_bindings()

    def action_next(self, force: bool = False) -> None:
        if not force and not self.feedback_shown:
            field = self.query_one("#quiz-input", Input)
            if field.display and field.value.strip():
                self.on_input_submitted(Input.Submitted(field, field.value))
            return
        if self.position + 1 >= len(self.questions):
            self.finish()
            return
        self.position += 1
        self.show_question()

    def on_key(self, event: events.Key) -> None:
        """Letters a-d also pick multiple-choice options, as on paper."""
        if (
            not self.feedback_shown
            and self.question.format is QuestionFormat.CHOICE
            and event.key in ("a", "b", "c", "d")
        ):
            event.stop()
            self.action_pick("abcd".index(event.key) + 1)

    def action_end(self) -> None:
        def decided(end: bool | None) -> None:
            if end:
                self.finish()

        self.app.push_screen(EndExamDialog(), decided)

    def finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        if self._ticker is not None:
            self._ticker.stop()
        now = self.workspace.clock()
        result = score_quiz(
            self.questions,
            self.results,
            title=self.spec.title,
            pass_mark=self.spec.pass_mark,
            exam_id=self.spec.id,
            taken_at=now,
            close_credit=self.spec.close_credit,
        )
        saved = None
        if self.save and not self.workspace.read_only:
            try:
                saved = save_result(self.workspace.store.folder, result, now, seed=self.spec.seed)
            except OSError as error:
                self.notify(f"Result not saved: {error}", severity="error", markup=False)
        self.app.switch_screen(
            ResultsScreen(
                self.workspace,
                result,
                self.questions,
                self.rng,
                redrill=self.practice,
                saved_to=saved,
            )
        )

    def practice(self, spec: ExamSpec, questions: list[Question]) -> QuizScreen:
        """A practice run of these questions, with this quiz's workspace and randomness:
        nothing is saved (the results screen's re-drill)."""
        return QuizScreen(self.workspace, spec, questions, self.rng, save=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.questions:
            return True
        question = self.questions[self.position]
        if action == "truth":
            return not self.feedback_shown and question.format is QuestionFormat.TRUE_FALSE
        if action == "pick":
            return not self.feedback_shown and question.format is QuestionFormat.CHOICE
        if action == "next":
            return self.feedback_shown or question.format in (
                QuestionFormat.TYPED,
                QuestionFormat.ORDERING,
            )
        return True
