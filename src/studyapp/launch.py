"""The ``studyapp`` command's entry point: the CLI, started with the collector paused.

Nothing is imported before the garbage collector is paused (see
:mod:`studyapp.core.base.gcpause`): the pause covers Textual's imports too. The app
ends it after its first frame; a headless command ends it as soon as its
arguments are parsed (:func:`studyapp.cli.main`).

A one-off deck tool (:data:`ONE_OFF`) ends the process as soon as its output is
flushed: it holds no progress store, no lock, no thread and no open file once it
returns, so the interpreter's teardown (freeing every module, a last collection)
would be work for nothing. Only this entry point does so; ``studyapp.cli.main``
called in-process (the tests) always returns.
"""

from __future__ import annotations

import contextlib
import os
import sys

from studyapp.core.base.gcpause import pause_for_start

ONE_OFF = frozenset({"export", "validate", "lint"})
"""Commands that write only through :func:`~studyapp.core.base.atomic.atomic_write` or a
finished ``os.replace`` (files complete and closed before the command returns), keep no
store, lock or thread, and register no exit handler: nothing is left for teardown."""


def main() -> int:
    pause_for_start()
    from studyapp.cli import main as cli_main

    code = cli_main()
    if sys.argv[1:2] and sys.argv[1] in ONE_OFF:
        exit_now(code)
    return code


def exit_now(code: int) -> None:
    """Flush what the command printed, then end the process without the interpreter's
    teardown. A reader that went away (``| head``) gets what it took; the exit code stays
    the command's."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # reader gone (EPIPE); stream closed
            stream.flush()
    os._exit(code)
