"""Anki's review log and card schedules as studyapp progress.

Every answer of the review log (grade 1-4) becomes a history record of the card it
is tied to, with its time, grade, time taken and interval; the phase it was answered
in comes from the log's type (the first learning answer, or the first after a reset,
is the card's "new" answer). Entries that are not answers (a reschedule, a reset, a
preview in a filtered deck that does not reschedule) are counted and left out, as
Anki's FSRS leaves them out. Answers the progress folder already holds (the same
package imported again) are not added twice.

Each card's state: its FSRS memory rebuilt from its answers
(:mod:`~studyapp.core.authoring.anki.memory`: with Anki's arithmetic, or with our
scheduler's for the cards of note types our own export wrote), and everything else
as Anki has it: phase, due date (Anki's day numbers count from the day the collection
was made), interval, reps, lapses, the learning step, suspended and buried. A card whose log
starts in the middle of its life (Anki's history was trimmed, or it came from
another program) takes the memory state Anki stored for it, if any; otherwise the
scheduler estimates one from the interval, as for a card reviewed under SM-2.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from msgspec import Struct

from studyapp.core.authoring.anki.collection import AnkiCard, Collection
from studyapp.core.authoring.anki.memory import Memory, MemoryReplay
from studyapp.core.authoring.anki.ownkinds import OWN_NOTETYPE
from studyapp.core.authoring.anki.package import package_problem
from studyapp.core.base.clock import ensure_utc
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.jsonread import loads_limited
from studyapp.core.store.bulk import BulkHistory
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.study.fsrs6 import fsrs_parameters
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
        self._starts: dict[date, datetime] = {}

    def start_of(self, day: date) -> datetime:
        """When study day ``day`` begins (remembered: 50,000 cards share a few hundred)."""
        found = self._starts.get(day)
        if found is None:
            found = self._starts[day] = day_start(day, self.day_starts_at, self.tz)
        return found

    def due_on(self, number: int, last: datetime | None) -> datetime:
        """A moment on Anki day ``number``: the last answer's time of day, so that
        answering on the due day counts the whole days Anki counts."""
        start = self.start_of(self.anchor + timedelta(days=number))
        if last is None:
            return start
        last_day = study_day(last, self.day_starts_at, self.tz)
        return start + (last - self.start_of(last_day))


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


class _Cards:
    """What the replay keeps of each card while the log goes by, column by column (a
    row per card of ours, found by its Anki id): half a million answers update these
    in place instead of dicts of objects."""

    def __init__(
        self,
        card_ids: Mapping[int, str],
        known: Mapping[str, datetime],
        replay_for: Callable[[int, str], MemoryReplay],
    ) -> None:
        self.row: dict[int, int] = {}
        self.ids: list[str] = []
        self.keys: list[str | None] = [None] * len(card_ids)
        """The card id as a history line writes it, made on its first answer."""
        self.replays: list[MemoryReplay] = []
        for row, (anki_id, card_id) in enumerate(card_ids.items()):
            self.row[anki_id] = row
            self.ids.append(card_id)
            self.replays.append(replay_for(anki_id, card_id))
        count = len(self.ids)
        self.stability = array("d", bytes(8 * count))
        self.difficulty = array("d", bytes(8 * count))
        self.day = array("q", bytes(8 * count))
        """The study day of the last answer the memory counts."""
        self.answered = array("q", bytes(8 * count))
        """When the card was last answered (ms), 0 if never."""
        self.known = array("q", [_micros(known[c]) // 1000 if c in known else -1 for c in self.ids])
        """When the progress folder last saw it answered (ms), -1 if never."""
        self.flags = bytearray(count)
        """_STARTED, _PARTIAL (its log starts mid-way), _REMEMBERS (a memory is kept)."""

    def memory(self, row: int) -> Memory | None:
        if not self.flags[row] & _REMEMBERS:
            return None
        return Memory(self.stability[row], self.difficulty[row], self.day[row])


_STARTED, _PARTIAL, _REMEMBERS = 1, 2, 4
_UNIX = datetime(1970, 1, 1, tzinfo=UTC)


def _micros(at: datetime) -> int:
    return (ensure_utc(at) - _UNIX) // timedelta(microseconds=1)


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
    current = current or {}
    report = ProgressReport()
    day_starts_at = settings.queue.day_starts_at
    offset = int((now.astimezone(tz).utcoffset() or timedelta(0)).total_seconds())
    boundary_ms = (collection.rollover * 3600 - offset) * 1000
    by_deck: dict[tuple[str, bool], MemoryReplay] = {}
    by_weights: dict[tuple[tuple[float, ...], bool], MemoryReplay] = {}
    ours = _own_cards(collection)

    def replay_for(anki_id: int, card_id: str) -> MemoryReplay:
        deck, anki = deck_of(card_id), anki_id not in ours
        found = by_deck.get((deck, anki))
        if found is None:  # one per set of weights: its memo is megabytes
            scheduler = settings.for_deck(deck).scheduler
            weights = (tuple(fsrs_parameters(scheduler)), anki)
            found = by_weights.get(weights) or by_weights.setdefault(
                weights, MemoryReplay(scheduler, anki_arithmetic=anki)
            )
            by_deck[deck, anki] = found
        return found

    cards = _Cards(card_ids, known or {}, replay_for)
    _read_log(collection, cards, history, report, boundary_ms, progress)
    days = _Days(_anchor(collection, tz), day_starts_at, tz)
    today = study_day(now, day_starts_at, tz)
    states: dict[str, CardState] = {}
    flags, row_of = cards.flags, cards.row
    for card in collection.cards():
        row = row_of.get(card.id)
        if row is None:
            continue
        card_id = cards.ids[row]
        last_ms = cards.answered[row]
        try:
            last = datetime.fromtimestamp(last_ms / 1000, UTC) if last_ms else None
            state = _state(card, card_id, cards.memory(row), last, days, today, settings, deck_of)
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
        report.partial += bool(flags[row] & _PARTIAL)
    return states, report


def _own_cards(collection: Collection) -> set[int]:
    """The cards of the note types studyapp's export writes: their states were computed
    by our scheduler (``fsrs.Scheduler``), so their replay uses its arithmetic, and the
    round trip gives them back to the digit; every other card's, Anki's (fsrs-rs)."""
    mids = [nt.id for nt in collection.notetypes.values() if OWN_NOTETYPE.fullmatch(nt.name)]
    if not mids:
        return set()
    marks = ",".join("?" * len(mids))
    sql = (
        "SELECT CAST(c.id AS INTEGER) FROM cards c JOIN notes n ON c.nid = n.id "
        f"WHERE n.mid IN ({marks})"
    )
    return {row[0] for row in collection.rows(sql, tuple(mids)) if type(row[0]) is int}


def _read_log(
    collection: Collection,
    cards: _Cards,
    history: BulkHistory | None,
    report: ProgressReport,
    boundary_ms: int,
    progress: Callable[[int], None] | None,
) -> None:
    """Every row of the review log, oldest first: the answers into ``history``, each
    card's memory replayed as its answers come (one pass, nothing held per answer)."""
    row_of, flags, answered, known = cards.row, cards.flags, cards.answered, cards.known
    stability, difficulty, last_day = cards.stability, cards.difficulty, cards.day
    keys, ids, replays = cards.keys, cards.ids, cards.replays
    # lists indexed by grade and log type: cheaper than a dict lookup per row
    ratings = [Rating.AGAIN, *(_RATINGS[n] for n in range(1, 5))]  # (0: never read)
    type_phase = [_TYPE_PHASE[n] for n in range(4)]
    review = Phase.REVIEW
    new, add = Phase.NEW, history.add_ms if history is not None else None
    other = not_answers = bad = already = answers = 0
    count = 0
    for rid, cid, ease, ivl, _last_ivl, factor, took, kind in collection.revlog_rows():
        count += 1
        if progress is not None and count % 10_000 == 0:
            progress(count)
        row = row_of.get(cid)
        if row is None:
            other += 1 <= ease <= 4
            continue
        if not _FIRST_MS <= rid <= _LAST_MS:
            bad += 1
            continue
        if not 1 <= ease <= 4 or (kind == _FILTERED and factor == 0):
            not_answers += 1
            if kind == _MANUAL and ease == 0 and factor == 0:  # a reset: a new card again
                flags[row] = 0
            continue
        rating = ratings[ease]
        state = flags[row]
        if not state & _STARTED:
            state |= _STARTED if kind == _LEARN else _STARTED | _PARTIAL
            phase = new if kind == _LEARN else type_phase[kind] if 0 <= kind < 4 else review
        else:
            phase = type_phase[kind] if 0 <= kind < 4 else review
        if not state & _PARTIAL:
            day = (rid - boundary_ms) // 86_400_000  # anki_day, inlined
            if state & _REMEMBERS:
                elapsed = day - last_day[row]
                if elapsed > 0:
                    last_day[row] = day
                else:
                    elapsed = 0  # the same study day (or a clock that went back)
                replay = replays[row]
                args = (stability[row], difficulty[row], ease, elapsed)
                found = replay.seen.get(args)  # answered alike before: no call
                s, d = found if found is not None else replay.after(*args)
            else:
                s, d = replays[row].after(0.0, 0.0, ease, -1)
                last_day[row] = day
                state |= _REMEMBERS
            stability[row], difficulty[row] = s, d
        flags[row] = state
        answered[row] = rid
        if rid <= known[row]:
            already += 1
        elif add is not None:
            key = keys[row]
            if key is None:
                key = keys[row] = BulkHistory.key(ids[row])
            add(
                ids[row],
                rid,
                rating,
                phase,
                (took if took > 0 else 0) if took < 3_600_000 else None,
                ivl if ivl > 0 else None,
                key,
            )
            answers += 1
    report.other_cards += other
    report.not_answers += not_answers
    report.bad_dates += bad
    report.already += already
    report.answers += answers


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
