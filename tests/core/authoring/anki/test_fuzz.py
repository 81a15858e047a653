"""Truncated and mutated packages: an import succeeds or says why, with our error only.

Three layers are mutated: the zip itself, the SQLite database inside it (zipped again),
and the zstd stream of a current-format package. Whatever comes out of the reader,
the mapping and the history import must be an :class:`AnkiPackageError` or a result.
"""

from __future__ import annotations

import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.authoring.anki.importer import anki_collection, build_decks
from studyapp.core.authoring.anki.package import AnkiPackageError, PackageLimits
from studyapp.core.authoring.anki.progress import import_progress
from studyapp.core.study.settings import StudySettings
from tests.core.authoring.anki.packages import database_of, genanki_package

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
LIMITS = PackageLimits(max_db_bytes=4 * 1024 * 1024, max_field_bytes=64 * 1024)
FUZZ = settings(
    max_examples=int(os.environ.get("ANKI_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Sources(dict[str, bytes]):
    """The package and database every example starts from (a short repr in reports)."""

    def __repr__(self) -> str:
        return "Sources(small genanki package)"


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    folder = tmp_path_factory.mktemp("fuzz")
    package = genanki_package(folder)
    db = database_of(package, folder).read_bytes()
    return Sources(package=package.read_bytes(), db=db)


def attempt(data: bytes, folder: Path) -> None:
    path = folder / "fuzzed.apkg"
    path.write_bytes(data)
    try:
        with anki_collection(path, "fuzzed.apkg", LIMITS) as collection:
            result = build_decks(collection, deck_id="fuzz")
            import_progress(
                collection,
                result.card_ids,
                None,
                StudySettings(),
                deck_of=lambda card_id: card_id.split("/", 1)[0],
                now=NOW,
            )
    except AnkiPackageError as error:
        assert error.render().startswith("fuzzed.apkg: ")


def zipped(members: dict[str, bytes]) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out[:cut] if cut is not None else out)


EDITS = st.lists(st.tuples(st.integers(0, 1 << 30), st.integers(0, 255)), max_size=24)


@FUZZ
@given(edits=EDITS, cut=st.none() | st.integers(0, 1 << 16))
def test_mutated_zip(
    sources: dict[str, bytes], tmp_path: Path, edits: list[tuple[int, int]], cut: int | None
) -> None:
    attempt(mutate(sources["package"], edits, cut), tmp_path)


@FUZZ
@given(edits=EDITS, cut=st.none() | st.integers(0, 1 << 18))
def test_mutated_database(
    sources: dict[str, bytes], tmp_path: Path, edits: list[tuple[int, int]], cut: int | None
) -> None:
    """Bytes of the database changed, mostly past its header (pages, records, JSON)."""
    db = sources["db"]
    edits = [(100 + p % (len(db) - 100), v) for p, v in edits]
    attempt(zipped({"collection.anki2": mutate(db, edits, cut), "media": b"{}"}), tmp_path)


@FUZZ
@given(edits=EDITS, cut=st.none() | st.integers(0, 1 << 14))
def test_mutated_zstd(
    sources: dict[str, bytes], tmp_path: Path, edits: list[tuple[int, int]], cut: int | None
) -> None:
    packed = zstandard.ZstdCompressor().compress(sources["db"])
    members = {"meta": b"\x08\x03", "collection.anki21b": mutate(packed, edits, cut)}
    attempt(zipped(members), tmp_path)


@FUZZ
@given(
    table=st.sampled_from(["notes", "cards", "revlog", "col"]),
    column=st.sampled_from(["id", "flds", "due", "ivl", "ease", "crt", "models", "tags", "data"]),
    value=st.one_of(
        st.integers(-(1 << 63), (1 << 63) - 1),
        st.text(max_size=40),
        st.binary(max_size=40),
        st.none(),
        st.floats(allow_nan=True),
    ),
)
def test_hostile_values(
    sources: dict[str, bytes], tmp_path: Path, table: str, column: str, value: object
) -> None:
    """Any value of any type in any column SQLite lets one write there."""
    import sqlite3

    db_path = tmp_path / "hostile.db"
    db_path.write_bytes(sources["db"])
    db = sqlite3.connect(db_path)
    try:
        db.execute(f"UPDATE {table} SET {column} = ?", (value,))
        db.commit()
    except sqlite3.Error:
        return  # no such column in that table, or a constraint: nothing to try
    finally:
        db.close()
    attempt(zipped({"collection.anki2": db_path.read_bytes()}), tmp_path)
