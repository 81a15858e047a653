"""The progress folder: one per learner, its files by name, and how one set aside is named.

``progress.json`` (:data:`SNAPSHOT`)
    Every card state and the settings as of the last fold
    (:mod:`~studyapp.core.store.snapshot`).
``reviews.jsonl`` (:data:`JOURNAL`)
    Every change since, a line each (:mod:`~studyapp.core.store.journal`), replayed on
    open and emptied by a fold.
``history.jsonl`` (:data:`HISTORY`)
    Every review ever made, appended at each fold (:mod:`~studyapp.core.store.history`).
``history.digest.json`` (:data:`DIGEST`)
    What statistics need from the history, in aggregate (a cache).
``stats.kept`` (:data:`KEPT_STATS`)
    What ``studyapp stats`` counted from every card, kept for its next run (a cache:
    :mod:`studyapp.core.stats.kept`).
``stats.folds`` (``source.FOLDS``)
    The last four folds' notes (old and new snapshot, the states folded), written after
    each fold so that ``stats.kept`` can follow a new snapshot (a cache).
``progress.lock`` (:data:`LOCK`)
    Held (:mod:`~studyapp.core.store.lock`) for the store's lifetime.

A damaged or newer-version file is never overwritten: it is moved aside under the
name :func:`aside_name` gives (a reason and a timestamp appended).

Every file is the learner's alone (:data:`FILE_MODE`): what they studied, when and how
well is nobody else's to read on a shared machine.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from studyapp.core.base.clock import ensure_utc

SNAPSHOT = "progress.json"
JOURNAL = "reviews.jsonl"
FOLDING = "reviews.folding.jsonl"
"""The journal handed over to a fold under way (or left by one that did not finish)."""
HISTORY = "history.jsonl"
DIGEST = "history.digest.json"
"""A cache of what statistics need from the history (see ``history_digest``)."""
KEPT_STATS = "stats.kept"
"""A cache of the figures ``studyapp stats`` counts from every card (see ``stats.kept``)."""
LOCK = "progress.lock"

FILE_MODE = 0o600
"""The permissions of a file the store creates: owner only, as ``progress.json`` has
(``atomic_write``'s temp file, renamed), not the 0o644 a usual umask gives."""


def _stamp(moment: datetime) -> str:
    return ensure_utc(moment).strftime("%Y%m%dT%H%M%SZ")


def aside_name(path: Path, reason: str, moment: datetime) -> Path:
    base = path.with_name(f"{path.name}.{reason}-{_stamp(moment)}")
    candidate, n = base, 1
    while candidate.exists():
        candidate = base.with_name(f"{base.name}-{n}")
        n += 1
    return candidate
