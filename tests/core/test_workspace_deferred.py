"""``open_workspace(defer=True)``: the app's start takes the progress lock at once and
leaves making the cards and reading the card states for just after its first frame.

What must hold either way: the same cards and states as an eager open, the lock held
from the start (a second window is read-only at once), what a damaged progress file
needs said is said when the states are read, and nothing is left locked if they never
are.
"""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.store.errors import ProgressLocked
from studyapp.core.store.layout import SNAPSHOT
from studyapp.core.store.state import Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings
from studyapp.core.workspace import open_workspace

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
DECKS = Path(__file__).resolve().parents[2] / "decks"


def _answered(progress: Path) -> list[str]:
    """A progress folder where two cards of the bundled decks were answered."""
    clock = ManualClock(NOW)
    workspace = open_workspace([str(DECKS)], progress=progress, clock=clock)
    try:
        session = Session(
            workspace.store, workspace.cards, StudySettings(), clock=clock, rng=random.Random(1)
        )
        ids = []
        for _ in range(2):
            card = session.current()
            assert card is not None
            ids.append(card.id)
            session.answer(Rating.GOOD, timedelta(seconds=4))
    finally:
        workspace.close()
    return ids


def test_deferred_open_reads_nothing_until_asked_and_then_the_same(tmp_path: Path) -> None:
    answered = _answered(tmp_path / "p")
    eager = open_workspace([str(DECKS)], progress=tmp_path / "eager", clock=ManualClock(NOW))
    eager.close()
    deferred = open_workspace(
        [str(DECKS)], progress=tmp_path / "p", clock=ManualClock(NOW), defer=True
    )
    try:
        assert not deferred.opened
        assert deferred.card_count == len(eager.cards)  # counted without making them
        assert not deferred.opened
        assert not deferred.read_only
        made = [(c.id, c.kind, c.prompt, c.answer) for c in deferred.cards]
        assert made == [(c.id, c.kind, c.prompt, c.answer) for c in eager.cards]
        assert deferred.opened
        assert all(deferred.store.states.get(card_id) is not None for card_id in answered)
        assert deferred.finish_opening() == []  # once only
    finally:
        deferred.close()


def test_the_lock_is_taken_at_once(tmp_path: Path) -> None:
    """A second window knows it is read-only before the first has read anything."""
    first = open_workspace(
        [str(DECKS)], progress=tmp_path / "p", clock=ManualClock(NOW), defer=True
    )
    try:
        with pytest.raises(ProgressLocked):
            ProgressStore.open(tmp_path / "p")
        second = open_workspace(
            [str(DECKS)], progress=tmp_path / "p", clock=ManualClock(NOW), defer=True
        )
        assert second.read_only and second.read_only_reason
        assert second.store.read_only  # and stays so once its states are read
        second.close()
    finally:
        first.close()


def test_closing_before_reading_gives_the_lock_back(tmp_path: Path) -> None:
    workspace = open_workspace(
        [str(DECKS)], progress=tmp_path / "p", clock=ManualClock(NOW), defer=True
    )
    workspace.close()
    ProgressStore.open(tmp_path / "p").close()  # free again
    workspace.close()  # twice is harmless


def test_a_damaged_progress_file_is_said_when_the_states_are_read(tmp_path: Path) -> None:
    progress = tmp_path / "p"
    _answered(progress)
    (progress / SNAPSHOT).write_bytes(b'{"version": 3, "cards": {"x": ')
    workspace = open_workspace([str(DECKS)], progress=progress, clock=ManualClock(NOW), defer=True)
    try:
        assert not any("aside" in m for m in workspace.messages)
        told = workspace.finish_opening()
        assert any("moved aside" in m for m in told)
        assert all(m in workspace.messages for m in told)
    finally:
        workspace.close()


def test_threads_asking_at_once_get_one_store(tmp_path: Path) -> None:
    workspace = open_workspace(
        [str(DECKS)], progress=tmp_path / "p", clock=ManualClock(NOW), defer=True
    )
    stores: list[ProgressStore] = []
    start = threading.Barrier(4)

    def ask() -> None:
        start.wait()
        stores.append(workspace.store)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(stores) == 4 and all(store is stores[0] for store in stores)
    finally:
        workspace.close()


def test_a_failed_read_keeps_the_claim_so_a_retry_is_still_the_only_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress = tmp_path / "p"
    workspace = open_workspace([str(DECKS)], progress=progress, defer=True)
    real_load = ProgressStore._load
    calls = {"n": 0}

    def flaky(self: ProgressStore) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(5, "transient EIO")
        real_load(self)

    monkeypatch.setattr(ProgressStore, "_load", flaky)
    with pytest.raises(OSError):
        workspace.finish_opening()
    store = workspace.store  # a later access retries
    other = open_workspace([str(DECKS)], progress=progress)  # a second window
    try:
        assert not store.read_only and other.read_only  # one writer
    finally:
        other.close()
        workspace.close()
    ProgressStore.open(progress).close()  # and the lock is free once closed


def test_other_threads_wait_for_the_states_to_be_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged snapshot's states are rebuilt from the history while the store opens:
    no other thread gets the store before that is done (it is not thread-safe)."""
    from studyapp.core import repair

    progress = tmp_path / "p"
    progress.mkdir()
    (progress / SNAPSHOT).write_bytes(b'{"version": 3, "cards": ')
    workspace = open_workspace([str(DECKS)], progress=progress, defer=True)
    in_recovery, recovery_over = threading.Event(), threading.Event()
    real = repair.recover_lost_states

    def slow(*args: object) -> str | None:
        in_recovery.set()
        try:
            recovery_over.wait(1.0)
            return real(*args)  # type: ignore[arg-type]
        finally:
            recovery_over.set()

    monkeypatch.setattr(repair, "recover_lost_states", slow)
    finisher = threading.Thread(target=workspace.finish_opening)
    finisher.start()
    assert in_recovery.wait(5)
    _ = workspace.store  # another thread asks meanwhile
    got_it_early = not recovery_over.is_set()
    recovery_over.set()
    finisher.join()
    workspace.close()
    assert not got_it_early


def test_a_closed_workspace_says_so(tmp_path: Path) -> None:
    from studyapp.core.store.errors import ProgressError

    workspace = open_workspace([str(DECKS)], progress=tmp_path / "p", defer=True)
    workspace.close()
    with pytest.raises(ProgressError, match="closed"):
        _ = workspace.store
