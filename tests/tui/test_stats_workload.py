"""The Stats workload chart: answers a day for the next 90 days at the current and at a
proposed desired retention, forecast off the UI thread, changed with + and -."""

from __future__ import annotations

import re
from typing import Any

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Static

from studyapp.core.study.settings import StudySettings
from studyapp.core.tuning.presets import Preset
from studyapp.core.tuning.run import workload_forecast
from studyapp.core.workspace import Workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.stats import StatsScreen
from tests.core.tuning.synthetic import deck_yaml
from tests.tui.builders import wait_started
from tests.tui.conftest import TuiEnv, screen_text, seed_history


def studied_workspace(tui_env: TuiEnv) -> Workspace:
    """The test decks and 60 more cards, studied over 120 days through the scheduler."""
    (tui_env.deck_dir / "synth.yaml").write_text(deck_yaml("synth", 60), encoding="utf-8")
    workspace = tui_env.workspace()
    seed_history(workspace)
    return workspace


async def open_stats(app: StudyApp, pilot: Pilot[Any], workspace: Workspace) -> StatsScreen:
    screen = StatsScreen(workspace)
    await app.push_screen(screen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def expected(workspace: Workspace, *retentions: float) -> dict[float, list[int]]:
    forecast = workload_forecast(
        workspace.store.history(),
        states=workspace.store.states,
        cards=workspace.cards,
        study=workspace.config.study,
        preset=Preset(),
        retentions=retentions,
        now=workspace.clock(),
    )
    return forecast.series


async def test_the_chart_compares_two_retentions_and_keys_change_the_proposed_one(
    tui_env: TuiEnv,
) -> None:
    workspace = studied_workspace(tui_env)
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 200)) as pilot:  # tall: the whole page on screen
        screen = await open_stats(app, pilot, workspace)
        assert screen.proposed == 0.85  # 0.05 below the settings' 0.90
        assert screen.workload == expected(workspace, 0.9, 0.85)
        text = screen_text(app)
        assert "At 0.90 (your desired retention now)" in text
        assert "At 0.85 (proposed: + and - change it)" in text
        found = re.search(r"Workload: answers a day, next (\d+) days", text)
        assert found is not None
        shown = int(found[1])  # as many days as fit (89 at this width), from today
        assert 80 <= shown <= 90
        total = sum(screen.workload[0.9][:shown])
        assert f"At 0.90: {total:,} answers in {shown} days" in text

        await pilot.press("minus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.proposed == 0.84 and 0.84 in screen.workload
        assert "At 0.84 (proposed" in screen_text(app)
        await pilot.press("plus", "plus", "plus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.proposed == 0.87
        assert screen.workload[0.87] == expected(workspace, 0.87)[0.87]
        assert "At 0.87 (proposed" in screen_text(app)
    assert sum(screen.workload[0.87]) >= sum(screen.workload[0.84])


async def test_the_proposed_retention_stays_in_the_settings_range(tui_env: TuiEnv) -> None:
    workspace = studied_workspace(tui_env)
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_stats(app, pilot, workspace)
        for _ in range(20):
            await pilot.press("minus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.proposed == 0.70 and 0.70 in screen.workload
        assert any("70% is the lowest retention proposed" in n.message for n in app._notifications)


async def test_too_little_history_is_said_plainly(tui_env: TuiEnv) -> None:
    workspace = tui_env.workspace()  # no answers yet
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 200)) as pilot:
        screen = await open_stats(app, pilot, workspace)
        text = screen_text(app)
        assert "Too little history to forecast: 0 answer(s) so far" in text
        assert screen.workload == {}
        proposed = screen.proposed
        await pilot.press("minus")  # nothing to recompute: the key says why, changes nothing
        await pilot.pause()
        assert "Too little history" in screen_text(app)
        assert screen.proposed == proposed
        assert any(
            n.message.startswith("No workload to compare: too little history")
            for n in app._notifications
        )
    assert StudySettings().scheduler.desired_retention == 0.9


def test_workload_chart_snapshot(snap_compare: Any, tui_env: TuiEnv) -> None:
    """At 100x30, scrolled to the workload chart."""
    workspace = studied_workspace(tui_env)

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, StudyApp)
        await wait_started(pilot)
        screen = StatsScreen(workspace)
        await app.push_screen(screen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = screen.query_one("#stats-body", VerticalScroll)
        heading = screen.query_one("#stats-h-workload", Static)
        body.scroll_to_widget(heading, top=True, animate=False)
        await pilot.pause()

    assert snap_compare(tui_env.app(workspace), terminal_size=(100, 30), run_before=run_before)


async def test_why_there_is_no_chart_wraps_at_the_screen_width(tui_env: TuiEnv) -> None:
    """The reason is a sentence, not a chart: it wraps instead of running off the right
    edge ("... needs at least 20 to know h" at 100x30)."""
    workspace = tui_env.workspace()  # no answers yet
    app = tui_env.app(workspace)
    async with app.run_test(size=(80, 60)) as pilot:
        await open_stats(app, pilot, workspace)
        reason = app.screen.query_one("#stats-workload")
        lines = [s.text.rstrip() for s in reason.render_lines(reason.size.region)]
        said = " ".join(line.strip() for line in lines if line.strip())
        assert said.endswith("to know how you grade and what is scheduled.")
        assert len([line for line in lines if line.strip()]) > 1
        assert reason.region.right <= 80
