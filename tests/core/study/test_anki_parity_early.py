"""Early reviews (before the card is due) schedule as Anki schedules them.

An exam plan reviews cards before they are due (the day before the exam, a
ladder step in the middle of a long interval). FSRS counts such a review from
the days actually elapsed, so the long-term schedule stays honest; these
sequences check that our intervals after early reviews equal Anki's own, driven
live as in ``test_anki_parity`` (``Good@2``: answered 2 days after the last
review, whatever its interval).
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")

from studyapp.core.study.settings import SchedulerSettings
from tests.core.study.test_anki_parity import anki, collection, ours, parse

__all__ = ["collection"]  # the fixture, shared

EARLY = [
    # graduate, grow the interval, then review well before it is due
    "Good,Good,Good,Good,Good@2,Good@1,Good@3",
    "Good,Good,Easy,Easy,Good@5,Hard@2,Good@1",
    "Good,Good,Good,Good,Good,Good@10,Again@4,Good,Good@1",
    "Easy,Good,Good,Good,Easy@7,Easy@7,Good@2",
    # a ladder: a review at the middle of each long interval, then the day before
    "Good,Good,Good,Good,Good,Good@20,Good@20,Good@1",
]


def test_every_sequence_reviews_early() -> None:
    for sequence in EARLY:
        assert any("@" in step for step in sequence.split(","))


@pytest.mark.parametrize("sequence", EARLY)
def test_early_reviews_equal_ankis(
    collection: tuple[Any, int, SchedulerSettings], sequence: str
) -> None:
    col, did, settings = collection
    steps = parse(sequence)
    assert ours(settings, steps) == anki(col, did, steps)
