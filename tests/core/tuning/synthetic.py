"""A synthetic learner: review histories drawn from a ground-truth FSRS-6 memory (seeded).

The learner's memory follows :data:`TRUTH`, parameters far from FSRS-6's defaults (they
forget a first answer faster, remember after a few reviews longer, and their forgetting
curve is steeper). The app schedules them as a new learner's app does, with the default
parameters at 90% retention; whether each review is recalled is drawn from the truth.
Fitting on such a history should recover a model close to the truth: the tests and
``benchmarks/optimize.py`` check how close, by log loss on later reviews.

The formulas are :class:`~studyapp.core.examday.memory.MemoryModel`'s (FSRS-6, proven
equal to ``fsrs.Scheduler``). Times are whole study days from ``start`` (a day begins at
``start``'s time of day), each answer at a random minute of its day.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs

from studyapp.core.examday.memory import AGAIN, EASY, GOOD, HARD, Memory, MemoryModel
from studyapp.core.store.journal import encode_line
from studyapp.core.store.layout import HISTORY
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase, Rating

TRUTH_PARAMETERS = (
    0.05, 0.6, 1.6, 20.0, 7.4, 0.35, 2.2, 0.02, 2.3, 0.12, 1.3,
    1.1, 0.08, 0.45, 1.3, 0.4, 2.6, 0.35, 0.25, 0.1, 0.45,
)  # fmt: skip
"""Far from the defaults: initial stabilities, growth on success and the curve's decay."""
DEFAULT_PARAMETERS = tuple(float(w) for w in fsrs.scheduler.DEFAULT_PARAMETERS)
START = datetime(2027, 1, 4, 4, 0, tzinfo=UTC)
"""Day 0 begins here (4 am UTC: the default rollover hour, tests run in UTC)."""

_FIRST = ((AGAIN, 0.2), (HARD, 0.1), (GOOD, 0.55), (EASY, 0.15))
_PASS = ((HARD, 0.12), (GOOD, 0.78), (EASY, 0.1))
_LATE = (0, 0, 0, 0, 1, 2, 4)
"""Days a learner answers a card after it was due (most often on the day)."""


def _draw(rng: random.Random, table: Sequence[tuple[int, float]]) -> int:
    x = rng.random()
    for value, p in table:
        x -= p
        if x < 0:
            return value
    return table[-1][0]


class SyntheticLearner:
    """Makes a history: ``new_per_day`` new cards a day, every due card reviewed."""

    def __init__(
        self,
        *,
        seed: int = 1,
        new_per_day: int = 20,
        truth: Sequence[float] = TRUTH_PARAMETERS,
        app: Sequence[float] = DEFAULT_PARAMETERS,
        start: datetime = START,
        deck: str = "synth",
    ) -> None:
        self.rng = random.Random(seed)
        self.new_per_day = new_per_day
        self.truth = MemoryModel(truth)
        self.app = MemoryModel(app)
        self.start = start
        self.deck = deck
        self.answers = 0
        self.made = 0
        self._cards: list[tuple[str, Memory, Memory, int, int]] = []
        """(card id, true memory, the app's memory, last day, due day)."""

    def card_ids(self) -> list[str]:
        return [card[0] for card in self._cards]

    def _record(
        self, out: list[ReviewRecord], card: str, day: int, second: int, rating: int, phase: Phase
    ) -> None:
        at = self.start + timedelta(days=day, seconds=second)
        took = int(self.rng.uniform(3_000, 20_000))
        out.append(ReviewRecord(0, card, at, Rating(rating), phase, took))

    def days(self, first: int, last: int) -> list[ReviewRecord]:
        """Every answer of days ``first`` to ``last - 1``, in time order, numbered on."""
        out: list[ReviewRecord] = []
        rng, truth, app = self.rng, self.truth, self.app
        for day in range(first, last):
            second = rng.randrange(3600, 5 * 3600)  # 1-5 hours after the rollover
            kept: list[tuple[str, Memory, Memory, int, int]] = []
            for card, true, known, last_day, due in self._cards:
                if due > day:
                    kept.append((card, true, known, last_day, due))
                    continue
                elapsed = day - last_day
                second += 8
                recalled = rng.random() < truth.recall(elapsed, true.stability)
                rating = _draw(rng, _PASS) if recalled else AGAIN
                self._record(out, card, day, second, rating, Phase.REVIEW)
                true = truth.review(true, elapsed, rating)
                known = app.review(known, elapsed, rating)
                if rating == AGAIN:  # a relearning step, ten minutes later
                    self._record(out, card, day, second + 600, GOOD, Phase.RELEARNING)
                    true, known = truth.same_day(true, GOOD), app.same_day(known, GOOD)
                late = _LATE[rng.randrange(len(_LATE))]
                kept.append((card, true, known, day, day + _interval(known) + late))
            for _ in range(self.new_per_day):
                self.made += 1
                card = f"{self.deck}/e{self.made}/answer"  # a qa entry's card
                second += 8
                rating = _draw(rng, _FIRST)
                self._record(out, card, day, second, rating, Phase.NEW)
                true, known = truth.first(rating), app.first(rating)
                if rating != EASY:  # one learning step (two after Again), minutes later
                    for step in range(2 if rating == AGAIN else 1):
                        later = second + 600 * (step + 1)
                        self._record(out, card, day, later, GOOD, Phase.LEARNING)
                        true, known = truth.same_day(true, GOOD), app.same_day(known, GOOD)
                kept.append((card, true, known, day, day + _interval(known)))
            self._cards = kept
        out.sort(key=lambda r: r.at)
        base, self.answers = self.answers, self.answers + len(out)
        return [r._replace(seq=base + i) for i, r in enumerate(out, start=1)]


def _interval(memory: Memory) -> int:
    """The app's interval at 90% retention (in FSRS, the stability), at least a day."""
    return max(1, min(36500, round(memory.stability)))


def deck_yaml(deck: str, entries: int) -> str:
    """A deck of ``entries`` qa entries whose cards are the learner's (``e1`` to ``eN``)."""
    body = "".join(
        f"  - id: e{i}\n    kind: qa\n    prompt: Question number {i}\n    answer: A{i}\n"
        for i in range(1, entries + 1)
    )
    return f"id: {deck}\ntitle: Synthetic {deck}\nentries:\n{body}"


def write_history(
    folder: Path, reviews: Sequence[ReviewRecord], undone: Sequence[int] = ()
) -> None:
    """A progress folder whose history file holds ``reviews`` (and undo records of
    ``undone``, as a fold writes them when the answer was folded before the undo)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [encode_line(r.to_dict()) for r in reviews]
    last = max((r.seq for r in reviews), default=0)
    for n, seq in enumerate(undone, start=1):
        lines.append(encode_line({"seq": last + n, "type": "undo", "undoes": seq}))
    (folder / HISTORY).write_bytes(b"".join(lines))
