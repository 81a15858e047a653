"""Readiness: a date the dialog cannot take keeps the dialog open, says why, keeps the text.

QA: `d` with "2026-02-30" closed the dialog and showed only a toast; the date had to be
typed again from the start.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from studyapp.core.config import ExamPlanPrefs
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.readiness import AskDialog, ReadinessScreen
from tests.tui.builders import make_workspace, wait_started


async def test_an_impossible_date_is_explained_in_the_dialog_and_can_be_corrected(
    tmp_path: Path,
) -> None:
    workspace, _ = make_workspace(tmp_path)
    workspace.save_config(
        workspace.config.with_exam("deck-small", ExamPlanPrefs(date="2025-06-25"))
    )
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_started(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        await app.workers.wait_for_complete()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        field = dialog.query_one(Input)
        for typed in ("2026-02-30", "2025-01-01"):  # no such day; a day in the past
            field.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog  # still open, the text kept
            assert field.value == typed
            error = dialog.query_one("#ask-error", Static)
            assert error.display and str(error.render()).strip(), typed
        assert "past" in str(dialog.query_one("#ask-error", Static).render())
        assert workspace.config.exams["deck-small"].date == "2025-06-25"  # nothing stored

        field.value = "2025-07-01"  # corrected: taken
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, ReadinessScreen)
        assert workspace.config.exams["deck-small"].date == "2025-07-01"


async def test_escape_still_cancels_and_a_dialog_without_a_check_takes_any_text(
    tmp_path: Path,
) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    given: list[str | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_started(pilot)
        app.push_screen(AskDialog("Anything:", "x"), given.append)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.push_screen(AskDialog("Anything:", "y", lambda _: "never"), given.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert given == ["x", None]
