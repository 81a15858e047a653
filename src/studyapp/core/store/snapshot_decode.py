"""Reading a snapshot back: a typed fast path, a careful path, and older versions.

:func:`parse_snapshot` first lets msgspec decode a well-formed file of this version
straight into typed columns (:func:`_parse_v3_typed`). Anything else goes to
``json.loads``; version 3's columns are then checked with no Python call per card
(:func:`_states_fast`) or, at the first value out of the ordinary, read card by card
(:func:`_states_careful`), which keeps every card that reads and names those that do
not. Either way the states are kept as columns (a
:class:`~studyapp.core.store.statetable.StateTable`): none is built at open. Version
1 and 2 files are read here too (the formats: :mod:`~studyapp.core.store.snapshot`).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import operator
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

from studyapp.core.base.clock import ensure_utc
from studyapp.core.base.jsonread import MAX_DEPTH, decode_guarded, depth_exceeds, loads_limited
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.snapshot import (
    FORMAT,
    LEECH,
    OPTIONAL_COLUMNS,
    PHASE_CODES,
    SUSPENDED,
    VERSION,
    DamagedError,
    Snapshot,
    migrate_v1,
)
from studyapp.core.store.state import (
    HORIZON,
    LATEST,
    MAX_DIFFICULTY,
    MAX_EASE,
    MAX_STABILITY,
    MIN_DIFFICULTY,
    CardState,
    Phase,
    Rating,
    latest_date,
)
from studyapp.core.store.statetable import StateColumns, StateTable

_finite = math.isfinite
_NONE_TYPE = type(None)


def _states_v2(
    cards_raw: Mapping[str, Any], latest: datetime = LATEST
) -> tuple[StateTable, list[str]]:
    """Version 2 cards (an object per card id, ``CardState.to_dict()``): (states, bad ids)."""
    cards: dict[str, CardState] = {}
    bad: list[str] = []
    from_dict = CardState.from_dict
    for cid, value in cards_raw.items():
        try:
            cards[cid] = from_dict(cid, value, latest)
        except ValueError:
            bad.append(cid)
    return StateTable.from_states(cards), bad


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


_CODES = frozenset(range(len(PHASE_CODES)))


def _between(column: list[Any], low: float, high: float) -> None:
    """Every value not null within [low, high] (else _Unusual: the careful path names the
    card, ``CardState.from_dict`` says why); ``low`` > 0 (0 counts as out, as null is
    skipped)."""
    if 0 in column:  # (filter(None) would skip it)
        raise _Unusual
    values = list(filter(None, column))
    if values and not (low <= min(values) and max(values) <= high):
        raise _Unusual


def _usable_numbers(columns: dict[str, list[Any]], given: set[str]) -> None:
    """The numbers' ranges of ``state.unusable`` (msgspec checks them as it decodes a
    well-formed file: see ``_CardColumns``)."""
    if "stability" in given:
        _between(columns["stability"], math.ulp(0.0), MAX_STABILITY)
    if "difficulty" in given:
        _between(columns["difficulty"], MIN_DIFFICULTY, MAX_DIFFICULTY)
    if "ease" in given:
        _between(columns["ease"], math.ulp(0.0), MAX_EASE)
    if "step" in given and min(filter(None, columns["step"]), default=0) < 0:
        raise _Unusual
    for name in ("interval", "reps", "lapses"):
        if name in given and min(columns[name], default=0) < 0:
            raise _Unusual
    if "interval" in given and max(columns["interval"], default=0) > HORIZON.days:
        raise _Unusual


def _usable_dates(columns: dict[str, list[Any]], given: set[str], latest: datetime) -> None:
    """The dates' checks of ``state.unusable``, a column at a time (no Python call per
    card): none after ``latest``, no due date more than a century after its review."""
    due = max(filter(None, columns["due"]), default=None) if "due" in given else None
    last = columns["last_review"] if "last_review" in given else []
    if (due is not None and due > latest) or max(filter(None, last), default=latest) > latest:
        raise _Unusual
    buried = list(filter(None, columns["buried_until"])) if "buried_until" in given else []
    if buried and max(buried) > latest.date():
        raise _Unusual
    if due is not None and last and due - min(filter(None, last), default=due) > HORIZON:
        # (else no due date is that far from its review: no pair to check)
        pairs = filter(all, zip(columns["due"], columns["last_review"], strict=True))
        if max(itertools.starmap(operator.sub, pairs), default=HORIZON) > HORIZON:
            raise _Unusual


def _states_fast(
    ids: list[Any],
    columns: dict[str, list[Any]],
    given: set[str],
    *,
    typed: bool = False,
    latest: datetime = LATEST,
) -> StateTable:
    """Check every column, then keep them as the table's rows, with no Python call per
    card (states are built from them when asked for: see ``statetable``).

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
    if not set(codes) <= _CODES:
        raise _Unusual
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
    if "flags" in given and any(flags) and not 0 <= min(flags) <= max(flags) <= SUSPENDED | LEECH:
        raise _Unusual
    buried = columns["buried_until"]
    if not typed and "buried_until" in given and buried.count(None) != n:
        fromiso = date.fromisoformat  # TypeError on anything but a string
        buried = [value if value is None else fromiso(value) for value in buried]
    if not typed:
        _usable_numbers(columns, given)
    _usable_dates({"due": due, "last_review": last, "buried_until": buried}, given, latest)
    return StateTable(
        ids,
        StateColumns(
            phase=codes,
            due=due,
            last_review=last,
            step=columns["step"],
            stability=columns["stability"],
            difficulty=columns["difficulty"],
            ease=columns["ease"],
            interval=columns["interval"],
            reps=columns["reps"],
            lapses=columns["lapses"],
            flags=flags,
            buried_until=buried,
        ),
    )


def _states_careful(
    ids: list[Any], columns: dict[str, list[Any]], latest: datetime = LATEST
) -> tuple[StateTable, list[str]]:
    """Card by card through ``CardState.from_dict``: every card that reads (and that the
    schedulers can use) is kept."""
    cards: dict[str, CardState] = {}
    bad: list[str] = []
    names = ("phase", *OPTIONAL_COLUMNS)
    from_dict = CardState.from_dict
    for index, cid in enumerate(ids):
        try:
            if type(cid) is not str:
                raise ValueError("card id is not a string")
            value = {name: columns[name][index] for name in names}
            code, flags = value.pop("phase"), value.pop("flags")
            if type(code) is not int or not 0 <= code <= 3:
                raise ValueError(f"unknown phase code {code!r}")
            if type(flags) is not int or not 0 <= flags <= SUSPENDED | LEECH:
                raise ValueError(f"bad flags {flags!r}")
            value["phase"] = PHASE_CODES[code].value
            value["suspended"] = bool(flags & SUSPENDED)
            value["leech"] = bool(flags & LEECH)
            cards[cid] = from_dict(cid, value, latest)
        except ValueError:
            bad.append(str(cid))
    return StateTable.from_states(cards), bad


def _with_defaults(
    phases: Any, column_of: Callable[[str], Any], n: int
) -> tuple[dict[str, Any], set[str]]:
    """Version 3's columns by name, a column the file leaves out filled with its default;
    and the names of those the file holds (the others need no checking)."""
    columns: dict[str, Any] = {"phase": phases}
    given = {"phase"}
    for name, default in OPTIONAL_COLUMNS.items():
        column = column_of(name)
        if column is None:
            columns[name] = [default] * n
        else:
            columns[name] = column
            given.add(name)
    return columns, given


def _states_v3(cards_raw: Any, latest: datetime = LATEST) -> tuple[StateTable, list[str]]:
    """Version 3 cards (columns): (states, bad ids). Raises DamagedError."""
    if not isinstance(cards_raw, dict):
        raise DamagedError("damaged", "'cards' is not an object")
    ids = cards_raw.get("id")
    phases = cards_raw.get("phase")
    if type(ids) is not list or type(phases) is not list:
        raise DamagedError("damaged", "'cards' has no 'id' or 'phase' column")
    n = len(ids)
    columns, given = _with_defaults(phases, cards_raw.get, n)
    for name, column in columns.items():
        if type(column) is not list or len(column) != n:
            raise DamagedError(
                "damaged", f"column '{name}' of 'cards' does not have one value per card"
            )
    try:
        return _states_fast(ids, columns, given, latest=latest), []
    except (_Unusual, ValueError, TypeError, KeyError):
        return _states_careful(ids, columns, latest)


# The ranges of ``state.unusable``, checked by msgspec in C as it decodes (a value out of
# them sends the file to the general path, which names the card).
_Stability = Annotated[float, Meta(gt=0, le=MAX_STABILITY)]
_Difficulty = Annotated[float, Meta(ge=MIN_DIFFICULTY, le=MAX_DIFFICULTY)]
_Ease = Annotated[float, Meta(gt=0, le=MAX_EASE)]
_Count = Annotated[int, Meta(ge=0)]
_Interval = Annotated[int, Meta(ge=0, le=HORIZON.days)]


class _CardColumns(Struct):
    """Version 3's ``"cards"`` as msgspec decodes it: every column typed (datetimes and
    dates parsed in C), None where the file leaves a column out."""

    id: list[str]
    phase: list[int]
    due: list[datetime | None] | None = None
    last_review: list[datetime | None] | None = None
    step: list[_Count | None] | None = None
    stability: list[_Stability | None] | None = None
    difficulty: list[_Difficulty | None] | None = None
    ease: list[_Ease | None] | None = None
    interval: list[_Interval] | None = None
    reps: list[_Count] | None = None
    lapses: list[_Count] | None = None
    flags: list[int] | None = None
    buried_until: list[date | None] | None = None


class _RecentV3(Struct):
    """One of the snapshot's recent reviews (``ReviewRecord.to_dict()``), typed."""

    seq: int
    card: str
    at: datetime
    rating: Rating
    phase: Phase
    ms: int | None = None
    ivl: int | None = None


class _SnapshotV3(Struct):
    format: str
    version: int
    cards: _CardColumns
    settings: dict[str, Any] = {}
    journal_seq: int = 0
    recent: list[_RecentV3] = []
    saved_at: str | None = None


@functools.cache
def _v3_decoder() -> msgspec.json.Decoder[_SnapshotV3]:
    return msgspec.json.Decoder(_SnapshotV3)


def _parse_v3_typed(raw: bytes | str) -> Snapshot | None:
    """A well-formed snapshot of this version, fast; None for anything else.

    msgspec decodes the file straight into typed columns, checking types and
    parsing datetimes as it goes: ~20 ms for 35,000 cards, where ``json.loads``
    and then checking and parsing the columns take ~90. Whatever it does not
    take (an older version, a damaged file, a naive datetime, a NaN...) goes to
    the general path, which reads what it can and says what is wrong.
    """
    try:
        data = decode_guarded(_v3_decoder().decode, raw)
    except ValueError:  # msgspec's DecodeError and ValidationError; bad UTF-8; too deep
        return None
    if data.format != FORMAT or data.version != VERSION:
        return None
    if depth_exceeds(data.settings, MAX_DEPTH):
        return None  # the general path says why
    cards = data.cards
    n = len(cards.id)
    columns, given = _with_defaults(cards.phase, functools.partial(getattr, cards), n)
    if any(len(column) != n for column in columns.values()):
        return None
    try:
        states = _states_fast(
            cards.id, columns, given, typed=True, latest=latest_date(data.saved_at)
        )
    except (_Unusual, ValueError, TypeError, KeyError):
        return None
    recent = [
        ReviewRecord(
            r.seq,
            r.card,
            r.at if r.at.tzinfo is UTC else ensure_utc(r.at),
            r.rating,
            r.phase,
            r.ms,
            r.ivl,
        )
        for r in data.recent
    ]
    return Snapshot(states, data.settings, recent, data.journal_seq)


def _recent(items: list[Any]) -> list[ReviewRecord]:
    recent: list[ReviewRecord] = []
    for item in items:
        with contextlib.suppress(ValueError, AttributeError):
            recent.append(ReviewRecord.from_dict(item))
    return recent


def parse_snapshot(raw: bytes | str) -> tuple[Snapshot, list[str], int | None]:
    """Parse a snapshot (bytes or text): (snapshot, bad card ids, version migrated from).

    Raises DamagedError.
    """
    if not raw or raw.isspace():  # (not strip(): a copy of megabytes)
        raise DamagedError("damaged", "the file is empty")
    fast = _parse_v3_typed(raw)
    if fast is not None:
        return fast, [], None
    try:
        data = loads_limited(raw, max_depth=None)
    except (ValueError, UnicodeDecodeError) as error:
        raise DamagedError("damaged", f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DamagedError("damaged", "not a studyapp progress file")
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise DamagedError("damaged", f"unknown version {version!r}")
    if version > VERSION:
        raise DamagedError(
            f"newer-v{version}",
            f"written by a newer studyapp (format version {version}; this one reads up to "
            f"{VERSION}); update studyapp to use it",
        )
    if version == 1:
        try:
            data = migrate_v1(data)
        except (ValueError, TypeError) as error:
            raise DamagedError(
                "damaged", f"version 1 file could not be migrated: {error}"
            ) from None
    cards_raw, settings = data.get("cards"), data.get("settings", {})
    journal_seq, recent_raw = data.get("journal_seq", 0), data.get("recent", [])
    if not isinstance(settings, dict):
        raise DamagedError("damaged", "'settings' is not an object")
    if depth_exceeds(settings, MAX_DEPTH):
        raise DamagedError("damaged", f"'settings' nests more than {MAX_DEPTH} levels deep")
    if not isinstance(journal_seq, int) or not isinstance(recent_raw, list):
        raise DamagedError("damaged", "'journal_seq' or 'recent' is malformed")
    latest = latest_date(data.get("saved_at"))
    if version < 3:
        if not isinstance(cards_raw, dict):
            raise DamagedError("damaged", "'cards' is not an object")
        cards, bad = _states_v2(cards_raw, latest)
    else:
        cards, bad = _states_v3(cards_raw, latest)
    del data, cards_raw
    snapshot = Snapshot(cards, settings, _recent(recent_raw), journal_seq)
    return snapshot, bad, (version if version < VERSION else None)
