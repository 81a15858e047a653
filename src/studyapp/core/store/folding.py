"""Folding the journal into the snapshot, and doing it in a thread of its own.

A fold appends the journal's records to the history, writes a new snapshot, then
lets the journal go: 150 ms at 50,000 cards, 600 ms at 200,000. Every 1,000
answers the answer that called for it would stall the study screen that long, so
the store hands the journal over instead (:meth:`Folds.hand_over`):
``reviews.jsonl`` is renamed ``reviews.folding.jsonl`` (:data:`FOLDING`: the
answers stay on disk, under another name), a fresh journal takes the next
answers, and a :class:`FoldJob` does the rest in a thread, from a copy of the
card states (``StateTable.copy``: the rows are shared): fsync the handed-over
journal and the folder, append the records to the history, write the snapshot,
remove the handed-over journal.

A crash at any point loses nothing. Until the snapshot is replaced, the handed-over
journal is there and is replayed on the next open, before the journal (each
record once, by seq), and folded at once; once it is replaced, its records are in
the snapshot and are skipped. A job that fails leaves it too: the store's next
fold (in the store's thread, as before) folds both journals and removes it.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from studyapp.core.base.atomic import atomic_write, fsync_dir
from studyapp.core.store.errors import ProgressError
from studyapp.core.store.history import append_history
from studyapp.core.store.journal_sync import JournalSync
from studyapp.core.store.layout import FOLDING, HISTORY, JOURNAL, SNAPSHOT
from studyapp.core.store.records import JournalEntry, ReviewRecord
from studyapp.core.store.snapshot import FORMAT, VERSION, snapshot_chunks
from studyapp.core.store.source import note_fold, stat_before_fold
from studyapp.core.store.state import CardState


def fold_header(
    saved_at: datetime,
    journal_seq: int,
    settings: Mapping[str, Any],
    recent: Sequence[ReviewRecord],
) -> dict[str, Any]:
    """The snapshot's fields but the card states."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "saved_at": saved_at.isoformat(),
        "journal_seq": journal_seq,
        "settings": settings,
        "recent": [r.to_dict() for r in recent],
    }


def write_fold(
    folder: Path,
    entries: Sequence[JournalEntry],
    header: Mapping[str, Any],
    cards: Mapping[str, CardState],
) -> None:
    """The two steps of a fold that make it durable: history first, then snapshot.

    Each is safe to repeat (the history skips records it holds), so a crash
    between or during them loses nothing while the journal is kept.
    """
    append_history(folder / HISTORY, entries)
    atomic_write(folder / SNAPSHOT, snapshot_chunks(header, cards))


class FoldJob:
    """One fold of a handed-over journal, in a thread of its own.

    Everything it reads was copied or handed to it when it was made: the journal
    records (``entries``), the card states, the settings and recent reviews, the
    journal's descriptor and fsync thread (``handed``), which it stops and closes.
    The store's thread goes on answering meanwhile and reads the outcome
    (:attr:`error`, :attr:`journal_failed`) once :attr:`done`.
    """

    def __init__(
        self,
        folder: Path,
        entries: list[JournalEntry],
        last_seq: int,
        header: tuple[datetime, Mapping[str, Any], list[ReviewRecord]],
        cards: Mapping[str, CardState],
        handed: tuple[int, JournalSync],
    ) -> None:
        self.folder = folder
        self.entries = entries
        self.last_seq = last_seq
        """The seq of the last record folded (the new snapshot's ``journal_seq``)."""
        self._header = header
        self._cards = cards
        self._handed = handed
        self.error: BaseException | None = None
        self.journal_failed = False
        """The handed-over journal's fsync failed: answers it held may not be on disk."""
        self._done = threading.Event()
        # a daemon: a process that ends mid-fold is a crash mid-fold, which loses nothing
        self._thread = threading.Thread(target=self._run, name="studyapp fold", daemon=True)

    def start(self) -> None:
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self) -> None:
        """Until the job is over (done or failed)."""
        self._thread.join()

    def _run(self) -> None:
        try:
            self._retire_journal()  # first: whatever fails next, it is let go
            fsync_dir(self.folder)  # the rename and the new journal, durable
            saved_at, settings, recent = self._header
            header = fold_header(saved_at, self.last_seq, settings, recent)
            before = stat_before_fold(self.folder / SNAPSHOT)
            write_fold(self.folder, self.entries, header, self._cards)
            os.unlink(self.folder / FOLDING)
            fsync_dir(self.folder)
            note_fold(self.folder, before, self.entries, self.last_seq)  # never raises
        except BaseException as error:  # read by the store's thread (its _finish_fold)
            self.error = error
        finally:
            del self._cards  # (a copy of every state: let it go at once)
            self._done.set()

    def _retire_journal(self) -> None:
        """What is folded is durable in the handed-over journal first; then let it go."""
        fd, sync = self._handed
        try:
            sync.stop()  # its last fsync; joined before the descriptor is closed
        except ProgressError:
            self.journal_failed = True
            raise
        finally:
            os.close(fd)


class Folds:
    """A store's folds in threads: the one under way (at most one), how many of the
    store's pending records it folds, and whether a handed-over journal is left."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.job: FoldJob | None = None
        self.count = 0
        """How many of the first pending records the fold under way is folding."""
        self.left = False
        """A handed-over journal is on disk (a fold failed, or a crash came first)."""

    def hand_over(
        self,
        journal: tuple[int, JournalSync],
        reopen: Callable[[], tuple[int, JournalSync]],
        entries: list[JournalEntry],
        header: tuple[datetime, Mapping[str, Any], list[ReviewRecord]],
        cards: Mapping[str, CardState],
    ) -> tuple[int, JournalSync]:
        """Rename the journal :data:`FOLDING`, open a new one (``reopen``) and start a
        job folding ``entries`` (every record the renamed journal holds); the new journal.
        """
        path, folding = self.folder / JOURNAL, self.folder / FOLDING
        os.replace(path, folding)
        try:
            opened = reopen()
        except BaseException:
            os.replace(folding, path)
            raise
        job = FoldJob(self.folder, entries, entries[-1].seq, header, cards, journal)
        self.job, self.count = job, len(entries)
        job.start()
        return opened

    def finish(self, pending: list[JournalEntry], sync: JournalSync | None) -> int | None:
        """Wait for the fold under way (if any) and take its outcome: the seq of the last
        record folded, which leave ``pending``; None if none were. A failed one leaves
        them there, and the journal it was handed, for the next fold; a failed fsync of
        that journal is passed to ``sync``, which raises it at the next change."""
        job, self.job = self.job, None
        if job is None:
            return None
        job.wait()
        folded, self.count = self.count, 0
        if job.error is None:
            del pending[:folded]
            return job.last_seq
        self.left = True
        if job.journal_failed and sync is not None:
            sync.fail(job.error)
        return None

    def drop_handed_over(self) -> None:
        """The handed-over journal is folded (by the store, at once): remove it."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.folder / FOLDING)
        fsync_dir(self.folder)
        self.left = False

    def wait(self) -> None:
        """Until the fold under way (if any) is over, its outcome left for :meth:`finish`."""
        if self.job is not None:
            self.job.wait()
