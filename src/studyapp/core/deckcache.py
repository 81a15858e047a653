"""A cache of validated decks, so a 20,000-entry deck loads fast the second time.

Entries are keyed by a hash of the file's bytes, the app version and the deck
schema version: editing the deck, upgrading studyapp or changing the model
all miss the cache. Anything wrong with the cache (unreadable, corrupt,
read-only folder) is a miss: the cache can only make loading faster, never
fail it.

Why not just re-validate cached JSON with pydantic? On this class of machine
building 20,000 models through validation costs ~0.5 s, which is the whole
budget. The cache holds data that *was* validated, so it is rebuilt with
pydantic's construct protocol instead. It is stored as a pickle of builtin
types only, read by an unpickler that refuses every class: a tampered cache
can at worst produce a miss, never run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import tempfile
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from studyapp import __version__
from studyapp.core import deck as deck_module
from studyapp.core import paths
from studyapp.core.deck import ENTRY_TYPES, Deck, PartialDate, SourceDocument
from studyapp.core.gcpause import paused_gc

SCHEMA_VERSION = "1"


def _model_fingerprint() -> str:
    """Changes whenever the deck model's source does, so a dev build never reads stale data."""
    try:
        return hashlib.sha256(Path(deck_module.__file__).read_bytes()).hexdigest()[:16]
    except OSError:  # e.g. running from a zip: the app version still keys the cache
        return "unknown"


_FINGERPRINT = _model_fingerprint()
_M = TypeVar("_M", bound=BaseModel)


class _BuiltinsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing {module}.{name} in the deck cache")


def _mentions(annotation: Any, target: type) -> bool:
    if annotation is target:
        return True
    return any(_mentions(arg, target) for arg in typing.get_args(annotation))


def _date_fields(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(n for n, f in model.model_fields.items() if _mentions(f.annotation, PartialDate))


_DATE_FIELDS = {kind: _date_fields(cls) for kind, cls in ENTRY_TYPES.items()}
_DOCUMENT_DATES = _date_fields(SourceDocument)


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
    """Rebuild an already-validated model without validating it again."""
    obj = model.__new__(model)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", _fields_set(model, values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _with_dates(values: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    for name in fields:
        if values.get(name) is not None:
            values[name] = PartialDate.parse(values[name])
    return values


def encode(deck: Deck) -> bytes:
    data = deck.model_dump(mode="json")
    return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)


def decode(blob: bytes) -> Deck:
    with paused_gc():
        return _decode(blob)


def _decode(blob: bytes) -> Deck:
    data = _BuiltinsOnly(io.BytesIO(blob)).load()
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ValueError("not a cached deck")
    entries = []
    for values in data["entries"]:
        kind = values["kind"]
        entries.append(_construct(ENTRY_TYPES[kind], _with_dates(values, _DATE_FIELDS[kind])))
    data["entries"] = entries
    if data.get("document") is not None:
        data["document"] = _construct(
            SourceDocument, _with_dates(data["document"], _DOCUMENT_DATES)
        )
    return _construct(Deck, data)


class DeckCache:
    """Validated decks on disk under ``directory`` (usually ``paths.cache_dir()/decks``)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def default(cls) -> DeckCache:
        """The learner's deck cache: ``<user cache dir>/decks`` (``STUDYAPP_CACHE`` moves it)."""
        return cls(paths.cache_dir() / "decks")

    @staticmethod
    def key(raw: bytes) -> str:
        digest = hashlib.sha256()
        digest.update(f"studyapp {__version__} {SCHEMA_VERSION} {_FINGERPRINT}\0".encode())
        digest.update(raw)
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / f"{key}.pickle"

    def get(self, key: str) -> Deck | None:
        try:
            blob = self._file(key).read_bytes()
        except OSError:
            return None
        try:
            return decode(blob)
        except Exception:  # any damage at all is a miss; the file is re-validated
            with contextlib.suppress(OSError):
                self._file(key).unlink()
            return None

    def put(self, key: str, deck: Deck) -> None:
        """Write atomically so a crash never leaves a half-written entry behind."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".pickle")
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
