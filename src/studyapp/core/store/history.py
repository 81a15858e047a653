"""The history file (``history.jsonl``): every review ever made, appended at each fold.

Read back only when statistics need it, never at start-up. Its lines are the
journal's (:mod:`~studyapp.core.store.journal`): a review, or an undo of a review
that was folded before the learner undid it. Damaged lines are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from studyapp.core.base.atomic import fsync_dir
from studyapp.core.base.jsonread import loads_limited
from studyapp.core.store.journal import decode_line, encode_line, intact_lines
from studyapp.core.store.layout import FILE_MODE
from studyapp.core.store.records import JournalEntry, ReviewRecord

_UNDO_MARK = b'"type":"undo"'
TAIL_BYTES = 1 << 16
"""How much of a file's end is read to find its last record."""


def history_size(path: Path) -> int:
    """The history file's length now (0 if none): what a reader takes as its end, so
    that lines a fold appends meanwhile are left for the journal's copy of them."""
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0


def _line_chunks(path: Path, end: int | None) -> Iterator[bytes]:
    """The file's first ``end`` bytes (all if None), a megabyte or so at a time, each
    chunk whole lines (the last one may end without a newline)."""
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed below; generator)
    except FileNotFoundError:
        return
    with handle:
        left = end if end is not None else -1
        rest = b""
        while left:
            chunk = handle.read(1 << 20 if left < 0 else min(1 << 20, left))
            left -= len(chunk) if left > 0 else 0
            data = rest + chunk
            if chunk and left:  # keep an unfinished last line for the next round
                cut = data.rfind(b"\n") + 1
                data, rest = data[:cut], data[cut:]
            else:
                rest, left = b"", 0
            if data:
                yield data


def read_records(path: Path, end: int | None = None) -> Iterator[dict[str, Any]]:
    """Every intact record of a JSON Lines file with CRCs (its first ``end`` bytes), in
    order, a chunk at a time.

    Lines are checked by CRC, then each chunk is parsed with a single
    ``json.loads``: several times faster than a call per line, which matters
    for a history of hundreds of thousands of reviews.
    """
    for data in _line_chunks(path, end):
        good, _ = intact_lines(data.split(b"\n"))
        if not good:
            continue
        try:
            records = loads_limited(b"[" + b",".join(good) + b"]", max_depth=None)
        except ValueError:  # one bad (or too deep) line: read them one by one
            records = [r for r in map(decode_line, good) if r is not None]
        for record in records:
            if isinstance(record, dict):
                yield record


def undo_targets(data: bytes, undone: set[int]) -> None:
    """Add to ``undone`` the seqs undone by the undo records among the lines of ``data``.

    Undo records are rare: ``data`` is searched for their mark (at C speed) and
    only the lines holding it are decoded.
    """
    position = data.find(_UNDO_MARK)
    while position != -1:
        start = data.rfind(b"\n", 0, position) + 1
        end = data.find(b"\n", position)
        end = len(data) if end == -1 else end
        record = decode_line(data[start:end])
        if record is not None and isinstance(record.get("undoes"), int):
            undone.add(record["undoes"])
        position = data.find(_UNDO_MARK, end)


def undone_in(path: Path, end: int | None = None) -> set[int]:
    """The seqs undone by the undo records of a history file (its first ``end`` bytes)."""
    undone: set[int] = set()
    for data in _line_chunks(path, end):
        undo_targets(data, undone)
    return undone


def last_seq(tail: bytes) -> int:
    """The seq of the last complete record among the lines of ``tail`` (0 if none)."""
    for line in reversed(tail.split(b"\n")):
        record = decode_line(line)
        if record is not None and isinstance(record.get("seq"), int):
            seq: int = record["seq"]
            return seq
    return 0


def history_tail_seq(path: Path, end: int | None = None) -> int:
    """The seq of the last complete record in the history file ``path`` (in its first
    ``end`` bytes, if given; 0 if none)."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, os.SEEK_END) if end is None else end
            handle.seek(max(0, size - TAIL_BYTES))
            tail = handle.read(size - handle.tell())
    except FileNotFoundError:
        return 0
    return last_seq(tail)


def read_history(path: Path, pending: Sequence[JournalEntry]) -> Iterator[ReviewRecord]:
    """``ProgressStore.history()``: the file's reviews, then the journal's records not
    folded yet (``pending``, a copy), undone ones left out, each once.

    The file is read as long as it is at the start: a fold in another thread may
    append some of ``pending`` meanwhile, which are then taken from ``pending``.
    """
    undone = {e.undoes for e in pending if e.kind == "undo"}
    end = history_size(path)
    undone |= undone_in(path, end)
    for record in read_records(path, end):
        if record.get("type") != "review":
            continue
        try:
            review = ReviewRecord.from_dict(record)
        except ValueError:
            continue
        if review.seq not in undone:
            yield review
    history_seq = history_tail_seq(path, end)
    for entry in pending:
        if entry.review is not None and entry.seq > history_seq and entry.seq not in undone:
            yield entry.review


def append_history(path: Path, pending: Sequence[JournalEntry]) -> None:
    """Append the journal's records not folded yet (``pending``) to the history file.

    Safe to repeat: records the file already holds (an interrupted fold) are skipped.
    """
    existed = path.exists()
    last = history_tail_seq(path) if existed else 0
    lines: list[bytes] = []
    undone = {e.undoes for e in pending if e.kind == "undo"}
    pending_seqs = {e.seq for e in pending}
    for entry in pending:
        if entry.seq <= last:
            continue  # already there (a fold was interrupted after this step)
        if entry.review is not None:
            if entry.seq not in undone:
                lines.append(encode_line(entry.review.to_dict()))
        elif entry.kind == "undo":
            target = entry.undoes
            if target is not None and (target <= last or target not in pending_seqs):
                # the undone review is already in the history file: record the undo
                lines.append(encode_line({"seq": entry.seq, "type": "undo", "undoes": target}))
    if not lines:
        return
    # created owner-only, as the snapshot is (``open`` would give it the umask's 0o644)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    with os.fdopen(fd, "ab") as handle:
        if existed and handle.tell() > 0:
            # a torn last line from an interrupted fold: start on a fresh line
            with open(path, "rb") as reader:
                reader.seek(-1, os.SEEK_END)
                if reader.read(1) != b"\n":
                    handle.write(b"\n")
        handle.write(b"".join(lines))
        handle.flush()
        os.fsync(handle.fileno())
    if not existed:
        fsync_dir(path.parent)
