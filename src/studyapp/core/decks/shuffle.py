"""Shuffling a list the learner must put back in order, never handing it over solved.

One rule shared by the study screen's order cards and the quiz's ordering questions:
a plain shuffle of three events leaves them in the right order one time in six, and
the card then answers itself ("1, 2, 3" is marked correct).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_TRIES = 8


def out_of_order(items: Sequence[T], rng: random.Random) -> list[T]:
    """``items`` shuffled (seeded by ``rng``), never in the given order when two or more
    of them differ. After a few unlucky shuffles the list is rotated by one instead."""
    given = list(items)
    shuffled = list(given)
    for _ in range(_TRIES):
        rng.shuffle(shuffled)
        if shuffled != given:
            return shuffled
    return shuffled[1:] + shuffled[:1]
