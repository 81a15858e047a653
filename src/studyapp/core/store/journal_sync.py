"""The journal's fsync thread: an answer is written at once and made durable moments later.

Group commit: one fsync covers every line written since the last, in a thread of
its own, so an answer never waits for the disk (see :class:`JournalSync`).
:func:`open_journal` opens a journal for appending, with its thread.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from studyapp.core.base.atomic import fsync_dir
from studyapp.core.store.errors import NotSavedError, ProgressError
from studyapp.core.store.layout import FILE_MODE


def open_journal(path: Path, *, durable: bool = True) -> tuple[int, JournalSync]:
    """``path`` open for appending (created if need be), and its fsync thread.

    ``durable``: a new journal's name is made durable now (else the caller fsyncs
    the folder: a fold handing the journal over does, in its own thread).
    """
    existed = path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)  # owner only
    if durable and not existed:
        fsync_dir(path.parent)
    return fd, JournalSync(fd, path)


class JournalSync:
    """Fsyncs the journal from a background thread, moments after each write.

    :meth:`wrote` (after each ``write``) wakes the thread if it is idle; the thread
    waits :attr:`GATHER` seconds for more lines, then one fsync covers them all
    (group commit: answers in quick succession share one). While it works, writes
    only bump a counter: the store's thread never waits for it, and the two meet
    (take the GIL from each other) about twice per fsync, not per answer.
    :meth:`sync` makes everything written so far durable in the calling thread
    (before a fold); :meth:`stop` lets the thread fsync what is left and joins it.
    The thread is the only other user of the file descriptor and is joined before
    the store closes it: it never fsyncs a closed (or reused) descriptor. A failed
    fsync is kept and raised (as :class:`ProgressError`) by every later
    :meth:`check`, :meth:`sync` and :meth:`stop`: a line that may not have reached
    the disk is never silently taken for saved.
    """

    GATHER = 0.002
    """Seconds the thread waits for more lines before an fsync."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd = fd
        self._path = path
        self._cond = threading.Condition()
        self._written = 0
        """Lines written so far (a counter; only the store's thread changes it)."""
        self._synced = 0
        """Lines covered by a finished fsync."""
        self._idle = False
        """The thread waits for a line (set and cleared under the lock)."""
        self._error: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(
            target=self._run, name=f"studyapp fsync {path.name}", daemon=True
        )
        self._thread.start()

    def write(self, data: bytes) -> None:
        """Append ``data`` to the journal: in the kernel's hands (safe from a crash of the
        app) on return, fsynced moments later. Raises a failed fsync first.

        A write that fails (a full disk) raises :class:`NotSavedError` and leaves nothing
        of ``data`` behind: what part of it went out is cut off again, so the next line
        never runs on from half a record. Should that cut fail too, saving stops (raised
        by every later call), as after a failed fsync.
        """
        self.check()
        fd = self._fd
        written = 0
        try:
            written = os.write(fd, data)
            while written < len(data):
                written += os.write(fd, data[written:])
        except OSError as error:
            if written:
                self._take_back(written, error)
            raise NotSavedError(self._path, error) from error
        self.wrote()

    def _take_back(self, written: int, error: OSError) -> None:
        """Cut the ``written`` bytes of a line that failed off the journal's end (the
        journal is appended to by this thread alone)."""
        try:
            os.ftruncate(self._fd, os.fstat(self._fd).st_size - written)
        except OSError:
            self.fail(error)  # half a record stays: nothing may be appended after it
            self.check()

    def wrote(self) -> None:
        """A line was written: have it fsynced soon."""
        # No lost wake-up: the thread sets _idle under the lock *before* it last
        # reads _written, and it is notified under the lock.
        self._written += 1
        if self._idle:
            with self._cond:
                self._cond.notify()

    def _fsync(self, upto: int) -> None:
        try:
            os.fsync(self._fd)
        except BaseException as error:
            with self._cond:
                if self._error is None:
                    self._error = error
                self._cond.notify_all()
            raise
        with self._cond:
            if upto > self._synced:
                self._synced = upto
            self._cond.notify_all()

    def _run(self) -> None:
        cond = self._cond
        while True:
            with cond:
                self._idle = True
                while self._synced >= self._written and not self._stopping:
                    cond.wait()
                self._idle = False
                if self._synced >= self._written:
                    return  # stopping, and all is fsynced
                if not self._stopping:
                    cond.wait(self.GATHER)  # gather more lines (stop() cuts it short)
            try:
                self._fsync(self._written)
            except BaseException:
                return  # kept for check()

    def check(self) -> None:
        """Raise ProgressError if a background fsync failed."""
        error = self._error
        if error is not None:
            raise ProgressError(
                f"{self._path} could not be saved to disk ({error}); the last answers "
                "may be lost if the computer stops. Saving stopped: restart studyapp"
            ) from error

    def fail(self, error: BaseException) -> None:
        """Take on a failure found elsewhere (the fsync of a journal handed to a fold):
        raised from now on, as one of this thread's own would be."""
        with self._cond:
            if self._error is None:
                self._error = error
            self._cond.notify_all()

    def idle(self) -> None:
        """Wait until the thread has caught up with every line so far, or failed."""
        with self._cond:
            upto = self._written
            while self._synced < upto and self._error is None and self._thread.is_alive():
                self._cond.wait()

    def sync(self) -> None:
        """Make every line written so far durable (fsync here, unless already done)."""
        self.check()
        upto = self._written
        if self._synced >= upto:
            return
        try:
            self._fsync(upto)
        except OSError:
            self.check()
            raise

    def stop(self) -> None:
        """Let the thread fsync what is left, end it and wait for it; raise a failure."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join()  # it leaves only once all is fsynced, or on a failure
        self.check()
