"""The rows of an Anki package's database, written in one batch per table.

genanki writes a package one ``INSERT`` per note and per card, through a note object
that re-derives its cards, tags and sort field on the way: at 50,000 entries that is
~118,000 statements and most of an export's time. This module writes the same rows
(ids, GUIDs, fields, tags, sort fields, card ordinals, the same ``col`` row with its
decks and note types, written by genanki itself) with two ``executemany`` calls in one
transaction, the notes' and cards' indexes built after them (:func:`_unindexed`).
``tests/core/authoring/test_export_anki_rows.py`` holds every table equal to genanki's
on decks of every kind, and every index's statement.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import genanki  # type: ignore[import-untyped]

__all__ = ["NoteRow", "NoteSpec", "write_package"]

_CLOZE_REF = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)
"""A cloze deletion's number in a field, as genanki finds it (``Note._cloze_cards``)."""


class NoteSpec(NamedTuple):
    """One note as it goes into the package: its note type, fields, tags and GUID (a tuple:
    made 50,000 times for a big deck, where a frozen dataclass's ``__init__`` shows)."""

    model: Any
    fields: list[str]
    tags: list[str]
    guid: str


NoteRow = tuple[Any, list[str], list[str], str]
"""A :class:`NoteSpec`'s values as a plain tuple: what the exporter makes, note by note."""


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
        # a card that needs one field (every template here): that field's truth, no generator;
        # (ordinal, field) of each card when every card needs one field, else empty
        self.single = [(o, need[0]) for o, _op, need in self._req if len(need) == 1]
        if len(self.single) != len(self._req):
            self.single = []

    def __call__(self, fields: list[str]) -> Iterable[int]:
        if self.single:
            return [o for o, at in self.single if fields[at]]
        if not self._cloze:
            return [o for o, op, need in self._req if op(fields[i] for i in need)]
        ords: set[int] = set()  # iterated as genanki iterates its own set: same order
        for at in self._cloze_fields:
            text = fields[at] if at >= 0 else ""
            ords.update(int(m) - 1 for m in _CLOZE_REF.findall(text) if int(m) > 0)
        return ords


def _rows(
    notes: Iterable[NoteRow], timestamp: float
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[Any]]:
    """The notes' and cards' rows, ids drawn in genanki's order (a note, then its cards),
    and the note types in the order their first note came."""
    ids: Iterator[int] = itertools.count(int(timestamp * 1000))
    note_rows: list[tuple[Any, ...]] = []
    card_rows: list[tuple[Any, ...]] = []
    # per note type: its card ordinals, id, field count and sort field (read once, not per
    # note), and for a type of one card that needs one field (qa, figure, choice, order):
    # that card's ordinal and field, looked at without a call
    known: dict[int, tuple[_CardOrds, int, int, int, tuple[int, int] | None]] = {}
    models: list[Any] = []
    add_card = card_rows.append
    for model, fields, tags, guid in notes:
        shape = known.get(id(model))
        if shape is None:
            count = len(model.fields)
            card_ords = _CardOrds(model)
            only = card_ords.single
            shape = known[id(model)] = (
                card_ords,
                model.model_id,
                count,
                model.sort_field_index,
                only[0] if len(only) == 1 else None,
            )
            models.append(model)
        card_ords, model_id, count, sort_at, one = shape
        if len(fields) != count:  # genanki refuses such a note too
            raise ValueError(f"{model.name}: {len(fields)} fields, not {count}")
        nid = next(ids)
        tagged = " " + " ".join(tags) + " "
        note_rows.append((nid, guid, model_id, tagged, "\x1f".join(fields), fields[sort_at]))
        if one is None:
            card_rows += [(next(ids), nid, o) for o in card_ords(fields)]
        elif fields[one[1]]:
            add_card((next(ids), nid, one[0]))
    return note_rows, card_rows, models


_NOTES = "INSERT INTO notes VALUES(?,?,?,{mod},-1,?,?,?,0,0,'')"
"""id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data: genanki's values."""
_CARDS = "INSERT INTO cards VALUES(?,?,{deck_id},?,{mod},-1,0,0,0,0,0,0,0,0,0,0,0,'')"
"""id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue,
odid, flags, data: genanki's values for a new card (not suspended, due 0)."""


_ROW_INDEXES = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
    "AND tbl_name IN ('notes', 'cards') ORDER BY rowid"
)


def _unindexed(cursor: sqlite3.Cursor) -> list[str]:
    """Drop the notes' and cards' indexes (still empty) and return how to make them again.

    Each index is built once the rows are in (one sort) instead of growing a row at a
    time: a third less time for the rows of 50,000 notes. The indexes come back with the
    same names and statements; only their place in the file (``sqlite_master``'s
    ``rootpage`` and order) differs from genanki's, which no reader of a package sees.
    """
    indexes = cursor.execute(_ROW_INDEXES).fetchall()
    for name, _sql in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in indexes]


def write_package(
    anki_deck: Any,
    notes: Iterable[NoteRow],
    path: str,
    timestamp: float,
    *,
    keep: list[object] | None = None,
) -> None:
    """Write ``anki_deck`` (a genanki deck with no notes added) and ``notes`` as a package
    at ``path``: the database genanki would write, zipped as genanki zips it. ``keep``
    gets the rows (see ``write_anki``)."""
    note_rows, card_rows, models = _rows(notes, timestamp)
    if keep is not None:
        keep += [note_rows, card_rows]
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
            indexes = _unindexed(cursor)
            # the columns every row shares are literals: a row binds only its own values
            cursor.executemany(_NOTES.format(mod=int(timestamp)), note_rows)
            cursor.executemany(
                _CARDS.format(deck_id=int(anki_deck.deck_id), mod=int(timestamp)), card_rows
            )
            for sql in indexes:
                cursor.execute(sql)
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(path, "w") as out:
            # what ``out.write(db, ...)`` writes, copied 1 MiB at a time instead of 8 KiB
            member = zipfile.ZipInfo.from_file(db, "collection.anki2")
            with open(db, "rb") as source, out.open(member, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
            out.writestr("media", json.dumps({}))
    finally:
        os.unlink(db)
