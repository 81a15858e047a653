"""Anki's review log and card schedules as studyapp progress.

Every answer of the review log (grade 1-4) becomes a history record of the card it
is tied to, with its time, grade, time taken and interval; the phase it was answered
in comes from the log's type (the first learning answer, or the first after a reset,
is the card's "new" answer). Entries that are not answers (a reschedule, a reset, a
preview in a filtered deck that does not reschedule) are counted and left out, as
Anki's FSRS leaves them out. Answers the progress folder already holds (the same
package imported again) are not added twice.

Each card's state: its FSRS memory rebuilt from its answers
(:mod:`~studyapp.core.authoring.anki.memory`), and everything else as Anki has it:
phase, due date (Anki's day numbers count from the day the collection was made),
interval, reps, lapses, the learning step, suspended and buried. A card whose log
starts in the middle of its life (Anki's history was trimmed, or it came from
another program) takes the memory state Anki stored for it, if any; otherwise the
scheduler estimates one from the interval, as for a card reviewed under SM-2.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from msgspec import Struct

from studyapp.core.authoring.anki.collection import AnkiCard, Collection
from studyapp.core.authoring.anki.memory import Memory, MemoryReplay
from studyapp.core.authoring.anki.package import package_problem
from studyapp.core.base.clock import ensure_utc
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.jsonread import loads_limited
from studyapp.core.store.bulk import BulkHistory
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.study.queue import day_start, study_day
from studyapp.core.study.settings import StudySettings

__all__ = ["ProgressReport", "import_progress"]

_TYPE_PHASE = {0: Phase.LEARNING, 1: Phase.REVIEW, 2: Phase.RELEARNING, 3: Phase.REVIEW}
_CARD_PHASE = {1: Phase.LEARNING, 2: Phase.REVIEW, 3: Phase.RELEARNING}
_RATINGS = {int(r): r for r in Rating}
_MANUAL, _FILTERED, _LEARN = 4, 3, 0
_FIRST_MS, _LAST_MS = 946_684_800_000, 7_258_118_400_000
"""Answers dated outside 2000-2200 are damage, not history."""
_EPOCH_SECONDS = 1_000_000_000
"""A ``due`` above this is a time in seconds (a learning card), not a day number."""


class ProgressReport(Struct):
    """What the review log became, for the summary."""

    answers: int = 0
    """History records written."""
    already: int = 0
    """Answers the progress folder held already (an earlier import)."""
    not_answers: int = 0
    """Reschedules, resets and previews: not answers, left out."""
    other_cards: int = 0
    """Answers of Anki cards no entry asks (extra templates): left out."""
    cards: int = 0
    suspended: int = 0
    buried: int = 0
    partial: int = 0
    """Cards whose log starts mid-way (memory from Anki's stored state or estimated)."""
    kept: int = 0
    """Cards studied here since their last Anki answer: their state here is kept."""
    bad_dates: int = 0

    def lines(self) -> list[str]:
        out = [
            f"review history: {self.answers:,} answer(s) imported for {self.cards:,} card(s)"
            f" ({self.suspended:,} suspended, {self.buried:,} buried)"
        ]
        if self.already:
            out.append(f"  {self.already:,} answer(s) were imported before: not added again")
        if self.not_answers:
            out.append(
                f"  {self.not_answers:,} log entries are not answers (reschedules, resets, "
                "previews): left out, as Anki's FSRS leaves them out"
            )
        if self.other_cards:
            out.append(f"  {self.other_cards:,} answer(s) of cards with no entry here: left out")
        if self.partial:
            out.append(
                f"  {self.partial:,} card(s) have a history that starts mid-way: their memory "
                "state is Anki's stored one, or estimated from the interval"
            )
        if self.kept:
            out.append(
                f"  {self.kept:,} card(s) were studied here after their last Anki answer: "
                "kept as they are here"
            )
        if self.bad_dates:
            out.append(
                f"  {self.bad_dates:,} card(s) or answer(s) with impossible dates were left out"
            )
        return out


def _anchor(collection: Collection, tz: tzinfo | None) -> date:
    """The calendar day Anki's day number 0 stands for: the day the collection was made."""
    try:
        if collection.creation_offset is not None:
            zone: tzinfo = timezone(timedelta(minutes=-collection.creation_offset))
            return datetime.fromtimestamp(collection.crt, zone).date()
        return datetime.fromtimestamp(collection.crt, UTC).astimezone(tz).date()
    except (OverflowError, ValueError, OSError):
        raise package_problem(
            collection.display, "the collection's creation date is damaged"
        ) from None


def _stored_memory(card: AnkiCard) -> tuple[float | None, float | None]:
    """The memory state Anki stored in the card's data, if any."""
    if '"s"' not in card.data:
        return None, None
    try:
        data = loads_limited(card.data)
        s, d = data.get("s"), data.get("d")
    except (ValueError, AttributeError, RecursionError):
        return None, None
    ok = all(isinstance(v, int | float) and 0 < v < 1e7 for v in (s, d))
    return (float(s), float(d)) if ok else (None, None)


class _Days:
    """Anki's day numbers and our study days, for one import."""

    def __init__(self, anchor: date, day_starts_at: int, tz: tzinfo | None) -> None:
        self.anchor = anchor
        self.day_starts_at = day_starts_at
        self.tz = tz

    def due_on(self, number: int, last: datetime | None) -> datetime:
        """A moment on Anki day ``number``: the last answer's time of day, so that
        answering on the due day counts the whole days Anki counts."""
        day = self.anchor + timedelta(days=number)
        start = day_start(day, self.day_starts_at, self.tz)
        if last is None:
            return start
        last_day = study_day(last, self.day_starts_at, self.tz)
        return start + (last - day_start(last_day, self.day_starts_at, self.tz))


def import_progress(
    collection: Collection,
    card_ids: Mapping[int, str],
    history: BulkHistory | None,
    settings: StudySettings,
    *,
    deck_of: Callable[[str], str],
    now: datetime,
    tz: tzinfo | None = None,
    known: Mapping[str, datetime] | None = None,
    current: Mapping[str, CardState] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, CardState], ProgressReport]:
    """The states of the cards in ``card_ids`` (Anki card id -> ours) and their answers
    (into ``history``, if given); ``known`` says when each card was last answered in the
    progress folder, ``current`` is its states (kept where studied here since)."""
    with paused_gc():  # half a million answers leave objects that all live to the end
        return _replay(
            collection, card_ids, history, settings, deck_of, now, tz, known, current, progress
        )


def _replay(
    collection: Collection,
    card_ids: Mapping[int, str],
    history: BulkHistory | None,
    settings: StudySettings,
    deck_of: Callable[[str], str],
    now: datetime,
    tz: tzinfo | None,
    known: Mapping[str, datetime] | None,
    current: Mapping[str, CardState] | None,
    progress: Callable[[int], None] | None,
) -> tuple[dict[str, CardState], ProgressReport]:
    now = ensure_utc(now)
    known = known or {}
    current = current or {}
    report = ProgressReport()
    day_starts_at = settings.queue.day_starts_at
    offset = int((now.astimezone(tz).utcoffset() or timedelta(0)).total_seconds())
    boundary = collection.rollover * 3600 - offset
    replays: dict[str, MemoryReplay] = {}
    replay_of: dict[str, MemoryReplay] = {}
    memory: dict[str, Memory | None] = {}
    answered: dict[str, datetime] = {}
    partial: set[str] = set()
    started: set[str] = set()
    for count, row in enumerate(collection.revlog(), start=1):
        if progress is not None and count % 10_000 == 0:
            progress(count)
        card_id = card_ids.get(row.cid)
        if card_id is None:
            report.other_cards += row.ease in _RATINGS
            continue
        rating = _RATINGS.get(row.ease)
        if not _FIRST_MS <= row.id <= _LAST_MS:
            report.bad_dates += 1
            continue
        if rating is None or (row.type == _FILTERED and row.factor == 0):
            report.not_answers += 1
            if row.type == _MANUAL and row.ease == 0 and row.factor == 0:  # a reset
                memory.pop(card_id, None)
                started.discard(card_id)
                partial.discard(card_id)
            continue
        at = datetime.fromtimestamp(row.id / 1000, UTC)
        if card_id not in started:
            started.add(card_id)
            if row.type != _LEARN:
                partial.add(card_id)
            phase = Phase.NEW if row.type == _LEARN else _TYPE_PHASE.get(row.type, Phase.REVIEW)
        else:
            phase = _TYPE_PHASE.get(row.type, Phase.REVIEW)
        if card_id not in partial:
            replay = replay_of.get(card_id)
            if replay is None:
                deck = deck_of(card_id)
                replay = replays.get(deck)
                if replay is None:
                    replay = replays[deck] = MemoryReplay(settings.for_deck(deck).scheduler)
                replay_of[card_id] = replay
            day = (row.id // 1000 - boundary) // 86400  # anki_day, inlined
            memory[card_id] = replay.answer(memory.get(card_id), row.ease, day)
        answered[card_id] = at
        seen = known.get(card_id)
        if seen is not None and at <= seen:
            report.already += 1
        elif history is not None:
            took = max(0, row.time) if row.time < 3_600_000 else None
            history.add(card_id, at, rating, phase, took, row.ivl if row.ivl > 0 else None)
            report.answers += 1
    days = _Days(_anchor(collection, tz), day_starts_at, tz)
    today = study_day(now, day_starts_at, tz)
    states: dict[str, CardState] = {}
    for card in collection.cards():
        card_id = card_ids.get(card.id)
        if card_id is None:
            continue
        try:
            state = _state(
                card,
                card_id,
                memory.get(card_id),
                answered.get(card_id),
                days,
                today,
                settings,
                deck_of,
            )
        except (OverflowError, ValueError, OSError):
            report.bad_dates += 1
            continue
        if state is None:
            continue
        here = current.get(card_id)
        if (
            here is not None
            and here.last_review is not None
            and (state.last_review is None or here.last_review > state.last_review)
        ):
            report.kept += 1
            continue
        states[card_id] = state
        report.cards += 1
        report.suspended += state.suspended
        report.buried += state.buried_until is not None
        report.partial += card_id in partial
    return states, report


def _state(
    card: AnkiCard,
    card_id: str,
    memory: Memory | None,
    last: datetime | None,
    days: _Days,
    today: date,
    settings: StudySettings,
    deck_of: Callable[[str], str],
) -> CardState | None:
    suspended = card.queue == -1
    buried = today if card.queue in (-2, -3) else None
    phase = _CARD_PHASE.get(card.type)
    if phase is None:  # new
        if suspended or buried is not None:
            return CardState(card_id, Phase.NEW, suspended=suspended, buried_until=buried)
        return None
    if last is None and (lrt := _last_review_time(card)) is not None:
        last = datetime.fromtimestamp(lrt, UTC)
    due_number = card.odue if card.odid and card.odue else card.due
    if due_number > _EPOCH_SECONDS:
        due = datetime.fromtimestamp(due_number, UTC)
    else:
        due = days.due_on(due_number, last)
    if last is None:
        last = due - timedelta(days=max(card.ivl, 0)) if phase is Phase.REVIEW else due
    stability: float | None
    difficulty: float | None
    if memory is not None:
        stability, difficulty = memory.stability, memory.difficulty
    else:
        stability, difficulty = _stored_memory(card)
    step = None
    if phase is not Phase.REVIEW:
        scheduler = settings.for_deck(deck_of(card_id)).scheduler
        steps = scheduler.learning_steps if phase is Phase.LEARNING else scheduler.relearning_steps
        left = card.left % 1000
        step = min(max(len(steps) - left, 0), max(len(steps) - 1, 0))
    return CardState(
        card_id,
        phase,
        due,
        last,
        step,
        stability,
        difficulty,
        card.factor / 1000 if card.factor > 0 else None,
        max(card.ivl, 0) if phase is not Phase.LEARNING else 0,
        max(card.reps, 0),
        max(card.lapses, 0),
        suspended,
        buried,
    )


def _last_review_time(card: AnkiCard) -> int | None:
    if '"lrt"' not in card.data:
        return None
    try:
        value = loads_limited(card.data).get("lrt")
    except (ValueError, AttributeError, RecursionError):
        return None
    return value if type(value) is int and 0 < value < 10**11 else None
