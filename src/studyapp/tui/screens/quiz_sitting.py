"""Taking a quiz or an exam: one question at a time, a clock, and (in exams) free movement.

Two ways to sit, decided by when feedback comes:

- feedback after each answer (re-drills, quick quizzes with feedback on): one
  question after another, each marked as soon as it is answered; going back
  would only show what was already revealed;
- feedback at the end (exams, quick quizzes with feedback off): as in exam
  software, the learner can go back (PgUp) and on (PgDn), flag a question to
  come back to (ctrl+f), and review every answer (ctrl+r, and after the last
  question) before submitting, which asks first when some are unanswered.

The state of the sitting lives in :class:`~studyapp.core.quiz.sitting.Sitting`;
time comes from the workspace's clock, so tests move a ManualClock instead of
sleeping. The clock on screen counts up (untimed) or down (timed) every second.

A retake of a seeded exam asks the same questions in the same order with the
same options: the seed is the instructor's promise that every sitting is the
same paper, and the gradebook compares results question by question in that
order (a shuffled retake would be set aside as another question set). An exam
without a seed, a quick quiz and a re-drill differ on every attempt.

On a short terminal (under 26 rows) the card is laid out without blank rows and
scrolled so that what must be seen is in view: a question opens at its start (the
prompt at least: a 60x20 exam opened its order question at the first event), with the
answer field (or the options) as far as they fit; typing brings the field into view;
the feedback is shown from its verdict line once answered. The border says when there
is more ("↓ more: PgDn"), as the study card's does. Short and narrow, the answer field
takes one row, not three, so that prompt, options and field fit together at 60x20; an
exam's keys take two rows of the key bar there, and the title bar gives back its row.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta
from pathlib import Path

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from studyapp.core.base.clock import Clock
from studyapp.core.quiz.answers.order import parse_order_numbers
from studyapp.core.quiz.answers.verdict import Outcome, Verdict
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.quiz.questions import FALSE, TRUE, Question, QuestionFormat
from studyapp.core.quiz.results import save_result
from studyapp.core.quiz.scoring import QuestionResult, QuizResult, check_question, grade_answer
from studyapp.core.quiz.sitting import Ending, Given, Response, Sitting, score_sitting
from studyapp.core.store.errors import why_not_written
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.screens.results import ResultsScreen
from studyapp.tui.screens.study_verdict import (
    HangingList,
    OrderAnswer,
    choice_head,
    choice_verdict,
    options_list,
    verdict_line,
)
from studyapp.tui.text import literal
from studyapp.tui.widgets.card_scroll import SHORT_BELOW
from studyapp.tui.widgets.confirm import ConfirmDialog
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.quiz_card import (
    TYPED_FORMATS,
    AnswerField,
    QuestionCard,
    format_label,
    order_placeholder,
)
from studyapp.tui.widgets.quiz_review import SUBMIT, ReviewDialog, ReviewRow
from studyapp.tui.widgets.titlebar import TitleBar

COMPACT_FIELD_BELOW = 70
"""Under this many columns (on a short terminal) the answer field takes one row: at 60x20
an exam's order question of four wrapped events, its prompt and a three-row field were
one row too many for the card."""


CARD_CHROME = {True: 8, False: 12}
"""Cells of a row the card's text never has, on a short terminal or not: the card's
margins, border and padding (quiz.tcss) and a scrollbar (2)."""


TOP_CHROME = 4
"""Cells of a row the line above the card never has: its margins (quiz.tcss)."""
TOP_WIDTH = 110
"""The widest the line above the card gets (its max-width, as the card's: quiz.tcss)."""
TIMER_CELLS = len("time left 59m 59s") + 1
"""The clock's cells at most (an hour or more: "time left 1h 05m"), and a space before it."""

ELSEWHERE = "progress is open in another studyapp window: close it, then press r on home."
"""Why a read-only window saves no quiz, in the usual case, and what to do (home's refusal
to study says the same)."""
READ_ONLY_TAIL = ": answers will not be saved"
"""How a read-only folder's reason ends (core.store.errors): left out where the quiz says
"not saved" itself."""


def not_saved_why(workspace: Workspace) -> str | None:
    """Why a quiz or exam taken in this window would not be saved, with what to do when
    something can be done; None: it would be saved. Said before it starts and on its
    results: a learner must not find out after a 20-minute exam, from a line left out,
    that it was kept nowhere."""
    if not workspace.read_only:
        return None
    reason = workspace.read_only_reason
    if workspace.read_only_elsewhere or reason is None:
        return ELSEWHERE
    return f"{reason.removesuffix(READ_ONLY_TAIL)}."


def not_saved_line(workspace: Workspace) -> str | None:
    """The quiz set-up screen's warning in a read-only window (None: results are saved)."""
    why = not_saved_why(workspace)
    return None if why is None else f"Read-only: a quiz or exam taken here is not saved; {why}"


def progress_line(sitting: Sitting, *, navigable: bool, room: int) -> str:
    """Where the sitting is: "Question 3 of 20 · 2 answered · ⚑ flagged", without the word
    "Question" when that line, flagged, would not fit ``room`` cells (at 60 columns "⚑
    flagged" was cut to "⚑" beside the clock). The form is chosen as if flagged, so that
    flagging a question does not change it."""
    place = f"{sitting.position + 1} of {sitting.count}"
    if not navigable:
        return f"Question {place}"
    answered = f"{sitting.answered} answered"
    flag = ["⚑ flagged"] if sitting.is_flagged() else []
    if cell_len(f"Question {place} · {answered} · ⚑ flagged") <= room:
        place = f"Question {place}"
    return " · ".join([place, answered, *flag])


def question_top(height: int, tops: list[int], bottom: int) -> int:
    """Where the window of ``height`` rows over an unanswered question starts: at the first
    of ``tops`` (the card's first row, then the prompt's) from which everything down to
    ``bottom`` (the answer field) fits; else at the last (the prompt: a question is read
    from its start, and typing scrolls to the field)."""
    for top in tops:
        if bottom - top <= height:
            return top
    return tops[-1]


class QuizScreen(Screen[None]):
    """One sitting: a question, its options or answer field, the clock and the keys."""

    CSS_PATH = "quiz.tcss"
    """Read when first shown (see app.tcss)."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_BELOW, "-tall")]
    """Under 26 rows the card drops its blank rows and margins (quiz.tcss): at 80x24 an
    order question's four wrapped events left only the top edge of the answer field."""

    BINDINGS = [
        Binding(
            "enter",
            "next",
            "Next",
            id="quiz.next",
            tooltip="Give the typed answer; after the feedback, the next question",
        ),
        Binding("1", "pick(1)", "Option 1", show=False),
        Binding("2", "pick(2)", "Option 2", show=False),
        Binding("3", "pick(3)", "Option 3", show=False),
        Binding("4", "pick(4)", "Option 4", show=False),
        # Not in the key bar, as 1-4 are not: the line above the question says to press
        # them, and at 80 columns they would push "End exam" and "Help" off the bar.
        Binding("t", "truth(True)", "True", id="quiz.true", show=False),
        Binding("f", "truth(False)", "False", id="quiz.false", show=False),
        # Not priority bindings: those overtake keys still on their way to the answer
        # field (a last letter typed, then PgDn). The card leaves PgUp/PgDn to these.
        Binding(
            "pageup", "move(-1)", "Previous", id="quiz.previous", tooltip="The previous question"
        ),
        Binding(
            "pagedown",
            "move(1)",
            "Next",
            id="quiz.forward",
            tooltip="The next question, answered or not (after the last: the review)",
        ),
        Binding(
            "ctrl+f",
            "flag",
            "Flag",
            id="quiz.flag",
            tooltip="Flag this question to come back to (again: unflag)",
        ),
        Binding(
            "ctrl+r",
            "review",
            "Review",
            id="quiz.review",
            tooltip="Every question and answer; open one, or submit",
        ),
        # One of the two is shown: a quiz is ended, an exam is ended (and submitted).
        Binding("escape", "end('exam')", "End exam", id="quiz.end"),
        Binding("escape", "end('quiz')", "End quiz", id="quiz.end_quiz"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        spec: ExamSpec,
        questions: list[Question],
        rng: random.Random,
        *,
        save: bool = True,
        exam: bool = False,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self.workspace = workspace
        self.spec = spec
        self.questions = questions
        self.rng = rng
        self.save = save
        self.exam = exam
        """An exam from an exam file (its keys say "exam"); otherwise a quiz."""
        self.clock: Clock = clock or workspace.clock
        self.navigable = spec.feedback == "end"
        """Answers are not marked until the end, so the learner may go back and change them."""
        self.predicted = self._predict()
        """Each question's predicted recall as the sitting begins (kept with the result)."""
        self.sitting = Sitting.start(len(questions), self.clock())
        self._drop_bindings()
        self.feedback_shown = False
        self._shown_value = ""
        """The answer field's text as the question was drawn (typing is a change of it)."""
        self._ticker: Timer | None = None
        self.finished = False

    def _drop_bindings(self) -> None:
        """Leave out this sitting's keys that never apply (the other kind's Escape; moving,
        flagging and reviewing in a one-way quiz), so help lists only what works here.
        check_action hides them from the key bar as well."""
        other = "quiz" if self.exam else "exam"
        unused = {f"end('{other}')"}
        if not self.navigable:
            unused |= {"move(-1)", "move(1)", "flag", "review"}
        keys = self._bindings.key_to_bindings
        for key, bindings in list(keys.items()):
            kept = [b for b in bindings if b.action not in unused]
            if kept:
                keys[key] = kept
            else:
                del keys[key]

    @property
    def position(self) -> int:
        return self.sitting.position

    @property
    def question(self) -> Question:
        return self.questions[self.sitting.position]

    @property
    def noun(self) -> str:
        return "exam" if self.exam else "quiz"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="quiz-top"):
            yield Static(id="quiz-progress", markup=False)
            yield Static(id="quiz-timer", markup=False)
        with QuestionCard(id="quiz-card", placer=self._scroll_card, pages=not self.navigable):
            yield Static(id="quiz-format", markup=False)
            yield Static(id="quiz-prompt", markup=False)
            yield Static(id="quiz-options", markup=False)
            yield AnswerField(id="quiz-input")
            yield Static(id="quiz-given", markup=False)
            yield Static(id="quiz-feedback", markup=False)
        # Two rows when one is too few, as the study screen's: at 60 columns an exam's
        # bar left out Flag and Review, keys an exam needs.
        yield KeyBar(rows=2)

    def on_mount(self) -> None:
        self.sub_title = self.spec.title
        if self.save and self.workspace.read_only:  # said all through the sitting, first:
            self.sub_title = f"read-only, not saved · {self.spec.title}"  # (a title is cut)
        self._ticker = self.set_interval(1.0, self._tick)
        self._tick()
        self._fit_field()
        self._fit_title()
        self.show_question()

    def on_resize(self) -> None:
        self._fit_field()
        self._fit_title()
        self._show_format()
        self._show_progress()

    def _show_format(self) -> None:
        """How to answer, above the prompt, in the words that fit the card's row."""
        width, height = self.app.size
        room = width - CARD_CHROME[height < SHORT_BELOW]
        label = format_label(self.question, room)
        self.query_one("#quiz-format", Static).update(literal(label))

    def _fit_field(self) -> None:
        """One row for the answer field on a short, narrow terminal (see COMPACT_FIELD_BELOW)."""
        width, height = self.app.size
        field = self.query_one("#quiz-input", Input)
        field.compact = width < COMPACT_FIELD_BELOW and height < SHORT_BELOW

    def _fit_title(self) -> None:
        """No title bar in an exam on a short, narrow terminal: its keys (Previous, Next,
        Flag, Review) take a second row of the key bar there, and the card gives back no
        row (at 60x20 an order question's answer field went below the fold). The exam's
        title is in the review (ctrl+r) and on the results."""
        width, height = self.app.size
        small = width < COMPACT_FIELD_BELOW and height < SHORT_BELOW
        self.query_one(TitleBar).display = not (self.navigable and small)

    # ----------------------------------------------------------------- view

    def _tick(self) -> None:
        """Redraw the clock: time taken when untimed, time left (and the end) when timed."""
        if self.finished:
            return
        timer = self.query_one("#quiz-timer", Static)
        now = self.clock()
        limit = self.spec.time_limit_seconds
        if limit is None:
            elapsed = self.sitting.elapsed(now)
            timer.update(literal(f"time {fmt.duration(timedelta(seconds=elapsed))}"))
            return
        left = self.sitting.time_left(now, limit)
        timer.update(literal(f"time left {fmt.duration(timedelta(seconds=left))}"))
        timer.set_class(left < 60, "-low")
        if left <= 0:
            self._keep_typed(quiet=True)  # what is written when time is up counts
            self.notify("Time is up.", severity="warning", markup=False)
            self.finish(Ending.TIME)

    def _show_progress(self) -> None:
        sitting = self.sitting
        width = min(self.app.size.width - TOP_CHROME, TOP_WIDTH) - TIMER_CELLS
        self.query_one("#quiz-progress", Static).update(
            literal(progress_line(sitting, navigable=self.navigable, room=width))
        )

    def show_question(self) -> None:
        question = self.question
        response = self.sitting.response
        self.feedback_shown = False
        self._show_progress()
        self._show_format()
        prompt = question.prompt
        if question.format is QuestionFormat.TRUE_FALSE and question.statement:
            prompt = question.statement
        self.query_one("#quiz-prompt", Static).update(literal(prompt))
        options = self.query_one("#quiz-options", Static)
        if question.format in (QuestionFormat.CHOICE, QuestionFormat.ORDERING):
            chosen = (
                response.given
                if response is not None and question.format is QuestionFormat.CHOICE
                else None
            )
            mark = chosen is not None
            rows = [  # each wrapped under its own text, as once picked (options_list)
                ((("▶ " if i == chosen else "  ") if mark else "") + f"{i + 1}. ", Content(option))
                for i, option in enumerate(question.options)
            ]
            options.update(HangingList(rows))
            options.display = True
        else:
            options.display = False
        field = self.query_one("#quiz-input", Input)
        typed = question.format in TYPED_FORMATS
        field.value = response.shown if typed and response is not None else ""
        self._shown_value = field.value
        field.display = typed
        field.disabled = False
        ordering = question.format is QuestionFormat.ORDERING
        field.placeholder = order_placeholder(len(question.options)) if ordering else ""
        given = self.query_one("#quiz-given", Static)
        given.display = response is not None
        if response is not None:
            change = (
                "edit it and press Enter"
                if typed
                else "press t or f"
                if question.format is QuestionFormat.TRUE_FALSE
                else "press another number"
            )
            given.update(literal(f"Your answer: {response.shown} (to change it, {change})"))
        self.query_one("#quiz-feedback", Static).display = False
        if typed:
            field.focus()
            field.cursor_position = len(field.value)
        else:
            self.query_one("#quiz-card", QuestionCard).focus()
        self.refresh_bindings()
        self._place_card()

    # ------------------------------------------------------------- the window

    def _place_card(self) -> None:
        """Scroll the card, once laid out, so that what must be seen now is in view."""
        self.call_after_refresh(self._scroll_card)

    def _scroll_card(self) -> None:
        """The card from its top when it fits; else, asking, from the prompt with the
        answer field (the options, the answer given) as far as they fit (see
        :func:`question_top`); answered, the feedback from its verdict line, whatever
        falls below the fold ("↓ more" on the border). At 80x24 an order question showed
        the field's top edge only, and then no verdict; at 60x20 an exam's opened below
        its prompt, at the first event."""
        card = self.query_one("#quiz-card", QuestionCard)
        if not card.is_attached:
            return  # the screen was left before it was laid out again
        height = card.scrollable_content_region.height
        first, last = self._must_see()
        y = 0
        if first is not None and last is not None and height > 0:
            bottom = last.virtual_region.bottom
            if bottom > height and first.id == "quiz-feedback":
                y = min(bottom - height, first.virtual_region.y)
            elif bottom > height:
                prompt = self.query_one("#quiz-prompt", Static).virtual_region.y
                y = question_top(height, [0, prompt], bottom)
        card.scroll_to(y=y, animate=False, immediate=True)
        card.update_hint()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Typing brings the answer field into view, if the prompt above kept it below."""
        if event.input.id != "quiz-input" or event.value == self._shown_value:
            return
        self._shown_value = event.value
        card = self.query_one("#quiz-card", QuestionCard)
        field = event.input
        region = field.virtual_region
        window = card.scrollable_content_region.height
        if region and region.bottom > card.scroll_y + window:
            card.scroll_to(y=region.bottom - window, animate=False, immediate=True)

    def _must_see(self) -> tuple[Widget | None, Widget | None]:
        """The first and the last widget that must be in view (the first wins when both
        cannot fit), or ``None`` for the top of the card."""
        feedback = self.query_one("#quiz-feedback", Static)
        if feedback.display:
            return feedback, feedback
        shown = [
            widget
            for name in ("#quiz-options", "#quiz-input", "#quiz-given")
            if (widget := self.query_one(name)).display and widget.virtual_region
        ]
        if not shown:
            prompt = self.query_one("#quiz-prompt", Static)
            return prompt, prompt
        field = self.query_one("#quiz-input", Input)
        return (field if field in shown else shown[0]), shown[-1]

    # -------------------------------------------------------------- answering

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.feedback_shown:
            self.action_next()
            return
        text = event.value.strip()
        if not text:
            if self.navigable and self.sitting.response is not None:
                self.sitting = self.sitting.answer(None, self.clock())
                self.notify("Answer cleared.", markup=False)
                self.show_question()
            return
        response = self._typed_response(text)
        if response is not None:
            self.record(response.given, response.shown, response.verdict)

    def _typed_response(self, text: str, *, quiet: bool = False) -> Response | None:
        """The response written in the answer field, or None (and a hint) if it is not one.

        Typed text is checked here, once: an answer that can be read two ways is asked
        again, and the verdict goes with the response so that grading does not check it
        again. ``quiet`` (time is up, the sitting is ending) asks nothing: it is checked
        when graded."""
        question = self.question
        if question.format is not QuestionFormat.ORDERING:
            if quiet:
                return Response(text, text)
            verdict = check_question(question, text)
            if verdict.ambiguous:  # "6/7/2025", a number it cannot read: never graded
                self.notify(f"Write it again: {verdict.note}", markup=False)
                return None
            return Response(text, text, verdict)
        indices = parse_order_numbers(text, len(question.options))
        if indices is None:
            if not quiet:
                self.notify(
                    f"Type each number 1 to {len(question.options)} once, earliest first.",
                    severity="warning",
                    markup=False,
                )
            return None
        return Response(tuple(question.options[i] for i in indices), text)

    def _keep_typed(self, *, quiet: bool = False) -> None:
        """Keep what is written in the answer field when the learner moves away or time is up,
        as exam software saves an answer in progress."""
        field = self.query_one("#quiz-input", Input)
        if self.feedback_shown or not field.display or field.disabled:
            return
        text = field.value.strip()
        saved = self.sitting.response
        if text == (saved.shown if saved is not None else ""):
            return
        if not text:
            if self.navigable:
                self.sitting = self.sitting.answer(None, self.clock())
            return
        response = self._typed_response(text, quiet=quiet)
        if response is not None:
            self.sitting = self.sitting.answer(response, self.clock())

    def action_pick(self, number: int) -> None:
        question = self.question
        if self.feedback_shown or question.format is not QuestionFormat.CHOICE:
            return
        if 1 <= number <= len(question.options):
            self.record(number - 1, question.options[number - 1])

    def action_truth(self, value: bool) -> None:
        if self.feedback_shown or self.question.format is not QuestionFormat.TRUE_FALSE:
            return
        self.record(value, TRUE if value else FALSE)

    def record(
        self, given: Given, shown: str | None = None, verdict: Verdict | None = None
    ) -> None:
        """Answer the current question: marked now (feedback after each answer), or kept.

        ``verdict`` is the check already made of ``given`` (a typed answer's, on
        submission): an answer is checked once, and that verdict is what it is graded on,
        now and when the sitting is scored."""
        question = self.question
        shown = str(given) if shown is None else shown
        if self.navigable:
            self.sitting = self.sitting.answer(Response(given, shown, verdict), self.clock())
            if self.sitting.is_last:
                self._show_progress()
                self.action_review()
            else:
                self.sitting = self.sitting.next(self.clock())
                self.show_question()
            return
        checked = verdict if verdict is not None else check_question(question, given)
        self.sitting = self.sitting.answer(Response(given, shown, checked), self.clock())
        seconds = self.sitting.spent[self.sitting.position]
        result = grade_answer(
            question, given, seconds, close_credit=self.spec.close_credit, verdict=checked
        )
        if question.format is QuestionFormat.CHOICE and isinstance(given, int):
            # as on a study card: "You picked X", and the pick and answer marked in the list
            picked = question.options[given]
            said = choice_verdict(checked, picked, question.answer)
            self.query_one("#quiz-options", Static).update(
                options_list(
                    question.options,
                    answer=question.answer,
                    picked=picked,
                    picked_right=said.outcome is Outcome.CORRECT,
                )
            )
            self._show_feedback(result, choice_head(said), answer_line=False)
            return
        self._show_feedback(result, verdict_line(result.outcome, result.note))

    def _show_feedback(
        self, result: QuestionResult, head: str, *, answer_line: bool = True
    ) -> None:
        """The mark (``head``), then the answer on a line of its own unless ``head`` says it
        (a pick); an order as the numbers of the options shown, then the events."""
        self.feedback_shown = True
        question = self.question
        rows = [("", Content(head))]
        if question.format is QuestionFormat.ORDERING:
            order = OrderAnswer(question.key.accept, shown=question.options)
            rows.append(("", Content(order.head)))
            rows += [(lead, Content(item)) for lead, item in order.leads()]
        elif answer_line:
            rows.append(("", Content(f"Answer: {result.answer}")))
        if result.outcome is not Outcome.CORRECT and result.source:
            rows.append(("", Content(f"Source: {result.source}")))
        if result.explanation:
            rows.append(("", Content(result.explanation)))
        rows.append(("", Content("Enter: next question")))
        feedback = self.query_one("#quiz-feedback", Static)
        feedback.update(HangingList(rows))  # a long event goes on under its own text
        feedback.display = True
        for outcome in Outcome:
            feedback.set_class(result.outcome is outcome, f"-{outcome.value}")
        self.query_one("#quiz-given", Static).display = False
        self.query_one("#quiz-input", Input).disabled = True
        self.query_one("#quiz-card").focus()
        self.refresh_bindings()
        self._place_card()

    def action_next(self) -> None:
        """Enter: submit the typed answer, or (after feedback) go on to the next question."""
        if not self.feedback_shown:
            field = self.query_one("#quiz-input", Input)
            if field.display and field.value.strip():
                self.on_input_submitted(Input.Submitted(field, field.value))
            return
        if self.sitting.is_last:
            self.finish(Ending.SUBMITTED)
            return
        self.sitting = self.sitting.next(self.clock())
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

    # ------------------------------------------------------------ moving about

    def action_move(self, delta: int) -> None:
        """PgUp / PgDn: the previous or next question; on from the last, the review."""
        if not self.navigable:
            return
        self._keep_typed()
        target = self.sitting.position + delta
        if target >= self.sitting.count:
            self.action_review()
            return
        if target < 0:
            self.app.bell()
            return
        self.sitting = self.sitting.go(target, self.clock())
        self.show_question()

    def action_flag(self) -> None:
        if not self.navigable:
            return
        self.sitting = self.sitting.toggle_flag()
        self._show_progress()  # "⚑ flagged" there, and in the review; no toast to cover keys

    def review_rows(self) -> list[ReviewRow]:
        """One row a question; prompts that several questions share ("Put these events in
        order, earliest first.") say which by their first options, so no two rows read
        alike."""
        prompts = [
            (q.statement if q.format is QuestionFormat.TRUE_FALSE else None) or q.prompt
            for q in self.questions
        ]
        shared = {p for p, n in Counter(prompts).items() if n > 1}
        rows = []
        for index, question in enumerate(self.questions):
            response = self.sitting.responses[index]
            prompt = prompts[index]
            if prompt in shared and question.options:
                prompt = f"{prompt.rstrip()} ({' / '.join(question.options[:2])} …)"
            rows.append(
                ReviewRow(
                    prompt,
                    None if response is None else response.shown,
                    self.sitting.is_flagged(index),
                )
            )
        return rows

    def action_review(self) -> None:
        """Every question with its state; open one, or submit from there."""
        if not self.navigable or self.finished:
            return
        self._keep_typed()

        def chosen(choice: int | str | None) -> None:
            if self.finished:
                return
            if choice == SUBMIT:
                self.submit()
            elif isinstance(choice, int):
                self.sitting = self.sitting.go(choice, self.clock())
                self.show_question()
            else:  # back to the question on screen
                self.show_question()

        self.app.push_screen(
            ReviewDialog(self.spec.title, self.review_rows(), self.sitting.position), chosen
        )

    def _unanswered_text(self) -> str:
        sitting = self.sitting
        left = len(sitting.unanswered)
        lines = [
            f"{left} of {sitting.count} questions {'is' if left == 1 else 'are'} unanswered: "
            f"{'it counts' if left == 1 else 'they count'} as wrong."
            if left
            else "Every question is answered."
        ]
        flagged = len(sitting.flagged)
        if flagged:
            lines.append(f"{flagged} {_questions(flagged)} flagged to come back to.")
        return "\n".join(lines)

    def submit(self) -> None:
        """Hand in the exam: at once when all is answered and nothing flagged, else ask first."""
        if not self.sitting.unanswered and not self.sitting.flagged:
            self.finish(Ending.SUBMITTED)
            return

        def decided(yes: bool | None) -> None:
            if yes:
                self.finish(Ending.SUBMITTED)
            else:
                self.show_question()

        self.app.push_screen(
            ConfirmDialog(f"Submit the {self.noun}?", self._unanswered_text(), yes="y: submit now"),
            decided,
        )

    def action_end(self, kind: str) -> None:
        """Escape: end now (after a confirmation saying what is unanswered)."""
        self._keep_typed(quiet=True)

        def decided(end: bool | None) -> None:
            if end and self.sitting.answered == 0:
                self._abandon()
            elif end:
                self.finish(Ending.EARLY if self.sitting.unanswered else Ending.SUBMITTED)

        self.app.push_screen(
            ConfirmDialog(
                f"End the {self.noun} now?",
                self._unanswered_text()
                + (" With no answer, nothing is saved." if self.sitting.answered == 0 else ""),
                yes="y: end now",
            ),
            decided,
        )

    def _predict(self) -> dict[str, float]:
        """The memory model's forecast for each question, now; empty if it cannot be made
        (the sitting goes on without one: the forecast is a bonus, never in the way)."""
        from studyapp.core.examday.report import predict_sitting

        workspace = self.workspace
        try:
            return predict_sitting(
                self.questions,
                workspace.cards,
                workspace.store.states,
                workspace.config.study,
                now=self.clock(),
                close_credit=self.spec.close_credit,
            )
        except (ValueError, LookupError, TypeError, AttributeError):
            return {}

    # ----------------------------------------------------------------- the end

    def _abandon(self) -> None:
        """Ended before a single answer: no attempt to score, so nothing is saved (a result
        of 0% in the results list and the gradebook would say the learner tried and knew
        nothing). Time running out still scores, however little was answered."""
        if self.finished:
            return
        self.finished = True
        if self._ticker is not None:
            self._ticker.stop()
        self.notify(f"The {self.noun} ended before any answer: nothing saved.", markup=False)
        self.app.pop_screen()

    def quit_question(self) -> tuple[str, str, str] | None:
        """What to ask before the app quits in the middle of this sitting (ctrl+q): it
        ends like Escape's "end now", its answers scored and saved (see StudyApp)."""
        if self.finished:
            return None
        self._keep_typed(quiet=True)
        if self.sitting.answered == 0:
            return None  # nothing to keep, nothing lost
        return (
            f"Quit in the middle of the {self.noun}?",
            f"It ends here: your {self.sitting.answered} answer"
            f"{'s are' if self.sitting.answered != 1 else ' is'} scored and "
            + ("saved. " if self.save and not self.workspace.read_only else "shown nowhere. ")
            + self._unanswered_text(),
            "y: end it and quit",
        )

    def quit_confirmed(self) -> None:
        """The app is quitting: score and save what was answered (no results screen)."""
        if self.finished:
            return
        self._score_and_save(Ending.EARLY if self.sitting.unanswered else Ending.SUBMITTED)

    def _score_and_save(self, ending: Ending) -> tuple[QuizResult, Path | None, str | None]:
        """End the sitting: its result, where it was saved (None: not saved), and why it
        was not, when it was meant to be (for the results screen to say)."""
        self.finished = True
        if self._ticker is not None:
            self._ticker.stop()
        now = self.clock()
        result = score_sitting(
            self.sitting,
            self.questions,
            now,
            title=self.spec.title,
            pass_mark=self.spec.pass_mark,
            exam_id=self.spec.id,
            close_credit=self.spec.close_credit,
            limit_seconds=self.spec.time_limit_seconds,
            predicted=self.predicted,
            ending=ending,
        )
        if not self.save:
            return result, None, None  # a re-drill: practice, never saved
        why = not_saved_why(self.workspace)
        if why is not None:  # a read-only window
            return result, None, why
        try:
            saved = save_result(self.workspace.store.folder, result, now, seed=self.spec.seed)
        except OSError as error:
            self.notify(f"Result not saved: {error}", severity="error", markup=False)
            return result, None, f"{why_not_written(error)}."
        return result, saved, None

    def finish(self, ending: Ending = Ending.SUBMITTED) -> None:
        if self.finished:
            return
        result, saved, not_saved = self._score_and_save(ending)
        results = ResultsScreen(
            self.workspace,
            result,
            self.questions,
            self.rng,
            redrill=self.practice,
            saved_to=saved,
            not_saved=not_saved,
            ending=ending,
            time_limit_seconds=self.spec.time_limit_seconds,
        )
        while self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()  # a review or confirmation open when time ran out
        self.app.switch_screen(results)

    def practice(self, spec: ExamSpec, questions: list[Question]) -> QuizScreen:
        """A practice run of these questions, with this quiz's workspace, clock and randomness:
        nothing is saved (the results screen's re-drill)."""
        return QuizScreen(self.workspace, spec, questions, self.rng, save=False, clock=self.clock)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        question = self.question
        if action == "end":
            return parameters == (self.noun,)
        if action in ("move", "flag", "review"):
            if not self.navigable:
                return False
            if action == "move" and parameters == (-1,) and self.sitting.position == 0:
                return None  # shown, dimmed: there is no question before the first
            return True
        if action == "truth":
            return not self.feedback_shown and question.format is QuestionFormat.TRUE_FALSE
        if action == "pick":
            return not self.feedback_shown and question.format is QuestionFormat.CHOICE
        if action == "next":
            if self.navigable:
                return False  # Enter in the answer field keeps the answer; PgDn moves on
            return self.feedback_shown or question.format in TYPED_FORMATS
        return True


def _questions(count: int) -> str:
    return "question is" if count == 1 else "questions are"
