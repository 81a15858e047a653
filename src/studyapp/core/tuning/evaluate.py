"""Parameter sets compared on the learner's own history, the srs-benchmark's way.

A fitted set must be judged on answers it was not fitted on, or it always looks
better. As fsrs-rs's ``evaluate_with_time_series_splits`` does, the targets (in time
order) are cut into six segments; five times over, parameters are fitted on the
segments before one and predict it, so every scored answer is predicted by a fit on
the past only. The fixed sets (the defaults, the learner's current set) predict the same
answers. All are then scored together (:func:`~studyapp.core.tuning.metrics.score`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from studyapp.core.tuning import model
from studyapp.core.tuning.items import TrainingSet
from studyapp.core.tuning.metrics import Metrics, card_bins, score

__all__ = ["SPLITS", "compare", "score_targets", "splits"]

SPLITS = 5
"""Folds of the time-based split (fsrs-rs's and the srs-benchmark's number)."""

Targets = Sequence[tuple[float, int, int]]


def splits(targets: Targets, count: int = SPLITS) -> list[tuple[Targets, Targets]]:
    """(train, test) pairs: fsrs-rs's ``TimeSeriesSplit`` (``count + 1`` segments; each
    test is one segment, the last takes the remainder; its train is all before it)."""
    size = len(targets) // (count + 1)
    if size == 0:
        return []
    out: list[tuple[Targets, Targets]] = []
    for i in range(count):
        start = (i + 1) * size
        end = len(targets) if i == count - 1 else (i + 2) * size
        out.append((targets[:start], targets[start:end]))
    return out


def _truth(training: TrainingSet, targets: Targets) -> tuple[list[int], list[tuple[int, int, int]]]:
    """What happened at each target (1: recalled) and its RMSE bin (bins made once per
    card and kept in the training set's memo)."""
    bins: dict[int, list[tuple[int, int, int] | None]] = training.memo.setdefault("bins", {})
    labels: list[int] = []
    keys: list[tuple[int, int, int]] = []
    cards = training.cards
    for _, card, position in targets:
        found = bins.get(card)
        if found is None:
            found = bins[card] = card_bins(cards[card])
        key = found[position]
        if key is None:  # not a target: cannot happen for a training set's targets
            raise ValueError(f"answer {position} of card {card} is not a target")
        keys.append(key)
        labels.append(int(cards[card].ratings[position] > 1))
    return labels, keys


def score_targets(training: TrainingSet, targets: Targets, predictions: Sequence[float]) -> Metrics:
    """The measures of ``predictions`` for ``targets`` of ``training``."""
    return score(predictions, *_truth(training, targets))


def compare(
    training: TrainingSet,
    fixed: Mapping[str, Sequence[float]],
    *,
    relearning_steps: int = 1,
    step: Callable[[int], None] | None = None,
) -> dict[str, Metrics] | None:
    """The measures of each ``fixed`` set and of ``"fitted"`` (a fit on the past of each
    fold) on the later folds; None when there are too few targets to split.

    ``step(fold)`` is called before each fold's fit (0 to :data:`SPLITS` - 1): a progress
    report, and the place to stop (it may raise).
    """
    folds = splits(training.targets)
    if not folds:
        return None
    scored: list[tuple[float, int, int]] = []
    fitted: list[float] = []
    items, cards = model.fsrs_items(training, training.targets)  # each train is a prefix
    for fold, (train, test) in enumerate(folds):
        if step is not None:
            step(fold)
        parameters = model.fit_items(
            items[: len(train)], cards[: len(train)], relearning_steps=relearning_steps
        )
        fitted += model.predict(parameters, training, test)
        scored += test
    labels, keys = _truth(training, scored)
    out = {
        name: score(model.predict(parameters, training, scored), labels, keys)
        for name, parameters in fixed.items()
    }
    out["fitted"] = score(fitted, labels, keys)
    return out
