"""An exam's keys at 60x20 and 80x24, from a walk-through: at 60 columns the key bar left
out ^f Flag and ^r Review. It takes two rows there (as the study screen's), the title bar
giving back the row so that the question keeps its room; the line above the card stays
whole when a question is flagged ("⚑ flagged" was cut to "⚑" beside the clock)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Static

from studyapp.core.quiz.sitting import Sitting
from studyapp.tui.screens.quiz import QuizScreen
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar
from tests.tui.builders import NOW, wait_started
from tests.tui.test_quiz_flow import app_with_exam, open_exam, start_quick_quiz
from tests.tui.test_small_terminals import on_screen

SIZES = [(60, 20), (80, 24)]
EXAM_KEYS = ("pgup Previous", "pgdn Next", "^f Flag", "^r Review", "esc End exam", "Help")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_key_of_an_exam_is_in_the_key_bar(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        quiz = await open_exam(pilot, app)
        assert quiz.navigable
        await pilot.press("ctrl+f")  # flagged: the longest line above the card
        await pilot.pause()
        keybar = quiz.query_one(KeyBar)
        shown = str(keybar.render())
        for key in EXAM_KEYS:
            assert key in shown, shown
        assert all(cell_len(line) <= size[0] for line in shown.split("\n"))
        assert on_screen(app, keybar)
        progress = quiz.query_one("#quiz-progress", Static)
        line = str(progress.render())
        assert line.endswith("⚑ flagged"), line
        assert cell_len(line) <= progress.content_region.width
        assert on_screen(app, progress) and on_screen(app, quiz.query_one("#quiz-timer"))
        # the prompt and the answer's way in keep their rows (see test_quiz_small_terminals)
        assert on_screen(app, quiz.query_one("#quiz-prompt"))
        title = quiz.query_one(TitleBar)
        assert title.display == (size == (80, 24))  # at 60x20 its row went to the keys


async def test_a_one_way_quiz_at_60x20_keeps_its_title_bar(tmp_path: Path) -> None:
    """A quick quiz with feedback after each answer has three keys: one row holds them."""
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_started(pilot)
        quiz = await start_quick_quiz(pilot, app, 2)
        assert not quiz.navigable
        await pilot.pause()
        assert quiz.query_one(TitleBar).display
        assert quiz.query_one(KeyBar).size.height == 1


def test_the_progress_line_drops_question_where_flagged_would_not_fit() -> None:
    from studyapp.tui.screens.quiz_sitting import progress_line

    sitting = Sitting.start(20, NOW)
    assert progress_line(sitting, navigable=True, room=60) == "Question 1 of 20 · 0 answered"
    assert progress_line(sitting, navigable=True, room=38) == "1 of 20 · 0 answered"
    flagged = sitting.toggle_flag()
    assert progress_line(flagged, navigable=True, room=38) == "1 of 20 · 0 answered · ⚑ flagged"
    assert progress_line(sitting, navigable=False, room=38) == "Question 1 of 20"


def test_snapshot_exam_question_at_60x20(snap_compare: Any, tmp_path: Path) -> None:
    """Two rows of keys, the line above the card at the top, a question flagged."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_started(pilot)
        await pilot.press("q", "enter")
        await pilot.pause()
        quiz = pilot.app.screen
        assert isinstance(quiz, QuizScreen)
        quiz._ticker.stop()  # type: ignore[union-attr]
        quiz.query_one("#quiz-timer", Static).update("time left 10m 00s")
        await pilot.press("ctrl+f")
        await pilot.pause()

    app, _ = app_with_exam(tmp_path)
    assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)
