"""The snapshot file (``progress.json``): its format, version by version, and writing it.

``{"format": "studyapp-progress", "version": 3, ...}``: every card state (including
cards no longer in any deck), the settings, the reviews of the last few days and
the seq of the last journal record folded in. Rewritten whole, atomically, at each
fold. Since version 3 the card states are stored by column (see
:func:`snapshot_chunks`): a 50,000-card file parses several times faster than one
object per card, and the store keeps them as read (:mod:`~studyapp.core.store.statetable`).
The rows go in the order of the decks' cards when the store knows it
(:mod:`~studyapp.core.store.snapshot_columns`): any order reads the same. Version 1
(py-fsrs cards) is migrated to version 2 (an object per card), which is read card by
card; the store then writes version 3 and keeps the original beside. Reading a
snapshot is :mod:`~studyapp.core.store.snapshot_decode`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

import msgspec
from msgspec import Struct

from studyapp.core.store.journal import dumps
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.snapshot_columns import states_columns, table_columns
from studyapp.core.store.state import CardState
from studyapp.core.store.statetable import LEECH, PHASE_CODES, SUSPENDED, StateTable

__all__ = [
    "FORMAT",
    "LEECH",
    "OPTIONAL_COLUMNS",
    "PHASE_CODES",
    "SUSPENDED",
    "VERSION",
    "DamagedError",
    "Snapshot",
    "migrate_v1",
    "snapshot_chunks",
]

FORMAT = "studyapp-progress"
VERSION = 3


class Snapshot(Struct):
    cards: StateTable
    settings: dict[str, Any]
    recent: list[ReviewRecord]
    journal_seq: int


class DamagedError(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def migrate_v1(data: Mapping[str, Any]) -> dict[str, Any]:
    """Version 1 kept py-fsrs ``Card.to_dict()`` per card id; make it version 2.

    v1 had no phase "new", no counters and no flags: a card with no review is
    new; a review card's interval is its due minus its last review.
    """
    cards_v1 = data.get("cards")
    if not isinstance(cards_v1, dict):
        raise ValueError("'cards' is not an object")
    phases = {1: "learning", 2: "review", 3: "relearning"}
    cards: dict[str, Any] = {}
    for cid, old in cards_v1.items():
        if not isinstance(old, dict):
            raise ValueError(f"card {cid}: not an object")
        last, due = old.get("last_review"), old.get("due")
        new: dict[str, Any] = {"phase": phases.get(old.get("state", 1), "learning")}
        if last is None:
            new = {"phase": "new"}
        else:
            new.update(due=due, last_review=last, reps=1)
            for key in ("step", "stability", "difficulty"):
                if old.get(key) is not None:
                    new[key] = old[key]
            if new["phase"] == "review" and isinstance(due, str) and isinstance(last, str):
                days = (datetime.fromisoformat(due) - datetime.fromisoformat(last)).days
                new["interval"] = max(days, 1)
        cards[cid] = new
    return {
        "format": FORMAT,
        "version": 2,
        "journal_seq": 0,
        "settings": data.get("settings") if isinstance(data.get("settings"), dict) else {},
        "cards": cards,
        "recent": [],
    }


# Version 3: ``"cards"`` is an object of columns, one value per card, in the order of
# ``"id"``. ``phase`` holds codes (0 new, 1 learning, 2 review, 3 relearning) and
# ``flags`` bits (1 suspended, 2 leech); datetimes and dates are ISO strings as in
# version 2; null where a value is unset. Every column but ``id`` and ``phase`` may be
# left out when all its values are the default (null, or 0 for the counters and flags).
# (The codes and bits: :mod:`~studyapp.core.store.statetable`, which keeps the columns.)
OPTIONAL_COLUMNS: dict[str, Any] = {
    "due": None,
    "last_review": None,
    "step": None,
    "stability": None,
    "difficulty": None,
    "ease": None,
    "interval": 0,
    "reps": 0,
    "lapses": 0,
    "flags": 0,
    "buried_until": None,
}


_finite = math.isfinite
_FLOATS = frozenset({"stability", "difficulty", "ease"})


def _iso(moment: datetime | date | None) -> str | None:
    return None if moment is None else moment.isoformat()


def snapshot_chunks(
    header: Mapping[str, Any], cards: StateTable | Mapping[str, CardState]
) -> Iterator[bytes]:
    """The snapshot file, a column at a time: ``header`` plus ``"cards"`` (version 3).

    A 200,000-card snapshot is ~18 MB of JSON, which need not sit in memory two or
    three times over (text, bytes, bytes plus newline) while it is written. From a
    :class:`StateTable` the columns are its own, with the states set since written
    over their rows: no state is built.
    """
    if isinstance(cards, StateTable):
        ids, column_named = table_columns(cards)
    else:
        ids, column_named = states_columns(cards)
    head = dumps(header)
    yield head[:-1] + (b',"cards":{' if header else b'"cards":{')
    # A column's JSON comes in pieces of _PIECE values: whole and joined to its name,
    # a 200,000-card date column would sit in memory twice (~13 MB at the fold's peak).
    yield b'"id":'
    yield from _encode(ids)
    del ids
    yield b',"phase":'
    yield from _encode(column_named("phase"))
    for name, default in OPTIONAL_COLUMNS.items():
        column = column_named(name)
        if column.count(default) == len(column):
            continue
        if name == "buried_until":
            column = [_iso(day) for day in column]
        yield b',"%s":' % name.encode()
        yield from _encode(column, floats=name in _FLOATS)
        del column
    yield b"}}\n"


_PIECE = 16_384
"""Values of a column encoded at a time (a few hundred kB of JSON)."""


def _encode(column: list[Any], *, floats: bool = False) -> Iterator[bytes]:
    """A column as JSON, in pieces, by msgspec in C (~10x ``json.dumps``; datetimes as
    RFC 3339, ``...Z`` for UTC: both readers parse either form); ``floats``: by
    ``json.dumps`` if a value is not a finite number (msgspec would write null for a
    NaN)."""
    if floats:
        try:
            finite = _finite(sum(filter(None, column)))
        except TypeError:
            finite = False
        if not finite:
            yield dumps(column)
            return
    if len(column) <= _PIECE:
        yield msgspec.json.encode(column)
        return
    encode = msgspec.json.encode
    yield b"["
    for start in range(0, len(column), _PIECE):
        piece = encode(column[start : start + _PIECE])
        yield piece[1:-1] if start == 0 else b"," + piece[1:-1]
    yield b"]"
