"""The app on a workspace opened as the ``studyapp`` command opens it (``defer=True``):
the deck list is on the screen before the cards are made and the card states read, the
counts follow, and what reading the states found (a damaged progress file) is said."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from studyapp.core.base.clock import ManualClock
from studyapp.core.store.layout import SNAPSHOT
from studyapp.core.workspace import Workspace, open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens import home as home_module
from studyapp.tui.screens.home import HomeScreen
from tests.tui.builders import NOW, SMALL_DECK, wait_started


def _deferred(tmp_path: Path) -> Workspace:
    folder = tmp_path / "decks"
    folder.mkdir(exist_ok=True)
    (folder / "small.yaml").write_text(SMALL_DECK, encoding="utf-8")
    return open_workspace(
        [str(folder)], progress=tmp_path / "progress", clock=ManualClock(NOW), defer=True
    )


def _summary(app: StudyApp) -> str:
    return str(app.screen.query_one("#home-summary", Static).render())


async def test_the_deck_list_is_shown_before_the_states_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home_module, "COUNT_AFTER_FIRST_FRAME", 1)  # (200,000 cards, say)
    workspace = _deferred(tmp_path)
    app = StudyApp(workspace, seed=0)
    shown_before: list[str] = []
    finish = workspace.finish_opening

    def watched() -> list[str]:
        if not workspace.opened and isinstance(app.screen, HomeScreen):
            shown_before.append(_summary(app))
        return finish()

    monkeypatch.setattr(Workspace, "finish_opening", lambda _self: watched())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        assert shown_before  # home was on screen when the states were first asked for
        assert "Counting today's cards…" in shown_before[0]
        assert "5 entries" in shown_before[0]
        assert workspace.opened
        assert _summary(app).startswith("Today: 0 due · 0 learning · 5 new")
        await pilot.press("s")  # studying works on what was read after the first frame
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)


async def test_a_damaged_progress_file_read_after_the_first_frame_is_said(
    tmp_path: Path,
) -> None:
    (tmp_path / "progress").mkdir()
    (tmp_path / "progress" / SNAPSHOT).write_bytes(b'{"version": 3, "cards": ')
    workspace = _deferred(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        notices = [n.message for n in app._notifications]
        assert any("moved aside" in m for m in notices), notices
        assert _summary(app).startswith("Today:")


def test_progress_that_cannot_be_read_ends_the_app_with_a_message_and_status_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading the states now happens after the first frame: a failure there (an
    unreadable progress file) still ends in one line on stderr and exit status 1, as
    it did when the command read them before starting the app."""
    import asyncio
    import io

    from studyapp.cli import cmd_run
    from studyapp.core.store.store import ProgressStore

    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "small.yaml").write_text(SMALL_DECK, encoding="utf-8")

    def unreadable(self: ProgressStore) -> None:
        raise PermissionError(13, "Permission denied", str(self.folder / "progress.json"))

    def headless_run(self: StudyApp) -> None:
        async def go() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await pilot.pause(0.3)

        asyncio.run(go())

    monkeypatch.setattr(ProgressStore, "_load", unreadable)
    monkeypatch.setattr(StudyApp, "run", headless_run)
    assert cmd_run([str(folder)], str(tmp_path / "progress"), io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.startswith("studyapp: ") and "Permission denied" in err
    ProgressStore.claim(tmp_path / "progress").release()  # the lock was given back
