"""Settings, driven by keys: values are validated, saved to the config file, and still there
after a restart; the theme applies live and is put back when changes are discarded; the
keymap (remapped by hand in the file) is listed."""

from __future__ import annotations

import json

from msgspec import structs
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from studyapp.core.base.paths import config_dir
from studyapp.core.config import AppConfig, config_path, load_config, save_config
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.settings import SettingsScreen, parse_retention
from studyapp.tui.widgets.confirm import ConfirmDialog
from tests.tui.conftest import TuiEnv, screen_text


async def type_into(pilot: Pilot[None], text: str) -> None:
    """Replace the focused Input's text, by keys."""
    await pilot.press("home", "ctrl+k", *text)


async def open_settings(app: StudyApp, pilot: Pilot[None]) -> SettingsScreen:
    screen = SettingsScreen(app.workspace)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def test_settings_persist_across_restarts(tui_env: TuiEnv) -> None:
    app = tui_env.app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_settings(app, pilot)
        assert screen.focused is screen.query_one("#set-retention", Input)
        await type_into(pilot, "0.85")
        await pilot.press("enter")  # Enter moves to the next field
        await type_into(pilot, "15")
        await pilot.press("tab")
        await type_into(pilot, "150")
        await pilot.press("tab")
        await type_into(pilot, "3")
        await pilot.press("tab", "enter", "down", "enter")  # scheduler: SM-2
        await pilot.press("tab", "enter", "down", "enter")  # theme: textual-light
        await pilot.pause()
        assert app.theme == "textual-light"  # applied at once
        assert app.workspace.config.theme == "textual-dark"  # not saved yet
        await pilot.press("ctrl+s")
        await pilot.pause()
        config = app.workspace.config
        assert config.study.scheduler.desired_retention == 0.85
        assert config.study.scheduler.algorithm == "sm2"
        assert config.study.queue.new_per_day == 15
        assert config.study.queue.reviews_per_day == 150
        assert config.study.queue.day_starts_at == 3
        assert config.theme == "textual-light"
        on_disk = json.loads(config_path(config_dir()).read_text())
        assert on_disk["study"]["queue"]["new_per_day"] == 15
        await pilot.press("escape")  # saved: leaves without asking
        await pilot.pause()
        assert not isinstance(app.screen, (SettingsScreen, ConfirmDialog))

    # The learner remaps a key by hand in the settings file (by binding id).
    saved = load_config(config_dir()).config
    save_config(config_dir(), structs.replace(saved, keys={"browse.search": "ctrl+f"}))

    restarted = tui_env.app()  # a new workspace and app over the same folders
    config = restarted.workspace.config
    assert config.study.scheduler.desired_retention == 0.85
    assert config.study.scheduler.algorithm == "sm2"
    assert (config.study.queue.new_per_day, config.study.queue.reviews_per_day) == (15, 150)
    assert config.study.queue.day_starts_at == 3
    async with restarted.run_test(size=(100, 30)) as pilot:
        assert restarted.theme == "textual-light"
        screen = await open_settings(restarted, pilot)
        values = {key: screen.query_one(f"#set-{key}", Input).value for key in ("new", "rollover")}
        assert values == {"new": "15", "rollover": "3"}
        assert "0.85" in screen_text(restarted)

        table = screen.query_one("#settings-keys", DataTable)  # the keymap, read-only
        rows = {str(key.value): table.get_row(key) for key in table.rows}
        assert str(rows["browse.search"][1]) == "ctrl+f (remapped)"
        assert str(rows["settings.save"][1]) == "ctrl+s"
        assert "question_mark" in str(rows["app.help"][1])
        assert {"stats.refresh", "browse.suspend", "confirm.yes"} <= rows.keys()
        while screen.focused is not table:  # reachable by keys
            await pilot.press("tab")
        await pilot.pause()
        assert "Binding id" in screen_text(restarted)


async def test_invalid_values_are_explained_and_unsaved_changes_confirmed(
    tui_env: TuiEnv,
) -> None:
    app = tui_env.app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_settings(app, pilot)
        await type_into(pilot, "1.5")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Desired retention must be from 0.70 to 0.99" in text  # a mark, not just red
        await pilot.press("tab")
        await type_into(pilot, "lots")
        await pilot.press("tab", "tab")
        await type_into(pilot, "24")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Enter a whole number from 0 to 9999." in text
        assert "✗ The hour must be from 0 to 23." in text

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not config_path(config_dir()).exists()
        assert app.workspace.config == AppConfig()
        assert screen.focused is screen.query_one("#set-retention", Input)  # first bad field

        await type_into(pilot, "90%")  # percentages are understood
        await pilot.pause()
        assert "✗ Desired retention" not in screen_text(app)

        screen.query_one("#set-theme").focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert app.theme == "textual-light"
        await pilot.press("escape")  # unsaved changes: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # stay
        await pilot.pause()
        assert app.screen is screen and app.theme == "textual-light"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # leave without saving: the saved theme comes back
        await pilot.pause()
        assert app.screen is not screen
        assert app.theme == "textual-dark"
        assert not config_path(config_dir()).exists()
    assert parse_retention("90%") == parse_retention("0.9") == 0.9


def test_saving_the_form_keeps_the_new_cards_raised_for_today() -> None:
    """The form made new study settings from its fields and the deck overrides: the
    limits `n` raised for today were dropped by the next save of any setting."""
    from datetime import date

    from studyapp.core.study.settings import TodayLimits
    from studyapp.tui.screens.settings import apply_values, field_values

    today = TodayLimits(date(2025, 6, 20), {"small": 30})
    config = AppConfig().with_study(structs.replace(AppConfig().study, today=today))
    values = {**field_values(config), "new": "15"}
    saved = apply_values(config, values, "fsrs", "textual-dark")
    assert saved.study.today == today and saved.study.queue.new_per_day == 15
