"""What to study now: learning steps due, reviews due, new cards within daily limits.

A study day starts at a configurable local hour (4 am by default, as in Anki),
so a late-night session still counts as "today". Per deck and per day, at most
``new_per_day`` new cards are introduced and ``reviews_per_day`` reviews shown.
Siblings (other prompts of the same entry) are kept out for the rest of the day
once one of them was answered, so one answer does not give away another; so are
new cards whose answer another entry shown that day gives away (a leak, see
:mod:`studyapp.core.decks.leaks`).
Buried and suspended cards are left out; so are cards whose state is unknown
to the decks (their progress is kept all the same).
"""

from __future__ import annotations

import itertools
import operator
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from msgspec import Struct, structs

from studyapp.core.base.clock import ensure_utc
from studyapp.core.decks.card import Card
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.study.settings import QueueSettings, StudySettings

_DECK_ID = operator.attrgetter("deck_id")

# ------------------------------------------------------------------- study days


def study_day(moment: datetime, day_starts_at: int = 4, tz: tzinfo | None = None) -> date:
    """The study day ``moment`` belongs to (local time, shifted by the rollover hour).

    ``tz=None`` means the system's local time zone.
    """
    local = ensure_utc(moment).astimezone(tz)
    return (local - timedelta(hours=day_starts_at)).date()


def day_start(day: date, day_starts_at: int = 4, tz: tzinfo | None = None) -> datetime:
    """The UTC moment a study day begins."""
    naive = datetime.combine(day, time(day_starts_at))
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(UTC)


def leech_threshold_met(lapses: int, threshold: int) -> bool:
    """Anki's rule: a leech at the threshold, then again every half threshold."""
    if threshold <= 0:
        return False
    half = max(1, -(-threshold // 2))
    return lapses >= threshold and (lapses - threshold) % half == 0


def mark_leech(
    previous: CardState, state: CardState, rating: Rating, queue: QueueSettings
) -> tuple[CardState, bool]:
    """``state`` after an answer, marked a leech (and suspended, if the deck says so) when
    this lapse reaches the threshold; and whether it just became one. One rule for
    answering (the session) and for replaying the history (repair)."""
    lapsed = previous.phase is Phase.REVIEW and rating is Rating.AGAIN
    if not (lapsed and leech_threshold_met(state.lapses, queue.leech_threshold)):
        return state, False
    suspended = state.suspended or queue.leech_action == "suspend"
    return structs.replace(state, leech=True, suspended=suspended), True


# ------------------------------------------------------------------ daily counts


class DayCounts(Struct, frozen=True):
    """What was already studied today, per deck (for the daily limits)."""

    new: Mapping[str, int]
    reviews: Mapping[str, int]
    answered: frozenset[str]
    """Card ids answered today."""
    siblings: frozenset[str]
    """Sibling keys (deck/entry) of the cards answered today."""


def _sibling_key(card_id: str) -> str:
    return card_id.rsplit("/", 1)[0]


def _deck(card_id: str) -> str:
    return card_id.split("/", 1)[0]


def day_counts(
    reviews: Iterable[ReviewRecord], day: date, day_starts_at: int = 4, tz: tzinfo | None = None
) -> DayCounts:
    """Count today's answers from the recent reviews (undone ones are already gone)."""
    start = day_start(day, day_starts_at, tz)
    end = day_start(day + timedelta(days=1), day_starts_at, tz)
    new: Counter[str] = Counter()
    rev: Counter[str] = Counter()
    answered: set[str] = set()
    new_seen: set[str] = set()
    for record in reviews:
        if not start <= record.at < end:
            continue
        answered.add(record.card_id)
        if record.phase is Phase.NEW and record.card_id not in new_seen:
            new_seen.add(record.card_id)
            new[_deck(record.card_id)] += 1
        elif record.phase is Phase.REVIEW:
            rev[_deck(record.card_id)] += 1
    return DayCounts(
        new=dict(new),
        reviews=dict(rev),
        answered=frozenset(answered),
        siblings=frozenset(_sibling_key(c) for c in answered),
    )


# ----------------------------------------------------------------------- queue


class QueueCounts(Struct, frozen=True):
    """Cards left today, as shown on the study screen (new / learning / review)."""

    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


class StudyQueue(Struct, frozen=True):
    """Today's queue, built once; a session then keeps it up to date as cards are answered."""

    day: date
    learning: tuple[tuple[datetime, str], ...]
    """(Re)learning cards due before the day ends, earliest first (some may be due later)."""
    reviews: tuple[str, ...]
    """Review cards due today, within the limits, in the order to show them."""
    new: tuple[str, ...]
    """New cards to introduce today, within the limits, in deck order."""

    def counts(self, now: datetime) -> QueueCounts:
        """How many are left, counting learning cards due by ``now`` only."""
        now = ensure_utc(now)
        due = sum(1 for when, _ in self.learning if when <= now)
        return QueueCounts(len(self.new), due, len(self.reviews))


def is_hidden(state: CardState, day: date) -> bool:
    """Suspended, or buried until a day that is not over yet."""
    return state.suspended or (state.buried_until is not None and state.buried_until >= day)


def interleave_kinds(cards: Sequence[Card]) -> list[Card]:
    """New cards taken entry by entry, one kind after another (a date, a figure, a
    quote, a date...), each kind in deck order; an entry's cards stay together.

    Decks are often written kind by kind (all the dates, then all the figures), and
    introduced in that order a learner met fifteen dates in a row, each one making
    the next harder to tell apart. Anki spreads new cards of different note types
    the same way ("card type" ordering aside); within a kind, deck order stands.
    """
    entries: dict[str, list[Card]] = {}  # an entry's cards (its siblings), in deck order
    for card in cards:
        entries.setdefault(card.sibling_key, []).append(card)
    kinds: dict[str, list[list[Card]]] = {}
    for siblings in entries.values():
        kinds.setdefault(siblings[0].kind, []).append(siblings)
    if len(kinds) < 2:
        return list(cards)
    rounds = itertools.zip_longest(*kinds.values())
    return [card for row in rounds for siblings in row if siblings for card in siblings]


def build_queue(
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    recent: Iterable[ReviewRecord],
    settings: StudySettings,
    now: datetime,
    *,
    rng: random.Random,
    tz: tzinfo | None = None,
) -> StudyQueue:
    """Today's queue for ``cards`` (in deck order), from their states and today's answers.

    ``rng`` orders reviews due on the same day (Anki: by due day, then random).
    New cards come in deck order with kinds interleaved (:func:`interleave_kinds`), and
    none is introduced on a day its entry's leak partners (``Card.spaced``) are shown.
    """
    now = ensure_utc(now)
    rollover = settings.queue.day_starts_at
    today = study_day(now, rollover, tz)
    tomorrow = day_start(today + timedelta(days=1), rollover, tz)
    done = day_counts(recent, today, rollover, tz)
    deck_settings = {deck: settings.for_deck(deck) for deck in set(map(_DECK_ID, cards))}

    # Local day number of a due time, for ordering only: the offset of "now" is
    # close enough (whether a card is due at all is decided by the exact boundary).
    offset = (ensure_utc(now).astimezone(tz).utcoffset() or timedelta(0)).total_seconds()
    shift = offset - rollover * 3600

    learning: list[tuple[datetime, str]] = []
    reviews: list[tuple[float, float, int, Card]] = []
    new_cards: list[Card] = []
    # One pass over every card (50,000 in a big collection): locals, no calls
    # per card beyond the state lookup (this is is_hidden(), inlined), which is the
    # store's dict's own get (C) when given a store's states.
    get = states.getter() if isinstance(states, CardStates) else states.get
    new_phase, review_phase, random_ = Phase.NEW, Phase.REVIEW, rng.random
    for index, card in enumerate(cards):
        state = get(card.id)
        if state is None:
            new_cards.append(card)
            continue
        due, phase = state.due, state.phase
        if due is not None and due >= tomorrow and phase is not new_phase:
            continue  # the most common case by far: seen, and not due today
        hidden = state.suspended or (state.buried_until is not None and state.buried_until >= today)
        if phase is new_phase:
            if not hidden:
                new_cards.append(card)
            continue
        if hidden or due is None:
            continue
        if phase is review_phase:
            reviews.append(((due.timestamp() + shift) // 86400, random_(), index, card))
        else:
            learning.append((due, card.id))
    learning.sort()
    reviews.sort(key=lambda item: item[:3])

    # Siblings: one card per entry per day, and none once a sibling was answered today.
    taken: set[str] = set()

    def allowed(card: Card) -> bool:
        bury = deck_settings[card.deck_id].queue.bury_siblings
        if bury and (card.sibling_key in taken or card.sibling_key in done.siblings):
            return False
        taken.add(card.sibling_key)
        return True

    def leak_free(card: Card) -> bool:
        """A new card whose answer a leak partner gives away (or the other way round)
        waits for a day when no partner is shown (see ``decks.leaks``): a sibling rule."""
        if not card.spaced or not deck_settings[card.deck_id].queue.bury_siblings:
            return True
        deck = card.deck_id
        return not any(
            (key := f"{deck}/{entry}") in taken or key in done.siblings for entry in card.spaced
        )

    for _, card_id in learning:
        taken.add(_sibling_key(card_id))
    review_left = {
        d: max(0, s.queue.reviews_per_day - done.reviews.get(d, 0))
        for d, s in deck_settings.items()
    }
    new_left = {
        d: max(0, s.queue.new_per_day - done.new.get(d, 0)) for d, s in deck_settings.items()
    }
    chosen_reviews: list[str] = []
    for *_, card in reviews:
        if review_left[card.deck_id] > 0 and allowed(card):
            review_left[card.deck_id] -= 1
            chosen_reviews.append(card.id)
    chosen_new: list[str] = []
    room = sum(new_left.values())
    for card in interleave_kinds(new_cards) if room else ():
        if not room:
            break  # every deck's limit is reached: no card below can be taken
        if new_left[card.deck_id] > 0 and leak_free(card) and allowed(card):
            new_left[card.deck_id] -= 1
            room -= 1
            chosen_new.append(card.id)
    return StudyQueue(today, tuple(learning), tuple(chosen_reviews), tuple(chosen_new))
