"""Opening Anki packages: every format, and every hostile one refused with our message."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import zstandard

from studyapp.core.authoring.anki.collection import read_collection
from studyapp.core.authoring.anki.package import AnkiPackageError, PackageLimits, open_package
from studyapp.core.authoring.anki.protobuf import (
    ProtobufError,
    first_bytes,
    first_varint,
    packed_floats,
)
from tests.core.authoring.anki.packages import (
    changed_package,
    database_of,
    genanki_package,
    zip_package,
)


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The temporary folder the reader uses, watched: it must be left empty."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    yield scratch
    assert [p.name for p in scratch.iterdir() if p.name.startswith("studyapp-anki-")] == []


def refused(path: Path, limits: PackageLimits | None = None) -> str:
    with (
        pytest.raises(AnkiPackageError) as caught,
        open_package(path, "pkg.apkg", limits or PackageLimits()) as package,
    ):
        read_collection(package)
    text = caught.value.render()
    assert text.startswith("pkg.apkg: "), text
    return text


def test_reads_a_genanki_package_and_leaves_nothing_behind(
    tmp_path: Path, private_tmp: Path
) -> None:
    path = genanki_package(tmp_path)
    with open_package(path, "small.apkg") as package:
        assert package.member == "collection.anki2"
        assert any(p.name.startswith("studyapp-anki-") for p in private_tmp.iterdir())
        collection = read_collection(package)
        names = {n.name for n in collection.notetypes.values()}
        assert {"studyapp qa (v1)", "studyapp cloze (v1)"} <= names
        assert len(list(collection.notes())) == 2
        assert len(list(collection.cards())) == 3  # one qa card, two blanks
        assert collection.schema == 11


def test_the_newest_collection_member_wins(tmp_path: Path) -> None:
    """A modern package carries a dummy collection.anki2 beside the real database."""
    real = database_of(genanki_package(tmp_path), tmp_path).read_bytes()
    dummy_db = tmp_path / "dummy.db"
    sqlite3.connect(dummy_db).close()
    path = zip_package(
        tmp_path / "modern.apkg",
        {
            "meta": b"\x08\x02",
            "collection.anki2": b"not read at all",
            "collection.anki21": real,
            "media": b"{}",
        },
    )
    with open_package(path) as package:
        assert package.member == "collection.anki21"
        assert len(list(read_collection(package).notes())) == 2


def test_zstd_collection_and_protobuf_media_map(tmp_path: Path) -> None:
    real = database_of(genanki_package(tmp_path), tmp_path).read_bytes()
    entry = b"\x0a\x07pic.jpg\x10\x03"  # MediaEntry{name: "pic.jpg", size: 3}
    media = zstandard.ZstdCompressor().compress(b"\x0a" + bytes([len(entry)]) + entry)
    path = zip_package(
        tmp_path / "new.apkg",
        {
            "meta": b"\x08\x03",
            "collection.anki21b": zstandard.ZstdCompressor().compress(real),
            "collection.anki2": b"dummy",
            "media": media,
            "0": b"jpg",
        },
        deflate=False,
    )
    with open_package(path) as package:
        assert package.member == "collection.anki21b"
        assert package.media == ["pic.jpg"]
        assert len(list(read_collection(package).notes())) == 2


def test_not_a_zip(tmp_path: Path, private_tmp: Path) -> None:
    path = tmp_path / "deck.apkg"
    path.write_text("front,back\n")
    assert "not an Anki package" in refused(path)
    sqlite3.connect(tmp_path / "bare.db").execute("CREATE TABLE t (x)").connection.commit()
    assert "bare Anki database" in refused(tmp_path / "bare.db")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "nope.apkg")
    assert "folder" in refused(tmp_path)


@pytest.mark.parametrize("name", ["../evil", "a/../../evil", "/etc/passwd", "C:evil", "a\\b"])
def test_member_paths_that_escape(tmp_path: Path, private_tmp: Path, name: str) -> None:
    path = zip_package(tmp_path / "evil.apkg", {"collection.anki2": b"x", name: b"x"})
    assert "points outside" in refused(path)


def test_zip_bomb_by_ratio(tmp_path: Path, private_tmp: Path) -> None:
    path = zip_package(tmp_path / "bomb.apkg", {"collection.anki2": bytes(8 * 1024 * 1024)})
    limits = PackageLimits(ratio_floor=1024 * 1024, max_ratio=100)
    assert "zip bomb" in refused(path, limits)


def test_zip_bomb_by_size(tmp_path: Path, private_tmp: Path) -> None:
    path = zip_package(tmp_path / "big.apkg", {"collection.anki2": bytes(3 * 1024 * 1024)})
    assert "inflates past 2 MB" in refused(path, PackageLimits(max_db_bytes=2 * 1024 * 1024))
    limits = PackageLimits(max_declared_bytes=1024 * 1024)
    assert "would inflate to" in refused(path, limits)


def test_zstd_bomb(tmp_path: Path, private_tmp: Path) -> None:
    bomb = zstandard.ZstdCompressor().compress(bytes(4 * 1024 * 1024))
    path = zip_package(tmp_path / "z.apkg", {"meta": b"\x08\x03", "collection.anki21b": bomb})
    assert "inflates past 1 MB" in refused(path, PackageLimits(max_db_bytes=1024 * 1024))


def test_garbage_zstd_and_not_sqlite(tmp_path: Path, private_tmp: Path) -> None:
    path = zip_package(tmp_path / "z.apkg", {"meta": b"\x08\x03", "collection.anki21b": b"junk"})
    assert "cannot be decompressed" in refused(path)
    path = zip_package(tmp_path / "t.apkg", {"collection.anki2": b"hello, world " * 100})
    assert "not an SQLite database" in refused(path)


def test_no_collection_and_newer_meta(tmp_path: Path, private_tmp: Path) -> None:
    assert "no collection" in refused(zip_package(tmp_path / "e.apkg", {"media": b"{}"}))
    path = zip_package(tmp_path / "n.apkg", {"meta": b"\x08\x09", "collection.anki21b": b""})
    assert "newer Anki" in refused(path)


@pytest.mark.parametrize("table", ["notes", "cards", "revlog", "col"])
def test_missing_tables(tmp_path: Path, private_tmp: Path, table: str) -> None:
    path = changed_package(tmp_path, lambda db: db.execute(f"DROP TABLE {table}"))
    assert f"no '{table}' table" in refused(path)


def test_a_view_is_not_a_table(tmp_path: Path, private_tmp: Path) -> None:
    def swap(db: sqlite3.Connection) -> None:
        db.execute("DROP TABLE revlog")
        db.execute("CREATE VIEW revlog AS SELECT 1 AS id")

    assert "no 'revlog' table" in refused(changed_package(tmp_path, swap))


def test_missing_column_is_damage(tmp_path: Path, private_tmp: Path) -> None:
    def drop(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE notes DROP COLUMN flds")

    assert "damaged: notes (no such column: flds)" in refused(changed_package(tmp_path, drop))


def test_huge_field(tmp_path: Path, private_tmp: Path) -> None:
    def grow(db: sqlite3.Connection) -> None:
        db.execute("UPDATE notes SET flds = ?", ("x" * (2 * 1024 * 1024),))

    assert "MB of text" in refused(changed_package(tmp_path, grow))


def test_damaged_json_and_pages(tmp_path: Path, private_tmp: Path) -> None:
    path = changed_package(tmp_path, lambda db: db.execute("UPDATE col SET models = '[[[['"))
    assert "damaged" in refused(path)
    source = database_of(genanki_package(tmp_path), tmp_path).read_bytes()
    torn = zip_package(tmp_path / "torn.apkg", {"collection.anki2": source[: len(source) // 3]})
    text = refused(torn)
    assert "damaged" in text or "cannot be opened" in text


def test_protobuf_reader() -> None:
    message = b"\x08\x01\x12\x03abc\x1a\x08" + b"\x00\x00\x80\x3f\x00\x00\x00\x40" + b"\x48\x05"
    assert first_varint(message, 1) == 1
    assert first_varint(message, 9) == 5
    assert first_bytes(message, 2) == b"abc"
    assert packed_floats(message, 3) == [1.0, 2.0]
    for bad in (b"\x08", b"\x12\x05ab", b"\x0b", b"\x00\x01", b"\x08" + b"\xff" * 11):
        with pytest.raises(ProtobufError):
            first_varint(bad, 1)


def test_environment_raises_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from studyapp.core.authoring.anki.package import limits_from_env

    monkeypatch.setenv("STUDYAPP_MAX_ANKI_MB", "3000")
    assert limits_from_env().max_db_bytes == 3000 * 1024 * 1024
    monkeypatch.setenv("STUDYAPP_MAX_ANKI_MB", "lots")
    assert limits_from_env() == PackageLimits()


def test_zip_reader_limits_apply_to_what_is_read(tmp_path: Path) -> None:
    """Media files are never read: a big one costs nothing beyond the declared-size check."""
    big = tmp_path / "media.apkg"
    real = database_of(genanki_package(tmp_path), tmp_path).read_bytes()
    with zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("collection.anki2", real)
        archive.writestr("media", b'{"0": "big.mp3"}')
        archive.writestr("0", os.urandom(1024))
    with open_package(big) as package:
        assert package.media == ["big.mp3"]
