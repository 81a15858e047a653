"""Which row of the store's columns each card of the decks has, worked out once.

The queue and the home screen's counts read a few fields of every card's state. With
200,000 cards, looking each card's state up (and building it) was most of a start-up;
here the cards are joined to the store's rows once and the join is kept beside the
rows (:attr:`StateTable.derived`), which never change: the states set since (each
answer's) are read over it, there and then.

The snapshot is written with its rows in the order of the cards (see
``snapshot._table_columns``, which reads :data:`~studyapp.core.store.statetable.ROW_ORDER`),
so the join is usually one walk down both lists comparing ids (200,000 cards: ~15 ms),
no dict at all; rows in another order (an older file, decks edited) are looked up by id.
The walk also gives the table the cards' id strings for its own equal ones, so that
each id is held once (200,000 cards: ~14 MB).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from array import array
from collections.abc import Collection, Sequence
from typing import Generic, TypeVar

from msgspec import Struct

from studyapp.core.decks.card import CardIdentity
from studyapp.core.store.statetable import ROW_ORDER, RowOrder, StateTable

_ID = operator.attrgetter("id")
_DECK_ID = operator.attrgetter("deck_id")
_NO_ROW = -1
_KEY = "study.cardrows"


C = TypeVar("C", bound=CardIdentity)
"""The cards joined: whole cards (the queue), or the stats CLI's keys."""


class CardRows(Struct, Generic[C]):
    """The join of a list of cards and a table's rows (read only)."""

    cards: Sequence[C]
    card_ids: list[str]
    row: Sequence[int]
    """The row of each card (by position), -1 for a card with no row."""
    position: Sequence[int]
    """The card (position) of each row, -1 for a row no card has (or a repeated id's
    earlier row, which no longer counts)."""
    unseen: list[int]
    """The positions of the cards with no row, in order."""
    ordered: int
    """Rows ``[0, ordered)`` belong to cards in the cards' order (one deck's rows are
    then a slice of the columns); 0 if the rows are in another order."""
    runs: list[tuple[str, int, int]]
    """(deck, start, end): the positions of each run of one deck's cards, in order."""
    decks: frozenset[str]
    """The decks of the cards."""
    _changed: tuple[int, dict[str, int]] = (-1, {})

    def changed_positions(self, table: StateTable) -> dict[str, int]:
        """The positions of the cards whose states were set since the rows were read
        (kept until another is set: home and the session ask in turn)."""
        version, found = self._changed
        if version != table.version:
            found = self.positions_of(table.changed)
            self._changed = (table.version, found)
        return found

    def positions_of(self, card_ids: Collection[str]) -> dict[str, int]:
        """The positions of the cards with these ids (ids no card has are left out)."""
        wanted = card_ids if isinstance(card_ids, (set, frozenset, dict)) else set(card_ids)
        if not wanted:
            return {}
        ids = self.card_ids
        found = itertools.compress(range(len(ids)), map(wanted.__contains__, ids))
        return {ids[p]: p for p in found}

    def rows_of(self, start: int, end: int) -> tuple[int, int] | None:
        """The rows of the cards at positions ``[start, end)`` as a slice of the columns
        (every other row belongs to no card there), or None if the rows are not in order."""
        if not self.ordered:
            return None
        position = self.position
        return (
            bisect.bisect_left(position, start, 0, self.ordered),
            bisect.bisect_left(position, end, 0, self.ordered),
        )


def card_rows(cards: Sequence[C], table: StateTable) -> CardRows[C]:
    """The join of ``cards`` and ``table`` (kept with the table for the same list of cards,
    as long as it is not changed: one list at a time, the workspace's)."""
    kept: CardRows[C] | None = table.derived.get(_KEY)
    if kept is not None and kept.cards is cards and len(kept.card_ids) == len(cards):
        return kept
    card_ids = list(map(_ID, cards))
    found = _walk(card_ids, table.ids) or _look_up(card_ids, table)
    row, position, unseen, matched = found
    ordered = matched or 0
    runs: list[tuple[str, int, int]] = []
    start = 0
    for deck, run in itertools.groupby(map(_DECK_ID, cards)):
        end = start + len(list(run))
        runs.append((deck, start, end))
        start = end
    decks = frozenset(deck for deck, _, _ in runs)
    join = CardRows(cards, card_ids, row, position, unseen, ordered, runs, decks)
    table.derived[_KEY] = join
    table.derived[ROW_ORDER] = RowOrder(card_ids, row, position, matched)
    return join


_Found = tuple["array[int]", "array[int]", list[int], int | None]
"""Row of each card, card of each row, cards with no row, and how many rows belong to
cards in their order (the others to none), None if not in order. The first two are
arrays of machine integers: a list holds an int object of 32 bytes for each row past
256 (200,000 cards: ~13 MB)."""


def _ints() -> array[int]:
    return array("q")


def _walk(card_ids: list[str], ids: list[str]) -> _Found | None:
    """The join when the rows come in the cards' order (how the store writes them): a
    walk down both lists by runs (``list.index`` finds the next row's card, slices
    compare a run of rows at once: C does the walking); None if they do not (a card
    whose row comes out of order, a row given twice)."""
    n, m = len(ids), len(card_ids)
    row = _ints()
    position = _ints()
    unseen: list[int] = []
    r = p = 0
    find = card_ids.index
    for _ in range(_MOST_RUNS):
        if r >= n or p >= m:
            break
        try:
            q = find(ids[r], p)
        except ValueError:
            break  # a row no card has: from here on, those rows only (written last)
        if q > p:  # cards with no row (new)
            row.extend(itertools.repeat(_NO_ROW, q - p))
            unseen += range(p, q)
        k = _same_run(card_ids, q, ids, r)
        ids[r : r + k] = card_ids[q : q + k]  # the same ids: keep one copy of each
        row.extend(range(r, r + k))
        position.extend(range(q, q + k))
        p, r = q + k, r + k
    else:
        return _step_by_step(card_ids, ids)  # short runs (cards new and seen in turn)
    row.extend(itertools.repeat(_NO_ROW, m - p))
    unseen += range(p, m)
    if r < n:
        if not _no_card_has(ids[r:], card_ids):
            return None
        position.extend(itertools.repeat(_NO_ROW, n - r))
    return row, position, unseen, r


_MOST_RUNS = 1000
"""Runs of rows walked by slices before walking item by item instead (each run costs
~3 us: for short runs, one item at a time is faster)."""


def _step_by_step(card_ids: list[str], ids: list[str]) -> _Found | None:
    """:func:`_walk`, one card at a time (~20 ms for 200,000 cards, however they run)."""
    n, m = len(ids), len(card_ids)
    row = _ints()
    add = row.append
    r = 0
    following = ids[0] if n else None
    for card_id in card_ids:
        if card_id == following:
            add(r)
            r += 1
            following = ids[r] if r < n else None
        else:
            add(_NO_ROW)
    if r < n and not _no_card_has(ids[r:], card_ids):
        return None
    has_row = list(map(_NO_ROW.__ne__, row))
    position = array("q", itertools.compress(range(m), has_row))
    position.extend(itertools.repeat(_NO_ROW, n - r))
    unseen = list(itertools.compress(range(m), map(operator.not_, has_row)))
    return row, position, unseen, r


def _no_card_has(rows: list[str], card_ids: list[str]) -> bool:
    """Whether these rows (left over by a walk) belong to no card, each once: else one
    came out of order (its card was taken for new), or repeats an id (the last counts)."""
    left = set(rows)
    return len(left) == len(rows) and not any(map(left.__contains__, card_ids))


def _same_run(a: list[str], i: int, b: list[str], j: int) -> int:
    """How many items ``a[i:]`` and ``b[j:]`` have alike from the start (at least 1:
    ``a[i] == b[j]``), found by doubling then halving the length of slices compared."""
    most = min(len(a) - i, len(b) - j)
    if most < 2 or a[i + 1] != b[j + 1]:
        return 1  # cards with and without a row in turn: no slices for one item
    known, step = 2, 1
    while known < most:  # doubling: each try compares the next ``step`` items in C
        step = min(step * 2, most - known)
        if a[i + known : i + known + step] != b[j + known : j + known + step]:
            break
        known += step
    else:
        return known
    while step > 1:  # the first difference is within the last ``step`` items
        step //= 2
        if a[i + known : i + known + step] == b[j + known : j + known + step]:
            known += step
    return known


def _look_up(card_ids: list[str], table: StateTable) -> _Found:
    """The join by looking each card's row up by id (~4x the walk's time)."""
    row = array("q", map(table.row_of.get, card_ids, itertools.repeat(_NO_ROW)))
    position = array("q", [_NO_ROW]) * len(table.ids)
    unseen: list[int] = []
    skip = unseen.append
    for p, r in enumerate(row):
        if r < 0:
            skip(p)
        else:
            position[r] = p
    return row, position, unseen, None
