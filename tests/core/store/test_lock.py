"""The progress folder's lock: exclusive, never waits, and gone with its process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studyapp.core.store.lock import FolderLock, LockBusyError


def test_a_second_lock_on_the_same_file_is_refused_until_the_first_lets_go(
    tmp_path: Path,
) -> None:
    first, second = FolderLock(tmp_path / "x.lock"), FolderLock(tmp_path / "x.lock")
    first.acquire()
    assert first.is_locked
    with pytest.raises(LockBusyError):
        second.acquire()
    assert not second.is_locked
    first.release()
    first.release()  # idempotent
    with second:
        assert second.is_locked
        with pytest.raises(LockBusyError):
            first.acquire()
    assert not second.is_locked
    first.acquire()
    first.release()


def test_acquire_twice_on_one_lock_is_a_no_op(tmp_path: Path) -> None:
    lock = FolderLock(tmp_path / "x.lock")
    lock.acquire()
    lock.acquire()
    lock.release()
    assert not lock.is_locked


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    """kill -9 cannot run any clean-up: the operating system drops the lock."""
    path = tmp_path / "x.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from studyapp.core.store.lock import FolderLock\n"
            f"FolderLock(Path({str(path)!r})).acquire()\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockBusyError):
            FolderLock(path).acquire()
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    deadline = time.monotonic() + 5
    lock = FolderLock(path)
    while True:
        try:
            lock.acquire()
            break
        except LockBusyError:
            assert time.monotonic() < deadline
            time.sleep(0.01)
    lock.release()


def test_other_errors_are_not_mistaken_for_a_busy_lock(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        FolderLock(tmp_path / "missing" / "x.lock").acquire()


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_file_deleted_or_replaced_while_locking_is_locked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """As filelock does: a lock on a file no longer at the path would exclude no one."""
    from studyapp.core.store import lock as lock_module

    path = tmp_path / "x.lock"
    real = lock_module._try_lock
    raced: list[bool] = []

    def race_then_lock(fd: int) -> None:
        if not raced:  # another process removes or replaces the file just before we lock
            raced.append(True)
            if how == "deleted":
                path.unlink()
            else:
                other = tmp_path / "other"
                other.write_text("")
                os.replace(other, path)
        real(fd)

    monkeypatch.setattr(lock_module, "_try_lock", race_then_lock)
    first = FolderLock(path)
    first.acquire()
    monkeypatch.setattr(lock_module, "_try_lock", real)
    with pytest.raises(LockBusyError):  # the file now at the path is the one held
        FolderLock(path).acquire()
    first.release()
    FolderLock(path).acquire()
