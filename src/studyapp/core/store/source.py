"""What a store's card states were read from, named without reading the snapshot.

A read-only view's states are a function of two things: the snapshot file and the
journals replayed over it. :class:`StatesSource` names both: the snapshot by its
``stat`` (device, inode, size, modification and change times: the deck cache's rule
for trusting a file it does not read, see ``DeckCache.known_key``; the snapshot is
only ever replaced whole, by a rename) and each journal by its length and CRC (a
journal is small and read anyway). Figures derived from the states can then be
kept beside the store under this name and trusted while it still names the files
(:mod:`studyapp.core.stats.kept`), without decoding 18 MB of snapshot to know.
"""

from __future__ import annotations

import os
import time
import zlib
from pathlib import Path

from msgspec import Struct

from studyapp.core.store.folding import journals
from studyapp.core.store.layout import SNAPSHOT

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

    def settled(self, now: float | None = None) -> bool:
        """Whether the snapshot is old enough to be known by its ``stat`` alone."""
        if self.snapshot is None:
            return True
        newest = max(self.snapshot[3], self.snapshot[4]) / 1e9
        return newest <= (time.time() if now is None else now) - RACY_SECONDS


def file_stat(path: Path) -> FileStat | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def journal_print(path: Path, raw: bytes) -> tuple[str, int, int]:
    return path.name, len(raw), zlib.crc32(raw)


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
