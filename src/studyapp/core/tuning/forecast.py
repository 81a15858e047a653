"""The next days' answers at a desired retention, starting from the learner's own cards.

fsrs-rs's ``simulate`` (as the Python binding exposes it) takes no existing cards: it
starts every card as new, so for a learner who has learned most of a deck it forecasts
learning the whole deck again. The Stats chart needs the work that is actually coming:
the cards already studied fall due as their schedule says, and from their next answer
on they are scheduled at the retention being tried; new cards come in at the daily
limit. Each answer's memory and interval are fsrs-rs's (``FSRS.next_states``); whether
a card is recalled is drawn (seeded) from the forgetting curve, grades from the
learner's own shares (:class:`~studyapp.core.tuning.retention.AnswerStats`).

Same-day learning steps are not counted: a day's figure is the cards answered that day
(reviews, lapses and new cards), Anki's "reviews per day" of its simulator.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, tzinfo

import fsrs_rs_python as fr
from msgspec import Struct

from studyapp.core.store.state import CardState, Phase
from studyapp.core.study.forgetting import ForgettingCurve
from studyapp.core.study.queue import study_day

__all__ = ["ForecastCard", "NewCards", "forecast_cards", "forecast_reviews"]


class ForecastCard(Struct, frozen=True):
    """A studied card as the forecast sees it: its memory and its days (0 = today)."""

    stability: float
    difficulty: float
    last_day: int
    """The study day of its last answer (0 or before)."""
    due_day: int
    """The study day it is due (before 0: overdue, answered first)."""


class NewCards(Struct, frozen=True):
    """A deck's cards not yet studied, and how many of them a day may be started."""

    count: int
    per_day: int


def forecast_cards(
    states: Mapping[str, CardState],
    card_ids: Sequence[str],
    today: date,
    *,
    day_starts_at: int = 4,
    tz: tzinfo | None = None,
) -> tuple[list[ForecastCard], int]:
    """The studied cards among ``card_ids`` (suspended ones left out) and the count of
    those never studied. A card with no FSRS memory (SM-2, or damaged) counts as neither."""
    out: list[ForecastCard] = []
    new = 0
    for card_id in card_ids:
        state = states.get(card_id)
        if state is None or state.phase is Phase.NEW:
            if state is None or not state.suspended:
                new += 1
            continue
        if state.suspended:
            continue
        s, d, due, last = state.stability, state.difficulty, state.due, state.last_review
        if s is None or d is None or due is None or last is None or s <= 0:
            continue
        out.append(
            ForecastCard(
                s,
                d,
                (study_day(last, day_starts_at, tz) - today).days,
                (study_day(due, day_starts_at, tz) - today).days,
            )
        )
    return out, new


def _draw(rng: random.Random, shares: Sequence[float]) -> int:
    """An index drawn with probabilities ``shares`` (they sum to 1, or near)."""
    x = rng.random() * sum(shares)
    for index, share in enumerate(shares):
        x -= share
        if x < 0:
            return index
    return len(shares) - 1


def forecast_reviews(
    parameters: Sequence[float],
    retentions: Sequence[float],
    *,
    cards: Sequence[ForecastCard],
    new: Sequence[NewCards],
    review_limit: int,
    first_rating_prob: Sequence[float],
    review_rating_prob: Sequence[float],
    max_interval: int = 36500,
    days: int = 90,
    seed: int = 42,
) -> dict[float, list[int]]:
    """Cards answered on each of the next ``days`` days (today first), at each retention.

    ``review_limit``: reviews a day at most (the rest wait, most overdue first); every
    retention draws from the same seed, so the series differ by the retention only.
    """
    curve = ForgettingCurve(parameters)
    fsrs = fr.FSRS(list(parameters))
    state = fr.MemoryState
    out: dict[float, list[int]] = {}
    for retention in retentions:
        rng = random.Random(seed)
        stability = [c.stability for c in cards]
        difficulty = [c.difficulty for c in cards]
        last = [c.last_day for c in cards]
        buckets: list[list[int]] = [[] for _ in range(days)]
        waiting = sorted(range(len(cards)), key=lambda i: cards[i].due_day)
        carried = [i for i in waiting if cards[i].due_day <= 0]
        for i in waiting:
            if 0 < cards[i].due_day < days:
                buckets[cards[i].due_day].append(i)
        remaining = [deck.count for deck in new]
        first = fsrs.next_states(None, retention, 0)
        counts: list[int] = []
        for day in range(days):
            due = carried + buckets[day]
            today, carried = due[:review_limit], due[review_limit:]
            for i in today:
                elapsed = max(day - last[i], 0)
                recall = curve.recall(elapsed, stability[i])
                grade = 0 if rng.random() >= recall else 1 + _draw(rng, review_rating_prob)
                nexts = fsrs.next_states(state(stability[i], difficulty[i]), retention, elapsed)
                chosen = (nexts.again, nexts.hard, nexts.good, nexts.easy)[grade]
                stability[i], difficulty[i] = chosen.memory.stability, chosen.memory.difficulty
                last[i] = day
                due_day = day + min(max(round(chosen.interval), 1), max_interval)
                if due_day < days:
                    buckets[due_day].append(i)
            started = 0
            for n, deck in enumerate(new):
                take = min(deck.per_day, remaining[n])
                remaining[n] -= take
                started += take
                for _ in range(take):
                    chosen = (first.again, first.hard, first.good, first.easy)[
                        _draw(rng, first_rating_prob)
                    ]
                    stability.append(chosen.memory.stability)
                    difficulty.append(chosen.memory.difficulty)
                    last.append(day)
                    due_day = day + min(max(round(chosen.interval), 1), max_interval)
                    if due_day < days:
                        buckets[due_day].append(len(stability) - 1)
            counts.append(len(today) + started)
        out[retention] = counts
    return out
