"""Desired retention, and the work it costs: fsrs-rs's simulator on the learner's habits.

A higher desired retention means more reviews; a lower one, more forgetting and
relearning. fsrs-rs's ``optimal_retention`` simulates a learner with the preset's deck
size and daily limits for a year at many retentions and returns the one with the least
study time per card remembered at the end: Anki's "minimum recommended retention".
How long answers take and how the learner grades come from their own history
(:class:`AnswerStats`, fsrs-rs's defaults where it has too few answers to tell).

The binding's ``simulate`` starts from new cards (it takes no existing ones), so a
workload here is that of this preset's cards learned from today at the preset's pace.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import fsrs_rs_python as fr
from msgspec import Struct

from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase, Rating
from studyapp.core.study.settings import DeckSettings

__all__ = [
    "AnswerStats",
    "RetentionAdvice",
    "Workload",
    "daily_reviews",
    "simulator_config",
    "suggest_retention",
    "workload",
]

YEAR = 365
"""Days simulated to find the optimal retention (Anki's span)."""
_MIN_ANSWERS = 20
"""Answers of a kind needed before the learner's own figure replaces fsrs-rs's default."""
_MAX_MS = 1_200_000
"""Answers longer than this (20 minutes: the learner left) do not count for costs."""
_STATE = {Phase.NEW: 0, Phase.LEARNING: 0, Phase.REVIEW: 1, Phase.RELEARNING: 2}
_MAX_STEPS = 5
"""fsrs-rs simulates at most this many (re)learning steps."""


class AnswerStats:
    """How the learner answers: time per answer by phase and grade, first grades, and
    grades of recalled reviews. Gathered as the history streams past (:meth:`watch`)."""

    def __init__(self) -> None:
        self.cost_ms = [[0, 0, 0, 0] for _ in range(3)]
        self.cost_count = [[0, 0, 0, 0] for _ in range(3)]
        self.first = [0, 0, 0, 0]
        self.passes = [0, 0, 0]

    def add(self, review: ReviewRecord) -> None:
        state, grade = _STATE[review.phase], int(review.rating) - 1
        took = review.took_ms
        if took is not None and 0 < took < _MAX_MS:
            self.cost_ms[state][grade] += took
            self.cost_count[state][grade] += 1
        if review.phase is Phase.NEW:
            self.first[grade] += 1
        elif review.phase is Phase.REVIEW and review.rating is not Rating.AGAIN:
            self.passes[grade - 1] += 1

    def watch(self, reviews: Iterable[ReviewRecord]) -> Iterator[ReviewRecord]:
        """``reviews`` unchanged, each counted on the way."""
        for review in reviews:
            self.add(review)
            yield review


def _shares(counts: Sequence[int], default: Sequence[float]) -> list[float]:
    total = sum(counts)
    if total < _MIN_ANSWERS:
        return list(default)
    return [(c + 0.5) / (total + 0.5 * len(counts)) for c in counts]  # never exactly 0


def simulator_config(
    stats: AnswerStats, *, deck_size: int, settings: DeckSettings, days: int = YEAR
) -> fr.SimulatorConfig:
    """fsrs-rs's simulator set up as this learner studies this preset."""
    base = fr.default_simulator_config()
    costs = [
        [
            total / count / 1000 if count >= _MIN_ANSWERS else default
            for total, count, default in zip(totals, counts, defaults, strict=True)
        ]
        for totals, counts, defaults in zip(
            stats.cost_ms, stats.cost_count, base.state_rating_costs, strict=True
        )
    ]
    return fr.SimulatorConfig(
        deck_size=max(1, deck_size),
        learn_span=days,
        max_cost_perday=86_400.0,
        max_ivl=float(settings.scheduler.maximum_interval),
        first_rating_prob=_shares(stats.first, base.first_rating_prob),
        review_rating_prob=_shares(stats.passes, base.review_rating_prob),
        learn_limit=max(1, settings.queue.new_per_day),  # none a day: nothing to simulate
        review_limit=settings.queue.reviews_per_day,
        new_cards_ignore_review_limit=True,
        learning_step_transitions=base.learning_step_transitions,
        relearning_step_transitions=base.relearning_step_transitions,
        state_rating_costs=costs,
        learning_step_count=min(len(settings.scheduler.learning_steps), _MAX_STEPS),
        relearning_step_count=min(len(settings.scheduler.relearning_steps), _MAX_STEPS),
    )


class Workload(Struct, frozen=True):
    """What studying at ``retention`` costs over ``days``: means a day, cards known at the end."""

    retention: float
    reviews_per_day: float
    minutes_per_day: float
    memorized: float
    days: int

    def to_json(self) -> dict[str, float | int]:
        return {
            "retention": round(self.retention, 3),
            "reviews_per_day": round(self.reviews_per_day, 1),
            "minutes_per_day": round(self.minutes_per_day, 1),
            "memorized": round(self.memorized),
            "days": self.days,
        }


def _simulate(
    parameters: Sequence[float], retention: float, config: fr.SimulatorConfig, seed: int
) -> fr.SimulationResult:
    return fr.simulate(list(parameters), retention, config, seed)


def workload(
    parameters: Sequence[float], retention: float, config: fr.SimulatorConfig, *, seed: int = 42
) -> Workload:
    """The simulated workload at ``retention`` (seeded: the same figures every time)."""
    result = _simulate(parameters, retention, config, seed)
    days = len(result.review_cnt_per_day)
    reviews = sum(result.review_cnt_per_day) + sum(result.learn_cnt_per_day)
    return Workload(
        retention,
        reviews / days,
        sum(result.cost_per_day) / 60 / days,
        float(result.memorized_cnt_per_day[-1]),
        days,
    )


def daily_reviews(
    parameters: Sequence[float],
    retentions: Sequence[float],
    config: fr.SimulatorConfig,
    *,
    seed: int = 42,
) -> dict[float, list[int]]:
    """Answers a day (reviews and new cards) at each retention: the Stats chart's series.
    Make ``config`` with ``days=90`` for the next 90 days."""
    out: dict[float, list[int]] = {}
    for retention in retentions:
        result = _simulate(parameters, retention, config, seed)
        out[retention] = [
            int(r + n)
            for r, n in zip(result.review_cnt_per_day, result.learn_cnt_per_day, strict=True)
        ]
    return out


class RetentionAdvice(Struct, frozen=True):
    """The suggested desired retention, its workload, and the current one's."""

    optimal: float
    at_optimal: Workload
    at_current: Workload

    def to_json(self) -> dict[str, object]:
        return {
            "retention": round(self.optimal, 3),
            "workload": self.at_optimal.to_json(),
            "current": self.at_current.to_json(),
        }


def suggest_retention(
    parameters: Sequence[float], config: fr.SimulatorConfig, current: float
) -> RetentionAdvice:
    """fsrs-rs's optimal retention for these parameters and habits (seconds to minutes:
    it simulates a year many times over), with the workloads to compare."""
    optimal = round(float(fr.optimal_retention(config, list(parameters))), 3)
    return RetentionAdvice(
        optimal, workload(parameters, optimal, config), workload(parameters, current, config)
    )
