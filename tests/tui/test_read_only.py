"""A second studyapp on the same progress gets a clear message and a read-only view."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from studyapp.core.workspace import open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from tests.tui.builders import make_workspace


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
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # studying would not be saved
            assert any("answers would not be saved" in n.message for n in app._notifications)
            await pilot.press("b")  # browsing and stats still work
            await pilot.pause()
            assert not isinstance(app.screen, HomeScreen)
    finally:
        first.close()
