"""The columns a :class:`StateTable` is written as: the states set since over their rows,
each id once, in the order of the cards when the table knows it.

Written in the cards' order, the next start joins the rows to the cards in one walk
(see ``study.cardrows``). The rows are kept in that order from fold to fold: the states
set since replace their rows in place, and the cards studied for the first time are
inserted where their cards are (a slice of each column copied around each, in C); a
table in another order (an older file, decks edited since) is put in order once.
Columns are made one at a time, as they are written: one copy of one column at most.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Mapping
from typing import Any

from studyapp.core.store.state import CardState
from studyapp.core.store.statetable import ROW_ORDER, RowOrder, StateTable, column_of

Column = Callable[[str], list[Any]]
"""A column by name (a field of :class:`StateColumns`), made when asked for."""


def states_columns(states: Mapping[str, CardState]) -> tuple[list[str], Column]:
    """A dict of states' ids and columns."""
    rows = list(states.values())
    return list(states), lambda name: column_of(rows, name)


def table_columns(table: StateTable) -> tuple[list[str], Column]:
    """A table's ids and columns as the snapshot is to hold them."""
    ids, columns, changed = table.ids, table.columns, table.changed
    n = len(ids)
    if len(table.row_of) != n:  # an id given twice (an odd file): its last row counts
        return states_columns(table.everything())
    order: RowOrder | None = table.derived.get(ROW_ORDER)
    row_of = table.row_of
    patch: list[tuple[int, CardState]] = []
    added: dict[str, CardState] = {}
    for card_id, state in changed.items():
        row = row_of.get(card_id)
        if row is None:
            added[card_id] = state
        else:
            patch.append((row, state))
    in_order = order is None or order.matched is not None
    if not patch and not added and in_order:
        return ids, lambda name: getattr(columns, name)
    over = [state for _, state in patch]
    new = list(added.values())

    def patched(name: str) -> list[Any]:
        column = list(getattr(columns, name))
        for (row, _), value in zip(patch, column_of(over, name), strict=True):
            column[row] = value
        return column

    if order is None:  # the order of the cards unknown: new states last
        return ids + list(added), lambda name: patched(name) + column_of(new, name)
    if order.matched is not None:
        splice = _splicer(order, order.matched, list(added))
        return splice(ids, list(added)), lambda name: splice(patched(name), column_of(new, name))
    permutation = _cards_order(order, n, list(added))
    all_ids = ids + list(added)

    def permuted(name: str) -> list[Any]:
        column = patched(name) + column_of(new, name)
        return list(map(column.__getitem__, permutation))

    return list(map(all_ids.__getitem__, permutation)), permuted


def _splicer(
    order: RowOrder, matched: int, new_ids: list[str]
) -> Callable[[list[Any], list[Any]], list[Any]]:
    """For rows in the cards' order already (rows ``[0, matched)``, then rows of no
    card): a column with each new state's value inserted before the first row of a card
    after its own (those of no card last)."""
    wanted = set(new_ids)
    card_ids = order.card_ids
    found = itertools.compress(range(len(card_ids)), map(wanted.__contains__, card_ids))
    where = {card_ids[p]: p for p in found} if wanted else {}
    spots = sorted(  # by row to insert before, then by card
        (bisect.bisect_left(order.position, where[card_id], 0, matched), where[card_id], k)
        for k, card_id in enumerate(new_ids)
        if card_id in where
    )
    last = [k for k, card_id in enumerate(new_ids) if card_id not in where]

    def spliced(column: list[Any], extra: list[Any]) -> list[Any]:
        result: list[Any] = []
        start = 0
        for spot, _, k in spots:
            result += column[start:spot]
            result.append(extra[k])
            start = spot
        result += column[start:]
        result += (extra[k] for k in last)
        return result

    return spliced


def _cards_order(order: RowOrder, n: int, new_ids: list[str]) -> list[int]:
    """The rows (and, numbered from ``n`` on, the new states) in the order of the cards,
    then those of no card, as they were."""
    extra = {card_id: n + k for k, card_id in enumerate(new_ids)}
    permutation: list[int] = []
    take = permutation.append
    card_ids = order.card_ids
    for p, r in enumerate(order.row):
        if r >= 0:
            take(r)
        elif extra and (k := extra.pop(card_ids[p], None)) is not None:
            take(k)
    permutation += (r for r, p in enumerate(order.position) if p < 0)
    permutation += extra.values()
    return permutation
