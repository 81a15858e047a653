"""A typed quiz answer that can be read two ways is asked again, never graded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizSetupScreen
from studyapp.tui.screens.quiz_sitting import QuizScreen
from tests.tui.builders import make_workspace

DECK = """\
id: days
title: Days
entries:
  - id: landing
    kind: date
    event: A date to remember
    date: 2025-06-07
    variants: [when]
"""


async def _one_typed_question(pilot: Pilot[Any], notes: list[str]) -> QuizScreen:
    """A quick quiz of one typed question, its notifications kept in ``notes``."""
    await pilot.press("q")
    await pilot.pause()
    setup = pilot.app.screen
    assert isinstance(setup, QuizSetupScreen)
    setup.query_one("#quiz-count", Input).value = "1"
    setup.query_one("#quiz-mix", Select).value = "typed"
    setup.query_one("#quiz-count", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    quiz = pilot.app.screen
    assert isinstance(quiz, QuizScreen)
    quiz.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
    return quiz


async def test_an_ambiguous_date_is_asked_again_then_graded(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path, DECK, name="days.yaml")
    app = StudyApp(workspace, seed=0)
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await _one_typed_question(pilot, notes)
        await pilot.press(*"6/7/2025", "enter")
        await pilot.pause()
        assert app.screen is quiz and not quiz.feedback_shown  # nothing graded
        assert notes and notes[-1].startswith("Write it again:") and "7 June" in notes[-1]
        field = quiz.query_one("#quiz-input", Input)
        field.value = ""
        await pilot.press(*"7 June 2025", "enter")
        await pilot.pause()
        assert quiz.feedback_shown or app.screen is not quiz


FIGURE_DECK = """\
id: figures
title: Figures
entries:
  - id: members
    kind: figure
    measure: Member states of the group
    value: 12
"""


async def test_a_number_it_cannot_read_is_asked_again_with_an_example_that_is_not_the_answer(
    tmp_path: Path,
) -> None:
    """The reason's example is always 12 ("write it in digits, e.g. 12"): for a figure of
    12 the re-ask gave the answer away. The note's example never is the answer."""
    workspace, _ = make_workspace(tmp_path, FIGURE_DECK, name="figures.yaml")
    app = StudyApp(workspace, seed=0)
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await _one_typed_question(pilot, notes)
        await pilot.press(*"5x5", "enter")
        await pilot.pause()
        assert app.screen is quiz and not quiz.feedback_shown  # nothing graded
        assert notes[-1] == (
            "Write it again: '5x5' cannot be read as a number; write it in digits, e.g. 13"
        )
