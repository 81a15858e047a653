"""One optimization of a preset: history, evaluation, fit, decision, suggested retention.

:func:`optimize` does the work in steps (:data:`STEPS` of them), reporting each to
``progress`` and stopping with :class:`Cancelled` between two when ``cancelled()``
says so: a caller runs it in a worker (never on the answer path, never at start-up)
and shows a progress bar. It changes nothing: adopting the result is
:func:`~studyapp.core.tuning.presets.adopt`, when the report says it is ``better``.

The decision: the fitted set is better when, on the time-based split
(:mod:`~studyapp.core.tuning.evaluate`), its log loss is lower than that of the set the
preset schedules with now (the defaults, or an earlier fit). Below fsrs-rs's minimum
(:data:`~studyapp.core.tuning.model.MIN_ITEMS` training items) nothing is fitted and
the report says why.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any, NamedTuple

from msgspec import Struct

from studyapp.core.decks.card import Card
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState
from studyapp.core.study.queue import study_day
from studyapp.core.study.settings import DeckSettings, StudySettings
from studyapp.core.tuning import evaluate, model
from studyapp.core.tuning.forecast import ForecastCard, NewCards, forecast_cards, forecast_reviews
from studyapp.core.tuning.items import Skipped, TrainingSet, build_training_set, rollover_anchor
from studyapp.core.tuning.metrics import Metrics
from studyapp.core.tuning.presets import Preset, preset_cards
from studyapp.core.tuning.retention import (
    AnswerStats,
    RetentionAdvice,
    simulator_config,
    suggest_retention,
)

__all__ = [
    "MIN_FORECAST_ANSWERS",
    "SKIPPED_LABELS",
    "STEPS",
    "Cancelled",
    "ForecastInputs",
    "OptimizeReport",
    "Progress",
    "WorkloadForecast",
    "forecast_inputs",
    "optimize",
    "skipped_notes",
    "workload_forecast",
]

STEPS = 3 + evaluate.SPLITS
"""Reading the history, one per evaluation fold, the final fit, the suggested retention."""


class Progress(NamedTuple):
    """Where an optimization is: ``done`` of ``total`` steps, the one under way named."""

    done: int
    total: int
    stage: str


class Cancelled(Exception):  # noqa: N818  (a request, not an error)
    """The caller asked to stop (between two steps; nothing was changed)."""


class OptimizeReport(Struct, frozen=True):
    """What an optimization found; nothing adopted yet."""

    preset: Preset
    reviews: int
    """Answers used (first answers and same-day steps included)."""
    predicted: int
    """Answers the model predicts (a day or more after the card's previous one)."""
    training_items: int
    """Of those, what fsrs-rs trains on after its outlier filter (its minimum counts these)."""
    skipped: Skipped
    other_presets: int
    in_use: tuple[float, ...]
    """The parameters the preset schedules with now."""
    default: Metrics | None
    current: Metrics | None
    """The set in use, when it is not the defaults."""
    fitted: Metrics | None
    parameters: tuple[float, ...] | None
    """The fitted set (on every answer); None when there were too few."""
    reason: str | None
    """Why nothing was fitted, or why the fitted set is not better."""
    better: bool
    partial: bool
    """Only the first-answer stabilities were fitted (fewer than fsrs-rs's 64 items)."""
    retention: RetentionAdvice | None

    def to_json(self, *, adopted: bool, dry_run: bool) -> dict[str, Any]:
        def metrics(m: Metrics | None) -> dict[str, Any] | None:
            return None if m is None else m.to_json()

        out: dict[str, Any] = {
            "preset": self.preset.key,
            "reviews": self.reviews,
            "predicted": self.predicted,
            "training_items": self.training_items,
            "minimum": {"items": model.MIN_ITEMS, "full_fit_items": model.MIN_FULL_ITEMS},
            "skipped": self.skipped.to_json(),
            "other_presets": self.other_presets,
            "default": metrics(self.default),
        }
        if self.current is not None:
            out["current"] = metrics(self.current)
        out |= {
            "fitted": metrics(self.fitted),
            "reason": self.reason,
            "parameters": None if self.parameters is None else list(self.parameters),
            "parameters_in_use": list(self.in_use),
            "partial": self.partial,
            "better": self.better,
            "adopted": adopted,
            "dry_run": dry_run,
            "optimal_retention": None if self.retention is None else self.retention.to_json(),
        }
        return out


SKIPPED_LABELS = {
    "undone": "undone",
    "out_of_order": "out of order in the history",
    "clock_backwards": "timed before the card's previous answer (clock went back)",
    "vanished": "of cards no longer in any deck",
    "before_reset": "before a card was started afresh",
    "no_first_answer": "of cards whose first answer is not in the history",
}
"""How the CLI and the app name each reason an answer was not used."""


def skipped_notes(skipped: Skipped) -> list[str]:
    """ "12 undone", ...: each reason answers were left out, with its count (none: [])."""
    counts = skipped.to_json()
    return [f"{counts[k]:,} {label}" for k, label in SKIPPED_LABELS.items() if counts[k]]


def _too_few(items: int) -> str:
    return (
        f"too few reviews to fit: {items} answer(s) made a day or more after the card's "
        f"previous one; fsrs-rs needs at least {model.MIN_ITEMS} "
        f"(and {model.MIN_FULL_ITEMS} to fit more than the first-answer stabilities)"
    )


def optimize(
    reviews: Iterable[ReviewRecord],
    *,
    cards: Collection[Card],
    study: StudySettings,
    preset: Preset,
    now: datetime,
    undone: Collection[int] = (),
    tz: tzinfo | None = None,
    with_retention: bool = True,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> OptimizeReport:
    """Fit and evaluate the preset's parameters on ``reviews`` (the history, in order).

    ``cards``: every card of every deck (answers of other cards have vanished);
    ``tz``: the learner's time zone for study days (None: the system's).
    """
    done = 0

    def step(stage: str) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(Progress(done, STEPS, stage))
        done += 1

    step("reading the review history")
    known = {card.id for card in cards}
    mine = preset_cards(study, cards, preset)
    stats = AnswerStats()
    anchor = rollover_anchor(now, study.queue.day_starts_at, tz)
    training = build_training_set(
        stats.watch(reviews), anchor=anchor, undone=undone, known=known, preset=mine
    )
    settings = _deck_settings(study, preset)
    scheduler = settings.scheduler
    in_use = preset.in_use(study)
    fixed = {"default": model.DEFAULT_PARAMETERS}
    if in_use != model.DEFAULT_PARAMETERS:
        fixed["current"] = in_use
    items = model.items_after_filter(training) if training.targets else 0
    relearning = len(scheduler.relearning_steps)
    measured: dict[str, Metrics] | None = None
    parameters: tuple[float, ...] | None = None
    reason: str | None = None
    if items < model.MIN_ITEMS:
        reason = _too_few(items)
        done += evaluate.SPLITS + 1
        measured = _fixed_only(training, fixed)
    else:
        measured = evaluate.compare(
            training,
            fixed,
            relearning_steps=relearning,
            step=lambda fold: step(
                f"fitting on the past, predicting later reviews ({fold + 1} of {evaluate.SPLITS})"
            ),
        )
        step("fitting on every review")
        parameters = model.fit(training, relearning_steps=relearning)
    measured = measured or {}
    fitted = measured.get("fitted")
    baseline = measured.get("current", measured.get("default"))
    better = False
    if parameters is not None and fitted is not None and baseline is not None:
        better = fitted.log_loss < baseline.log_loss and parameters != in_use
        if parameters == in_use:
            reason = "the fitted parameters are the ones in use"
        elif not better:
            reason = "the fitted parameters do not predict later reviews better than " + (
                "the parameters in use" if "current" in fixed else "the defaults"
            )
    advice = None
    if with_retention:
        step("simulating a year at many retentions")
        config = simulator_config(stats, deck_size=len(mine), settings=settings)
        chosen = parameters if better and parameters is not None else in_use
        advice = suggest_retention(chosen, config, scheduler.desired_retention)
    return OptimizeReport(
        preset=preset,
        reviews=training.reviews,
        predicted=len(training.targets),
        training_items=items,
        skipped=training.skipped,
        other_presets=training.other_presets,
        in_use=in_use,
        default=measured.get("default"),
        current=measured.get("current"),
        fitted=fitted,
        parameters=parameters,
        reason=reason,
        better=better,
        partial=parameters is not None and items < model.MIN_FULL_ITEMS,
        retention=advice,
    )


def _fixed_only(training: TrainingSet, fixed: dict[str, tuple[float, ...]]) -> dict[str, Metrics]:
    """The fixed sets scored on every target (no fit to hold answers out for)."""
    targets = training.targets
    if not targets:
        return {}
    return {
        name: evaluate.score_targets(training, targets, model.predict(p, training, targets))
        for name, p in fixed.items()
    }


def _deck_settings(study: StudySettings, preset: Preset) -> DeckSettings:
    if preset.deck is not None:
        return study.for_deck(preset.deck)
    return DeckSettings(study.scheduler, study.queue)


MIN_FORECAST_ANSWERS = 20
"""Answers needed before a workload forecast means anything: below this the learner's
grades are fsrs-rs's defaults, and there is little schedule to go on."""


class WorkloadForecast(Struct, frozen=True):
    """Answers a day ahead at each retention, or why there is nothing to show."""

    series: dict[float, list[int]]
    """Retention -> cards answered on each day, today first (empty with ``reason``)."""
    answers: int
    """Answers in the history the habits were read from."""
    studied: int
    """Cards of the preset already studied (they fall due as scheduled)."""
    new: int
    """Cards of the preset not yet studied (started at the daily limit)."""
    reason: str | None = None


class ForecastInputs(Struct, frozen=True):
    """What a workload forecast starts from, read once (the history is read for it):
    :meth:`run` then tries any retention without reading it again."""

    parameters: tuple[float, ...]
    cards: list[ForecastCard]
    new: list[NewCards]
    review_limit: int
    first_rating_prob: list[float]
    review_rating_prob: list[float]
    max_interval: int
    answers: int
    algorithm: str = "fsrs"
    """The preset's scheduler: the forecast is FSRS's, meaningless for SM-2."""

    @property
    def reason(self) -> str | None:
        """Why there is nothing to forecast (None: there is)."""
        if self.algorithm != "fsrs":
            return "the workload forecast uses FSRS; this preset is scheduled with SM-2"
        if self.answers < MIN_FORECAST_ANSWERS:
            return (
                f"too little history to forecast: {self.answers} answer(s) so far; the "
                f"forecast needs at least {MIN_FORECAST_ANSWERS} to know how you grade "
                "and what is scheduled"
            )
        if not self.cards and not any(n.count for n in self.new):
            return "no cards to forecast"
        return None

    def run(self, retentions: Sequence[float], days: int = 90) -> WorkloadForecast:
        """Answers a day for the next ``days`` at each retention (none with a reason)."""
        reason = self.reason
        series: dict[float, list[int]] = {}
        if reason is None:
            series = forecast_reviews(
                self.parameters,
                retentions,
                cards=self.cards,
                new=self.new,
                review_limit=self.review_limit,
                first_rating_prob=self.first_rating_prob,
                review_rating_prob=self.review_rating_prob,
                max_interval=self.max_interval,
                days=days,
            )
        new = sum(n.count for n in self.new)
        return WorkloadForecast(series, self.answers, len(self.cards), new, reason)


def forecast_inputs(
    reviews: Iterable[ReviewRecord],
    *,
    states: Mapping[str, CardState],
    cards: Collection[Card],
    study: StudySettings,
    preset: Preset,
    now: datetime,
    tz: tzinfo | None = None,
) -> ForecastInputs:
    """The preset's studied cards (memory, due day), its new cards and each deck's
    limits, the parameters in use and the learner's grades from ``reviews``."""
    stats = AnswerStats()
    answers = 0
    for _ in stats.watch(reviews):
        answers += 1
    mine = preset_cards(study, cards, preset)
    by_deck: dict[str, list[str]] = {}
    for card in cards:
        if card.id in mine:
            by_deck.setdefault(card.deck_id, []).append(card.id)
    day_starts_at = study.queue.day_starts_at
    today = study_day(now, day_starts_at, tz)
    studied: list[ForecastCard] = []
    new: list[NewCards] = []
    review_limit = 0
    scheduler = _deck_settings(study, preset).scheduler
    for deck, ids in by_deck.items():
        queue = study.for_deck(deck).queue
        found, unstarted = forecast_cards(states, ids, today, day_starts_at=day_starts_at, tz=tz)
        studied += found
        new.append(NewCards(unstarted, queue.new_per_day))
        review_limit += queue.reviews_per_day
    return ForecastInputs(
        preset.in_use(study),
        studied,
        new,
        review_limit,
        stats.first_rating_prob(),
        stats.review_rating_prob(),
        scheduler.maximum_interval,
        answers,
        scheduler.algorithm,
    )


def workload_forecast(
    reviews: Iterable[ReviewRecord],
    *,
    states: Mapping[str, CardState],
    cards: Collection[Card],
    study: StudySettings,
    preset: Preset,
    retentions: Sequence[float],
    now: datetime,
    tz: tzinfo | None = None,
    days: int = 90,
) -> WorkloadForecast:
    """Answers a day for the next ``days`` at each desired retention (the Stats chart):
    the preset's studied cards from their current memory and due days, its new cards at
    each deck's daily limit, with the parameters in use and the learner's grades
    (:mod:`.forecast`). Up to a second or so on a big collection; run it in a worker."""
    inputs = forecast_inputs(
        reviews, states=states, cards=cards, study=study, preset=preset, now=now, tz=tz
    )
    return inputs.run(retentions, days)
