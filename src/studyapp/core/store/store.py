"""The progress store: months of a learner's work, kept safe on local disk.

:class:`ProgressStore` keeps every card state in memory and each change durable in
the progress folder (:mod:`~studyapp.core.store.layout`). A change goes to the
journal, one line with a CRC, *written* (``write(2)``) before the call returns, so an
answer that was acknowledged survives ``kill -9``: from then on the data belongs to
the kernel, not to the process. A background thread
(:mod:`~studyapp.core.store.journal_sync`) fsyncs it moments later (one fsync covers
every line written since the last), which adds safety against a power cut;
:meth:`ProgressStore.fold` and :meth:`ProgressStore.close` fsync whatever is left
before going on, and an fsync that failed is raised by the next change, fold or close
(the store then refuses further changes). This is the trade-off of SQLite's WAL with
``synchronous=NORMAL``, but stricter: there the last commits may be lost to a power
cut until the next checkpoint, here only answers of the last moment (an fsync is a
fraction of a millisecond), and never to a crash of the app.

The journal is replayed on open, and folded (history, then snapshot, then emptied)
on close, and when it grows, in a thread of its own: the study screen never waits
for it (:mod:`~studyapp.core.store.folding`). A torn last line (the app died
mid-write) is dropped and reported. A damaged or newer-version file is moved aside and reported in
:attr:`ProgressStore.problems`, never overwritten; version 1 and 2 snapshots are
migrated (the original is kept beside, renamed). Temp files left by a crash are
removed at open. The folder is locked for the store's lifetime: a second instance
gets :class:`~studyapp.core.store.errors.ProgressLocked`, or opens read-only, never a
silent lost update.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any, Self

from studyapp.core.base.atomic import TEMP_SUFFIX, atomic_write, fsync_dir
from studyapp.core.base.clock import Clock, ensure_utc, system_clock
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.errors import (
    FolderReadOnly,
    ProgressError,
    ProgressLocked,
    ReadOnlyError,
    Severity,
    StoreProblem,
    unreadable,
)
from studyapp.core.store.folding import Folds, fold_header, write_fold
from studyapp.core.store.history import history_tail_seq, read_history
from studyapp.core.store.journal import CRC_PREFIX, encode_line, json_str
from studyapp.core.store.journal_sync import JournalSync, open_journal
from studyapp.core.store.layout import (
    DIGEST,
    FOLDING,
    HISTORY,
    JOURNAL,
    KEPT_STATS,
    LOCK,
    SNAPSHOT,
    aside_name,
)
from studyapp.core.store.lock import FolderLock, LockBusyError
from studyapp.core.store.records import JournalEntry, ReviewRecord, read_journal
from studyapp.core.store.snapshot import DamagedError
from studyapp.core.store.snapshot_decode import parse_snapshot
from studyapp.core.store.source import (
    FOLDS,
    FileStat,
    StatesSource,
    file_stat,
    journal_print,
    journals,
    note_fold,
    stat_before_fold,
)
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.statetable import StateTable

_UNWRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)

FOLD_AFTER = 1000
"""Fold the journal into the snapshot (in a thread) once it holds this many records."""
RECENT_WINDOW = timedelta(days=3)
"""How far back the snapshot keeps reviews in memory (for today's limits)."""


# (``.value`` and ``format(rating, "d")`` go through Python code in enum: a dict is faster)
_PHASE_VALUE: dict[Phase, str] = {p: p.value for p in Phase}
_RATING_TEXT: dict[Rating, str] = {r: str(int(r)) for r in Rating}


class ProgressStore:
    """A learner's progress: card states in memory, every change durable on disk.

    Open with :meth:`open` (or as a context manager); not thread-safe: one
    store, one thread (its own journal thread aside). Changes go through
    :meth:`record_review`, :meth:`record_undo` and :meth:`record_change`, each
    written to the journal on return (safe from a crash of the app; fsynced moments
    later, see the module docstring).
    """

    def __init__(
        self,
        folder: Path,
        *,
        read_only: bool,
        clock: Clock,
        fold_after: int,
        lock: FolderLock | None,
    ) -> None:
        self.folder = folder
        self.read_only = read_only
        self._clock = clock
        self._fold_after = fold_after
        self._lock = lock
        self._problems: list[StoreProblem] = []
        self._cards = StateTable()  # by columns: see statetable
        self._memo: dict[str, Any] = {}  # see CardStates.memo
        self._settings: dict[str, Any] = {}
        self._recent: list[ReviewRecord] = []
        self._pending: list[JournalEntry] = []
        self._journal_seq = 0
        self._next_seq = 1
        self._dirty = False
        self._journal_fd: int | None = None
        self._journal_sync: JournalSync | None = None
        self._folds = Folds(folder)
        self._closed = False
        self._journal_prints: list[tuple[str, int, int]] = []
        self._source: StatesSource | None = None
        self.snapshot_lost = False
        """Whether opening found the snapshot damaged (and set it aside): the card
        states only it held are to be rebuilt from the history (``core.repair``)."""

    # -- opening

    @classmethod
    def open(
        cls,
        folder: str | os.PathLike[str],
        *,
        read_only: bool = False,
        clock: Clock = system_clock,
        fold_after: int = FOLD_AFTER,
        claimed: FolderLock | None = None,
    ) -> ProgressStore:
        """Open (creating if needed) a progress folder.

        ``claimed``: the folder's lock, taken earlier by :meth:`claim` (the app takes it
        before its first frame and reads the states just after it); without it, the lock
        is taken here (unless ``read_only``). Should reading fail, a claimed lock stays
        held (its owner gives it back); a lock taken here is released.

        Raises:
            ProgressLocked: another instance holds the folder (unless ``read_only``);
                :class:`FolderReadOnly` if the folder cannot be written.
            ProgressError: a file of the folder cannot be read (a folder where a file
                should be, say), naming it and what to do.
        """
        path = Path(folder)
        lock = claimed if claimed is not None or read_only else cls.claim(path)
        store = cls(path, read_only=read_only, clock=clock, fold_after=fold_after, lock=lock)
        try:
            store._load()
        except BaseException as error:
            if claimed is not None:
                store._lock = None  # the claim is its owner's to release
            store._release()
            if isinstance(error, OSError):
                raise unreadable(path, error) from error
            raise
        return store

    @staticmethod
    def claim(folder: str | os.PathLike[str]) -> FolderLock:
        """Take a progress folder's lock (creating the folder if needed), reading nothing:
        to know at once whether this window may write, and open it later (:meth:`open`
        with ``claimed``; :meth:`FolderLock.release` if it is never opened).

        Raises:
            ProgressLocked: another instance holds the folder; :class:`FolderReadOnly`
                (one too: it opens read-only as well) if it cannot be written.
        """
        path = Path(folder)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            if error.errno in _UNWRITABLE and not path.exists():
                raise FolderReadOnly(path, error) from None
            raise
        lock = FolderLock(path / LOCK)
        try:
            lock.acquire()
        except LockBusyError:
            raise ProgressLocked(path) from None
        if lock.unwritable is not None:  # a read-only disk: no writer can be here
            lock.release()
            raise FolderReadOnly(path, lock.unwritable)
        return lock

    def _now(self) -> datetime:
        return ensure_utc(self._clock())

    def _report(
        self, path: Path, message: str, severity: Severity = "warning", moved: Path | None = None
    ) -> None:
        self._problems.append(StoreProblem(path, message, severity, moved))

    def _move_aside(self, path: Path, reason: str, message: str) -> None:
        if self.read_only:
            self._report(path, message + "; open it writable to set it aside", "error")
            return
        target = aside_name(path, reason, self._now())
        os.replace(path, target)
        fsync_dir(self.folder)
        self._report(
            path, message + "; it was moved aside and a fresh one started", "error", target
        )

    def _copy_aside(self, path: Path, reason: str, data: bytes, message: str) -> None:
        if self.read_only:
            self._report(path, message, "error")
            return
        target = aside_name(path, reason, self._now())
        atomic_write(target, data)
        self._report(path, message, "error", target)

    def _snapshot_identity(self) -> FileStat | None:
        return file_stat(self.folder / SNAPSHOT)

    def _load(self) -> None:
        self._memo.clear()
        if not self.read_only:
            self._clean_temp_files()
        for _ in range(5):
            before = self._snapshot_identity()
            # Tens of thousands of long-lived states: collecting while they are
            # built only rescans them (see gcpause).
            with paused_gc():
                self._load_snapshot()
                self._replay_journal()
            # A read-only view may race the owner folding (new snapshot, emptied
            # journal): if the snapshot changed while we read, read again.
            if not self.read_only or self._snapshot_identity() == before:
                self._source = StatesSource(before, tuple(self._journal_prints))
                break
            self._cards, self._recent, self._pending = StateTable(), [], []
            self._journal_prints = []
            self._folds.left = False
            self._problems.clear()
        if self.snapshot_lost:
            self._recent = self._recent_from_history()
        # Never reuse a number the history already has (e.g. after a damaged
        # snapshot was set aside): a fold would take new reviews for old ones.
        self._next_seq = max(self._next_seq, history_tail_seq(self.folder / HISTORY) + 1)
        if not self.read_only:
            self._journal_fd, self._journal_sync = open_journal(self.folder / JOURNAL)
            if self._dirty or self._folds.left or len(self._pending) >= self._fold_after:
                self.fold()

    def _recent_from_history(self) -> list[ReviewRecord]:
        """The reviews of the last few days, read back from the history and the journal
        after the snapshot that kept them was lost (or partly so).

        Today's daily limits are counted from them (``study.queue.day_counts``): without
        them a rebuilt store forgets what was answered today, and introduces the day's
        new cards a second time. Every answer reaches the history or the journal, imports
        included, so these are all of them. The history is read here once, on this rare
        path only: a normal start never reads it.
        """
        cutoff = self._now() - RECENT_WINDOW
        history = read_history(self.folder / HISTORY, list(self._pending))
        return sorted((r for r in history if r.at >= cutoff), key=lambda r: r.at)

    def _clean_temp_files(self) -> None:
        for stray in self.folder.glob(f".*{TEMP_SUFFIX}"):
            if stray.name.startswith(
                (
                    f".{SNAPSHOT}.",
                    f".{HISTORY}.",
                    f".{JOURNAL}.",
                    f".{DIGEST}.",
                    f".{KEPT_STATS}.",
                    f".{FOLDS}.",
                )
            ):
                with contextlib.suppress(OSError):
                    stray.unlink()
                    self._report(stray, "left over from an interrupted save; removed", "info")

    def _load_snapshot(self) -> None:
        path = self.folder / SNAPSHOT
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return
        # Parsed from the bytes: msgspec reads UTF-8 as it is (no text copy of 18 MB
        # at 200,000 cards), the general path decodes them as json.loads does. The rare
        # paths that keep a copy of the original keep these bytes.
        try:
            snap, bad, migrated = parse_snapshot(data)
        except DamagedError as damage:
            self._move_aside(path, damage.reason, str(damage))
            self.snapshot_lost = damage.reason == "damaged"
            for name in (JOURNAL, FOLDING):
                journal = self.folder / name
                if damage.reason.startswith("newer") and journal.exists():
                    self._move_aside(journal, damage.reason, "belongs to the newer progress file")
            return
        if bad:
            self._copy_aside(
                path,
                "damaged",
                data,
                f"{len(bad)} card state(s) could not be read and were left out "
                f"(first: {bad[0]}); the original file was kept",
            )
            self._dirty = True
            self.snapshot_lost = True  # the workspace rebuilds them from the history
        if migrated is not None:
            if not self.read_only:
                target = aside_name(path, f"v{migrated}", self._now())
                atomic_write(target, data)
                self._report(path, f"migrated from version {migrated}", "info", target)
            self._dirty = True
        self._cards = snap.cards
        self._settings = snap.settings
        self._recent = snap.recent
        self._journal_seq = snap.journal_seq
        self._next_seq = snap.journal_seq + 1

    def _replay_journal(self) -> None:
        last = self._journal_seq
        for path, raw in journals(self.folder):
            self._journal_prints.append(journal_print(path, raw))
            last = self._replay(path, raw, last)
            self._folds.left |= path.name == FOLDING
        self._next_seq = last + 1

    def _replay(self, path: Path, raw: bytes, last: int) -> int:
        """Apply a journal's records after seq ``last``; the seq of the last one applied."""
        read = read_journal(raw)
        entries, good_end, bad, torn_tail = read.entries, read.good_end, read.bad, read.torn_tail
        keep_bytes = read.keep_bytes
        if bad:
            self._copy_aside(
                path,
                "damaged",
                raw,
                f"{bad} damaged line(s) in the journal were skipped; the readable ones were kept",
            )
            self._dirty = True
        if torn_tail:
            self._report(
                path,
                "the last change was only partly written (studyapp was stopped while saving "
                "it) and was dropped; every saved answer before it is kept",
            )
            if not self.read_only:
                with open(path, "r+b") as handle:
                    handle.truncate(keep_bytes)
                    handle.flush()
                    os.fsync(handle.fileno())
        for _, entry in entries[:good_end]:
            if entry is None or entry.seq <= last:
                continue  # damaged, or already folded into the snapshot
            self._apply(entry)
            self._pending.append(entry)
            last = entry.seq
        return last

    # -- reading

    @property
    def problems(self) -> tuple[StoreProblem, ...]:
        """What was found (and done) while opening: show these to the learner."""
        return tuple(self._problems)

    @property
    def source(self) -> StatesSource | None:
        """What a read-only view's states were read from (see ``store.source``); None
        for a store that writes (its states move on with every answer)."""
        return self._source if self.read_only else None

    @property
    def states(self) -> CardStates:
        """Every known card state, including cards no longer in any deck (read-only view)."""
        return CardStates(self)

    def get(self, card_id: str) -> CardState:
        """The state of a card; a fresh new state if it was never seen."""
        state = self._cards.get(card_id)
        return state if state is not None else CardState(card_id)

    @property
    def settings(self) -> Mapping[str, Any]:
        """The stored settings (JSON data; ``settings.StudySettings`` reads them)."""
        return MappingProxyType(self._settings)

    def recent_reviews(self) -> tuple[ReviewRecord, ...]:
        """Reviews of the last few days, in order (for today's counts and limits)."""
        return tuple(self._recent)

    @property
    def next_seq(self) -> int:
        """The number the next journal record gets (an import numbers its own before it)."""
        return self._next_seq

    def note_imported(self, next_seq: int, reviews: Sequence[ReviewRecord]) -> None:
        """Records numbered up to ``next_seq - 1`` were written to the history by an
        import (:mod:`.bulk`): number the next ones after them, and count ``reviews``
        among the recent answers (today's counts and limits)."""
        self._next_seq = max(self._next_seq, next_seq)
        if reviews:
            self._recent = sorted([*self._recent, *reviews], key=lambda r: r.at)

    @property
    def pending(self) -> int:
        """Journal records not yet folded into the snapshot (once a fold under way is over)."""
        self._finish_fold()
        return len(self._pending)

    def history(self) -> Iterator[ReviewRecord]:
        """Every review ever made, oldest first, undone ones left out.

        Reads ``history.jsonl`` from disk (lazily, for statistics) then the
        journal records not folded yet. Damaged lines are skipped.
        """
        return read_history(self.folder / HISTORY, list(self._pending))

    def unfolded(self) -> tuple[list[ReviewRecord], set[int]]:
        """The journal's part of the history, copied at once (readers in another thread
        use it while answers go on): the reviews not folded yet, oldest first, with
        those later folded or undone still in, and the seqs its undo records undo.

        ``history()`` is the history file's reviews, then these, less the undone
        ones and those the file already holds (seq at most the file's last one).
        """
        pending = list(self._pending)
        reviews = [e.review for e in pending if e.review is not None]
        return reviews, {e.undoes for e in pending if e.kind == "undo" and e.undoes is not None}

    # -- writing

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(f"{self.folder} was opened read-only")
        if self._closed:
            raise ProgressError("the progress store is closed")

    def _append(
        self, record: dict[str, Any], review: Callable[[int], ReviewRecord] | None = None
    ) -> JournalEntry:
        """Write ``record`` to the journal (fsynced moments later), then apply it in memory.

        The in-memory state is read back from the record's serialised state, as a
        restart would read it, so what is shown is exactly what is on disk.
        ``review`` builds the answer's history record from its seq (answers only).
        """
        self._check_writable()
        seq = record["seq"] = self._next_seq
        state = CardState.from_dict(record["card"], record["state"])
        if review is not None:
            entry = JournalEntry(seq, "review", state, review=review(seq))
        elif record["type"] == "undo":
            entry = JournalEntry(seq, "undo", state, undoes=record["undoes"])
        else:
            entry = JournalEntry(seq, "set", state)
        self._write(encode_line(record))
        return self._applied(entry)

    def _write(self, data: bytes) -> None:
        """Append a line to the journal: in the kernel's hands (safe from a crash of
        the app) on return; fsynced by the journal's thread moments later."""
        sync = self._journal_sync
        assert sync is not None
        sync.write(data)

    def _applied(self, entry: JournalEntry) -> JournalEntry:
        self._next_seq += 1
        self._apply(entry)
        self._pending.append(entry)
        job = self._folds.job
        if job is not None and job.done:
            self._finish_fold()
        if len(self._pending) - self._folds.count >= self._fold_after:
            self._fold_in_background()
        return entry

    def _apply(self, entry: JournalEntry) -> None:
        self._memo.clear()
        self._cards[entry.state.card_id] = entry.state
        if entry.review is not None:
            self._recent.append(entry.review)
        elif entry.undoes is not None:
            self._recent = [r for r in self._recent if r.seq != entry.undoes]

    def record_review(
        self,
        previous: CardState,
        new: CardState,
        rating: Rating,
        at: datetime,
        took: timedelta | None = None,
    ) -> ReviewRecord:
        """Save an answer before returning (safe from a crash of the app at once, from a
        power cut once fsynced, moments later); returns its record."""
        self._check_writable()
        interval = new.interval if new.phase is Phase.REVIEW else None
        at = ensure_utc(at)
        rating = rating if type(rating) is Rating else Rating(int(rating))
        took_ms = None if took is None else max(0, round(took.total_seconds() * 1000))
        phase = previous.phase
        state_json = new.to_json()
        if state_json is not None:
            # The usual case, as fast as it goes: the line written by hand (byte for
            # byte what encode_line(record) would give; a test holds it to that), and
            # the state kept as is (it reads back equal: see CardState.to_json).
            seq = self._next_seq
            body = (
                f'{{"type":"review","card":{json_str(new.card_id)},"at":"{at.isoformat()}",'
                f'"rating":{_RATING_TEXT[rating]},"phase":"{_PHASE_VALUE[phase]}",'
                f'"state":{state_json}'
            )
            if took_ms is not None:
                body += f',"ms":{took_ms:d}'
            if interval is not None:
                body += f',"ivl":{interval:d}'
            line = f'{body},"seq":{seq:d}}}'.encode()
            review = ReviewRecord(seq, new.card_id, at, rating, phase, took_ms, interval)
            self._write(line[:-1] + b'%s%08x"}\n' % (CRC_PREFIX, zlib.crc32(line)))
            self._applied(JournalEntry(seq, "review", new, review=review))
            return review
        record: dict[str, Any] = {
            "type": "review",
            "card": new.card_id,
            "at": at.isoformat(),
            "rating": int(rating),
            "phase": previous.phase.value,
            "state": new.to_dict(),
        }
        if took_ms is not None:
            record["ms"] = took_ms
        if interval is not None:
            record["ivl"] = interval

        def make_review(seq: int) -> ReviewRecord:
            # what ReviewRecord.from_dict(record) gives, without parsing it back
            return ReviewRecord(seq, new.card_id, at, rating, phase, took_ms, interval)

        entry = self._append(record, make_review)
        assert entry.review is not None
        return entry.review

    def record_undo(self, review_seq: int, restored: CardState, at: datetime) -> int:
        """Undo a change, saved as an answer is: the card goes back to ``restored``; its seq."""
        record = {
            "type": "undo",
            "card": restored.card_id,
            "at": ensure_utc(at).isoformat(),
            "undoes": review_seq,
            "state": restored.to_dict(),
        }
        return self._append(record).seq

    def record_change(self, state: CardState, at: datetime, reason: str) -> int:
        """Save a change that is not an answer (suspend, bury, leech...), as an answer is."""
        record = {
            "type": "set",
            "card": state.card_id,
            "at": ensure_utc(at).isoformat(),
            "reason": reason,
            "state": state.to_dict(),
        }
        return self._append(record).seq

    def set_settings(self, settings: Mapping[str, Any]) -> None:
        """Replace the stored settings (written at once, atomically)."""
        self._check_writable()
        json.dumps(settings)  # refuse what JSON cannot hold, before touching anything
        self._settings = dict(settings)
        self._dirty = True
        self.fold()

    def restore_states(self, states: Mapping[str, CardState]) -> None:
        """Put back card states rebuilt from the history, saved at once (a fold):
        if the app dies first, they can be rebuilt again from the same history."""
        self._check_writable()
        self._cards.update(states)
        self._memo.clear()
        self._dirty = True
        self.fold()

    # -- folding

    def fold(self) -> None:
        """Fold the journal into the snapshot here and now (after any fold under way):
        history first, then snapshot, then empty journal. Each step is durable before
        the next, and each is safe to repeat, so a crash at any point loses nothing."""
        self._check_writable()
        self._finish_fold()
        if self._journal_sync is not None:
            self._journal_sync.sync()  # what is folded is durable in the journal first
        idle = not (self._pending or self._dirty or self._folds.left)
        if idle and (self.folder / SNAPSHOT).exists():
            return
        last_seq = self._pending[-1].seq if self._pending else self._journal_seq
        self._recent = self._recent_kept()
        header = fold_header(self._now(), last_seq, self._settings, self._recent)
        before = stat_before_fold(self.folder / SNAPSHOT)
        write_fold(self.folder, self._pending, header, self._cards)
        if not self._dirty:  # a restore, migration or repair is no journal's states
            note_fold(self.folder, before, self._pending, last_seq)  # never raises
        if self._folds.left:  # its records were in _pending: folded now
            self._folds.drop_handed_over()
        self._journal_seq = last_seq
        self._pending.clear()
        self._dirty = False
        if self._journal_fd is not None:
            os.ftruncate(self._journal_fd, 0)
            os.fsync(self._journal_fd)

    def _recent_kept(self) -> list[ReviewRecord]:
        cutoff = self._now() - RECENT_WINDOW
        return [r for r in self._recent if r.at >= cutoff]

    def _fold_in_background(self) -> None:
        """Fold the journal so far in a thread (see ``folding``). Here: a rename, a new
        journal, a copy of the card states; never the writing of 5 to 20 MB."""
        if self._folds.job is not None:
            self._finish_fold()  # still under way 1,000 answers later: a very slow disk
            if len(self._pending) < self._fold_after:
                return
        if self._folds.left or self._dirty:
            self.fold()  # a handed-over journal is left (a fold failed): do it all here
            return
        assert self._journal_fd is not None and self._journal_sync is not None
        self._recent = self._recent_kept()
        self._journal_fd, self._journal_sync = self._folds.hand_over(
            (self._journal_fd, self._journal_sync),
            lambda: open_journal(self.folder / JOURNAL, durable=False),  # fsynced by the job
            list(self._pending),
            (self._now(), dict(self._settings), list(self._recent)),
            self._cards.copy(),  # the rows shared, the states set since copied
        )

    def _finish_fold(self) -> None:
        last_seq = self._folds.finish(self._pending, self._journal_sync)
        if last_seq is not None:
            self._journal_seq = last_seq

    # -- closing

    def _release(self) -> None:
        self._folds.wait()  # its files are written before the lock goes
        if self._journal_sync is not None:
            # the thread ends (joined) before its descriptor is closed below
            with contextlib.suppress(ProgressError):
                self._journal_sync.stop()
            self._journal_sync = None
        if self._journal_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._journal_fd)
            self._journal_fd = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self._closed = True

    def close(self, *, fold: bool = True) -> None:
        """Fold the journal (unless ``fold=False``) and release the lock. Idempotent."""
        if self._closed:
            return
        try:
            self._finish_fold()
            if fold and not self.read_only:
                # A fold that fails (a full disk) loses nothing: the journal was fsynced
                # before it began, and each of its steps is safe to repeat at next open.
                with contextlib.suppress(OSError):
                    self.fold()
            if self._journal_sync is not None:
                self._journal_sync.stop()  # the last fsync; raises one that failed
        finally:
            self._release()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
