"""The plan's cards in the study session, from home: they join the queue, and it says so."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from studyapp.tui.screens.study import StudyScreen
from tests.tui.builders import make_workspace, wait_started


async def test_study_draws_from_the_plan_and_says_so(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(140, 30)) as pilot:
        await wait_started(pilot)
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one(Input).value = "2025-06-23"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        planned = home.planned_today()
        assert planned.card_ids
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        assert set(study.session.planned) == set(planned.card_ids)
        counts = str(study.query_one("#study-counts", Static).render())
        assert "incl." in counts and "for the exam on 23 Jun" in counts, counts
        queued = len(study.session.planned)
        assert f"{queued} card" in counts  # the cards the queue took, counted
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Today's cards include") for m in said), said
