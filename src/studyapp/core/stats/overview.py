"""What the home screen shows per deck: cards left today, mastery, last studied.

Built from the same queue the study session uses, so the numbers on the home
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
    now = ensure_utc(now)
    recent = list(recent)
    memo = states.memo if isinstance(states, CardStates) else None
    if memo is not None:
        hit: _Remembered | None = memo.get(_MEMO_KEY)
        if hit is not None and hit.matches(cards, recent, settings, now, tz):
            return dict(hit.result)
    result, valid_until = _compute(cards, states, recent, settings, now, tz)
    if memo is not None:
        memo[_MEMO_KEY] = _Remembered(
            cards, len(cards), recent, settings, tz, now, valid_until, result
        )
    return dict(result)


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


def _deck_of(card_id: str) -> str:
    """A card's deck, from its id (``deck/entry/variant``): the queue holds only ids."""
    return card_id.partition("/")[0]


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
    new: dict[str, int] = {}
    learning: dict[str, int] = {}
    review: dict[str, int] = {}
    for card_id in queue.new:
        deck = _deck_of(card_id)
        new[deck] = new.get(deck, 0) + 1
    ahead = now + settings.queue.learn_ahead  # what studying now would show, as Anki counts
    for when, card_id in queue.learning:
        if when <= ahead:
            deck = _deck_of(card_id)
            learning[deck] = learning.get(deck, 0) + 1
        else:
            valid_until = min(valid_until, when - settings.queue.learn_ahead)
    for card_id in queue.reviews:
        deck = _deck_of(card_id)
        review[deck] = review.get(deck, 0) + 1
    mastery, last = deck_tallies(cards, states)
    overviews = {
        deck_id: DeckOverview(
            deck_id=deck_id,
            cards=mastery[deck_id].total,
            left=QueueCounts(new.get(deck_id, 0), learning.get(deck_id, 0), review.get(deck_id, 0)),
            mastery=mastery[deck_id],
            last_studied=last.get(deck_id),
        )
        for deck_id in mastery
    }
    return overviews, valid_until
