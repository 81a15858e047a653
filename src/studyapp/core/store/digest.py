"""The review history in aggregate, kept beside it: statistics without reading it all.

``history.jsonl`` holds every review ever made (hundreds of thousands of lines
after a few years): parsing it takes seconds. Statistics need far less: how many
answers fell in each UTC quarter-hour (every time zone offset is a multiple of 15
minutes and study days start on the hour, so a quarter-hour never straddles two
study days, whatever the zone and the rollover hour), how many of those were
review-phase answers and how many of these passed (true retention), the answers
and passes per card (accuracy by kind), the number of answers and the time spent.

``history.digest.json`` keeps exactly that, with how much of the history file it
covers (its length, and CRCs of its first and last bytes). The history file is
append-only, so the digest is brought up to date by reading only what was
appended since (a fold adds up to a thousand lines), and rebuilt from scratch
whenever it does not match: missing, damaged (the file carries a CRC), the history
shorter or different. It is a cache: anything wrong with it means reading the
history again, never a wrong figure and never an error for the learner. A
read-only store never writes it (it keeps what it computed in memory instead).

Exactness, record for record, with :meth:`ProgressStore.history
<studyapp.core.store.progress.ProgressStore.history>` (what ``compute_stats`` reads):

* the same lines count: whole, CRC intact, a review that parses; the journal's
  records not folded yet are added on the fly, as ``history()`` adds them;
* undone reviews are left out. An undo record that undoes a review the digest
  already counts (the learner undid an answer after it was folded) takes it out
  again: the review's line is found by searching the file's bytes for its seq,
  which needs every line to be written as the store writes it (``"seq"`` first,
  ``"card"`` encoded as ``json.dumps`` does): checked while building, and if not
  (a history written by hand), the caller reads the whole history instead;
* true retention counts answers after a moment (a day, a week, 30 days ago) that
  falls inside a quarter-hour: for the few quarter-hours cut by a window, the
  digest keeps where their lines are in the file (first and last byte), and
  those are read again.

Per card, the same property (every line holds its card id encoded as the store
writes it) lets :func:`card_history` find one card's reviews by searching the
file's bytes, without parsing the rest.
"""

from __future__ import annotations

import array
import base64
import bisect
import contextlib
import itertools
import json
import mmap
import os
import sys
import threading
import weakref
import zlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, BinaryIO

from studyapp.core.store.progress import (
    DIGEST,
    HISTORY,
    TAIL_BYTES,
    ProgressStore,
    ReviewRecord,
    atomic_write,
    decode_line,
    encode_line,
    intact_lines,
    last_seq,
    undo_targets,
    verify_line,
)
from studyapp.core.store.state import Phase, Rating

FORMAT = "studyapp-history-digest"
VERSION = 1
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
QUARTER = timedelta(minutes=15)
_CHECK = 4096
"""Bytes at each end of the covered part whose CRCs must match."""
_CHUNK = 1 << 22
_NO_LINE = -1
_json_str = json.encoder.encode_basestring  # how the store writes a string


def quarter(moment: datetime) -> int:
    """The UTC quarter-hour of ``moment``: whole quarter-hours since 1970 (floored)."""
    return (moment - EPOCH) // QUARTER


class _Unusable(Exception):  # noqa: N818  (a signal, not an error)
    """The history holds something the digest cannot follow exactly: read it all."""


class _Rebuild(Exception):  # noqa: N818  (a signal, not an error)
    """The digest cannot be brought up to date: build it from scratch."""


class _Counts:
    """Counters being gathered (a change to a :class:`Digest`), changed in place."""

    __slots__ = ("buckets", "cards", "spent_ms", "total")

    def __init__(self) -> None:
        self.buckets: dict[int, list[int]] = {}
        """Quarter-hour -> [answers, review answers, review passes, first byte, end]."""
        self.cards: dict[str, list[int]] = {}
        """Card id -> [passes, answers]."""
        self.total = 0
        self.spent_ms = 0

    def add(self, review: ReviewRecord, sign: int = 1, lo: int = _NO_LINE, hi: int = 0) -> None:
        """Count ``review`` in (``sign`` 1) or out (-1); its line is ``lo:hi`` if in the file."""
        key = quarter(review.at)
        passed = review.rating is not Rating.AGAIN
        is_review = review.phase is Phase.REVIEW
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = [0, 0, 0, _NO_LINE, 0]
        bucket[0] += sign
        if is_review:
            bucket[1] += sign
            bucket[2] += sign * passed
        if lo != _NO_LINE:
            bucket[3] = lo if bucket[3] == _NO_LINE else min(bucket[3], lo)
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

    def merged(self, counts: _Counts) -> Digest:
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
            if dlo != _NO_LINE:
                lo[i] = dlo if lo[i] == _NO_LINE else min(lo[i], dlo)
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
            where = dict(zip(ids, range(len(ids)), strict=True))
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
            data = json.loads(raw)
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
        if any(a >= b for a, b in itertools.pairwise(d.keys)):
            return None
        if len(set(d.ids)) != len(d.ids):
            return None
        return d


def _all_ints(values: Iterable[Any]) -> bool:
    return set(map(type, values)) <= {int}


# ------------------------------------------------------------------ the history file


def _crc_at(handle: BinaryIO, start: int, end: int) -> int:
    handle.seek(start)
    return zlib.crc32(handle.read(end - start))


def _checks(handle: BinaryIO, covered: int) -> tuple[int, int]:
    """CRCs of the first and last bytes (up to _CHECK) of the file's first ``covered``."""
    return (
        _crc_at(handle, 0, min(covered, _CHECK)),
        _crc_at(handle, max(0, covered - _CHECK), covered),
    )


def _matches(d: Digest, handle: BinaryIO, size: int) -> bool:
    """Whether the file's first ``d.covered`` bytes are still what ``d`` was built from."""
    return d.covered <= size and _checks(handle, d.covered) == (d.head_crc, d.tail_crc)


def _lines_end(handle: BinaryIO, size: int) -> int:
    """The end of the file's last complete line (0 if none)."""
    end = size
    while end > 0:
        start = max(0, end - TAIL_BYTES)
        handle.seek(start)
        cut = handle.read(end - start).rfind(b"\n")
        if cut != -1:
            return start + cut + 1
        end = start
    return 0


def _tail_seq(handle: BinaryIO, size: int) -> int:
    """The seq of the last record of the file's first ``size`` bytes, as the store finds
    it (what ``history()`` takes the journal's records after)."""
    start = max(0, size - TAIL_BYTES)
    handle.seek(start)
    return last_seq(handle.read(size - start))


def _lines_holding(
    handle: BinaryIO, end: int, needle: bytes, *, at_start: bool = False
) -> Iterator[tuple[int, bytes]]:
    """(offset, line) of each line of the file's ``0:end`` that holds ``needle`` (at its
    start only, if ``at_start``), found at C speed in the file mapped into memory."""
    if end <= 0:
        return
    with mmap.mmap(handle.fileno(), end, access=mmap.ACCESS_READ) as data:
        position = data.find(needle)
        while position != -1:
            start = data.rfind(b"\n", 0, position) + 1
            stop = data.find(b"\n", position)
            stop = end if stop == -1 else stop + 1
            if not at_start or start == position:
                yield start, data[start:stop]
            position = data.find(needle, stop)


def _chunks(handle: BinaryIO, start: int, end: int) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of ``start:end`` a few megabytes at a time, cut after a newline
    (the last chunk ends at ``end``, wherever that is)."""
    handle.seek(start)
    offset, rest = start, b""
    while offset + len(rest) < end:
        data = rest + handle.read(min(_CHUNK, end - offset - len(rest)))
        if offset + len(data) < end:
            cut = data.rfind(b"\n") + 1
            if cut == 0:  # a very long line: read on
                rest = data
                continue
            data, rest = data[:cut], data[cut:]
        else:
            rest = b""
        yield offset, data
        offset += len(data)


def _records(data: bytes, base: int) -> tuple[list[Any], list[bytes], list[int]]:
    """The records of the lines of ``data`` (at file offset ``base``) whose CRC holds,
    as ``history()`` reads them (``_read_records``), with the lines and their offsets.
    Raises _Unusable for a line holding several values (read otherwise there)."""
    raws = data.split(b"\n")
    good, where = intact_lines(raws)
    if not good:
        return [], [], []
    offsets = list(itertools.accumulate((len(raw) + 1 for raw in raws), initial=base))
    starts = [offsets[index] for index in where]
    records: list[Any]
    try:
        records = json.loads(b"[" + b",".join(good) + b"]")
    except ValueError:
        records = list(map(decode_line, good))
    if len(records) != len(good):
        raise _Unusable
    return records, good, starts


def _reviews(data: bytes, base: int) -> Iterator[tuple[ReviewRecord, bytes, int, int]]:
    """Every review on the lines of ``data`` that ``history()`` yields, undone or not:
    (review, line, first byte, byte after its line)."""
    records, good, starts = _records(data, base)
    from_dict = ReviewRecord.from_dict
    for record, line, start in zip(records, good, starts, strict=True):
        if not isinstance(record, dict) or record.get("type") != "review":
            continue
        try:
            review = from_dict(record)
        except ValueError:
            continue
        yield review, line, start, start + len(line) + 1


def _card_needle(card_id: str) -> bytes | None:
    """``"card":"<id>"`` as the store writes it (None if it cannot be written)."""
    try:
        return b'"card":' + _json_str(card_id).encode()
    except UnicodeEncodeError:
        return None


def _fold(d: Digest, handle: BinaryIO, start: int, end: int) -> Digest:
    """``d`` (which covers the file's ``0:start``) with ``start:end`` (whole lines, or
    up to the file's unfinished last one) counted in. Raises _Rebuild, _Unusable."""
    targets: set[int] = set()
    for _, data in _chunks(handle, start, end):
        undo_targets(data, targets)
    counts = _undo(d, handle, targets)
    undone = d.undone | targets
    canonical, max_seq = d.canonical, d.max_seq
    needles: dict[str, bytes] = {}
    buckets, cards = counts.buckets, counts.cards
    total = spent = 0
    from_dict = ReviewRecord.from_dict
    again, review_phase = Rating.AGAIN, Phase.REVIEW
    # Hundreds of thousands of lines when building: the loop keeps to locals, and
    # the UTC quarter-hour of a record is worked out once per run of lines in it.
    q_start = q_end = EPOCH
    key = 0
    for offset, data in _chunks(handle, start, end):
        records, good, starts = _records(data, offset)
        for record, line, lo in zip(records, good, starts, strict=True):
            if not isinstance(record, dict) or record.get("type") != "review":
                continue
            try:
                review = from_dict(record)
            except ValueError:
                continue
            seq, card = review.seq, review.card_id
            if canonical:
                needle = needles.get(card)
                if needle is None:
                    needle = needles[card] = _card_needle(card) or b"\n"
                canonical = line.startswith(b'{"seq":%d,' % seq) and needle in line
            if seq > max_seq:
                max_seq = seq
            if seq in undone:
                continue
            at = review.at
            if not q_start <= at < q_end:
                key = (at - EPOCH) // QUARTER
                q_start = EPOCH + key * QUARTER
                q_end = q_start + QUARTER
            passed = review.rating is not again
            hi = lo + len(line) + 1
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [1, 0, 0, lo, hi]
                bucket = buckets[key]
            else:
                bucket[0] += 1
                if bucket[3] == _NO_LINE or lo < bucket[3]:
                    bucket[3] = lo
                if hi > bucket[4]:
                    bucket[4] = hi
            if review.phase is review_phase:
                bucket[1] += 1
                bucket[2] += passed
            counters = cards.get(card)
            if counters is None:
                cards[card] = [passed, 1]
            else:
                counters[0] += passed
                counters[1] += 1
            total += 1
            spent += review.took_ms or 0
    counts.total += total
    counts.spent_ms += spent
    return d.merged(counts).replace(
        undone=frozenset(undone), canonical=canonical, max_seq=max_seq, covered=end
    )


def _undo(d: Digest, handle: BinaryIO, targets: set[int]) -> _Counts:
    """The reviews ``d`` counts that ``targets`` undo, counted out. Raises _Rebuild."""
    counts = _Counts()
    new = {t for t in targets - d.undone if t <= d.max_seq}
    if not new:
        return counts
    if not d.canonical:
        raise _Rebuild
    for needle in {b'{"seq":%d,' % t for t in new}:
        for start, line in _lines_holding(handle, d.covered, needle, at_start=True):
            for review, *_ in _reviews(line, start):
                if review.seq in new:
                    counts.add(review, -1)
    return counts


# ---------------------------------------------------------------------- the store's


class Summary:
    """The whole history (file and journal) in aggregate, as ``history()`` gives it."""

    def __init__(self, digest: Digest, path: Path, extra: list[ReviewRecord]) -> None:
        self.digest = digest
        self.path = path
        self.extra = extra
        """The journal's reviews counted (not in the file)."""

    def reviews_in(self, quarters: Iterable[int]) -> list[ReviewRecord]:
        """Every review of the history in these UTC quarter-hours (their lines read again)."""
        d = self.digest
        wanted = set(quarters)
        ranges = []
        for key in wanted:
            i = bisect.bisect_left(d.keys, key)
            if i < len(d.keys) and d.keys[i] == key and d.lo[i] != _NO_LINE:
                ranges.append((d.lo[i], d.hi[i]))
        # The history is in answer order, not time order: one quarter's span of lines
        # can hold another's (an answer recorded late, at an earlier time). Spans that
        # overlap are read as one, so that no line is read, and counted, twice.
        spans: list[list[int]] = []
        for lo, hi in sorted(ranges):
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
        found: list[ReviewRecord] = []
        if spans:
            with open(self.path, "rb") as handle:
                for lo, hi in spans:
                    handle.seek(lo)
                    for review, *_ in _reviews(handle.read(hi - lo), lo):
                        if review.seq not in d.undone and quarter(review.at) in wanted:
                            found.append(review)
        found += (r for r in self.extra if quarter(r.at) in wanted)
        return found


_lock = threading.Lock()


@contextlib.contextmanager
def _history_file(path: Path) -> Iterator[tuple[BinaryIO, int] | None]:
    """The history file open for reading and its size, under the digest's lock (None
    while there is no history yet)."""
    with _lock:
        try:
            handle = open(path, "rb")  # noqa: SIM115  (closed below)
        except FileNotFoundError:
            yield None
            return
        with handle:
            yield handle, os.fstat(handle.fileno()).st_size


_memory: weakref.WeakKeyDictionary[ProgressStore, Digest] = weakref.WeakKeyDictionary()
"""The last digest of each store (all that a read-only store keeps)."""


def _load(path: Path) -> Digest | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return Digest.from_bytes(raw)


def _save(d: Digest, path: Path) -> None:
    with contextlib.suppress(OSError, OverflowError):  # a cache: the next reader rebuilds it
        atomic_write(path, d.to_bytes())


def _current(store: ProgressStore, handle: BinaryIO, size: int) -> Digest:
    """The digest of the history file's complete lines, brought up to date (kept in
    memory, and on disk unless the store is read-only). Raises _Unusable."""
    end = _lines_end(handle, size)
    d = _memory.get(store)
    if d is None or not _matches(d, handle, size):
        d = _load(store.folder / DIGEST)
        if d is not None and not _matches(d, handle, size):
            d = None
    if d is not None and d.covered == end:
        _memory[store] = d
        return d
    if d is None or d.covered > end:
        d = _fold(Digest(), handle, 0, end)
    else:
        try:
            d = _fold(d, handle, d.covered, end)
        except _Rebuild:
            d = _fold(Digest(), handle, 0, end)
    d.head_crc, d.tail_crc = _checks(handle, d.covered)
    if not store.read_only:
        _save(d, store.folder / DIGEST)
    _memory[store] = d
    return d


def summarize(store: ProgressStore) -> Summary | None:
    """The store's whole history in aggregate, exactly what ``store.history()`` yields;
    None if the history holds something only reading it all gets right.

    Reads what the digest does not cover, brings the digest up to date (and saves
    it, unless the store is read-only), and adds the journal's records not folded
    yet. Like ``history()``, it may run in another thread than the store's owner.
    """
    reviews, pending_undone = store.unfolded()
    path = store.folder / HISTORY
    d, tail_seq = Digest(), 0
    with _history_file(path) as opened:
        if opened is not None:
            handle, size = opened
            try:
                d = _current(store, handle, size)
                if d.covered < size:  # an unfinished last line: counted, not kept
                    d = _fold(d, handle, d.covered, size)
                d = d.merged(_undo(d, handle, pending_undone))
            except (_Unusable, _Rebuild):
                return None
            tail_seq = _tail_seq(handle, size)
    undone = d.undone | pending_undone
    extra = [r for r in reviews if r.seq > tail_seq and r.seq not in undone]
    counts = _Counts()
    for review in extra:
        counts.add(review)
    return Summary(d.merged(counts).replace(undone=undone), path, extra)


def card_history(store: ProgressStore, card_id: str) -> list[ReviewRecord]:
    """``[r for r in store.history() if r.card_id == card_id]``, without parsing the
    other cards' lines (the file's bytes are searched for the card id)."""
    reviews, undone = store.unfolded()
    path = store.folder / HISTORY
    needle = _card_needle(card_id)
    found: list[ReviewRecord] = []
    tail_seq = 0
    with _history_file(path) as opened:
        if opened is not None:
            handle, size = opened
            try:
                d: Digest | None = _current(store, handle, size)
            except _Unusable:
                d = None
            if d is None or not d.canonical or needle is None:
                return [r for r in store.history() if r.card_id == card_id]
            undone |= d.undone
            for _, data in _chunks(handle, d.covered, size):
                undo_targets(data, undone)
            for start, line in _lines_holding(handle, d.covered, needle):
                found += (
                    r
                    for r, *_ in _reviews(line, start)
                    if r.card_id == card_id and r.seq not in undone
                )
            if d.covered < size:  # an unfinished last line: not in the digest
                handle.seek(d.covered)
                data = handle.read(size - d.covered)
                try:
                    found += (
                        r
                        for r, *_ in _reviews(data, d.covered)
                        if r.card_id == card_id and r.seq not in undone
                    )
                except _Unusable:
                    return [r for r in store.history() if r.card_id == card_id]
            tail_seq = _tail_seq(handle, size)
    found += (
        r for r in reviews if r.card_id == card_id and r.seq > tail_seq and r.seq not in undone
    )
    return found


# ------------------------------------------------------------------- study days

_RUN = 48
"""Quarter-hours in a run of :func:`day_runs` (12 hours)."""
_SECOND = timedelta(seconds=1)


def day_runs(
    keys: Sequence[int], day_starts_at: int, tz: tzinfo | None
) -> list[tuple[int, int, int]]:
    """The study days of the UTC quarter-hours ``keys`` (sorted), as runs
    ``(i, j, day)``: ``keys[i:j]`` all fall on ``day`` (days since 1970-01-01).

    What ``study_day`` gives for each (the local date ``day_starts_at`` hours
    earlier), with one time zone conversion per 12 hours of quarter-hours, not one
    per quarter-hour: within 12 hours whose two ends have the same UTC offset,
    every moment has it (in the tz database an offset never changes and changes
    back within less than 95 hours); where the ends differ, each one is converted.
    """
    runs: list[tuple[int, int, int]] = []
    shift = day_starts_at * 3600

    def offset(key: int) -> int:
        utcoffset = (EPOCH + key * QUARTER).astimezone(tz).utcoffset()
        return 0 if utcoffset is None else utcoffset // _SECOND

    def push(i: int, j: int, day: int) -> None:
        if runs and runs[-1][2] == day and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], j, day)
        else:
            runs.append((i, j, day))

    count, i = len(keys), 0
    while i < count:
        first = keys[i]
        j = bisect.bisect_right(keys, first + _RUN - 1, i)  # keys[i:j]: 12 hours at most
        base = offset(first) - shift
        if j - 1 == i or offset(keys[j - 1]) - shift == base:
            day = (first * 900 + base) // 86400
            last_day = (keys[j - 1] * 900 + base) // 86400
            if day == last_day:
                push(i, j, day)
            else:  # one day boundary in 12 hours: the first quarter-hour past it
                cut = bisect.bisect_left(keys, -(-(last_day * 86400 - base) // 900), i, j)
                push(i, cut, day)
                push(cut, j, last_day)
        else:
            for k in range(i, j):
                push(k, k + 1, (keys[k] * 900 + offset(keys[k]) - shift) // 86400)
        i = j
    return runs
