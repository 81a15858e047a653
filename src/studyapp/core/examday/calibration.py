"""Calibration: predictions set beside what happened, so a learner can see whether to trust them.

When an exam or quiz starts, each question gets its forecast: the memory model's
predicted probability that the learner recalls its entries right then (the mean
over the entries' cards; a card never studied counts 0), raised by what a guess
earns among its options (:mod:`guessing`: ``r + (1 - r) * g``); the result keeps
it. Over many attempts two views follow: each attempt's predicted score beside
its actual score, and every question's forecast grouped in bins (0-10%, ...,
90-100%) beside the share of those questions actually answered right (a forecast
of 0, a typed question never studied, is left out: a convention, not a forecast).
A well-calibrated forecast puts the 70-80% bin near 75% right.

A sitting that ended with questions unanswered (ended early, out of time, or
submitted with blanks) is left out of the attempts: its forecast was for answering
every question, and a blank is not a recall that failed (one answer of twenty
would chart as "scored 5%"). Its answered questions still count in the bins;
its unanswered ones do not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime

from msgspec import Struct

from studyapp.core.decks.card import Card
from studyapp.core.examday.guessing import floor, with_guessing
from studyapp.core.examday.memory import MemoryModel
from studyapp.core.examday.readiness import memory_of
from studyapp.core.quiz.questions import Question
from studyapp.core.quiz.scoring import QuizResult
from studyapp.core.store.state import CardState

__all__ = ["Attempt", "Bin", "Calibration", "calibration", "predict_questions"]


def predict_questions(
    questions: Sequence[Question],
    cards: Iterable[Card],
    states: Mapping[str, CardState],
    model: MemoryModel,
    *,
    today: date,
    day_of: Callable[[datetime], date],
    close_credit: float = 0.5,
) -> dict[str, float]:
    """Question id -> predicted probability of a right answer now: recall (the mean over
    the question's entries of the mean over each entry's cards; never studied: 0),
    and a guess's credit when not recalled (``close_credit``: an ordering's one swap)."""
    wanted = {(q.deck_id, e) for q in questions for e in q.entry_ids}
    by_entry: dict[tuple[str, str], list[float]] = {}
    for card in cards:
        key = (card.deck_id, card.entry_id)
        if key not in wanted:
            continue
        known = memory_of(states.get(card.id))
        recall = 0.0
        if known is not None:
            memory, last = known
            recall = model.recall((today - day_of(last)).days, memory.stability)
        by_entry.setdefault(key, []).append(recall)
    predicted: dict[str, float] = {}
    for question in questions:
        means = [
            sum(found) / len(found)
            for e in question.entry_ids
            if (found := by_entry.get((question.deck_id, e)))
        ]
        if means:
            guess = floor(question.format, len(question.options), close_credit)
            predicted[question.id] = with_guessing(sum(means) / len(means), guess)
    return predicted


class Attempt(Struct, frozen=True):
    taken_at: datetime | None
    exam_id: str | None
    title: str
    predicted: float
    """Percent."""
    actual: float
    """Percent."""


class Bin(Struct, frozen=True):
    low: float
    high: float
    questions: int
    predicted: float
    """Mean predicted recall of the bin's questions (0-1)."""
    actual: float
    """Mean credit they earned (0-1)."""


class Calibration(Struct, frozen=True):
    attempts: tuple[Attempt, ...]
    bins: tuple[Bin, ...]
    left_out: int = 0
    """Attempts with a forecast left out of :attr:`attempts`: ended with questions
    unanswered (see the module's docstring)."""

    @property
    def questions(self) -> int:
        return sum(b.questions for b in self.bins)

    def to_json(self) -> dict[str, object]:
        return {
            "attempts": [
                {
                    "taken_at": a.taken_at.isoformat() if a.taken_at else None,
                    "exam_id": a.exam_id,
                    "title": a.title,
                    "predicted_score": round(a.predicted / 100, 4),
                    "actual_score": round(a.actual / 100, 4),
                }
                for a in self.attempts
            ],
            "bins": [
                {
                    "from": b.low,
                    "to": b.high,
                    "questions": b.questions,
                    "predicted": round(b.predicted, 4),
                    "actual": round(b.actual, 4),
                }
                for b in self.bins
            ],
            "attempts_left_out": self.left_out,
        }


def calibration(results: Iterable[QuizResult], *, bins: int = 10) -> Calibration:
    """Every complete attempt with a prediction (oldest first), and the answered questions
    of every attempt in ``bins`` bins (see the module's docstring)."""
    attempts: list[Attempt] = []
    left_out = 0
    sums: list[list[float]] = [[0, 0.0, 0.0] for _ in range(bins)]
    for result in results:
        if result.predicted_score is not None and not result.complete:
            left_out += 1
        elif result.predicted_score is not None:
            attempts.append(
                Attempt(
                    result.taken_at, result.exam_id, result.title,
                    result.predicted_score, result.score,
                )
            )  # fmt: skip
        for question in result.results:
            if not question.predicted or question.given is None:
                continue  # a typed question never studied (a convention), or unanswered
            k = min(int(question.predicted * bins), bins - 1)
            sums[k][0] += 1
            sums[k][1] += question.predicted
            sums[k][2] += question.credit
    attempts.sort(key=lambda a: (a.taken_at is None, a.taken_at or datetime.min))
    found = tuple(
        Bin(k / bins, (k + 1) / bins, int(count), total / count, credit / count)
        for k, (count, total, credit) in enumerate(sums)
        if count
    )
    return Calibration(tuple(attempts), found, left_out)
