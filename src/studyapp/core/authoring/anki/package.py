"""Opening an Anki package safely: a zip of a SQLite database, from anyone.

An ``.apkg`` (some decks) or ``.colpkg`` (a whole collection) is a zip holding the
collection database under one of three names: ``collection.anki21b`` (zstd-compressed,
schema 18, what Anki writes by default today), ``collection.anki21`` (schema 11, "support
older Anki versions") or ``collection.anki2`` (Anki 2.0 and genanki; modern packages
carry a dummy one beside the real database, so the newest name present wins), plus a
``media`` map and numbered media files, which are listed and never extracted.

The input is untrusted, so before anything is read: member names that would point
outside the package are refused, as are packages of too many members or whose
declared sizes or compression ratios say "zip bomb"; the database is then inflated
into a private temporary folder with a running byte count (stopped at the cap,
whatever the zip claims), checked to be SQLite, and opened read-only
(``mode=ro&immutable=1``, ``query_only``, ``trusted_schema=OFF``). The folder is
removed on leaving :func:`open_package`, whatever happens. Every failure is an
:class:`AnkiPackageError` saying what is wrong with the file; nothing is written
anywhere else.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import urllib.parse
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import zstandard
from msgspec import Struct

from studyapp.core.authoring.anki.protobuf import ProtobufError, first_varint, message_fields
from studyapp.core.authoring.importer import ImportFileError
from studyapp.core.base.jsonread import loads_limited
from studyapp.core.base.problems import Problem

__all__ = [
    "DEFAULT_LIMITS",
    "AnkiPackageError",
    "OpenPackage",
    "PackageLimits",
    "limits_from_env",
    "open_package",
    "package_problem",
]

_MB = 1024 * 1024
_SQLITE_MAGIC = b"SQLite format 3\x00"
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
"""Newest first: a modern package also holds a dummy ``collection.anki2``."""
_LATEST_META = 3
"""``PackageMetadata.Version.VERSION_LATEST``: zstd, the anki21b database, protobuf media map."""


class PackageLimits(Struct, frozen=True):
    """What an untrusted package may cost us. Generous for real collections (a heavy
    user's 50,000 cards and 500,000 reviews are ~60 MB), fatal for bombs."""

    max_db_bytes: int = 1024 * _MB
    """The collection database, inflated."""
    max_ratio: float = 1000.0
    """Inflated over compressed size, for members past ``ratio_floor``."""
    ratio_floor: int = 64 * _MB
    max_declared_bytes: int = 64 * 1024 * _MB
    """All members as the zip declares them (media included, though never read)."""
    max_members: int = 500_000
    max_map_bytes: int = 64 * _MB
    """The media map and the ``meta`` member, inflated."""
    max_field_bytes: int = 1 * _MB
    """One note's fields, together."""
    max_json_bytes: int = 64 * _MB
    """A legacy collection's JSON columns (note types, decks, settings)."""


DEFAULT_LIMITS = PackageLimits()


def limits_from_env() -> PackageLimits:
    """Default limits, with ``STUDYAPP_MAX_ANKI_MB`` raising the database cap for huge
    collections one trusts."""
    raw = os.environ.get("STUDYAPP_MAX_ANKI_MB", "")
    try:
        megabytes = float(raw) if raw else 0.0
    except ValueError:
        megabytes = 0.0
    if megabytes <= 0:
        return DEFAULT_LIMITS
    return PackageLimits(max_db_bytes=int(megabytes * _MB))


class AnkiPackageError(ImportFileError):
    """The package cannot be imported; each problem says why as ``file: message``."""

    def render(self) -> str:
        return "\n".join(_shown(p) for p in self.problems)


def _shown(problem: Problem) -> str:
    if problem.line:
        return str(problem)
    return f"{problem.file}: {problem.message}"


def package_problem(display: str, message: str) -> AnkiPackageError:
    """A package-level error (no line to point at): rendered ``file: message``."""
    return AnkiPackageError(display, [Problem(display, 0, 0, "", message)])


class OpenPackage(Struct):
    """A package opened for reading: its database (read-only) and what was left out."""

    display: str
    member: str
    """Which collection file was read (``collection.anki21b`` ...)."""
    db: sqlite3.Connection
    media: list[str]
    """Names of the media files the package holds (never extracted)."""
    limits: PackageLimits


def _unsafe_name(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return True
    if len(name) >= 2 and name[1] == ":":  # C:...
        return True
    return any(part == ".." for part in name.split("/"))


def _check_members(infos: list[zipfile.ZipInfo], display: str, limits: PackageLimits) -> None:
    if len(infos) > limits.max_members:
        raise package_problem(
            display, f"the package holds {len(infos):,} files (at most {limits.max_members:,})"
        )
    declared = 0
    for info in infos:
        if _unsafe_name(info.filename):
            raise package_problem(
                display,
                f"the package holds a file named {info.filename!r}, a path that points "
                "outside it; refused (Anki never writes such names)",
            )
        declared += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            raise package_problem(
                display,
                f"{info.filename!r} would inflate {ratio:,.0f} times (at most "
                f"{limits.max_ratio:,.0f}): a zip bomb, refused",
            )
    if declared > limits.max_declared_bytes:
        raise package_problem(
            display,
            f"the package would inflate to {declared / _MB:,.0f} MB "
            f"(at most {limits.max_declared_bytes / _MB:,.0f} MB): refused",
        )


def _copy_capped(source: IO[bytes], target: IO[bytes], cap: int, what: str, display: str) -> int:
    """Copy ``source`` into ``target``, refusing past ``cap`` bytes or the ratio limit."""
    written = 0
    while chunk := source.read(1 << 20):
        written += len(chunk)
        if written > cap:
            raise package_problem(
                display,
                f"{what} inflates past {cap / _MB:,.0f} MB: too big for an import, or a zip "
                "bomb (raise the cap with STUDYAPP_MAX_ANKI_MB if you trust the file)",
            )
        target.write(chunk)
    return written


def _read_limited(source: IO[bytes], cap: int) -> bytes | None:
    """All of ``source``, or None past ``cap`` bytes. Read a megabyte at a time:
    ``read(cap)`` would set aside ``cap`` bytes at once (zstandard does)."""
    parts: list[bytes] = []
    size = 0
    while chunk := source.read(1 << 20):
        size += len(chunk)
        if size > cap:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, display: str) -> bytes:
    with archive.open(info) as handle:
        data = _read_limited(handle, cap)
    if data is None:
        raise package_problem(display, f"{info.filename!r} is over {cap / _MB:,.0f} MB")
    return data


def _unzstd(data: bytes, cap: int, what: str, display: str) -> bytes:
    out = _read_limited(zstandard.ZstdDecompressor().stream_reader(data), cap)
    if out is None:
        raise package_problem(display, f"{what} inflates past {cap / _MB:,.0f} MB")
    return out


def _meta_version(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], display: str) -> int:
    info = names.get("meta")
    if info is None:
        return 0
    raw = _read_capped(archive, info, 4096, display)
    try:
        return first_varint(raw, 1)
    except ProtobufError:
        raise package_problem(display, "its 'meta' file is damaged") from None


def _media_names(
    archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo], zstd: bool, limits: PackageLimits
) -> list[str]:
    """The media file names the package lists (empty if the map is missing or unreadable:
    media are never imported, so a damaged map only shortens the list)."""
    info = names.get("media")
    if info is None:
        return []
    try:
        raw = _read_capped(archive, info, limits.max_map_bytes, "")
        if zstd:
            raw = _unzstd(raw, limits.max_map_bytes, "media", "")
            found: list[str] = []
            for number, entry in message_fields(raw):
                if number == 1 and isinstance(entry, bytes):
                    for field, value in message_fields(entry):
                        if field == 1 and isinstance(value, bytes):
                            found.append(value.decode("utf-8", "replace"))
            return found
        mapping = loads_limited(raw.decode("utf-8"))
        if isinstance(mapping, dict):
            return [str(v) for v in mapping.values()]
    except (AnkiPackageError, ProtobufError, ValueError, zstandard.ZstdError, RecursionError):
        pass
    return []


def _extract(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    target: Path,
    limits: PackageLimits,
    display: str,
) -> None:
    what = info.filename
    with archive.open(info) as member, open(target, "wb") as out:
        if what.endswith("21b"):
            reader = zstandard.ZstdDecompressor().stream_reader(member, read_across_frames=True)
            size = _copy_capped(reader, out, limits.max_db_bytes, what, display)
        else:
            size = _copy_capped(member, out, limits.max_db_bytes, what, display)
    if size > limits.ratio_floor and size > limits.max_ratio * max(info.compress_size, 1):
        raise package_problem(display, f"{what} inflates {size / info.compress_size:,.0f} times")
    with open(target, "rb") as handle:
        head = handle.read(len(_SQLITE_MAGIC))
    if head != _SQLITE_MAGIC:
        raise package_problem(
            display, f"{what} is not an SQLite database: the package is damaged or not from Anki"
        )


def _connect(path: Path) -> sqlite3.Connection:
    uri = f"file:{urllib.parse.quote(str(path))}?mode=ro&immutable=1"
    db = sqlite3.connect(uri, uri=True)
    db.execute("PRAGMA query_only = ON")
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute("PRAGMA cell_size_check = ON")
    return db


@contextlib.contextmanager
def open_package(
    path: Path, display: str | None = None, limits: PackageLimits = DEFAULT_LIMITS
) -> Iterator[OpenPackage]:
    """Open an Anki package for reading; the temporary copy is gone on leaving.

    Raises:
        AnkiPackageError: the file is not a package we can read (and why).
    """
    shown = display if display is not None else str(path)
    folder = Path(tempfile.mkdtemp(prefix="studyapp-anki-"))
    db: sqlite3.Connection | None = None
    try:
        try:
            archive = _open_zip(path, shown)
            with archive:
                infos = archive.infolist()
                _check_members(infos, shown, limits)
                names = {info.filename: info for info in infos}
                version = _meta_version(archive, names, shown)
                if version > _LATEST_META:
                    raise package_problem(
                        shown,
                        "the package was made by a newer Anki than studyapp knows; export it "
                        "again with 'Support older Anki versions' ticked",
                    )
                member = next((n for n in _COLLECTIONS if n in names), None)
                if member is None:
                    raise package_problem(
                        shown, "the package holds no collection (collection.anki21b/anki21/anki2)"
                    )
                target = folder / "collection.db"
                _extract(archive, names[member], target, limits, shown)
                media = _media_names(archive, names, version >= _LATEST_META, limits)
        except AnkiPackageError:
            raise
        except FileNotFoundError:
            raise package_problem(shown, "no such file") from None
        except IsADirectoryError:
            raise package_problem(shown, "is a folder, not an Anki package") from None
        except zipfile.BadZipFile as exc:
            raise package_problem(shown, f"the package is damaged ({_reason(exc)})") from None
        except zstandard.ZstdError as exc:
            raise package_problem(shown, f"the collection cannot be decompressed ({exc})") from None
        except (
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise package_problem(shown, f"the package is damaged ({_reason(exc)})") from None
        try:
            db = _connect(target)
        except (sqlite3.Error, ValueError) as exc:
            raise package_problem(shown, f"the collection cannot be opened ({exc})") from None
        yield OpenPackage(shown, member, db, media, limits)
    finally:
        if db is not None:
            db.close()
        shutil.rmtree(folder, ignore_errors=True)


def _open_zip(path: Path, shown: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise package_problem(shown, _not_zip_message(path)) from None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


def _not_zip_message(path: Path) -> str:
    with contextlib.suppress(OSError), open(path, "rb") as handle:
        if handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC:
            return (
                "this is a bare Anki database, not a package: in Anki, use File > Export "
                "(.colpkg or .apkg) and import that"
            )
    return "not an Anki package (.apkg or .colpkg are zip files; this one is not)"
