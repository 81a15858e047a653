"""The store's history in aggregate, for statistics: the digest kept up to date, and read.

:func:`summarize` and :func:`card_history` answer from the history's digest
(:mod:`~studyapp.core.store.history_digest`). The history file is append-only, so
the digest is brought up to date by reading only what was appended since (a fold
adds up to a thousand lines), and rebuilt from scratch whenever it does not match:
missing, damaged (the file carries a CRC), the history shorter or different (the
CRCs of the first and last 4 KB of what it covers). It is a cache: anything wrong
with it means reading the history again, never a wrong figure and never an error
for the learner.

Any store keeps it on disk, a read-only one too (``studyapp stats`` opens the store
read-only, and would otherwise read a history of millions of reviews at every run),
without racing a running app or another reader (:func:`_save`): the digest has a
lock of its own (never the store's, which a running app holds), taken only if free;
it is written whole or not at all (``atomic_write``), never over one written
meanwhile that covers as much of the same history, and never for a history file
replaced since it was read.

Exactness, record for record, with :meth:`ProgressStore.history
<studyapp.core.store.store.ProgressStore.history>` (what ``compute_stats`` reads):

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

import bisect
import contextlib
import itertools
import mmap
import os
import threading
import weakref
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from studyapp.core.base.atomic import atomic_write
from studyapp.core.base.jsonread import loads_limited
from studyapp.core.store.history import TAIL_BYTES, last_seq, undo_targets
from studyapp.core.store.history_digest import NO_LINE, Counts, Digest
from studyapp.core.store.journal import decode_line, intact_lines, json_str
from studyapp.core.store.layout import DIGEST, HISTORY
from studyapp.core.store.lock import FolderLock, LockBusyError
from studyapp.core.store.quarters import EPOCH, QUARTER, quarter
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase, Rating

if TYPE_CHECKING:
    from studyapp.core.store.store import ProgressStore


class HistoryOwner(Protocol):
    """What :func:`summarize` reads of a store: its folder, and its journal's part of the
    history (a :class:`ProgressStore`, or what ``studyapp stats`` kept of one's)."""

    @property
    def folder(self) -> Path: ...

    def unfolded(self) -> tuple[list[ReviewRecord], set[int]]: ...


DIGEST_LOCK = "history.digest.lock"
"""Held by whoever writes the digest (any store, read-only ones too), for the write."""
_CHECK = 4096
"""Bytes at each end of the covered part whose CRCs must match."""
_CHUNK = 1 << 22


class _Unusable(Exception):  # noqa: N818  (a signal, not an error)
    """The history holds something the digest cannot follow exactly: read it all."""


class _Rebuild(Exception):  # noqa: N818  (a signal, not an error)
    """The digest cannot be brought up to date: build it from scratch."""


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
        records = loads_limited(b"[" + b",".join(good) + b"]", max_depth=None)
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
        return b'"card":' + json_str(card_id).encode()
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
                if bucket[3] == NO_LINE or lo < bucket[3]:
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


def _undo(d: Digest, handle: BinaryIO, targets: set[int]) -> Counts:
    """The reviews ``d`` counts that ``targets`` undo, counted out. Raises _Rebuild."""
    counts = Counts()
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
            if i < len(d.keys) and d.keys[i] == key and d.lo[i] != NO_LINE:
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


_FileId = tuple[int, int, int] | None
_memory: weakref.WeakKeyDictionary[HistoryOwner, tuple[Digest, _FileId]] = (
    weakref.WeakKeyDictionary()
)
"""The last digest of each store, and which digest file (if any) it was read from or
written to."""


def _file_id(path: Path) -> _FileId:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def _load(path: Path) -> Digest | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return Digest.from_bytes(raw)


def _save(folder: Path, d: Digest, seen: _FileId, handle: BinaryIO) -> _FileId:
    """Keep ``d`` (of the history file open as ``handle``) as the folder's digest, unless
    another writer is at it or got there first; which digest file is there after.

    ``seen``: the digest file as it was when ``d`` was read from it or last saved. If
    it changed since, it is read again and kept if it covers at least as much of
    this history. A cache: a digest not saved is computed again by the next reader.
    """
    path = folder / DIGEST
    # the lock never waits: busy, it is someone else saving one
    with (
        contextlib.suppress(OSError, OverflowError, LockBusyError),
        FolderLock(folder / DIGEST_LOCK),
    ):
        held, named = os.fstat(handle.fileno()), os.stat(folder / HISTORY)
        if (held.st_dev, held.st_ino) != (named.st_dev, named.st_ino):
            return seen  # the history was replaced since it was read
        now = _file_id(path)
        if now is not None and now != seen:
            other = _load(path)
            if (
                other is not None
                and other.covered >= d.covered
                and _matches(other, handle, held.st_size)
            ):
                return now  # as new as ours, or newer: kept
        atomic_write(path, d.to_bytes())
        return _file_id(path)
    return seen


def _current(store: HistoryOwner, handle: BinaryIO, size: int) -> Digest:
    """The digest of the history file's complete lines, brought up to date (kept in
    memory, and on disk: see :func:`_save`). Raises _Unusable."""
    end = _lines_end(handle, size)
    d, seen = _memory.get(store, (None, None))
    if d is None or not _matches(d, handle, size):
        seen = _file_id(store.folder / DIGEST)
        d = _load(store.folder / DIGEST)
        if d is not None and not _matches(d, handle, size):
            d = None
    if d is not None and d.covered == end:
        _memory[store] = d, seen
        return d
    if d is None or d.covered > end:
        d = _fold(Digest(), handle, 0, end)
    else:
        try:
            d = _fold(d, handle, d.covered, end)
        except _Rebuild:
            d = _fold(Digest(), handle, 0, end)
    d.head_crc, d.tail_crc = _checks(handle, d.covered)
    _memory[store] = d, _save(store.folder, d, seen, handle)
    return d


def summarize(store: HistoryOwner) -> Summary | None:
    """The store's whole history in aggregate, exactly what ``store.history()`` yields;
    None if the history holds something only reading it all gets right.

    Reads what the digest does not cover, brings the digest up to date (and saves
    it, a read-only store too: see :func:`_save`), and adds the journal's records not folded
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
    counts = Counts()
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
