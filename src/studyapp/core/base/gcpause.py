"""Pause the cyclic garbage collector while building many small objects.

Loading a big deck creates hundreds of thousands of dicts, lists and models
that all survive; each generation-0 collection then rescans them for nothing.
Pausing the collector for the duration roughly halves load time.

The same holds for the app's start as a whole: importing Textual, building the
widgets, the deck index and the card states creates a few hundred thousand
objects and frees almost none, and each full collection meanwhile rescans them
(~50 ms before the first frame, measured with py-spy). So the ``studyapp``
command pauses the collector from its first line (:func:`pause_for_start`)
and the app ends the pause once its first frame is out (:func:`end_start_pause`),
freezing what start-up built: it lives as long as the app, and no later
collection needs to scan it again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused_for_start = False


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def pause_for_start() -> None:
    """Pause the collector until :func:`end_start_pause` (a no-op if already paused)."""
    global _paused_for_start
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def end_start_pause() -> None:
    """Freeze what start-up built and collect as usual from here on (a no-op unless
    :func:`pause_for_start` paused the collector: tests and library use never pause)."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        gc.freeze()
        gc.enable()
