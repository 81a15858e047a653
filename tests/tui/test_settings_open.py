"""Opening settings from home: how long it takes, and keys pressed meanwhile.

The first open used to import every screen and widget module to list their key bindings
(pydantic, the FSRS optimizer ...), and the first field, focused at once, took the keys
pressed before the screen was drawn: the opening ``,`` repeated by the terminal turned
"0.90" into ",,,". Keys are queued straight to the driver, all at once, as a terminal
delivers them; ``pilot.press`` would wait for the app to be idle between keys.
"""

from __future__ import annotations

import importlib
import pkgutil
import statistics
import time

import pytest
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input

import studyapp.tui.screens as screens
import studyapp.tui.widgets as widgets
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from studyapp.tui.screens.settings import FIELDS, SettingsScreen, field_values
from studyapp.tui.screens.settings_keymap import KeymapRow, keymap_rows
from tests.tui.conftest import TuiEnv

KEY_NAMES = {",": "comma", " ": "space", "\x7f": "backspace", "\x1b": "escape"}


def burst(app: StudyApp, text: str) -> None:
    """Queue one key per character at once (key name and character, as a terminal gives)."""
    driver = app._driver
    assert driver is not None
    for char in text:
        key = KEY_NAMES.get(char, char)
        event = events.Key(key, char if char.isprintable() else None)
        event.set_sender(app)
        driver.send_message(event)


def field_texts(screen: SettingsScreen) -> dict[str, str]:
    return {f.key: screen.query_one(f"#set-{f.key}", Input).value for f in FIELDS}


def imported_rows(app: StudyApp, keys: dict[str, str]) -> list[KeymapRow]:
    """The key table as it was built before: import every module, read its classes."""
    classes: list[type[DOMNode]] = [c for c in type(app).__mro__ if issubclass(c, DOMNode)]
    for package in (widgets, screens):
        prefix = package.__name__ + "."
        for info in pkgutil.walk_packages(package.__path__, prefix):
            module = importlib.import_module(info.name)
            classes += [
                value
                for value in vars(module).values()
                if isinstance(value, type)
                and issubclass(value, DOMNode)
                and value.__module__ == module.__name__
            ]
    rows: dict[str, KeymapRow] = {}
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.id or binding.id in rows:
                continue
            remapped = binding.id in keys
            key = keys[binding.id] if remapped else binding.key
            what = binding.tooltip or binding.description or binding.action
            rows[binding.id] = (binding.id, key, what, remapped)
    return sorted(rows.values())


def test_key_table_read_from_source_matches_the_imported_classes(tui_env: TuiEnv) -> None:
    """Reading bindings from the syntax trees loses none and changes none."""
    app = tui_env.app()
    keys = {"browse.search": "ctrl+f", "study.reveal": "space,r"}
    rows = keymap_rows(app, keys)
    assert rows == imported_rows(app, keys)
    assert len(rows) > 50
    assert ("browse.search", "ctrl+f", "Search", True) in rows
    assert ("home.settings", "comma", "Settings", False) in rows


async def test_open_time_from_home(tui_env: TuiEnv) -> None:
    """Prints the time to open settings with ``,`` (first open, then the median of the
    next four); it asserts only that the screen opened, never on time."""
    app = tui_env.app()
    wall: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(5):
            assert isinstance(app.screen, HomeScreen)
            w0, c0 = time.perf_counter(), time.process_time()
            await pilot.press("comma")
            await pilot.pause()
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
            assert isinstance(app.screen, SettingsScreen)
            await pilot.press("escape")
            await pilot.pause()
    print(
        f"\nsettings open: first {wall[0]:.3f}s wall {cpu[0]:.3f}s cpu; "
        f"then median {statistics.median(wall[1:]):.3f}s wall "
        f"{statistics.median(cpu[1:]):.3f}s cpu"
    )


def keys_read_while_opening(monkeypatch: pytest.MonkeyPatch, app: StudyApp, text: str) -> None:
    """Have the terminal deliver ``text`` while the settings screen is being built.

    The keys are read (and stamped) as the screen mounts, and reach the app after the first
    field has taken focus, as keys read during a slow open do.
    """
    mount = SettingsScreen.on_mount

    def mount_with_keys(screen: SettingsScreen) -> None:
        burst(app, text)
        mount(screen)

    monkeypatch.setattr(SettingsScreen, "on_mount", mount_with_keys)


async def test_the_opening_key_repeated_is_not_typed_into_a_field(
    tui_env: TuiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tui_env.app()
    keys_read_while_opening(monkeypatch, app, ",,,,")  # a held key, repeated by the terminal
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, ",")
        for _ in range(4):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert screen.focused is screen.query_one("#set-retention", Input)
        assert field_texts(screen) == field_values(app.workspace.config)
        burst(app, "5")  # a key pressed once the screen is shown is typed as usual
        await pilot.pause()
        await pilot.pause()
        assert field_texts(screen)["retention"] == "5"  # the field selects all on focus


async def test_keys_typed_while_opening_do_not_edit_but_escape_still_leaves(
    tui_env: TuiEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tui_env.app()
    keys_read_while_opening(monkeypatch, app, "0.8\x7fx")  # digits, Backspace, a letter
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, ",")
        for _ in range(4):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert field_texts(screen) == field_values(app.workspace.config)
        assert not screen.is_dirty()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        monkeypatch.undo()
        keys_read_while_opening(monkeypatch, app, "\x1b")  # Escape is no field key
        burst(app, ",")
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
