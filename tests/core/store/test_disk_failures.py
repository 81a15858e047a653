"""A disk that fails the progress folder (full, read-only, a folder where a file should be):
a plain ProgressError that says what to do, never an OSError, never half a record, never an
answer lost. Full and read-only disks cannot be made in a test: the os calls fail instead."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.store import store as store_module
from studyapp.core.store.check import check_folder
from studyapp.core.store.errors import FolderReadOnly, NotSavedError, ProgressError, ProgressLocked
from studyapp.core.store.layout import JOURNAL, LOCK, SNAPSHOT
from studyapp.core.store.state import Phase
from studyapp.core.store.store import ProgressStore
from tests.core.store.test_progress import answer, errors, open_store

_real_write = os.write
_real_open = os.open


def full_disk_for(path: Path, *, after: int) -> Callable[[int, Any], int]:
    """``os.write`` as on a disk that fills up ``after`` bytes into the next write to
    ``path`` (a short write, then ENOSPC), any other file written as usual."""
    inode = path.stat().st_ino

    def write(fd: int, data: Any) -> int:
        if os.fstat(fd).st_ino != inode:
            return _real_write(fd, data)
        room = after - (os.fstat(fd).st_size - size_before)
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return _real_write(fd, bytes(data)[:room])

    size_before = path.stat().st_size
    return write


@pytest.mark.parametrize("after", [0, 40])  # nothing of the line written / half of it
def test_a_full_disk_refuses_the_answer_plainly_leaves_no_half_record_and_the_retry_saves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    store = open_store(tmp_path)
    answer(store, "d/a/1")
    journal = tmp_path / JOURNAL
    before = journal.read_bytes()
    monkeypatch.setattr(os, "write", full_disk_for(journal, after=after))

    with pytest.raises(ProgressError, match="disk is full: free some space") as raised:
        answer(store, "d/b/1")
    assert isinstance(raised.value, NotSavedError)
    assert journal.read_bytes() == before  # nothing of the failed answer is on disk
    assert store.get("d/b/1").phase is Phase.NEW  # nor in memory: the store is as it was

    monkeypatch.setattr(os, "write", _real_write)  # space was freed
    answer(store, "d/b/1")  # the same answer, given again, is saved
    store.close()
    with open_store(tmp_path) as again:
        assert errors(again) == [] and [p for p in again.problems if "partly" in str(p)] == []
        assert again.get("d/a/1").reps == 1 and again.get("d/b/1").reps == 1
        assert [r.card_id for r in again.history()] == ["d/a/1", "d/b/1"]


def test_closing_on_a_full_disk_keeps_the_answers_in_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path)
    answer(store, "d/a/1")

    def no_room(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store_module, "write_fold", no_room)
    store.close()  # the fold fails: no traceback at quit, and nothing lost
    monkeypatch.undo()
    with open_store(tmp_path) as again:
        assert again.get("d/a/1").reps == 1


def _read_only_disk(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Opening a file under ``folder`` for writing fails as on a read-only disk."""
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & writing and str(os.fspath(path)).startswith(str(folder)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))
        return _real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


@pytest.mark.parametrize("had_lock_file", [True, False])
def test_a_read_only_progress_folder_opens_read_only_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, had_lock_file: bool
) -> None:
    with open_store(tmp_path) as store:
        answer(store, "d/a/1")
    if not had_lock_file:
        (tmp_path / LOCK).unlink()
    _read_only_disk(monkeypatch, tmp_path)

    with pytest.raises(FolderReadOnly) as raised:
        ProgressStore.claim(tmp_path)
    assert isinstance(raised.value, ProgressLocked)  # opened read-only, as a second window
    assert "is read-only: answers will not be saved" in raised.value.reason
    assert "is read-only: answers will not be saved" in str(raised.value)
    with pytest.raises(FolderReadOnly):
        open_store(tmp_path)

    report = check_folder(tmp_path)  # `studyapp progress`
    assert report.cards == 1 and not report.locked and report.ok
    with open_store(tmp_path, read_only=True) as view:
        assert view.get("d/a/1").reps == 1


def test_a_lock_held_on_a_read_only_folder_is_still_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock file opened for reading still locks: a writer that had the folder before
    the disk went read-only is not taken for absent."""
    with open_store(tmp_path) as owner:
        _read_only_disk(monkeypatch, tmp_path)
        assert check_folder(tmp_path).locked
        with pytest.raises(ProgressLocked):
            ProgressStore.claim(tmp_path)
        monkeypatch.undo()
        answer(owner, "d/a/1")


@pytest.mark.parametrize("read_only", [False, True])
def test_a_folder_named_like_the_snapshot_is_named_with_what_to_do(
    tmp_path: Path, read_only: bool
) -> None:
    (tmp_path / SNAPSHOT).mkdir()
    with pytest.raises(ProgressError) as raised:
        open_store(tmp_path, read_only=read_only)
    message = str(raised.value)
    assert str(tmp_path / SNAPSHOT) in message
    assert "is a folder" in message and "move it aside" in message
    assert not message.startswith("[Errno")
    ProgressStore.claim(tmp_path).release()  # the failed open gave its lock back
