"""Cards left today, by one rule for every screen that shows them.

The home screen (from a fresh :func:`~studyapp.core.study.queue.build_queue`) and
the study session (from the queue it keeps up to date) both count with
:func:`left_today`, so "12 learning" on home is "12 learning" when studying starts.
The rule is Anki's: a (re)learning card is counted once it is due within the
learn-ahead window (``learn_ahead`` of its deck's settings, 20 minutes by
default), because studying now would show it; new and review cards are counted
as queued.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from studyapp.core.study.queue import QueueCounts


def _deck_of(card_id: str) -> str:
    """A card's deck, from its id (``deck/entry/variant``): queues hold only ids."""
    return card_id.partition("/")[0]


def left_today(
    new: Iterable[str],
    learning: Iterable[tuple[datetime, str]],
    reviews: Iterable[str],
    now: datetime,
    learn_ahead: Callable[[str], timedelta],
) -> tuple[dict[str, QueueCounts], datetime | None]:
    """Per deck, the new / learning / review cards left today; and the next moment
    the learning count grows by time alone (a card coming within the window), if any.

    Args:
        new: queued new card ids.
        learning: (due, card id) of today's (re)learning cards.
        reviews: queued review card ids.
        now: the moment counted for (UTC).
        learn_ahead: a deck's learn-ahead window, by deck id.
    """
    counts: dict[str, list[int]] = {}
    for card_id in new:
        counts.setdefault(_deck_of(card_id), [0, 0, 0])[0] += 1
    changes: datetime | None = None
    windows: dict[str, timedelta] = {}
    for due, card_id in learning:
        deck = _deck_of(card_id)
        window = windows.get(deck)
        if window is None:
            window = windows[deck] = learn_ahead(deck)
        if due <= now + window:
            counts.setdefault(deck, [0, 0, 0])[1] += 1
        else:
            comes = due - window
            changes = comes if changes is None else min(changes, comes)
    for card_id in reviews:
        counts.setdefault(_deck_of(card_id), [0, 0, 0])[2] += 1
    return {deck: QueueCounts(*c) for deck, c in counts.items()}, changes


def total(counts: Iterable[QueueCounts]) -> QueueCounts:
    """The sum of some decks' counts."""
    new = learning = review = 0
    for c in counts:
        new, learning, review = new + c.new, learning + c.learning, review + c.review
    return QueueCounts(new, learning, review)
