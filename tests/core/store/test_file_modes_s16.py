"""Every file the store makes in a progress folder is the learner's alone (owner only),
as ``progress.json`` always was: the history and the journal were made 0o644 (readable by
anyone on the machine) under the usual umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.store.bulk import BulkHistory
from studyapp.core.store.history_summary import summarize
from studyapp.core.store.layout import FILE_MODE, HISTORY, JOURNAL, LOCK, SNAPSHOT
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """The umask most systems give (0o022): a file made with ``open`` is then 0o644."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir() if p.is_file()}


def _reviewed(card_id: str, at: datetime) -> CardState:
    return CardState(
        card_id=card_id,
        phase=Phase.REVIEW,
        due=at + timedelta(days=1),
        last_review=at,
        stability=1.0,
        difficulty=5.0,
        interval=1,
        reps=1,
    )


def test_the_owner_only_mode_is_the_snapshots() -> None:
    assert FILE_MODE == 0o600


def test_a_studied_folder_is_owner_only(tmp_path: Path) -> None:
    """Answers journalled, folded into the history and the snapshot, the digest kept."""
    folder = tmp_path / "progress"
    with ProgressStore.open(folder, clock=ManualClock(NOW)) as store:
        for n in range(3):
            card = f"d/c{n}/answer"
            store.record_review(CardState(card), _reviewed(card, NOW), Rating.GOOD, NOW)
        assert _modes(folder)[JOURNAL] == 0o600  # holds the answers until the fold
        assert _modes(folder)[LOCK] == 0o600
    with ProgressStore.open(folder, clock=ManualClock(NOW)) as store:
        store.record_review(CardState("d/x"), _reviewed("d/x", NOW), Rating.GOOD, NOW)
    with ProgressStore.open(folder, read_only=True) as store:
        assert summarize(store) is not None  # writes the digest (and takes its lock)
    modes = _modes(folder)
    assert {SNAPSHOT, HISTORY, JOURNAL, LOCK, "history.digest.json"} <= set(modes)
    assert modes == dict.fromkeys(modes, 0o600)


def test_a_history_appended_to_keeps_its_mode(tmp_path: Path) -> None:
    """Only new files are made owner-only: one there already is appended to as it is."""
    folder = tmp_path / "progress"
    folder.mkdir()
    (folder / HISTORY).write_bytes(b"")
    os.chmod(folder / HISTORY, 0o640)
    with ProgressStore.open(folder, clock=ManualClock(NOW)) as store:
        store.record_review(CardState("d/x"), _reviewed("d/x", NOW), Rating.GOOD, NOW)
    assert (folder / HISTORY).read_bytes().count(b"\n") == 1
    assert _modes(folder)[HISTORY] == 0o640


def test_a_first_history_from_an_import_is_owner_only(tmp_path: Path) -> None:
    """An Anki import's answers become the history itself when there is none yet."""
    folder = tmp_path / "progress"
    with (
        ProgressStore.open(folder, clock=lambda: NOW) as store,
        BulkHistory(store, NOW) as history,
    ):
        history.add("d/b/answer", NOW - timedelta(days=9), Rating.GOOD, Phase.NEW, 1500, 3)
        history.commit({"d/b/answer": _reviewed("d/b/answer", NOW)})
    modes = _modes(folder)
    assert HISTORY in modes
    assert modes == dict.fromkeys(modes, 0o600)
