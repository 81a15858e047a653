"""A lint check shared with a forked copy of the process, which starts on it while the
parent runs the other checks, then both take its parts in turn.

Why: a big deck's lint is CPU-bound Python, and the leak check alone is half of it (a
50,000-entry deck: 3.8 of 7.9 s), so one core is idle while a learner waits. A fork
shares the deck already read and validated (no pickling it to a worker); only the
child's findings come back, through a pipe, as msgpack. A fork is cheap next to the
seconds saved, but not free, so small decks are linted in one process.

Nothing depends on the fork working: if it cannot be made, or the child fails for any
reason, its parts are done again here, and the report is the same either way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator

import msgspec

from studyapp.core.authoring.lint.rules import Finding, Linter

__all__ = ["FORK_FROM", "Parts", "start_parts"]

FORK_FROM = 4_000
"""Entries from which a check is worth a fork (a fork and its copied pages cost a few
milliseconds; the leak check of 4,000 entries takes a few hundred)."""

_PARTS_DONE = msgspec.msgpack.Decoder(tuple[list[int], list[Finding]])
"""What a child sends back: the parts it did, and their findings."""

Work = Callable[[Linter, int], None]
"""One numbered part of a check: its findings added to the linter given."""


class Parts:
    """A check in numbered parts, taken in turn by a forked child (at once) and by this
    process (in :meth:`finish`, once its other checks are done), so that neither core
    waits while the other has parts left. The parts are bytes in a pipe: a read of one
    byte is atomic, so each part goes to one process. :meth:`finish` adds the child's
    findings, and does here the parts of a child that failed; :meth:`abandon` stops it."""

    def __init__(
        self, count: int, work: Work, lint: Linter, pid: int = 0, tokens: int = -1, pipe: int = -1
    ) -> None:
        self._count, self._work, self._lint = count, work, lint
        self._pid, self._tokens, self._pipe = pid, tokens, pipe

    def finish(self) -> None:
        mine = set()
        for n in _taken(self._tokens, self._count):
            self._work(self._lint, n)
            mine.add(n)
        self._tokens = -1  # (closed by _taken)
        if self._pid == 0:
            return
        with os.fdopen(self._pipe, "rb") as pipe:
            payload = pipe.read()
        self._pipe = -1
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        got: tuple[list[int], list[Finding]] | None = None
        if os.waitstatus_to_exitcode(status) == 0:
            with contextlib.suppress(msgspec.DecodeError):
                got = _PARTS_DONE.decode(payload)
        if got is not None:
            mine.update(got[0])
            self._lint.findings += got[1]
        for n in range(self._count):  # a child that failed: its parts, here
            if n not in mine:
                self._work(self._lint, n)

    def abandon(self) -> None:
        if self._pid == 0:
            return
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self._pid, 0)
        for fd in (self._pipe, self._tokens):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._pid, self._pipe, self._tokens = 0, -1, -1


def _taken(tokens: int, count: int) -> Iterator[int]:
    """The parts this process takes: every one without a child; else, in turn, those
    left in the pipe (none once the child has taken them all), then the pipe is closed."""
    if tokens < 0:
        yield from range(count)
        return
    try:
        while part := os.read(tokens, 1):
            yield part[0]
    finally:
        with contextlib.suppress(OSError):
            os.close(tokens)


def start_parts(count: int, work: Work, lint: Linter, *, fork: bool, size: int) -> Parts:
    """Start a check of ``count`` parts (at most 255), ``work`` doing one; with ``fork``
    and a deck of ``size`` :data:`FORK_FROM` entries or more, a child takes parts at once
    and this process joins in :meth:`Parts.finish`; else (or if the system refuses)
    every part is done in :meth:`Parts.finish`."""
    if not fork or size < FORK_FROM or not hasattr(os, "fork") or not 0 < count < 256:
        return Parts(count, work, lint)
    try:
        tokens, fill = os.pipe()
    except OSError:
        return Parts(count, work, lint)
    try:
        os.write(fill, bytes(range(count)))  # 255 bytes: never more than a pipe holds
        os.close(fill)
        read_end, write_end = os.pipe()
    except OSError:
        with contextlib.suppress(OSError):
            os.close(tokens)
        return Parts(count, work, lint)
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        for fd in (read_end, write_end, tokens):
            os.close(fd)
        return Parts(count, work, lint)
    if pid == 0:  # the child: takes parts until none is left, then never returns
        status = 1
        try:
            os.close(read_end)
            mine = Linter(lint.display, lint.doc)
            done = []
            for n in _taken(tokens, count):
                work(mine, n)
                done.append(n)
            payload = msgspec.msgpack.encode((done, mine.findings))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return Parts(count, work, lint, pid, tokens, read_end)
