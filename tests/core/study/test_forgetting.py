"""The forgetting curve equals the ``fsrs`` package's, for default and far-off decays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from studyapp.core.study.forgetting import ForgettingCurve

DEFAULTS = tuple(fsrs.Scheduler().parameters)
STEEP = (*DEFAULTS[:20], 0.6)


@pytest.mark.parametrize("parameters", [DEFAULTS, STEEP], ids=["default", "steep"])
@pytest.mark.parametrize("stability", [0.3, 2.5, 40.0, 900.0])
@pytest.mark.parametrize("elapsed", [0, 1, 7, 30, 365])
def test_recall_equals_the_fsrs_package(
    parameters: tuple[float, ...], stability: float, elapsed: int
) -> None:
    scheduler = fsrs.Scheduler(parameters=parameters)
    last = datetime(2026, 1, 1, 12, tzinfo=UTC)
    card = fsrs.Card(state=fsrs.State.Review, stability=stability, difficulty=5.0, last_review=last)
    expected = scheduler.get_card_retrievability(card, last + timedelta(days=elapsed))
    assert ForgettingCurve(parameters).recall(elapsed, stability) == pytest.approx(expected)


def test_stability_is_the_day_recall_falls_to_ninety_percent() -> None:
    for parameters in (DEFAULTS, STEEP):
        assert ForgettingCurve(parameters).recall(12.0, 12.0) == pytest.approx(0.9)


def test_a_steeper_decay_forgets_faster_after_the_stability() -> None:
    assert ForgettingCurve(STEEP).recall(100, 10) < ForgettingCurve(DEFAULTS).recall(100, 10)


def test_too_few_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="21 parameters"):
        ForgettingCurve(DEFAULTS[:19])
