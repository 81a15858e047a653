"""The package ``write_anki`` writes holds the rows genanki writes from the same notes.

``write_anki`` inserts its notes and cards in two batches instead of through genanki's
note objects; every table of its database (the ``col`` row with its decks and note types,
notes, cards, revlog, graves) must equal genanki's, row by row, ids included, and so must
every index's name and statement.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import genanki  # type: ignore[import-untyped]
import pytest

from studyapp.core.authoring.export.anki import anki_notes, write_anki
from studyapp.core.authoring.export.anki_package import NoteSpec, write_package
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import Deck
from tests.core.authoring.test_export import BUNDLED, hostile

STAMP = 1_700_000_123.456

EVERY_KIND = """\
id: every-kind
title: Every kind
description: "All <kinds> & shapes"
entries:
  - {id: q, kind: qa, prompt: "Capital, of France?", answer: Paris, accept: [paris],
     tags: [geo, eu]}
  - {id: r, kind: qa, prompt: Two ways, answer: Both, reverse: true}
  - {id: r2, kind: qa, prompt: One way of two, answer: Only, reverse: true, variants: [reverse]}
  - {id: f, kind: figure, measure: Height of the tower, value: 330.5, unit: m}
  - {id: qu, kind: quote, quote: To be or not, speaker: Hamlet, context: Act III,
     variants: [who]}
  - {id: d, kind: date, event: Moon landing, date: 1969-07-20}
  - {id: d2, kind: date, event: Only what, date: 1815, variants: [what]}
  - id: c
    kind: cloze
    text: "{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}} {{h}} {{i}} {{j}} {{k}}"
    variants: [blank-11, blank-1, blank-9, blank-10]
  - {id: c2, kind: cloze, text: "One {{blank}} only."}
  - {id: ch, kind: choice, prompt: Pick, answer: A, distractors: [B, C, D]}
  - {id: o, kind: order, prompt: In order, events: [x, y, z]}
"""


def _tables(package: Path, tmp: Path) -> dict[str, list[tuple[object, ...]]]:
    with zipfile.ZipFile(package) as zipped:
        assert zipped.namelist() == ["collection.anki2", "media"]
        assert zipped.read("media") == b"{}"
        db = tmp / f"{package.stem}.anki2"
        db.write_bytes(zipped.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
        # every table and index, by name and statement: an index built after its rows
        # (see anki_package._unindexed) sits elsewhere in the file (rootpage, order)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]  # indexes too
        schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        tables = {"schema": [tuple(r) for r in conn.execute(schema)]}
        for name in names:
            if name.startswith("sqlite_") or name.startswith("ix_"):
                continue
            tables[name] = list(conn.execute(f"SELECT * FROM {name} ORDER BY rowid"))
        return tables
    finally:
        conn.close()


def _members(package: Path) -> list[tuple[object, ...]]:
    """How the zip holds each member (all but its time and size)."""
    with zipfile.ZipFile(package) as zipped:
        return [
            (i.filename, i.compress_type, i.external_attr, i.create_system, i.flag_bits)
            for i in zipped.infolist()
        ]


def _genankis(deck: Deck, path: Path) -> None:
    anki_deck, _notes = anki_notes(deck)
    genanki.Package(anki_deck).write_to_file(str(path), timestamp=STAMP)


@pytest.mark.parametrize("which", ["bundled", "hostile", "every kind"])
def test_the_package_holds_genankis_rows(tmp_path: Path, which: str) -> None:
    if which == "bundled":
        deck = load_deck(BUNDLED)
    else:
        deck = hostile() if which == "hostile" else parse_deck(EVERY_KIND, "every.yaml")
    ours, theirs = tmp_path / "ours.apkg", tmp_path / "theirs.apkg"
    assert write_anki(deck, ours, timestamp=STAMP) == len(deck.entries)
    _genankis(deck, theirs)
    got, want = _tables(ours, tmp_path), _tables(theirs, tmp_path)
    assert _members(ours) == _members(theirs)
    assert got.keys() == want.keys()
    for name in want:
        assert got[name] == want[name], name
    assert len(got["notes"]) == len(deck.entries)
    assert len(got["cards"]) > len(deck.entries)  # reversed, two-sided and cloze notes


def test_the_cloze_cards_come_in_genankis_order(tmp_path: Path) -> None:
    ours = tmp_path / "ours.apkg"
    write_anki(parse_deck(EVERY_KIND, "every.yaml"), ours, timestamp=STAMP)
    cards = _tables(ours, tmp_path)["cards"]
    notes = _tables(ours, tmp_path)["notes"]
    (cloze_id,) = [n[0] for n in notes if "{{c11::k}}" in str(n[6])]
    assert sorted(int(str(c[3])) for c in cards if c[1] == cloze_id) == [0, 8, 9, 10]


def test_a_note_with_the_wrong_number_of_fields_is_refused(tmp_path: Path) -> None:
    anki_deck, notes = anki_notes(hostile())
    bad = NoteSpec(notes[0].model, ["only one"], [], "guid")
    with pytest.raises(ValueError, match="1 fields, not 6"):
        write_package(anki_deck, [bad], str(tmp_path / "x.apkg"), STAMP)
