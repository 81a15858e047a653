"""ctrl+q in the middle of work that Escape would ask about: a quiz being sat, settings
not saved. Quitting asks first, and yes keeps what can be kept (a walk-through's
finding: ctrl+q in a quiz threw the answers away without a word)."""

from __future__ import annotations

import json
from pathlib import Path

from studyapp.core.base.paths import config_dir
from studyapp.core.config import config_path
from studyapp.core.quiz.results import RESULTS_DIR
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizScreen
from studyapp.tui.widgets.confirm import ConfirmDialog
from tests.tui.builders import make_workspace
from tests.tui.conftest import TuiEnv, screen_text
from tests.tui.test_quiz_flow import press_answer, start_quick_quiz
from tests.tui.test_settings import open_settings, type_into


def _results(tmp_path: Path) -> list[dict[str, object]]:
    folder = tmp_path / "progress" / RESULTS_DIR
    if not folder.exists():
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


async def test_quitting_a_quiz_asks_and_yes_saves_the_answers(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 3, mix="choice")
        for _ in range(2):
            await press_answer(pilot, quiz.question)
            await pilot.press("enter")  # on to the next question
            await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Quit in the middle of the quiz?" in screen_text(app)
        assert "your 2 answers are scored and saved" in screen_text(app)
        await pilot.press("ctrl+q")  # asked already: waits for y or n
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    saved = _results(tmp_path)
    assert len(saved) == 1
    result = saved[0]["result"]
    assert isinstance(result, dict) and result["ending"] == "early"  # as Escape's "end now"
    given = [r["given"] for r in result["results"]]
    assert sum(g is not None for g in given) == 2 and given[-1] is None


async def test_no_keeps_the_quiz_going_and_nothing_is_saved(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 3, mix="choice")
        await press_answer(pilot, quiz.question)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is quiz and not quiz.finished
    assert _results(tmp_path) == []


async def test_a_quiz_with_no_answer_quits_at_once(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        quiz = await start_quick_quiz(pilot, app, 3, mix="choice")
        assert isinstance(quiz, QuizScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
    assert _results(tmp_path) == []  # nothing answered, nothing to keep


async def test_quitting_settings_with_changes_asks_first(tui_env: TuiEnv) -> None:
    app = tui_env.app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_settings(app, pilot)
        await type_into(pilot, "0.85")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Quit without saving the settings?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen  # back to the form, the change still typed
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert not config_path(config_dir()).exists()  # never saved
