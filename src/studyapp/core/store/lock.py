"""One writer per progress folder: an exclusive, non-blocking lock on a file.

The operating system drops the lock when its process ends, kill -9 included, so a
crash never leaves a stale lock behind. POSIX uses ``flock(2)``; Windows locks the
file's first byte (``msvcrt.locking``). Two locks on the same file conflict even
within one process: each holds its own open file.

This replaced the ``filelock`` package, of which the store used only this: the
package's import alone cost ~15 ms of every start (a dozen modules), for a
dozen lines of standard library here. It keeps the safety ``filelock`` has on
POSIX: a lock taken on a file that was deleted or replaced in the meantime
(another process would lock the new file) is let go and taken again on the file
the path names now, and a file system without ``flock`` is an error, never a
silent lock of nothing. POSIX is what the tests run on; the Windows branch is
``filelock``'s own approach (``msvcrt.locking`` of one byte), not tested here.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from studyapp.core.store.layout import FILE_MODE

_BUSY = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK)
_UNWRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)
"""Why a lock file may not be opened for writing: a read-only disk, or no permission."""
_ATTEMPTS = 10
"""Tries when the file keeps being deleted or replaced between open and lock."""


class LockBusyError(Exception):
    """Another process (or another lock in this one) holds the file."""


def _try_lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover (tested on POSIX only)
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _still_named(fd: int, path: Path) -> bool:
    """Is the locked file still the one ``path`` names (not deleted, not replaced)?"""
    held = os.fstat(fd)
    if held.st_nlink == 0:
        return False
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return False
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


class FolderLock:
    """An exclusive lock on ``path`` (created if missing), held until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._vacant = False
        self.unwritable: OSError | None = None
        """Why the lock file cannot be opened for writing (a read-only folder), if it
        cannot: the lock is then held on it opened for reading (``flock`` needs no more),
        or on nothing if it does not exist (no one can make it, so no one else holds
        it). Whoever means to write to the folder checks this."""

    @property
    def is_locked(self) -> bool:
        return self._fd is not None or self._vacant

    def _open(self) -> int | None:
        """The lock file, opened (None: it cannot be made, see :attr:`unwritable`)."""
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        except OSError as error:
            if error.errno not in _UNWRITABLE:
                raise
            self.unwritable = error
        try:
            return os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`LockBusyError`; never waits."""
        if self.is_locked:
            return
        for _ in range(_ATTEMPTS):
            fd = self._open()
            if fd is None:
                self._vacant = True
                return
            try:
                _try_lock(fd)
            except OSError as error:
                os.close(fd)
                if error.errno in _BUSY:
                    raise LockBusyError(str(self.path)) from None
                if error.errno == errno.ENOSYS:
                    raise OSError(
                        error.errno, f"this file system cannot lock files ({self.path})"
                    ) from None
                raise
            if _still_named(fd, self.path):
                self._fd = fd
                return
            os.close(fd)  # deleted or replaced while we locked it: lock what the path names
        raise LockBusyError(f"{self.path} keeps being replaced")

    def release(self) -> None:
        """Let go (closing the file releases the lock). Idempotent."""
        fd, self._fd = self._fd, None
        self._vacant = False
        if fd is not None:
            os.close(fd)

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
