"""Anki's interval fuzz and rounding, shared by FSRS-6 and SM-2.

Fuzz is seeded by the card and its review count, so a preview always shows
exactly what answering will do.
"""

from __future__ import annotations

import functools
import math
import random
from datetime import timedelta

_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05))


def round_half_up(value: float) -> int:
    """Round like Rust's ``f32::round`` (Anki), not Python's banker's rounding."""
    return math.floor(value + 0.5)


def fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """Anki's fuzz range for an interval, kept within [minimum, maximum]."""
    minimum = min(minimum, maximum)
    interval = min(max(interval, minimum), maximum)
    delta = 0.0
    if interval >= 2.5:
        delta = 1.0 + sum(
            f * max(min(interval, end) - start, 0.0) for start, end, f in _FUZZ_RANGES
        )
    lower = min(max(round_half_up(interval - delta), minimum), maximum)
    upper = min(max(round_half_up(interval + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def constrain_interval(
    interval: float, minimum: int, maximum: int, fuzz_factor: float | None
) -> int:
    """Round (or fuzz, if a factor in [0, 1) is given) an interval into [minimum, maximum]."""
    maximum = max(maximum, 1)
    minimum = min(max(minimum, 1), maximum)
    if fuzz_factor is None:
        return min(max(round_half_up(interval), minimum), maximum)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    return math.floor(lower + fuzz_factor * (1 + upper - lower))


@functools.lru_cache(maxsize=256)
def fuzz_factor(card_id: str, reps: int) -> float:
    """A repeatable random number for a card's next interval (as Anki seeds by card + reps).

    Cached: the grade buttons' preview and the answer that follows ask for the same one.
    """
    return random.Random(f"{card_id}#{reps}").random()


def _hard_first_step(steps: tuple[timedelta, ...]) -> timedelta:
    """Anki's Hard delay on the first step: halfway to the next, or 1.5x (at most +1 day)."""
    if len(steps) >= 2:
        secs = (steps[0] + steps[1]).total_seconds() / 2
    else:
        secs = min(steps[0].total_seconds() * 1.5, steps[0].total_seconds() + 86400)
    if secs > 86400:
        secs = round_half_up(secs / 86400) * 86400
    return timedelta(seconds=int(secs))
