"""A list in a sentence: the first few named, the rest counted.

A message about many things (the entries one text gives away, the questions one is
near, the entries a CSV cannot carry) names a few and counts the rest, so that it stays
one readable line however big the deck: "'a'", "'a' and 'b'", "'a', 'b' and 'c'",
"'a', 'b', 'c' and 12 more".
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["listed", "plural"]


def listed(named: Sequence[str], total: int) -> str:
    """``named`` (the first of ``total`` things, already written) joined in a sentence, the
    ones not named counted after them."""
    if not named:
        return f"{total:,}"
    more = total - len(named)
    if more > 0:
        return ", ".join(named) + f" and {more:,} more"
    if len(named) == 1:
        return named[0]
    return ", ".join(named[:-1]) + " and " + named[-1]


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, plural unless one: "1 day", "3 days", "1,204 reviews";
    ``many`` for a word an "s" does not make plural ("1 entry", "3 entries", "1 question
    was", "2 questions were")."""
    if count == 1:
        return f"{count:,} {word}"
    return f"{count:,} {many if many is not None else word + 's'}"
