"""How well predicted recall matches what happened: log loss, RMSE(bins) and AUC.

The three measures of the srs-benchmark (open-spaced-repetition), computed as fsrs-rs
computes the first two (its ``evaluate``): log loss is the mean cross-entropy of the
predictions (lower is better; it rewards honest probabilities); RMSE(bins) groups
reviews by interval, review count and lapses (fsrs-rs's bins) and compares mean
prediction with mean recall in each (lower is better: calibration); AUC is the chance a
recalled review was given a higher prediction than a forgotten one (higher is better:
discrimination; None when every review went the same way).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from msgspec import Struct

from studyapp.core.tuning.items import CardHistory

__all__ = ["Metrics", "card_bins", "score"]

_EPSILON = 1e-7
"""Predictions are kept this far from 0 and 1, so one certain miss is not infinite."""


class Metrics(Struct, frozen=True):
    """The three measures on ``count`` reviews."""

    log_loss: float
    rmse_bins: float
    auc: float | None
    count: int

    def to_json(self) -> dict[str, float | int | None]:
        return {
            "log_loss": round(self.log_loss, 5),
            "rmse_bins": round(self.rmse_bins, 5),
            "auc": None if self.auc is None else round(self.auc, 5),
            "count": self.count,
        }


def _round(x: float) -> int:
    """Rust's ``f64::round`` (half away from zero), for positive values."""
    return math.floor(x + 0.5)


def _log_bin(value: int, base: float, scale: float, times: float = 1.0) -> int:
    """``round(scale * base^floor(log_base(value)) * times)``, in fsrs-rs's order."""
    return _round(scale * base ** math.floor(math.log(value, base)) * times)


def card_bins(card: CardHistory) -> list[tuple[int, int, int] | None]:
    """fsrs-rs's bin of each of a card's answers (``FSRSItem::r_matrix_index``; None
    where the answer is not a target): its interval, the card's count of answers a day
    or more apart, and its lapses before, each on a log scale."""
    out: list[tuple[int, int, int] | None] = [None]
    days, ratings = card.days, card.ratings
    long_term = lapses = 0
    for position in range(1, len(days)):
        delta = days[position] - days[position - 1]
        if delta <= 0:
            out.append(None)
            continue
        long_term += 1
        lapse_bin = _log_bin(lapses, 1.73, 1.65) if lapses else 0
        out.append(
            (_log_bin(delta, 3.62, 2.48, 100.0), _log_bin(long_term + 1, 1.89, 1.99), lapse_bin)
        )
        lapses += ratings[position] == 1  # a lapse counts for the answers after it
    return out


def _auc(predictions: Sequence[float], labels: Sequence[int]) -> float | None:
    """Area under the ROC curve by ranks (ties share their mean rank)."""
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return None
    order = sorted(range(len(predictions)), key=predictions.__getitem__)
    rank_sum = 0.0
    i = 0
    while i < len(order):
        j = i
        value = predictions[order[i]]
        while j + 1 < len(order) and predictions[order[j + 1]] == value:
            j += 1
        mean_rank = (i + j) / 2 + 1
        rank_sum += mean_rank * sum(labels[order[k]] for k in range(i, j + 1))
        i = j + 1
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def score(
    predictions: Sequence[float], labels: Sequence[int], bins: Sequence[tuple[int, int, int]]
) -> Metrics:
    """The measures of ``predictions`` (recall probabilities) against ``labels`` (1:
    recalled, 0: forgotten), reviews grouped by ``bins`` for RMSE(bins)."""
    if not predictions:
        raise ValueError("no reviews to score")
    loss = 0.0
    groups: dict[tuple[int, int, int], list[float]] = {}
    for p, y, key in zip(predictions, labels, bins, strict=True):
        p = min(max(p, _EPSILON), 1 - _EPSILON)
        loss -= math.log(p) if y else math.log(1 - p)
        group = groups.get(key)
        if group is None:
            group = groups[key] = [0.0, 0.0, 0.0]
        group[0] += p
        group[1] += y
        group[2] += 1
    squares = sum((g[0] / g[2] - g[1] / g[2]) ** 2 * g[2] for g in groups.values())
    rmse = math.sqrt(squares / len(predictions))
    return Metrics(loss / len(predictions), rmse, _auc(predictions, labels), len(predictions))
