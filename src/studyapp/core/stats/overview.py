"""What the home screen shows per deck: cards left today, mastery, last studied.

Built from the same queue the study session uses and counted by the same rule
(:func:`~studyapp.core.study.counts.left_today`), so the numbers on the home
screen are exactly what studying the deck will give.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta, tzinfo

from msgspec import Struct

from studyapp.core.base.clock import ensure_utc
from studyapp.core.decks.card import Card
from studyapp.core.stats.report import DeckMastery, deck_tallies
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState
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
    mastery, last = deck_tallies(cards, states)
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
