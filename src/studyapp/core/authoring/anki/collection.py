"""What an Anki collection holds, read from either schema: note types, decks, notes, cards,
the review log and the few settings that date a card.

Schema 18 (``collection.anki21b``, and ``.anki21`` written by recent Anki) keeps note
types, fields, templates and decks in tables whose ``config`` blobs are protobuf
messages (:mod:`~studyapp.core.authoring.anki.protobuf` reads the fields we need);
schema 11 (``collection.anki2``, genanki, old Anki) keeps them as JSON in the ``col``
row. Both keep notes, cards and the review log the same way.

SQLite is dynamically typed and the file is a stranger's: integers are read through
``CAST``, text is decoded leniently, JSON is depth-limited, and a missing table, a
missing column or a damaged page becomes an
:class:`~studyapp.core.authoring.anki.package.AnkiPackageError`.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from msgspec import Struct

from studyapp.core.authoring.anki.package import AnkiPackageError, OpenPackage, package_problem
from studyapp.core.authoring.anki.protobuf import (
    ProtobufError,
    first_bytes,
    first_varint,
    packed_floats,
)
from studyapp.core.base.jsonread import loads_limited

__all__ = [
    "STOCK_BASIC",
    "STOCK_BASIC_OPTIONAL_REVERSED",
    "STOCK_BASIC_REVERSED",
    "STOCK_BASIC_TYPING",
    "STOCK_CLOZE",
    "STOCK_IMAGE_OCCLUSION",
    "AnkiCard",
    "AnkiDeck",
    "AnkiFsrs",
    "AnkiNote",
    "Collection",
    "NoteType",
    "RevlogRow",
    "Template",
    "read_collection",
]

# StockNotetype.OriginalStockKind
STOCK_BASIC, STOCK_BASIC_REVERSED, STOCK_BASIC_OPTIONAL_REVERSED = 1, 2, 3
STOCK_BASIC_TYPING, STOCK_CLOZE, STOCK_IMAGE_OCCLUSION = 4, 5, 6
_STOCK_NAMES = {
    "basic": STOCK_BASIC,
    "basic (and reversed card)": STOCK_BASIC_REVERSED,
    "basic (optional reversed card)": STOCK_BASIC_OPTIONAL_REVERSED,
    "basic (type in the answer)": STOCK_BASIC_TYPING,
    "cloze": STOCK_CLOZE,
    "image occlusion": STOCK_IMAGE_OCCLUSION,
}
_REQUIRED = ("col", "notes", "cards", "revlog")
_REQUIRED_18 = ("notetypes", "fields", "templates", "decks")


class Template(Struct, frozen=True):
    name: str
    qfmt: str
    afmt: str


class NoteType(Struct, frozen=True):
    id: int
    name: str
    cloze: bool
    stock: int
    """Anki's original stock kind (1 Basic ... 5 Cloze), 0 if unknown or custom."""
    fields: tuple[str, ...]
    templates: tuple[Template, ...]


class AnkiDeck(Struct, frozen=True):
    id: int
    name: str
    """Full name, levels joined with ``::``."""
    filtered: bool = False


class AnkiFsrs(Struct, frozen=True):
    """The FSRS settings of one of Anki's deck presets (its options group)."""

    preset: str
    """The preset's name, as Anki shows it."""
    parameters: tuple[float, ...] | None
    """FSRS-6's 21 weights (FSRS-5's 19 made FSRS-6's as Anki does), None if unset."""
    desired_retention: float | None
    version: int = 6
    """The FSRS version the parameters were fitted for: 6, 5 or 4 (4: not usable here)."""


class AnkiNote(Struct, frozen=True):
    id: int
    guid: str
    mid: int
    tags: tuple[str, ...]
    fields: tuple[str, ...]


class AnkiCard(Struct, frozen=True):
    id: int
    nid: int
    did: int
    ord: int
    type: int
    """0 new, 1 learning, 2 review, 3 relearning."""
    queue: int
    """As ``type``, plus 3 day-learning, -1 suspended, -2/-3 buried."""
    due: int
    ivl: int
    factor: int
    reps: int
    lapses: int
    left: int
    odue: int
    odid: int
    data: str


class RevlogRow(NamedTuple):
    """One entry of Anki's review log."""

    id: int
    """Milliseconds since the epoch, when the answer was given."""
    cid: int
    ease: int
    """1-4 for an answer; 0 for a manual change (reschedule, reset)."""
    ivl: int
    """Days if positive, seconds if negative."""
    last_ivl: int
    factor: int
    time: int
    """Milliseconds taken."""
    type: int
    """0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled."""


def _stock_of_name(name: str) -> int:
    base = name.strip().casefold()
    if base not in _STOCK_NAMES and len(base) > 6 and base[-6] in "-+":
        base = base[:-6]  # Anki's "Basic-1a2b3" when a name was taken
    return _STOCK_NAMES.get(base, 0)


class Collection:
    """A collection opened for reading (through :func:`read_collection`)."""

    def __init__(self, package: OpenPackage) -> None:
        self.package = package
        self.display = package.display
        self.schema = 0
        self.crt = 0
        """When the collection was made (seconds): day numbers count from its day."""
        self.creation_offset: int | None = None
        """Minutes west of UTC where the collection was made (newer schedulers)."""
        self.rollover = 4
        self.notetypes: dict[int, NoteType] = {}
        self.decks: dict[int, AnkiDeck] = {}
        self.fsrs_on = False
        """Whether the collection schedules with FSRS (Anki's global switch)."""
        self.presets: dict[int, AnkiFsrs] = {}
        """Deck preset id -> its FSRS settings."""
        self.preset_of: dict[int, int] = {}
        """Deck id -> the id of its preset."""

    # -- reading, with errors made ours

    def _damaged(self, exc: BaseException, what: str) -> AnkiPackageError:
        return package_problem(self.display, f"the collection is damaged: {what} ({exc})")

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        try:
            cursor = self.package.db.execute(sql, params)
            while batch := cursor.fetchmany(4096):
                yield from batch
        except (sqlite3.Error, ValueError) as exc:  # ValueError: a message in broken UTF-8
            raise self._damaged(exc, sql.split(" FROM ")[-1].split()[0]) from None

    def one(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        return next(self.rows(sql, params), None)

    def _json(self, text: Any, what: str) -> Any:
        if not isinstance(text, str):
            raise package_problem(self.display, f"the collection's {what} are damaged")
        if len(text) > self.package.limits.max_json_bytes:
            raise package_problem(self.display, f"the collection's {what} are too big to read")
        try:
            return loads_limited(text)
        except (ValueError, RecursionError):
            raise package_problem(self.display, f"the collection's {what} are damaged") from None

    # -- structure

    def _tables(self) -> dict[str, str]:
        return {
            str(name): str(kind)
            for name, kind in self.rows("SELECT name, type FROM sqlite_master")
            if isinstance(name, str)
        }

    def _require(self, tables: Mapping[str, str], names: tuple[str, ...]) -> None:
        for name in names:
            if tables.get(name) != "table":
                raise package_problem(
                    self.display,
                    f"the collection has no '{name}' table: it is damaged or not an Anki "
                    "collection",
                )

    def load(self) -> None:
        tables = self._tables()
        self._require(tables, _REQUIRED)
        row = self.one(
            "SELECT CAST(IFNULL(ver, 0) AS INTEGER), CAST(IFNULL(crt, 0) AS INTEGER), conf FROM col"
        )
        if row is None:
            raise package_problem(self.display, "the collection's 'col' table is empty")
        self.schema, self.crt = int(row[0]), int(row[1])
        if self.schema >= 15:
            self._require(tables, _REQUIRED_18)
            self._load_18("config" in tables, tables.get("deck_config") == "table")
        else:
            self._load_11(row[2])
        self._check_sizes()

    def fsrs_of(self, deck_id: int) -> AnkiFsrs | None:
        """The FSRS settings of a deck's preset, if the package carries them."""
        preset = self.preset_of.get(deck_id)
        return None if preset is None else self.presets.get(preset)

    def _settings(self, conf: Mapping[str, Any]) -> None:
        self.fsrs_on = conf.get("fsrs") is True
        offset, rollover = conf.get("creationOffset"), conf.get("rollover")
        if type(offset) is int and abs(offset) <= 24 * 60:
            self.creation_offset = offset
        if type(rollover) is int and 0 <= rollover <= 23:
            self.rollover = rollover

    def _load_11(self, conf_text: Any) -> None:
        row = self.one("SELECT models, decks FROM col")
        assert row is not None
        models, decks = self._json(row[0], "note types"), self._json(row[1], "decks")
        conf = self._json(conf_text, "settings") if conf_text else {}
        if not isinstance(models, dict) or not isinstance(decks, dict):
            raise package_problem(self.display, "the collection's note types or decks are damaged")
        if isinstance(conf, dict):
            self._settings(conf)
        for raw in models.values():
            notetype = _notetype_11(raw)
            if notetype is not None:
                self.notetypes[notetype.id] = notetype
        for raw in decks.values():
            if isinstance(raw, dict) and type(raw.get("id")) is int:
                name = raw.get("name")
                self.decks[raw["id"]] = AnkiDeck(
                    raw["id"],
                    name if isinstance(name, str) else str(raw["id"]),
                    raw.get("dyn") == 1,
                )
                if type(raw.get("conf")) is int:
                    self.preset_of[raw["id"]] = raw["conf"]
        row = self.one("SELECT dconf FROM col")
        presets = self._json(row[0], "deck options") if row and row[0] else {}
        for raw in presets.values() if isinstance(presets, dict) else ():
            if isinstance(raw, dict) and type(raw.get("id")) is int:
                self.presets[raw["id"]] = _fsrs_11(raw)

    def _load_18(self, has_config: bool, has_presets: bool) -> None:
        if has_config:
            conf: dict[str, Any] = {}
            for key, value in self.rows(
                "SELECT KEY, val FROM config WHERE KEY IN ('creationOffset', 'rollover', 'fsrs')"
            ):
                text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
                if isinstance(text, str) and len(text) < 64:
                    conf[str(key)] = self._json(text, "settings")
            self._settings(conf)
        fields: dict[int, list[str]] = {}
        for ntid, name in self.rows(_sql("fields", "ntid:i name:t", "ORDER BY ntid, ord")):
            fields.setdefault(ntid, []).append(name or "")
        templates: dict[int, list[Template]] = {}
        for ntid, name, config in self.rows(
            _sql("templates", "ntid:i name:t config", "ORDER BY ntid, ord")
        ):
            try:
                qfmt = _text(first_bytes(_blob(config), 1))
                afmt = _text(first_bytes(_blob(config), 2))
            except ProtobufError:
                raise package_problem(
                    self.display, f"the collection's card template {name!r} is damaged"
                ) from None
            templates.setdefault(ntid, []).append(Template(name or "", qfmt, afmt))
        for ntid, name, config in self.rows(_sql("notetypes", "id:i name:t config")):
            try:
                blob = _blob(config)
                cloze = first_varint(blob, 1) == 1
                stock = first_varint(blob, 9)
            except ProtobufError:
                raise package_problem(
                    self.display, f"the collection's note type {name!r} is damaged"
                ) from None
            name = name or str(ntid)
            self.notetypes[ntid] = NoteType(
                ntid,
                name,
                cloze,
                stock if 0 < stock <= STOCK_IMAGE_OCCLUSION else _stock_of_name(name),
                tuple(fields.get(ntid, ())),
                tuple(templates.get(ntid, ())),
            )
        for did, name, kind in self.rows(_sql("decks", "id:i name:t kind")):
            try:
                filtered = first_bytes(_blob(kind), 2) is not None
                normal = first_bytes(_blob(kind), 1)
                if normal is not None:  # DeckKindContainer.normal: its config_id
                    self.preset_of[did] = first_varint(normal, 1)
            except ProtobufError:
                filtered = False
            self.decks[did] = AnkiDeck(did, (name or str(did)).replace("\x1f", "::"), filtered)
        if has_presets:
            for pid, name, config in self.rows(_sql("deck_config", "id:i name:t config")):
                try:
                    self.presets[pid] = _fsrs_18(name or str(pid), _blob(config))
                except ProtobufError:
                    continue  # a damaged preset: its cards keep studyapp's settings

    def _check_sizes(self) -> None:
        cap = self.package.limits.max_field_bytes
        row = self.one(
            "SELECT CAST(IFNULL(id, 0) AS INTEGER), length(CAST(flds AS BLOB)) + "
            "length(CAST(tags AS BLOB)) AS size FROM notes WHERE size > ? LIMIT 1",
            (cap,),
        )
        if row is not None:
            raise package_problem(
                self.display,
                f"note {row[0]} holds {row[1] / 1048576:.1f} MB of text (a note may hold "
                f"{cap / 1048576:.0f} MB): refused, a deck card is never that long",
            )

    # -- contents

    def notes(self) -> Iterator[AnkiNote]:
        """Every note, oldest first."""
        for nid, guid, mid, tags, flds in self.rows(
            _sql("notes", "id:i guid:t mid:i tags:t flds:t", "ORDER BY id")
        ):
            yield AnkiNote(
                nid,
                guid or str(nid),
                mid,
                tuple((tags or "").split()),
                tuple((flds or "").split("\x1f")),
            )

    def cards(self) -> Iterator[AnkiCard]:
        """Every card, by note and template."""
        for row in self.rows(
            _sql(
                "cards",
                "id:i nid:i did:i ord:i type:i queue:i due:i ivl:i factor:i reps:i lapses:i "
                "left:i odue:i odid:i data:t",
                "ORDER BY nid, ord",
            )
        ):
            yield AnkiCard(*row)

    def revlog_count(self) -> int:
        row = self.one("SELECT count(*) FROM revlog")
        return int(row[0]) if row else 0

    def revlog(self) -> Iterator[RevlogRow]:
        """The review log, oldest first (its ids are times)."""
        make = RevlogRow._make
        for row in self.revlog_rows():
            yield make(row)

    def revlog_rows(self) -> Iterator[tuple[int, int, int, int, int, int, int, int]]:
        """The review log as :meth:`revlog` gives it, each row a plain tuple (the fields
        of :class:`RevlogRow`, in order): half a million rows, no object each."""
        return self.rows(
            _sql(
                "revlog", "id:i cid:i ease:i ivl:i lastIvl:i factor:i time:i type:i", "ORDER BY id"
            )
        )


def _sql(table: str, columns: str, tail: str = "") -> str:
    """A SELECT reading each ``name:i`` as an integer and ``name:t`` as text (never NULL)."""
    parts = []
    for column in columns.split():
        name, _, kind = column.partition(":")
        if kind == "i":
            parts.append(f"CAST(IFNULL({name}, 0) AS INTEGER)")
        elif kind == "t":
            parts.append(f"CAST(IFNULL({name}, '') AS TEXT)")
        else:
            parts.append(name)
    return f"SELECT {', '.join(parts)} FROM {table} {tail}".rstrip()


def _blob(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape")
    return b""


def _text(value: bytes | None) -> str:
    return "" if value is None else value.decode("utf-8", "replace")


def _notetype_11(raw: Any) -> NoteType | None:
    """A schema-11 note type from its JSON, or None if it is too damaged to use."""
    if not isinstance(raw, dict) or type(raw.get("id")) not in (int, str):
        return None
    try:
        ntid = int(raw["id"])
    except ValueError:
        return None
    name = _str(raw.get("name")) or str(ntid)
    flds = raw["flds"] if isinstance(raw.get("flds"), list) else []
    tmpls = raw["tmpls"] if isinstance(raw.get("tmpls"), list) else []
    fields = tuple(
        str(f.get("name", "")) for f in sorted(_dicts(flds), key=lambda f: _int(f.get("ord")))
    )
    templates = tuple(
        Template(str(t.get("name", "")), _str(t.get("qfmt")), _str(t.get("afmt")))
        for t in sorted(_dicts(tmpls), key=lambda t: _int(t.get("ord")))
    )
    stock = raw.get("originalStockKind")
    stock = stock if type(stock) is int and 0 < stock <= STOCK_IMAGE_OCCLUSION else 0
    return NoteType(
        ntid, name, raw.get("type") == 1, stock or _stock_of_name(name), fields, templates
    )


def _fsrs(
    preset: str, v6: list[float], v5: list[float], v4: list[float], retention: Any
) -> AnkiFsrs:
    """A preset's FSRS settings from its weight lists (the newest kind that is set)."""
    desired = float(retention) if type(retention) in (int, float) else None
    if desired is not None and not 0.7 <= desired <= 0.99:
        desired = None  # outside what studyapp (and Anki's own options screen) allow
    if len(v6) == 21:
        return AnkiFsrs(preset, tuple(v6), desired, 6)
    if len(v5) == 19:  # FSRS-6 with w19 = 0 and w20 = 0.5 is FSRS-5 (fsrs-rs fills them so)
        return AnkiFsrs(preset, (*v5, 0.0, 0.5), desired, 5)
    if v4:
        return AnkiFsrs(preset, None, desired, 4)
    return AnkiFsrs(preset, None, desired, 6)


def _fsrs_18(name: str, config: bytes) -> AnkiFsrs:
    """DeckConfig.Config: fsrs_params_4 (3), _5 (5), _6 (6), desired_retention (37)."""
    retention = _rounded(packed_floats(config, 37))
    return _fsrs(
        name,
        _rounded(packed_floats(config, 6)),
        _rounded(packed_floats(config, 5)),
        packed_floats(config, 3),
        retention[-1] if retention else None,
    )


def _rounded(values: list[float]) -> list[float]:
    """float32 weights as the decimals Anki shows (0.2120000041 -> 0.212)."""
    return [float(f"{v:.7g}") for v in values]


def _floats(value: Any) -> list[float]:
    if not isinstance(value, list) or len(value) > 64:
        return []
    if not all(type(v) in (int, float) and math.isfinite(v) for v in value):
        return []
    return [float(v) for v in value]


def _fsrs_11(raw: dict[str, Any]) -> AnkiFsrs:
    return _fsrs(
        _str(raw.get("name")) or str(raw["id"]),
        _floats(raw.get("fsrsParams6")),
        _floats(raw.get("fsrsParams5")),
        _floats(raw.get("fsrsWeights")),
        raw.get("desiredRetention"),
    )


def _dicts(items: list[Any]) -> list[dict[str, Any]]:
    return [item for item in items if isinstance(item, dict)]


def _int(value: Any) -> int:
    return value if type(value) is int else 0


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def read_collection(package: OpenPackage) -> Collection:
    """The collection of an opened package, its structure read and checked."""
    package.db.text_factory = lambda raw: raw.decode("utf-8", "replace")
    collection = Collection(package)
    collection.load()
    return collection
