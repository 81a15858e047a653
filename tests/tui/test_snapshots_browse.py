"""Snapshots of browse (100x30, 80x24, 60x20) and the card detail (seeded history, fixed clock)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.browse import BrowseScreen
from tests.tui.builders import wait_started
from tests.tui.conftest import TuiEnv, seed_history

SIZES = [(100, 30), (80, 24), (60, 20)]


def seeded_app(tui_env: TuiEnv) -> StudyApp:
    workspace = tui_env.workspace()
    seed_history(workspace)
    return tui_env.app(workspace)


async def open_browse(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, StudyApp)
    await wait_started(pilot)
    await app.push_screen(BrowseScreen(app.workspace))
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_browse(snap_compare: Any, tui_env: TuiEnv, size: tuple[int, int]) -> None:
    assert snap_compare(seeded_app(tui_env), terminal_size=size, run_before=open_browse)


def test_browse_card_detail(snap_compare: Any, tui_env: TuiEnv) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_browse(pilot)
        await pilot.press("slash", *"peru", "enter", "enter")
        await pilot.pause()
        await pilot.app.screen.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(seeded_app(tui_env), terminal_size=(100, 30), run_before=run_before)
