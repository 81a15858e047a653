"""On screen as in the CLI: a stranger's escape codes in a key, a value or a file name
are shown as visible escapes on home's list of broken decks, in its summary, and on
the quiz set-up screen's list of broken exam files; never sent to the terminal raw."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from studyapp.core.base.clock import ManualClock
from studyapp.core.workspace import open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizSetupScreen
from tests.hostile import HOSTILE_NAME, KEY_DECK, assert_inert, write_hostile_decks
from tests.tui.builders import NOW, make_workspace, wait_started


async def test_home_lists_hostile_keys_and_file_names_inert(tmp_path: Path) -> None:
    write_hostile_decks(tmp_path / "decks")
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        failures = str(app.screen.query_one("#home-failures", Static).render())
        assert "unknown field 'x\\x1b]0;PWNED\\x07" in failures
        assert "decks/f\\x1b]0;PWNED\\x07" in failures or "f\\x1b]0;PWNED\\x07" in failures
        assert_inert(failures)


async def test_home_summary_names_a_hostile_only_deck_inert(tmp_path: Path) -> None:
    """When every deck is broken, the summary line says where: a file name."""
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(KEY_DECK, encoding="utf-8")
    workspace = open_workspace(
        [str(folder)], progress=tmp_path / "progress", clock=ManualClock(NOW)
    )
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert "failed to load" in summary
        assert_inert(summary)
        failures = str(app.screen.query_one("#home-failures", Static).render())
        assert_inert(failures)


async def test_quiz_setup_lists_a_hostile_exam_file_inert(tmp_path: Path) -> None:
    write_hostile_decks(tmp_path / "decks")
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuizSetupScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query(".quiz-problem"))
        assert "Exam file problem:" in shown and "unknown field 'y\\x1b]0;PWNED" in shown
        assert_inert(shown)
