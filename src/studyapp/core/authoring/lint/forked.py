"""One lint check run in a forked copy of the process while the parent runs the others.

Why: a big deck's lint is CPU-bound Python, and the leak check alone is half of it (a
50,000-entry deck: 3.8 of 7.9 s), so one core is idle while a learner waits. A fork
shares the deck already read and validated (no pickling it to a worker); only the
child's findings come back, through a pipe, as msgpack. A fork is cheap next to the
seconds saved, but not free, so small decks are linted in one process.

Nothing depends on the fork working: if it cannot be made, or the child fails for any
reason, the check runs again here, and the report is the same either way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable

import msgspec

from studyapp.core.authoring.lint.rules import Finding, Linter
from studyapp.core.decks.model import Deck

__all__ = ["FORK_FROM", "Started", "start_check"]

FORK_FROM = 4_000
"""Entries from which a check is worth a fork (a fork and its copied pages cost a few
milliseconds; the leak check of 4,000 entries takes a few hundred)."""

Check = Callable[[Linter, Deck], None]

_FINDINGS = msgspec.msgpack.Decoder(list[Finding])


class Started:
    """A check under way: :meth:`finish` adds its findings to the linter (waiting for a
    child that runs it, or running it now); :meth:`abandon` stops a child (an interrupted
    lint must not wait for it, nor run the check again)."""

    def __init__(self, check: Check, lint: Linter, deck: Deck, pid: int = 0, pipe: int = -1):
        self._check, self._lint, self._deck = check, lint, deck
        self._pid, self._pipe = pid, pipe

    def finish(self) -> None:
        if self._pid == 0:
            self._check(self._lint, self._deck)
            return
        with os.fdopen(self._pipe, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        findings: list[Finding] | None = None
        if os.waitstatus_to_exitcode(status) == 0:
            with contextlib.suppress(msgspec.DecodeError):
                findings = _FINDINGS.decode(payload)
        if findings is None:  # the child failed: the same check, here
            self._check(self._lint, self._deck)
        else:
            self._lint.findings += findings

    def abandon(self) -> None:
        if self._pid == 0:
            return
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self._pid, 0)
        with contextlib.suppress(OSError):
            os.close(self._pipe)
        self._pid = 0


def start_check(check: Check, lint: Linter, deck: Deck, *, fork: bool) -> Started:
    """Start ``check`` of ``deck``, to be finished (:meth:`Started.finish`) once the other
    checks are done. With ``fork`` (and a deck of :data:`FORK_FROM` entries or more, on a
    system that forks) it runs in a child meanwhile; else when finished."""
    if not fork or len(deck.entries) < FORK_FROM or not hasattr(os, "fork"):
        return Started(check, lint, deck)
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return Started(check, lint, deck)
    sys.stdout.flush()  # nothing buffered is written twice (the child never flushes)
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return Started(check, lint, deck)
    if pid == 0:  # the child: never returns to the caller
        status = 1
        try:
            os.close(read_end)
            mine = Linter(lint.display, lint.doc)
            check(mine, deck)
            payload = msgspec.msgpack.encode(mine.findings)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return Started(check, lint, deck, pid, read_end)
