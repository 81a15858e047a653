"""The snapshot file (``progress.json``): its format, version by version, and writing it.

``{"format": "studyapp-progress", "version": 3, ...}``: every card state (including
cards no longer in any deck), the settings, the reviews of the last few days and
the seq of the last journal record folded in. Rewritten whole, atomically, at each
fold. Since version 3 the card states are stored by column (see
:func:`snapshot_chunks`): a 50,000-card file parses several times faster than one
object per card. Version 1 (py-fsrs cards) is migrated to version 2 (an object per
card), which is read card by card; the store then writes version 3 and keeps the
original beside. Reading a snapshot is :mod:`~studyapp.core.store.snapshot_decode`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

import msgspec
from msgspec import Struct

from studyapp.core.store.journal import dumps
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase

FORMAT = "studyapp-progress"
VERSION = 3


class Snapshot(Struct):
    cards: dict[str, CardState]
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
PHASE_CODES: tuple[Phase, ...] = (Phase.NEW, Phase.LEARNING, Phase.REVIEW, Phase.RELEARNING)
_CODE_OF_PHASE: dict[Phase, int] = {phase: code for code, phase in enumerate(PHASE_CODES)}
SUSPENDED, LEECH = 1, 2
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


_DATETIME_COLUMNS = frozenset({"due", "last_review"})


def _iso(moment: datetime | date | None) -> str | None:
    return None if moment is None else moment.isoformat()


def snapshot_chunks(header: Mapping[str, Any], cards: Mapping[str, CardState]) -> Iterator[bytes]:
    """The snapshot file, a column at a time: ``header`` plus ``"cards"`` (version 3).

    A 50,000-card snapshot is ~5 MB of JSON, which need not sit in memory two or
    three times over (text, bytes, bytes plus newline) while it is written.
    """
    head = dumps(header)
    yield head[:-1] + (b',"cards":{' if header else b'"cards":{')
    yield b'"id":' + dumps(list(cards))
    states = list(cards.values())
    code = _CODE_OF_PHASE
    yield b',"phase":' + dumps([code[s.phase] for s in states])
    columns: list[tuple[str, Callable[[], list[Any]]]] = [
        ("due", lambda: [s.due for s in states]),
        ("last_review", lambda: [s.last_review for s in states]),
        ("step", lambda: [s.step for s in states]),
        ("stability", lambda: [s.stability for s in states]),
        ("difficulty", lambda: [s.difficulty for s in states]),
        ("ease", lambda: [s.ease for s in states]),
        ("interval", lambda: [s.interval for s in states]),
        ("reps", lambda: [s.reps for s in states]),
        ("lapses", lambda: [s.lapses for s in states]),
        (
            "flags",
            lambda: [(SUSPENDED if s.suspended else 0) | (LEECH if s.leech else 0) for s in states],
        ),
        ("buried_until", lambda: [_iso(s.buried_until) for s in states]),
    ]
    for name, build in columns:
        column = build()
        default = OPTIONAL_COLUMNS[name]
        if any(value != default for value in column):
            # datetimes: msgspec writes RFC 3339 in C (``...Z`` for UTC), ~10x faster
            # than isoformat() one by one; both readers parse either form
            encode = msgspec.json.encode if name in _DATETIME_COLUMNS else dumps
            yield b',"%s":%s' % (name.encode(), encode(column))
        del column
    yield b"}}\n"
