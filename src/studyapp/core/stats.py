"""Statistics: is the learner remembering, how much work is coming, what is weak.

Everything is computed in one pass over the review history (which the store
reads lazily from disk), so a long history never has to sit in memory. Days
are study days (rolling over at the configured local hour), like the queue's.

* true retention: the share of *review* answers (not learning steps) that were
  not Again, over the last 1, 7 and 30 days: what FSRS aims to keep at the
  desired retention;
* reviews per day and a 30-day forecast of due cards;
* accuracy per entry kind (dates, figures, quotes...), mastery per deck;
* the streak of consecutive study days.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from studyapp.core.cards import Card
from studyapp.core.clock import ensure_utc
from studyapp.core.progress import ReviewRecord
from studyapp.core.queue import study_day
from studyapp.core.scheduler import CardState, Phase, Rating

MATURE_DAYS = 21
"""Interval (days) from which a review card counts as mastered (Anki's "mature")."""


@dataclass(frozen=True, slots=True)
class Ratio:
    """``hits`` out of ``total``; ``rate`` is None when there is nothing to measure."""

    hits: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class DeckMastery:
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


@dataclass(frozen=True, slots=True)
class Streak:
    current: int
    """Consecutive study days up to today (or yesterday, if today has no review yet)."""
    longest: int
    studied_today: bool


@dataclass(frozen=True, slots=True)
class Stats:
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
        key = int(moment.timestamp()) // 900
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
    cards: Iterable[Card], states: Mapping[str, CardState], mature_days: int = MATURE_DAYS
) -> dict[str, DeckMastery]:
    """Per deck: how many cards are new, learning, young and mature (and suspended)."""
    counts: dict[str, Counter[str]] = {}
    for card in cards:
        c = counts.setdefault(card.deck_id, Counter())
        state = states.get(card.id)
        c["total"] += 1
        if state is None or state.phase is Phase.NEW:
            c["new"] += 1
        elif state.phase in (Phase.LEARNING, Phase.RELEARNING):
            c["learning"] += 1
        elif state.interval >= mature_days:
            c["mature"] += 1
        else:
            c["young"] += 1
        if state is not None and state.suspended:
            c["suspended"] += 1
    return {
        deck: DeckMastery(
            c["total"], c["new"], c["learning"], c["young"], c["mature"], c["suspended"]
        )
        for deck, c in counts.items()
    }


def due_forecast(
    states: Iterable[CardState],
    now: datetime,
    days: int = 30,
    *,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
) -> tuple[tuple[date, int], ...]:
    """Cards due on each of the next ``days`` study days; overdue cards count today."""
    today = study_day(ensure_utc(now), day_starts_at, tz)
    by_day: Counter[date] = Counter()
    to_day = _Days(day_starts_at, tz)
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
    cards: Sequence[Card],
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
    kind_of = {c.id: c.kind for c in cards}
    window_starts = {w: now - timedelta(days=w) for w in windows}
    first_day = today - timedelta(days=days - 1)

    retention = {w: [0, 0] for w in windows}
    per_day: Counter[date] = Counter()
    by_kind: dict[str, list[int]] = {}
    study_days: set[date] = set()
    total = 0
    spent_ms = 0
    for record in history:
        total += 1
        spent_ms += record.took_ms or 0
        passed = record.rating is not Rating.AGAIN
        day = to_day(record.at)
        study_days.add(day)
        if day >= first_day:
            per_day[day] += 1
        if record.phase is Phase.REVIEW:
            for w, start in window_starts.items():
                if start < record.at <= now:
                    retention[w][0] += passed
                    retention[w][1] += 1
        kind = kind_of.get(record.card_id)
        if kind is not None:
            counts = by_kind.setdefault(kind, [0, 0])
            counts[0] += passed
            counts[1] += 1

    return Stats(
        today=today,
        retention={w: Ratio(h, t) for w, (h, t) in retention.items()},
        reviews_per_day=tuple(
            (first_day + timedelta(days=i), per_day[first_day + timedelta(days=i)])
            for i in range(days)
        ),
        forecast=due_forecast(states.values(), now, days, day_starts_at=day_starts_at, tz=tz),
        accuracy_by_kind={k: Ratio(h, t) for k, (h, t) in sorted(by_kind.items())},
        mastery_by_deck=mastery_by_deck(cards, states),
        streak=_streak(study_days, today),
        total_reviews=total,
        time_spent=timedelta(milliseconds=spent_ms),
    )
