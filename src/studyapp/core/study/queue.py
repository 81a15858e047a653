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

With 200,000 cards the work is in finding today's candidates among them: it reads
the store's columns (the due column at C speed, then only the cards due, the new
ones and the states set since: :func:`todays_candidates`) and is done once until a
state changes, for the home screen's counts and the session that follows alike.
"""

from __future__ import annotations

import itertools
import operator
import random
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from msgspec import Struct, structs

from studyapp.core.base.clock import ensure_utc
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.card import Card
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.statetable import SUSPENDED, StateTable
from studyapp.core.study.cardrows import CardRows, card_rows
from studyapp.core.study.settings import QueueSettings, StudySettings, TodayLimits

_DECK_ID = operator.attrgetter("deck_id")
_KIND = operator.attrgetter("kind")
_ENTRY = operator.attrgetter("deck_id", "entry_id")
_FIRST = operator.itemgetter(0)
_FIRST_THREE = operator.itemgetter(0, 1, 2)

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
    answers: Mapping[str, int] = {}
    """Per deck, the answers given today (a card answered three times counts three)."""


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
    answers: Counter[str] = Counter()
    for record in reviews:
        if not start <= record.at < end:
            continue
        answers[_deck(record.card_id)] += 1
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
        answers=dict(answers),
    )


def counts_today(
    reviews: Iterable[ReviewRecord],
    settings: StudySettings,
    now: datetime,
    tz: tzinfo | None = None,
) -> DayCounts:
    """:func:`day_counts` of the study day ``now`` falls in, as the queue counts it."""
    rollover = settings.queue.day_starts_at
    return day_counts(reviews, study_day(ensure_utc(now), rollover, tz), rollover, tz)


def more_new_today(
    settings: StudySettings,
    reviews: Iterable[ReviewRecord],
    now: datetime,
    decks: Iterable[str],
    more: int = 10,
    tz: tzinfo | None = None,
) -> StudySettings:
    """``settings`` with ``decks``' new-card limits raised by ``more`` for the rest of the
    study day ``now`` falls in (Anki's "today only" limit; the next day they are gone).

    The cards come on top of what each deck introduced today: with the limit lowered
    below that since (5, after 20), "limit + 10" gave nothing at all. Limits raised
    earlier that day are kept, and a deck raised again gets ``more`` on top of them.
    """
    rollover = settings.queue.day_starts_at
    today = study_day(ensure_utc(now), rollover, tz)
    done = day_counts(reviews, today, rollover, tz)
    limits = dict(settings.today.on(today))
    for deck in decks:
        limits[deck] = max(settings.new_limit(deck, today), done.new.get(deck, 0)) + more
    return structs.replace(settings, today=TodayLimits(today, limits))


def held_back(done: DayCounts, settings: StudySettings) -> frozenset[str]:
    """The sibling keys (deck/entry) the queue shows no card of for the rest of the day:
    answered today, in a deck that buries siblings (see :func:`build_queue`)."""
    return frozenset(
        key for key in done.siblings if settings.for_deck(_deck(key)).queue.bury_siblings
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
    cards: Mapping[str, Card] = {}
    """The cards of all these ids, by id."""
    planned: tuple[str, ...] = ()
    """The reviews and new cards among these that an exam's plan put on today."""
    answered_today: int = 0
    """Answers already given today in these decks (what "done" starts from)."""

    def counts(self, now: datetime) -> QueueCounts:
        """How many are left, counting learning cards due by ``now`` only."""
        now = ensure_utc(now)
        due = sum(1 for when, _ in self.learning if when <= now)
        return QueueCounts(len(self.new), due, len(self.reviews))


def is_hidden(state: CardState, day: date) -> bool:
    """Suspended, or buried until a day that is not over yet."""
    return state.suspended or (state.buried_until is not None and state.buried_until >= day)


def interleave_kinds(cards: Sequence[Card]) -> Iterator[Card]:
    """New cards taken entry by entry, one kind after another (a date, a figure, a
    quote, a date...), each kind in deck order; an entry's cards stay together.

    Decks are often written kind by kind (all the dates, then all the figures), and
    introduced in that order a learner met fifteen dates in a row, each one making
    the next harder to tell apart. Anki spreads new cards of different note types
    the same way ("card type" ordering aside); within a kind, deck order stands.
    Lazy: the queue takes the first few dozen of tens of thousands.
    """
    if len(dict.fromkeys(map(_KIND, cards))) < 2:
        return iter(cards)
    entries: dict[tuple[str, str], list[Card]] = {}  # an entry's cards, in deck order
    for key, card in zip(map(_ENTRY, cards), cards, strict=True):
        siblings = entries.get(key)
        if siblings is None:
            entries[key] = [card]
        else:
            siblings.append(card)
    kinds: dict[str, list[list[Card]]] = {}
    for siblings in entries.values():
        kinds.setdefault(siblings[0].kind, []).append(siblings)
    if len(kinds) < 2:
        return iter(cards)
    rounds = itertools.zip_longest(*kinds.values())
    return (card for row in rounds for siblings in row if siblings for card in siblings)


class _Due(Struct, frozen=True):
    """Today's candidates among the cards, by position: what a queue is chosen from."""

    learning: list[tuple[datetime, int]]
    """(Re)learning cards due before the day ends, not hidden: (due, position)."""
    reviews: list[tuple[int, datetime]]
    """Review cards due before the day ends, not hidden: (position, due), in order."""
    new: list[int]
    """New cards not hidden that have a state (or a state set since), in order; with
    :attr:`CardRows.unseen` (less :attr:`taken`), every new card."""
    taken: frozenset[int]
    """Positions of unseen cards that a state set since decides about."""


def _due(cards: Sequence[Card], table: StateTable, today: date, tomorrow: datetime) -> _Due:
    """Today's candidates: a pass over the due column at C speed, then only the cards
    due (a few thousand of 200,000), the new ones and the states set since."""
    join = card_rows(cards, table)
    columns, ids, changed = table.columns, table.ids, table.changed
    phase, flags, buried, due_at = (
        columns.phase,
        columns.flags,
        columns.buried_until,
        columns.due,
    )
    learning: list[tuple[datetime, int]] = []
    reviews: list[tuple[int, datetime]] = []
    new: list[int] = []
    rows = [r for r, due in enumerate(due_at) if due is None or due < tomorrow]
    rows += _rows_holding(phase, 0)  # new cards whatever their due (may repeat a row)
    position = join.position
    for row in sorted(set(rows)):
        p = position[row]
        if p < 0 or (changed and ids[row] in changed):
            continue  # no card has it, or a state set since decides
        until = buried[row]
        if flags[row] & SUSPENDED or (until is not None and until >= today):
            continue  # hidden
        code, due = phase[row], due_at[row]
        if code == 0:
            new.append(p)
        elif due is None or due >= tomorrow:
            continue
        elif code == 2:
            reviews.append((p, due))
        else:
            learning.append((due, p))
    taken: set[int] = set()
    where = join.changed_positions(table)
    for card_id, state in changed.items():
        p = where.get(card_id, -1)
        if p < 0:
            continue
        if join.row[p] < 0:
            taken.add(p)
        due, kind = state.due, state.phase
        if is_hidden(state, today):
            continue
        if kind is Phase.NEW:
            new.append(p)
        elif due is None or due >= tomorrow:
            continue
        elif kind is Phase.REVIEW:
            reviews.append((p, due))
        else:
            learning.append((due, p))
    new.sort()
    reviews.sort(key=_FIRST)
    return _Due(learning, reviews, new, frozenset(taken))


def _rows_holding(column: list[int], value: int) -> list[int]:
    """The rows where ``column`` holds ``value`` (``list.index`` scans in C)."""
    found: list[int] = []
    index = column.index
    start = 0
    while True:
        try:
            start = index(value, start)
        except ValueError:
            return found
        found.append(start)
        start += 1


_DUE_KEY = "study.queue.due"


def todays_candidates(
    cards: Sequence[Card], states: Mapping[str, CardState], today: date, tomorrow: datetime
) -> tuple[_Due, CardRows[Card]]:
    """Today's candidates among ``cards``: worked out once for a store's states until
    one changes (the home screen's counts and the session that follows share them)."""
    if isinstance(states, CardStates):
        table, memo = states.table, states.memo
    else:
        table = states if isinstance(states, StateTable) else StateTable.from_states(states)
        memo = {}
    kept = memo.get(_DUE_KEY)
    if kept is not None and kept[0] is cards and kept[1] == (len(cards), today, tomorrow):
        return kept[2], kept[3]
    # Lists of 200,000 items that live on: a collection meanwhile would only rescan them.
    with paused_gc():
        found = _due(cards, table, today, tomorrow)
    join = card_rows(cards, table)
    memo[_DUE_KEY] = (cards, (len(cards), today, tomorrow), found, join)
    return found, join


def build_queue(
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    recent: Iterable[ReviewRecord],
    settings: StudySettings,
    now: datetime,
    *,
    rng: random.Random,
    tz: tzinfo | None = None,
    decks: Collection[str] | None = None,
    planned: Collection[str] = (),
) -> StudyQueue:
    """Today's queue for ``cards`` (in deck order), from their states and today's answers.

    ``rng`` orders reviews due on the same day (Anki: by due day, then random).
    New cards come in deck order with kinds interleaved (:func:`interleave_kinds`), and
    none is introduced on a day its entry's leak partners (``Card.spaced``) are shown.
    ``decks``: only these decks' cards (None: all), as if ``cards`` held only theirs;
    the work over every card is then shared with the queue of all of them.
    ``planned``: the cards an exam's plan puts on today (see ``examday.upcoming``). They
    come first, due or not (a review before its due day is an early review, which the
    scheduler schedules as FSRS does), past the daily limits but counted against them
    (the limits then leave room for fewer others, as they do once they are answered);
    hidden, learning and already answered cards, and buried siblings, stay out.
    """
    now = ensure_utc(now)
    rollover = settings.queue.day_starts_at
    today = study_day(now, rollover, tz)
    tomorrow = day_start(today + timedelta(days=1), rollover, tz)
    done = day_counts(recent, today, rollover, tz)
    found, join = todays_candidates(cards, states, today, tomorrow)
    wanted = join.decks if decks is None else join.decks & set(decks)
    deck_settings = {deck: settings.for_deck(deck) for deck in wanted}

    # Local day number of a due time, for ordering only: the offset of "now" is
    # close enough (whether a card is due at all is decided by the exact boundary).
    offset = (ensure_utc(now).astimezone(tz).utcoffset() or timedelta(0)).total_seconds()
    shift = offset - rollover * 3600

    everything = decks is None or wanted == join.decks
    learning_cards = [
        (due, cards[p]) for due, p in found.learning if everything or cards[p].deck_id in wanted
    ]
    learning = sorted((due, card.id) for due, card in learning_cards)
    random_ = rng.random
    reviews = [
        ((due.timestamp() + shift) // 86400, random_(), p, cards[p])
        for p, due in found.reviews
        if everything or cards[p].deck_id in wanted
    ]
    reviews.sort(key=_FIRST_THREE)
    positions = join.unseen
    if found.taken:
        positions = [p for p in positions if p not in found.taken]
    if found.new:
        positions = sorted(positions + found.new)  # two sorted runs: merged in C
    new_cards = list(map(cards.__getitem__, positions))
    if not everything:
        in_decks = map(wanted.__contains__, map(_DECK_ID, new_cards))
        new_cards = list(itertools.compress(new_cards, in_decks))

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

    queued: dict[str, Card] = {card.id: card for _, card in learning_cards}
    for _, card_id in learning:
        taken.add(_sibling_key(card_id))
    review_left = {
        d: max(0, s.queue.reviews_per_day - done.reviews.get(d, 0))
        for d, s in deck_settings.items()
    }
    raised = settings.today.on(today)  # "n": more new cards for the rest of the day
    new_left = {
        d: max(0, max(s.queue.new_per_day, raised.get(d, 0)) - done.new.get(d, 0))
        for d, s in deck_settings.items()
    }
    chosen_reviews: list[str] = []
    chosen_new: list[str] = []
    plan_reviews, plan_new = (
        _planned(planned, join, states, today, done.answered, wanted) if planned else ([], [])
    )
    for card in plan_reviews:
        if allowed(card):
            review_left[card.deck_id] = max(0, review_left[card.deck_id] - 1)
            chosen_reviews.append(card.id)
            queued[card.id] = card
    for card in plan_new:
        if leak_free(card) and allowed(card):
            new_left[card.deck_id] = max(0, new_left[card.deck_id] - 1)
            chosen_new.append(card.id)
            queued[card.id] = card
    chosen_planned = (*chosen_reviews, *chosen_new)
    for *_, card in reviews:
        if card.id in queued:
            continue  # (planned)
        if review_left[card.deck_id] > 0 and allowed(card):
            review_left[card.deck_id] -= 1
            chosen_reviews.append(card.id)
            queued[card.id] = card
    room = sum(new_left.values())
    for card in interleave_kinds(new_cards) if room else ():
        if not room:
            break  # every deck's limit is reached: no card below can be taken
        if card.id in queued:
            continue  # (planned)
        if new_left[card.deck_id] > 0 and leak_free(card) and allowed(card):
            new_left[card.deck_id] -= 1
            room -= 1
            chosen_new.append(card.id)
            queued[card.id] = card
    return StudyQueue(
        today,
        tuple(learning),
        tuple(chosen_reviews),
        tuple(chosen_new),
        queued,
        chosen_planned,
        sum(n for deck, n in done.answers.items() if deck in wanted),
    )


def _planned(
    planned: Collection[str],
    join: CardRows[Card],
    states: Mapping[str, CardState],
    today: date,
    answered: Collection[str],
    decks: Collection[str],
) -> tuple[list[Card], list[Card]]:
    """The planned cards that may join today's queue, in deck order: reviews (due or not)
    and new cards; not hidden ones, nor learning ones (they are queued as such), nor
    those answered today, nor other decks'."""
    if isinstance(states, CardStates):
        states = states.table  # one state built per planned card, not every state
    where = join.positions_of(planned)
    reviews: list[Card] = []
    new: list[Card] = []
    for card_id, p in sorted(where.items(), key=operator.itemgetter(1)):
        card = join.cards[p]
        if card.deck_id not in decks or card_id in answered:
            continue
        state = states.get(card_id)
        if state is None or state.phase is Phase.NEW:
            if state is None or not is_hidden(state, today):
                new.append(card)
        elif state.phase is Phase.REVIEW and not is_hidden(state, today):
            reviews.append(card)
    return reviews, new
