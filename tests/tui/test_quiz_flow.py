"""Pilot tests: quizzes and exams from the setup screen to their results, re-drill and push.

Time is the workspace's ManualClock: the tests move it instead of sleeping.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, Select, Static

from studyapp.core.base.clock import ManualClock
from studyapp.core.quiz.questions import Question, QuestionFormat
from studyapp.core.quiz.results import list_results
from studyapp.core.store.state import CardState, Phase
from studyapp.core.workspace import load_exams
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from studyapp.tui.screens.quiz import QuizScreen, QuizSetupScreen
from studyapp.tui.screens.results import ResultsScreen
from studyapp.tui.widgets.quiz_card import order_hint
from studyapp.tui.widgets.quiz_review import ReviewDialog
from tests.tui.builders import make_workspace
from tests.tui.conftest import screen_text

EXAM = """\
id: small-exam
title: Small exam
questions: 4
formats: {choice: 1, true_false: 1, typed: 1}
pass_mark: 50
feedback: end
seed: 7
"""


def visible_text(app: StudyApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)


async def answer_everything_right(pilot: object, app: StudyApp) -> None:
    screen = app.screen
    assert isinstance(screen, QuizScreen)
    for _ in range(len(screen.questions)):
        question = screen.question
        if question.format is QuestionFormat.CHOICE:
            assert question.answer_index is not None
            await pilot.press(str(question.answer_index + 1))  # type: ignore[attr-defined]
        elif question.format is QuestionFormat.TRUE_FALSE:
            await pilot.press("t" if question.answer == "True" else "f")  # type: ignore[attr-defined]
        elif question.format is QuestionFormat.ORDERING:
            numbers = [str(question.options.index(e) + 1) for e in question.key.accept]
            await pilot.press(*" ".join(numbers), "enter")  # type: ignore[attr-defined]
        else:
            await pilot.press(*question.key.answer, "enter")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]


async def press_answer(pilot: Pilot[Any], question: Question, *, right: bool = True) -> None:
    """Answer one question by keys, right or (on purpose) wrong."""
    if question.format is QuestionFormat.CHOICE:
        assert question.answer_index is not None
        index = question.answer_index if right else (question.answer_index + 1) % 4
        await pilot.press(str(index + 1))
    elif question.format is QuestionFormat.TRUE_FALSE:
        await pilot.press("t" if (question.answer == "True") == right else "f")
    elif question.format is QuestionFormat.ORDERING:
        numbers = [str(question.options.index(e) + 1) for e in question.key.accept]
        await pilot.press(*" ".join(numbers if right else numbers[::-1]), "enter")
    else:
        await pilot.press(*(question.key.answer if right else "zzz"), "enter")
    await pilot.pause()


async def open_exam(pilot: Pilot[Any], app: StudyApp) -> QuizScreen:
    await pilot.press("q")
    await pilot.pause()
    assert isinstance(app.screen, QuizSetupScreen)
    await pilot.press("enter")  # the highlighted exam
    await pilot.pause()
    quiz = app.screen
    assert isinstance(quiz, QuizScreen)
    return quiz


def app_with_exam(tmp_path: Path, exam: str = EXAM) -> tuple[StudyApp, ManualClock]:
    workspace, clock = make_workspace(tmp_path)
    (tmp_path / "decks" / "small.exam.yaml").write_text(exam, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    return StudyApp(workspace, seed=0), clock


async def start_quick_quiz(
    pilot: Pilot[Any], app: StudyApp, count: int, minutes: str = "", mix: str = "mixed"
) -> QuizScreen:
    await pilot.press("q")
    await pilot.pause()
    setup = app.screen
    assert isinstance(setup, QuizSetupScreen)
    setup.query_one("#quiz-count", Input).value = str(count)
    setup.query_one("#quiz-minutes", Input).value = minutes
    setup.query_one("#quiz-mix", Select).value = mix
    setup.query_one("#quiz-count", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    quiz = app.screen
    assert isinstance(quiz, QuizScreen) and len(quiz.questions) == count
    return quiz


def key_label(screen: Screen[Any], key: str) -> str:
    return screen.active_bindings[key].binding.description


async def test_exam_to_results_then_redrill_and_push(tmp_path: Path) -> None:
    app, _ = app_with_exam(tmp_path)
    workspace = app.workspace
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        assert len(quiz.questions) == 4
        await press_answer(pilot, quiz.question, right=False)  # the first wrong on purpose
        for _ in range(3):
            await press_answer(pilot, quiz.question)
        # after the last question, the review lists every answer before submitting
        review = app.screen
        assert isinstance(review, ReviewDialog)
        assert "4 of 4 answered" in visible_text(app)
        await pilot.press("s")  # all answered, nothing flagged: no question asked
        await pilot.pause()

        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.result.score == 75.0 and results.result.passed
        text = visible_text(app)
        assert "PASSED: 75.0% (pass mark 50%)" in text
        assert "Missed (1)" in text and "right answer:" in text

        # the attempt is kept with the progress, and no card was scheduled by it
        stored, problems = list_results(workspace.store.folder)
        assert not problems and [s.result.score for s in stored] == [75.0]
        assert workspace.store.states == {}

        # push: only review cards move, and there are none yet: say so, and why
        await pilot.press("p")
        await pilot.pause()
        assert workspace.store.states == {}
        assert (
            "Nothing needed moving for your 1 missed item (1 card): 1 is new (not studied yet) "
            "and already in study" in visible_text(app)
        )

        # re-drill the missed question: immediate feedback, not saved
        await pilot.press("r")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, QuizScreen) and len(drill.questions) == 1
        assert drill.spec.feedback == "immediate" and not drill.save
        await answer_everything_right(pilot, app)
        assert "✓ Correct" in visible_text(app)
        assert "Correct · correct" not in visible_text(app)  # no jargon echoing the mark
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert len(list_results(workspace.store.folder)[0]) == 1


async def test_push_says_which_missed_cards_come_up_next(tmp_path: Path) -> None:
    app, clock = app_with_exam(tmp_path)
    workspace = app.workspace
    later = clock() + timedelta(days=12)
    for card in workspace.cards:  # every card studied, next due in 12 days
        state = CardState(card.id, phase=Phase.REVIEW, due=later, interval=12, stability=12.0)
        workspace.store.record_change(state, clock(), "test")
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        for question in list(quiz.questions):
            await press_answer(pilot, question, right=False)
        await pilot.press("s")  # from the review: all answered, so no question asked
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        missed = results.result.missed_entries()
        cards = [c for c in workspace.cards if (c.deck_id, c.entry_id) in missed]
        await pilot.press("p")
        await pilot.pause()
        assert all(workspace.store.get(c.id).due == clock() for c in cards)
        text = visible_text(app)
        assert f"{len(cards)} missed cards will come up in your next study session" in text
        assert "0 review card(s)" not in text


async def test_pushed_cards_studied_today_are_said_to_come_tomorrow_and_do(
    tmp_path: Path,
) -> None:
    """A walk-through studied cards, missed them in a quiz, pushed them and was told
    "due today", but study showed none: the queue holds an entry studied today back
    until tomorrow. The message now says which come when, as the queue will do."""
    import random

    from studyapp.core.store.state import Rating
    from studyapp.core.study.session import Session

    app, clock = app_with_exam(tmp_path)
    workspace = app.workspace
    for card in workspace.cards:  # every card due now
        state = CardState(card.id, phase=Phase.REVIEW, due=clock(), interval=12, stability=12.0)
        workspace.store.record_change(state, clock(), "test")
    session = Session(
        workspace.store,
        workspace.cards,
        workspace.config.study,
        clock=clock,
        rng=random.Random(0),
    )
    first = session.current()
    assert first is not None
    session.answer(Rating.GOOD, timedelta(seconds=4))  # studied today, due in days
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        for question in list(quiz.questions):
            await press_answer(pilot, question, right=False)
        await pilot.press("s")
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        missed = results.result.missed_entries()
        assert (first.deck_id, first.entry_id) in missed
        await pilot.press("p")
        await pilot.pause()
        text = " ".join(visible_text(app).split())
        assert "tomorrow" in text
        again = Session(
            workspace.store,
            workspace.cards,
            workspace.config.study,
            clock=clock,
            rng=random.Random(0),
        )
        shown: set[str] = set()
        while (card := again.current()) is not None and card.id not in shown:
            shown.add(card.id)
            again.answer(Rating.GOOD, timedelta(seconds=4))
        assert first.id not in shown  # held back today, as the message said


async def test_the_clock_counts_up_in_an_untimed_quiz(tmp_path: Path) -> None:
    workspace, clock = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 3)
        timer = quiz.query_one("#quiz-timer", Static)
        assert str(timer.render()) == "time 0s"
        assert quiz._ticker is not None  # redrawn every second, timed or not
        clock.advance(timedelta(seconds=65))
        quiz._tick()
        assert str(timer.render()) == "time 1m 05s"


async def test_the_clock_counts_up_in_a_redrill(tmp_path: Path) -> None:
    app, clock = app_with_exam(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        for question in list(quiz.questions):
            await press_answer(pilot, question, right=False)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, QuizScreen) and drill.spec.time_limit_minutes is None
        clock.advance(timedelta(seconds=42))
        drill._tick()
        assert str(drill.query_one("#quiz-timer", Static).render()) == "time 42s"


async def test_ending_a_quick_quiz_early_reports_the_time_taken(tmp_path: Path) -> None:
    workspace, clock = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 3)
        assert key_label(quiz, "escape") == "End quiz"
        clock.advance(timedelta(seconds=20))
        await press_answer(pilot, quiz.question)
        await pilot.press("enter")  # past the feedback
        clock.advance(timedelta(seconds=70))
        await pilot.press("escape")
        await pilot.pause()
        assert "2 of 3 questions are unanswered" in visible_text(app)
        await pilot.press("y")
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.result.seconds == 90.0
        text = visible_text(app)
        assert "1 of 3 answered · time 1m 30s (90s per answered question)" in text
        assert "2 questions left unanswered" in text
        # no pass mark on a quick quiz: the score, not a verdict
        assert f"Score: {results.result.score:.1f}%" in text
        assert "PASSED" not in text and "pass mark" not in text


async def test_a_timed_out_exam_reports_the_time_and_what_was_left(tmp_path: Path) -> None:
    app, clock = app_with_exam(tmp_path, EXAM + "time_limit_minutes: 1\n")
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        assert key_label(quiz, "escape") == "End exam"
        assert "time left 1m 00s" in str(quiz.query_one("#quiz-timer", Static).render())
        clock.advance(timedelta(seconds=3))
        await press_answer(pilot, quiz.question)
        clock.advance(timedelta(seconds=55))
        quiz._tick()
        assert str(quiz.query_one("#quiz-timer", Static).render()) == "time left 2s"
        clock.advance(timedelta(seconds=5))  # the tick comes a little after the limit
        quiz._tick()
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.result.seconds == 60.0
        text = visible_text(app)
        assert "1 of 4 answered · time 1m 00s" in text
        assert "Time ran out (1m 00s allowed): 3 questions were left unanswered." in text


async def test_what_is_typed_when_time_runs_out_counts(tmp_path: Path) -> None:
    workspace, clock = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 2, minutes="1", mix="typed")
        await pilot.press(*quiz.question.key.answer)  # typed, Enter not pressed yet
        clock.advance(timedelta(seconds=61))
        quiz._tick()
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.result.results[0].outcome.value == "correct"
        assert "1 of 2 answered" in visible_text(app)


async def test_an_exam_goes_back_flags_and_reviews_before_submitting(tmp_path: Path) -> None:
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        assert key_label(quiz, "pageup") == "Previous" and key_label(quiz, "pagedown") == "Next"
        first = quiz.question
        await press_answer(pilot, first, right=False)
        assert quiz.position == 1
        await pilot.press("ctrl+f")  # flag the second to come back to
        await pilot.pause()
        assert "⚑ flagged" in str(quiz.query_one("#quiz-progress", Static).render())
        await pilot.press("pagedown")  # skip it
        await pilot.pause()
        assert quiz.position == 2
        await pilot.press("pageup", "pageup")  # back to the first: its answer is there
        await pilot.pause()
        assert quiz.position == 0 and quiz.sitting.response is not None
        assert "Your answer:" in visible_text(app)
        await press_answer(pilot, first)  # change it to the right answer
        assert quiz.position == 1

        await pilot.press("ctrl+r")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewDialog)
        rows = [str(o.prompt) for o in review.query_one(OptionList).options]
        assert len(rows) == 4
        assert "answered" in rows[0] and "unanswered" not in rows[0]
        assert "⚑ unanswered" in rows[1] and "unanswered" in rows[2] and "unanswered" in rows[3]
        assert "1 of 4 answered · 3 unanswered · 1 flagged" in visible_text(app)

        # open the third question from the review
        review.query_one(OptionList).highlighted = 2
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is quiz and quiz.position == 2
        await press_answer(pilot, quiz.question)

        # submitting with questions unanswered asks first; "n" goes back to the exam
        await pilot.press("ctrl+r", "s")
        await pilot.pause()
        assert "2 of 4 questions are unanswered: they count as wrong." in visible_text(app)
        assert "1 question is flagged to come back to." in visible_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is quiz and not quiz.finished
        await pilot.press("ctrl+r", "s", "y")
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        given = [r.given is not None for r in results.result.results]
        assert given == [True, False, True, False]
        assert results.result.results[0].outcome.value == "correct"  # the changed answer


async def test_the_review_hides_the_question_beneath_it(tmp_path: Path) -> None:
    """QA: the question's card showed through the review, its bottom border one row
    under the box's: a double bottom edge. Only the box and its key bar are drawn."""
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_exam(pilot, app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewDialog)
        box = review.query_one("#review-box").region
        lines = screen_text(app).splitlines()[: app.size.height - 1]  # less the key bar
        for y, line in enumerate(lines):
            beside = line[: box.x] + line[box.right :] if box.y <= y < box.bottom else line
            assert not beside.strip(), (y, line)
        assert sum(line.strip().startswith("╰") for line in lines) == 1


async def test_a_timeout_during_the_review_still_ends_the_exam(tmp_path: Path) -> None:
    app, clock = app_with_exam(tmp_path, EXAM + "time_limit_minutes: 1\n")
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewDialog)
        clock.advance(timedelta(seconds=61))
        quiz._tick()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert not any(isinstance(s, ReviewDialog | QuizScreen) for s in app.screen_stack)


async def test_a_seeded_exam_is_the_same_paper_on_a_retake(tmp_path: Path) -> None:
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        sittings = []
        for _ in range(2):
            quiz = await open_exam(pilot, app)
            sittings.append([(q.id, q.options) for q in quiz.questions])
            await press_answer(pilot, quiz.question)
            await pilot.press("escape", "y")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("escape")
            await pilot.pause()
        assert sittings[0] == sittings[1]


async def test_an_exam_ended_before_any_answer_saves_nothing(tmp_path: Path) -> None:
    """An attempt of 0% in the results list and the gradebook would say the learner tried
    and knew nothing: ending before the first answer is leaving, said so before and after."""
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_exam(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert "With no answer, nothing is saved." in visible_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not any(isinstance(s, QuizScreen | ResultsScreen) for s in app.screen_stack)
        assert any(
            "ended before any answer: nothing saved" in n.message for n in app._notifications
        )
        stored, problems = list_results(app.workspace.store.folder)
        assert stored == [] and problems == []
        quiz = await open_exam(pilot, app)  # one answer, then ending: a result, as before
        await press_answer(pilot, quiz.question)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        stored, _problems = list_results(app.workspace.store.folder)
        assert len(stored) == 1


ORDER_DECK = """\
id: small
title: Order deck
entries:
  - id: three
    kind: order
    prompt: Put these in order
    events: [First, Second, Third]
"""


async def test_the_order_hint_matches_the_number_of_items(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path, ORDER_DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 1)
        assert quiz.question.format is QuestionFormat.ORDERING
        hint = str(quiz.query_one("#quiz-format", Static).render())
        assert hint == "Put in order: type the numbers 1 to 3, earliest first (e.g. 2 1 3)"
    assert order_hint(5).endswith("(e.g. 2 1 3 4 5)") and order_hint(2).endswith("(e.g. 2 1)")


async def test_deck_titles_in_the_quiz_setup_are_literal(tmp_path: Path) -> None:
    from textual.widgets import Select

    from tests.tui.builders import SMALL_DECK

    deck = SMALL_DECK.replace(
        "title: Small test deck", 'title: "[b]Bold?[/b] [@click=app.quit]x[/]"'
    )
    workspace, _ = make_workspace(tmp_path, deck)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        select = app.screen.query_one("#quiz-deck", Select)
        select.value = "small"
        await pilot.pause()
        shown = " ".join(str(w.render()) for w in select.query("SelectCurrent Static"))
        assert "[b]Bold?[/b] [@click=app.quit]x[/]" in shown


async def test_an_exam_asking_for_more_than_its_decks_hold_is_shorter_and_says_so(
    tmp_path: Path,
) -> None:
    """Never a repeated question: the sitting holds what the decks can give, and the
    learner is told why the exam is shorter than its spec."""
    app, _ = app_with_exam(tmp_path, EXAM.replace("questions: 4", "questions: 60"))
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        asked = [tuple(q.entry_ids) for q in quiz.questions]
        assert 0 < len(asked) < 60 and len(set(asked)) == len(asked)
        notes = [n.message for n in app._notifications]
        assert any("60 questions" in m and f"so it has {len(asked)}" in m for m in notes), notes


async def test_an_exam_on_studied_cards_is_forecast_and_the_results_say_how_it_went(
    tmp_path: Path,
) -> None:
    app, clock = app_with_exam(tmp_path)
    store = app.workspace.store
    now = clock()
    for card in app.workspace.cards:  # every card learned two days ago, well remembered
        store.restore_states(
            {
                card.id: CardState(
                    card.id,
                    phase=Phase.REVIEW,
                    due=now + timedelta(days=20),
                    last_review=now - timedelta(days=2),
                    stability=30.0,
                    difficulty=5.0,
                    interval=20,
                    reps=3,
                )
            }
        )
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        assert quiz.predicted and all(0.9 < p < 1 for p in quiz.predicted.values())
        await answer_everything_right(pilot, app)
        assert isinstance(app.screen, ReviewDialog)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = visible_text(app)
        assert "as you began: 9" in text and "you scored 100%, as forecast" in text
    (stored,), _ = list_results(store.folder)
    assert stored.result.predicted_score is not None and stored.result.predicted_score > 90


async def test_readiness_for_an_exam_then_a_date_and_a_plan(tmp_path: Path) -> None:
    from studyapp.tui.screens.readiness import AskDialog, ReadinessScreen
    from studyapp.tui.screens.study import StudyScreen

    app, clock = app_with_exam(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("r")  # the highlighted exam
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadinessScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = visible_text(app)
        assert "no exam date yet (d: set it)" in text
        assert "If the exam were today:           25%" in text
        assert "never studied: they count as not known" in text

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, AskDialog)
        day = (clock() + timedelta(days=9)).date().isoformat()
        await pilot.press(*day, "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = visible_text(app)
        assert f"exam on {day} (9 days from today)" in text
        assert "On exam day, following the plan:" in text and "Plan: 20 min a day" in text
        assert app.workspace.config.exams["small-exam"].date == day

        weakest = {f.card.card_id for f in screen.weakest}
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        assert study.card is not None and study.card.id in weakest  # the weakest first


SPELLING_DECK = """\
id: spelling
title: Spelling
entries:
  - id: elected-2022
    kind: qa
    prompt: Who was elected President of South Korea in 2022?
    answer: Yoon Suk Yeol
    source: Yoon Suk Yeol won the 2022 election.
"""


async def test_quiz_feedback_is_the_mark_and_the_note_with_the_answer_once(
    tmp_path: Path,
) -> None:
    """Feedback after each answer: the mark, what the checker found (its note), then the
    answer on a line of its own. "…: it is written 'Yoon Suk Yeol' here" is not repeated
    beside the mark."""
    workspace, _ = make_workspace(tmp_path, SPELLING_DECK, name="spelling.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 1, mix="typed")
        await pilot.press(*"Yun Sok Yol", "enter")
        await pilot.pause()
        assert quiz.feedback_shown
        lines = str(quiz.query_one("#quiz-feedback", Static).render()).splitlines()
        assert lines[:2] == ["≈ Close · another spelling of the name", "Answer: Yoon Suk Yeol"]
        assert lines[2] == "Source: Yoon Suk Yeol won the 2022 election."


TWO_ORDERS_DECK = """\
id: small
title: Order deck
entries:
  - id: kings
    kind: order
    prompt: Put these events in order, earliest first.
    events: [Alfred crowned, Cnut crowned, William crowned]
  - id: ships
    kind: order
    prompt: Put these events in order, earliest first.
    events: [Mayflower sails, Endeavour sails, Beagle sails]
"""


async def test_questions_with_the_same_prompt_read_apart_in_the_review(tmp_path: Path) -> None:
    """Two ordering questions share their prompt: the review names each by its first
    options, so the rows never read alike."""
    workspace, _ = make_workspace(tmp_path, TWO_ORDERS_DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 2)
        rows = quiz.review_rows()
        assert len({row.prompt for row in rows}) == 2
        for row, question in zip(rows, quiz.questions, strict=True):
            assert row.prompt.startswith("Put these events in order, earliest first. (")
            assert question.options[0] in row.prompt
