"""The kept figures brought up to date: the old parts of the changed states and counts
taken out, their new parts put in (see :mod:`studyapp.core.stats.kept_rows`).

Exact by construction, and checked where a check is cheap: a due taken out must be
there, a digest must extend the one counted (its ids' CRC), and the per-card counts
are compared whole (at C speed), so that a change the caller did not name is still
counted. Anything that does not fit gives None: the caller counts everything.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence

import msgspec
from msgspec import Struct

from studyapp.core.stats.kept_rows import (
    DUE_BIT,
    NONE,
    SUSPENDED_BIT,
    TALLY_SLOT,
    CardRows,
    Rows,
    code_of,
    counts_of,
    ids_crc,
    pack,
    positions,
    unpack,
)
from studyapp.core.store.history_digest import Digest
from studyapp.core.store.history_summary import Summary
from studyapp.core.store.state import CardState

Tallies = dict[str, list[int]]
"""Per deck: total, new, learning, young, mature, suspended."""


class Updated(Struct, frozen=True):
    mastery: Tallies
    by_kind: dict[str, list[int]]
    dues: array[int]
    rows: Rows


def _tally(t: list[int], code: int, sign: int) -> None:
    t[TALLY_SLOT[code & 7]] += sign
    if code & SUSPENDED_BIT:
        t[5] += sign


def _moved(new: bytes, old: bytes) -> list[int]:
    """The indexes where two packed int64 columns differ (compared by blocks, at C speed;
    only the blocks that differ element by element)."""
    step, out = 512, list[int]()
    a, b = memoryview(new), memoryview(old)
    for start in range(0, len(old), step):
        if a[start : start + step] != b[start : start + step]:
            x, y = unpack(bytes(a[start : start + step])), unpack(bytes(b[start : start + step]))
            assert x is not None and y is not None
            first = start // 8
            out += (first + i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q)
    return out


def _new_dues(dues: array[int], out: list[int], into: list[int]) -> array[int] | None:
    """``dues`` (sorted) less the values ``out`` (each must be there, as many times) and
    with ``into``: one copy of the column, slices around the few changed places."""
    events: list[tuple[int, int, int]] = []  # (position, 0 insert | 1 remove, value)
    for value, times in Counter(out).items():
        i = bisect.bisect_left(dues, value)
        if dues[i : i + times] != array("q", [value] * times):
            return None
        events += ((j, 1, value) for j in range(i, i + times))
    events += ((bisect.bisect_left(dues, value), 0, value) for value in into)
    events.sort()
    result, at = array("q"), 0
    for position, remove, value in events:
        result += dues[at:position]
        at = position
        if remove:
            at += 1
        else:
            result.append(value)
    result += dues[at:]
    return result


def _after(d: Digest, counted: int) -> tuple[list[str], Sequence[int], Sequence[int]]:
    return d.ids[counted:], d.hits[counted:], d.answers[counted:]


def update(
    rows: Rows,
    mastery: Tallies,
    by_kind: Mapping[str, list[int]],
    dues: array[int],
    changed: Mapping[str, CardState],
    summary: Summary,
) -> Updated | None:
    """The figures with the ``changed`` states (each card's state now) and the digest's
    per-card counts now in place of the old; None if the rows do not fit them."""
    try:
        cards = msgspec.msgpack.decode(rows.cards, type=CardRows)
        state_ids = [*msgspec.msgpack.decode(rows.states, type=list[str]), *rows.more]
    except (msgspec.DecodeError, ValueError):
        return None
    code_col = bytearray(rows.code)
    due_col = unpack(rows.due)
    deck_col, kind_col = unpack(cards.deck, "i"), unpack(cards.kind, "i")
    if due_col is None or deck_col is None or kind_col is None:
        return None
    n_states, n_cards, counted = len(state_ids), len(cards.cards), rows.counted
    if len(code_col) != n_states or len(due_col) != n_states:
        return None
    if len(deck_col) != n_cards or len(kind_col) != n_cards:
        return None
    if len(rows.hits) != 8 * counted or len(rows.answers) != 8 * counted:
        return None
    d = summary.digest
    ids, hits, answers = d.ids, d.hits, d.answers
    if len(ids) < counted or ids_crc(ids[:counted]) != rows.ids_crc:
        return None  # another history: its per-card counts are not these
    old_hits, old_answers = unpack(rows.hits), unpack(rows.answers)
    assert old_hits is not None and old_answers is not None
    # the cards whose counts moved: the file's part compared by blocks
    moved = {
        *_moved(pack(hits[:counted]), rows.hits),
        *_moved(pack(answers[:counted]), rows.answers),
    }
    deltas: dict[str, tuple[int, int]] = {
        ids[i]: (hits[i] - old_hits[i], answers[i] - old_answers[i]) for i in moved
    }
    now_counts = {card: (h, a) for card, h, a in zip(*_after(d, counted), strict=True)}
    was = {card: (h, a) for card, h, a in rows.tail}
    for card in now_counts.keys() | was.keys():
        (h, a), (oh, oa) = now_counts.get(card, (0, 0)), was.get(card, (0, 0))
        if (h, a) != (oh, oa):
            deltas[card] = (h - oh, a - oa)
    card_at = positions(cards.cards, set(changed) | deltas.keys())
    state_at = positions(state_ids, set(changed))

    tallies = {deck: list(t) for deck, t in mastery.items()}
    kinds = {kind: list(c) for kind, c in by_kind.items()}
    more, taken, put = list(rows.more), [], []
    for card_id, state in changed.items():
        row = state_at.get(card_id)
        old = code_col[row] if row is not None else NONE
        if old & DUE_BIT and row is not None:
            taken.append(due_col[row])
        new, due = code_of(state)
        if new & DUE_BIT:
            put.append(due)
        if row is None:
            more.append(card_id)
            code_col.append(new)
            due_col.append(due)
        else:
            code_col[row], due_col[row] = new, due
        at = card_at.get(card_id)
        if at is not None:
            t = tallies.get(cards.decks[deck_col[at]])
            if t is None:
                return None
            _tally(t, old, -1)
            _tally(t, new, 1)
    new_dues = _new_dues(dues, taken, put)
    if new_dues is None:
        return None
    for card_id, (dh, da) in deltas.items():
        at = card_at.get(card_id)
        if at is None:
            continue  # no card of the decks: counted under no kind
        counts = kinds.get(cards.kinds[kind_col[at]])
        if counts is None:
            return None
        counts[0] += dh
        counts[1] += da
    new_rows = Rows(
        cards=rows.cards,
        states=rows.states,
        more=more,
        code=bytes(code_col),
        due=pack(due_col),
        **counts_of(summary, (counted, rows.ids_crc))._asdict(),
    )
    return Updated(tallies, kinds, new_dues, new_rows)
