"""A plan to be ready on exam day: which cards to review, and learn, on which days.

The goal is the learner's target recall on exam day for every card the exam
covers, within the answers a day their minutes allow. The memory model is
FSRS-6 (:mod:`memory`), and three of its facts shape the plan:

* a review moves recall on exam day most when it is made late: a card reviewed
  the day before is fresh; so reviews are placed as late as capacity allows,
  the cards whose memory fades fastest latest of all;
* a new card must be learned early enough to be reviewed once before the exam:
  learning is placed as early as possible;
* capacity is short more often than not: every task (a review, or learning a
  new card and reviewing it) is weighed by the exam-day recall it adds per
  answer, and the best are taken until the answers run out.

Each review's outcome is weighed both ways (recalled, or forgotten and
relearned) by its predicted probability. The plan's reviews are early reviews
as far as the normal schedule is concerned; the scheduler treats them as FSRS
treats any early review, so the long-term schedule stays honest.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from datetime import date, timedelta

from msgspec import Struct, field

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.examday.memory import Memory, MemoryModel

__all__ = [
    "LEARN_ANSWERS",
    "Plan",
    "PlanCard",
    "PlanDay",
    "answers_needed",
    "make_plan",
    "minutes_needed",
]

LEARN_ANSWERS = 2
"""Answers a new card takes the day it is learned (Good at each of the two default steps)."""


class PlanCard(Struct, frozen=True):
    """A card the exam covers: its entry, and its memory (None if never studied)."""

    card_id: str
    entry: tuple[str, str]
    memory: Memory | None = None
    last_day: date | None = None


class PlanDay(Struct, frozen=True):
    """One day of the plan."""

    day: date
    reviews: int
    new: int
    minutes: float
    card_ids: tuple[str, ...] = ()
    """The cards to review or learn that day, latest-needed first."""


class Plan(Struct, frozen=True):
    """The days up to the exam, and what following them predicts."""

    exam_date: date
    target: float
    answers_per_day: int
    days: tuple[PlanDay, ...]
    predicted_score_with_plan: float
    cards_at_target: int
    cards: int
    recall_with_plan: dict[str, float]

    @property
    def reaches_target(self) -> bool:
        return self.cards_at_target == self.cards


class _Task(Struct):
    card: PlanCard
    early: int
    """Answers placed as early as possible: learning a new card (2), a first review (1)."""
    gain_per_answer: float
    fragility: float
    """Stability after the late review: the lower, the later that review should come."""
    early_day: int | None = None
    late_day: int | None = None
    extra: list[int] = field(default_factory=list)
    """Reviews between the early answers (or the last review) and the late one, added
    where time is left over: a ladder builds memory that outlasts a single late review."""

    @property
    def cost(self) -> int:
        return self.early + 1


class _Weigher:
    """Expected exam-day recall of a card under a plan, memoised where cards are alike."""

    def __init__(self, model: MemoryModel, today: date, n: int) -> None:
        self.model, self.today, self.n = model, today, n
        self.learned = model.learned()
        self._new: dict[tuple[int, int | None], tuple[float, float]] = {}
        self._studied: dict[tuple[str, int | None, int | None], tuple[float, float]] = {}

    def last(self, card: PlanCard) -> int:
        assert card.last_day is not None
        return (card.last_day - self.today).days

    def new(self, learn: int, review: int | None) -> tuple[float, float]:
        """A new card learned on day ``learn`` and reviewed on day ``review``."""
        key = (learn, review)
        found = self._new.get(key)
        if found is None:
            m, n = self.learned, self.n
            if review is None:
                found = (self.model.recall(n - learn, m.stability), m.stability)
            else:
                found = self.model.exam_recall(
                    m.stability, m.difficulty, review - learn, n - review
                )
            self._new[key] = found
        return found

    def studied(self, card: PlanCard, first: int | None, review: int | None) -> tuple[float, float]:
        """A studied card reviewed on day ``review`` (after a first review on ``first``)."""
        key = (card.card_id, first, review)
        found = self._studied.get(key)
        if found is None:
            found = self._studied[key] = self._weigh(card, first, review)
        return found

    def _weigh(self, card: PlanCard, first: int | None, review: int | None) -> tuple[float, float]:
        memory, last, n, model = card.memory, self.last(card), self.n, self.model
        assert memory is not None
        if review is None:
            return model.recall(n - last, memory.stability), memory.stability
        if first is None:
            return model.exam_recall(memory.stability, memory.difficulty, review - last, n - review)
        r, good, lapse = model.reviewed(memory, first - last)
        kept, fragile = model.exam_recall(
            good.stability, good.difficulty, review - first, n - review
        )
        lost, _ = model.exam_recall(lapse.stability, lapse.difficulty, review - first, n - review)
        return r * kept + (1 - r) * lost, fragile


def _chain(weigh: _Weigher, task: _Task, extra: Sequence[int]) -> float:
    """Expected exam-day recall of ``task``'s card with reviews on the ``extra`` days too.

    Between reviews the memory is carried as the mean of its two branches (recalled or
    relearned) weighted by their probability: a planning estimate, not a simulation.
    """
    model, card = weigh.model, task.card
    if card.memory is None:
        assert task.early_day is not None
        memory, last = weigh.learned, task.early_day
    elif task.early and task.early_day is not None:
        first = task.early_day
        r, good, lapse = model.reviewed(card.memory, first - weigh.last(card))
        memory, last = _mean(r, good, lapse), first
    else:
        memory, last = card.memory, weigh.last(card)
    for day in sorted(extra):
        r, good, lapse = model.reviewed(memory, day - last)
        memory, last = _mean(r, good, lapse), day
    assert task.late_day is not None
    return model.exam_recall(
        memory.stability, memory.difficulty, task.late_day - last, weigh.n - task.late_day
    )[0]


def _mean(r: float, good: Memory, lapse: Memory) -> Memory:
    return Memory(
        r * good.stability + (1 - r) * lapse.stability,
        r * good.difficulty + (1 - r) * lapse.difficulty,
    )


def _reinforce(
    tasks: list[_Task], weigh: _Weigher, left: list[int], recall: dict[str, float]
) -> None:
    """Spend the answers left over on ladders: one more review at the middle of each card's
    longest gap before its late review, weakest cards first, while it helps."""
    for _ in range(_LADDER_PASSES):  # each pass halves the gaps once more
        spare = sum(left)
        if not spare:
            return
        ladders = [t for t in tasks if t.late_day is not None and recall[t.card.card_id] < _FRESH]
        ladders.sort(key=lambda t: (recall[t.card.card_id], t.card.card_id))
        added = False
        for task in ladders[: min(spare, _LADDER_CARDS)]:
            assert task.late_day is not None
            start = task.early_day if task.card.memory is None or task.early else None
            if start is None:
                start = max(weigh.last(task.card), -1)
            stops = sorted({start, *task.extra, task.late_day})
            gap, after = max((b - a, a) for a, b in itertools.pairwise(stops))
            if gap < 2:
                continue
            day = _free_near(left, after + gap // 2, after + 1, after + gap - 1)
            if day is None:
                continue
            better = _chain(weigh, task, [*task.extra, day])
            if better > recall[task.card.card_id] + 0.002:
                task.extra.append(day)
                left[day] -= 1
                recall[task.card.card_id] = better
                added = True
        if not added:
            return


def _free_near(left: list[int], middle: int, low: int, high: int) -> int | None:
    """The day from ``low`` to ``high`` with an answer left, nearest ``middle``."""
    low = max(low, 0)
    for step in range(max(middle - low, high - middle) + 1):
        for day in (middle - step, middle + step):
            if low <= day <= high and left[day] > 0:
                return day
    return None


_LADDER_PASSES = 3
_LADDER_CARDS = 2_000
"""At most this many cards are given a ladder step per pass: the weakest; the rest of a
large exam is past the point where one more review changes much."""
_FRESH = 0.97
"""A card predicted at least this likely to be recalled is not given a ladder step."""


def make_plan(
    cards: Sequence[PlanCard],
    model: MemoryModel,
    *,
    today: date,
    exam_date: date,
    answers_per_day: int,
    seconds_per_answer: float,
    target: float = 0.9,
) -> Plan:
    """The plan for ``cards`` from ``today`` to the day before ``exam_date``.

    Days are counted from ``today`` (day 0); the exam is day ``n``. Raises
    ValueError for an exam today or in the past, a target outside (0, 1) or a
    negative capacity: callers turn those into messages.
    """
    n = (exam_date - today).days
    if n < 1:
        raise ValueError("the exam must be after today")
    if not 0 < target < 1:
        raise ValueError("the target must be between 0 and 1")
    if answers_per_day < 0 or seconds_per_answer <= 0:
        raise ValueError("the time a day must be positive")
    with paused_gc():  # tens of thousands of small objects, all kept until the end
        weigh = _Weigher(model, today, n)
        tasks, base = _tasks(cards, weigh, target)
        recall, left = _follow(tasks, base, weigh, answers_per_day)
        _reinforce(tasks, weigh, left, recall)
        return _summarise(
            cards, tasks, recall, today, exam_date, n, answers_per_day, seconds_per_answer, target
        )


def _follow(
    tasks: list[_Task], base: dict[str, float], weigh: _Weigher, capacity: int
) -> tuple[dict[str, float], list[int]]:
    """Allocate days to ``tasks`` at ``capacity`` answers a day: each card's exam-day
    recall, and the answers left over on each day."""
    for task in tasks:
        task.early_day = task.late_day = None
        task.extra = []
    left = _allocate(tasks, weigh.n, capacity)
    recall = dict(base)
    for task in tasks:
        card = task.card
        if card.memory is None:
            if task.early_day is not None:
                recall[card.card_id] = weigh.new(task.early_day, task.late_day)[0]
        elif task.late_day is not None:
            first = task.early_day if task.early else None
            recall[card.card_id] = weigh.studied(card, first, task.late_day)[0]
    return recall, left


def _tasks(
    cards: Sequence[PlanCard], weigh: _Weigher, target: float
) -> tuple[list[_Task], dict[str, float]]:
    """What each card needs (nothing, a late review, a first review too, or learning), each
    weighed by the exam-day recall it adds per answer; and every card's recall without."""
    n = weigh.n
    review_day = n - 1 if n > 1 else None
    tasks: list[_Task] = []
    recall: dict[str, float] = {}
    model = weigh.model
    decay, factor = model.decay, model.factor
    exam_recall = model.exam_recall
    today = weigh.today.toordinal()
    fresh = max(target, _FRESH)
    new_best, new_fragile = weigh.new(0, review_day)
    new_gain = new_best / (LEARN_ANSWERS + (review_day is not None))
    for card in cards:  # the hot loop of a plan: locals, no calls it can do without
        memory, last_day = card.memory, card.last_day
        if memory is None or last_day is None:
            recall[card.card_id] = 0.0
            tasks.append(_Task(card, LEARN_ANSWERS, new_gain, new_fragile))
            continue
        last = last_day.toordinal() - today
        s = memory.stability
        now = (1 + factor * (n - last) / s) ** decay if n > last else 1.0
        recall[card.card_id] = now
        if n - 1 <= last or now >= fresh:
            continue  # (nothing to gain worth an answer)
        best, fragile = exam_recall(s, memory.difficulty, n - 1 - last, 1)
        start = max(last + 1, 0)
        if now >= target or best >= target or n - 1 - start < 2:
            # (a card already at the target gains less: it is reviewed with time to spare)
            if best > now:
                tasks.append(_Task(card, 0, best - now, fragile))
            continue
        first = start + (n - 1 - start) // 2  # halfway to the last day
        twice, fragile2 = weigh.studied(card, first, n - 1)
        if (twice - now) / 2 > best - now:
            tasks.append(_Task(card, 1, (twice - now) / 2, fragile2))
        elif best > now:
            tasks.append(_Task(card, 0, best - now, fragile))
    return tasks, recall


def _allocate(tasks: list[_Task], n: int, capacity: int) -> list[int]:
    """Give the best tasks days: early answers from the front, late reviews from the back."""
    left = [capacity] * n
    total = capacity * n
    chosen: list[_Task] = []
    for task in sorted(tasks, key=lambda t: (-t.gain_per_answer, t.card.card_id)):
        cost = task.cost if n > 1 else max(task.early, 1)
        if cost <= total:
            total -= cost
            chosen.append(task)
    front = 0
    for task in chosen:  # early answers first, in the order chosen
        if not task.early:
            continue
        while front < n and left[front] < task.early:
            front += 1
        if front == n:
            break
        left[front] -= task.early
        task.early_day = front
    back = n - 1
    late = [t for t in chosen if not t.early or t.early_day is not None]
    for task in sorted(late, key=lambda t: (t.fragility, t.card.card_id)):
        while back >= 0 and left[back] < 1:
            back -= 1
        if back < 0:
            break
        if task.early_day is not None and back <= task.early_day:
            continue  # its early answers came too late for a review after them
        left[back] -= 1
        task.late_day = back
    return left


def _summarise(
    cards: Sequence[PlanCard],
    tasks: list[_Task],
    recall: dict[str, float],
    today: date,
    exam_date: date,
    n: int,
    capacity: int,
    seconds: float,
    target: float,
) -> Plan:
    reviews: list[list[str]] = [[] for _ in range(n)]
    learning: list[list[str]] = [[] for _ in range(n)]
    for task in tasks:
        if task.early_day is not None:
            if task.card.memory is None:
                learning[task.early_day].append(task.card.card_id)
            else:
                reviews[task.early_day].append(task.card.card_id)
        if task.late_day is not None:
            reviews[task.late_day].append(task.card.card_id)
        for day in task.extra:
            reviews[day].append(task.card.card_id)
    days = tuple(
        PlanDay(
            today + timedelta(days=k),
            len(reviews[k]),
            len(learning[k]),
            round((len(reviews[k]) + LEARN_ANSWERS * len(learning[k])) * seconds / 60, 1),
            (*learning[k], *reviews[k]),
        )
        for k in range(n)
    )
    entries: dict[tuple[str, str], list[float]] = {}
    for card in cards:
        entries.setdefault(card.entry, []).append(recall[card.card_id])
    score = sum(sum(v) / len(v) for v in entries.values()) / len(entries) if entries else 0.0
    at_target = sum(recall[c.card_id] >= target for c in cards)
    return Plan(exam_date, target, capacity, days, score, at_target, len(cards), recall)


def answers_needed(
    cards: Sequence[PlanCard],
    model: MemoryModel,
    *,
    today: date,
    exam_date: date,
    target: float = 0.9,
    most: int = 24 * 60 * 6,
) -> int | None:
    """The fewest answers a day (to within 2%) with which the plan predicts a score of
    ``target`` (the mean exam-day recall over the entries), or None if ``most`` would not.

    Every card at the target is the plan's aim, but the last few cards can cost the
    most (a card that fades fast must be reviewed the very day before), so what a
    learner is told it would take is the time for the score.
    """
    n = (exam_date - today).days
    if n < 1:
        raise ValueError("the exam must be after today")
    if not cards:
        return 0
    with paused_gc():
        weigh = _Weigher(model, today, n)
        tasks, base = _tasks(cards, weigh, target)
        entries: dict[tuple[str, str], list[str]] = {}
        for card in cards:
            entries.setdefault(card.entry, []).append(card.card_id)

        def score(answers: int) -> float:
            recall, _ = _follow(tasks, base, weigh, answers)
            means = [sum(recall[c] for c in ids) / len(ids) for ids in entries.values()]
            return sum(means) / len(means)

        # More than every task in one day buys nothing: the search stops there.
        high = min(most, max(1, sum(t.cost for t in tasks)))
        if score(high) < target:
            return None
        low = 0
        while high - low > max(1, low // 50):  # to 2%: minutes a day, not answers
            mid = (low + high) // 2
            if score(mid) >= target:
                high = mid
            else:
                low = mid + 1
        return high


def minutes_needed(
    cards: Sequence[PlanCard],
    model: MemoryModel,
    *,
    today: date,
    exam_date: date,
    seconds_per_answer: float,
    target: float = 0.9,
) -> float | None:
    """:func:`answers_needed` in minutes a day (rounded up to a tenth), or None."""
    found = answers_needed(cards, model, today=today, exam_date=exam_date, target=target)
    if found is None:
        return None
    return math.ceil(found * seconds_per_answer / 6) / 10
