"""Chronologies: putting a deck's events in order, typed or numbered.

Right if every event is in place, *close* if two neighbours are swapped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from studyapp.core.quiz.answers.normalise import text_key
from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict, no_answer

__all__ = ["check_order", "parse_order_numbers"]

_NUMBERING = re.compile(r"^\s*\d{1,2}[.)]\s+")


def parse_order_numbers(text: str, count: int) -> list[int] | None:
    """Read a typed ordering such as "2 3 1", "2,3,1" or "231" as 0-based indices.

    None unless every number from 1 to ``count`` appears exactly once: a
    learner who mistypes gets asked again rather than marked wrong.
    """
    parts = text.replace(",", " ").split()
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == count and count < 10:
        parts = list(parts[0])
    if not parts or not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    if sorted(numbers) != list(range(1, count + 1)):
        return None
    return [n - 1 for n in numbers]


def check_order(given: Sequence[str], events: Sequence[str]) -> Verdict:
    """Check a chronology: right if every event is in place, close if one neighbour swap."""
    expected = " → ".join(events)
    shown = " → ".join(g.strip() for g in given)
    if not given:
        return no_answer(expected, shown)
    keys = [text_key(e) for e in events]
    positions: list[int] = []
    for item in given:
        key = text_key(_NUMBERING.sub("", item))
        if key not in keys:
            stranger = f"'{item.strip()}' is not one of the events"
            return make_verdict(Outcome.WRONG, stranger, expected, shown, note=stranger)
        positions.append(keys.index(key))
    if sorted(positions) != list(range(len(events))):
        once = "give every event exactly once"
        return make_verdict(Outcome.WRONG, once, expected, shown, note=once)
    swaps = sum(
        1
        for i in range(len(positions))
        for j in range(i + 1, len(positions))
        if positions[i] > positions[j]
    )
    placed = sum(1 for i, p in enumerate(positions) if i == p)
    if swaps == 0:
        return make_verdict(Outcome.CORRECT, "correct", expected, shown, note="")
    if swaps == 1:
        swapped = f"almost: two neighbours are swapped ({placed} of {len(events)} in place)"
        return make_verdict(Outcome.CLOSE, swapped, expected, shown, note=swapped)
    placed_right = f"{placed} of {len(events)} in the right place"
    return make_verdict(Outcome.WRONG, placed_right, expected, shown, note=placed_right)
