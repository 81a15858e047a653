"""Every quick-quiz setting shows its control and its value in words, at 60x20, 80x24 and
100x30 (a walk-through at 80x24 saw nothing beside "Minutes (blank: untimed)" and
"Feedback after each answer", and could not tell whether feedback was on or off; at
100x30 the feedback switch was blank)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Input, Select

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizScreen, QuizSetupScreen
from tests.tui.builders import wait_started
from tests.tui.conftest import screen_text
from tests.tui.test_quiz_flow import app_with_exam
from tests.tui.test_small_terminals import on_screen

SIZES = [(60, 20), (80, 24), (100, 30)]


def shown_in(app: StudyApp, widget: Widget) -> str:
    """The text the terminal shows in ``widget``'s place."""
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_each_setting_shows_its_value(tmp_path: Path, size: tuple[int, int]) -> None:
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, QuizSetupScreen)
        expected = {
            "quiz-deck": "All decks",
            "quiz-count": "10",
            "quiz-mix": "Mixed: typed",
            "quiz-minutes": "untimed",
            "quiz-feedback": "After each answer",
        }
        for field_id, value in expected.items():
            field = setup.query_one(f"#{field_id}")
            field.focus()
            for _ in range(40):  # (focus scrolls it into view; on a loaded machine, later)
                await pilot.pause(0.05)
                if on_screen(app, field):
                    break
            assert on_screen(app, field), f"{field_id} at {field.region}"
            assert value in shown_in(app, field), f"{field_id}: {shown_in(app, field)!r}"
        feedback = setup.query_one("#quiz-feedback", Select)
        feedback.value = "end"
        await pilot.pause()
        assert "At the end only" in shown_in(app, feedback)
        minutes = setup.query_one("#quiz-minutes", Input)
        minutes.value = "5"
        await pilot.pause()
        assert "5" in shown_in(app, minutes) and "untimed" not in shown_in(app, minutes)


async def test_feedback_at_the_end_is_what_the_quiz_gets(tmp_path: Path) -> None:
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, QuizSetupScreen)
        setup.query_one("#quiz-count", Input).value = "2"
        setup.query_one("#quiz-feedback", Select).value = "end"
        setup.query_one("#quiz-count", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.spec.feedback == "end"
