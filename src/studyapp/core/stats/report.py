"""Statistics: is the learner remembering, how much work is coming, what is weak.

:func:`compute_stats` makes one pass over the review history (which the store
reads lazily from disk), so a long history never has to sit in memory; with a
long history that pass takes seconds (half a million reviews: ~8 s), so the app
calls :func:`store_stats` and :func:`store_streak` instead, which give the very
same figures from the history's digest (``history_digest``: counters per UTC
quarter-hour and per card, kept beside the history and brought up to date by
reading only what was appended). Days are study days (rolling over at the
configured local hour), like the queue's.

* true retention: the share of *review* answers (not learning steps) that were
  not Again, over the last 1, 7 and 30 days: what FSRS aims to keep at the
  desired retention;
* reviews per day and a 30-day forecast of due cards;
* accuracy per entry kind (dates, figures, quotes...), mastery per deck;
* the streak of consecutive study days.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from studyapp.core.base.clock import ensure_utc
from studyapp.core.decks.card import CardIdentity
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.statetable import SUSPENDED, StateTable
from studyapp.core.study.queue import day_start, study_day

if TYPE_CHECKING:
    from studyapp.core.store.history_summary import Summary
    from studyapp.core.store.store import ProgressStore

_DECK_ID = operator.attrgetter("deck_id")
_ID = operator.attrgetter("id")
_KIND = operator.attrgetter("kind")
_PHASE = operator.attrgetter("phase")
_SUSPENDED = operator.attrgetter("suspended")
_LAST_REVIEW = operator.attrgetter("last_review")

MATURE_DAYS = 21
"""Interval (days) from which a review card counts as mastered (Anki's "mature")."""


class Ratio(Struct, frozen=True):
    """``hits`` out of ``total``; ``rate`` is None when there is nothing to measure."""

    hits: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


class DeckMastery(Struct, frozen=True):
    """Where a deck's cards stand."""

    total: int
    new: int
    learning: int
    young: int
    mature: int
    suspended: int

    @property
    def mastered(self) -> float:
        """Share of the deck's cards that are mature (0 for an empty deck)."""
        return self.mature / self.total if self.total else 0.0


class Streak(Struct, frozen=True):
    current: int
    """Consecutive study days up to today (or yesterday, if today has no review yet)."""
    longest: int
    studied_today: bool


class Stats(Struct, frozen=True):
    """Everything the stats screen and ``studyapp stats`` show."""

    today: date
    retention: Mapping[int, Ratio]
    """True retention by window in days (1, 7, 30)."""
    reviews_per_day: tuple[tuple[date, int], ...]
    """Answers per study day, oldest first, ending today (days without answers are 0)."""
    forecast: tuple[tuple[date, int], ...]
    """Cards due per day from today (overdue ones count today)."""
    accuracy_by_kind: Mapping[str, Ratio]
    mastery_by_deck: Mapping[str, DeckMastery]
    streak: Streak
    total_reviews: int
    time_spent: timedelta


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_QUARTER = timedelta(minutes=15)


class _Days:
    """Study day of a moment, cached per UTC quarter-hour.

    Every time zone offset is a multiple of 15 minutes and the day starts on the
    hour, so all moments in one UTC quarter-hour share a study day: exact, and a
    long history costs one time zone conversion per quarter-hour, not per review.
    """

    def __init__(self, day_starts_at: int, tz: tzinfo | None) -> None:
        self.hour, self.tz = day_starts_at, tz
        self._cache: dict[int, date] = {}

    def __call__(self, moment: datetime) -> date:
        key = (moment - _EPOCH) // _QUARTER
        day = self._cache.get(key)
        if day is None:
            day = self._cache[key] = study_day(moment, self.hour, self.tz)
        return day


def _streak(days: set[date], today: date) -> Streak:
    studied_today = today in days
    current = 0
    day = today if studied_today else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    longest = run = 0
    previous: date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    return Streak(current, longest, studied_today)


def mastery_by_deck(
    cards: Iterable[CardIdentity], states: Mapping[str, CardState], mature_days: int = MATURE_DAYS
) -> dict[str, DeckMastery]:
    """Per deck: how many cards are new, learning, young and mature (and suspended)."""
    return deck_tallies(cards, states, mature_days)[0]


def deck_tallies(
    cards: Iterable[CardIdentity], states: Mapping[str, CardState], mature_days: int = MATURE_DAYS
) -> tuple[dict[str, DeckMastery], dict[str, datetime]]:
    """Mastery per deck and when each deck was last studied, in one pass over the cards.

    The home screen needs both for every card at every start (50,000 of them in
    a big collection), hence one loop with plain integer slots.
    """
    # per deck: total, new, learning, young, mature, suspended
    tallies: dict[str, list[int]] = {}
    last: dict[str, datetime] = {}
    get = states.getter() if isinstance(states, CardStates) else states.get
    new_phase, review_phase = Phase.NEW, Phase.REVIEW
    # Cards come deck by deck: per run of one deck, the states are looked up and
    # counted by C loops (map, filter, Counter), not a Python step per card.
    for deck, run in itertools.groupby(cards, key=_DECK_ID):
        found = list(map(get, map(_ID, run)))
        seen = [state for state in found if state is not None]
        phases = Counter(map(_PHASE, seen))
        reviews = [state for state in seen if state.phase is review_phase]
        mature = sum(1 for state in reviews if state.interval >= mature_days)
        t = tallies.get(deck)
        if t is None:
            t = tallies[deck] = [0, 0, 0, 0, 0, 0]
        t[0] += len(found)
        t[1] += len(found) - len(seen) + phases[new_phase]
        t[2] += len(seen) - phases[new_phase] - len(reviews)
        t[3] += len(reviews) - mature
        t[4] += mature
        t[5] += sum(map(_SUSPENDED, seen))
        reviewed = max(filter(None, map(_LAST_REVIEW, seen)), default=None)
        if reviewed is not None and (deck not in last or reviewed > last[deck]):
            last[deck] = reviewed
    mastery = {deck: DeckMastery(*t) for deck, t in tallies.items()}
    return mastery, last


def due_forecast(
    states: Iterable[CardState] | Mapping[str, CardState],
    now: datetime,
    days: int = 30,
    *,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
) -> tuple[tuple[date, int], ...]:
    """Cards due on each of the next ``days`` study days; overdue cards count today.

    ``states``: the states, or a mapping of them (the store's are read from its
    columns: 200,000 cards in a few tens of milliseconds, no state built). Each due
    moment is placed among the moments the days start (``bisect``, at C speed).
    """
    today = study_day(ensure_utc(now), day_starts_at, tz)
    starts = _day_starts(today, days, day_starts_at, tz)
    if starts is None:  # (never seen: a zone where a day does not start at its hour)
        values = states.values() if isinstance(states, Mapping) else states
        return _forecast_day_by_day(values, today, days, _Days(day_starts_at, tz))
    dues = _dues(states)
    # a due from the last start on falls after the forecast: one comparison, not a bisect
    # (most of 200,000 cards are due later than a month: ~10 ms less)
    within = filter(starts[-1].__gt__, dues) if starts else iter(())
    by_day = Counter(map(functools.partial(bisect.bisect_right, starts), within))
    return tuple((today + timedelta(days=i), by_day[i]) for i in range(days))


def _dues(states: Iterable[CardState] | Mapping[str, CardState]) -> list[datetime]:
    """When each card that is neither new nor suspended is due (the forecast counts these)."""
    table = _table_of(states)
    if table is not None:
        return _dues_of_rows(table)
    values = states.values() if isinstance(states, Mapping) else states
    return [s.due for s in values if s.phase is not Phase.NEW and not s.suspended and s.due]


def due_micros(states: Iterable[CardState] | Mapping[str, CardState]) -> array[int]:
    """The dues :func:`due_forecast` counts, as sorted microseconds since 1970 (UTC): all
    a forecast needs of the states, on any day (see :func:`forecast_from_dues`)."""
    since = map(operator.sub, _dues(states), itertools.repeat(_EPOCH))  # C calls only
    micros = sorted(map(operator.floordiv, since, itertools.repeat(_MICRO)))
    return array("q", micros)


def forecast_from_dues(
    dues: Sequence[int],
    now: datetime,
    days: int = 30,
    *,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
) -> tuple[tuple[date, int], ...] | None:
    """:func:`due_forecast` from :func:`due_micros`'s dues (a bisect per day, not a pass
    over the cards); None where a day does not start at its hour (that needs the states)."""
    today = study_day(ensure_utc(now), day_starts_at, tz)
    starts = _day_starts(today, days, day_starts_at, tz)
    if starts is None:
        return None
    # day i holds the dues from the start of day i (today: any before) to that of day i + 1
    before = [bisect.bisect_left(dues, _micros(start)) for start in starts]
    counts = [b - a for a, b in zip([0, *before], before, strict=False)]
    return tuple((today + timedelta(days=i), counts[i]) for i in range(days))


_MICROSECOND = timedelta(microseconds=1)


def _day_starts(
    today: date, days: int, day_starts_at: int, tz: tzinfo | None
) -> list[datetime] | None:
    """When each of the ``days`` study days after ``today`` starts (UTC), each checked
    with :func:`study_day` (the rule every figure follows); None if one is not."""
    starts = []
    for i in range(1, days + 1):
        day = today + timedelta(days=i)
        start = day_start(day, day_starts_at, tz)
        before = study_day(start - _MICROSECOND, day_starts_at, tz)
        if study_day(start, day_starts_at, tz) != day or before != day - timedelta(days=1):
            return None
        starts.append(start)
    return starts


def _table_of(states: object) -> StateTable | None:
    if isinstance(states, CardStates):
        return states.table
    return states if isinstance(states, StateTable) else None


def _dues_of_rows(table: StateTable) -> list[datetime]:
    """The due moments of the cards that are neither new nor suspended, from the
    table's columns (filtered at C speed), then from the states set since."""
    columns, changed = table.columns, table.changed
    due: list[datetime | None] = columns.due
    row_of, ids = table.row_of, table.ids
    stale = [row_of[card_id] for card_id in changed if card_id in row_of]
    if len(row_of) != len(ids):  # a repeated id: its last row is the one that counts
        stale += [row for row, card_id in enumerate(ids) if row_of[card_id] != row]
    if stale:
        due = list(due)
        for row in stale:
            due[row] = None
    counted = map(
        operator.and_,
        map(bool, columns.phase),  # code 0: new
        map(operator.not_, map(SUSPENDED.__and__, columns.flags)),
    )
    dues: list[datetime] = list(filter(None, itertools.compress(due, counted)))
    for state in changed.values():
        if state.phase is not Phase.NEW and not state.suspended and state.due is not None:
            dues.append(state.due)
    return dues


def _forecast_day_by_day(
    states: Iterable[CardState], today: date, days: int, to_day: _Days
) -> tuple[tuple[date, int], ...]:
    by_day: Counter[date] = Counter()
    for state in states:
        if state.phase is Phase.NEW or state.suspended or state.due is None:
            continue
        by_day[max(to_day(state.due), today)] += 1
    return tuple(
        (today + timedelta(days=i), by_day[today + timedelta(days=i)]) for i in range(days)
    )


def compute_stats(
    history: Iterable[ReviewRecord],
    states: Mapping[str, CardState],
    cards: Sequence[CardIdentity],
    now: datetime,
    *,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
    windows: Sequence[int] = (1, 7, 30),
    days: int = 30,
) -> Stats:
    """All statistics in one pass over ``history`` (``ProgressStore.history()``)."""
    now = ensure_utc(now)
    to_day = _Days(day_starts_at, tz)
    today = to_day(now)
    # card id -> the [passed, total] counters of its kind (one list per kind)
    by_kind, counts_of = _kind_counters(cards)
    window_starts = {w: now - timedelta(days=w) for w in windows}
    earliest = min(window_starts.values(), default=now)
    first_day = today - timedelta(days=days - 1)

    retention = {w: [0, 0] for w in windows}
    per_day: Counter[date] = Counter()
    study_days: set[date] = set()
    total = 0
    spent_ms = 0
    # A history is hundreds of thousands of records in time order: the loop keeps
    # to locals, and the study day of a record is looked up once per quarter-hour
    # (see _Days), reusing the previous record's when they share one.
    again, review = Rating.AGAIN, Phase.REVIEW
    day = today
    quarter_start = quarter_end = now  # the UTC quarter-hour the last record fell in
    for record in history:
        total += 1
        at = record.at
        spent_ms += record.took_ms or 0
        passed = record.rating is not again
        if not quarter_start <= at < quarter_end:
            key = (at - _EPOCH) // _QUARTER
            quarter_start = _EPOCH + timedelta(seconds=key * 900)
            quarter_end = quarter_start + _QUARTER
            day = to_day(at)
            study_days.add(day)
        if day >= first_day:
            per_day[day] += 1
        if record.phase is review and at > earliest:
            for w, start in window_starts.items():
                if start < at <= now:
                    window = retention[w]
                    window[0] += passed
                    window[1] += 1
        counts = counts_of.get(record.card_id)
        if counts is not None:
            counts[0] += passed
            counts[1] += 1

    per_day_shown = [per_day[first_day + timedelta(days=i)] for i in range(days)]
    return _assemble(
        today,
        now,
        retention,
        per_day_shown,
        by_kind,
        study_days,
        total,
        spent_ms,
        states,
        cards,
        day_starts_at,
        tz,
    )


def _kind_counters(
    cards: Sequence[CardIdentity],
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Per kind, a [passed, total] counter; and per card id, its kind's counter."""
    by_kind: dict[str, list[int]] = {}
    counts_of = {c.id: by_kind.setdefault(c.kind, [0, 0]) for c in cards}
    return by_kind, counts_of


def _assemble(
    today: date,
    now: datetime,
    retention: Mapping[int, list[int]],
    per_day: Sequence[int],
    by_kind: Mapping[str, list[int]],
    study_days: set[date],
    total: int,
    spent_ms: int,
    states: Mapping[str, CardState],
    cards: Sequence[CardIdentity],
    day_starts_at: int,
    tz: tzinfo | None,
    mastery: Mapping[str, DeckMastery] | None = None,
    forecast: tuple[tuple[date, int], ...] | None = None,
) -> Stats:
    """The Stats both ways of counting (the full pass, the digest) end with."""
    days = len(per_day)
    first_day = today - timedelta(days=days - 1)
    return Stats(
        today=today,
        retention={w: Ratio(h, t) for w, (h, t) in retention.items()},
        reviews_per_day=tuple((first_day + timedelta(days=i), n) for i, n in enumerate(per_day)),
        forecast=(
            forecast
            if forecast is not None
            else due_forecast(states, now, days, day_starts_at=day_starts_at, tz=tz)
        ),
        accuracy_by_kind={k: Ratio(h, t) for k, (h, t) in sorted(by_kind.items()) if t},
        mastery_by_deck=mastery if mastery is not None else mastery_by_deck(cards, states),
        streak=_streak(study_days, today),
        total_reviews=total,
        time_spent=timedelta(milliseconds=spent_ms),
    )


# ------------------------------------------------------------ from the digest

_DAY_ONE = date(1970, 1, 1)
_MICRO = timedelta(microseconds=1)
_QUARTER_US = 900_000_000


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICRO


def _retention(summary: Summary, now: datetime, windows: Sequence[int]) -> dict[int, list[int]]:
    """True retention per window, counted as :func:`compute_stats` does: review-phase
    answers at a moment in ``(now - w days, now]``. A quarter-hour wholly inside a
    window counts by its counters; the few that a window's ends cut are read again."""
    from studyapp.core.store.quarters import quarter

    retention = {w: [0, 0] for w in windows}
    if not windows:
        return retention
    d = summary.digest
    keys, rn, rp = d.keys, d.rn, d.rp
    now_us = _micros(now)
    starts = {w: _micros(now - timedelta(days=w)) for w in windows}
    first = bisect.bisect_left(keys, min(starts.values()) // _QUARTER_US)
    last = bisect.bisect_right(keys, now_us // _QUARTER_US)
    cut: set[int] = set()
    for i in range(first, last):
        if not rn[i]:
            continue
        lo_us = keys[i] * _QUARTER_US
        hi_us = lo_us + _QUARTER_US - 1  # its last microsecond
        for w, start_us in starts.items():
            if hi_us <= start_us:
                continue
            if lo_us > start_us and hi_us <= now_us:
                window = retention[w]
                window[0] += rp[i]
                window[1] += rn[i]
            else:
                cut.add(keys[i])
    if cut:
        review, again = Phase.REVIEW, Rating.AGAIN
        window_starts = {w: now - timedelta(days=w) for w in windows}
        for record in summary.reviews_in(cut):
            if record.phase is not review:
                continue
            at = record.at
            lo_us = quarter(at) * _QUARTER_US
            for w, start in window_starts.items():
                whole = lo_us > starts[w] and lo_us + _QUARTER_US - 1 <= now_us
                if not whole and start < at <= now:
                    window = retention[w]
                    window[0] += record.rating is not again
                    window[1] += 1
    return retention


def _accuracy_by_kind(
    ids: Sequence[str], hits: Sequence[int], answers: Sequence[int], cards: Sequence[CardIdentity]
) -> dict[str, list[int]]:
    """Per kind, [answers not Again, answers] of the cards (``ids``: those with any):
    a few passes at C speed per kind (a dozen kinds, 200,000 cards: ~30 ms)."""
    kind_of = dict(zip(map(_ID, cards), map(_KIND, cards), strict=True))
    kinds = list(map(kind_of.get, ids))
    by_kind: dict[str, list[int]] = {}
    for kind in dict.fromkeys(map(_KIND, cards)):
        mine = list(map(operator.eq, itertools.repeat(kind), kinds))
        by_kind[kind] = [
            sum(itertools.compress(hits, mine)),
            sum(itertools.compress(answers, mine)),
        ]
    return by_kind


def _days_studied(
    summary: Summary, day_starts_at: int, tz: tzinfo | None
) -> tuple[list[int], list[tuple[int, int, int]]]:
    """The answers of each quarter-hour that has some, and the study days of those."""
    from studyapp.core.store.quarters import day_runs

    d = summary.digest
    keys = list(itertools.compress(d.keys, d.n))
    counts = list(itertools.compress(d.n, d.n))
    return counts, day_runs(keys, day_starts_at, tz)


def stats_from_summary(
    summary: Summary,
    states: Mapping[str, CardState],
    cards: Sequence[CardIdentity],
    now: datetime,
    *,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
    windows: Sequence[int] = (1, 7, 30),
    days: int = 30,
    mastery: Mapping[str, DeckMastery] | None = None,
    by_kind: Mapping[str, list[int]] | None = None,
    forecast: tuple[tuple[date, int], ...] | None = None,
) -> Stats:
    """:func:`compute_stats` from the history in aggregate (``history_summary.summarize``).

    What the caller counted already is taken as given (``studyapp stats`` keeps them:
    :mod:`.kept`): ``mastery`` (:attr:`Stats.mastery_by_deck`), ``by_kind`` (per kind,
    [answers not Again, answers]: :func:`accuracy_counts`) and ``forecast``.
    """
    now = ensure_utc(now)
    today = study_day(now, day_starts_at, tz)
    first_day = today - timedelta(days=days - 1)
    first_number = (first_day - _DAY_ONE).days
    counts, runs = _days_studied(summary, day_starts_at, tz)
    per_number: Counter[int] = Counter()
    for i, j, number in runs:
        if number >= first_number:
            per_number[number] += sum(counts[i:j])
    study_days = {_DAY_ONE + timedelta(days=n) for _, _, n in runs}

    d = summary.digest
    if by_kind is None:
        by_kind = accuracy_counts(summary, cards)

    retention = _retention(summary, now, windows)
    per_day = [per_number[first_number + i] for i in range(days)]
    return _assemble(
        today,
        now,
        retention,
        per_day,
        by_kind,
        study_days,
        d.total,
        d.spent_ms,
        states,
        cards,
        day_starts_at,
        tz,
        mastery,
        forecast,
    )


def accuracy_counts(summary: Summary, cards: Sequence[CardIdentity]) -> dict[str, list[int]]:
    """Per kind of the cards, [answers not Again, answers] in the history."""
    d = summary.digest
    return _accuracy_by_kind(d.ids, d.hits, d.answers, cards)


def store_stats(
    store: ProgressStore,
    states: Mapping[str, CardState],
    cards: Sequence[CardIdentity],
    now: datetime,
    *,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
    windows: Sequence[int] = (1, 7, 30),
    days: int = 30,
    mastery: Mapping[str, DeckMastery] | None = None,
) -> Stats:
    """``compute_stats(store.history(), ...)``: the same figures, from the history's digest
    (a fraction of a second for half a million reviews, once the digest is built);
    ``mastery``: :attr:`Stats.mastery_by_deck`, if the caller counted it already."""
    options: dict[str, Any] = {
        "day_starts_at": day_starts_at,
        "tz": tz,
        "windows": windows,
        "days": days,
    }
    from studyapp.core.store.history_summary import summarize
    # import of this module is on every launch's path, the digest only after the first frame

    summary = summarize(store)
    if summary is None:
        return compute_stats(store.history(), states, cards, now, **options)
    return stats_from_summary(summary, states, cards, now, mastery=mastery, **options)


def store_streak(
    store: ProgressStore, now: datetime, *, day_starts_at: int = 4, tz: tzinfo | None = None
) -> Streak:
    """The streak of ``store_stats(...)``, alone (what the home screen shows)."""
    from studyapp.core.store.history_summary import summarize

    summary = summarize(store)
    if summary is None:
        history = store.history()
        return compute_stats(history, {}, [], now, day_starts_at=day_starts_at, tz=tz).streak
    today = study_day(ensure_utc(now), day_starts_at, tz)
    _, runs = _days_studied(summary, day_starts_at, tz)
    return _streak({_DAY_ONE + timedelta(days=n) for _, _, n in runs}, today)
