"""Many answers and card states into a progress folder at once: an import's path.

:meth:`ProgressStore.record_review` journals one answer at a time and folds every
thousand, rewriting the snapshot each time: right for a learner, ruinous for the
500,000 answers of an Anki history. :class:`BulkHistory` writes them as history lines
to a temporary file beside ``history.jsonl`` (the store removes one left by a crash
when it opens), then :meth:`BulkHistory.commit` appends that file to the history
(fsynced) and saves the card states in one fold. Until the commit nothing in the
folder changes; :meth:`BulkHistory.abort` (or leaving the ``with`` block on an error)
removes the temporary file.

The lines are the history's own (what :func:`~studyapp.core.store.journal.encode_line`
makes of :meth:`~studyapp.core.store.records.ReviewRecord.to_dict`), numbered after every
record the folder holds. The store is told the new numbers and the answers of the
last days (today's counts) through two of its attributes: the store has no public
call for that yet (``ProgressStore.import_reviews`` would be its place).
"""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Collection, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Self

from studyapp.core.base.atomic import TEMP_SUFFIX, fsync_dir
from studyapp.core.base.clock import ensure_utc
from studyapp.core.store.errors import ReadOnlyError
from studyapp.core.store.history import history_tail_seq
from studyapp.core.store.journal import CRC_PREFIX, json_str
from studyapp.core.store.layout import FILE_MODE, HISTORY
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import RECENT_WINDOW, ProgressStore

__all__ = ["BulkHistory", "latest_answers"]

_FLUSH_BYTES = 1 << 20
_RATING_TEXT: dict[Rating, str] = {r: str(int(r)) for r in Rating}
_PHASE_TEXT: dict[Phase, str] = {p: p.value for p in Phase}
_UNIX = datetime(1970, 1, 1, tzinfo=UTC)
_DAY_MS = 86_400_000
_MINUTES = [f"T{m // 60:02d}:{m % 60:02d}:" for m in range(1440)]
_SECONDS = [f"{s:02d}" for s in range(60)]
_FRACTIONS = ["+00:00"] + [f".{f:03d}000+00:00" for f in range(1, 1000)]
"""The pieces of ``datetime.isoformat`` for a UTC time (no fraction when it is 0)."""
_RATING_PHASE = {(r, p): f',"rating":{int(r)},"phase":"{p.value}"' for r in Rating for p in Phase}


def latest_answers(store: ProgressStore, card_ids: Collection[str]) -> dict[str, datetime]:
    """When each of ``card_ids`` was last answered, by the history (one pass over it):
    what an import already brought in, so importing the same package again adds none."""
    latest: dict[str, datetime] = {}
    for review in store.history():
        if review.card_id in card_ids:
            seen = latest.get(review.card_id)
            if seen is None or review.at > seen:
                latest[review.card_id] = review.at
    return latest


class BulkHistory:
    """Answers bound for a store's history, held in a temporary file until committed."""

    def __init__(self, store: ProgressStore, now: datetime) -> None:
        if store.read_only:
            raise ReadOnlyError(f"{store.folder} was opened read-only")
        store.fold()  # the journal into the history: our numbers come after all of it
        self.store = store
        self.path = store.folder / HISTORY
        self.first_seq = max(history_tail_seq(self.path), store.next_seq - 1) + 1
        self.next_seq = self.first_seq
        fd, name = tempfile.mkstemp(dir=store.folder, prefix=f".{HISTORY}.", suffix=TEMP_SUFFIX)
        self._file = os.fdopen(fd, "wb")
        self._temp = Path(name)
        self._buffer: list[bytes] = []
        self._size = 0
        self._recent: list[ReviewRecord] = []
        self._cutoff = ensure_utc(now) - RECENT_WINDOW
        self._cutoff_ms = (self._cutoff - _UNIX) // timedelta(milliseconds=1)
        self._day: int | None = None
        self._date = ""
        """The last answer's day (since 1970) and its date as the lines write it."""

    @property
    def count(self) -> int:
        return self.next_seq - self.first_seq

    @staticmethod
    def key(card_id: str) -> str:
        """``card_id`` as it is written in a line: pass it to :meth:`add` as ``key`` when
        one card has many answers (it is then escaped once, not once an answer)."""
        return json_str(card_id)

    def add(
        self,
        card_id: str,
        at: datetime,
        rating: Rating,
        phase: Phase,
        took_ms: int | None = None,
        interval: int | None = None,
        key: str | None = None,
    ) -> None:
        """One answer, as ``record_review`` would have kept it (``phase``: before it)."""
        seq = self.next_seq
        self.next_seq += 1
        # encode_line(ReviewRecord(...).to_dict()), byte for byte (a test holds it to
        # that), written by hand: json.dumps per line was most of an import's time
        body = (
            f'{{"seq":{seq:d},"type":"review","card":{key or json_str(card_id)},'
            f'"at":"{at.isoformat()}","rating":{_RATING_TEXT[rating]},'
            f'"phase":"{_PHASE_TEXT[phase]}"'
        )
        if took_ms is not None:
            body += f',"ms":{took_ms:d}'
        if interval is not None:
            body += f',"ivl":{interval:d}'
        raw = (body + "}").encode()
        line = raw[:-1] + b'%s%08x"}\n' % (CRC_PREFIX, zlib.crc32(raw))
        self._buffer.append(line)
        self._size += len(line)
        if at >= self._cutoff:
            self._recent.append(ReviewRecord(seq, card_id, at, rating, phase, took_ms, interval))
        if self._size >= _FLUSH_BYTES:
            self._flush()

    def add_ms(
        self,
        card_id: str,
        at_ms: int,
        rating: Rating,
        phase: Phase,
        took_ms: int | None,
        interval: int | None,
        key: str,
    ) -> None:
        """:meth:`add` for an answer given as milliseconds since 1970 (UTC), as Anki's log
        dates them: the same line, its time written from the number (making a datetime
        and its ``isoformat`` for each of half a million answers was half the cost)."""
        seq = self.next_seq
        self.next_seq += 1
        day, ms = divmod(at_ms, _DAY_MS)
        if day == self._day:  # the log goes by in time order: often the day before
            date = self._date
        else:
            date = (_UNIX + timedelta(days=day)).date().isoformat()
            self._day, self._date = day, date
        seconds, fraction = divmod(ms, 1000)
        minutes, second = divmod(seconds, 60)
        head = (
            f'{{"seq":{seq},"type":"review","card":{key},"at":"{date}{_MINUTES[minutes]}'
            f'{_SECONDS[second]}{_FRACTIONS[fraction]}"{_RATING_PHASE[rating, phase]}'
        )
        if took_ms is not None:
            if interval is not None:
                body = f'{head},"ms":{took_ms},"ivl":{interval}}}'
            else:
                body = f'{head},"ms":{took_ms}}}'
        else:
            body = f'{head},"ivl":{interval}}}' if interval is not None else head + "}"
        raw = body.encode()
        line = raw[:-1] + b'%s%08x"}\n' % (CRC_PREFIX, zlib.crc32(raw))
        self._buffer.append(line)
        self._size += len(line)
        if at_ms >= self._cutoff_ms:
            when = _UNIX + timedelta(milliseconds=at_ms)
            self._recent.append(ReviewRecord(seq, card_id, when, rating, phase, took_ms, interval))
        if self._size >= _FLUSH_BYTES:
            self._flush()

    def _flush(self) -> None:
        self._file.write(b"".join(self._buffer))
        self._buffer.clear()
        self._size = 0

    def commit(self, states: Mapping[str, CardState]) -> int:
        """Append the answers to the history, then save ``states`` (one fold); how many
        answers were added."""
        self._flush()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        store = self.store
        if self.count and not self.path.exists():
            # a first history: ours as it is (fsynced), not copied, with the permissions
            # the store gives the history it makes (owner only)
            os.chmod(self._temp, FILE_MODE)
            os.replace(self._temp, self.path)
            fsync_dir(store.folder)
            self._numbered()
        elif self.count:
            with open(self.path, "ab") as history, open(self._temp, "rb") as source:
                if history.tell() > 0:
                    with open(self.path, "rb") as reader:
                        reader.seek(-1, os.SEEK_END)
                        if reader.read(1) != b"\n":
                            history.write(b"\n")  # a torn last line: start a fresh one
                while chunk := source.read(_FLUSH_BYTES):
                    history.write(chunk)
                history.flush()
                os.fsync(history.fileno())
            self._numbered()
        self._temp.unlink(missing_ok=True)
        store.restore_states(states)
        return self.count

    def _numbered(self) -> None:
        """Tell the store of the records added: it numbers its next ones after ours,
        and counts today's answers."""
        self.store.note_imported(self.next_seq, self._recent)

    def abort(self) -> None:
        """Forget the answers: the folder is as it was."""
        if not self._file.closed:
            self._file.close()
        self._temp.unlink(missing_ok=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()
