"""The progress folder's integrity check (``studyapp progress``): read-only, like Anki's
Check Database without the repairs.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from msgspec import Struct

from studyapp.core.store.errors import StoreProblem
from studyapp.core.store.journal import verify_line
from studyapp.core.store.layout import HISTORY, LOCK, SNAPSHOT
from studyapp.core.store.lock import FolderLock, LockBusyError
from studyapp.core.store.state import Phase
from studyapp.core.store.store import ProgressStore


class FolderReport(Struct, frozen=True):
    """What ``studyapp progress`` shows: where things are, how many, and what is wrong."""

    folder: Path
    files: Mapping[str, int]
    """File name -> size in bytes, for the files of the folder."""
    cards: int
    cards_by_phase: Mapping[str, int]
    suspended: int
    leeches: int
    pending: int
    """Journal records not yet folded into the snapshot."""
    reviews: int
    """Reviews in the history (undone ones left out)."""
    bad_history_lines: int
    problems: tuple[StoreProblem, ...]
    """What opening found, plus any inconsistent card states."""
    locked: bool
    """Whether another studyapp holds the folder right now."""

    @property
    def ok(self) -> bool:
        return self.bad_history_lines == 0 and not any(p.severity == "error" for p in self.problems)


def check_folder(folder: str | os.PathLike[str]) -> FolderReport:
    """Check a progress folder without changing anything (Anki's Check Database, read-only).

    Reads every file, counts what is there, and lists problems: damaged files,
    torn journal lines, unreadable history lines, and card states that do not
    make sense (e.g. a review card without a due date).
    """
    path = Path(folder)
    locked = False
    if path.exists():
        probe = FolderLock(path / LOCK)
        try:
            probe.acquire()
            probe.release()
        except LockBusyError:
            locked = True
    with ProgressStore.open(path, read_only=True) as store:
        problems = list(store.problems)
        phases = Counter(state.phase.value for state in store.states.values())
        for state in store.states.values():
            if state.phase is not Phase.NEW and (state.due is None or state.last_review is None):
                problems.append(
                    StoreProblem(path / SNAPSHOT, f"card {state.card_id} has no due date", "error")
                )
        bad_lines = 0
        history = path / HISTORY
        if history.exists():
            with open(history, "rb") as handle:
                bad_lines = sum(1 for line in handle if line.strip() and not verify_line(line))
        report = FolderReport(
            folder=path,
            files={p.name: p.stat().st_size for p in sorted(path.iterdir()) if p.is_file()}
            if path.exists()
            else {},
            cards=len(store.states),
            cards_by_phase=dict(phases),
            suspended=sum(1 for s in store.states.values() if s.suspended),
            leeches=sum(1 for s in store.states.values() if s.leech),
            pending=store.pending,
            reviews=sum(1 for _ in store.history()),
            bad_history_lines=bad_lines,
            problems=tuple(problems),
            locked=locked,
        )
    return report
