"""A cache of validated decks, so a 20,000-entry deck loads fast the second time.

Entries are keyed by a hash of the file's bytes, the app version and the source
of the deck model and card maker: editing the deck, upgrading studyapp or
changing the model all miss the cache. Anything wrong with the cache
(unreadable, corrupt, read-only folder) is a miss: the cache can only make
loading faster, never fail it.

Why not just re-validate cached JSON with pydantic? On this class of machine
building 20,000 models through validation costs ~0.5 s, which is the whole
budget. The cache holds data that *was* validated, so it is rebuilt with
pydantic's construct protocol instead. The deck is stored as a pickle of builtin
types only, read by an unpickler that refuses every class: a tampered cache
can at worst produce a miss, never run code.

Each entry holds two parts, one after the other: first a :class:`DeckIndex`
(the deck's id, title and its cards in columns; its length before it) in
msgpack, decoded by msgspec into typed columns (no code can run, and a wrong
type is a miss), then the deck itself, pickled.
Start-up reads only the first: the home screen needs the cards' ids and counts,
not validated entries, and reading the index needs neither pydantic nor the
deck model, which are a third of a second of imports. The deck is read when
first needed (see :class:`studyapp.core.decks.discovery.LoadedDeck`).

Beside the entries, a :class:`FileStamp` per deck file remembers which entry the
file's bytes had when last read, with what ``stat`` said of the file then (device,
inode, size, modification and change times): a start finds an unchanged deck's
entry from one ``stat``, without reading and hashing its bytes (23 MB at 200,000
cards). See :meth:`DeckCache.known_key` for why that is safe.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import pickle
import tempfile
import time
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import msgspec
from msgspec import Struct, field

from studyapp import __version__
from studyapp.core.base import paths
from studyapp.core.base.fsclock import newest_time
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.jsonread import decode_guarded

if TYPE_CHECKING:
    from pydantic import BaseModel

    from studyapp.core.decks.model import Deck

SCHEMA_VERSION = "5"

_KEYED_SOURCES = ("model.py", "card.py", "cards.py", "leaks.py", "giveaway.py", "cache.py")
"""The modules whose code decides what is cached and how: model, card maker, the leaks
(and the scanner that finds them), this file."""


def _model_fingerprint() -> str:
    """Changes whenever the model's or card maker's source does: a dev build never reads
    stale data (read from the files, so the model need not be imported)."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    try:
        for name in _KEYED_SOURCES:
            digest.update((here / name).read_bytes())
    except OSError:  # e.g. running from a zip: the app version still keys the cache
        return "unknown"
    return digest.hexdigest()[:16]


_FINGERPRINT = _model_fingerprint()
_SALT = f"studyapp {__version__} {SCHEMA_VERSION} {_FINGERPRINT}"
"""What keys the cache besides a file's bytes (see :meth:`DeckCache.key`)."""
_M = TypeVar("_M", bound="BaseModel")
_T = TypeVar("_T")


_Code = Annotated[int, msgspec.Meta(ge=0)]


class CardColumns(Struct, frozen=True, forbid_unknown_fields=True):
    """A deck's cards column by column (``prompt[i]`` is the prompt of the i-th card):
    checking and reading 50,000 cards then runs at C speed.

    A card's variant and kind are numbers, places in :attr:`names`: a deck has a
    handful of each, and every card then holds the same few strings (200,000 cards:
    20 MB less than a string each), read faster too.
    """

    id: list[str]
    """Each card's id (``deck/entry/variant``), stored: reading it is faster than
    joining three strings 200,000 times."""
    entry: list[str]
    variant: list[_Code]
    kind: list[_Code]
    prompt: list[str]
    answer: list[str]
    accepted: list[tuple[str, ...]]
    options: list[tuple[str, ...]]
    names: list[str] = field(default_factory=list)

    def variants(self) -> list[str]:
        """Each card's variant, as text."""
        return list(map(self.names.__getitem__, self.variant))

    def kinds(self) -> list[str]:
        """Each card's kind, as text."""
        return list(map(self.names.__getitem__, self.kind))


class DeckIndex(Struct, frozen=True, forbid_unknown_fields=True):
    """What start-up needs of a cached deck: no entries, no pydantic.

    Stored as msgpack and decoded by msgspec, which checks every value's type as it
    goes: a tampered index may give a miss, never a card that breaks a screen later.
    """

    deck_id: str = field(name="id")
    title: str
    entries: int
    cards: CardColumns
    leaks: dict[str, list[str]] = field(default_factory=dict)
    """Entry id -> the entries linked to it by a leak (see ``decks.leaks``): only those."""
    drafts: int = 0
    """Entries still marked ``review: true`` (``Deck.drafts``): home marks a draft deck."""

    @property
    def size(self) -> int:
        return len(self.cards.entry)


class _KeyColumns(Struct, frozen=True):
    """:class:`CardColumns` but the id and kind: the other columns (prompts, answers,
    most of an index) are skipped unread, not decoded."""

    id: list[str]
    kind: list[_Code]
    names: list[str] = field(default_factory=list)


class CardKeys(Struct, frozen=True):
    """What statistics need of a cached deck: its id and title, and each card's id and
    kind (a quarter of the index's decoding, and no card objects)."""

    deck_id: str = field(name="id")
    title: str
    cards: _KeyColumns

    def kinds(self) -> list[str]:
        """Each card's kind, as text."""
        return list(map(self.cards.names.__getitem__, self.cards.kind))


@functools.cache
def _keys_decoder() -> msgspec.msgpack.Decoder[CardKeys]:
    return msgspec.msgpack.Decoder(CardKeys)


def decode_keys(blob: bytes) -> CardKeys:
    """The deck id, title, card ids and kinds of a cache entry's index."""
    keys = decode_guarded(_keys_decoder().decode, _split(blob)[0])
    cards = keys.cards
    if len(cards.id) != len(cards.kind) or (cards.kind and max(cards.kind) >= len(cards.names)):
        raise ValueError("not a cached deck")
    return keys


class _BuiltinsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing {module}.{name} in the deck cache")


def _mentions(annotation: Any, target: type) -> bool:
    if annotation is target:
        return True
    return any(_mentions(arg, target) for arg in typing.get_args(annotation))


@functools.cache
def _date_fields() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Per entry kind, and for the source document: the fields that hold a PartialDate."""
    from studyapp.core.decks.model import ENTRY_TYPES, PartialDate, SourceDocument

    def fields(model: type[BaseModel]) -> tuple[str, ...]:
        return tuple(
            n for n, f in model.model_fields.items() if _mentions(f.annotation, PartialDate)
        )

    return {kind: fields(cls) for kind, cls in ENTRY_TYPES.items()}, fields(SourceDocument)


@functools.cache
def _model_list_fields() -> dict[str, dict[str, type[BaseModel]]]:
    """Per entry kind, the fields that hold a list of models (``checks``): rebuilt as
    models too, never left as the dicts they were stored as."""
    from pydantic import BaseModel

    from studyapp.core.decks.model import ENTRY_TYPES

    out: dict[str, dict[str, type[BaseModel]]] = {}
    for kind, cls in ENTRY_TYPES.items():
        found: dict[str, type[BaseModel]] = {}
        for name, info in cls.model_fields.items():
            if typing.get_origin(info.annotation) is list:
                (item,) = typing.get_args(info.annotation)
                if isinstance(item, type) and issubclass(item, BaseModel):
                    found[name] = item
        out[kind] = found
    return out


_FIELDS_SETS: dict[tuple[type[BaseModel], frozenset[str]], set[str]] = {}


def _fields_set(model: type[BaseModel], values: dict[str, Any]) -> set[str]:
    """One shared fields-set per model and key set: 20,000 entries need only a handful.

    Safe because deck models are frozen: nothing ever adds to a model's fields-set
    (``model_copy`` copies it before updating).
    """
    key = (model, frozenset(values))
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = _FIELDS_SETS[key] = set(values)
    return shared


def _construct(model: type[_M], values: dict[str, Any]) -> _M:
    """Rebuild an already-validated model without validating it again.

    The fields are set one by one, not as a ``__dict__``: Python then keeps them in the
    object's own value array, its keys shared by every model of the class, ~210 bytes
    an entry instead of ~550 (200,000 entries: 70 MB less). Anything that asks for
    ``__dict__`` (``model_dump``, ``==``) still gets a dict, made then.
    """
    obj = model.__new__(model)
    set_attribute = object.__setattr__
    for name, value in values.items():
        set_attribute(obj, name, value)
    set_attribute(obj, "__pydantic_fields_set__", _fields_set(model, values))
    set_attribute(obj, "__pydantic_extra__", None)
    set_attribute(obj, "__pydantic_private__", None)
    return obj


def _with_dates(values: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    from studyapp.core.decks.model import PartialDate

    for name in fields:
        if values.get(name) is not None:
            values[name] = PartialDate.parse(values[name])
    return values


def _index_of(deck: Deck) -> DeckIndex:
    from studyapp.core.decks.cards import cards_for_deck

    cards = cards_for_deck(deck)
    leaks: dict[str, list[str]] = {}
    for card in cards:
        if card.spaced:
            leaks.setdefault(card.entry_id, list(card.spaced))
    names: dict[str, int] = {}
    columns = CardColumns(
        id=[c.id for c in cards],
        entry=[c.entry_id for c in cards],
        variant=[names.setdefault(c.variant, len(names)) for c in cards],
        kind=[names.setdefault(c.kind, len(names)) for c in cards],
        prompt=[c.prompt for c in cards],
        answer=[c.answer for c in cards],
        accepted=[c.accepted for c in cards],
        options=[c.options for c in cards],
        names=list(names),
    )
    return DeckIndex(deck.id, deck.title, len(deck.entries), columns, leaks, deck.drafts)


_LENGTH = 8
"""Bytes of the index's length, written before it so the deck can be read without it."""


def encode(deck: Deck) -> bytes:
    """The cache entry for ``deck``: its index's length, its index, then the deck."""
    index = msgspec.msgpack.encode(_index_of(deck))
    dumped = _OneOfEach().value(deck.model_dump(mode="json"))
    data = pickle.dumps(dumped, protocol=pickle.HIGHEST_PROTOCOL)
    return len(index).to_bytes(_LENGTH, "little") + index + data


class _OneOfEach:
    """Makes equal strings, and equal lists of strings, one object: pickle writes each
    once and refers back to it, so the entries read back share them (200,000 entries
    of one kind hold one ``"qa"``, one ``[]`` for no accepted answers, one list per set
    of tags: ~35 MB less) and the cache file is smaller. Sharing a list is safe because
    entries are frozen models that nothing changes in place."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.lists: dict[tuple[str, ...], list[str]] = {}

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.strings.setdefault(value, value)
        if isinstance(value, dict):
            one = self.strings.setdefault
            return {one(k, k): self.value(v) for k, v in value.items()}
        if isinstance(value, list):
            items = [self.value(v) for v in value]
            if all(isinstance(v, str) for v in items):
                return self.lists.setdefault(tuple(items), items)
            return items
        return value


@functools.cache
def _index_decoder() -> msgspec.msgpack.Decoder[DeckIndex]:
    return msgspec.msgpack.Decoder(DeckIndex)


def _read_index(blob: bytes | memoryview) -> DeckIndex:
    # msgspec.DecodeError is a ValueError; so is JSONTooDeep (a RecursionError otherwise)
    index = decode_guarded(_index_decoder().decode, blob)
    cards = index.cards
    columns = [name for name in CardColumns.__struct_fields__ if name != "names"]
    if len({len(getattr(cards, name)) for name in columns}) != 1:
        raise ValueError("not a cached deck")
    for codes in (cards.variant, cards.kind):  # (never negative: checked as decoded)
        if codes and max(codes) >= len(cards.names):
            raise ValueError("not a cached deck")
    return index


def _split(blob: bytes) -> tuple[memoryview, memoryview]:
    size = int.from_bytes(blob[:_LENGTH], "little")
    if len(blob) < _LENGTH or len(blob) < _LENGTH + size:
        raise ValueError("not a cached deck")
    view = memoryview(blob)
    return view[_LENGTH : _LENGTH + size], view[_LENGTH + size :]


def _head(path: Path) -> bytes:
    """The first part of a cache entry, its index with its length (the deck after it is
    most of the file, and start-up does not read it).

    A length the file cannot hold is damage (ValueError), never a read of that many bytes:
    a damaged header once asked for 16 EiB (OverflowError) or 4 GiB (allocated)."""
    with open(path, "rb") as handle:
        length = handle.read(_LENGTH)
        size = int.from_bytes(length, "little")
        if len(length) < _LENGTH or size > os.fstat(handle.fileno()).st_size - _LENGTH:
            raise ValueError("not a cached deck")
        return length + handle.read(size)


def decode_index(blob: bytes) -> DeckIndex:
    """The index of a cache entry (the deck after it is not read)."""
    with paused_gc():
        return _read_index(_split(blob)[0])


def decode(blob: bytes) -> Deck:
    """The deck of a cache entry (its index is skipped).

    Unpickled from a stream over ``blob`` itself, moved past the index: a ``BytesIO``
    made from ``bytes`` shares them, where one made from a slice would copy the deck's
    megabytes while they are read."""
    index, _deck = _split(blob)
    stream = io.BytesIO(blob)
    stream.seek(_LENGTH + len(index))
    with paused_gc():
        return _decode_deck(_BuiltinsOnly(stream).load())


def _decode_deck(data: Any) -> Deck:
    from studyapp.core.decks.model import ENTRY_TYPES, Deck, SourceDocument

    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ValueError("not a cached deck")
    date_fields, document_dates = _date_fields()
    nested = _model_list_fields()
    entries = []
    read = data["entries"]
    for n, values in enumerate(read):
        # each entry's dict goes as its entry comes: a deck's dicts (40,000 entries:
        # ~15 MB) never all live beside their entries
        read[n] = None
        kind = values["kind"]
        for name, item_model in nested[kind].items():
            if values.get(name):
                values[name] = [_construct(item_model, item) for item in values[name]]
        entries.append(_construct(ENTRY_TYPES[kind], _with_dates(values, date_fields[kind])))
    data["entries"] = entries
    if data.get("document") is not None:
        data["document"] = _construct(SourceDocument, _with_dates(data["document"], document_dates))
    return _construct(Deck, data)


KEEP_UNUSED_DAYS = 30
"""An entry not read for this long is removed when the next one is written: editing a
deck or upgrading studyapp leaves the old entries behind, never to be read again."""


_OURS = (".entry", ".pickle", ".json")
"""The names of entries (``.pickle`` is what versions before msgspec wrote) and of file
stamps (``.json``, in :data:`_STAMPS`)."""

_STAMPS = "files"
"""The folder of file stamps, inside the cache's."""

RACY_SECONDS = 3.0
"""A deck file modified or changed this recently is not stamped (see
:meth:`DeckCache.known_key`): coarse file system clocks tick every 2 s at most."""


class FileStamp(Struct, frozen=True, forbid_unknown_fields=True):
    """What ``stat`` said of a deck file when its bytes were hashed to ``key``."""

    path: str
    salt: str
    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int
    key: str

    @classmethod
    def of(cls, path: Path, stat: os.stat_result, key: str) -> FileStamp:
        return cls(
            os.path.abspath(path),
            _SALT,
            stat.st_dev,
            stat.st_ino,
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ctime_ns,
            key,
        )


class DeckCache:
    """Validated decks on disk under ``directory`` (usually ``paths.cache_dir()/decks``).

    A read refreshes the entry's modification time; writing an entry (after a miss,
    which is rare) removes those not read for :data:`KEEP_UNUSED_DAYS`.
    """

    def __init__(self, directory: Path, *, clock: typing.Callable[[], float] | None = None) -> None:
        self.directory = directory
        self.clock = clock
        """Seconds since the epoch, as file times count them; None (the default): the file
        system's own clock, read from the stamp being written (see :mod:`fsclock`)."""

    @classmethod
    def default(cls) -> DeckCache:
        """The learner's deck cache: ``<user cache dir>/decks`` (``STUDYAPP_CACHE`` moves it)."""
        return cls(paths.cache_dir() / "decks")

    @staticmethod
    def key(raw: bytes) -> str:
        digest = hashlib.sha256()
        digest.update(f"{_SALT}\0".encode())
        digest.update(raw)
        return digest.hexdigest()

    # ------------------------------------------------------------ file stamps

    def _stamp_file(self, path: Path) -> Path:
        name = hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:32]
        return self.directory / _STAMPS / f"{name}.json"

    def known_key(self, path: Path, stat: os.stat_result) -> str | None:
        """The key of ``path``'s bytes, if the file is as it was when they were last read
        and hashed (:meth:`remember`); None if it may have changed, or is not known.

        Why trusting ``stat`` is safe here: every write to a file sets its change time
        (``st_ctime``) to the present, and nothing but the system clock can set it back
        (``touch -d``, ``cp -p``, ``rsync -t`` or ``tar`` may restore a modification time,
        never a change time); an editor that saves by renaming a new file over the old
        gives it another inode. A file is remembered only once both its times are
        :data:`RACY_SECONDS` in the past by the file system's own clock, so a second write
        within one tick of a coarse file system clock (FAT: 2 s) cannot go unseen either.
        The stamp also carries the build's salt, so an upgrade reads the bytes again. What
        is left (a clock set back, a file system that does not keep change times) would
        show the cards of the file's earlier, valid version until the decks are reloaded,
        which hashes every file.
        """
        try:
            blob = self._stamp_file(path).read_bytes()
            stamp = msgspec.json.decode(blob, type=FileStamp)
        except (OSError, ValueError):  # missing or damaged: a miss (DecodeError is one)
            return None
        return stamp.key if stamp == FileStamp.of(path, stat, stamp.key) else None

    def remember(self, path: Path, stat: os.stat_result, key: str) -> bool:
        """Remember that ``path``, as ``stat`` describes it, holds the bytes of ``key``
        (see :meth:`known_key`); whether it was (a file changed within the last
        :data:`RACY_SECONDS` is not, nor anything the cache folder refuses)."""
        newest = newest_time(stat)
        if self.clock is not None and newest > self.clock() - RACY_SECONDS:
            return False
        target = self._stamp_file(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(msgspec.json.encode(FileStamp.of(path, stat, key)))
                    now = newest_time(os.fstat(handle.fileno()))  # the file system's clock
                if self.clock is None and newest > now - RACY_SECONDS:
                    os.unlink(tmp)
                    return False
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return False
        return True

    def _file(self, key: str) -> Path:
        return self.directory / f"{key}.entry"

    def _read(
        self, key: str, decoder: typing.Callable[[bytes], _T], *, whole: bool = True
    ) -> _T | None:
        try:
            blob = self._file(key).read_bytes() if whole else _head(self._file(key))
        except OSError:
            return None
        except ValueError:  # a damaged header: removed below, as any damage is
            blob = b""
        try:
            found = decoder(blob)
        except Exception:  # any damage at all is a miss; the file is re-validated
            with contextlib.suppress(OSError):
                self._file(key).unlink()
            return None
        with contextlib.suppress(OSError):  # in use: kept by prune() (a read-only cache too)
            os.utime(self._file(key))
        return found

    def get_index(self, key: str) -> DeckIndex | None:
        """The cached deck's id, title and cards, or None (a miss): no pydantic needed."""
        return self._read(key, decode_index, whole=False)

    def get_keys(self, key: str) -> CardKeys | None:
        """The cached deck's id, title and its cards' ids and kinds, or None (a miss)."""
        return self._read(key, decode_keys, whole=False)

    def get(self, key: str) -> Deck | None:
        """The cached deck, or None (a miss)."""
        return self._read(key, decode)

    def put(self, key: str, deck: Deck) -> None:
        """Write atomically so a crash never leaves a half-written entry behind."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".entry")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(encode(deck))
                os.replace(tmp, self._file(key))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return
        self.prune()

    def prune(self, now: float | None = None) -> list[Path]:
        """Remove the entries (and leftover temporary files) not read or written for
        :data:`KEEP_UNUSED_DAYS`, whatever studyapp version wrote them; what was removed."""
        cutoff = (time.time() if now is None else now) - KEEP_UNUSED_DAYS * 86400
        removed: list[Path] = []
        candidates: list[os.DirEntry[str]] = []
        for folder in (self.directory, self.directory / _STAMPS):
            with contextlib.suppress(OSError):
                candidates += os.scandir(folder)
        for item in candidates:
            if not item.name.endswith(_OURS) and not item.name.startswith(".tmp-"):
                continue  # not a file this cache writes
            with contextlib.suppress(OSError):
                if item.is_file(follow_symlinks=False) and item.stat().st_mtime < cutoff:
                    os.unlink(item.path)
                    removed.append(Path(item.path))
        return removed
