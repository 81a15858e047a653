"""How long the learner takes per answer, from their own answers: what a minute buys."""

from __future__ import annotations

import statistics
from collections.abc import Iterable

from studyapp.core.store.records import ReviewRecord

__all__ = ["DEFAULT_SECONDS", "seconds_per_answer"]

DEFAULT_SECONDS = 10.0
"""Until the learner has answered enough cards to measure (a typical flashcard answer)."""
_CAP_MS = 60_000
"""An answer left open longer counts as a minute (Anki's cap: the learner walked away)."""
_ENOUGH = 20


def seconds_per_answer(reviews: Iterable[ReviewRecord]) -> float:
    """The median time of the learner's timed answers (capped at a minute each), or
    :data:`DEFAULT_SECONDS` when fewer than 20 were timed."""
    times = [min(r.took_ms, _CAP_MS) for r in reviews if r.took_ms is not None and r.took_ms > 0]
    if len(times) < _ENOUGH:
        return DEFAULT_SECONDS
    return round(statistics.median(times) / 1000, 1) or DEFAULT_SECONDS
