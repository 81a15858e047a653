"""One writer per progress folder: an exclusive, non-blocking lock on a file.

The operating system drops the lock when its process ends, kill -9 included, so a
crash never leaves a stale lock behind. POSIX uses ``flock(2)``; Windows locks the
file's first byte (``msvcrt.locking``). Two locks on the same file conflict even
within one process: each holds its own open file.

This replaced the ``filelock`` package, of which the store used only this: the
package's import alone cost ~15 ms of every start (a dozen modules), for a
dozen lines of standard library here.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

_BUSY = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK)


class LockBusyError(Exception):
    """Another process (or another lock in this one) holds the file."""


def _try_lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover (tested on POSIX only)
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


class FolderLock:
    """An exclusive lock on ``path`` (created if missing), held until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`LockBusyError`; never waits."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _try_lock(fd)
        except OSError as error:
            os.close(fd)
            if error.errno in _BUSY:
                raise LockBusyError(str(self.path)) from None
            raise
        self._fd = fd

    def release(self) -> None:
        """Let go (closing the file releases the lock). Idempotent."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
