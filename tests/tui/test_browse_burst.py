"""Opening the browse search in a burst of keys: after ``/`` every key goes to the search box.

A terminal delivers keys in bursts (tmux ``send-keys -l '/trump'``, a fast typist). The app
forwards each key to whatever has focus when it takes the key off its queue; if ``/`` only
moved focus later (after bubbling up from the table, then on a deferred callback), the
letters behind it went to the table, where ``t`` stepped the tag filter and ``r`` opened
the reset dialog. ``pilot.press`` waits for the app to be idle between keys and cannot show
this, so the keys are queued straight to the driver, all at once.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select

from studyapp.tui.app import StudyApp
from studyapp.tui.widgets.browse.model import ANY
from studyapp.tui.widgets.browse.reset_dialog import CardResetDialog
from tests.tui.conftest import TuiEnv
from tests.tui.test_browse_search_keys import browse_app, table_ids

KEY_NAMES = {"/": "slash", " ": "space"}


def burst(app: StudyApp, text: str) -> None:
    """Queue the key of every character at once, as the terminal driver would read them
    from one write (``tmux send-keys -l``): the key name and the character, as Pilot does."""
    driver = app._driver
    assert driver is not None
    for char in text:
        event = events.Key(KEY_NAMES.get(char, char), char)
        event.set_sender(app)
        driver.send_message(event)


def no_dialog(stack: list[Screen[object]]) -> bool:
    return not any(isinstance(s, CardResetDialog) for s in stack)


async def test_a_burst_after_slash_goes_to_the_search_box(tui_env: TuiEnv) -> None:
    app, screen = browse_app(tui_env)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.query_one("#browse-table", DataTable).has_focus
        states_before = dict(screen.workspace.store.states)
        burst(app, "/trump")
        await pilot.pause()
        await pilot.pause()
        search = screen.query_one("#browse-search", Input)
        assert screen.focused is search
        assert search.value == "trump"
        for name in ("tag", "deck", "kind", "state"):
            assert screen.query_one(f"#browse-{name}", Select).value == ANY, name
        assert no_dialog(app.screen_stack)
        assert app.screen is screen
        assert screen.workspace.store.states == states_before
        assert table_ids(screen) == []  # nothing matches "trump"


async def test_a_burst_then_more_keys_keep_their_order(tui_env: TuiEnv) -> None:
    """Keys still in flight when focus moves and keys sent a moment later stay in order."""
    app, screen = browse_app(tui_env)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        burst(app, "/cap")
        burst(app, "ital p")
        await pilot.pause()
        burst(app, "eru")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#browse-search", Input).value == "capital peru"
        assert table_ids(screen) == ["geo/peru/answer"]
        assert screen.query_one("#browse-tag", Select).value == ANY


async def test_slash_inside_the_search_box_is_typed(tui_env: TuiEnv) -> None:
    """Once the box has focus, ``/`` is an ordinary character (dates like 1969/07)."""
    app, screen = browse_app(tui_env)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        burst(app, "/a/b")
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#browse-search", Input).value == "a/b"


async def test_slash_from_a_filter_opens_the_search_and_escape_goes_back(
    tui_env: TuiEnv,
) -> None:
    app, screen = browse_app(tui_env)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        tag = screen.query_one("#browse-tag", Select)
        tag.focus()
        await pilot.pause()
        burst(app, "/tr")
        await pilot.pause()
        await pilot.pause()
        search = screen.query_one("#browse-search", Input)
        assert screen.focused is search
        assert search.value == "tr"
        assert tag.value == ANY
        await pilot.press("escape")
        assert isinstance(screen.focused, DataTable)
        await pilot.press("r")  # the table's keys work again: reset asks first
        assert isinstance(app.screen, CardResetDialog)
