"""Pilot tests: a new learner's first hour with quizzes (a QA walk-through's findings).

Enter on "Quick quiz" did nothing visible and Start was below the fold; a wrong pick
did not say "You picked X"; a cloze blank was ``_____`` in quizzes but ``[…]`` in study;
pushing missed new cards said "No missed card was queued"; an order's answer was
numbered 1, 2, 3 as if it were the list shown (whose 1 was another event).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Button, Static

from studyapp.core.decks.cards import CLOZE_GAP, cards_for_deck
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.quiz.questions import QuestionFormat, questions_for_deck
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizScreen, QuizSetupScreen
from studyapp.tui.screens.results import ResultsScreen
from studyapp.tui.screens.study_verdict import OrderAnswer
from tests.tui.builders import make_workspace, wait_started
from tests.tui.conftest import screen_text
from tests.tui.test_quiz_flow import app_with_exam, open_exam, press_answer, start_quick_quiz
from tests.tui.test_small_terminals import on_screen

ORDER_DECK = """\
id: order
title: Order deck
entries:
  - id: premiers
    kind: order
    prompt: Put these Japanese prime ministers in order, earliest first.
    events: [Murayama Tomiichi, Abe Shinzo, Ishiba Shigeru]
"""

CLOZE_DECK = """\
id: cloze
title: Cloze deck
entries:
  - id: capital
    kind: cloze
    text: "{{Seoul}} is the capital of South Korea."
"""


def feedback(quiz: QuizScreen) -> list[str]:
    return str(quiz.query_one("#quiz-feedback", Static).render()).splitlines()


async def test_enter_on_quick_quiz_starts_it(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuizSetupScreen)
        await pilot.press("enter")  # no exam here: the quick quiz is highlighted
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.spec.id == "quick-quiz"
        assert quiz.spec.feedback == "immediate"  # the settings shown below, as they were


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_start_is_on_screen_without_a_tab(tmp_path: Path, size: tuple[int, int]) -> None:
    app, _ = app_with_exam(tmp_path)  # an exam listed above the quick quiz, as bundled
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()
        start = app.screen.query_one("#quiz-start-custom", Button)
        assert on_screen(app, start), screen_text(app)
        assert "Start quick quiz" in screen_text(app)
        assert "Quick quiz: Enter starts it" in screen_text(app)
        start.press()
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_a_wrong_pick_says_you_picked_it_as_study_does(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 1, mix="choice")
        question = quiz.question
        assert question.format is QuestionFormat.CHOICE and question.answer_index is not None
        wrong = (question.answer_index + 1) % len(question.options)
        await pilot.press(str(wrong + 1))
        await pilot.pause()
        picked = question.options[wrong]
        lines = feedback(quiz)
        assert lines[0] == f"✗ You picked {picked} · the answer is {question.answer}"
        assert not any(line.startswith("Answer:") for line in lines)  # said once, above
        options = str(quiz.query_one("#quiz-options", Static).render()).splitlines()
        assert f"{wrong + 1}. {picked}  ✗" in options
        assert f"{question.answer_index + 1}. {question.answer}  ✓" in options


async def test_a_right_pick_is_marked_in_the_list(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 1, mix="choice")
        await press_answer(pilot, quiz.question)
        assert feedback(quiz)[0] == "✓ Correct"
        assert "  ✓" in str(quiz.query_one("#quiz-options", Static).render())


async def test_a_cloze_blank_looks_the_same_in_a_quiz_as_in_study(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path, CLOZE_DECK, name="cloze.yaml")
    study_prompt = cards_for_deck(workspace.decks.decks[0].deck)[0].prompt
    assert CLOZE_GAP in study_prompt
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 1, mix="typed")
        prompt = str(quiz.query_one("#quiz-prompt", Static).render())
        assert CLOZE_GAP in prompt and "_____" not in prompt
        assert f"{CLOZE_GAP} is the capital of South Korea." in prompt


async def test_pushing_missed_new_cards_says_what_happened_and_what_to_do(
    tmp_path: Path,
) -> None:
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await open_exam(pilot, app)
        for question in list(quiz.questions):
            await press_answer(pilot, question, right=False)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("p")
        await pilot.pause()
        pushed = app.screen.query_one("#results-pushed", Static)
        assert pushed.display and on_screen(app, pushed)
        text = str(pushed.render())
        assert "No missed card was queued" not in text
        assert "Nothing needed moving for your 4 missed items" in text
        assert "new (not studied yet) and already in study" in text
        assert "To study them now: Escape to Home, then s on their deck." in text


async def test_order_feedback_gives_the_numbers_of_the_options_shown(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path, ORDER_DECK, name="order.yaml")
    deck = workspace.decks.decks[0].deck
    question = questions_for_deck(deck, random.Random(3), [QuestionFormat.ORDERING])[0]
    shown = question.options
    assert shown[0] != "Murayama Tomiichi"  # the list shown does not start with the answer
    spec = ExamSpec(id="q", title="Q", questions=1, pass_mark=0, feedback="immediate")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        quiz = QuizScreen(workspace, spec, [question], random.Random(0), save=False)
        app.push_screen(quiz)
        await pilot.pause()
        await press_answer(pilot, question, right=False)
        lines = feedback(quiz)
        numbers = [shown.index(event) + 1 for event in question.key.accept]
        assert lines[1] == "Answer, in order: " + " ".join(map(str, numbers))
        events = ["Murayama Tomiichi", "Abe Shinzo", "Ishiba Shigeru"]
        assert lines[2:5] == [f"  {shown.index(e) + 1}. {e}" for e in events]


def test_order_answer_numbers_items_as_shown_and_keeps_the_old_form_without() -> None:
    console = Console(width=40, file=io.StringIO(), record=True, color_system=None)
    items = ["Murayama Tomiichi", "Abe Shinzo", "Ishiba Shigeru"]
    console.print(OrderAnswer(items, shown=["Abe Shinzo", "Murayama Tomiichi", "Ishiba Shigeru"]))
    assert console.export_text().splitlines() == [
        "Answer, in order: 2 1 3",
        "  2. Murayama Tomiichi",
        "  1. Abe Shinzo",
        "  3. Ishiba Shigeru",
    ]
    console.print(OrderAnswer(items))
    assert console.export_text().splitlines()[:2] == ["Answer, in order:", "  1. Murayama Tomiichi"]
    assert OrderAnswer(items, shown=["other", "list", "here"]).head == "Answer, in order:"
