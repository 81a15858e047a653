"""The progress store: months of a learner's work, kept safe on local disk.

One folder per learner holds:

``progress.json``
    A versioned snapshot ``{"format": "studyapp-progress", "version": 3, ...}`` of
    every card state (including cards no longer in any deck) and the settings.
    Written atomically: temp file in the same folder, flush, fsync, ``os.replace``,
    fsync the folder. A crash leaves either the old or the new file, never half.
    Since version 3 the card states are stored by column (see :func:`_snapshot_chunks`):
    a 50,000-card file parses several times faster than one object per card.
``reviews.jsonl``
    The journal: one JSON line per change (an answer, an undo, a bury...), each
    with a CRC, *written* (``write(2)``) before the call returns, so an answer that
    was acknowledged survives ``kill -9``: from then on the data belongs to the
    kernel, not to the process. A background thread fsyncs it moments later (one
    fsync covers every line written since the last), which adds safety against a
    power cut; :meth:`ProgressStore.fold` and :meth:`ProgressStore.close` fsync
    whatever is left before going on, and an fsync that failed is raised by the
    next change, fold or close (the store then refuses further changes). This is
    the trade-off of SQLite's WAL with ``synchronous=NORMAL``, but stricter: there
    the last commits may be lost to a power cut until the next checkpoint, here only
    answers of the last moment (an fsync is a fraction of a millisecond), and never
    to a crash of the app. Replayed on open; folded into the snapshot (and emptied)
    on close or when it grows. A torn last line (the app died mid-write) is dropped
    and reported.
``history.jsonl``
    Every review ever made, appended at each fold; read only when statistics
    need it, never at start-up.
``history.digest.json``
    What statistics need from the history, in aggregate (see ``historydigest``):
    a cache, written only by a writable store, rebuilt whenever it does not match.
``progress.lock``
    Held (:mod:`~studyapp.core.store.lock`) for the store's lifetime: a second instance gets
    :class:`ProgressLocked`, or opens read-only, never a silent lost update.

A damaged or newer-version file is moved aside (renamed with a timestamp) and
reported in :attr:`ProgressStore.problems`, never overwritten. Version 1 and 2
files are migrated (the original is kept beside, renamed). Temp files left by a
crash are removed at open.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import operator
import os
import tempfile
import threading
import zlib
from collections import Counter
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any, Literal, NamedTuple, Self

import msgspec
from msgspec import Struct

from studyapp.core.base.clock import Clock, ensure_utc, system_clock
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.store.lock import FolderLock, LockBusyError
from studyapp.core.store.state import CardState, Phase, Rating, make_states

FORMAT = "studyapp-progress"
VERSION = 3
SNAPSHOT = "progress.json"
JOURNAL = "reviews.jsonl"
HISTORY = "history.jsonl"
DIGEST = "history.digest.json"
"""A cache of what statistics need from the history (see ``historydigest``)."""
LOCK = "progress.lock"
FOLD_AFTER = 1000
"""Fold the journal into the snapshot once it holds this many records."""
RECENT_WINDOW = timedelta(days=3)
"""How far back the snapshot keeps reviews in memory (for today's limits)."""

_TEMP_SUFFIX = ".tmp"
_UNDO_MARK = b'"type":"undo"'
TAIL_BYTES = 1 << 16
_finite = math.isfinite


# ------------------------------------------------------------------------ errors


class ProgressError(Exception):
    """Something is wrong with the progress folder."""


class ProgressLocked(ProgressError):  # noqa: N818  (the name says what happened)
    """Another studyapp has this progress folder open."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"The progress folder {folder} is in use by another studyapp. "
            "Close the other one first, or open this one read-only."
        )


class ReadOnlyError(ProgressError):
    """A change was attempted on a store opened read-only."""


Severity = Literal["info", "warning", "error"]


class Problem(Struct, frozen=True):
    """Something found while opening, told to the learner (nothing is silently lost)."""

    path: Path
    message: str
    severity: Severity = "warning"
    moved_to: Path | None = None

    def __str__(self) -> str:
        text = f"{self.path.name}: {self.message}"
        if self.moved_to is not None:
            text += f" (kept as {self.moved_to.name})"
        return text


# ----------------------------------------------------------------------- records


_RATINGS: dict[Any, Rating] = {int(r): r for r in Rating}
_PHASES: dict[Any, Phase] = {p.value: p for p in Phase}
# (``.value`` and ``format(rating, "d")`` go through Python code in enum: a dict is faster)
_PHASE_VALUE: dict[Phase, str] = {p: p.value for p in Phase}
_RATING_TEXT: dict[Rating, str] = {r: str(int(r)) for r in Rating}


class ReviewRecord(NamedTuple):
    """One answer, as the history keeps it (what statistics are computed from).

    A named tuple rather than a dataclass: histories hold hundreds of thousands
    and tuples are several times cheaper to build.
    """

    seq: int
    card_id: str
    at: datetime
    rating: Rating
    phase: Phase
    """The card's phase *before* the answer (new, learning, review, relearning)."""
    took_ms: int | None = None
    interval: int | None = None
    """Days until the next review, if the answer put the card in review."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "seq": self.seq,
            "type": "review",
            "card": self.card_id,
            "at": self.at.isoformat(),
            "rating": int(self.rating),
            "phase": self.phase.value,
        }
        if self.took_ms is not None:
            out["ms"] = self.took_ms
        if self.interval is not None:
            out["ivl"] = self.interval
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewRecord:
        """Rebuild a record; ValueError on anything malformed."""
        try:
            seq, card, took, ivl = data["seq"], data["card"], data.get("ms"), data.get("ivl")
            if type(seq) is not int or type(card) is not str:
                raise ValueError("bad seq or card")
            if (took is not None and type(took) is not int) or (
                ivl is not None and type(ivl) is not int
            ):
                raise ValueError("bad ms or ivl")
            at = datetime.fromisoformat(data["at"])
            if at.tzinfo is not UTC:
                at = ensure_utc(at)
            # tuple.__new__ (``_make``) rather than the generated __new__: histories
            # hold hundreds of thousands of records
            return cls._make(
                (seq, card, at, _RATINGS[data["rating"]], _PHASES[data["phase"]], took, ivl)
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"bad review record: {error}") from None


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


_CRC_PREFIX = b',"crc":"'
_CRC_TAIL = len(_CRC_PREFIX) + 8 + 2  # ,"crc":"xxxxxxxx"}


def encode_line(record: Mapping[str, Any]) -> bytes:
    """One journal/history line: compact JSON whose last member is a CRC of the rest.

    The CRC covers the exact bytes of the line without it, so checking a line
    needs no re-serialisation (history files hold hundreds of thousands).
    """
    body = _dumps({k: v for k, v in record.items() if k != "crc"} if "crc" in record else record)
    return body[:-1] + b'%s%08x"}\n' % (_CRC_PREFIX, zlib.crc32(body))


def verify_line(line: bytes) -> bool:
    """True if the line is whole and its CRC matches (cheap: no JSON parsing)."""
    line = line.rstrip(b"\r\n")
    if len(line) <= _CRC_TAIL or line[-_CRC_TAIL:-10] != _CRC_PREFIX or line[-2:] != b'"}':
        return False
    try:
        expected = int(line[-10:-2], 16)
    except ValueError:
        return False
    return zlib.crc32(line[:-_CRC_TAIL] + b"}") == expected


def decode_line(line: bytes) -> dict[str, Any] | None:
    """The record on a line, or None if the line is torn, garbled or fails its CRC."""
    if not verify_line(line):
        return None
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(obj, dict):
        return None
    obj.pop("crc", None)
    return obj


_json_str = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses for str
_NONE_TYPE = type(None)


class _Entry(Struct, frozen=True):
    """A validated journal record."""

    seq: int
    kind: Literal["review", "undo", "set"]
    state: CardState
    review: ReviewRecord | None = None
    undoes: int | None = None


def _parse_entry(raw: dict[str, Any]) -> _Entry:
    kind = raw.get("type")
    seq = raw.get("seq")
    card = raw.get("card")
    if (
        not isinstance(seq, int)
        or not isinstance(card, str)
        or kind not in ("review", "undo", "set")
    ):
        raise ValueError("not a journal record")
    state = CardState.from_dict(card, raw.get("state"))  # type: ignore[arg-type]
    if kind == "review":
        return _Entry(seq, "review", state, review=ReviewRecord.from_dict(raw))
    if kind == "undo":
        undoes = raw.get("undoes")
        if not isinstance(undoes, int):
            raise ValueError("undo without a target")
        return _Entry(seq, "undo", state, undoes=undoes)
    return _Entry(seq, "set", state)


# ------------------------------------------------------------------- file helpers


def intact_lines(lines: Iterable[bytes]) -> tuple[list[bytes], list[int]]:
    """The lines whose CRC holds (line ends stripped), and their indexes in ``lines``.

    This is :func:`verify_line` over a whole chunk, inlined: a call per line costs
    as much as the check, and histories run to hundreds of thousands of lines.
    """
    crc32, tail, prefix, lead = zlib.crc32, _CRC_TAIL, _CRC_PREFIX, -_CRC_TAIL
    good: list[bytes] = []
    where: list[int] = []
    for index, line in enumerate(lines):
        line = line.rstrip(b"\r\n")
        if len(line) <= tail or line[lead:-10] != prefix or line[-2:] != b'"}':
            continue
        try:
            expected = int(line[-10:-2], 16)
        except ValueError:
            continue
        if crc32(b"}", crc32(line[:lead])) == expected:
            good.append(line)
            where.append(index)
    return good, where


def _read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Every intact record of a JSON Lines file with CRCs, in order, a chunk at a time.

    Lines are checked by CRC, then each chunk is parsed with a single
    ``json.loads``: several times faster than a call per line, which matters
    for a history of hundreds of thousands of reviews.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed below; generator)
    except FileNotFoundError:
        return
    with handle:
        while lines := handle.readlines(1 << 20):
            good, _ = intact_lines(lines)
            if not good:
                continue
            try:
                records = json.loads(b"[" + b",".join(good) + b"]")
            except ValueError:
                records = [r for r in map(decode_line, good) if r is not None]
            for record in records:
                if isinstance(record, dict):
                    yield record


def undo_targets(data: bytes, undone: set[int]) -> None:
    """Add to ``undone`` the seqs undone by the undo records among the lines of ``data``.

    Undo records are rare: ``data`` is searched for their mark (at C speed) and
    only the lines holding it are decoded.
    """
    position = data.find(_UNDO_MARK)
    while position != -1:
        start = data.rfind(b"\n", 0, position) + 1
        end = data.find(b"\n", position)
        end = len(data) if end == -1 else end
        record = decode_line(data[start:end])
        if record is not None and isinstance(record.get("undoes"), int):
            undone.add(record["undoes"])
        position = data.find(_UNDO_MARK, end)


def _undone_in(path: Path) -> set[int]:
    """The seqs undone by the undo records of a history file (a megabyte at a time)."""
    undone: set[int] = set()
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed below)
    except FileNotFoundError:
        return undone
    with handle:
        rest = b""
        while True:
            chunk = handle.read(1 << 20)
            data = rest + chunk
            if chunk:  # keep an unfinished last line for the next round
                cut = data.rfind(b"\n") + 1
                data, rest = data[:cut], data[cut:]
            undo_targets(data, undone)
            if not chunk:
                return undone


def last_seq(tail: bytes) -> int:
    """The seq of the last complete record among the lines of ``tail`` (0 if none)."""
    for line in reversed(tail.split(b"\n")):
        record = decode_line(line)
        if record is not None and isinstance(record.get("seq"), int):
            seq: int = record["seq"]
            return seq
    return 0


def _fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    ``data`` may come in chunks (a big snapshot is never held in memory whole).
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                for chunk in data:
                    handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _stamp(moment: datetime) -> str:
    return ensure_utc(moment).strftime("%Y%m%dT%H%M%SZ")


def _aside_name(path: Path, reason: str, moment: datetime) -> Path:
    base = path.with_name(f"{path.name}.{reason}-{_stamp(moment)}")
    candidate, n = base, 1
    while candidate.exists():
        candidate = base.with_name(f"{base.name}-{n}")
        n += 1
    return candidate


# ------------------------------------------------------------------------ snapshot


class _Snapshot(Struct):
    cards: dict[str, CardState]
    settings: dict[str, Any]
    recent: list[ReviewRecord]
    journal_seq: int


def _migrate_v1(data: Mapping[str, Any]) -> dict[str, Any]:
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


def _states_v2(cards_raw: Mapping[str, Any]) -> tuple[dict[str, CardState], list[str]]:
    """Version 2 cards (an object per card id, ``CardState.to_dict()``): (states, bad ids)."""
    cards: dict[str, CardState] = {}
    bad: list[str] = []
    from_dict = CardState.from_dict
    for cid, value in cards_raw.items():
        try:
            cards[cid] = from_dict(cid, value)
        except ValueError:
            bad.append(cid)
    return cards, bad


# Version 3: ``"cards"`` is an object of columns, one value per card, in the order of
# ``"id"``. ``phase`` holds codes (0 new, 1 learning, 2 review, 3 relearning) and
# ``flags`` bits (1 suspended, 2 leech); datetimes and dates are ISO strings as in
# version 2; null where a value is unset. Every column but ``id`` and ``phase`` may be
# left out when all its values are the default (null, or 0 for the counters and flags).
_PHASE_CODES: tuple[Phase, ...] = (Phase.NEW, Phase.LEARNING, Phase.REVIEW, Phase.RELEARNING)
_CODE_OF_PHASE: dict[Phase, int] = {phase: code for code, phase in enumerate(_PHASE_CODES)}
_SUSPENDED, _LEECH = 1, 2
_OPTIONAL_COLUMNS: dict[str, Any] = {
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


class _Unusual(Exception):  # noqa: N818  (a signal, not an error)
    """A column holds something the fast path does not take: read card by card."""


def _types(column: list[Any]) -> set[type]:
    return set(map(type, column))


_TZINFO = operator.attrgetter("tzinfo")


def _finite_floats(column: list[Any], *, typed: bool = False) -> None:
    """Floats or nulls, all finite (else _Unusual: the careful path says which card)."""
    if not typed and not _types(column) <= {float, _NONE_TYPE}:
        raise _Unusual
    # a NaN or an infinity makes the sum non-finite (so could an overflow of huge
    # values, which the careful path then accepts); filter(None) drops nulls (and 0.0)
    if not _finite(sum(filter(None, column))):
        raise _Unusual


def _datetimes(column: list[Any], *, typed: bool = False) -> list[datetime | None]:
    if typed:
        out = column
    else:
        fromiso = datetime.fromisoformat  # TypeError on anything but a string
        out = [value if value is None else fromiso(value) for value in column]
    if not set(map(_TZINFO, filter(None, out))) <= {UTC}:
        raise _Unusual  # naive or another offset: the careful path checks or converts
    return out


_PHASE_OF_CODE: dict[int, Phase] = dict(enumerate(_PHASE_CODES))


def _states_fast(
    ids: list[Any], columns: dict[str, list[Any]], given: set[str], *, typed: bool = False
) -> dict[str, CardState]:
    """Build every state column by column, with no Python call per card.

    ``given``: the columns the file holds (the others are defaults: nothing to check).
    ``typed``: the columns come from :func:`_parse_v3_typed`, their types already
    checked and their datetimes and dates parsed. Raises _Unusual, ValueError,
    TypeError or KeyError at the first value out of the ordinary; the careful path
    then reads card by card.
    """
    n = len(ids)
    codes = columns["phase"]
    if not typed and not (_types(ids) <= {str} and _types(codes) <= {int}):
        raise _Unusual
    phases = list(map(_PHASE_OF_CODE.__getitem__, codes))  # KeyError
    due, last = columns["due"], columns["last_review"]
    if "due" in given:
        due = _datetimes(due, typed=typed)
    if "last_review" in given:
        last = _datetimes(last, typed=typed)
    if not typed:
        if "step" in given and not _types(columns["step"]) <= {int, _NONE_TYPE}:
            raise _Unusual
        for name in ("interval", "reps", "lapses", "flags"):
            if name in given and not _types(columns[name]) <= {int}:
                raise _Unusual
    for name in ("stability", "difficulty", "ease"):
        if name in given:
            _finite_floats(columns[name], typed=typed)
    flags = columns["flags"]
    suspended = leech = [False] * n
    if "flags" in given and any(flags):
        if not 0 <= min(flags) <= max(flags) <= _SUSPENDED | _LEECH:
            raise _Unusual
        suspended = [bool(f & _SUSPENDED) for f in flags]
        leech = [bool(f & _LEECH) for f in flags]
    buried = columns["buried_until"]
    if not typed and "buried_until" in given and buried.count(None) != n:
        fromiso = date.fromisoformat  # TypeError on anything but a string
        buried = [value if value is None else fromiso(value) for value in buried]
    states = make_states(
        ids,
        phases,
        due,
        last,
        columns["step"],
        columns["stability"],
        columns["difficulty"],
        columns["ease"],
        columns["interval"],
        columns["reps"],
        columns["lapses"],
        suspended,
        buried,
        leech,
    )
    return dict(zip(ids, states, strict=True))


def _states_careful(
    ids: list[Any], columns: dict[str, list[Any]]
) -> tuple[dict[str, CardState], list[str]]:
    """Card by card through ``CardState.from_dict``: every card that reads is kept."""
    cards: dict[str, CardState] = {}
    bad: list[str] = []
    names = ("phase", *_OPTIONAL_COLUMNS)
    from_dict = CardState.from_dict
    for index, cid in enumerate(ids):
        try:
            if type(cid) is not str:
                raise ValueError("card id is not a string")
            value = {name: columns[name][index] for name in names}
            code, flags = value.pop("phase"), value.pop("flags")
            if type(code) is not int or not 0 <= code <= 3:
                raise ValueError(f"unknown phase code {code!r}")
            if type(flags) is not int or not 0 <= flags <= _SUSPENDED | _LEECH:
                raise ValueError(f"bad flags {flags!r}")
            value["phase"] = _PHASE_CODES[code].value
            value["suspended"] = bool(flags & _SUSPENDED)
            value["leech"] = bool(flags & _LEECH)
            cards[cid] = from_dict(cid, value)
        except ValueError:
            bad.append(str(cid))
    return cards, bad


def _with_defaults(
    phases: Any, column_of: Callable[[str], Any], n: int
) -> tuple[dict[str, Any], set[str]]:
    """Version 3's columns by name, a column the file leaves out filled with its default;
    and the names of those the file holds (the others need no checking)."""
    columns: dict[str, Any] = {"phase": phases}
    given = {"phase"}
    for name, default in _OPTIONAL_COLUMNS.items():
        column = column_of(name)
        if column is None:
            columns[name] = [default] * n
        else:
            columns[name] = column
            given.add(name)
    return columns, given


def _states_v3(cards_raw: Any) -> tuple[dict[str, CardState], list[str]]:
    """Version 3 cards (columns): (states, bad ids). Raises _DamagedError."""
    if not isinstance(cards_raw, dict):
        raise _DamagedError("damaged", "'cards' is not an object")
    ids = cards_raw.get("id")
    phases = cards_raw.get("phase")
    if type(ids) is not list or type(phases) is not list:
        raise _DamagedError("damaged", "'cards' has no 'id' or 'phase' column")
    n = len(ids)
    columns, given = _with_defaults(phases, cards_raw.get, n)
    for name, column in columns.items():
        if type(column) is not list or len(column) != n:
            raise _DamagedError(
                "damaged", f"column '{name}' of 'cards' does not have one value per card"
            )
    try:
        return _states_fast(ids, columns, given), []
    except (_Unusual, ValueError, TypeError, KeyError):
        return _states_careful(ids, columns)


_DATETIME_COLUMNS = frozenset({"due", "last_review"})


def _iso(moment: datetime | date | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _snapshot_chunks(header: Mapping[str, Any], cards: Mapping[str, CardState]) -> Iterator[bytes]:
    """The snapshot file, a column at a time: ``header`` plus ``"cards"`` (version 3).

    A 50,000-card snapshot is ~5 MB of JSON, which need not sit in memory two or
    three times over (text, bytes, bytes plus newline) while it is written.
    """
    head = _dumps(header)
    yield head[:-1] + (b',"cards":{' if header else b'"cards":{')
    yield b'"id":' + _dumps(list(cards))
    states = list(cards.values())
    code = _CODE_OF_PHASE
    yield b',"phase":' + _dumps([code[s.phase] for s in states])
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
            lambda: [
                (_SUSPENDED if s.suspended else 0) | (_LEECH if s.leech else 0) for s in states
            ],
        ),
        ("buried_until", lambda: [_iso(s.buried_until) for s in states]),
    ]
    for name, build in columns:
        column = build()
        default = _OPTIONAL_COLUMNS[name]
        if any(value != default for value in column):
            # datetimes: msgspec writes RFC 3339 in C (``...Z`` for UTC), ~10x faster
            # than isoformat() one by one; both readers parse either form
            dumps = msgspec.json.encode if name in _DATETIME_COLUMNS else _dumps
            yield b',"%s":%s' % (name.encode(), dumps(column))
        del column
    yield b"}}\n"


class _DamagedError(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class _CardColumns(Struct):
    """Version 3's ``"cards"`` as msgspec decodes it: every column typed (datetimes and
    dates parsed in C), None where the file leaves a column out."""

    id: list[str]
    phase: list[int]
    due: list[datetime | None] | None = None
    last_review: list[datetime | None] | None = None
    step: list[int | None] | None = None
    stability: list[float | None] | None = None
    difficulty: list[float | None] | None = None
    ease: list[float | None] | None = None
    interval: list[int] | None = None
    reps: list[int] | None = None
    lapses: list[int] | None = None
    flags: list[int] | None = None
    buried_until: list[date | None] | None = None


class _SnapshotV3(Struct):
    format: str
    version: int
    cards: _CardColumns
    settings: dict[str, Any] = {}
    journal_seq: int = 0
    recent: list[Any] = []


@functools.cache
def _v3_decoder() -> msgspec.json.Decoder[_SnapshotV3]:
    return msgspec.json.Decoder(_SnapshotV3)


def _parse_v3_typed(raw: bytes | str) -> _Snapshot | None:
    """A well-formed snapshot of this version, fast; None for anything else.

    msgspec decodes the file straight into typed columns, checking types and
    parsing datetimes as it goes: ~20 ms for 35,000 cards, where ``json.loads``
    and then checking and parsing the columns take ~90. Whatever it does not
    take (an older version, a damaged file, a naive datetime, a NaN...) goes to
    the general path, which reads what it can and says what is wrong.
    """
    try:
        data = _v3_decoder().decode(raw)
    except ValueError:  # msgspec's DecodeError and ValidationError; bad UTF-8 in a string
        return None
    if data.format != FORMAT or data.version != VERSION:
        return None
    cards = data.cards
    n = len(cards.id)
    columns, given = _with_defaults(cards.phase, functools.partial(getattr, cards), n)
    if any(len(column) != n for column in columns.values()):
        return None
    try:
        states = _states_fast(cards.id, columns, given, typed=True)
    except (_Unusual, ValueError, TypeError, KeyError):
        return None
    return _Snapshot(states, data.settings, _recent(data.recent), data.journal_seq)


def _recent(items: list[Any]) -> list[ReviewRecord]:
    recent: list[ReviewRecord] = []
    for item in items:
        with contextlib.suppress(ValueError, AttributeError):
            recent.append(ReviewRecord.from_dict(item))
    return recent


def _parse_snapshot(raw: bytes | str) -> tuple[_Snapshot, list[str], int | None]:
    """Parse a snapshot (bytes or text): (snapshot, bad card ids, version migrated from).

    Raises _DamagedError.
    """
    if not raw or raw.isspace():  # (not strip(): a copy of megabytes)
        raise _DamagedError("damaged", "the file is empty")
    fast = _parse_v3_typed(raw)
    if fast is not None:
        return fast, [], None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise _DamagedError("damaged", f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _DamagedError("damaged", "not a studyapp progress file")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise _DamagedError("damaged", f"unknown version {version!r}")
    if version > VERSION:
        raise _DamagedError(
            f"newer-v{version}",
            f"written by a newer studyapp (format version {version}; this one reads up to "
            f"{VERSION}); update studyapp to use it",
        )
    if version == 1:
        try:
            data = _migrate_v1(data)
        except (ValueError, TypeError) as error:
            raise _DamagedError(
                "damaged", f"version 1 file could not be migrated: {error}"
            ) from None
    cards_raw, settings = data.get("cards"), data.get("settings", {})
    journal_seq, recent_raw = data.get("journal_seq", 0), data.get("recent", [])
    if not isinstance(settings, dict):
        raise _DamagedError("damaged", "'settings' is not an object")
    if not isinstance(journal_seq, int) or not isinstance(recent_raw, list):
        raise _DamagedError("damaged", "'journal_seq' or 'recent' is malformed")
    if version < 3:
        if not isinstance(cards_raw, dict):
            raise _DamagedError("damaged", "'cards' is not an object")
        cards, bad = _states_v2(cards_raw)
    else:
        cards, bad = _states_v3(cards_raw)
    del data, cards_raw
    snapshot = _Snapshot(cards, settings, _recent(recent_raw), journal_seq)
    return snapshot, bad, (version if version < VERSION else None)


# ------------------------------------------------------------------ journal sync


class _JournalSync:
    """Fsyncs the journal from a background thread, moments after each write.

    :meth:`wrote` (after each ``write``) wakes the thread if it is idle; the thread
    waits :attr:`GATHER` seconds for more lines, then one fsync covers them all
    (group commit: answers in quick succession share one). While it works, writes
    only bump a counter: the store's thread never waits for it, and the two meet
    (take the GIL from each other) about twice per fsync, not per answer.
    :meth:`sync` makes everything written so far durable in the calling thread
    (before a fold); :meth:`stop` lets the thread fsync what is left and joins it.
    The thread is the only other user of the file descriptor and is joined before
    the store closes it: it never fsyncs a closed (or reused) descriptor. A failed
    fsync is kept and raised (as :class:`ProgressError`) by every later
    :meth:`check`, :meth:`sync` and :meth:`stop`: a line that may not have reached
    the disk is never silently taken for saved.
    """

    GATHER = 0.002
    """Seconds the thread waits for more lines before an fsync."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd = fd
        self._path = path
        self._cond = threading.Condition()
        self._written = 0
        """Lines written so far (a counter; only the store's thread changes it)."""
        self._synced = 0
        """Lines covered by a finished fsync."""
        self._idle = False
        """The thread waits for a line (set and cleared under the lock)."""
        self._error: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(
            target=self._run, name=f"studyapp fsync {path.name}", daemon=True
        )
        self._thread.start()

    def wrote(self) -> None:
        """A line was written: have it fsynced soon."""
        # No lost wake-up: the thread sets _idle under the lock *before* it last
        # reads _written, and it is notified under the lock.
        self._written += 1
        if self._idle:
            with self._cond:
                self._cond.notify()

    def _fsync(self, upto: int) -> None:
        try:
            os.fsync(self._fd)
        except BaseException as error:
            with self._cond:
                if self._error is None:
                    self._error = error
                self._cond.notify_all()
            raise
        with self._cond:
            if upto > self._synced:
                self._synced = upto
            self._cond.notify_all()

    def _run(self) -> None:
        cond = self._cond
        while True:
            with cond:
                self._idle = True
                while self._synced >= self._written and not self._stopping:
                    cond.wait()
                self._idle = False
                if self._synced >= self._written:
                    return  # stopping, and all is fsynced
                if not self._stopping:
                    cond.wait(self.GATHER)  # gather more lines (stop() cuts it short)
            try:
                self._fsync(self._written)
            except BaseException:
                return  # kept for check()

    def check(self) -> None:
        """Raise ProgressError if a background fsync failed."""
        error = self._error
        if error is not None:
            raise ProgressError(
                f"{self._path} could not be saved to disk ({error}); the last answers "
                "may be lost if the computer stops. Saving stopped: restart studyapp"
            ) from error

    def idle(self) -> None:
        """Wait until the thread has caught up with every line so far, or failed."""
        with self._cond:
            upto = self._written
            while self._synced < upto and self._error is None and self._thread.is_alive():
                self._cond.wait()

    def sync(self) -> None:
        """Make every line written so far durable (fsync here, unless already done)."""
        self.check()
        upto = self._written
        if self._synced >= upto:
            return
        try:
            self._fsync(upto)
        except OSError:
            self.check()
            raise

    def stop(self) -> None:
        """Let the thread fsync what is left, end it and wait for it; raise a failure."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join()  # it leaves only once all is fsynced, or on a failure
        self.check()


# --------------------------------------------------------------------------- store


class CardStates(Mapping[str, CardState]):
    """A live, read-only view of a store's card states (:attr:`ProgressStore.states`)."""

    __slots__ = ("_store",)

    def __init__(self, store: ProgressStore) -> None:
        self._store = store

    def __getitem__(self, card_id: str) -> CardState:
        return self._store._cards[card_id]

    def get(self, card_id: str, default: Any = None) -> Any:
        return self._store._cards.get(card_id, default)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._store._cards

    def __iter__(self) -> Iterator[str]:
        return iter(self._store._cards)

    def __len__(self) -> int:
        return len(self._store._cards)

    def keys(self) -> KeysView[str]:
        return self._store._cards.keys()

    def values(self) -> ValuesView[CardState]:
        return self._store._cards.values()

    def items(self) -> ItemsView[str, CardState]:
        return self._store._cards.items()

    def __repr__(self) -> str:
        return f"CardStates({len(self)} cards in {self._store.folder})"

    def getter(self) -> Callable[[str], CardState | None]:
        """``get`` at C speed (the store's own dict's), for one pass over tens of
        thousands of cards (e.g. building the queue); read-only use, there and then."""
        return self._store._cards.get

    @property
    def memo(self) -> dict[str, Any]:
        """Scratch space for what readers derive from these states (e.g. the home
        screen's overview of 50,000 cards), emptied whenever any state changes."""
        return self._store._memo


class ProgressStore:
    """A learner's progress: card states in memory, every change durable on disk.

    Open with :meth:`open` (or as a context manager); not thread-safe: one
    store, one thread (its own journal thread aside). Changes go through
    :meth:`record_review`, :meth:`record_undo` and :meth:`record_change`, each
    written to the journal on return (safe from a crash of the app; fsynced moments
    later, see the module docstring).
    """

    def __init__(
        self,
        folder: Path,
        *,
        read_only: bool,
        clock: Clock,
        fold_after: int,
        lock: FolderLock | None,
    ) -> None:
        self.folder = folder
        self.read_only = read_only
        self._clock = clock
        self._fold_after = fold_after
        self._lock = lock
        self._problems: list[Problem] = []
        self._cards: dict[str, CardState] = {}
        self._memo: dict[str, Any] = {}  # see CardStates.memo
        self._settings: dict[str, Any] = {}
        self._recent: list[ReviewRecord] = []
        self._pending: list[_Entry] = []
        self._journal_seq = 0
        self._next_seq = 1
        self._dirty = False
        self._journal_fd: int | None = None
        self._journal_sync: _JournalSync | None = None
        self._closed = False

    # -- opening

    @classmethod
    def open(
        cls,
        folder: str | os.PathLike[str],
        *,
        read_only: bool = False,
        clock: Clock = system_clock,
        fold_after: int = FOLD_AFTER,
    ) -> ProgressStore:
        """Open (creating if needed) a progress folder.

        Raises:
            ProgressLocked: another instance holds the folder (unless ``read_only``).
        """
        path = Path(folder)
        lock: FolderLock | None = None
        if not read_only:
            path.mkdir(parents=True, exist_ok=True)
            lock = FolderLock(path / LOCK)
            try:
                lock.acquire()
            except LockBusyError:
                raise ProgressLocked(path) from None
        store = cls(path, read_only=read_only, clock=clock, fold_after=fold_after, lock=lock)
        try:
            store._load()
        except BaseException:
            store._release()
            raise
        return store

    def _now(self) -> datetime:
        return ensure_utc(self._clock())

    def _report(
        self, path: Path, message: str, severity: Severity = "warning", moved: Path | None = None
    ) -> None:
        self._problems.append(Problem(path, message, severity, moved))

    def _move_aside(self, path: Path, reason: str, message: str) -> None:
        if self.read_only:
            self._report(path, message + "; open it writable to set it aside", "error")
            return
        target = _aside_name(path, reason, self._now())
        os.replace(path, target)
        _fsync_dir(self.folder)
        self._report(
            path, message + "; it was moved aside and a fresh one started", "error", target
        )

    def _copy_aside(self, path: Path, reason: str, data: bytes, message: str) -> None:
        if self.read_only:
            self._report(path, message, "error")
            return
        target = _aside_name(path, reason, self._now())
        atomic_write(target, data)
        self._report(path, message, "error", target)

    def _snapshot_identity(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.folder / SNAPSHOT)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def _load(self) -> None:
        self._memo.clear()
        if not self.read_only:
            self._clean_temp_files()
        for _ in range(5):
            before = self._snapshot_identity()
            # Tens of thousands of long-lived states: collecting while they are
            # built only rescans them (see gcpause).
            with paused_gc():
                self._load_snapshot()
                self._replay_journal()
            # A read-only view may race the owner folding (new snapshot, emptied
            # journal): if the snapshot changed while we read, read again.
            if not self.read_only or self._snapshot_identity() == before:
                break
            self._cards, self._recent, self._pending = {}, [], []
            self._problems.clear()
        # Never reuse a number the history already has (e.g. after a damaged
        # snapshot was set aside): a fold would take new reviews for old ones.
        self._next_seq = max(self._next_seq, self._history_tail_seq() + 1)
        if not self.read_only:
            self._open_journal()
            if self._dirty or len(self._pending) >= self._fold_after:
                self.fold()

    def _clean_temp_files(self) -> None:
        for stray in self.folder.glob(f".*{_TEMP_SUFFIX}"):
            if stray.name.startswith(
                (f".{SNAPSHOT}.", f".{HISTORY}.", f".{JOURNAL}.", f".{DIGEST}.")
            ):
                with contextlib.suppress(OSError):
                    stray.unlink()
                    self._report(stray, "left over from an interrupted save; removed", "info")

    def _load_snapshot(self) -> None:
        path = self.folder / SNAPSHOT
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return
        # Parse from text, decoded as json.loads would, and let the bytes go first:
        # a 50,000-card snapshot is ~5 MB, held twice otherwise. The rare paths
        # that keep a copy of the original read it again (the lock is ours).
        raw: bytes | str = data
        with contextlib.suppress(UnicodeDecodeError):
            raw = data.decode(json.detect_encoding(data), "surrogatepass")
        del data
        try:
            snap, bad, migrated = _parse_snapshot(raw)
        except _DamagedError as damage:
            self._move_aside(path, damage.reason, str(damage))
            journal = self.folder / JOURNAL
            if damage.reason.startswith("newer") and journal.exists():
                self._move_aside(journal, damage.reason, "belongs to the newer progress file")
            return
        if bad:
            self._copy_aside(
                path,
                "damaged",
                path.read_bytes(),
                f"{len(bad)} card state(s) could not be read and were left out "
                f"(first: {bad[0]}); the original file was kept",
            )
            self._dirty = True
        if migrated is not None:
            if not self.read_only:
                target = _aside_name(path, f"v{migrated}", self._now())
                atomic_write(target, path.read_bytes())
                self._report(path, f"migrated from version {migrated}", "info", target)
            self._dirty = True
        self._cards = snap.cards
        self._settings = snap.settings
        self._recent = snap.recent
        self._journal_seq = snap.journal_seq
        self._next_seq = snap.journal_seq + 1

    def _replay_journal(self) -> None:
        path = self.folder / JOURNAL
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return
        lines = raw.split(b"\n")
        # everything after the last newline is an unfinished write
        torn_tail = lines.pop() != b""
        entries: list[tuple[int, _Entry | None]] = []  # (end offset, entry)
        offset = 0
        for line in lines:
            offset += len(line) + 1
            entry: _Entry | None = None
            record = decode_line(line)
            if record is not None:
                try:
                    entry = _parse_entry(record)
                except ValueError:
                    entry = None
            entries.append((offset, entry))
        # One unfinished or unreadable last line is an interrupted write, not damage.
        good_end = len(entries)
        if not torn_tail and entries and entries[-1][1] is None:
            good_end -= 1
            torn_tail = True
        keep_bytes = entries[good_end - 1][0] if good_end else 0
        bad = sum(1 for _, e in entries[:good_end] if e is None)
        if bad:
            self._copy_aside(
                path,
                "damaged",
                raw,
                f"{bad} damaged line(s) in the journal were skipped; the readable ones were kept",
            )
            self._dirty = True
        if torn_tail:
            self._report(
                path,
                "the last change was only partly written (studyapp was stopped while saving "
                "it) and was dropped; every saved answer before it is kept",
            )
            if not self.read_only:
                with open(path, "r+b") as handle:
                    handle.truncate(keep_bytes)
                    handle.flush()
                    os.fsync(handle.fileno())
        last = self._journal_seq
        for _, entry in entries[:good_end]:
            if entry is None or entry.seq <= last:
                continue  # damaged, or already folded into the snapshot
            self._apply(entry)
            self._pending.append(entry)
            last = entry.seq
        self._next_seq = last + 1

    def _open_journal(self) -> None:
        path = self.folder / JOURNAL
        existed = path.exists()
        self._journal_fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        if not existed:
            _fsync_dir(self.folder)
        self._journal_sync = _JournalSync(self._journal_fd, path)

    # -- reading

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What was found (and done) while opening: show these to the learner."""
        return tuple(self._problems)

    @property
    def states(self) -> CardStates:
        """Every known card state, including cards no longer in any deck (read-only view)."""
        return CardStates(self)

    def get(self, card_id: str) -> CardState:
        """The state of a card; a fresh new state if it was never seen."""
        state = self._cards.get(card_id)
        return state if state is not None else CardState(card_id)

    @property
    def settings(self) -> Mapping[str, Any]:
        """The stored settings (JSON data; ``settings.StudySettings`` reads them)."""
        return MappingProxyType(self._settings)

    def recent_reviews(self) -> tuple[ReviewRecord, ...]:
        """Reviews of the last few days, in order (for today's counts and limits)."""
        return tuple(self._recent)

    @property
    def pending(self) -> int:
        """Journal records not yet folded into the snapshot."""
        return len(self._pending)

    def history(self) -> Iterator[ReviewRecord]:
        """Every review ever made, oldest first, undone ones left out.

        Reads ``history.jsonl`` from disk (lazily, for statistics) then the
        journal records not folded yet. Damaged lines are skipped.
        """
        undone = {e.undoes for e in self._pending if e.kind == "undo"}
        path = self.folder / HISTORY
        undone |= _undone_in(path)
        for record in _read_records(path):
            if record.get("type") != "review":
                continue
            try:
                review = ReviewRecord.from_dict(record)
            except ValueError:
                continue
            if review.seq not in undone:
                yield review
        history_seq = self._history_tail_seq()
        for entry in self._pending:
            if entry.review is not None and entry.seq > history_seq and entry.seq not in undone:
                yield entry.review

    def unfolded(self) -> tuple[list[ReviewRecord], set[int]]:
        """The journal's part of the history, copied at once (readers in another thread
        use it while answers go on): the reviews not folded yet, oldest first, with
        those later folded or undone still in, and the seqs its undo records undo.

        ``history()`` is the history file's reviews, then these, less the undone
        ones and those the file already holds (seq at most the file's last one).
        """
        pending = list(self._pending)
        reviews = [e.review for e in pending if e.review is not None]
        return reviews, {e.undoes for e in pending if e.kind == "undo" and e.undoes is not None}

    # -- writing

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(f"{self.folder} was opened read-only")
        if self._closed:
            raise ProgressError("the progress store is closed")

    def _append(
        self, record: dict[str, Any], review: Callable[[int], ReviewRecord] | None = None
    ) -> _Entry:
        """Write ``record`` to the journal (fsynced moments later), then apply it in memory.

        The in-memory state is read back from the record's serialised state, as a
        restart would read it, so what is shown is exactly what is on disk.
        ``review`` builds the answer's history record from its seq (answers only).
        """
        self._check_writable()
        seq = record["seq"] = self._next_seq
        state = CardState.from_dict(record["card"], record["state"])
        if review is not None:
            entry = _Entry(seq, "review", state, review=review(seq))
        elif record["type"] == "undo":
            entry = _Entry(seq, "undo", state, undoes=record["undoes"])
        else:
            entry = _Entry(seq, "set", state)
        self._write(encode_line(record))
        return self._applied(entry)

    def _write(self, data: bytes) -> None:
        """Append a line to the journal: in the kernel's hands (safe from a crash of
        the app) on return; fsynced by the journal's thread moments later."""
        sync, fd = self._journal_sync, self._journal_fd
        assert sync is not None and fd is not None
        sync.check()
        written = os.write(fd, data)
        while written < len(data):
            written += os.write(fd, data[written:])
        sync.wrote()

    def _applied(self, entry: _Entry) -> _Entry:
        self._next_seq += 1
        self._apply(entry)
        self._pending.append(entry)
        if len(self._pending) >= self._fold_after:
            self.fold()
        return entry

    def _apply(self, entry: _Entry) -> None:
        self._memo.clear()
        self._cards[entry.state.card_id] = entry.state
        if entry.review is not None:
            self._recent.append(entry.review)
        elif entry.undoes is not None:
            self._recent = [r for r in self._recent if r.seq != entry.undoes]

    def record_review(
        self,
        previous: CardState,
        new: CardState,
        rating: Rating,
        at: datetime,
        took: timedelta | None = None,
    ) -> ReviewRecord:
        """Save an answer before returning (safe from a crash of the app at once, from a
        power cut once fsynced, moments later); returns its record."""
        self._check_writable()
        interval = new.interval if new.phase is Phase.REVIEW else None
        at = ensure_utc(at)
        rating = rating if type(rating) is Rating else Rating(int(rating))
        took_ms = None if took is None else max(0, round(took.total_seconds() * 1000))
        phase = previous.phase
        state_json = new.to_json()
        if state_json is not None:
            # The usual case, as fast as it goes: the line written by hand (byte for
            # byte what encode_line(record) would give; a test holds it to that), and
            # the state kept as is (it reads back equal: see CardState.to_json).
            seq = self._next_seq
            body = (
                f'{{"type":"review","card":{_json_str(new.card_id)},"at":"{at.isoformat()}",'
                f'"rating":{_RATING_TEXT[rating]},"phase":"{_PHASE_VALUE[phase]}",'
                f'"state":{state_json}'
            )
            if took_ms is not None:
                body += f',"ms":{took_ms:d}'
            if interval is not None:
                body += f',"ivl":{interval:d}'
            line = f'{body},"seq":{seq:d}}}'.encode()
            review = ReviewRecord(seq, new.card_id, at, rating, phase, took_ms, interval)
            self._write(line[:-1] + b'%s%08x"}\n' % (_CRC_PREFIX, zlib.crc32(line)))
            self._applied(_Entry(seq, "review", new, review=review))
            return review
        record: dict[str, Any] = {
            "type": "review",
            "card": new.card_id,
            "at": at.isoformat(),
            "rating": int(rating),
            "phase": previous.phase.value,
            "state": new.to_dict(),
        }
        if took_ms is not None:
            record["ms"] = took_ms
        if interval is not None:
            record["ivl"] = interval

        def make_review(seq: int) -> ReviewRecord:
            # what ReviewRecord.from_dict(record) gives, without parsing it back
            return ReviewRecord(seq, new.card_id, at, rating, phase, took_ms, interval)

        entry = self._append(record, make_review)
        assert entry.review is not None
        return entry.review

    def record_undo(self, review_seq: int, restored: CardState, at: datetime) -> int:
        """Undo a change, saved as an answer is: the card goes back to ``restored``; its seq."""
        record = {
            "type": "undo",
            "card": restored.card_id,
            "at": ensure_utc(at).isoformat(),
            "undoes": review_seq,
            "state": restored.to_dict(),
        }
        return self._append(record).seq

    def record_change(self, state: CardState, at: datetime, reason: str) -> int:
        """Save a change that is not an answer (suspend, bury, leech...), as an answer is."""
        record = {
            "type": "set",
            "card": state.card_id,
            "at": ensure_utc(at).isoformat(),
            "reason": reason,
            "state": state.to_dict(),
        }
        return self._append(record).seq

    def set_settings(self, settings: Mapping[str, Any]) -> None:
        """Replace the stored settings (written at once, atomically)."""
        self._check_writable()
        json.dumps(settings)  # refuse what JSON cannot hold, before touching anything
        self._settings = dict(settings)
        self._dirty = True
        self.fold()

    # -- folding

    def _history_tail_seq(self) -> int:
        """The seq of the last complete record in history.jsonl (0 if none)."""
        path = self.folder / HISTORY
        try:
            with open(path, "rb") as handle:
                size = handle.seek(0, os.SEEK_END)
                handle.seek(max(0, size - TAIL_BYTES))
                tail = handle.read()
        except FileNotFoundError:
            return 0
        return last_seq(tail)

    def _append_history(self, entries: Iterable[_Entry]) -> None:
        path = self.folder / HISTORY
        existed = path.exists()
        last = self._history_tail_seq() if existed else 0
        lines: list[bytes] = []
        undone = {e.undoes for e in self._pending if e.kind == "undo"}
        pending_seqs = {e.seq for e in self._pending}
        for entry in entries:
            if entry.seq <= last:
                continue  # already there (a fold was interrupted after this step)
            if entry.review is not None:
                if entry.seq not in undone:
                    lines.append(encode_line(entry.review.to_dict()))
            elif entry.kind == "undo":
                target = entry.undoes
                if target is not None and (target <= last or target not in pending_seqs):
                    # the undone review is already in the history file: record the undo
                    lines.append(encode_line({"seq": entry.seq, "type": "undo", "undoes": target}))
        if not lines:
            return
        with open(path, "ab") as handle:
            if existed and handle.tell() > 0:
                # a torn last line from an interrupted fold: start on a fresh line
                with open(path, "rb") as reader:
                    reader.seek(-1, os.SEEK_END)
                    if reader.read(1) != b"\n":
                        handle.write(b"\n")
            handle.write(b"".join(lines))
            handle.flush()
            os.fsync(handle.fileno())
        if not existed:
            _fsync_dir(self.folder)

    def fold(self) -> None:
        """Fold the journal into the snapshot: history first, then snapshot, then empty journal.

        Each step is durable before the next, and each is safe to repeat, so a
        crash at any point loses nothing.
        """
        self._check_writable()
        if self._journal_sync is not None:
            self._journal_sync.sync()  # what is folded is durable in the journal first
        if not self._pending and not self._dirty and (self.folder / SNAPSHOT).exists():
            return
        self._append_history(self._pending)
        last_seq = self._pending[-1].seq if self._pending else self._journal_seq
        cutoff = self._now() - RECENT_WINDOW
        self._recent = [r for r in self._recent if r.at >= cutoff]
        header = {
            "format": FORMAT,
            "version": VERSION,
            "saved_at": self._now().isoformat(),
            "journal_seq": last_seq,
            "settings": self._settings,
            "recent": [r.to_dict() for r in self._recent],
        }
        atomic_write(self.folder / SNAPSHOT, _snapshot_chunks(header, self._cards))
        self._journal_seq = last_seq
        self._pending.clear()
        self._dirty = False
        if self._journal_fd is not None:
            os.ftruncate(self._journal_fd, 0)
            os.fsync(self._journal_fd)

    # -- closing

    def _release(self) -> None:
        if self._journal_sync is not None:
            # the thread ends (joined) before its descriptor is closed below
            with contextlib.suppress(ProgressError):
                self._journal_sync.stop()
            self._journal_sync = None
        if self._journal_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._journal_fd)
            self._journal_fd = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self._closed = True

    def close(self, *, fold: bool = True) -> None:
        """Fold the journal (unless ``fold=False``) and release the lock. Idempotent."""
        if self._closed:
            return
        try:
            if fold and not self.read_only:
                self.fold()
            if self._journal_sync is not None:
                self._journal_sync.stop()  # the last fsync; raises one that failed
        finally:
            self._release()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# ----------------------------------------------------------------- integrity check


class FolderReport(Struct, frozen=True):
    """What ``studyapp progress`` shows: where things are, how many, and what is wrong."""

    folder: Path
    files: Mapping[str, int]
    """File name -> size in bytes, for the files of the folder."""
    cards: int
    cards_by_phase: Mapping[str, int]
    suspended: int
    leeches: int
    pending: int
    """Journal records not yet folded into the snapshot."""
    reviews: int
    """Reviews in the history (undone ones left out)."""
    bad_history_lines: int
    problems: tuple[Problem, ...]
    """What opening found, plus any inconsistent card states."""
    locked: bool
    """Whether another studyapp holds the folder right now."""

    @property
    def ok(self) -> bool:
        return self.bad_history_lines == 0 and not any(p.severity == "error" for p in self.problems)


def check_folder(folder: str | os.PathLike[str]) -> FolderReport:
    """Check a progress folder without changing anything (Anki's Check Database, read-only).

    Reads every file, counts what is there, and lists problems: damaged files,
    torn journal lines, unreadable history lines, and card states that do not
    make sense (e.g. a review card without a due date).
    """
    path = Path(folder)
    locked = False
    if path.exists():
        probe = FolderLock(path / LOCK)
        try:
            probe.acquire()
            probe.release()
        except LockBusyError:
            locked = True
    with ProgressStore.open(path, read_only=True) as store:
        problems = list(store.problems)
        phases = Counter(state.phase.value for state in store.states.values())
        for state in store.states.values():
            if state.phase is not Phase.NEW and (state.due is None or state.last_review is None):
                problems.append(
                    Problem(path / SNAPSHOT, f"card {state.card_id} has no due date", "error")
                )
        bad_lines = 0
        history = path / HISTORY
        if history.exists():
            with open(history, "rb") as handle:
                bad_lines = sum(1 for line in handle if line.strip() and not verify_line(line))
        report = FolderReport(
            folder=path,
            files={p.name: p.stat().st_size for p in sorted(path.iterdir()) if p.is_file()}
            if path.exists()
            else {},
            cards=len(store.states),
            cards_by_phase=dict(phases),
            suspended=sum(1 for s in store.states.values() if s.suspended),
            leeches=sum(1 for s in store.states.values() if s.leech),
            pending=store.pending,
            reviews=sum(1 for _ in store.history()),
            bad_history_lines=bad_lines,
            problems=tuple(problems),
            locked=locked,
        )
    return report
