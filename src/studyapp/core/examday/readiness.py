"""Readiness: the score a learner would get if the exam were on a given day.

The predicted score is the mean, over the entries the exam draws from, of the
predicted recall of the entry's cards on that day (FSRS-6's forgetting curve
from each card's memory). An entry is what an exam asks; its cards (a date
asked both ways, each blank of a cloze) are averaged first, so an entry with
four cards weighs no more than one with one. A card never studied counts as
not known (recall 0): the learner has never shown they know it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime

from msgspec import Struct

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.card import Card
from studyapp.core.decks.model import Deck
from studyapp.core.examday.memory import Memory, MemoryModel
from studyapp.core.quiz.exam import ExamSpec, exam_entries
from studyapp.core.store.state import CardState, Phase

__all__ = [
    "CardForecast",
    "DayCache",
    "ExamCard",
    "Readiness",
    "exam_cards",
    "memory_of",
    "readiness",
]

_SM2_DIFFICULTY = 5.0
"""The difficulty given to a card reviewed under SM-2 (no FSRS memory): the scheduler's own."""


class ExamCard(Struct, frozen=True):
    """A card an exam draws from, with what readiness is grouped by."""

    card_id: str
    deck_id: str
    entry_id: str
    kind: str
    tags: tuple[str, ...] = ()
    prompt: str = ""


def exam_cards(spec: ExamSpec, decks: Sequence[Deck], cards: Iterable[Card]) -> list[ExamCard]:
    """The cards of every entry ``spec`` draws from (its decks, tags and kinds)."""
    entries = {(deck.id, entry.id): entry for deck, entry in exam_entries(spec, decks)}
    found: list[ExamCard] = []
    for card in cards:
        entry = entries.get((card.deck_id, card.entry_id))
        if entry is not None:
            found.append(
                ExamCard(
                    card.id, card.deck_id, card.entry_id, entry.kind, tuple(entry.tags), card.prompt
                )
            )
    return found


def memory_of(state: CardState | None) -> tuple[Memory, datetime] | None:
    """A studied card's memory and when it was last reviewed; None if never studied."""
    if state is None or state.phase is Phase.NEW or state.last_review is None:
        return None
    if state.stability is None or state.difficulty is None:  # reviewed under SM-2
        return Memory(float(max(state.interval, 1)), _SM2_DIFFICULTY), state.last_review
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

    def weakest(self, count: int = 10) -> list[CardForecast]:
        """The cards least likely to be recalled on exam day (never-studied ones first)."""
        ranked = sorted(self.cards, key=lambda f: (f.exam_day, f.studied, f.card.card_id))
        return ranked[:count]

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
            Group(name, len(_by_entry(items)), _score(items, "exam_day"))
            for name, items in groups.items()
        ]
        return sorted(found, key=lambda g: (g.score, g.name))


def _by_entry(forecasts: Iterable[CardForecast]) -> dict[tuple[str, str], list[CardForecast]]:
    entries: dict[tuple[str, str], list[CardForecast]] = {}
    for forecast in forecasts:
        entries.setdefault((forecast.card.deck_id, forecast.card.entry_id), []).append(forecast)
    return entries


def _score(forecasts: Iterable[CardForecast], when: str) -> float:
    """The mean over entries of the mean over each entry's cards."""
    entries = _by_entry(forecasts)
    if not entries:
        return 0.0
    means = [sum(float(getattr(f, when)) for f in cards) / len(cards) for cards in entries.values()]
    return sum(means) / len(means)


def readiness(
    cards: Sequence[ExamCard],
    states: Mapping[str, CardState] | Callable[[str], CardState | None],
    model: MemoryModel,
    *,
    today: date,
    exam_date: date,
    day_of: Callable[[datetime], date],
) -> Readiness:
    """The exam's readiness on ``exam_date`` (and ``today``) from the cards' memory.

    ``day_of`` gives the study day of a moment (the learner's rollover hour and
    time zone), so "days since the last review" counts as the scheduler counts.
    """
    with paused_gc():  # one small object per card, all kept: nothing for the collector
        return _readiness(cards, states, model, today, exam_date, day_of)


def _readiness(
    cards: Sequence[ExamCard],
    states: Mapping[str, CardState] | Callable[[str], CardState | None],
    model: MemoryModel,
    today: date,
    exam_date: date,
    day_of: Callable[[datetime], date],
) -> Readiness:
    get = states.get if isinstance(states, Mapping) else states
    days = DayCache(day_of)
    day_cache, day_of_quarter = days.days, days.miss
    decay, factor = model.decay, model.factor
    today_n, exam_n = today.toordinal(), exam_date.toordinal()
    new_phase = Phase.NEW
    forecasts: list[CardForecast] = []
    # entry -> [recall today, recall on exam day, cards, studied cards], summed in one pass
    sums: dict[tuple[str, str], list[float]] = {}
    for card in cards:  # the hot loop: memory_of, the day cache and recall, inlined
        state = get(card.card_id)
        key = (card.deck_id, card.entry_id)
        total = sums.get(key)
        if total is None:
            total = sums[key] = [0.0, 0.0, 0, 0]
        total[2] += 1
        last = None if state is None or state.phase is new_phase else state.last_review
        if state is None or last is None:
            forecasts.append(CardForecast(card, 0.0, 0.0, False))
            continue
        stability = state.stability
        if stability is None or state.difficulty is None:  # reviewed under SM-2
            stability = float(max(state.interval, 1))
        reviewed = day_cache.get(int(last.timestamp()) // 900) or day_of_quarter(last)
        elapsed = today_n - reviewed
        now = (1 + factor * elapsed / stability) ** decay if elapsed > 0 else 1.0
        elapsed = exam_n - reviewed
        then = (1 + factor * elapsed / stability) ** decay if elapsed > 0 else 1.0
        total[0] += now
        total[1] += then
        total[3] += 1
        forecasts.append(CardForecast(card, now, then, True))
    entries = len(sums)
    return Readiness(
        today=today,
        exam_date=exam_date,
        cards=tuple(forecasts),
        predicted_score=sum(t[1] / t[2] for t in sums.values()) / entries if entries else 0.0,
        predicted_score_today=sum(t[0] / t[2] for t in sums.values()) / entries if entries else 0.0,
        entries=entries,
        unstudied_entries=sum(not t[3] for t in sums.values()),
    )


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
