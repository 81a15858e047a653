"""Snapshots of the stats screen at 100x30, 80x24 and 60x20 (seeded history, fixed clock)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.stats import StatsScreen
from tests.tui.builders import wait_started
from tests.tui.conftest import TuiEnv, seed_history

SIZES = [(100, 30), (80, 24), (60, 20)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_stats(snap_compare: Any, tui_env: TuiEnv, size: tuple[int, int]) -> None:
    workspace = tui_env.workspace()
    seed_history(workspace)

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, StudyApp)
        await wait_started(pilot)
        screen = StatsScreen(workspace)
        await app.push_screen(screen)
        await screen.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(tui_env.app(workspace), terminal_size=size, run_before=run_before)


def test_stats_scrolled_to_the_end(snap_compare: Any, tui_env: TuiEnv) -> None:
    """At 80x24, scrolled down by keys: the calendar heatmap and the tables."""
    workspace = tui_env.workspace()
    seed_history(workspace)

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, StudyApp)
        await wait_started(pilot)
        screen = StatsScreen(workspace)
        await app.push_screen(screen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(tui_env.app(workspace), terminal_size=(80, 24), run_before=run_before)
