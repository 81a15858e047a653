"""A learner's progress into the Anki package ``write_anki`` made: schedules and review log.

The companion of :mod:`~studyapp.core.authoring.export.anki` (it reads the note GUIDs
that module gives), not a format of its own.

genanki writes notes and new cards only. With progress, each card of the deck also
carries its schedule as Anki keeps it (type, queue, due, interval, ease, reps,
lapses, learning steps left, suspended or buried) and its FSRS memory (``s``, ``d``
and the last review time in the card's data), and every answer of the history
becomes a review-log row: Anki then shows the same due dates, and its FSRS (or
``studyapp import`` of the package) rebuilds the same memory from the log.

Day numbers count from the collection's creation day, so the package's ``crt`` is
set to a study-day start (the rollover hour, local time) and its ``creationOffset``
and ``rollover`` to the learner's, as a collection made on the learner's machine
would have them. The package is rewritten atomically; on an error it is left as
genanki wrote it.

Hook (not wired here: the ``export`` command is another module's): after
``write_anki(deck, target)``, ``add_progress(target, deck, store.states,
store.history(), now=now)`` when the learner asks for progress in the export.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from msgspec import Struct

from studyapp.core.authoring.export.anki import ExportError, note_guids
from studyapp.core.base.clock import ensure_utc
from studyapp.core.decks.model import Deck
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase
from studyapp.core.study.queue import day_start, study_day
from studyapp.core.study.settings import StudySettings

__all__ = ["ProgressExport", "add_progress", "anki_card_of"]

_ORD = {"when": 0, "who": 0, "what": 1, "reverse": 1}
_TYPE = {Phase.NEW: 0, Phase.LEARNING: 1, Phase.REVIEW: 2, Phase.RELEARNING: 3}
_REVLOG_TYPE = {Phase.NEW: 0, Phase.LEARNING: 0, Phase.REVIEW: 1, Phase.RELEARNING: 2}
_ANCHOR = date(2014, 9, 19)
"""The creation day of every package genanki writes (its ``crt``): day number 0."""


class ProgressExport(Struct):
    cards: int
    """Cards given a schedule."""
    reviews: int
    """Review-log rows written."""


def anki_card_of(card_id: str) -> tuple[str, str, int] | None:
    """(deck id, entry id, template ord) of one of our card ids in the package genanki
    wrote: date "what", quote "what" and qa "reverse" are the second template, blank
    ``k`` is ``ck``."""
    parts = card_id.split("/")
    if len(parts) != 3:
        return None
    deck_id, entry_id, variant = parts
    if variant.startswith("blank-") and variant[6:].isdigit():
        return deck_id, entry_id, int(variant[6:]) - 1
    return deck_id, entry_id, _ORD.get(variant, 0)


def _crt(day_starts_at: int, tz: tzinfo | None) -> tuple[int, int]:
    """``crt`` (seconds) and ``creationOffset`` (minutes west) for day 0 = :data:`_ANCHOR`."""
    start = day_start(_ANCHOR, day_starts_at, tz)
    offset = start.astimezone(tz).utcoffset() or timedelta(0)
    return int(start.timestamp()), -int(offset.total_seconds() // 60)


def _schedule(
    state: CardState, settings: StudySettings, deck_id: str, today: date, tz: tzinfo | None
) -> tuple[int, int, int, int, int, int, int, int, str]:
    """type, queue, due, ivl, factor, reps, lapses, left, data of one card."""
    kind = _TYPE[state.phase]
    queue = kind
    due = 0
    rollover = settings.queue.day_starts_at
    if state.phase is Phase.REVIEW and state.due is not None:
        due = (study_day(state.due, rollover, tz) - _ANCHOR).days
    elif state.phase is not Phase.NEW and state.due is not None:
        due, queue = int(state.due.timestamp()), 1
    left = 0
    if state.phase in (Phase.LEARNING, Phase.RELEARNING):
        scheduler = settings.for_deck(deck_id).scheduler
        steps = (
            scheduler.learning_steps
            if state.phase is Phase.LEARNING
            else scheduler.relearning_steps
        )
        remaining = max(len(steps) - (state.step or 0), 1)
        left = remaining * 1000 + remaining
    if state.suspended:
        queue = -1
    elif state.buried_until is not None and state.buried_until >= today:
        queue = -3
    data: dict[str, float | int] = {}
    if state.stability is not None and state.difficulty is not None:
        data |= {"s": round(state.stability, 4), "d": round(state.difficulty, 3)}
        data["dr"] = settings.for_deck(deck_id).scheduler.desired_retention
    if state.last_review is not None:
        data["lrt"] = int(state.last_review.timestamp())
    factor = round(state.ease * 1000) if state.ease else 2500
    ivl = state.interval if state.phase in (Phase.REVIEW, Phase.RELEARNING) else 0
    text = json.dumps(data, separators=(",", ":")) if data else ""
    return kind, queue, due, ivl, factor, state.reps, state.lapses, left, text


def add_progress(
    package: Path,
    deck: Deck,
    states: Mapping[str, CardState],
    reviews: Iterable[ReviewRecord],
    *,
    now: datetime,
    settings: StudySettings | None = None,
    tz: tzinfo | None = None,
) -> ProgressExport:
    """Give the cards of ``deck`` in ``package`` (as ``write_anki`` wrote it) their
    schedules from ``states`` and their answers from ``reviews``; rewrite it in place.

    Raises:
        ExportError: the package cannot be read or written.
    """
    settings = settings or StudySettings()
    folder = Path(tempfile.mkdtemp(prefix="studyapp-export-"))
    try:
        try:
            with zipfile.ZipFile(package) as archive:
                members = {name: archive.read(name) for name in archive.namelist()}
        except (OSError, zipfile.BadZipFile) as exc:
            raise ExportError(f"{package}: cannot read the package: {exc}") from None
        db_path = folder / "collection.anki2"
        db_path.write_bytes(members["collection.anki2"])
        db = sqlite3.connect(db_path)
        try:
            result = _fill(db, deck, states, reviews, settings, ensure_utc(now), tz)
            db.commit()
        finally:
            db.close()
        members["collection.anki2"] = db_path.read_bytes()
        fd, temp = tempfile.mkstemp(dir=package.parent, prefix=f".{package.name}.", suffix=".tmp")
        os.close(fd)
        try:
            with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, data in members.items():
                    archive.writestr(name, data)
            os.chmod(temp, package.stat().st_mode & 0o7777)
            os.replace(temp, package)
        except OSError as exc:
            raise ExportError(f"{package}: cannot write: {exc.strerror or exc}") from None
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _fill(
    db: sqlite3.Connection,
    deck: Deck,
    states: Mapping[str, CardState],
    reviews: Iterable[ReviewRecord],
    settings: StudySettings,
    now: datetime,
    tz: tzinfo | None,
) -> ProgressExport:
    rollover = settings.queue.day_starts_at
    today = study_day(now, rollover, tz)
    crt, offset = _crt(rollover, tz)
    conf = json.loads(db.execute("SELECT conf FROM col").fetchone()[0])
    conf |= {"creationOffset": offset, "rollover": rollover, "schedVer": 2}
    db.execute("UPDATE col SET crt = ?, conf = ?", (crt, json.dumps(conf)))
    ids = [entry.id for entry in deck.entries]
    guids = dict(zip(note_guids(deck.id, ids), ids, strict=True))
    cids: dict[str, int] = {}
    for cid, guid, ord_ in db.execute(
        "SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON c.nid = n.id"
    ):
        entry_id = guids.get(guid)
        if entry_id is not None:
            cids[f"{entry_id}#{ord_}"] = cid
    ours: dict[str, int] = {}
    for card_id in states:
        where = anki_card_of(card_id)
        if where is not None and where[0] == deck.id:
            cid = cids.get(f"{where[1]}#{where[2]}")
            if cid is not None:
                ours[card_id] = cid
    cards = 0
    now_secs = int(now.timestamp())
    for card_id, cid in ours.items():
        state = states[card_id]
        row = _schedule(state, settings, deck.id, today, tz)
        db.execute(
            "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, "
            "lapses = ?, left = ?, data = ?, mod = ?, usn = -1 WHERE id = ?",
            (*row, now_secs, cid),
        )
        cards += 1
    taken: set[int] = set(r[0] for r in db.execute("SELECT id FROM revlog"))
    last_ivl: dict[int, int] = {}
    rows: list[tuple[int, ...]] = []
    for review in reviews:
        cid = ours.get(review.card_id)
        if cid is None:
            continue
        rid = int(review.at.timestamp() * 1000)
        while rid in taken:
            rid += 1
        taken.add(rid)
        ivl = review.interval or 0
        rows.append(
            (
                rid,
                cid,
                -1,
                int(review.rating),
                ivl,
                last_ivl.get(cid, 0),
                2500,
                review.took_ms or 0,
                _REVLOG_TYPE[review.phase],
            )
        )
        if ivl:
            last_ivl[cid] = ivl
    db.executemany("INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return ProgressExport(cards, len(rows))
