"""Desired retention, and the work it costs: fsrs-rs's simulator on the learner's habits.

A higher desired retention means more reviews; a lower one, more forgetting and
relearning. fsrs-rs's ``optimal_retention`` simulates a learner with the preset's deck
size and daily limits for a year at many retentions and returns the one with the least
study time per card remembered at the end: Anki's "minimum recommended retention".
How long answers take and how the learner grades come from their own history
(:class:`AnswerStats`, fsrs-rs's defaults where it has too few answers to tell).

The binding's ``simulate`` starts from new cards (it takes no existing ones), so a
workload here is that of this preset's cards learned from today at the preset's pace
(the Stats chart, which needs the cards already studied, is :mod:`.forecast`).

Why the suggestion is often 0.70: fsrs-rs searches 0.70 to 0.95 only, and with FSRS-6's
default parameters (a flat forgetting curve, decay w20 = 0.1542) study time per card
remembered keeps falling as retention falls, down to the bottom of that range; fsrs-rs's
own default simulator gives 0.70 too. A fitted set with a steeper curve gives an answer
inside the range (the synthetic learner of ``benchmarks/optimize.py``: 0.79). So the
advice says when it sits on the floor (:attr:`RetentionAdvice.at_floor`): "0.70 or
lower", not a measured optimum.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import fsrs_rs_python as fr
from msgspec import Struct

from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase, Rating
from studyapp.core.study.settings import DeckSettings

__all__ = [
    "SEARCH_CEILING",
    "SEARCH_FLOOR",
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
SEARCH_FLOOR = 0.70
"""The lowest retention fsrs-rs's ``optimal_retention`` tries (its ``R_MIN``)."""
SEARCH_CEILING = 0.95
"""The highest it tries (its ``R_MAX``)."""


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

    @property
    def answers(self) -> int:
        """First answers and passed reviews seen (what the grade shares are made of)."""
        return sum(self.first) + sum(self.passes)

    def first_rating_prob(self) -> list[float]:
        """Shares of Again, Hard, Good, Easy on a new card (fsrs-rs's with too few)."""
        return _shares(self.first, fr.default_simulator_config().first_rating_prob)

    def review_rating_prob(self) -> list[float]:
        """Shares of Hard, Good, Easy on a recalled review (fsrs-rs's with too few)."""
        return _shares(self.passes, fr.default_simulator_config().review_rating_prob)


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
        first_rating_prob=stats.first_rating_prob(),
        review_rating_prob=stats.review_rating_prob(),
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

    @property
    def at_floor(self) -> bool:
        """The search ended on its lowest value: the best retention is 0.70 *or lower*
        (typical of FSRS-6's default parameters), not an optimum found inside the range."""
        return self.optimal <= SEARCH_FLOOR + 0.005

    def floor_note(self) -> str:
        """What a suggestion on the floor means, in words (see :attr:`at_floor`)."""
        return (
            f"{SEARCH_FLOOR:.2f} is the lowest retention fsrs-rs tries: the least time per card "
            f"remembered is at {SEARCH_FLOOR:.2f} or lower. FSRS-6's default parameters usually "
            "end here; parameters fitted to your reviews give a better-founded figure"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "retention": round(self.optimal, 3),
            "at_floor": self.at_floor,
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
