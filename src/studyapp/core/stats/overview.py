"""What the home screen shows per deck: cards left today, mastery, last studied.

Built from the same queue the study session uses and counted by the same rule
(:func:`~studyapp.core.study.counts.left_today`), so the numbers on the home
screen are exactly what studying the deck will give. The work over every card is
the queue's own, shared with the session that follows (``queue.todays_candidates``),
and mastery is counted from the store's columns (:func:`deck_tallies_by_rows`): no
card state is built for it (200,000 cards: a few tens of milliseconds in all).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta, tzinfo

from msgspec import Struct

from studyapp.core.base.clock import ensure_utc
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.card import Card, CardIdentity
from studyapp.core.stats.report import MATURE_DAYS, DeckMastery
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import SUSPENDED, StateColumns, StateTable
from studyapp.core.study.cardrows import CardRows, card_rows
from studyapp.core.study.counts import left_today
from studyapp.core.study.queue import QueueCounts, build_queue, day_start
from studyapp.core.study.settings import StudySettings


class DeckOverview(Struct, frozen=True):
    deck_id: str
    cards: int
    left: QueueCounts
    """New / learning (due within the learn-ahead window) / review cards left today."""
    mastery: DeckMastery
    last_studied: datetime | None


def deck_overviews(
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    recent: Iterable[ReviewRecord],
    settings: StudySettings,
    now: datetime,
    *,
    tz: tzinfo | None = None,
) -> dict[str, DeckOverview]:
    """One overview per deck that has cards, keyed by deck id (in deck order).

    With a store's states (:class:`~studyapp.core.store.cardstates.CardStates`) the
    result is remembered until any state changes or the time passes a moment
    that could change it (a learning card coming within the learn-ahead window,
    the day rolling over): the home screen asks again on mount, resume and
    every resize, and with 50,000 cards each computation takes a tenth of a second.
    """
    return deck_overviews_until(cards, states, recent, settings, now, tz=tz)[0]


def deck_overviews_until(
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    recent: Iterable[ReviewRecord],
    settings: StudySettings,
    now: datetime,
    *,
    tz: tzinfo | None = None,
) -> tuple[dict[str, DeckOverview], datetime]:
    """:func:`deck_overviews`, and until when they hold if no state changes (a learning
    card coming within the learn-ahead window, or the day rolling over): the home
    screen counts again then, so its numbers never lag behind the study screen's."""
    now = ensure_utc(now)
    recent = list(recent)
    memo = states.memo if isinstance(states, CardStates) else None
    if memo is not None:
        hit: _Remembered | None = memo.get(_MEMO_KEY)
        if hit is not None and hit.matches(cards, recent, settings, now, tz):
            return dict(hit.result), hit.until
    result, valid_until = _compute(cards, states, recent, settings, now, tz)
    if memo is not None:
        memo[_MEMO_KEY] = _Remembered(
            cards, len(cards), recent, settings, tz, now, valid_until, result
        )
    return dict(result), valid_until


_MEMO_KEY = "overview.deck_overviews"


class _Remembered(Struct, frozen=True):
    cards: Sequence[Card]
    n_cards: int
    recent: list[ReviewRecord]
    settings: StudySettings
    tz: tzinfo | None
    since: datetime
    until: datetime
    result: dict[str, DeckOverview]

    def matches(
        self,
        cards: Sequence[Card],
        recent: list[ReviewRecord],
        settings: StudySettings,
        now: datetime,
        tz: tzinfo | None,
    ) -> bool:
        return (
            cards is self.cards
            and len(cards) == self.n_cards
            and settings is self.settings
            and tz == self.tz
            and self.since <= now < self.until
            and recent == self.recent
        )


def _compute(
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    recent: list[ReviewRecord],
    settings: StudySettings,
    now: datetime,
    tz: tzinfo | None,
) -> tuple[dict[str, DeckOverview], datetime]:
    """The overviews, and until when they hold (with the same states)."""
    queue = build_queue(cards, states, recent, settings, now, rng=random.Random(0), tz=tz)
    # The counts change with time only when the day rolls over or a learning
    # card comes within the learn-ahead window.
    valid_until = day_start(queue.day + timedelta(days=1), settings.queue.day_starts_at, tz)
    windows: dict[str, timedelta] = {}

    def learn_ahead(deck_id: str) -> timedelta:
        found = windows.get(deck_id)
        if found is None:
            found = windows[deck_id] = settings.for_deck(deck_id).queue.learn_ahead
        return found

    left, comes = left_today(queue.new, queue.learning, queue.reviews, now, learn_ahead)
    if comes is not None:
        valid_until = min(valid_until, comes)
    none_left = QueueCounts(0, 0, 0)
    with paused_gc():  # lists of a deck's rows: a collection would only rescan them
        mastery, last = deck_tallies_by_rows(cards, states)
    overviews = {
        deck_id: DeckOverview(
            deck_id=deck_id,
            cards=mastery[deck_id].total,
            left=left.get(deck_id, none_left),
            mastery=mastery[deck_id],
            last_studied=last.get(deck_id),
        )
        for deck_id in mastery
    }
    return overviews, valid_until


_NO_ROW = -1
_REVIEW = 2  # the phase code of review (see statetable.PHASE_CODES)


def _table(states: Mapping[str, CardState]) -> StateTable:
    if isinstance(states, CardStates):
        return states.table
    return states if isinstance(states, StateTable) else StateTable.from_states(states)


def deck_tallies_by_rows(
    cards: Sequence[CardIdentity],
    states: Mapping[str, CardState],
    mature_days: int = MATURE_DAYS,
) -> tuple[dict[str, DeckMastery], dict[str, datetime]]:
    """Mastery per deck and when each deck was last studied (``report.deck_tallies``'s
    figures), counted from the store's columns at C speed (``Counter``, ``map`` over a
    deck's rows: a slice of the columns when they come in the cards' order), then the
    states set since, one by one, in place of their rows."""
    table = _table(states)
    join = card_rows(cards, table)
    columns, changed = table.columns, table.changed
    where = join.changed_positions(table)
    stale = {join.row[p] for p in where.values()} - {_NO_ROW}  # a state set since decides
    # per deck: cards, seen, new (seen), reviews, mature, suspended
    tallies: dict[str, list[int]] = {}
    last: dict[str, datetime] = {}
    for deck, start, end in join.runs:
        t = tallies.setdefault(deck, [0, 0, 0, 0, 0, 0])
        t[0] += end - start
        studied = _tally(t, columns, join, start, end, stale, mature_days)
        if studied is not None and (deck not in last or studied > last[deck]):
            last[deck] = studied
    for card_id, state in changed.items():
        if card_id not in where:
            continue  # no card has it
        deck = cards[where[card_id]].deck_id
        t = tallies[deck]
        review = state.phase is Phase.REVIEW
        t[1] += 1
        t[2] += state.phase is Phase.NEW
        t[3] += review
        t[4] += review and state.interval >= mature_days
        t[5] += bool(state.suspended)
        moment = state.last_review
        if moment is not None and (deck not in last or moment > last[deck]):
            last[deck] = moment
    mastery = {
        deck: DeckMastery(
            total=total,
            new=total - seen + new,
            learning=seen - new - reviews,
            young=reviews - mature,
            mature=mature,
            suspended=suspended,
        )
        for deck, (total, seen, new, reviews, mature, suspended) in tallies.items()
    }
    return mastery, last


def _tally(
    t: list[int],
    columns: StateColumns,
    join: CardRows[CardIdentity],
    start: int,
    end: int,
    stale: set[int],
    mature_days: int,
) -> datetime | None:
    """Add the rows of the cards at positions ``[start, end)`` (less the ``stale`` ones)
    to ``t``: seen, new, reviews, mature, suspended; when they were last studied."""
    span = join.rows_of(start, end)
    if span is None:  # rows in another order: looked up one by one
        rows = [row for row in join.row[start:end] if row != _NO_ROW and row not in stale]
        phase = list(map(columns.phase.__getitem__, rows))
        interval = list(map(columns.interval.__getitem__, rows))
        flags = list(map(columns.flags.__getitem__, rows))
        last_review = list(map(columns.last_review.__getitem__, rows))
        out: list[int] = []
    else:  # rows in the cards' order: slices of the columns; the stale ones taken out after
        low, high = span
        phase = columns.phase[low:high]
        interval = columns.interval[low:high]
        flags = columns.flags[low:high]
        last_review = columns.last_review[low:high]
        out = [row - low for row in stale if low <= row < high]
        for i in out:
            last_review[i] = None
    reviews = list(itertools.compress(interval, map(_REVIEW.__eq__, phase)))
    t[1] += len(phase)
    t[2] += phase.count(0)
    t[3] += len(reviews)
    t[4] += sum(n for days, n in Counter(reviews).items() if days >= mature_days)
    t[5] += sum(map(SUSPENDED.__and__, flags))
    for i in out:  # a state set since counts instead (see deck_tallies_by_rows)
        review = phase[i] == _REVIEW
        t[1] -= 1
        t[2] -= phase[i] == 0
        t[3] -= review
        t[4] -= review and interval[i] >= mature_days
        t[5] -= flags[i] & SUSPENDED
    return max(filter(None, last_review), default=None)
