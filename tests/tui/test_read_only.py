"""A second studyapp on the same progress gets a clear message and a read-only view."""

from __future__ import annotations

import errno
import random
from pathlib import Path

import pytest
from textual.widgets import Static

from studyapp.core.store.errors import FolderReadOnly
from studyapp.core.store.store import ProgressStore
from studyapp.core.workspace import open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from studyapp.tui.screens.study import StudyScreen
from tests.tui.builders import make_workspace

WHY = "Progress is open in another studyapp window; studying here would not be saved."


async def test_second_instance_is_read_only_and_says_so(tmp_path: Path) -> None:
    first, clock = make_workspace(tmp_path)
    try:
        second = open_workspace(
            [str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock
        )
        assert second.read_only and second.read_only_reason
        app = StudyApp(second, seed=0)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            notices = [n.message for n in app._notifications]
            assert any("read-only" in m for m in notices)
            summary = str(app.screen.query_one("#home-summary", Static).render())
            assert "Read-only: another studyapp is using this progress folder." in summary
            for key in ("s", "a", "enter"):  # each way into studying says why not
                app._notifications.clear()
                await pilot.press(key)
                await pilot.pause()
                assert isinstance(app.screen, HomeScreen)  # studying would not be saved
                messages = [n.message for n in app._notifications]
                assert any(m.startswith(WHY) and "Close the other window" in m for m in messages)
            await pilot.press("b")  # browsing and stats still work
            await pilot.pause()
            assert not isinstance(app.screen, HomeScreen)
    finally:
        first.close()


async def test_no_study_screen_can_save_in_a_read_only_window(tmp_path: Path) -> None:
    """A study screen opened some other way (a future button, a script) on a read-only
    workspace shows why instead of a card; no key saves anything or crashes."""
    first, clock = make_workspace(tmp_path)
    try:
        second = open_workspace(
            [str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock
        )
        app = StudyApp(second, seed=0)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            study = StudyScreen(second, None, "All decks", rng=random.Random(0))
            await app.push_screen(study)
            await pilot.pause()
            assert study.card is None
            assert str(study.query_one("#study-done", Static).render()).startswith(WHY)
            assert any(n.message.startswith(WHY) for n in app._notifications)
            for key in ("space", "enter", "3", "b", "exclamation_mark", "u", "n", "s"):
                await pilot.press(key)
                await pilot.pause()
            assert app.is_running and app.screen is study and study.card is None
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert second.store.states == {} and first.store.states == {}
    finally:
        first.close()


async def test_a_read_only_disk_says_so_and_not_another_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A progress folder on a read-only disk opens read-only, and says why (not 'another
    studyapp')."""
    _first, clock = make_workspace(tmp_path)
    _first.close()

    def read_only_disk(folder: Path) -> None:
        raise FolderReadOnly(folder, OSError(errno.EROFS, "Read-only file system"))

    monkeypatch.setattr(ProgressStore, "claim", staticmethod(read_only_disk))
    ws = open_workspace([str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock)
    assert ws.read_only and ws.read_only_reason is not None
    assert "is read-only: answers will not be saved" in ws.read_only_reason
    app = StudyApp(ws, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert "is read-only: answers will not be saved" in summary
        assert "another studyapp" not in summary
        app._notifications.clear()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        said = [n.message for n in app._notifications]
        assert any("is read-only: answers will not be saved." in m for m in said)
        assert not any("another studyapp" in m for m in said)
