"""The title bar: the screen's title, shown literally; a click opens the command palette."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.study import StudyScreen
from studyapp.tui.widgets.titlebar import TitleBar
from tests.tui.builders import SMALL_DECK, make_workspace

MARKUP_TITLE = "[b]Bold?[/b] [@click=app.quit]x[/]"


async def test_title_follows_the_screen_and_shows_deck_titles_literally(tmp_path: Path) -> None:
    deck = SMALL_DECK.replace("title: Small test deck", f'title: "{MARKUP_TITLE}"')
    workspace, _ = make_workspace(tmp_path, deck)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one(TitleBar).render()) == "studyapp"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        bar = app.screen.query_one(TitleBar)
        assert str(bar.render()) == f"studyapp — {MARKUP_TITLE}"
        await pilot.click(TitleBar)  # the bar's link-like text must not quit the app
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
