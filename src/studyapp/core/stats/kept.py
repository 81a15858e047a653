"""``studyapp stats`` without the cards or the snapshot: their figures kept beside the store.

Of what ``studyapp stats`` shows, three figures need every card or every card state:
mastery by deck (the cards joined to the states), accuracy by kind (each card's kind
for the history digest's per-card counts) and the forecast (every due). With 200,000
cards that is two thirds of a run. None of them depends on the day: they are kept
in ``stats.kept`` beside the history digest (the forecast as the sorted dues, which
give any day's forecast by bisection), under the names of everything they were
computed from:

* the decks: each deck file's cache key, in order, known from the file's ``stat``
  as the deck cache knows it (``DeckCache.known_key``), so no deck is read;
* the card states: the snapshot's ``stat`` and each journal's length and CRC
  (:class:`~studyapp.core.store.source.StatesSource`), so the snapshot is not read;
* the history: the digest's coverage and checks, and its totals.

The journal's answers not folded yet are kept too (the digest's figures add them).

After a study session the states are not those named any more (the journal grew, or a
fold wrote a new snapshot). Each card's and state's part of the figures is kept too
(:mod:`~studyapp.core.stats.kept_rows`), so the run after only finds what changed
(:mod:`~studyapp.core.stats.kept_changes`: the journal's new records, the store's notes
of its folds) and takes the old parts out and the new in
(:mod:`~studyapp.core.stats.kept_update`), then keeps the result for the next run.

A kept file whose names do not all match and cannot be brought up to date that way,
or that is damaged, missing, of another build or another version, is ignored: the
caller computes everything as before (:func:`keep` then writes a new one). It is a
cache, written whole (``atomic_write``) by any reader and never read by anything but
statistics; deleting it costs one slow run. Nothing here is ever the only copy of
anything.
"""

from __future__ import annotations

import itertools
import operator
import sys
import zlib
from array import array
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, NamedTuple

import msgspec
from msgspec import Struct

from studyapp import __version__
from studyapp.core.base.atomic import atomic_write
from studyapp.core.base.fsclock import file_system_now
from studyapp.core.base.userfile import limits_from_env
from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.card import CardIdentity
from studyapp.core.stats.kept_changes import changes_since
from studyapp.core.stats.kept_rows import Rows, build_rows
from studyapp.core.stats.kept_update import update
from studyapp.core.stats.report import DeckMastery, Stats, forecast_from_dues, stats_from_summary
from studyapp.core.store.history_summary import Summary, summarize
from studyapp.core.store.layout import KEPT_STATS
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.source import StatesSource, read_source
from studyapp.core.store.state import Phase, Rating

if TYPE_CHECKING:
    from studyapp.core.store.store import ProgressStore

_MAGIC = b"studyapp-stats-kept 2\n"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
_NIL = msgspec.Raw(b"\xc0")


class _Review(Struct, array_like=True, frozen=True):
    """A journal answer not folded yet (``ReviewRecord``), ``at`` in microseconds."""

    seq: int
    card: str
    at: int
    rating: int
    phase: str
    ms: int | None
    ivl: int | None


class _Kept(Struct, frozen=True):
    build: str
    decks: list[str]
    """Each deck file's cache key, in the order the decks are found."""
    source: StatesSource
    history: list[int]
    """The digest the figures were counted with: see :func:`_history_print`."""
    reviews: list[_Review]
    undone: list[int]
    titles: list[tuple[str, str]]
    mastery: list[tuple[str, int, int, int, int, int, int]]
    by_kind: list[tuple[str, int, int]]
    dues: bytes
    """The sorted dues (``report.due_micros``), little-endian int64."""
    last_seq: int = 0
    """The seq the journal's next record is replayed after (the store's ``next_seq - 1``)."""
    journal_cards: list[str] = []
    """The cards the journals changed (a fold must have noted them all)."""
    rows: msgspec.Raw = _NIL
    """:class:`~studyapp.core.stats.kept_rows.Rows` (msgpack nil: none), decoded only
    when needed."""


class _Unfolded:
    """The journal's part of the history, as kept (what :func:`summarize` reads of a store)."""

    def __init__(self, folder: Path, reviews: list[ReviewRecord], undone: set[int]) -> None:
        self.folder = folder
        self._reviews = reviews
        self._undone = undone

    def unfolded(self) -> tuple[list[ReviewRecord], set[int]]:
        return list(self._reviews), set(self._undone)


def deck_keys(deck_paths: Sequence[str] | None, cache: DeckCache) -> list[str] | None:
    """The cache key of each deck file found (as ``discovery.load_card_keys`` finds them),
    known from their ``stat`` alone; None if any is not known (it must be read)."""
    from studyapp.core.decks.discovery import deck_roots, expand

    roots, _origin = deck_roots(deck_paths or None)
    cap = limits_from_env().max_bytes
    keys: list[str] = []
    for path in expand(roots):
        try:
            stat = path.stat()
        except OSError:
            return None
        if not S_ISREG(stat.st_mode) or stat.st_size > cap:
            return None
        key = cache.known_key(path, stat)
        if key is None:
            return None
        keys.append(key)
    return keys


def _history_print(summary: Summary) -> list[int]:
    d = summary.digest
    return [
        d.covered,
        d.head_crc,
        d.tail_crc,
        d.total,
        d.spent_ms,
        d.max_seq,
        len(d.ids),
        len(d.undone),
        int(d.canonical),
    ]


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICRO


def _review(r: _Review) -> ReviewRecord:
    return ReviewRecord(
        r.seq, r.card, _EPOCH + r.at * _MICRO, Rating(r.rating), Phase(r.phase), r.ms, r.ivl
    )


def _encode(kept: _Kept) -> bytes:
    payload = msgspec.msgpack.encode(kept)
    return _MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload


def _decode(raw: bytes) -> _Kept | None:
    head = len(_MAGIC) + 4
    if not raw.startswith(_MAGIC) or len(raw) < head:
        return None
    payload = raw[head:]
    if zlib.crc32(payload) != int.from_bytes(raw[len(_MAGIC) : head], "big"):
        return None
    try:
        kept = msgspec.msgpack.decode(payload, type=_Kept)
    except (msgspec.DecodeError, ValueError):
        return None
    return kept if kept.build == __version__ else None


def _dues(raw: bytes) -> array[int] | None:
    if len(raw) % 8:
        return None
    dues = array("q")
    dues.frombytes(raw)
    if sys.byteorder != "little":
        dues.byteswap()
    if any(map(operator.gt, dues, itertools.islice(dues, 1, None))):
        return None  # not sorted: not what keep wrote
    return dues


def kept_stats(
    folder: Path,
    decks: list[str] | None,
    now: datetime,
    *,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
) -> tuple[Stats, dict[str, str]] | None:
    """``studyapp stats``'s figures and the decks' titles from what :func:`keep` kept,
    if it still names the decks (``decks``: :func:`deck_keys`), the states and the
    history as they are, or can be brought up to date with the states now (and is then
    kept so); None otherwise (the caller computes them all)."""
    if decks is None:
        return None
    try:
        kept = _decode((folder / KEPT_STATS).read_bytes())
        if kept is None or kept.decks != decks:
            return None
        source, found = read_source(folder)
    except OSError:
        return None
    dues = _dues(kept.dues)
    if dues is None:
        return None
    try:
        reviews = [_review(r) for r in kept.reviews]
    except ValueError:  # a rating or phase this build does not know
        return None
    mastery = {deck: list(counts) for deck, *counts in kept.mastery}
    by_kind = {kind: [hits, total] for kind, hits, total in kept.by_kind}
    options = _Options(now, day_starts_at, tz)
    if source == kept.source:
        summary = summarize(_Unfolded(folder, reviews, set(kept.undone)))
        if summary is None or _history_print(summary) != kept.history:
            return None
        stats = _stats(summary, mastery, by_kind, dues, options)
        return None if stats is None else (stats, dict(kept.titles))
    changes = changes_since(folder, kept.source, kept.last_seq, kept.journal_cards, source, found)
    if changes is None:
        return None
    if kept.source.snapshot != source.snapshot:
        reviews, undone = changes.reviews, changes.undone
    else:
        reviews, undone = [*reviews, *changes.reviews], {*kept.undone, *changes.undone}
    summary = summarize(_Unfolded(folder, reviews, undone))
    if summary is None:
        return None
    try:
        rows = msgspec.msgpack.decode(kept.rows, type=Rows | None)
    except (msgspec.DecodeError, ValueError):
        return None
    if rows is None:
        return None
    updated = update(rows, mastery, by_kind, dues, changes.states, summary)
    if updated is None:
        return None
    stats = _stats(summary, updated.mastery, updated.by_kind, updated.dues, options)
    if stats is None:
        return None
    titles = dict(kept.titles)
    _write(
        folder,
        decks,
        source,
        summary,
        (reviews, undone),
        titles,
        (updated.mastery, updated.by_kind, updated.dues),
        (changes.last_seq, changes.journal_cards, updated.rows),
    )
    return stats, titles


class _Options(NamedTuple):
    now: datetime
    day_starts_at: int
    tz: tzinfo | None


def _stats(
    summary: Summary,
    mastery: Mapping[str, Sequence[int]],
    by_kind: dict[str, list[int]],
    dues: array[int],
    options: _Options,
) -> Stats | None:
    now, day_starts_at, tz = options
    forecast = forecast_from_dues(dues, now, day_starts_at=day_starts_at, tz=tz)
    if forecast is None:
        return None
    return stats_from_summary(
        summary,
        {},
        [],
        now,
        day_starts_at=day_starts_at,
        tz=tz,
        mastery={deck: DeckMastery(*counts) for deck, counts in mastery.items()},
        by_kind=by_kind,
        forecast=forecast,
    )


def keep(
    folder: Path,
    decks: list[str],
    source: StatesSource,
    summary: Summary,
    unfolded: tuple[list[ReviewRecord], set[int]],
    titles: Mapping[str, str],
    mastery: Mapping[str, DeckMastery],
    by_kind: Mapping[str, list[int]],
    dues: array[int],
    *,
    cards: Sequence[CardIdentity] | None = None,
    store: ProgressStore | None = None,
) -> bool:
    """Keep these figures (of the decks ``decks``, the states read from ``source``, the
    history as ``summary`` sums it) for :func:`kept_stats`; whether they were kept.

    With the ``cards`` and the read-only ``store`` they were counted from, each one's
    part is kept too (the next run after studying then brings them up to date).
    Not kept when the snapshot is too new to be known by its ``stat``
    (:meth:`StatesSource.settled`), or the folder refuses the write.
    """
    tail: tuple[int, list[str], Rows | None] = (0, [], None)
    if cards is not None and store is not None and store.source == source:
        states = store.states
        tail = (
            store.next_seq - 1,
            list(states.table.changed),
            build_rows(cards, states, summary, len(dues)),
        )
    return _write(
        folder,
        decks,
        source,
        summary,
        unfolded,
        titles,
        (
            {deck: _tallies(m) for deck, m in mastery.items()},
            by_kind,
            dues,
        ),
        tail,
    )


def _tallies(m: DeckMastery) -> list[int]:
    return [m.total, m.new, m.learning, m.young, m.mature, m.suspended]


def _write(
    folder: Path,
    decks: list[str],
    source: StatesSource,
    summary: Summary,
    unfolded: tuple[list[ReviewRecord], set[int]],
    titles: Mapping[str, str],
    figures: tuple[Mapping[str, Sequence[int]], Mapping[str, list[int]], array[int]],
    tail: tuple[int, list[str], Rows | None],
) -> bool:
    now = file_system_now(folder)  # the clock that stamped the snapshot
    if now is None or not source.settled(now):
        return False
    mastery, by_kind, dues = figures
    last_seq, journal_cards, rows = tail
    packed = array("q", dues)
    if sys.byteorder != "little":
        packed.byteswap()
    reviews, undone = unfolded
    kept = _Kept(
        build=__version__,
        decks=list(decks),
        source=source,
        history=_history_print(summary),
        reviews=[
            _Review(
                r.seq,
                r.card_id,
                _micros(r.at),
                int(r.rating),
                r.phase.value,
                r.took_ms,
                r.interval,
            )
            for r in reviews
        ],
        undone=sorted(undone),
        titles=list(titles.items()),
        mastery=[(deck, *counts) for deck, counts in mastery.items()],  # type: ignore[misc]
        by_kind=[(kind, counts[0], counts[1]) for kind, counts in by_kind.items()],
        dues=packed.tobytes(),
        last_seq=last_seq,
        journal_cards=journal_cards,
        rows=_NIL if rows is None else msgspec.Raw(msgspec.msgpack.encode(rows)),
    )
    try:
        atomic_write(folder / KEPT_STATS, _encode(kept))
    except OSError:
        return False
    return True
