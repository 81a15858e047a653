"""Readiness: the score a learner would get if the exam were on a given day.

The predicted score is the mean, over the entries the exam draws from, of the
predicted recall of the entry's cards on that day (FSRS-6's forgetting curve
from each card's memory). An entry is what an exam asks; its cards (a date
asked both ways, each blank of a cloze) are averaged first, so an entry with
four cards weighs no more than one with one. A card never studied counts as
not known (recall 0): the learner has never shown they know it.

A score is credit, not recall: an entry not recalled may still be guessed right
among a question's options (:mod:`guessing`), so each entry's recall ``r`` counts
as ``r + (1 - r) * g``, ``g`` the guessing floor of its kind in the exam's mix
of formats (``floors``; none given: recall alone). A card's own figures
(:class:`CardForecast`, :meth:`Readiness.weakest`) stay recall: what to study.
"""

from __future__ import annotations

import heapq
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime

from msgspec import Struct, field

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.card import Card
from studyapp.core.decks.model import Deck
from studyapp.core.examday.guessing import with_guessing
from studyapp.core.examday.memory import Memory, MemoryModel
from studyapp.core.quiz.exam import ExamSpec, exam_entries
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import StateTable
from studyapp.core.study.forgetting import SM2_MEMORY_DIFFICULTY

__all__ = [
    "CardForecast",
    "DayCache",
    "ExamCard",
    "Memories",
    "Readiness",
    "card_memories",
    "entry_floors",
    "entry_numbers",
    "entry_partners",
    "exam_cards",
    "memory_of",
    "readiness",
    "readiness_of",
]


class ExamCard(Struct, frozen=True):
    """A card an exam draws from, with what readiness is grouped by."""

    card_id: str
    deck_id: str
    entry_id: str
    kind: str
    tags: tuple[str, ...] = ()
    prompt: str = ""
    spaced: tuple[str, ...] = ()
    """The entries of its deck linked to its own by a leak (``Card.spaced``): the study
    queue shows a new card on no day one of them is studied, and the plan keeps to it."""


def exam_cards(spec: ExamSpec, decks: Sequence[Deck], cards: Iterable[Card]) -> list[ExamCard]:
    """The cards of every entry ``spec`` draws from (its decks, tags and kinds)."""
    entries: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {}
    for deck, entry in exam_entries(spec, decks):
        entries.setdefault(deck.id, {})[entry.id] = (entry.kind, tuple(entry.tags))
    found: list[ExamCard] = []
    add = found.append
    deck_id, chosen = "", entries.get("", {})
    for card in cards:  # cards come deck by deck: the deck's entries are looked up once
        if card.deck_id != deck_id:
            deck_id, chosen = card.deck_id, entries.get(card.deck_id, {})
        found_entry = chosen.get(card.entry_id)
        if found_entry is not None:
            kind, tags = found_entry
            add(ExamCard(card.id, deck_id, card.entry_id, kind, tags, card.prompt, card.spaced))
    return found


def memory_of(state: CardState | None) -> tuple[Memory, datetime] | None:
    """A studied card's memory and when it was last reviewed; None if never studied."""
    if state is None or state.phase is Phase.NEW or state.last_review is None:
        return None
    if state.stability is None or state.difficulty is None:  # reviewed under SM-2
        return Memory(float(max(state.interval, 1)), SM2_MEMORY_DIFFICULTY), state.last_review
    return Memory(state.stability, state.difficulty), state.last_review


class CardForecast(Struct, frozen=True):
    """One card's predicted recall today and on exam day (0 if never studied)."""

    card: ExamCard
    today: float
    exam_day: float
    studied: bool


class Group(Struct, frozen=True):
    """Readiness of a part of the exam: a deck, a tag or a kind."""

    name: str
    entries: int
    score: float


class Readiness(Struct, frozen=True):
    """How ready the learner is for one exam, on exam day and today."""

    today: date
    exam_date: date
    cards: tuple[CardForecast, ...]
    predicted_score: float
    """On exam day, if nothing more is studied."""
    predicted_score_today: float
    entries: int
    unstudied_entries: int
    floors: dict[str, float] = field(default_factory=dict)
    """Kind -> guessing floor of an entry of that kind (see the module's docstring)."""

    def weakest(self, count: int = 10) -> list[CardForecast]:
        """The cards least likely to be recalled on exam day (never-studied ones first)."""
        return heapq.nsmallest(  # sorted()[:count], without sorting 50,000 cards
            count, self.cards, key=lambda f: (f.exam_day, f.studied, f.card.card_id)
        )

    def by(self, what: str) -> list[Group]:
        """Exam-day readiness by ``deck``, ``tag`` or ``kind``, weakest first."""
        keys: Callable[[ExamCard], Iterable[str]] = {
            "deck": lambda c: (c.deck_id,),
            "tag": lambda c: c.tags,
            "kind": lambda c: (c.kind,),
        }[what]
        groups: dict[str, list[CardForecast]] = {}
        for forecast in self.cards:
            for key in keys(forecast.card):
                groups.setdefault(key, []).append(forecast)
        found = [
            Group(name, len(_by_entry(items)), _score(items, "exam_day", self.floors))
            for name, items in groups.items()
        ]
        return sorted(found, key=lambda g: (g.score, g.name))


def _by_entry(forecasts: Iterable[CardForecast]) -> dict[tuple[str, str], list[CardForecast]]:
    entries: dict[tuple[str, str], list[CardForecast]] = {}
    for forecast in forecasts:
        entries.setdefault((forecast.card.deck_id, forecast.card.entry_id), []).append(forecast)
    return entries


def _score(
    forecasts: Iterable[CardForecast], when: str, floors: Mapping[str, float] | None = None
) -> float:
    """The mean over entries of the mean over each entry's cards (with guessing)."""
    entries = _by_entry(forecasts)
    if not entries:
        return 0.0
    floors = floors or {}
    means = [
        with_guessing(
            sum(float(getattr(f, when)) for f in cards) / len(cards),
            floors.get(cards[0].card.kind, 0.0),
        )
        for cards in entries.values()
    ]
    return sum(means) / len(means)


class Memories(Struct, frozen=True):
    """The memory of each of an exam's cards, by position: read once from the states,
    then what readiness and the plan both work from. A card never studied has
    stability 0 and last day 0."""

    stability: list[float]
    difficulty: list[float]
    last_day: list[int]
    """The study day (an ordinal) of the card's last review."""


def card_memories(
    cards: Sequence[ExamCard],
    states: Mapping[str, CardState] | Callable[[str], CardState | None],
    day_of: Callable[[datetime], date],
) -> Memories:
    """Each card's memory and the study day of its last review (see :func:`memory_of`).

    A store's states (:class:`StateTable`, or the store's live view of one) are read
    from their columns: no state is built for a card whose state was not set since
    the snapshot was read, which at 50,000 cards is most of the time spent otherwise.
    """
    if isinstance(states, CardStates):
        states = states.table
    with paused_gc():  # three lists of floats and ints that live on
        if isinstance(states, StateTable):
            return _from_table(cards, states, DayCache(day_of))
        get = states.get if isinstance(states, Mapping) else states
        return _from_states(cards, get, DayCache(day_of))


def _from_states(
    cards: Sequence[ExamCard], get: Callable[[str], CardState | None], days: DayCache
) -> Memories:
    """:func:`memory_of` for each card (the hot loop: inlined, names bound locally)."""
    day_cache, day_of_quarter = days.days, days.miss
    stability: list[float] = []
    difficulty: list[float] = []
    last_day: list[int] = []
    add_s, add_d, add_day = stability.append, difficulty.append, last_day.append
    new, sm2 = Phase.NEW, SM2_MEMORY_DIFFICULTY
    for card in cards:
        state = get(card.card_id)
        last = None if state is None or state.phase is new else state.last_review
        if state is None or last is None:
            add_s(0.0)
            add_d(0.0)
            add_day(0)
            continue
        s, d = state.stability, state.difficulty
        if s is None or d is None:  # reviewed under SM-2
            s, d = float(max(state.interval, 1)), sm2
        add_s(s)
        add_d(d)
        add_day(day_cache.get(int(last.timestamp()) // 900) or day_of_quarter(last))
    return Memories(stability, difficulty, last_day)


def _from_table(cards: Sequence[ExamCard], table: StateTable, days: DayCache) -> Memories:
    """:func:`_from_states` on the table's columns (the hot loop: names bound locally)."""
    columns, row_of, changed = table.columns, table.row_of, table.changed
    phase, last_review = columns.phase, columns.last_review
    s_column, d_column, interval = columns.stability, columns.difficulty, columns.interval
    day_cache, day_of_quarter = days.days, days.miss
    stability: list[float] = []
    difficulty: list[float] = []
    last_day: list[int] = []
    add_s, add_d, add_day = stability.append, difficulty.append, last_day.append
    find = row_of.get
    sm2 = SM2_MEMORY_DIFFICULTY
    for card in cards:
        card_id = card.card_id
        s: float | None = 0.0
        d: float | None = 0.0
        last: datetime | None = None
        if changed and card_id in changed:  # set since the snapshot: a whole state
            known = memory_of(changed[card_id])
            if known is not None:
                memory, last = known
                s, d = memory.stability, memory.difficulty
        else:
            row = find(card_id)
            if row is not None and phase[row]:
                last = last_review[row]
                s, d = s_column[row], d_column[row]
                if s is None or d is None:  # reviewed under SM-2
                    s, d = float(max(interval[row], 1)), sm2
        if last is None or s is None or d is None:
            add_s(0.0)
            add_d(0.0)
            add_day(0)
            continue
        add_s(s)
        add_d(d)
        add_day(day_cache.get(int(last.timestamp()) // 900) or day_of_quarter(last))
    return Memories(stability, difficulty, last_day)


def entry_numbers(cards: Sequence[ExamCard]) -> tuple[list[int], int]:
    """Each card's entry as a number (0, 1, ...: in order of first card), and how many
    entries: readiness and the plan sum by entry into lists rather than dicts."""
    numbers: list[int] = []
    add = numbers.append
    seen: dict[tuple[str, str], int] = {}
    deck = entry = ""
    number = -1
    for card in cards:
        if card.entry_id != entry or card.deck_id != deck:  # an entry's cards are together
            deck, entry = card.deck_id, card.entry_id
            key = (deck, entry)
            number = seen.get(key, -1)
            if number < 0:
                number = seen[key] = len(seen)
        add(number)
    return numbers, len(seen)


def entry_partners(
    cards: Sequence[ExamCard], numbers: Sequence[int], count: int
) -> list[tuple[int, ...]]:
    """Each entry's leak partners among the exam's entries, as entry numbers (by number;
    most entries have none)."""
    number_of = {(c.deck_id, c.entry_id): n for c, n in zip(cards, numbers, strict=True)}
    partners: list[tuple[int, ...]] = [()] * count
    for card, number in zip(cards, numbers, strict=True):
        if card.spaced and not partners[number]:
            found = (number_of.get((card.deck_id, e)) for e in card.spaced)
            partners[number] = tuple(sorted({n for n in found if n is not None}))
    return partners


def readiness(
    cards: Sequence[ExamCard],
    states: Mapping[str, CardState] | Callable[[str], CardState | None],
    model: MemoryModel,
    *,
    today: date,
    exam_date: date,
    day_of: Callable[[datetime], date],
    floors: Mapping[str, float] | None = None,
) -> Readiness:
    """The exam's readiness on ``exam_date`` (and ``today``) from the cards' memory.

    ``day_of`` gives the study day of a moment (the learner's rollover hour and
    time zone), so "days since the last review" counts as the scheduler counts.
    ``floors``: kind -> guessing floor (see the module's docstring).
    """
    memories = card_memories(cards, states, day_of)
    return readiness_of(cards, memories, model, today=today, exam_date=exam_date, floors=floors)


def readiness_of(
    cards: Sequence[ExamCard],
    memories: Memories,
    model: MemoryModel,
    *,
    today: date,
    exam_date: date,
    entries: tuple[list[int], int] | None = None,
    floors: Mapping[str, float] | None = None,
) -> Readiness:
    """:func:`readiness` from memories already read (``entries``: from
    :func:`entry_numbers`, if already worked out)."""
    with paused_gc():  # one small object per card, all kept: nothing for the collector
        numbers, count = entries if entries is not None else entry_numbers(cards)
        found = _readiness(cards, memories, numbers, count, model, today, exam_date, floors)
        return found


def _readiness(
    cards: Sequence[ExamCard],
    memories: Memories,
    numbers: list[int],
    count: int,
    model: MemoryModel,
    today: date,
    exam_date: date,
    floors: Mapping[str, float] | None = None,
) -> Readiness:
    decay, factor = model.decay, model.factor
    today_n, exam_n = today.toordinal(), exam_date.toordinal()
    # by entry: recall today, recall on exam day, cards, studied cards
    now_sum, then_sum = [0.0] * count, [0.0] * count
    size, studied = [0] * count, [0] * count
    forecasts: list[CardForecast] = []
    add = forecasts.append
    rows = zip(cards, numbers, memories.stability, memories.last_day, strict=True)
    for card, e, stability, reviewed in rows:  # the hot loop: recall inlined
        size[e] += 1
        if not stability:
            add(CardForecast(card, 0.0, 0.0, False))
            continue
        elapsed = today_n - reviewed
        now = (1 + factor * elapsed / stability) ** decay if elapsed > 0 else 1.0
        elapsed = exam_n - reviewed
        then = (1 + factor * elapsed / stability) ** decay if elapsed > 0 else 1.0
        now_sum[e] += now
        then_sum[e] += then
        studied[e] += 1
        add(CardForecast(card, now, then, True))
    guess = entry_floors(cards, numbers, count, floors) if floors else None
    return Readiness(
        today=today,
        exam_date=exam_date,
        cards=tuple(forecasts),
        predicted_score=_mean_score(then_sum, size, guess),
        predicted_score_today=_mean_score(now_sum, size, guess),
        entries=count,
        unstudied_entries=studied.count(0),
        floors=dict(floors or {}),
    )


def entry_floors(
    cards: Sequence[ExamCard], numbers: Sequence[int], count: int, floors: Mapping[str, float]
) -> list[float]:
    """Each entry's guessing floor (by entry number), from its kind; one floor alone when
    every kind's is the same (the score is then the mean recall lifted once, at no
    cost per entry: ``r + (1 - r) * g`` is linear in ``r``)."""
    alike = set(floors.values())
    if len(alike) == 1:
        return [alike.pop()]
    found = [0.0] * count
    for card, number in zip(cards, numbers, strict=True):
        found[number] = floors.get(card.kind, 0.0)
    return found


def _mean_score(sums: list[float], sizes: list[int], guess: list[float] | None) -> float:
    """The mean over entries of each entry's mean recall (with its guessing floor: one
    for all, or one an entry; see :func:`entry_floors`)."""
    if not sums:
        return 0.0
    means: list[float] = list(map(operator.truediv, sums, sizes))
    if guess is not None and len(guess) == 1:
        return with_guessing(sum(means) / len(means), guess[0])
    if guess is not None:
        means = list(map(with_guessing, means, guess))
    return sum(means) / len(means)


class DayCache:
    """``day_of`` (as a day number) remembered per quarter hour: a study day begins on a
    whole hour of local time, and every time zone is a whole number of quarter hours from
    UTC, so all the moments of one quarter hour belong to the same study day."""

    def __init__(self, day_of: Callable[[datetime], date]) -> None:
        self.day_of = day_of
        self.days: dict[int, int] = {}

    def miss(self, moment: datetime) -> int:
        found = self.days[int(moment.timestamp()) // 900] = self.day_of(moment).toordinal()
        return found

    def __call__(self, moment: datetime) -> int:
        return self.days.get(int(moment.timestamp()) // 900) or self.miss(moment)
