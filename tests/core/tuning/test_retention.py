"""The suggested retention and the workload, on the learner's habits (fsrs-rs's simulator)."""

from __future__ import annotations

import pytest

from studyapp.core.study.settings import StudySettings
from studyapp.core.tuning.model import DEFAULT_PARAMETERS
from studyapp.core.tuning.retention import (
    AnswerStats,
    daily_reviews,
    simulator_config,
    suggest_retention,
    workload,
)
from tests.core.tuning.synthetic import SyntheticLearner

SETTINGS = StudySettings().for_deck("synth")


@pytest.fixture(scope="module")
def stats() -> AnswerStats:
    stats = AnswerStats()
    for _ in stats.watch(SyntheticLearner(seed=4, new_per_day=10).days(0, 40)):
        pass
    return stats


def test_the_simulator_takes_the_learners_times_grades_and_limits(stats: AnswerStats) -> None:
    config = simulator_config(stats, deck_size=300, settings=SETTINGS, days=90)
    assert (config.deck_size, config.learn_span, config.learn_limit) == (300, 90, 20)
    assert config.review_limit == 200 and config.learning_step_count == 2
    # the synthetic learner answers in 3-20 s (11.5 s on average), not fsrs-rs's defaults
    assert 10 < config.state_rating_costs[1][2] < 13
    first = config.first_rating_prob  # drawn 20% Again, 10% Hard, 55% Good, 15% Easy
    assert first[2] == pytest.approx(0.55, abs=0.05) and sum(first) == pytest.approx(1)
    few = simulator_config(AnswerStats(), deck_size=0, settings=SETTINGS)
    assert few.deck_size == 1 and few.state_rating_costs[0][0] == pytest.approx(19.58)


def test_more_retention_costs_more_reviews(stats: AnswerStats) -> None:
    config = simulator_config(stats, deck_size=300, settings=SETTINGS, days=90)
    low, high = (workload(DEFAULT_PARAMETERS, r, config) for r in (0.8, 0.95))
    assert high.reviews_per_day > low.reviews_per_day and high.minutes_per_day > 0
    assert workload(DEFAULT_PARAMETERS, 0.8, config) == low  # seeded
    series = daily_reviews(DEFAULT_PARAMETERS, (0.8, 0.95), config)
    assert set(series) == {0.8, 0.95} and all(len(s) == 90 for s in series.values())
    assert sum(series[0.95]) > sum(series[0.8])


def test_the_suggested_retention_is_within_fsrs_rs_range(stats: AnswerStats) -> None:
    config = simulator_config(stats, deck_size=150, settings=SETTINGS)
    advice = suggest_retention(DEFAULT_PARAMETERS, config, 0.9)
    assert 0.7 <= advice.optimal <= 0.95 and advice.at_current.retention == 0.9
    assert advice.at_optimal.days == 365
    # the least time per card remembered: no worse than the current retention's
    optimal, current = advice.at_optimal, advice.at_current
    per_card = optimal.minutes_per_day / optimal.memorized
    assert per_card <= current.minutes_per_day / current.memorized * 1.05
    assert set(advice.to_json()) == {"retention", "at_floor", "workload", "current"}


def test_the_default_parameters_end_on_the_search_floor_and_a_steeper_curve_does_not(
    stats: AnswerStats,
) -> None:
    """Why the suggestion was always 0.70: FSRS-6's default forgetting curve is flat (w20 =
    0.1542), so time per card remembered falls all the way down to fsrs-rs's lowest try.
    The synthetic learner's true parameters (w20 = 0.45) have their optimum inside."""
    from tests.core.tuning.synthetic import TRUTH_PARAMETERS

    config = simulator_config(stats, deck_size=600, settings=SETTINGS)
    defaults = suggest_retention(DEFAULT_PARAMETERS, config, 0.9)
    assert defaults.at_floor and defaults.to_json()["at_floor"] is True
    assert "0.70 or lower" in defaults.floor_note()
    truth = suggest_retention(TRUTH_PARAMETERS, config, 0.9)
    assert not truth.at_floor and 0.74 < truth.optimal < 0.9
