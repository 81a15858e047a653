"""Anki packages for tests, made without Anki: genanki's, then changed with sqlite3.

``studyapp export --to anki`` writes a real schema-11 package (genanki); a test that
needs a damaged or hostile one takes that database, changes it and zips it again.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

from studyapp.core.authoring.export.anki import write_anki
from studyapp.core.decks.loader import parse_deck

SMALL_DECK = """\
id: small
title: Small deck
entries:
  - id: capital
    kind: qa
    prompt: Capital of <France>?
    answer: Paris
  - id: seoul
    kind: cloze
    text: "{{Seoul}} is the capital of {{South Korea}}."
"""


def genanki_package(folder: Path, name: str = "small.apkg", deck: str = SMALL_DECK) -> Path:
    """A package as ``studyapp export --to anki`` writes it (schema 11, collection.anki2)."""
    target = folder / name
    write_anki(parse_deck(deck, "small.yaml"), target, timestamp=1_700_000_000.0)
    return target


def database_of(package: Path, folder: Path, member: str = "collection.anki2") -> Path:
    """The package's database, copied out to change it."""
    target = folder / f"{package.stem}.db"
    with zipfile.ZipFile(package) as archive:
        target.write_bytes(archive.read(member))
    return target


def zip_package(target: Path, members: dict[str, bytes], *, deflate: bool = True) -> Path:
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(target, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def changed_package(
    folder: Path, change: Callable[[sqlite3.Connection], None], name: str = "changed.apkg"
) -> Path:
    """A genanki package whose database went through ``change`` (SQL on a copy)."""
    source = genanki_package(folder, f"source-{name}")
    db_path = database_of(source, folder)
    db = sqlite3.connect(db_path)
    try:
        change(db)
        db.commit()
    finally:
        db.close()
    return zip_package(folder / name, {"collection.anki2": db_path.read_bytes(), "media": b"{}"})
