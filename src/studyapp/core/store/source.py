"""What a store's card states were read from, named without reading the snapshot.

A read-only view's states are a function of two things: the snapshot file and the
journals replayed over it. :class:`StatesSource` names both: the snapshot by its
``stat`` (device, inode, size, modification and change times: the deck cache's rule
for trusting a file it does not read, see ``DeckCache.known_key``; the snapshot is
only ever replaced whole, by a rename) and each journal by its length and CRC (a
journal is small and read anyway). Figures derived from the states can then be
kept beside the store under this name and trusted while it still names the files
(:mod:`studyapp.core.stats.kept`), without decoding 18 MB of snapshot to know.

A fold replaces the snapshot; :func:`note_fold` notes what it changed (each card its
records touched, and its state after), so that such figures can be brought up to date
from the note rather than from the new snapshot (:func:`read_folds`).
"""

from __future__ import annotations

import contextlib
import os
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec
from msgspec import Struct

from studyapp.core.base.atomic import atomic_write
from studyapp.core.store.layout import FOLDING, JOURNAL, SNAPSHOT
from studyapp.core.store.records import JournalEntry

RACY_SECONDS = 3.0
"""A snapshot written this recently is not trusted by its ``stat`` alone (a coarse file
system clock ticks every 2 s at most: two writes within one tick, an inode reused,
could look alike)."""

FileStat = tuple[int, int, int, int, int]
"""Device, inode, size, modification and change times (ns) of a file."""


class StatesSource(Struct, frozen=True):
    """The snapshot's ``stat`` (None: no snapshot) and each journal's name, size and CRC."""

    snapshot: FileStat | None
    journals: tuple[tuple[str, int, int], ...]

    def settled(self, now: float) -> bool:
        """Whether the snapshot is old enough to be known by its ``stat`` alone, ``now``
        by the file system's clock (:func:`~studyapp.core.base.fsclock.file_system_now`)."""
        if self.snapshot is None:
            return True
        newest = max(self.snapshot[3], self.snapshot[4]) / 1e9
        return newest <= now - RACY_SECONDS


def file_stat(path: Path) -> FileStat | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def stat_before_fold(path: Path) -> FileStat | None:
    """The snapshot's ``stat`` before a fold writes it, for :func:`note_fold`: None when it
    cannot be read for any reason (a fold never fails for its note's sake)."""
    try:
        return file_stat(path)
    except OSError:
        return None


def journal_print(path: Path, raw: bytes) -> tuple[str, int, int]:
    return path.name, len(raw), zlib.crc32(raw)


def journals(folder: Path) -> list[tuple[Path, bytes]]:
    """The journals to replay, in order: the one handed to a fold (if one was under
    way, or did not finish), then the journal. Read the other way round, so that a
    reader never misses records the owner renames from one to the other meanwhile
    (if the fold then ends, the snapshot changes: the reader reads again)."""
    found = []
    for name in (JOURNAL, FOLDING):
        path = folder / name
        with contextlib.suppress(FileNotFoundError):
            found.append((path, path.read_bytes()))
    return found[::-1]


def read_source(folder: Path, attempts: int = 5) -> tuple[StatesSource, list[tuple[Path, bytes]]]:
    """The folder's states source and its journals' bytes, read as a read-only store reads
    them (the snapshot's ``stat`` the same before and after the journals: a fold by the
    owner meanwhile means reading again). Raises OSError if it keeps changing."""
    for _ in range(attempts):
        before = file_stat(folder / SNAPSHOT)
        found = journals(folder)
        if file_stat(folder / SNAPSHOT) == before:
            prints = tuple(journal_print(path, raw) for path, raw in found)
            return StatesSource(before, prints), found
    raise OSError(f"{folder / SNAPSHOT} keeps changing")


# -- what a fold changed, for readers of the old snapshot's figures

FOLDS = "stats.folds"
"""The last few folds' notes (:class:`FoldNote`): a cache beside the store, written
whole after each fold; missing or damaged, readers count everything again."""
KEPT_NOTES = 4
_FOLDS_MAGIC = b"studyapp-folds 1\n"


class FoldNote(Struct, frozen=True, array_like=True):
    """One fold, named by the snapshot it replaced and the one it wrote (their ``stat``),
    with the state it left each card its records touched: the new snapshot is the old
    one with these states set, nothing else (a fold that also set other states, a
    store's ``_dirty`` one, writes no note)."""

    before: FileStat | None
    after: FileStat
    last_seq: int
    """The new snapshot's ``journal_seq``: a journal is replayed over it from there."""
    states: list[tuple[str, dict[str, Any]]]
    ends: int
    """:func:`ends_crc` of the new snapshot: a file with the same ``stat`` written in the
    same tick of a coarse clock (a fold not noted) is told apart by its bytes."""


ENDS = 4096


def ends_crc(path: Path) -> int | None:
    """The CRC of a file's first and last :data:`ENDS` bytes (its header holds when it
    was saved, to the microsecond); None if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(ENDS)
            size = os.fstat(handle.fileno()).st_size
            handle.seek(max(0, size - ENDS))
            return zlib.crc32(handle.read(ENDS), zlib.crc32(head))
    except OSError:
        return None


def _folds_payload(folder: Path) -> bytes | None:
    try:
        raw = (folder / FOLDS).read_bytes()
    except OSError:
        return None
    head = len(_FOLDS_MAGIC) + 4
    payload = raw[head:]
    if not raw.startswith(_FOLDS_MAGIC) or zlib.crc32(payload) != int.from_bytes(
        raw[len(_FOLDS_MAGIC) : head], "big"
    ):
        return None
    return payload


def read_folds(folder: Path) -> list[FoldNote]:
    """The notes of the last folds, oldest first; none if the file is missing or damaged."""
    payload = _folds_payload(folder)
    try:
        return [] if payload is None else msgspec.msgpack.decode(payload, type=list[FoldNote])
    except (msgspec.DecodeError, ValueError):
        return []


def note_fold(
    folder: Path, before: FileStat | None, entries: Sequence[JournalEntry], last_seq: int
) -> None:
    """Note a fold that has just written the snapshot: ``before`` the old snapshot's
    ``stat`` (taken before the fold wrote), ``entries`` every journal record it folded.
    Only for a fold whose new snapshot is the old one with the entries' states set.
    Never fails the fold: a note that cannot be written only makes a reader count again.
    """
    try:
        after, ends = file_stat(folder / SNAPSHOT), ends_crc(folder / SNAPSHOT)
        if after is None or ends is None or file_stat(folder / SNAPSHOT) != after:
            return
        last = {entry.state.card_id: entry.state for entry in entries}
        states = [(k, s.to_dict()) for k, s in last.items()]
        note = FoldNote(before, after, last_seq, states, ends)
        payload = _folds_payload(folder)
        earlier = [] if payload is None else msgspec.msgpack.decode(payload, type=list[msgspec.Raw])
        notes = [*earlier[-(KEPT_NOTES - 1) :], msgspec.Raw(msgspec.msgpack.encode(note))]
        payload = msgspec.msgpack.encode(notes)  # the earlier notes as they were
        atomic_write(
            folder / FOLDS, _FOLDS_MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload
        )
    except Exception:
        return
