"""Snapshots of the settings screen at 100x30, 80x24 and 60x20."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.settings import SettingsScreen
from tests.tui.conftest import TuiEnv

SIZES = [(100, 30), (80, 24), (60, 20)]


def settings_app(tui_env: TuiEnv) -> StudyApp:
    workspace = tui_env.workspace()
    workspace.config_dir = Path("/home/learner/.config/studyapp")  # shown on screen: keep it fixed
    return tui_env.app(workspace)


async def open_settings(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, StudyApp)
    await app.workers.wait_for_complete()
    await app.push_screen(SettingsScreen(app.workspace))
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_settings(snap_compare: Any, tui_env: TuiEnv, size: tuple[int, int]) -> None:
    assert snap_compare(settings_app(tui_env), terminal_size=size, run_before=open_settings)
