"""A read-only window takes the progress on r once the other window is closed: the card
states read afresh (the other window's answers included), and its own answers saved."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from studyapp.core.store.state import Rating
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.workspace import open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from studyapp.tui.screens.study import StudyScreen
from tests.tui.builders import grade_easy_until_done, make_workspace, wait_started


async def test_r_takes_the_progress_once_the_other_window_is_closed(tmp_path: Path) -> None:
    first, clock = make_workspace(tmp_path)
    second = open_workspace([str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock)
    assert second.read_only and second.read_only_elsewhere
    app = StudyApp(second, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        app._notifications.clear()
        await pilot.press("r")  # the other window is still open: still read-only, and said
        await wait_started(pilot)
        assert second.read_only
        assert any(n.message.startswith("Still read-only") for n in app._notifications)

        card = first.cards[0]  # the other window answers a card, then quits
        before = first.store.get(card.id)
        now = clock()
        scheduler = make_scheduler(first.config.study.scheduler)
        first.store.record_review(
            before, scheduler.answer(before, Rating.GOOD, now), Rating.GOOD, now
        )
        first.close()

        await pilot.press("r")
        await wait_started(pilot)
        assert not second.read_only and second.read_only_reason is None
        assert card.id in second.store.states  # read afresh: the other window's answer
        summary = str(home.query_one("#home-summary", Static).render())
        assert "Read-only" not in summary
        await pilot.press("a")  # studying is no longer refused
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        await grade_easy_until_done(pilot, study)
        answered = dict(second.store.states)
        assert len(answered) > 1
    second.close()
    again = open_workspace([str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock)
    try:
        assert not again.read_only
        assert set(again.store.states) == set(answered)  # saved, and folded on close
    finally:
        again.close()


def test_a_window_not_read_yet_takes_the_progress_too(tmp_path: Path) -> None:
    """Start-up leaves a big collection's states for later: a retry then only claims,
    and they are read writable; while the other window is open nothing changes."""
    first, clock = make_workspace(tmp_path)
    second = open_workspace(
        [str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock, defer=True
    )
    try:
        assert second.read_only and not second.opened
        assert second.retry_claim() is None and second.read_only
        first.close()
        assert second.retry_claim() == [] and not second.read_only and not second.opened
        assert not second.store.read_only and second.read_only_reason is None
        assert second.retry_claim() is None  # once is enough
    finally:
        second.close()
