"""Home: broken decks are listed while the good ones work; r reloads after a fix."""

from __future__ import annotations

import gc
from pathlib import Path

from textual.widgets import OptionList, Static

from studyapp.core.base import gcpause
from studyapp.core.workspace import open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from tests.tui.builders import SMALL_DECK, make_workspace, wait_started

BROKEN = "id: second\ntitle: Second deck\nentries:\n  - id: a\n    kind: qa\n    prompt: Q?\n"


async def test_broken_deck_listed_then_fixed_and_reloaded(tmp_path: Path) -> None:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "second.yaml").write_text(BROKEN, encoding="utf-8")
    workspace, _ = make_workspace(tmp_path, SMALL_DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        failures = str(app.screen.query_one("#home-failures", Static).render())
        assert "second.yaml:4:5: entries[0].answer: missing required field 'answer'" in failures
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert list(home.rows) == ["small"]

        (tmp_path / "decks" / "second.yaml").write_text(
            BROKEN + "    answer: A\n", encoding="utf-8"
        )
        await pilot.press("r")
        await pilot.pause()
        assert not app.screen.query_one("#home-failures", Static).display
        assert list(home.rows) == ["second", "small", "*all*"]  # file order
        table = home.query_one("#home-decks", OptionList)
        assert [option.id for option in table.options] == list(home.rows)


async def test_help_lists_the_keys_of_the_screen(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from studyapp.tui.screens.help import HelpDialog

        assert isinstance(app.screen, HelpDialog)
        rows = [f"{key} {does}" for key, does in app.screen.rows()]
        assert any(r.startswith("s Study the highlighted deck") for r in rows)
        assert any("command palette" in r.lower() for r in rows)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query("#home-decks")


async def test_main_actions_are_in_the_command_palette(tmp_path: Path) -> None:
    from studyapp.tui.screens.quiz import QuizSetupScreen

    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Quiz or exam")
        for _ in range(20):  # the palette searches asynchronously
            await pilot.pause(0.1)
            await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause(0.1)
            if isinstance(app.screen, QuizSetupScreen):
                break
        assert isinstance(app.screen, QuizSetupScreen)


async def test_home_opens_browse_stats_and_settings(tmp_path: Path) -> None:
    from studyapp.tui.screens.browse import BrowseScreen
    from studyapp.tui.screens.home import HomeScreen
    from studyapp.tui.screens.settings import SettingsScreen
    from studyapp.tui.screens.stats import StatsScreen

    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        for key, screen_type in (
            ("b", BrowseScreen),
            ("t", StatsScreen),
            ("comma", SettingsScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            await app.workers.wait_for_complete()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_start_up_ends_the_collector_pause_once_the_first_frame_is_out(
    tmp_path: Path,
) -> None:
    """The ``studyapp`` command starts with the collector paused (gcpause); the app
    ends the pause after its first frame, then counts the streak and reads the decks."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    gcpause.pause_for_start()
    try:
        assert not gc.isenabled()
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_started(pilot)
            assert app.started and gc.isenabled() and gc.get_freeze_count() > 0
            assert "Streak: 0 days" in str(app.screen.query_one("#home-summary", Static).content)
            assert all(loaded.is_read for loaded in workspace.decks.decks)
    finally:
        gcpause.end_start_pause()
        gc.unfreeze()
        gc.enable()


async def test_a_folder_whose_only_deck_is_broken_says_the_deck_failed_and_where(
    tmp_path: Path,
) -> None:
    """Home said "No decks found. Put .yaml decks in ./decks" above the very error it had
    found in the only deck: it says the deck failed to load, and where (file:line:col)."""
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "second.yaml").write_text(BROKEN, encoding="utf-8")
    workspace = open_workspace([str(folder)], progress=tmp_path / "progress")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert "No decks found" not in summary
        assert "failed to load" in summary and "second.yaml:4:5" in summary, summary
        assert "press r" in summary
        failures = str(app.screen.query_one("#home-failures", Static).render())
        assert "second.yaml:4:5: entries[0].answer" in failures
        (folder / "second.yaml").write_text(BROKEN + "    answer: A\n", encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert summary.startswith("Today: 0 due · 0 learning · 1 new"), summary
