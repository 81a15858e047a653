"""The review history of a progress folder, with what the learner undid.

``ProgressStore.history()`` already leaves undone answers out; the fit reports how many
there were, so the undo records are counted too: those folded into the history file
and those still in the journal. :func:`stored_history` takes what it needs from the
store at once (in the thread that owns it: a copy of the journal's part); reading the
files is left to whoever iterates, a worker thread in the app.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from studyapp.core.store.history import undone_in
from studyapp.core.store.layout import HISTORY
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.store import ProgressStore

__all__ = ["StoredHistory", "stored_history"]


class StoredHistory(NamedTuple):
    reviews: Iterator[ReviewRecord]
    """Every answer kept, oldest first (the file is read as this is iterated)."""
    history_file: Path
    pending_undos: frozenset[int]

    def undone(self) -> frozenset[int]:
        """The seqs of the answers the learner undid (reads the history file)."""
        return frozenset(undone_in(self.history_file)) | self.pending_undos


def stored_history(store: ProgressStore) -> StoredHistory:
    """The store's history for a fit. Cheap: call it where the store lives, iterate
    ``reviews`` and call ``undone()`` anywhere (a fold meanwhile is taken care of)."""
    _, pending_undos = store.unfolded()
    return StoredHistory(store.history(), store.folder / HISTORY, frozenset(pending_undos))
