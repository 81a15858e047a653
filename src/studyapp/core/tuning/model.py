"""The bridge to fsrs-rs (``fsrs_rs_python``, the Rust optimizer Anki uses): fit and predict.

fsrs-rs trains on *items*: for each target answer, the card's answers up to it as
(grade, days since the previous answer). Items are built here from a
:class:`~studyapp.core.tuning.items.TrainingSet`, in time order (fsrs-rs weighs recent
items more and expects them sorted), with each card's id so fsrs-rs can train a card's
items together. Predictions come from the memory states fsrs-rs computes along each
card's whole history, so a card costs one pass whatever its number of targets.

fsrs-rs's own minimum: with fewer than :data:`MIN_ITEMS` items left after its outlier
filter it returns the default parameters unchanged; with fewer than
:data:`MIN_FULL_ITEMS` it fits only the four first-answer stabilities.

fsrs-rs-python 0.9.3 lets other threads run while it computes (measured: a 0.9 s fit
of 270,000 items left a polling thread waiting 12 ms at most; ``benchmarks/optimize.py``
measures it), so a fit in a worker thread leaves the UI responsive. A call cannot be
interrupted, though: a caller cancels between calls (:mod:`.run`'s steps).
"""

from __future__ import annotations

from collections.abc import Sequence

import fsrs_rs_python as fr

from studyapp.core.study.forgetting import ForgettingCurve
from studyapp.core.tuning.items import TrainingSet

__all__ = [
    "DEFAULT_PARAMETERS",
    "MIN_FULL_ITEMS",
    "MIN_ITEMS",
    "fit",
    "fit_items",
    "fsrs_items",
    "items_after_filter",
    "predict",
    "rounded",
]

MIN_ITEMS = 8
"""fsrs-rs's minimum: fewer training items (after its outlier filter) and
``compute_parameters`` returns the defaults."""
MIN_FULL_ITEMS = 64
"""Below this many, fsrs-rs fits only the first-answer stabilities (w0-w3)."""
DEFAULT_PARAMETERS: tuple[float, ...] = tuple(round(float(w), 4) for w in fr.DEFAULT_PARAMETERS)

Targets = Sequence[tuple[float, int, int]]


def rounded(parameters: Sequence[float]) -> tuple[float, ...]:
    """Parameters to four decimals, as Anki keeps them (fsrs-rs returns 32-bit floats)."""
    return tuple(round(float(w), 4) for w in parameters)


def _reviews(training: TrainingSet, card: int) -> list[fr.FSRSReview]:
    """The card's answers as fsrs-rs reviews, made once per training set."""
    memo: dict[int, list[fr.FSRSReview]] = training.memo.setdefault("fsrs_reviews", {})
    found = memo.get(card)
    if found is None:
        history = training.cards[card]
        review = fr.FSRSReview
        found = memo[card] = list(map(review, history.ratings, history.deltas))
    return found


def fsrs_items(training: TrainingSet, targets: Targets) -> tuple[list[fr.FSRSItem], list[int]]:
    """The fsrs-rs items of ``targets`` (in their order) and their cards' ids."""
    memo: dict[int, list[fr.FSRSReview]] = training.memo.setdefault("fsrs_reviews", {})
    item = fr.FSRSItem
    items = []
    for _, card, position in targets:
        reviews = memo.get(card) or _reviews(training, card)
        items.append(item(reviews[: position + 1]))
    return items, [card for _, card, _ in targets]


def items_after_filter(training: TrainingSet, targets: Targets | None = None) -> int:
    """How many training items fsrs-rs keeps after its outlier filter (what its
    minimum counts); ``targets``: a part of the training set's (default: all)."""
    chosen = training.targets if targets is None else targets
    items, _ = fsrs_items(training, chosen)
    first = [item for item in items if item.long_term_review_cnt() == 1]
    _, kept = fr.filter_outlier(first, items)
    return len(kept)


def fit(
    training: TrainingSet, targets: Targets | None = None, *, relearning_steps: int = 1
) -> tuple[float, ...]:
    """Parameters fitted by fsrs-rs on the training set (or on ``targets`` of it), to
    four decimals. ``relearning_steps``: the preset's count (fsrs-rs bounds the
    short-term parameters by it, as Anki asks)."""
    chosen = training.targets if targets is None else targets
    return fit_items(*fsrs_items(training, chosen), relearning_steps=relearning_steps)


def fit_items(
    items: Sequence[fr.FSRSItem], cards: Sequence[int], *, relearning_steps: int = 1
) -> tuple[float, ...]:
    """:func:`fit` on items already made (:func:`fsrs_items`; the evaluation fits
    prefixes of one list, made once)."""
    if not items:
        return DEFAULT_PARAMETERS
    fsrs = fr.FSRS(list(DEFAULT_PARAMETERS))
    found = fsrs.compute_parameters(
        list(items), card_ids=list(cards), num_relearning_steps=max(1, relearning_steps)
    )
    return rounded(found)


def predict(parameters: Sequence[float], training: TrainingSet, targets: Targets) -> list[float]:
    """The recall each parameter set predicts for ``targets``, from the answers before."""
    order = list(dict.fromkeys(card for _, card, _ in targets))
    fsrs = fr.FSRS(list(parameters))
    states = fsrs.historical_memory_state_batch(
        [fr.FSRSItem(_reviews(training, card)) for card in order]
    )
    stability = {card: [s.stability for s in row] for card, row in zip(order, states, strict=True)}
    recall = ForgettingCurve(parameters).recall
    cards = training.cards
    return [
        recall(cards[card].deltas[position], stability[card][position - 1])
        for _, card, position in targets
    ]
