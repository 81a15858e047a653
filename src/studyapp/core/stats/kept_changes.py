"""Which card states changed since ``stats.kept`` was written, and what they are now,
without reading the snapshot.

Two ways a learner's study moves the states on:

* answers appended to the journal (the snapshot the same file): each journal kept is
  still there, the same bytes up to the length kept (its CRC) and only the last one
  longer; the records after are replayed as the store replays them;
* folds (a new snapshot, the journal emptied): the store notes each fold
  (``source.note_fold``: the snapshot it replaced, the one it wrote, each state it
  set), and the notes must chain from the kept snapshot to the one on disk, their
  states covering every card the kept journal had changed; the journal on disk is
  then replayed over the last note's states.

Anything else (a journal shortened or rewritten, a damaged line, a fold not noted)
gives None: the caller counts everything.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

from msgspec import Struct

from studyapp.core.store.layout import SNAPSHOT
from studyapp.core.store.records import ReviewRecord, read_journal
from studyapp.core.store.source import StatesSource, ends_crc, read_folds
from studyapp.core.store.state import CardState


class Changes(Struct):
    """The states set since (by card, in order), and the journal's part of the history."""

    states: dict[str, CardState]
    reviews: list[ReviewRecord]
    undone: set[int]
    last_seq: int
    """The seq the next journal record is replayed after."""
    journal_cards: list[str]
    """Every card the journals on disk changed (what a later fold must cover)."""


def _replay(
    raws: Sequence[bytes], changes: Changes, touched: dict[str, None], *, strict: bool = False
) -> bool:
    """Apply the journal records in ``raws`` as ``ProgressStore._replay`` does (after
    ``changes.last_seq``, in order); False on a damaged line (counted again instead),
    or if ``strict`` (``last_seq`` is only a bound) on a record it would skip."""
    last = changes.last_seq
    for raw in raws:
        read = read_journal(raw)
        if read.bad:
            return False
        for _, entry in read.entries[: read.good_end]:
            if entry is None or entry.seq <= last:
                if strict:
                    return False
                continue
            card_id = entry.state.card_id
            changes.states.pop(card_id, None)  # kept in the order last set
            changes.states[card_id] = entry.state
            touched[card_id] = None
            if entry.review is not None:
                changes.reviews.append(entry.review)
            elif entry.kind == "undo" and entry.undoes is not None:
                changes.undone.add(entry.undoes)
            last = entry.seq
    changes.last_seq = last
    return True


def _appended(
    kept: StatesSource, now: StatesSource, found: Sequence[tuple[Path, bytes]]
) -> list[bytes] | None:
    """What was appended to the last journal since ``kept`` (the others the same), or
    None if the journals are not the kept ones grown so."""
    if len(kept.journals) != len(now.journals) or len(found) != len(now.journals):
        return None
    added: list[bytes] = []
    for i, ((name, size, crc), (path, raw)) in enumerate(zip(kept.journals, found, strict=True)):
        last = i == len(found) - 1
        if path.name != name or len(raw) < size or (len(raw) != size and not last):
            return None
        if zlib.crc32(raw[:size]) != crc or (size and raw[size - 1] != ord("\n")):
            return None
        added.append(raw[size:])
    return added


def changes_since(
    folder: Path,
    kept: StatesSource,
    last_seq: int,
    journal_cards: Sequence[str],
    now: StatesSource,
    found: Sequence[tuple[Path, bytes]],
) -> Changes | None:
    """The states changed from ``kept`` (whose journals were replayed up to ``last_seq``
    and changed ``journal_cards``) to ``now`` (its journals' bytes: ``found``), with the
    journals' part of the history now (reviews, undone: those kept are the caller's to
    add when the journal only grew, see :attr:`Changes.journal_cards`); None if unknown."""
    touched: dict[str, None] = {}
    if kept.snapshot == now.snapshot:
        added = _appended(kept, now, found)
        if added is None:
            return None
        changes = Changes({}, [], set(), last_seq, [])
        touched.update(dict.fromkeys(journal_cards))
        if not _replay(added, changes, touched, strict=True):
            return None
        changes.journal_cards = list(touched)
        return changes
    notes = read_folds(folder)
    start = next((i for i, n in enumerate(notes) if n.before == kept.snapshot), None)
    if start is None or now.snapshot is None:
        return None
    states: dict[str, CardState] = {}
    at = kept.snapshot
    for note in notes[start:]:
        if note.before != at:
            return None
        try:
            for card_id, data in note.states:
                states.pop(card_id, None)
                states[card_id] = CardState.from_dict(card_id, data)
        except ValueError:
            return None
        at = note.after
        if at == now.snapshot:
            break
    if at != now.snapshot or not set(journal_cards) <= states.keys():
        return None  # not every fold noted, or the kept journal not all folded
    if ends_crc(folder / SNAPSHOT) != note.ends:
        return None  # the same stat, other bytes: written again in the same tick
    changes = Changes(states, [], set(), note.last_seq, [])
    if not _replay([raw for _, raw in found], changes, touched):
        return None
    changes.journal_cards = list(touched)
    return changes
