"""A full disk on a grade: the app stays open, says the answer was not saved and why, keeps
it on screen, and saves it when graded again or at quit (a prober's finding: the first
grade on a full disk ended the app with a traceback, the answer lost)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studyapp.core.store.layout import JOURNAL
from studyapp.core.store.state import Phase
from studyapp.core.store.store import ProgressStore
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.study import StudyScreen
from tests.core.store.test_disk_failures import full_disk_for
from tests.tui.builders import make_workspace

CARD = "small/capital/answer"


@pytest.mark.parametrize("then", ["grade again", "quit"])
async def test_a_grade_the_full_disk_refuses_is_said_kept_and_saved_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, then: str
) -> None:
    workspace, _ = make_workspace(tmp_path)
    journal = tmp_path / "progress" / JOURNAL
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen) and study.card is not None
        assert study.card.id == CARD
        await pilot.press(*"Seoul", "enter")
        await pilot.pause()
        assert study.phase == "judged"

        monkeypatch.setattr(os, "write", full_disk_for(journal, after=30))
        await pilot.press("3")  # Good, on a full disk
        await pilot.pause()
        assert app.is_running and id(app.screen) == id(study)  # still open, still there
        assert study.phase == "judged" and study.card is not None and study.card.id == CARD
        said = [n.message for n in app._notifications]
        assert any(
            m.startswith("Not saved:")
            and "the disk is full: free some space" in m
            and "Your answer is kept" in m
            for m in said
        ), said
        assert workspace.store.get(CARD).phase is Phase.NEW

        monkeypatch.undo()  # room again
        if then == "grade again":
            await pilot.press("3")
            await pilot.pause()
            assert workspace.store.get(CARD).reps == 1
            assert study.card is None or study.card.id != CARD
        else:
            await pilot.press("ctrl+q")
            await pilot.pause()
    with ProgressStore.open(tmp_path / "progress", read_only=True) as store:
        assert store.get(CARD).reps == 1
        assert [r.rating for r in store.history()] == [3]  # the grade given, once
        assert [p for p in store.problems if p.severity != "info"] == []
