"""The rows of an Anki package's database, written in one batch per table.

genanki writes a package one ``INSERT`` per note and per card, through a note object
that re-derives its cards, tags and sort field on the way: at 50,000 entries that is
~118,000 statements and most of an export's time. This module writes the same rows
(ids, GUIDs, fields, tags, sort fields, card ordinals, the same ``col`` row with its
decks and note types, written by genanki itself) with two ``executemany`` calls in one
transaction. ``tests/core/authoring/test_export_anki_rows.py`` holds every table equal
to genanki's on decks of every kind.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import genanki  # type: ignore[import-untyped]

__all__ = ["NoteSpec", "write_package"]

_CLOZE_REF = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)
"""A cloze deletion's number in a field, as genanki finds it (``Note._cloze_cards``)."""


class NoteSpec(NamedTuple):
    """One note as it goes into the package: its note type, fields, tags and GUID (a tuple:
    made 50,000 times for a big deck, where a frozen dataclass's ``__init__`` shows)."""

    model: Any
    fields: list[str]
    tags: list[str]
    guid: str


class _CardOrds:
    """The ordinals of a note type's cards for a note's fields, as genanki derives them."""

    def __init__(self, model: Any) -> None:
        self._cloze = model.model_type == genanki.Model.CLOZE
        self._req: list[tuple[int, Any, list[int]]] = []
        self._cloze_fields: list[int] = []
        if self._cloze:
            names = [f["name"] for f in model.fields]
            qfmt = model.templates[0]["qfmt"]
            wanted = set(
                re.findall(r"{{[^}]*?cloze:(?:[^}]?:)*(.+?)}}", qfmt)
                + re.findall("<%cloze:(.+?)%>", qfmt)
            )
            self._cloze_fields = [names.index(n) if n in names else -1 for n in wanted]
        else:
            ops = {"any": any, "all": all}
            self._req = [(o, ops[how], list(need)) for o, how, need in model._req]
        # a card that needs one field (every template here): that field's truth, no generator
        self._single = [(o, need[0]) for o, _op, need in self._req if len(need) == 1]
        if len(self._single) != len(self._req):
            self._single = []

    def __call__(self, fields: list[str]) -> Iterable[int]:
        if self._single:
            return [o for o, at in self._single if fields[at]]
        if not self._cloze:
            return [o for o, op, need in self._req if op(fields[i] for i in need)]
        ords: set[int] = set()  # iterated as genanki iterates its own set: same order
        for at in self._cloze_fields:
            text = fields[at] if at >= 0 else ""
            ords.update(int(m) - 1 for m in _CLOZE_REF.findall(text) if int(m) > 0)
        return ords


def _rows(
    notes: Iterable[NoteSpec], timestamp: float
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[Any]]:
    """The notes' and cards' rows, ids drawn in genanki's order (a note, then its cards),
    and the note types in the order their first note came."""
    ids: Iterator[int] = itertools.count(int(timestamp * 1000))
    note_rows: list[tuple[Any, ...]] = []
    card_rows: list[tuple[Any, ...]] = []
    # per note type: its card ordinals, id, field count and sort field (read once, not per note)
    known: dict[int, tuple[_CardOrds, int, int, int]] = {}
    models: list[Any] = []
    for model, fields, tags, guid in notes:
        shape = known.get(id(model))
        if shape is None:
            count = len(model.fields)
            shape = known[id(model)] = (
                _CardOrds(model),
                model.model_id,
                count,
                model.sort_field_index,
            )
            models.append(model)
        card_ords, model_id, count, sort_at = shape
        if len(fields) != count:  # genanki refuses such a note too
            raise ValueError(f"{model.name}: {len(fields)} fields, not {count}")
        nid = next(ids)
        tagged = " " + " ".join(tags) + " "
        note_rows.append((nid, guid, model_id, tagged, "\x1f".join(fields), fields[sort_at]))
        card_rows += [(next(ids), nid, o) for o in card_ords(fields)]
    return note_rows, card_rows, models


_NOTES = "INSERT INTO notes VALUES(?,?,?,{mod},-1,?,?,?,0,0,'')"
"""id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data: genanki's values."""
_CARDS = "INSERT INTO cards VALUES(?,?,{deck_id},?,{mod},-1,0,0,0,0,0,0,0,0,0,0,0,'')"
"""id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue,
odid, flags, data: genanki's values for a new card (not suspended, due 0)."""


def write_package(anki_deck: Any, notes: Iterable[NoteSpec], path: str, timestamp: float) -> None:
    """Write ``anki_deck`` (a genanki deck with no notes added) and ``notes`` as a package
    at ``path``: the database genanki would write, zipped as genanki zips it."""
    note_rows, card_rows, models = _rows(notes, timestamp)
    for model in models:
        anki_deck.add_model(model)
    fd, db = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        conn = sqlite3.connect(db)
        try:
            conn.execute("PRAGMA synchronous = OFF")  # a scratch file: zipped, then deleted
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: no page written out twice
            cursor = conn.cursor()
            # the schema, the col row, its decks and note types: genanki's own code
            genanki.Package(anki_deck).write_to_db(cursor, timestamp, itertools.count())
            # the columns every row shares are literals: a row binds only its own values
            cursor.executemany(_NOTES.format(mod=int(timestamp)), note_rows)
            cursor.executemany(
                _CARDS.format(deck_id=int(anki_deck.deck_id), mod=int(timestamp)), card_rows
            )
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(path, "w") as out:
            out.write(db, "collection.anki2")
            out.writestr("media", json.dumps({}))
    finally:
        os.unlink(db)
