"""What each card and each state added to the kept figures, so that a few can be taken back.

``stats.kept`` (:mod:`studyapp.core.stats.kept`) holds three figures summed over every
card: mastery by deck, accuracy by kind, the sorted dues. After a study session a few
hundred states and per-card counts differ; :class:`Rows` keeps each one's part of the
sums (a card's deck and kind; a state's mastery class and due; the history digest's
per-card counts), so that the figures are brought up to date by taking the old parts
of the changed ones out and putting their new parts in, without the cards, the
snapshot or a pass over every card. Columns are packed little-endian ``array`` bytes:
decoding them costs nothing until a run needs them.
"""

from __future__ import annotations

import itertools
import operator
import sys
import zlib
from array import array
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import msgspec
from msgspec import Struct

from studyapp.core.decks.card import CardIdentity
from studyapp.core.stats.report import MATURE_DAYS
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.history_summary import Summary
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import SUSPENDED, StateColumns, StateTable

NONE, NEW, LEARNING, YOUNG, MATURE = 0, 1, 2, 3, 4
"""A state's mastery class (the low three bits of its code); NONE: a card without one."""
SUSPENDED_BIT, DUE_BIT = 8, 16
"""The code's other bits: suspended; its due is among the forecast's dues."""
TALLY_SLOT = {NONE: 1, NEW: 1, LEARNING: 2, YOUNG: 3, MATURE: 4}
"""Where a class counts in a deck's (total, new, learning, young, mature, suspended)."""
_REVIEW = 2  # the phase code of review (see statetable.PHASE_CODES)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def pack(values: Iterable[int], code: str = "q") -> bytes:
    packed = array(code, values)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def unpack(raw: bytes, code: str = "q") -> array[int] | None:
    out = array(code)
    if len(raw) % out.itemsize:
        return None
    out.frombytes(raw)
    if sys.byteorder != "little":
        out.byteswap()
    return out


def micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICRO


def code_of(state: CardState) -> tuple[int, int]:
    """A state's code and its due in microseconds (0 unless :data:`DUE_BIT`), as
    ``deck_tallies_by_rows`` and ``due_micros`` count it."""
    phase = state.phase
    if phase is Phase.NEW:
        code = NEW
    elif phase is Phase.REVIEW:
        code = MATURE if state.interval >= MATURE_DAYS else YOUNG
    else:
        code = LEARNING
    if state.suspended:
        return code | SUSPENDED_BIT, 0
    if phase is not Phase.NEW and state.due is not None:
        return code | DUE_BIT, micros(state.due)
    return code, 0


def ids_crc(ids: Sequence[str], crc: int = 0) -> int:
    """The CRC of a list of ids, each followed by a NUL; ``crc``: of the ids before them
    (a later digest's ids extend the ones counted: the CRC goes on from theirs)."""
    if not ids:
        return crc
    return zlib.crc32(("\0".join(ids) + "\0").encode(), crc)


class CardRows(Struct, frozen=True, array_like=True):
    """Each card's deck and kind: what a full count found, kept as it is until the next."""

    cards: list[str]
    decks: list[str]
    deck: bytes
    """Per card, its deck's index in :attr:`decks` (int32)."""
    kinds: list[str]
    kind: bytes
    """Per card, its kind's index in :attr:`kinds` (int32)."""


class Rows(Struct, frozen=True, array_like=True):
    """Each card's and each state's part of the kept figures (see the module doc)."""

    cards: msgspec.Raw
    """:class:`CardRows` (never encoded again: the decks are the kept ones)."""
    states: msgspec.Raw
    """The ids of the states a full count found (a list, never encoded again)."""
    more: list[str]
    """The ids of the states set since, not among those."""
    code: bytes
    """Per state, its code (:func:`code_of`), a byte each."""
    due: bytes
    """Per state, its due (int64 microseconds; 0 unless :data:`DUE_BIT`)."""
    counted: int
    """The digest's first ``counted`` ids (:attr:`ids_crc`: the file's part, which a later
    digest extends), whose per-card counts are :attr:`hits` and :attr:`answers`."""
    ids_crc: int
    hits: bytes
    answers: bytes
    tail: list[tuple[str, int, int]]
    """The other ids' counts (the journal's answers may add ids, an undo take one out)."""


_CLASS_OF_PHASE = bytes([NEW, LEARNING, YOUNG, LEARNING]) + bytes(252)
"""Phase code (new, learning, review, relearning) -> class; a review's is young or mature."""
_DUE_ONLY = bytes(1 if code & DUE_BIT else 0 for code in range(256))
_TIMES = {bit: bytes([0, bit]) + bytes(254) for bit in (SUSPENDED_BIT, DUE_BIT)}


def _bits(flags: Iterable[object], bit: int) -> int:
    """A column of truths as an integer holding ``bit`` in each true row's byte."""
    return int.from_bytes(bytes(map(bool, flags)).translate(_TIMES[bit]), "little")


def _row_codes(columns: StateColumns) -> bytes:
    """Each row's code (:func:`code_of`), at C speed: a byte per row for each part,
    added as integers (the parts' bits never overlap)."""
    phase, n = columns.phase, len(columns.phase)
    suspended = list(map(SUSPENDED.__and__, columns.flags))
    review = list(map(_REVIEW.__eq__, phase))
    mature = map(operator.and_, review, map(MATURE_DAYS.__le__, columns.interval))
    counted = map(
        operator.and_,
        map(operator.and_, map(bool, phase), map(operator.not_, suspended)),
        map(operator.is_not, columns.due, itertools.repeat(None)),
    )
    total = (
        int.from_bytes(bytes(phase).translate(_CLASS_OF_PHASE), "little")
        + int.from_bytes(bytes(map(bool, mature)), "little")  # young (3) + 1: mature (4)
        + _bits(suspended, SUSPENDED_BIT)
        + _bits(counted, DUE_BIT)
    )
    return total.to_bytes(n, "little")


def _row_dues(columns: StateColumns) -> array[int]:
    """Each row's due in microseconds (rows without one: 0), at C speed."""
    dues = [_EPOCH if due is None else due for due in columns.due]
    since = map(operator.sub, dues, itertools.repeat(_EPOCH))
    return array("q", map(operator.floordiv, since, itertools.repeat(_MICRO)))


def _state_codes(table: StateTable) -> tuple[list[str], bytearray, array[int]] | None:
    """Each state's id, code and due, from the table's columns (at C speed), then the
    states set since; None for a table that repeats an id (an odd file: counted in
    full every time)."""
    ids, columns, changed = table.ids, table.columns, table.changed
    row_of = table.row_of
    if len(row_of) != len(ids):
        return None
    code = bytearray(_row_codes(columns))
    due = _row_dues(columns)
    out = list(ids)
    for card_id, state in changed.items():
        c, d = code_of(state)
        row = row_of.get(card_id)
        if row is None:
            out.append(card_id)
            code.append(c)
            due.append(d)
        else:
            code[row], due[row] = c, d
    return out, code, due


def _runs(cards: Sequence[CardIdentity], field: str) -> tuple[list[str], bytes]:
    """The distinct values of a field of the cards (in order) and each card's index
    among them (int32), by runs (cards come deck by deck)."""
    values: dict[str, int] = {}
    column = array("i")
    for value, run in itertools.groupby(map(operator.attrgetter(field), cards)):
        at = values.setdefault(value, len(values))
        column += array("i", [at]) * len(list(run))
    if sys.byteorder != "little":
        column.byteswap()
    return list(values), column.tobytes()


class Counts(NamedTuple):
    """The per-card counts part of :class:`Rows`."""

    counted: int
    ids_crc: int
    hits: bytes
    answers: bytes
    tail: list[tuple[str, int, int]]


def counts_of(summary: Summary, known: tuple[int, int] = (0, 0)) -> Counts:
    """The summary's per-card counts as kept: the ids its journal's answers may have
    added are at most the last as many as the cards those answered. ``known``: a
    number of its first ids and their CRC, if known (the CRC goes on from there)."""
    d = summary.digest
    ids = d.ids
    counted = max(0, len(ids) - len({r.card_id for r in summary.extra}))
    done, crc = known if known[0] <= counted else (0, 0)
    tail = [(ids[i], d.hits[i], d.answers[i]) for i in range(counted, len(ids))]
    return Counts(
        counted,
        ids_crc(ids[done:counted], crc),
        pack(d.hits[:counted]),
        pack(d.answers[:counted]),
        tail,
    )


def build_rows(
    cards: Sequence[CardIdentity], states: Mapping[str, CardState], summary: Summary, dues: int
) -> Rows | None:
    """The rows of these cards, states and digest; None where they cannot be kept so (a
    card id twice in the decks, a state id twice in the snapshot, states that are not a
    store's table) or do not give the ``dues`` counted (how many)."""
    table = states.table if isinstance(states, CardStates) else states
    if not isinstance(table, StateTable):
        return None
    found = _state_codes(table)
    if found is None:
        return None
    state_ids, code, due = found
    if bytes(code).translate(_DUE_ONLY).count(1) != dues:
        return None  # not what due_micros counted: never kept
    card_ids = list(map(operator.attrgetter("id"), cards))
    if len(set(card_ids)) != len(card_ids):
        return None
    decks, deck = _runs(cards, "deck_id")
    kinds, kind = _runs(cards, "kind")
    card_rows = CardRows(cards=card_ids, decks=decks, deck=deck, kinds=kinds, kind=kind)
    return Rows(
        cards=msgspec.Raw(msgspec.msgpack.encode(card_rows)),
        states=msgspec.Raw(msgspec.msgpack.encode(state_ids)),
        more=[],
        code=bytes(code),
        due=pack(due),
        **counts_of(summary)._asdict(),
    )


def positions(ids: Sequence[str], wanted: set[str]) -> dict[str, int]:
    """Where the ``wanted`` ids are in ``ids`` (a C pass: 200,000 ids in a few ms)."""
    found = itertools.compress(range(len(ids)), map(wanted.__contains__, ids))
    return {ids[i]: i for i in found}
