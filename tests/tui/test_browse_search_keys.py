"""Browse search under fast typing: every key applies, in order, to the current value.

A terminal delivers keys in bursts (tmux, a paste of key presses, a fast typist). Input
handles printable keys in its own queue, but editing keys (Backspace, arrows, Home) are
bindings: if the search box let those bubble up to the app, they would wait behind the
screen's refiltering and land after the letters typed later ("trAbe Shi" for "Abe Shinz").
"""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable, Input

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.browse import BrowseScreen
from studyapp.tui.widgets.browse.model import BrowseFilter, filter_cards
from tests.tui.conftest import NOW, TuiEnv, screen_text

TYPED = ["t", "r", "u", "m", "p", *["backspace"] * 5, *"capital", "space", *"peru"]
"""Type a word, rub it out with five separate Backspaces, type a new search."""


def burst(app: StudyApp, keys: list[str]) -> None:
    """Queue every key at once, as a terminal does when keys arrive faster than frames."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        char = " " if key == "space" else key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        driver.send_message(event)


def table_ids(screen: BrowseScreen) -> list[str]:
    return [str(key.value) for key in screen.query_one("#browse-table", DataTable).rows]


def browse_app(env: TuiEnv) -> tuple[StudyApp, BrowseScreen]:
    workspace = env.workspace()
    app = env.app(workspace)
    return app, BrowseScreen(workspace)


async def test_keys_pressed_quickly_apply_in_order(tui_env: TuiEnv) -> None:
    """pilot.press without pauses (it still waits for idle between keys: see the burst)."""
    app, screen = browse_app(tui_env)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("slash", *TYPED)
        await pilot.pause()
        assert screen.query_one("#browse-search", Input).value == "capital peru"
        assert table_ids(screen) == ["geo/peru/answer"]


async def test_a_burst_of_keys_applies_in_order(tui_env: TuiEnv) -> None:
    """All keys queued before any is handled: Backspace must not overtake nor trail."""
    app, screen = browse_app(tui_env)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("slash")
        search = screen.query_one("#browse-search", Input)
        assert screen.focused is search
        for _ in range(3):  # the walkthrough saw it 3 times out of 3
            burst(app, TYPED)
            await pilot.pause()
            await pilot.pause()
            assert search.value == "capital peru"
            assert table_ids(screen) == ["geo/peru/answer"]
            assert "1 of 16 cards match" in screen_text(app)
            burst(app, ["home", "shift+end", "backspace"])  # select all, rub out
            await pilot.pause()
            assert search.value == ""


async def test_editing_keys_in_a_burst_edit_the_current_value(tui_env: TuiEnv) -> None:
    """Left, Home and Delete are bindings too; mixed with letters they keep their place."""
    app, screen = browse_app(tui_env)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("slash")
        burst(app, [*"apital", "home", "c", "end", *"xx", "left", "backspace", "delete"])
        await pilot.pause()
        await pilot.pause()
        search = screen.query_one("#browse-search", Input)
        assert search.value == "capital"
        states = screen.workspace.store.states
        expected = filter_cards(screen.index, BrowseFilter(text="capital"), states, NOW.date())
        assert sorted(table_ids(screen)) == sorted(i.card.id for i in expected)
        assert len(expected) == 4
