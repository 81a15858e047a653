"""Fitting recovers a learner: the synthetic learner's history, fitted with fsrs-rs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import fsrs_rs_python as fr
import pytest

from studyapp.core.tuning import evaluate, model
from studyapp.core.tuning.items import TrainingSet, build_training_set
from studyapp.core.tuning.metrics import Metrics
from tests.core.tuning.synthetic import START, TRUTH_PARAMETERS, SyntheticLearner

ANCHOR = int(START.timestamp())


@pytest.fixture(scope="module")
def history() -> TrainingSet:
    """120 days of the synthetic learner: 20 new cards a day (about 15,000 answers)."""
    return build_training_set(SyntheticLearner(seed=7).days(0, 120), anchor=ANCHOR)


def scored(parameters: Sequence[float], training: TrainingSet) -> Metrics:
    targets = training.targets
    return evaluate.score_targets(training, targets, model.predict(parameters, training, targets))


def test_fitting_90_days_predicts_the_next_30_better_than_defaults_near_the_truth(
    history: TrainingSet,
) -> None:
    cut = (START + timedelta(days=90)).timestamp()
    fitted = model.fit(history.before(cut))
    later = history.after(cut)
    default, mine, truth = (
        scored(p, later) for p in (model.DEFAULT_PARAMETERS, fitted, TRUTH_PARAMETERS)
    )
    assert later.targets and default.count == mine.count == truth.count > 2000
    assert mine.log_loss < default.log_loss
    # most of the way from the defaults to the truth, and within 3% of it
    assert mine.log_loss - truth.log_loss < 0.3 * (default.log_loss - truth.log_loss)
    assert mine.log_loss < truth.log_loss * 1.03
    assert mine.rmse_bins < default.rmse_bins
    assert mine.auc is not None and default.auc is not None and mine.auc > default.auc


def test_the_fitted_set_is_one_the_scheduler_takes(history: TrainingSet) -> None:
    import fsrs

    fitted = model.fit(history)
    fsrs.Scheduler(parameters=fitted)  # validates the bounds
    assert all(round(w, 4) == w for w in fitted)
    assert fitted != model.DEFAULT_PARAMETERS


def test_our_time_split_is_fsrs_rs_own(history: TrainingSet) -> None:
    """The folds, fits and scores of ``evaluate.compare`` are fsrs-rs's
    ``evaluate_with_time_series_splits``: the same log loss and RMSE(bins)."""
    compared = evaluate.compare(history, {"default": model.DEFAULT_PARAMETERS})
    assert compared is not None
    items, cards = model.fsrs_items(history, history.targets)
    theirs = fr.evaluate_with_time_series_splits(items, card_ids=cards)
    assert compared["fitted"].log_loss == pytest.approx(theirs.log_loss, rel=1e-4)
    assert compared["fitted"].rmse_bins == pytest.approx(theirs.rmse_bins, rel=1e-3)
    assert compared["fitted"].log_loss < compared["default"].log_loss


def test_predictions_are_fsrs_rs_own(history: TrainingSet) -> None:
    """One pass over each card's history predicts what fsrs-rs's ``evaluate`` does item by
    item (its log loss weighs recent items more: compared with the same weights)."""
    import math

    targets = history.targets[:3000]
    predictions = model.predict(TRUTH_PARAMETERS, history, targets)
    n = len(targets)
    weights = [0.25 + 0.75 * (i / (n - 1)) ** 3 for i in range(n)]
    labels = [history.cards[c].ratings[p] > 1 for _, c, p in targets]
    loss = -sum(
        w * (math.log(p) if y else math.log(1 - p))
        for p, y, w in zip(predictions, labels, weights, strict=True)
    ) / sum(weights)
    items, _ = model.fsrs_items(history, targets)
    assert loss == pytest.approx(fr.FSRS(list(TRUTH_PARAMETERS)).evaluate(items).log_loss, 1e-5)


def test_fsrs_rs_minimum_returns_the_defaults_below_eight_items(history: TrainingSet) -> None:
    few = history.targets[:5]
    assert model.items_after_filter(history, few) < model.MIN_ITEMS  # (its filter drops some)
    assert model.fit(history, few) == model.DEFAULT_PARAMETERS
    assert model.fit(history, []) == model.DEFAULT_PARAMETERS


def test_too_few_targets_to_split_give_no_comparison(history: TrainingSet) -> None:
    assert evaluate.splits(history.targets[:5]) == []
    assert evaluate.compare(history.before(0), {"default": model.DEFAULT_PARAMETERS}) is None
    folds = evaluate.splits(history.targets[:60])
    assert [len(test) for _, test in folds] == [10, 10, 10, 10, 10]
    assert [len(train) for train, _ in folds] == [10, 20, 30, 40, 50]
