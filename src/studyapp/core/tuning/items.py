"""The review history as fsrs-rs trains on it: per card, its answers by study day.

fsrs-rs (and Anki, which converts its revlog the same way) sees a card as a list of
(grade, days since the previous answer), starting at the card's first answer. Each
answer made a day or more after the previous one is a *target*: the model predicts
whether it was recalled from the answers before it. Answers on the same study day
(learning and relearning steps) stay in the card's list with 0 days, shaping the
memory, but are not targets; nor is a card's first answer. Days are counted as Anki
counts them: whole 86,400-second days from the learner's rollover moment.

What cannot be used is left out and counted, by reason (:class:`Skipped`): the
learner's history is theirs to trust, so the fit says what it did not use.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Container, Iterable
from datetime import datetime, tzinfo
from typing import Any, NamedTuple

from msgspec import Struct, field

from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase
from studyapp.core.study.queue import day_start, study_day

__all__ = [
    "CardHistory",
    "Skipped",
    "TrainingSet",
    "build_training_set",
    "card_history",
    "rollover_anchor",
]

DAY = 86_400


def rollover_anchor(now: datetime, day_starts_at: int = 4, tz: tzinfo | None = None) -> int:
    """A moment the study day rolls over (Unix seconds): today's start, at the learner's
    rollover hour in their time zone (``tz=None``: the system's). Days are counted from
    it in whole 86,400-second steps, as Anki counts from its ``next_day_at``."""
    return int(day_start(study_day(now, day_starts_at, tz), day_starts_at, tz).timestamp())


class Skipped(Struct):
    """Answers the fit did not use, by reason (each answer counted once)."""

    undone: int = 0
    """Answers the learner took back (undo)."""
    out_of_order: int = 0
    """Records out of sequence in the history (a number not after the one before it)."""
    clock_backwards: int = 0
    """Answers timed before the card's previous answer: the clock went backwards."""
    vanished: int = 0
    """Answers of cards no longer in any deck."""
    before_reset: int = 0
    """Answers before the card was started afresh (forgotten, then learned as new)."""
    no_first_answer: int = 0
    """Answers of cards whose history does not start with their first answer (an
    import without it): fsrs-rs and Anki do not train on those."""
    same_day: int = 0
    """Answers on the same study day as the card's previous one (learning steps): kept
    in the card's history, but not predicted, as fsrs-rs expects."""

    def to_json(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__struct_fields__}

    @property
    def total(self) -> int:
        """Answers not used at all (same-day steps are used, only not predicted)."""
        return sum(self.to_json().values()) - self.same_day


class CardHistory(NamedTuple):
    """One card's answers in the fit, oldest first: grades, study days and times."""

    card_id: str
    ratings: list[int]
    days: list[int]
    times: list[float]
    """Unix seconds of each answer (targets are ordered by them)."""
    deltas: list[int]
    """Days between each answer and the one before (0 for the first): fsrs-rs's delta_t."""

    def delta(self, position: int) -> int:
        """Days between answer ``position`` and the one before (0 for the first)."""
        return self.deltas[position]


def card_history(
    card_id: str, ratings: list[int], days: list[int], times: list[float]
) -> CardHistory:
    """A card's history, its day gaps computed once."""
    deltas = [0, *(b - a for a, b in itertools.pairwise(days))] if days else []
    return CardHistory(card_id, ratings, days, times, deltas)


class TrainingSet(Struct):
    """What a fit uses: the cards' histories and the targets in time order."""

    cards: list[CardHistory]
    targets: list[tuple[float, int, int]]
    """(time, card index, position): each answer to predict, oldest first."""
    reviews: int
    """Answers used (first answers and same-day steps included)."""
    skipped: Skipped
    other_presets: int = 0
    """Answers of cards scheduled with another preset's parameters (not this fit's)."""
    memo: dict[str, Any] = field(default_factory=dict)
    """What is derived from the cards once and kept between fits (shared by the parts
    :meth:`before` and :meth:`after` make): fsrs-rs reviews, RMSE bins."""

    def _with(self, targets: list[tuple[float, int, int]]) -> TrainingSet:
        return TrainingSet(
            self.cards, targets, self.reviews, self.skipped, self.other_presets, self.memo
        )

    def before(self, moment: float) -> TrainingSet:
        """The same cards, with only the targets answered before ``moment`` (Unix s)."""
        return self._with([t for t in self.targets if t[0] < moment])

    def after(self, moment: float) -> TrainingSet:
        """The same cards, with only the targets answered at or after ``moment``."""
        return self._with([t for t in self.targets if t[0] >= moment])


def build_training_set(
    reviews: Iterable[ReviewRecord],
    *,
    anchor: int,
    undone: Collection[int] = (),
    known: Container[str] | None = None,
    preset: Container[str] | None = None,
) -> TrainingSet:
    """The training set of a history (in the order it was recorded).

    Args:
        reviews: the answers, in the history's order (seq order).
        anchor: a rollover moment (:func:`rollover_anchor`).
        undone: seqs the learner undid; counted, and left out if present.
        known: every card of every deck (None: do not check); other cards have vanished.
        preset: the cards whose parameters are being fitted (None: all of them).
    """
    skipped = Skipped(undone=len(undone))
    other = 0
    last_seq: int | None = None
    histories: dict[str, tuple[list[int], list[int], list[float], list[bool]]] = {}
    for review in reviews:
        seq = review.seq
        if seq in undone:
            continue
        if last_seq is not None and seq <= last_seq:
            skipped.out_of_order += 1
            continue
        last_seq = seq
        card = review.card_id
        if known is not None and card not in known:
            skipped.vanished += 1
            continue
        if preset is not None and card not in preset:
            other += 1
            continue
        moment = review.at.timestamp()
        found = histories.get(card)
        if found is None:
            found = histories[card] = ([], [], [], [])
        ratings, days, times, fresh = found
        if times and moment < times[-1]:
            skipped.clock_backwards += 1
            continue
        if review.phase is Phase.NEW and ratings:  # learned afresh: start over from here
            skipped.before_reset += len(ratings)
            for column in (ratings, days, times, fresh):
                column.clear()
        ratings.append(int(review.rating))
        days.append(-((anchor - int(moment)) // DAY))  # as Anki counts: whole seconds
        times.append(moment)
        fresh.append(review.phase is Phase.NEW)
    cards: list[CardHistory] = []
    targets: list[tuple[float, int, int]] = []
    used = 0
    for card, (ratings, days, times, fresh) in histories.items():
        if not fresh[0]:
            skipped.no_first_answer += len(ratings)
            continue
        index = len(cards)
        cards.append(card_history(card, ratings, days, times))
        used += len(ratings)
        for position in range(1, len(ratings)):
            if days[position] > days[position - 1]:
                targets.append((times[position], index, position))
            else:
                skipped.same_day += 1
    targets.sort()
    return TrainingSet(cards, targets, used, skipped, other)
