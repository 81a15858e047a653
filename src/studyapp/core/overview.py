"""What the home screen shows per deck: cards left today, mastery, last studied.

Built from the same queue the study session uses, so the numbers on the home
screen are exactly what studying the deck will give.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from studyapp.core.cards import Card
from studyapp.core.progress import ReviewRecord
from studyapp.core.queue import QueueCounts, build_queue
from studyapp.core.scheduler import CardState
from studyapp.core.settings import StudySettings
from studyapp.core.stats import DeckMastery, mastery_by_deck


@dataclass(frozen=True, slots=True)
class DeckOverview:
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
    """One overview per deck that has cards, keyed by deck id (in deck order)."""
    queue = build_queue(cards, states, list(recent), settings, now, rng=random.Random(0), tz=tz)
    deck_of = {c.id: c.deck_id for c in cards}
    new: dict[str, int] = {}
    learning: dict[str, int] = {}
    review: dict[str, int] = {}
    for card_id in queue.new:
        new[deck_of[card_id]] = new.get(deck_of[card_id], 0) + 1
    ahead = now + settings.queue.learn_ahead  # what studying now would show, as Anki counts
    for when, card_id in queue.learning:
        if when <= ahead:
            learning[deck_of[card_id]] = learning.get(deck_of[card_id], 0) + 1
    for card_id in queue.reviews:
        review[deck_of[card_id]] = review.get(deck_of[card_id], 0) + 1
    mastery = mastery_by_deck(cards, states)
    counts: dict[str, int] = {}
    last: dict[str, datetime] = {}
    for card in cards:
        counts[card.deck_id] = counts.get(card.deck_id, 0) + 1
        state = states.get(card.id)
        if state is not None and state.last_review is not None:
            seen = last.get(card.deck_id)
            if seen is None or state.last_review > seen:
                last[card.deck_id] = state.last_review
    return {
        deck_id: DeckOverview(
            deck_id=deck_id,
            cards=total,
            left=QueueCounts(new.get(deck_id, 0), learning.get(deck_id, 0), review.get(deck_id, 0)),
            mastery=mastery[deck_id],
            last_studied=last.get(deck_id),
        )
        for deck_id, total in counts.items()
    }
