"""Stats: End and PgDn reach the page's last line even when a section fills in later.

QA at 100x30 and 80x24: End (or PgDn to the bottom) pressed while the workload
forecast was still running stopped one row short of the last line of "By forecast":
the forecast then turned its one-line placeholder into a two-line reason, and the page
stayed where the old end had been.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from textual.containers import VerticalScroll

import studyapp.tui.screens.stats as stats_module
from studyapp.core.quiz.results import save_result
from studyapp.core.store.state import Rating
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.workspace import Workspace
from studyapp.tui.screens.stats import StatsScreen
from tests.tui.conftest import NOW, TuiEnv, screen_text
from tests.tui.test_stats_calibration import TAKEN, _attempt

LAST_LINE = "right 100% of 3"


def few_answers(tui_env: TuiEnv) -> Workspace:
    """Eight answers today (too few for a workload chart: its reason takes two lines)
    and an exam whose last forecast bin ends the page."""
    workspace = tui_env.workspace()
    store = workspace.store
    for n, card in enumerate(workspace.cards[:8]):
        scheduler = make_scheduler(workspace.config.study.for_deck(card.deck_id).scheduler)
        at = NOW - timedelta(minutes=30 - n)
        state = store.get(card.id)
        store.record_review(
            state, scheduler.answer(state, Rating.GOOD, at), Rating.GOOD, at, timedelta(seconds=5)
        )
    result = _attempt(tui_env, 75.0, [(0.15, 0.0), (0.12, 1.0), (0.55, 1.0)] + [(0.85, 1.0)] * 3)
    save_result(store.folder, result, TAKEN + timedelta(minutes=5))
    return workspace


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
@pytest.mark.parametrize("keys", [["end"], ["pagedown"] * 8])
async def test_the_last_line_stays_in_view_when_the_workload_arrives_late(
    tui_env: TuiEnv, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], keys: list[str]
) -> None:
    gate = threading.Event()
    inputs = stats_module.forecast_inputs

    def late(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)
        return inputs(*args, **kwargs)

    monkeypatch.setattr(stats_module, "forecast_inputs", late)
    workspace = few_answers(tui_env)
    app = tui_env.app(workspace)
    async with app.run_test(size=size) as pilot:
        screen = StatsScreen(workspace)
        await app.push_screen(screen)
        while screen.stats is None or screen.calibrated is None:
            await pilot.pause(0.02)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause(0.2)
        gate.set()  # the forecast ends while the reader is at the bottom
        await app.workers.wait_for_complete()
        await pilot.pause(1.2)  # End animates for a second
        assert "Too little history to forecast" in str(screen.query_one("#stats-workload").render())
        body = screen.query_one("#stats-body", VerticalScroll)
        assert body.scroll_y == body.max_scroll_y
        assert LAST_LINE in screen_text(app)


async def test_the_page_still_opens_at_its_top(tui_env: TuiEnv) -> None:
    """Following the end must not pull a page the reader never scrolled."""
    workspace = few_answers(tui_env)
    app = tui_env.app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = StatsScreen(workspace)
        await app.push_screen(screen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = screen.query_one("#stats-body", VerticalScroll)
        assert body.max_scroll_y > 0 and body.scroll_y == 0
        await pilot.press("end")
        await pilot.pause(1.2)
        await pilot.press("up")  # the reader leaves the end: nothing pulls them back
        await pilot.pause(0.3)
        assert body.scroll_y == body.max_scroll_y - 1
