"""A typed quiz answer is checked once per submission: the check that looks for a form to
ask again about is the one it is graded on, and the feedback shows the note the result
keeps ("mark · note") instead of asking the checker a third time."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from studyapp.core.quiz import scoring
from studyapp.core.quiz.answers.verdict import Verdict
from studyapp.core.quiz.questions import Question
from studyapp.core.quiz.results import list_results
from studyapp.core.workspace import load_exams
from studyapp.tui import screens
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.results import ResultsScreen
from studyapp.tui.widgets.quiz_review import ReviewDialog
from tests.tui.builders import make_workspace
from tests.tui.test_quiz_flow import open_exam, start_quick_quiz

DECK = """\
id: capitals
title: Capitals
entries:
  - id: canberra
    kind: qa
    prompt: Which country has Canberra as its capital?
    answer: Australia
    source: Canberra is the capital of Australia.
"""

DATES = """\
id: days
title: Days
entries:
  - id: landing
    kind: date
    event: A date to remember
    date: 2025-06-07
    variants: [when]
"""

EXAM = """\
id: capitals-exam
title: Capitals exam
questions: 1
formats: {typed: 1}
pass_mark: 50
feedback: end
seed: 3
"""


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every answer the quiz checks, by the screen itself or through grading."""
    calls: list[object] = []
    real = scoring.check_question

    def counted(question: Question, given: object) -> Verdict:
        calls.append(given)
        return real(question, given)

    monkeypatch.setattr(scoring, "check_question", counted)
    monkeypatch.setattr(screens.quiz_sitting, "check_question", counted)
    return calls


def feedback_lines(app: StudyApp) -> list[str]:
    return str(app.screen.query_one("#quiz-feedback", Static).render()).splitlines()


async def test_a_wrong_typed_answer_shows_the_mark_and_note_after_one_check(
    tmp_path: Path, checks: list[object]
) -> None:
    workspace, _ = make_workspace(tmp_path, DECK, name="capitals.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 1, mix="typed")
        await pilot.press(*"Austria", "enter")
        await pilot.pause()
        assert quiz.feedback_shown
        assert feedback_lines(app)[:3] == [
            "✗ Wrong · 'Austria' is a different place",
            "Answer: Australia",
            "Source: Canberra is the capital of Australia.",
        ]
        assert checks == ["Austria"]
        await pilot.press("enter")  # the last question: the results
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert checks == ["Austria"]  # scoring the sitting did not check it again
        (result,) = results.result.results
        assert (result.outcome.value, result.note) == ("wrong", "'Austria' is a different place")


async def test_an_answer_asked_again_then_graded_is_checked_once_each_time(
    tmp_path: Path, checks: list[object]
) -> None:
    workspace, _ = make_workspace(tmp_path, DATES, name="days.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 1, mix="typed")
        await pilot.press(*"6/7/2025", "enter")
        await pilot.pause()
        assert not quiz.feedback_shown and checks == ["6/7/2025"]  # asked again
        quiz.query_one("#quiz-input", Input).value = ""
        await pilot.press(*"June 2025", "enter")
        await pilot.pause()
        assert quiz.feedback_shown and checks == ["6/7/2025", "June 2025"]
        assert feedback_lines(app)[0] == "≈ Close · right month, but which day?"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert checks == ["6/7/2025", "June 2025"]


async def test_an_exam_answer_kept_until_the_end_is_checked_once_and_saved_with_its_note(
    tmp_path: Path, checks: list[object]
) -> None:
    workspace, _ = make_workspace(tmp_path, DECK, name="capitals.yaml")
    (tmp_path / "decks" / "capitals.exam.yaml").write_text(EXAM, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_exam(pilot, app)
        await pilot.press(*"Austrlia", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewDialog) and checks == ["Austrlia"]
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert checks == ["Austrlia"]
    (stored,), problems = list_results(workspace.store.folder)
    assert not problems
    (result,) = stored.result.results
    assert (result.outcome.value, result.note) == ("close", "typo: you wrote 'Austrlia'")
