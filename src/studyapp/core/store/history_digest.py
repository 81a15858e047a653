"""The review history in aggregate (``history.digest.json``): what it holds, and its file.

``history.jsonl`` holds every review ever made (hundreds of thousands of lines
after a few years): parsing it takes seconds. Statistics need far less: how many
answers fell in each UTC quarter-hour (:mod:`~studyapp.core.store.quarters`), how
many of those were review-phase answers and how many of these passed (true
retention), the answers and passes per card (accuracy by kind), the number of
answers and the time spent. A :class:`Digest` keeps exactly that, by column, with
how much of the history file it covers (its length, and CRCs of its first and last
bytes). It is written as one line with a CRC, like the journal's. Building it and
keeping it up to date is :mod:`~studyapp.core.store.history_summary`.
"""

from __future__ import annotations

import array
import base64
import bisect
import itertools
import operator
import sys
import zlib
from collections.abc import Iterable
from typing import Any

from studyapp.core.base.jsonread import loads_limited
from studyapp.core.store.journal import encode_line, verify_line
from studyapp.core.store.quarters import quarter
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase, Rating

FORMAT = "studyapp-history-digest"
VERSION = 1
NO_LINE = -1
"""A bucket's ``lo`` when none of its lines is in the file (e.g. the journal's answers)."""


class Counts:
    """Counters being gathered (a change to a :class:`Digest`), changed in place."""

    __slots__ = ("buckets", "cards", "spent_ms", "total")

    def __init__(self) -> None:
        self.buckets: dict[int, list[int]] = {}
        """Quarter-hour -> [answers, review answers, review passes, first byte, end]."""
        self.cards: dict[str, list[int]] = {}
        """Card id -> [passes, answers]."""
        self.total = 0
        self.spent_ms = 0

    def add(self, review: ReviewRecord, sign: int = 1, lo: int = NO_LINE, hi: int = 0) -> None:
        """Count ``review`` in (``sign`` 1) or out (-1); its line is ``lo:hi`` if in the file."""
        key = quarter(review.at)
        passed = review.rating is not Rating.AGAIN
        is_review = review.phase is Phase.REVIEW
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = [0, 0, 0, NO_LINE, 0]
        bucket[0] += sign
        if is_review:
            bucket[1] += sign
            bucket[2] += sign * passed
        if lo != NO_LINE:
            bucket[3] = lo if bucket[3] == NO_LINE else min(bucket[3], lo)
            bucket[4] = max(bucket[4], hi)
        card = self.cards.get(review.card_id)
        if card is None:
            card = self.cards[review.card_id] = [0, 0]
        card[0] += sign * passed
        card[1] += sign
        self.total += sign
        self.spent_ms += sign * (review.took_ms or 0)


Column = array.array  # of 64-bit ints: a quarter of the memory of a list of ints
"""A column of integers."""


def _column(values: Iterable[int] = ()) -> Column[int]:
    return array.array("q", values)


_INT_COLUMNS = ("keys", "n", "rn", "rp", "lo", "hi", "hits", "answers")


class Digest:
    """What statistics need from the history file's first ``covered`` bytes, by column.

    Per UTC quarter-hour with answers, sorted (``keys``): ``n`` answers, ``rn``
    review-phase answers, ``rp`` of them passed (not Again), and where the
    quarter-hour's lines are in the file (``lo`` first byte, ``hi`` byte after
    the last line; -1 and 0 if none, e.g. for the journal's answers). Per card
    (``ids``): ``hits`` answers not Again out of ``answers``. Columns are never
    changed in place (a change makes new ones: see :meth:`merged`), so digests
    may share them.
    """

    __slots__ = (
        "answers",
        "canonical",
        "covered",
        "head_crc",
        "hi",
        "hits",
        "ids",
        "keys",
        "lo",
        "max_seq",
        "n",
        "rn",
        "rp",
        "spent_ms",
        "tail_crc",
        "total",
        "undone",
    )

    def __init__(self) -> None:
        self.covered = 0
        self.head_crc = self.tail_crc = 0
        self.canonical = True
        """Every review line is written as the store writes it (see the module doc)."""
        self.max_seq = 0
        """The highest seq of a review line covered (an undo above it undoes none)."""
        self.undone: frozenset[int] = frozenset()
        self.total = 0
        self.spent_ms = 0
        self.keys: Column[int] = _column()
        self.n: Column[int] = _column()
        self.rn: Column[int] = _column()
        self.rp: Column[int] = _column()
        self.lo: Column[int] = _column()
        self.hi: Column[int] = _column()
        self.ids: list[str] = []
        self.hits: Column[int] = _column()
        self.answers: Column[int] = _column()

    def replace(self, **changes: Any) -> Digest:
        other = Digest()
        for name in self.__slots__:
            setattr(other, name, changes.get(name, getattr(self, name)))
        return other

    def merged(self, counts: Counts) -> Digest:
        """This digest with ``counts`` added (new columns where anything changes)."""
        if not counts.buckets and not counts.cards:
            return self.replace()
        keys, n, rn, rp, lo, hi = (
            _column(c) for c in (self.keys, self.n, self.rn, self.rp, self.lo, self.hi)
        )
        size = len(keys)
        added: list[tuple[int, list[int]]] = []
        for key, (dn, drn, drp, dlo, dhi) in counts.buckets.items():
            i = bisect.bisect_left(keys, key, 0, size)
            if i == size or keys[i] != key:
                added.append((key, [dn, drn, drp, dlo, dhi]))
                continue
            n[i] += dn
            rn[i] += drn
            rp[i] += drp
            if dlo != NO_LINE:
                lo[i] = dlo if lo[i] == NO_LINE else min(lo[i], dlo)
                hi[i] = max(hi[i], dhi)
        if added:
            added.sort()
            in_order = not keys or added[0][0] > keys[-1]
            for key, values in added:
                keys.append(key)
                for column, value in zip((n, rn, rp, lo, hi), values, strict=True):
                    column.append(value)
            if not in_order:
                rows = sorted(zip(keys, n, rn, rp, lo, hi, strict=True))
                keys, n, rn, rp, lo, hi = (_column(c) for c in zip(*rows, strict=True))
        ids, hits, answers = self.ids, self.hits, self.answers
        if counts.cards:
            ids, hits, answers = list(ids), _column(hits), _column(answers)
            # where the cards counted are (a few of 200,000, usually): found at C speed
            found = itertools.compress(range(len(ids)), map(counts.cards.__contains__, ids))
            where = {ids[i]: i for i in found}
            for card, (dh, da) in counts.cards.items():
                i = where.get(card, -1)
                if i < 0:
                    where[card] = len(ids)
                    ids.append(card)
                    hits.append(dh)
                    answers.append(da)
                else:
                    hits[i] += dh
                    answers[i] += da
        return self.replace(
            keys=keys,
            n=n,
            rn=rn,
            rp=rp,
            lo=lo,
            hi=hi,
            ids=ids,
            hits=hits,
            answers=answers,
            total=self.total + counts.total,
            spent_ms=self.spent_ms + counts.spent_ms,
        )

    # -- file form: one JSON line with a CRC (as the journal's), integer columns
    # packed (little-endian int64, zlib, base64): a tenth of the time to read back

    def to_bytes(self) -> bytes:
        columns = {}
        for name in _INT_COLUMNS:
            packed = _column(getattr(self, name))
            if sys.byteorder != "little":
                packed.byteswap()
            columns[name] = base64.b64encode(zlib.compress(packed.tobytes(), 1)).decode()
        return encode_line(
            {
                "format": FORMAT,
                "version": VERSION,
                "covered": self.covered,
                "head_crc": self.head_crc,
                "tail_crc": self.tail_crc,
                "canonical": self.canonical,
                "max_seq": self.max_seq,
                "total": self.total,
                "ms": self.spent_ms,
                "undone": sorted(self.undone),
                "ids": self.ids,
                **columns,
            }
        )

    @classmethod
    def from_bytes(cls, raw: bytes) -> Digest | None:
        """The digest in ``raw``, or None if it is damaged or not one this version reads."""
        if not verify_line(raw):
            return None
        try:
            data = loads_limited(raw, max_depth=None)  # typed below, value by value
            if data.get("format") != FORMAT or data.get("version") != VERSION:
                return None
            d = cls()
            values = [data[k] for k in ("covered", "head_crc", "tail_crc", "max_seq", "total")]
            values.append(data["ms"])
            undone, ids = data["undone"], data["ids"]
            if not (_all_ints(values) and type(data["canonical"]) is bool):
                return None
            if not (type(undone) is list and _all_ints(undone)):
                return None
            if not (type(ids) is list and set(map(type, ids)) <= {str}):
                return None
            d.covered, d.head_crc, d.tail_crc, d.max_seq, d.total, d.spent_ms = values
            d.canonical = data["canonical"]
            d.undone = frozenset(undone)
            d.ids = ids
            for name in _INT_COLUMNS:
                packed = _column()
                packed.frombytes(zlib.decompress(base64.b64decode(data[name])))
                if sys.byteorder != "little":
                    packed.byteswap()
                setattr(d, name, packed)
        except (ValueError, TypeError, KeyError, AttributeError, zlib.error):
            return None
        buckets = {len(d.keys), len(d.n), len(d.rn), len(d.rp), len(d.lo), len(d.hi)}
        if len(buckets) != 1 or not len(d.ids) == len(d.hits) == len(d.answers):
            return None
        if any(map(operator.ge, d.keys, d.keys[1:])):  # not strictly increasing
            return None
        if len(set(d.ids)) != len(d.ids):
            return None
        return d


def _all_ints(values: Iterable[Any]) -> bool:
    return set(map(type, values)) <= {int}
