"""Study: one card at a time, typed or self-graded, with interval previews and undo.

The screen is a thin view over :class:`studyapp.core.study.session.Session`; every
answer is durable in the progress journal before the next card is drawn.

Phases of a card:

* ``question``: the prompt; type an answer (Enter checks it, empty Enter just
  shows the answer), press a number for a multiple-choice option, or space to
  reveal;
* ``judged``: the checker's verdict, a diff of what was typed and a suggested
  grade (Enter takes it, 1-4 overrides it);
* ``revealed``: the answer, to grade yourself with 1-4.

A checked (judged or revealed) card is not saved until it is graded, but its answer
was seen: ``u`` there undoes the last graded card, as Anki's undo undoes the last
review (or says there is nothing to undo), and never asks the checked card afresh:
when it comes again this session it comes checked, as it was (a wrong pick undone
and picked again was a free second try). ``b`` and ``!`` put the card away ungraded,
as Anki does, and say so.

Where the answer field is parked (a choice or flip card, a checked card), bare letters
are commands: letters the learner types as an answer anyway are taken as typing, not
commands, and the card says how to answer (:mod:`.study_typing`).

Going from one card to the next is the path a learner waits on most, so the
screen keeps it cheap for Textual: the widget tree never changes, widgets only
get new content or are shown and hidden; keyboard focus stays on the answer
field, which is parked rather than hidden when not typing (a focus change
restyles the card with everything in it and repaints the whole screen); the
grade bar is hidden with ``visibility`` so the card keeps its size.
``benchmarks/grade_to_next.py`` measures it.

On a short terminal the card may not fit: it is laid out without blank rows (under 26
rows), and scrolled so the prompt shows from its top, then what the phase needs wins
(the answer field; the verdict and the answer) over the explanation and source, with
"↓ more: PgDn" on its border.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, ProgressBar, Static

from studyapp.core.decks.cards import Card
from studyapp.core.quiz.answers.judge import check_card
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.order import parse_order_numbers
from studyapp.core.quiz.answers.verdict import Outcome, Verdict
from studyapp.core.store.errors import NotSavedError, ProgressError
from studyapp.core.store.state import Rating
from studyapp.core.study.queue import more_new_today
from studyapp.core.study.session import Session
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.messages import read_only_message
from studyapp.tui.screens.study_grades import GRADES, GradeBar
from studyapp.tui.screens.study_status import (
    KIND_LABEL,
    Mode,
    cloze_label,
    input_mode,
    progress_width,
    self_graded_note,
    short,
    status_line,
    typing_hint,
)
from studyapp.tui.screens.study_typing import TypingGuard
from studyapp.tui.screens.study_verdict import (
    OrderAnswer,
    choice_head,
    choice_verdict,
    options_list,
    verdict_head,
)
from studyapp.tui.text import literal
from studyapp.tui.widgets.answer_input import AnswerInput
from studyapp.tui.widgets.card_scroll import SHORT_BELOW, CardScroll, window_top
from studyapp.tui.widgets.diff import answer_diff
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from studyapp.core.examday.upcoming import PlannedToday

Phase = Literal["question", "judged", "revealed", "done"]


WARM_FROM = 2_000
"""Entries from which a deck's answer index is warmed in a worker thread when its first
card is shown (a smaller deck gathers in milliseconds at its first check)."""


class Attempt(NamedTuple):
    """A checked card's answer, to show it again as it was."""

    given: str | list[str] | None
    """What was checked (None: the answer was only revealed)."""
    shown: str
    """How it was typed."""
    options: list[str]
    """The options in the order they were shown (the numbers typed refer to it)."""


BRIEF = 3.0
"""Seconds a confirmation of a key the learner just pressed stays (undo, bury, suspend):
it sits over the card's first rows, and the next card is already there to be read (the
default is 5 s)."""
PRECISE = "Please be precise"
"""The title of the note on an answer that reads two ways; it goes with that answer."""


class StudyScreen(Screen[None]):
    """A study session over some decks (or all of them)."""

    CSS_PATH = "study.tcss"
    """Read when first shown (see app.tcss)."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_BELOW, "-tall")]
    """Under 26 rows the card drops its blank rows and margins (study.tcss): at 60x20
    they left 8 rows for the card, less than a long prompt and the answer field."""

    BINDINGS = [
        Binding("space", "reveal", "Show answer", id="study.reveal"),
        Binding(
            "enter",
            "accept",
            "Accept grade",
            id="study.accept",
            tooltip="Check the typed answer, then take the suggested grade",
        ),
        # Enter where there is nothing to accept yet (a choice card before a pick: a hint;
        # a flip card: the answer), kept out of the key bar, which offers "Accept grade"
        # only where Enter does accept.
        Binding("enter", "enter_question", show=False, id="study.enter_question"),
        # Priority: a grade runs as the key arrives, without the key's trip through the
        # focused widget and its ancestors first. While an answer is typed the field
        # consumes digits, which takes these bindings out of the chain (check_consume_key).
        Binding("1", "press(1)", "Again", id="study.grade1", show=False, priority=True),
        Binding("2", "press(2)", "Hard", id="study.grade2", show=False, priority=True),
        Binding("3", "press(3)", "Good", id="study.grade3", show=False, priority=True),
        Binding("4", "press(4)", "Easy", id="study.grade4", show=False, priority=True),
        # One label for both keys: while an answer is typed u is a letter and only ctrl+z
        # undoes, so the key bar showed "^z Undo" there and "u Undo" after. ctrl+z works
        # in every phase: it is the key shown (a remapped key shows as itself).
        Binding(
            "u,ctrl+z",
            "undo",
            "Undo",
            id="study.undo",
            key_display="^z",
            tooltip="Undo: ctrl+z, or u when not typing an answer",
        ),
        Binding("s", "toggle_source", "Source", id="study.source"),
        Binding("b", "bury", "Bury", id="study.bury", tooltip="Hide this card until tomorrow"),
        Binding("exclamation_mark", "suspend", "Suspend", id="study.suspend", key_display="!"),
        Binding("n", "more_new", "More new", id="study.more_new", show=False),
        Binding("escape", "leave", "Home", id="study.leave"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        deck_ids: list[str] | None,
        title: str,
        *,
        rng: random.Random,
        extra_new: int = 0,
        planned: PlannedToday | None = None,
    ) -> None:
        super().__init__()
        self.planned = planned
        """Today's cards from the exams' plans (they join the queue), and what to say."""
        self.workspace = workspace
        self.rng = rng
        self.deck_ids = deck_ids
        self.study_title = title
        self.extra_new = extra_new
        self.phase: Phase = "question"
        self.mode: Mode = "typed"
        self.card: Card | None = None
        self.verdict: Verdict | None = None
        self.options: list[str] = []
        self._answer_at: dict[str, int] = {}
        """Where each choice card's answer was last shown: never the same place twice."""
        self.shown_at = time.monotonic()
        self.answered = 0
        self.source_open = False
        self._source_asked = False
        """The learner opened the source (``s``): it is what they want to read now."""
        self._indexes: dict[str, AnswerKeyIndex] = {}
        self._notes_shown: set[str] = set()
        """Why-self-graded notes already shown this session (each is shown once)."""
        self._poll: Timer | None = None
        self._recount: Timer | None = None
        self._recount_at: datetime | None = None
        """Counts the cards left again when a learning card comes within the window."""
        self.typing = TypingGuard()
        """Letters typed where there is no answer field: swallowed, not run as commands."""
        self._typing_timer: Timer | None = None
        self._checked: dict[str, Attempt] = {}
        """Cards checked (judged or revealed) and not graded since, by id: their answer was
        seen, so they come back checked, never asked afresh (see :meth:`action_undo`)."""
        self._unsaved: tuple[str, Rating] | None = None
        """A grade the store could not save (a full disk), by card: given again by
        :meth:`settle` on leaving, if that card is still the one shown."""
        self.session = self._new_session()

    def _decks(self) -> list[str]:
        """The decks this session studies."""
        if self.deck_ids is not None:
            return list(self.deck_ids)
        return [loaded.deck_id for loaded in self.workspace.decks.decks]

    def _new_session(self) -> Session:
        ws = self.workspace
        settings = ws.config.study
        if self.extra_new:  # this session's only (the weakest cards of an exam, say)
            recent = ws.store.recent_reviews()
            settings = more_new_today(settings, recent, ws.clock(), self._decks(), self.extra_new)
        return Session(
            ws.store,
            ws.cards,
            settings,
            clock=ws.clock,
            rng=random.Random(self.rng.random()),
            decks=self.deck_ids,
            planned=self.planned.card_ids if self.planned is not None else (),
        )

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        # The tree never changes while studying: each card only updates these
        # widgets' content and shows or hides some of them.
        self._counts = Static(id="study-counts", markup=False)
        self._progress = ProgressBar(id="study-progress", show_eta=False, show_percentage=False)
        self._kind = Static(id="card-kind", markup=False)
        self._prompt = Static(id="card-prompt", markup=False)
        self._options = Static(id="card-options", markup=False)
        self._hint = Static(id="card-hint", markup=False)
        self._hint.display = False
        self._field = AnswerInput(
            id="card-input",
            placeholder="Type your answer · Enter checks · empty Enter shows the answer",
        )
        self._verdict = Static(id="card-verdict", markup=False)
        self._answer = Static(id="card-answer", markup=False)
        self._explanation = Static(id="card-explanation", markup=False)
        self._source = Static(id="card-source", markup=False)
        self._done = Static(id="study-done", markup=False)
        self._grades = GradeBar(id="grades")
        yield TitleBar()
        with Horizontal(id="study-top"):
            yield self._counts
            yield self._progress
        self._card = CardScroll(id="study-card", placer=self._scroll_card)
        with self._card:
            yield self._kind
            yield self._prompt
            yield self._options
            yield self._field
            yield self._hint
            yield self._verdict
            yield self._answer
            yield self._explanation
            yield self._source
            yield self._done
        yield self._grades
        # Two rows when one is too few (60 columns left Source, Bury and Suspend out):
        # every key the card offers stays in view.
        yield KeyBar(rows=2)

    def on_mount(self) -> None:
        self.sub_title = self.study_title
        if self.workspace.read_only:
            self._show_read_only()
            return
        self.show_current()
        note = self._plan_note()
        if note:  # said once at the start too: at 80 columns the counts line has no room
            self.notify(f"Today's cards include {note}.", title="Exam plan", markup=False)

    def _plan_note(self) -> str:
        """ "12 cards for the exam on 20 Dec": the planned cards this session's queue took
        (not the plan's count: a card already answered today is not asked again)."""
        if self.planned is None or not self.session.planned:
            return ""
        return self.planned.note(self.session.planned)

    def _show_read_only(self) -> None:
        """Home opens no study screen on read-only progress; should one be opened some
        other way, it shows why instead of a card, and no key of it saves anything."""
        self.card = None
        self._hide_card()
        ws = self.workspace
        said = read_only_message(ws.read_only_reason, elsewhere=ws.read_only_elsewhere)
        self._done.update(literal(f"{said}\n\nescape: back to the decks"))
        self._done.display = True
        self.notify(said, title="Read-only", severity="warning", markup=False)
        self._keep_focus()
        self.refresh_bindings()

    def _keep_focus(self) -> None:
        """Keyboard focus stays on the answer field in every phase (parked when not typing).

        Focus moves only when the learner moved it (Tab, a click): see AnswerInput.
        """
        if not self._field.has_focus:
            self._field.focus()

    # ----------------------------------------------------------------- state

    def index_for(self, card: Card) -> AnswerKeyIndex | None:
        index = self._indexes.get(card.deck_id)
        if index is None:
            deck = self.workspace.deck(card.deck_id)
            if deck is None:
                return None
            index = self._indexes[card.deck_id] = AnswerKeyIndex(deck)
            if len(deck.entries) >= WARM_FROM:
                # a big deck's first check gathers its words and values (2 s at 50,000
                # entries): gathered meanwhile, while the learner reads the first card
                self.run_worker(index.warm, thread=True, group="warm", exit_on_error=False)
        return index

    def show_current(self) -> None:
        """Draw whatever the session says comes next (a card, or the end)."""
        if self._poll is not None:
            self._poll.stop()
            self._poll = None
        self._end_typing()
        self._drop_precise()
        card = self.session.current()
        self.card = card
        self.verdict = None
        self.source_open = False
        self._source_asked = False
        self._update_counts()
        if card is None:
            self._show_done()
            return
        self.phase = "question"
        index = self.index_for(card)
        self.mode = input_mode(card, index.deck.check if index is not None else None)
        self.shown_at = time.monotonic()
        self._done.display = False
        self._kind.display = True
        self._kind.update(
            literal(KIND_LABEL.get((card.kind, card.variant), cloze_label(card.variant)))
        )
        self._prompt.display = True
        self._prompt.update(literal(card.prompt))
        options = self._options
        if self.mode in ("choice", "order"):
            rng = random.Random(f"{card.id}:{self.answered}")
            self.options = card.shuffled_options(rng, not_at=self._answer_at.get(card.id))
            if card.answer in self.options:
                self._answer_at[card.id] = self.options.index(card.answer)
            options.update(options_list(self.options))
            options.display = True
        else:
            self.options = []
            options.display = False
        field = self._field
        field.value = ""
        if self.mode in ("typed", "order"):
            field.unpark()
        else:
            field.park()
        for widget in (self._verdict, self._answer, self._explanation, self._source):
            widget.display = False
        self._show_note(self_graded_note(card, index, self._notes_shown))
        self._grades.display = True  # after the end of a session
        self._grades.hide()
        if card.id in self._checked:
            self._check_again(self._checked[card.id])
            return
        self._keep_focus()
        self._place_card()
        self.refresh_bindings()

    def _check_again(self, attempt: Attempt) -> None:
        """Show a card checked before (then an undo went back a card) as it was checked:
        its answer was seen, so it is graded now, not asked again."""
        if attempt.options:
            self.options = attempt.options
            self._options.update(options_list(self.options))
        if attempt.given is None:
            self.action_reveal()
        else:
            self._judge(attempt.given, attempt.shown)
        self.notify("Checked before the undo: grade it (1-4).", markup=False, timeout=BRIEF)

    def _show_note(self, note: str | None) -> None:
        """Say once a session why a card is self-graded ("Long answer: ..."), where the
        verdict of a typed answer goes (a flip card has none)."""
        if note is None:
            return
        self._notes_shown.add(note)
        verdict = self._verdict
        verdict.update(literal(note))
        verdict.remove_class("-correct", "-close", "-wrong")
        verdict.display = True

    def _update_counts(self) -> None:
        # Counted again when the next learning card comes within the learn-ahead
        # window, as the home screen does: one number on both, whenever looked at.
        counts, until = self.session.counts_until()
        wait = (until - self.workspace.clock()).total_seconds()
        if until != self._recount_at:  # (most cards leave it as it was: no new timer)
            if self._recount is not None:
                self._recount.stop()
            self._recount = self.set_timer(max(1.0, wait), self._recount_now)
            self._recount_at = until
        remaining = counts.total
        self._counts.update(
            literal(
                status_line(
                    counts.new,
                    counts.learning,
                    counts.review,
                    self.session.answered_before + self.answered,
                    self._counts_width(),
                    plan=self._plan_note(),
                )
            ),
            layout=False,  # one row of fixed size (#study-top): no layout for the counts
        )
        self._progress.update(total=max(1, self.answered + remaining), progress=self.answered)

    def _hide_card(self) -> None:
        """The end (or a read-only window): no card, no grades; the text takes the room."""
        self.phase = "done"
        card = (self._kind, self._prompt, self._options, self._verdict, self._answer)
        for widget in (*card, self._explanation, self._source):
            widget.display = False
        self._field.park()
        self._grades.display = False

    def _counts_width(self) -> int:
        """Cells the status line has: the row less the progress bar (before the first
        layout, from the screen's width)."""
        if self._counts.size.width:
            return self._counts.size.width
        return max(0, self.app.size.width - 4 - progress_width(self.app.size.width))

    def on_resize(self) -> None:
        self._progress.styles.width = progress_width(self.app.size.width)
        if self.card is not None:
            self.call_after_refresh(self._update_counts)

    # ------------------------------------------------------------- the window

    def _place_card(self) -> None:
        """Scroll the card, once laid out, so that what this phase needs is in view."""
        self.call_after_refresh(self._scroll_card)

    def _scroll_card(self) -> None:
        """The prompt from its top when the card fits; else what must be seen wins.

        Asking: the prompt and the answer field (a choice's options, a self-graded
        card's note). Checked: the result from its first line, the verdict (a choice's
        options), then the answer, before the explanation and the source, which stay
        below the fold ("↓ more" on the border). A card left scrolled by the last one,
        or by typing, hid the prompt's first words at 60x20.
        """
        card = self._card
        if not card.is_attached:
            return  # the screen was left before it was laid out again
        height = card.scrollable_content_region.height
        first, last = self._must_see()
        y = 0
        if last is not None:
            top = first.virtual_region.y if first is not None else 0
            # the result opens at its first line; a source opened (s) is scrolled into view
            result = self.phase in ("judged", "revealed") and first is not self._source
            y = window_top(height, top, last.virtual_region.bottom, opens_at_top=result)
        card.scroll_to(y=y, animate=False, immediate=True)
        card.update_hint()

    def _must_see(self) -> tuple[Static | AnswerInput | None, Static | AnswerInput | None]:
        """The first and the last widget the learner must see in this phase (the
        first wins when both cannot fit), or ``None`` for the top of the card."""
        shown = [
            w
            for w in (self._options, self._hint, self._verdict, self._answer)
            if w.display and w.virtual_region
        ]
        if self.phase == "question":
            if not self._field.parked:
                return self._field, self._field
            return (shown[0], shown[-1]) if shown else (self._prompt, self._prompt)
        if self.phase in ("judged", "revealed"):
            if self._source_asked and self._source.display:
                return self._source, self._source
            checked = [w for w in shown if w is not self._options] or shown
            if self.mode == "choice" and self._options in shown:
                checked = [self._options, *checked]  # the list marks the answer
            if checked:
                return checked[0], checked[-1]
        return None, None

    def _recount_now(self) -> None:
        self._recount_at = None
        self._update_counts()

    def _show_done(self) -> None:
        self._hide_card()
        summary = self.session.summary()
        lines: list[str] = []
        if summary.answered:
            by = summary.by_rating
            lines.append(
                f"Session done: {summary.answered} card{'s' if summary.answered != 1 else ''} "
                f"in {fmt.duration(summary.ended - summary.started)}"
            )
            lines.append(
                "  ".join(f"{name} {by.get(rating, 0)}" for rating, name in GRADES)
                + f"    accuracy {fmt.percent(summary.accuracy)}"
            )
        else:
            lines.append("Nothing is due right now.")
        next_due = self.session.next_due()
        if next_due is not None:
            lines.append(
                f"Next learning card due at {fmt.clock_time(next_due)}; it will appear here."
            )
            wait = (next_due - self.workspace.clock()).total_seconds()
            self._poll = self.set_timer(max(1.0, wait), self.show_current)
        else:
            lines.append("Come back tomorrow for the next reviews.")
        lines.append("")
        lines.append("n: learn 10 more new cards today    escape: back to the decks")
        done = self._done
        done.update(literal("\n".join(lines)))
        done.display = True
        self._keep_focus()
        self._place_card()
        self.refresh_bindings()

    # --------------------------------------------------------------- answering

    def on_input_submitted(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    def _submit(self, value: str) -> None:
        """Check a typed answer (or an order); an empty answer just reveals."""
        if self.phase != "question" or self.card is None:
            return
        text = value.strip()
        if not text:
            self.action_reveal()
            return
        if self.mode == "order":
            picked = self._parse_order(text)
            if picked is None:
                self.notify(
                    f"Type the numbers 1 to {len(self.options)} in order, e.g. "
                    + " ".join(str(i) for i in range(len(self.options), 0, -1)),
                    severity="warning",
                    markup=False,
                )
                return
            self._judge(picked, " ".join(text.replace(",", " ").split()))
            return
        self._judge(text, text)

    def _parse_order(self, text: str) -> list[str] | None:
        indices = parse_order_numbers(text, len(self.options))
        return None if indices is None else [self.options[i] for i in indices]

    def _judge(self, given: str | list[str], shown: str) -> None:
        assert self.card is not None
        verdict = check_card(self.card, given, self.index_for(self.card))
        self._drop_precise()
        if verdict.ambiguous:
            self.notify(verdict.note, title=PRECISE, severity="warning", markup=False)
            return
        answer_line = True
        if self.mode == "choice" and isinstance(given, str):
            # The answer is said in the verdict and marked in the list: no third time.
            verdict = choice_verdict(verdict, given, self.card.answer)
            body: Content = literal(choice_head(verdict))
            self._options.update(
                options_list(
                    self.options,
                    answer=self.card.answer,
                    picked=given,
                    picked_right=verdict.outcome is Outcome.CORRECT,
                )
            )
            answer_line = False
        else:
            body = literal(verdict_head(verdict))
        if self.mode == "typed" and verdict.outcome is not Outcome.CORRECT:
            body = Content("\n").join([body, answer_diff(shown, verdict.expected)])
            # the diff's "answer:" line says it (unless the answer checked against was
            # another accepted form: then the card's own answer is shown too)
            answer_line = verdict.expected.casefold() != self.card.answer.casefold()
        self.verdict = verdict
        self.phase = "judged"
        self._checked[self.card.id] = Attempt(given, shown, self.options)
        verdict_widget = self._verdict
        verdict_widget.update(body)
        verdict_widget.display = True
        verdict_widget.set_class(verdict.outcome is Outcome.CORRECT, "-correct")
        verdict_widget.set_class(verdict.outcome is Outcome.CLOSE, "-close")
        verdict_widget.set_class(verdict.outcome is Outcome.WRONG, "-wrong")
        self._show_answer(open_source=verdict.outcome is Outcome.WRONG, answer_line=answer_line)

    def _drop_precise(self) -> None:
        """Take down "Please be precise": it was about the answer before. Left up, it sat
        over the next answer's verdict (correct) and over the next card."""
        for notification in list(self.app._notifications):
            if notification.title == PRECISE:
                self.app._unnotify(notification)  # (what a toast does when clicked away)

    def action_reveal(self) -> None:
        if self.phase != "question" or self.card is None:
            return
        self._drop_precise()
        self.phase = "revealed"
        self._checked.setdefault(self.card.id, Attempt(None, "", self.options))
        self._show_answer(open_source=False)

    def _show_answer(self, *, open_source: bool, answer_line: bool = True) -> None:
        card = self.card
        assert card is not None
        self._end_typing()
        self._field.park()  # the verdict repeats what was typed
        answer = self._answer
        if self.mode == "order":
            # the shown numbers first ("2 3 1"); wrapped items keep their indent
            answer.update(OrderAnswer(card.options, shown=self.options))
        else:
            answer.update(literal(f"Answer: {card.answer}"))
        if self.mode == "choice" and answer_line:
            # revealed without a pick: the answer marked in the list, said once below
            self._options.update(options_list(self.options, answer=card.answer))
        answer.display = answer_line
        explanation = self._explanation
        if card.explanation:
            explanation.update(literal(card.explanation))
            explanation.display = True
        self.source_open = open_source
        self._show_source()
        suggested = Rating(self.verdict.grade) if self.verdict is not None else None
        self._grades.show(self.session.preview(), suggested)
        self._keep_focus()
        self._place_card()
        self.refresh_bindings()

    def _show_source(self) -> None:
        source = self._source
        card = self.card
        if card is not None and self.source_open and card.source:
            source.update(literal(f"Source: {card.source}"))
            source.display = True
        else:
            source.display = False

    def action_press(self, number: int) -> None:
        self._end_typing(hide=False)  # a digit ends a spell (a priority key: no on_key)
        if self.phase in ("judged", "revealed"):
            self.grade(Rating(number))
        elif self.phase == "question" and self.mode == "choice":
            self._choose(number)

    def on_key(self, event: events.Key) -> None:
        """Letters typed where there is no answer field are not commands; keys 5-9 and
        0 pick options 5-10 of a long multiple choice."""
        key = event.key
        if self._guard_typing(event):
            return
        if self.phase == "question" and self.mode == "choice" and key in tuple("567890"):
            event.stop()
            self._choose(10 if key == "0" else int(key))

    def _guard_typing(self, event: events.Key) -> bool:
        """Swallow ``event`` if it is typing on a card without an answer field (see
        study_typing); ``True`` when it was swallowed."""
        if not self._field.parked or self.phase == "done" or self.card is None:
            return False
        command = False
        if event.is_printable:  # only these start a spell (not Enter on the way to a grade)
            bound = self.app.active_bindings.get(event.key)
            command = bound is not None and bound.enabled
        decision = self.typing.key(
            event.key, event.character, command=command, now=self.workspace.clock()
        )
        if decision == "run":
            return False
        if decision == "end":
            self._end_typing(hide=False)  # the hint stays: it is still true, and read
            return False
        event.stop()
        event.prevent_default()
        if decision == "dismiss":
            self._end_typing()
            return True
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = self.set_timer(
            self.typing.quiet.total_seconds(), lambda: self._end_typing(hide=False)
        )
        if decision == "start":
            self._show_hint()
        return True

    def _show_hint(self) -> None:
        """Say how this card is answered, where the learner's eyes are (under the
        options or the question)."""
        hint = self._hint
        hint.update(literal(typing_hint(self.phase, self.mode, len(self.options))))
        if not hint.display:
            hint.display = True
            self._place_card()

    def _hide_hint(self) -> None:
        if self._hint.display:
            self._hint.display = False

    def _end_typing(self, *, hide: bool = True) -> None:
        """End a typing spell: a new card or phase, a pick, a grade, or a pause. The
        hint goes with the card (or Escape); after a pause it stays to be read."""
        self.typing.end()
        if self._typing_timer is not None:
            self._typing_timer.stop()
            self._typing_timer = None
        if hide:
            self._hide_hint()

    def _choose(self, number: int) -> None:
        if not 1 <= number <= len(self.options):
            return
        choice = self.options[number - 1]
        self._judge(choice, choice)

    def action_accept(self) -> None:
        if self.phase == "judged" and self.verdict is not None:
            self.grade(Rating(self.verdict.grade))
        elif self.phase == "question" and self.mode in ("typed", "order"):
            self._submit(self._field.value)  # focus was elsewhere
        elif self.phase == "question" and self.mode == "choice":
            # Choose first, then grade: Enter would show the answer, and 1-4 would then
            # grade instead of picking (a learner meant to pick). Not knowing is explicit.
            self.notify(
                f"Pick an option first: press 1-{len(self.options)}. "
                "(Don't know? space shows the answer.)",
                markup=False,
            )
        elif self.phase == "question":
            self.action_reveal()

    def action_enter_question(self) -> None:
        self.action_accept()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("grade-"):
            event.stop()
            self.grade(Rating(int(event.button.id.removeprefix("grade-"))))

    def grade(self, rating: Rating) -> None:
        if self.phase not in ("judged", "revealed") or self.card is None:
            return
        took = timedelta(seconds=time.monotonic() - self.shown_at)
        try:
            outcome = self.session.answer(rating, took)
        except ProgressError as error:
            message = f"Not saved: {error}"
            if isinstance(error, NotSavedError):  # nothing on disk; try again later
                self._unsaved = (self.card.id, rating)
                message += ". Your answer is kept: grade it again once there is room"
            self.notify(message, severity="error", markup=False)
            return
        self._unsaved = None
        self.answered += 1
        self._checked.pop(outcome.card.id, None)
        if outcome.became_leech:
            self.notify(
                "This card is a leech: you keep forgetting it. Consider rewording it.",
                severity="warning",
                markup=False,
            )
        self.show_current()

    # ------------------------------------------------------------ other keys

    def action_undo(self) -> None:
        """Undo the last graded answer (or bury, suspend), as Anki's undo does.

        On a checked card too: withdrawing the attempt and asking the card again gave a
        free second try (a wrong pick seen, undone, then the right one picked). The
        checked card stays checked, and comes back so when the queue brings it again.
        """
        if not self.session.can_undo:
            checked = self.phase in ("judged", "revealed")
            self.notify(
                "Nothing to undo: no card graded yet. Grade this one (1-4)."
                if checked
                else "Nothing to undo.",
                markup=False,
                timeout=BRIEF,
            )
            return
        answers = self.session.summary().answered
        try:
            card = self.session.undo()
        except ProgressError as error:
            self.notify(f"Not undone: {error}", severity="error", markup=False)
            return
        if self.session.summary().answered < answers:
            # an answer was undone; a bury or a suspend was never counted as done
            self.answered = max(0, self.answered - 1)
        self.show_current()
        if card is not None:
            self.notify(f"Undone: back to “{short(card.prompt)}”", markup=False, timeout=BRIEF)

    def action_toggle_source(self) -> None:
        """Open or close the source; offered only on an answered card that has one (see
        check_action: the sentence the card was made from holds its answer)."""
        if self.card is None or not self.card.source or self.phase not in ("judged", "revealed"):
            return
        self.source_open = not self.source_open
        self._source_asked = self.source_open
        self._show_source()
        self._place_card()

    def action_bury(self) -> None:
        self._put_away("bury")

    def action_suspend(self) -> None:
        self._put_away("suspend")

    def _put_away(self, how: Literal["bury", "suspend"]) -> None:
        """Bury or suspend the card, with its siblings for today (see Session.bury).

        On a checked card the attempt is not graded (Anki buries and suspends without
        an answer too): a learner who wanted to record it grades first. The message
        says so, so no answer is lost without knowing.
        """
        if self.card is None or self.phase == "done":
            return
        checked = self.phase in ("judged", "revealed")
        try:
            card = self.session.bury() if how == "bury" else self.session.suspend()
        except ProgressError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return
        done = "Buried until tomorrow" if how == "bury" else "Suspended"
        message = f"{done}: “{short(card.prompt)}”"
        if checked:
            message += ", not graded"
        self.notify(message + " (ctrl+z undoes)", markup=False, timeout=BRIEF)
        self.show_current()

    def action_more_new(self) -> None:
        """Ten more new cards today: for the rest of the study day, as Anki's "today only"
        limit (kept with the settings, so home counts them, and leaving study or
        restarting the app keeps them); the next day the limits are as set."""
        ws = self.workspace
        if self.phase != "done" or ws.read_only:
            return
        raised = more_new_today(
            ws.config.study, ws.store.recent_reviews(), ws.clock(), self._decks(), 10
        )
        try:
            ws.save_config(ws.config.with_study(raised))
        except OSError as error:
            ws.config = ws.config.with_study(raised)  # this run has them all the same
            self.notify(
                f"Ten more new cards until you quit (not saved: {error})",
                severity="warning",
                markup=False,
            )
        self.session = self._new_session()
        self.show_current()

    def settle(self) -> Rating | None:
        """Grade an answer checked but not graded yet as its verdict suggests (what Enter
        does), and say which grade it got: leaving the screen, or the app, must not lose
        an attempt the learner made and saw judged (nor let a wrong answer go unrecorded
        by quitting). An answer only revealed has no grade to give: nothing is saved,
        unless a grade was given that the disk could not take then (a full disk)."""
        unsaved = self._unsaved
        if unsaved is not None and self.card is not None and unsaved[0] == self.card.id:
            rating = unsaved[1]  # the grade given that the disk could not take then
        elif self.phase != "judged" or self.verdict is None or self.card is None:
            return None
        else:
            rating = Rating(self.verdict.grade)
        answered = self.answered
        self.grade(rating)
        return rating if self.answered > answered else None

    def action_leave(self) -> None:
        rating = self.settle()
        if rating is not None:
            self.notify(f"Your last answer was saved, graded {rating.name.title()}.", markup=False)
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that do something in the current phase."""
        if action == "reveal":
            return self.phase == "question"
        if action == "accept":
            return self.phase == "judged" or (
                self.phase == "question" and self.mode in ("typed", "order")
            )
        if action == "enter_question":
            return self.phase == "question" and self.mode not in ("typed", "order")
        if action == "toggle_source":
            # Offered once it can act: the source holds the answer, so it shows only once
            # the card is answered (and only on a card that has one).
            card = self.card
            return self.phase in ("judged", "revealed") and card is not None and bool(card.source)
        if action in ("bury", "suspend"):
            return self.phase != "done"
        if action == "more_new":
            return self.phase == "done" and not self.workspace.read_only
        if action == "undo":
            return self.session.can_undo or self.phase in ("judged", "revealed")
        return True
