"""Log loss, RMSE(bins) and AUC, computed as fsrs-rs and the srs-benchmark compute them."""

from __future__ import annotations

import math
import random

import pytest

from studyapp.core.tuning.items import card_history
from studyapp.core.tuning.metrics import _auc, card_bins, score


def brute_auc(predictions: list[float], labels: list[int]) -> float:
    pairs = wins = 0.0
    for p, y in zip(predictions, labels, strict=True):
        for q, z in zip(predictions, labels, strict=True):
            if y == 1 and z == 0:
                pairs += 1
                wins += 1.0 if p > q else 0.5 if p == q else 0.0
    return wins / pairs


def test_auc_is_the_chance_a_recalled_review_ranks_above_a_forgotten_one() -> None:
    rng = random.Random(3)
    for _ in range(20):
        n = rng.randrange(2, 40)
        predictions = [rng.choice((0.2, 0.5, 0.7, rng.random())) for _ in range(n)]  # ties
        labels = [rng.randrange(2) for _ in range(n)]
        if 0 < sum(labels) < n:
            assert _auc(predictions, labels) == pytest.approx(brute_auc(predictions, labels))
    assert _auc([0.3, 0.9], [1, 1]) is None  # one class: undefined


def test_log_loss_and_rmse_bins_of_a_small_case_by_hand() -> None:
    metrics = score([0.9, 0.6, 0.8], [1, 0, 1], [(1, 1, 0), (1, 1, 0), (2, 1, 0)])
    assert metrics.log_loss == pytest.approx(-(math.log(0.9) + math.log(0.4) + math.log(0.8)) / 3)
    # bin (1,1,0): mean prediction 0.75, recall 0.5, two reviews; bin (2,1,0): 0.8 vs 1
    assert metrics.rmse_bins == pytest.approx(math.sqrt((0.25**2 * 2 + 0.2**2) / 3))
    assert metrics.auc == 1.0 and metrics.count == 3
    with pytest.raises(ValueError):
        score([], [], [])


def test_a_certain_wrong_prediction_is_large_not_infinite() -> None:
    assert math.isfinite(score([1.0], [0], [(1, 1, 0)]).log_loss)


def test_bins_are_fsrs_rs_r_matrix_index() -> None:
    """Interval, count of answers a day or more apart (+1), lapses before: log-scale bins
    (values from fsrs-rs's formulas: ``round(2.48 * 3.62^floor(log_3.62 t) * 100)``...)."""
    card = card_history("c", [3, 3, 1, 3, 3, 3], [0, 0, 1, 5, 5, 30], [0.0] * 6)
    assert card_bins(card) == [
        None,
        None,  # same day: not a target
        (248, 4, 0),  # 1 day; 1 answer a day apart -> length 2 -> round(1.99 * 1.89)
        (898, 4, 2),  # 4 days -> round(2.48 * 3.62 * 100); length 3; one lapse -> 2
        None,
        (3250, 7, 2),  # 25 days -> round(2.48 * 3.62**2 * 100); length 4 -> 7
    ]
