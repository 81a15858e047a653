"""Pilot tests: an exam from the setup screen to its results, re-drill and push."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from studyapp.core.quiz.questions import QuestionFormat
from studyapp.core.quiz.results import list_results
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizScreen, QuizSetupScreen
from studyapp.tui.screens.results import ResultsScreen
from tests.tui.builders import make_workspace

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


async def test_exam_to_results_then_redrill_and_push(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    (tmp_path / "decks" / "small.exam.yaml").write_text(EXAM, encoding="utf-8")
    from studyapp.core.workspace import load_exams

    workspace.exams, _ = load_exams([tmp_path / "decks"])
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuizSetupScreen)
        await pilot.press("enter")  # the highlighted exam
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and len(quiz.questions) == 4

        # answer the first one wrong on purpose, the rest right
        first = quiz.question
        if first.format is QuestionFormat.CHOICE:
            assert first.answer_index is not None
            await pilot.press(str((first.answer_index + 1) % len(first.options) + 1))
        elif first.format is QuestionFormat.TRUE_FALSE:
            await pilot.press("f" if first.answer == "True" else "t")
        else:
            await pilot.press(*"zzz", "enter")
        await pilot.pause()
        for _ in range(3):
            question = quiz.question
            if question.format is QuestionFormat.CHOICE:
                assert question.answer_index is not None
                await pilot.press(str(question.answer_index + 1))
            elif question.format is QuestionFormat.TRUE_FALSE:
                await pilot.press("t" if question.answer == "True" else "f")
            else:
                await pilot.press(*question.key.answer, "enter")
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

        # push: only review cards move, and there are none yet
        await pilot.press("p")
        await pilot.pause()
        assert workspace.store.states == {}

        # re-drill the missed question: immediate feedback, not saved
        await pilot.press("r")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, QuizScreen) and len(drill.questions) == 1
        assert drill.spec.feedback == "immediate" and not drill.save
        await answer_everything_right(pilot, app)
        assert "✓ Correct" in visible_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert len(list_results(workspace.store.folder)[0]) == 1


async def test_quick_quiz_with_a_timer_runs_out(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, QuizSetupScreen)
        setup.query_one("#quiz-count", Input).value = "3"
        setup.query_one("#quiz-minutes", Input).value = "1"
        setup.query_one("#quiz-count", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and len(quiz.questions) == 3
        assert "time left" in str(quiz.query_one("#quiz-timer", Static).render())
        quiz.started -= 61  # a minute passes (the timer reads a monotonic clock)
        quiz._tick()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.result.score == 0.0
        assert "NOT PASSED" in visible_text(app)


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
