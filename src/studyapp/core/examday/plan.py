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
relearned) by its predicted probability.

The plan optimises memory, not guesses: every choice above weighs recall, since a
review makes the learner remember and a lucky guess among options does not. Only
the score it predicts (:attr:`Plan.predicted_score_with_plan`) adds what guessing
earns (``PlanColumns.floors``, see :mod:`guessing`), to be comparable with
readiness and a sitting's forecast.

No day learns more new cards than the study queue's daily new-card limit allows
(``PlanColumns.decks``/``new_limits``; today less those already introduced): the
queue takes the plan's cards first, counted against that limit, so a plan past it
would promise cards home and the study screen do not show. A new card the limit
leaves out is counted in :attr:`Plan.held_back`. The plan's reviews are early reviews
as far as the normal schedule is concerned; the scheduler treats them as FSRS
treats any early review, so the long-term schedule stays honest.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from msgspec import Struct, structs

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.examday.guessing import with_guessing
from studyapp.core.examday.memory import Memory, MemoryModel

__all__ = [
    "LEARN_ANSWERS",
    "Plan",
    "PlanCard",
    "PlanColumns",
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
    held_back: int = 0
    """New cards worth learning that the daily new-card limit leaves unlearned."""

    @property
    def reaches_target(self) -> bool:
        return self.cards_at_target == self.cards


class PlanColumns(Struct, frozen=True):
    """The exam's cards as the plan reads them, by position: the same facts as a list of
    :class:`PlanCard`, as columns (what ``readiness.card_memories`` reads from a store),
    so that 50,000 cards need no object each. A card never studied has stability 0."""

    card_ids: Sequence[str]
    entries: Sequence[int]
    """Each card's entry, as a number from 0 (cards of one entry share it)."""
    entry_count: int
    stability: Sequence[float]
    difficulty: Sequence[float]
    last_day: Sequence[int]
    """The study day (an ordinal) of the card's last review; anything if never studied."""
    partners: Sequence[tuple[int, ...]] = ()
    """Each entry's leak partners, as entry numbers (by entry number; none: no links)."""
    floors: Sequence[float] = ()
    """Each entry's guessing floor (by entry number; one: every entry's; none: 0): the
    predicted score only."""
    decks: Sequence[int] = ()
    """Each card's deck, as a number (by row; none: one deck), for the new-card limit."""
    new_limits: Sequence[int] = ()
    """New cards a day each deck (by deck number) may introduce (none: no limit)."""
    new_left_today: Sequence[int] = ()
    """New cards each deck may still introduce today (none: its whole limit)."""
    busy_today: Mapping[int, frozenset[int]] = {}
    """Entry number -> its cards (rows) the study queue shows, or showed, today whatever
    the plan says (due, learning, answered): it shows no sibling of theirs today, nor a
    new card beside a leak partner of theirs, so the plan puts none there today."""

    @classmethod
    def of(cls, cards: Sequence[PlanCard]) -> PlanColumns:
        numbers: dict[tuple[str, str], int] = {}
        stability: list[float] = []
        difficulty: list[float] = []
        last_day: list[int] = []
        for card in cards:
            memory, last = card.memory, card.last_day
            studied = memory is not None and last is not None
            stability.append(memory.stability if memory is not None and studied else 0.0)
            difficulty.append(memory.difficulty if memory is not None and studied else 0.0)
            last_day.append(last.toordinal() if last is not None and studied else 0)
        entries = [numbers.setdefault(card.entry, len(numbers)) for card in cards]
        ids = [card.card_id for card in cards]
        return cls(ids, entries, len(numbers), stability, difficulty, last_day)


class _Task(Struct):
    row: int
    """The card's position among the plan's cards (each day lists its cards in that order)."""
    early: int
    """Answers placed as early as possible: learning a new card (2), a first review (1)."""
    gain_per_answer: float
    fragility: float
    """Stability after the late review: the lower, the later that review should come."""
    new: bool
    early_day: int | None = None
    late_day: int | None = None
    extra: tuple[int, ...] = ()
    """Reviews between the early answers (or the last review) and the late one, added
    where time is left over: a ladder builds memory that outlasts a single late review."""

    @property
    def cost(self) -> int:
        return self.early + 1


class _Candidates(Struct):
    """Every task worth weighing, as columns: a :class:`_Task` is made only for those
    chosen (at 50,000 cards, a few thousand answers' worth of tens of thousands)."""

    row: list[int]
    early: list[int]
    gain: list[float]
    fragility: list[float]
    ranked: list[int]
    """Candidates, best gain per answer first, ties by card id (the order of choosing)."""
    card_ids: Sequence[str]
    """Every card's id, by row (the plan's columns')."""
    entries: Sequence[int]
    """Every card's entry number, by row (siblings share one)."""
    partners: Sequence[tuple[int, ...]] = ()
    """Each entry's leak partners (by entry number)."""
    busy_today: Mapping[int, frozenset[int]] = {}
    """See :attr:`PlanColumns.busy_today`."""


class _Weigher:
    """Expected exam-day recall of a card under a plan, memoised where cards are alike."""

    def __init__(self, model: MemoryModel, columns: PlanColumns, today: date, n: int) -> None:
        self.model, self.columns, self.n = model, columns, n
        self.today = today.toordinal()
        self.learned = model.learned()
        self._new: dict[tuple[int, int | None], tuple[float, float]] = {}
        self._studied: dict[tuple[int, int | None, int | None], tuple[float, float]] = {}

    def last(self, row: int) -> int:
        """The day of the card's last review, counted from today (day 0)."""
        return self.columns.last_day[row] - self.today

    def memory(self, row: int) -> Memory:
        c = self.columns
        return Memory(c.stability[row], c.difficulty[row])

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

    def studied(self, row: int, first: int | None, review: int | None) -> tuple[float, float]:
        """A studied card reviewed on day ``review`` (after a first review on ``first``)."""
        key = (row, first, review)
        found = self._studied.get(key)
        if found is None:
            found = self._studied[key] = self._weigh(row, first, review)
        return found

    def _weigh(self, row: int, first: int | None, review: int | None) -> tuple[float, float]:
        memory, last, n, model = self.memory(row), self.last(row), self.n, self.model
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
    model, row = weigh.model, task.row
    if task.new:
        assert task.early_day is not None
        memory, last = weigh.learned, task.early_day
    elif task.early and task.early_day is not None:
        first = task.early_day
        r, good, lapse = model.reviewed(weigh.memory(row), first - weigh.last(row))
        memory, last = _mean(r, good, lapse), first
    else:
        memory, last = weigh.memory(row), weigh.last(row)
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


def _reinforce(tasks: list[_Task], weigh: _Weigher, left: list[int], recall: list[float]) -> None:
    """Spend the answers left over on ladders: one more review at the middle of each card's
    longest gap before its late review, weakest cards first, while it helps."""
    ids = weigh.columns.card_ids
    days = _EntryDays.of(tasks, weigh.columns)
    for _ in range(_LADDER_PASSES):  # each pass halves the gaps once more
        spare = sum(left)
        if not spare:
            return
        ladders = [t for t in tasks if t.late_day is not None and recall[t.row] < _FRESH]
        ladders.sort(key=lambda t: (recall[t.row], ids[t.row]))
        added = False
        for task in ladders[: min(spare, _LADDER_CARDS)]:
            assert task.late_day is not None
            start = task.early_day if task.new or task.early else None
            if start is None:
                start = max(weigh.last(task.row), -1)
            stops = sorted({start, *task.extra, task.late_day})
            gap, after = max((b - a, a) for a, b in itertools.pairwise(stops))
            if gap < 2:
                continue
            day = _free_near(
                left,
                after + gap // 2,
                after + 1,
                after + gap - 1,
                functools.partial(days.free, task, learning=False),
            )
            if day is None:
                continue
            better = _chain(weigh, task, [*task.extra, day])
            if better > recall[task.row] + 0.002:
                task.extra = (*task.extra, day)
                days.take(task, day, learning=False)
                left[day] -= 1
                recall[task.row] = better
                added = True
        if not added:
            return


def _free_near(
    left: list[int], middle: int, low: int, high: int, free: Callable[[int], bool]
) -> int | None:
    """The day from ``low`` to ``high`` with an answer left, nearest ``middle``, that
    ``free`` allows (no sibling or partner in the way)."""
    low = max(low, 0)
    for step in range(max(middle - low, high - middle) + 1):
        for day in (middle - step, middle + step):
            if low <= day <= high and left[day] > 0 and free(day):
                return day
    return None


_LADDER_PASSES = 3
_LADDER_CARDS = 2_000
"""At most this many cards are given a ladder step per pass: the weakest; the rest of a
large exam is past the point where one more review changes much."""
_FRESH = 0.97
"""A card predicted at least this likely to be recalled is not given a ladder step."""


def make_plan(
    cards: Sequence[PlanCard] | PlanColumns,
    model: MemoryModel,
    *,
    today: date,
    exam_date: date,
    answers_per_day: int,
    seconds_per_answer: float,
    target: float = 0.9,
    spent_today: int = 0,
) -> Plan:
    """The plan for ``cards`` from ``today`` to the day before ``exam_date``.

    Days are counted from ``today`` (day 0); the exam is day ``n``. ``spent_today``:
    answers already given today to the exam's cards, taken from today's time (planned
    again after studying, today's part shrinks rather than starting over). Raises
    ValueError for an exam today or in the past, a target outside (0, 1) or a
    negative capacity: callers turn those into messages.
    """
    n = (exam_date - today).days
    if n < 1:
        raise ValueError("the exam must be after today")
    if not 0 < target < 1:
        raise ValueError("the target must be between 0 and 1")
    if answers_per_day < 0 or seconds_per_answer <= 0 or spent_today < 0:
        raise ValueError("the time a day must be positive")
    with paused_gc():  # tens of thousands of small objects, all kept until the end
        columns = cards if isinstance(cards, PlanColumns) else PlanColumns.of(cards)
        weigh = _Weigher(model, columns, today, n)
        candidates, base = _tasks(weigh, target)
        tasks, recall, left, held = _follow(candidates, base, weigh, answers_per_day, spent_today)
        _reinforce(tasks, weigh, left, recall)
        tasks.sort(key=_ROW)
        plan = _summarise(
            columns, tasks, recall, today, exam_date, n, answers_per_day, seconds_per_answer, target
        )
        return structs.replace(plan, held_back=held) if held else plan


def _follow(
    candidates: _Candidates,
    base: list[float],
    weigh: _Weigher,
    capacity: int,
    spent: int = 0,
) -> tuple[list[_Task], list[float], list[int], int]:
    """Choose tasks and give them days at ``capacity`` answers a day (less ``spent`` today):
    the tasks chosen, each card's exam-day recall, the answers left over each day, and
    the new cards the daily new-card limit held back."""
    slots = _NewSlots.of(weigh.columns, weigh.n)
    tasks, left, held = _allocate(candidates, weigh.n, capacity, spent, slots, weigh.last)
    recall = base.copy()
    for task in tasks:
        if task.new:
            if task.early_day is not None:
                recall[task.row] = weigh.new(task.early_day, task.late_day)[0]
        elif task.late_day is not None:
            first = task.early_day if task.early else None
            recall[task.row] = weigh.studied(task.row, first, task.late_day)[0]
    return tasks, recall, left, held


def _tasks(weigh: _Weigher, target: float) -> tuple[_Candidates, list[float]]:
    """What each card needs (nothing, a late review, a first review too, or learning), each
    weighed by the exam-day recall it adds per answer; and every card's recall without."""
    n, columns, model = weigh.n, weigh.columns, weigh.model
    review_day = n - 1 if n > 1 else None
    decay, factor = model.decay, model.factor
    today = weigh.today
    fresh = max(target, _FRESH)
    new_best, new_fragile = weigh.new(0, review_day)
    new_gain = new_best / (LEARN_ANSWERS + (review_day is not None))
    # First pass: recall on the day as things stand; the cards worth a review the day
    # before are weighed together after (the formulas in one loop: the hot part).
    recall: list[float] = []
    add_recall = recall.append
    new_rows: list[int] = []
    add_new = new_rows.append
    weak: list[int] = []
    nows: list[float] = []
    lasts: list[int] = []
    for row, (s, last_day) in enumerate(zip(columns.stability, columns.last_day, strict=True)):
        if not s:
            add_recall(0.0)
            add_new(row)
            continue
        last = last_day - today
        now = (1 + factor * (n - last) / s) ** decay if n > last else 1.0
        add_recall(now)
        if n - 1 <= last or now >= fresh:
            continue  # (nothing to gain worth an answer)
        weak.append(row)
        nows.append(now)
        lasts.append(last)
    stability, difficulty = columns.stability, columns.difficulty
    bests = model.tomorrow_recalls(
        [stability[row] for row in weak],
        [difficulty[row] for row in weak],
        [n - 1 - last for last in lasts],
    )
    count = len(new_rows)  # every new card: learned early, reviewed late
    found = _Candidates(
        new_rows,
        [LEARN_ANSWERS] * count,
        [new_gain] * count,
        [new_fragile] * count,
        [],
        columns.card_ids,
        columns.entries,
        columns.partners,
        columns.busy_today,
    )
    add_row, add_early = found.row.append, found.early.append
    add_gain, add_fragility = found.gain.append, found.fragility.append
    for row, now, last, (best, fragile) in zip(weak, nows, lasts, bests, strict=True):
        start = max(last + 1, 0)
        early, gain, fragility = 0, best - now, fragile
        if not (now >= target or best >= target or n - 1 - start < 2):
            first = start + (n - 1 - start) // 2  # halfway to the last day
            twice, fragile2 = weigh.studied(row, first, n - 1)
            if (twice - now) / 2 > best - now:
                early, gain, fragility = 1, (twice - now) / 2, fragile2
        # (a card already at the target gains less: it is reviewed with time to spare)
        if early or best > now:
            add_row(row)
            add_early(early)
            add_gain(gain)
            add_fragility(fragility)
    # Best gain first, ties by card id: two stable sorts at C speed (``reverse`` keeps ties
    # in order), rather than a key tuple made for each of tens of thousands of tasks.
    ids = list(map(columns.card_ids.__getitem__, found.row))
    found.ranked = sorted(range(len(ids)), key=ids.__getitem__)
    found.ranked.sort(key=found.gain.__getitem__, reverse=True)
    return found, recall


_ROW = operator.attrgetter("row")


def _allocate(
    candidates: _Candidates,
    n: int,
    capacity: int,
    spent: int = 0,
    slots: _NewSlots | None = None,
    last: Callable[[int], int] | None = None,
) -> tuple[list[_Task], list[int], int]:
    """Choose the best tasks that fit, and give them days: early answers from the front,
    late reviews from the back; no day learns more new cards than ``slots`` allows. The
    tasks chosen (best first), the answers left, and the new cards the limit held back.
    ``last``: a card's last review day (from today), which its late review must follow:
    a card answered today is not asked again today by the queue."""
    left = [capacity] * n
    left[0] = max(0, capacity - spent)
    total = sum(left)
    chosen: list[_Task] = []
    rows, early = candidates.row, candidates.early
    gain, fragility = candidates.gain, candidates.fragility
    held = 0
    for k in candidates.ranked:
        if not total:
            break  # (every task costs an answer at least)
        answers = early[k]
        cost = answers + 1 if n > 1 else max(answers, 1)
        if cost <= total:
            new = answers == LEARN_ANSWERS
            if new and slots is not None and not slots.reserve(rows[k]):
                held += 1
                continue  # the new-card limit leaves no day to learn it
            total -= cost
            chosen.append(_Task(rows[k], answers, gain[k], fragility[k], new))
    front = 0
    days = _EntryDays(candidates.entries, candidates.partners, candidates.busy_today)
    for task in chosen:  # early answers first, in the order chosen
        if not task.early:
            continue
        while front < n and left[front] < task.early:
            front += 1
        if front == n:
            break
        limited = slots is not None and task.new
        day = max(front, slots.first(task.row)) if slots is not None and limited else front
        while day < n and (
            left[day] < task.early
            or not days.free(task, day)
            or (slots is not None and limited and not slots.has(task.row, day))
        ):
            day += 1
        if day == n:
            continue  # no day apart from its siblings and partners: it waits
        if slots is not None and limited:
            slots.take(task.row, day)
        days.take(task, day)
        left[day] -= task.early
        task.early_day = day
    back = n - 1
    late = [t for t in chosen if not t.early or t.early_day is not None]
    ids = candidates.card_ids
    late.sort(key=lambda t: ids[t.row])  # (ties in fragility: by card id)
    for task in sorted(late, key=_FRAGILITY):
        while back >= 0 and left[back] < 1:
            back -= 1
        if back < 0:
            break
        day = back
        while day >= 0 and (left[day] < 1 or not days.free(task, day, learning=False)):
            day -= 1
        after = task.early_day
        if after is None and last is not None and not task.new:
            after = last(task.row)
        if day < 0 or (after is not None and day <= after):
            continue  # its early answers (or today's) came too late for a review after
        days.take(task, day, learning=False)
        left[day] -= 1
        task.late_day = day
    return chosen, left, held


class _NewSlots:
    """The new cards each deck may still introduce, each day and over the plan (the
    study queue's daily new-card limit: see the module's docstring)."""

    def __init__(self, decks: Sequence[int], days: list[list[int]]) -> None:
        self.decks = decks
        self.days = days
        """Deck number -> new cards left on each day."""
        self.total = [sum(d) for d in days]
        """Deck number -> new cards left over the plan, less those reserved."""
        self.front = [0] * len(days)
        """Deck number -> the first day that may have one left."""

    @classmethod
    def of(cls, columns: PlanColumns, n: int) -> _NewSlots | None:
        if not columns.new_limits:
            return None
        today = columns.new_left_today
        days = []
        for deck, limit in enumerate(columns.new_limits):
            first = today[deck] if deck < len(today) else limit
            days.append([max(0, min(first, limit)), *([max(0, limit)] * (n - 1))])
        decks = columns.decks or [0] * len(columns.card_ids)
        return cls(decks, days)

    def reserve(self, row: int) -> bool:
        """Count a new card chosen to be learned; False when its deck has no room left."""
        deck = self.decks[row]
        if self.total[deck] <= 0:
            return False
        self.total[deck] -= 1
        return True

    def first(self, row: int) -> int:
        deck = self.decks[row]
        days, day = self.days[deck], self.front[deck]
        while day < len(days) and days[day] <= 0:
            day += 1
        self.front[deck] = day
        return day

    def has(self, row: int, day: int) -> bool:
        return self.days[self.decks[row]][day] > 0

    def take(self, row: int, day: int) -> None:
        self.days[self.decks[row]][day] -= 1


class _EntryDays:
    """The days each entry is studied, and learned: the study queue shows one card of an
    entry a day (siblings give each other away), and a new card on no day one of its
    leak partners is shown (``decks.leaks``); the plan keeps to both, or the queue would
    leave out cards the plan counts on."""

    def __init__(
        self,
        entries: Sequence[int],
        partners: Sequence[tuple[int, ...]],
        today: Mapping[int, frozenset[int]] | None = None,
    ) -> None:
        self.entries, self.partners = entries, partners
        self.today = today or {}
        """Entry -> cards the queue shows today whatever the plan says (day 0)."""
        self.busy: dict[int, set[int]] = {}
        self.learned: dict[int, set[int]] = {}

    def _links(self, entry: int) -> tuple[int, ...]:
        return self.partners[entry] if entry < len(self.partners) else ()

    def free(self, task: _Task, day: int, *, learning: bool | None = None) -> bool:
        """Whether ``task`` (learning its card when ``learning``, by default when the
        task is new) may be studied on ``day``."""
        entry = self.entries[task.row]
        if day in self.busy.get(entry, ()):
            return False
        learns = task.new if learning is None else learning
        if day == 0 and self.today and not self._free_today(task.row, entry, learns):
            return False
        look = self.busy if learns else self.learned  # a new card waits for its partners
        return not any(day in look.get(p, ()) for p in self._links(entry))

    def _free_today(self, row: int, entry: int, learns: bool) -> bool:
        """No other card of the entry is shown today anyway, nor (for a new card) a
        card of a leak partner."""
        shown = self.today.get(entry)
        if shown and not shown <= {row}:
            return False
        return not learns or not any(p in self.today for p in self._links(entry))

    def take(self, task: _Task, day: int, *, learning: bool | None = None) -> None:
        entry = self.entries[task.row]
        self.busy.setdefault(entry, set()).add(day)
        if task.new if learning is None else learning:
            self.learned.setdefault(entry, set()).add(day)

    @classmethod
    def of(cls, tasks: Sequence[_Task], columns: PlanColumns) -> _EntryDays:
        """The days ``tasks`` already study (a plan being given ladder steps)."""
        found = cls(columns.entries, columns.partners, columns.busy_today)
        for task in tasks:
            if task.early_day is not None:
                found.take(task, task.early_day)
            for day in (task.late_day, *task.extra):
                if day is not None:
                    found.take(task, day, learning=False)
        return found


_FRAGILITY = operator.attrgetter("fragility")


def _summarise(
    columns: PlanColumns,
    tasks: list[_Task],
    recall: list[float],
    today: date,
    exam_date: date,
    n: int,
    capacity: int,
    seconds: float,
    target: float,
) -> Plan:
    ids = columns.card_ids
    reviews: list[list[str]] = [[] for _ in range(n)]
    learning: list[list[str]] = [[] for _ in range(n)]
    for task in tasks:
        card_id = ids[task.row]
        if task.early_day is not None:
            (learning if task.new else reviews)[task.early_day].append(card_id)
        if task.late_day is not None:
            reviews[task.late_day].append(card_id)
        for day in task.extra:
            reviews[day].append(card_id)
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
    at_target = sum(map(target.__le__, recall))
    score = _entry_mean(columns, recall, columns.floors)
    by_id = dict(zip(ids, recall, strict=True))
    return Plan(exam_date, target, capacity, days, score, at_target, len(ids), by_id)


def _entry_mean(
    columns: PlanColumns, values: Sequence[float], floors: Sequence[float] = ()
) -> float:
    """The mean over entries of the mean of each entry's values (0 for none); with
    ``floors`` (by entry), each entry's mean raised by its guessing floor."""
    count = columns.entry_count
    if not values or not count:
        return 0.0
    if len(floors) == 1:  # (every entry's: the lift is linear in the mean)
        return with_guessing(_entry_mean(columns, values), floors[0])
    if floors:
        sums = [0.0] * count
        sizes = [0] * count
        for entry, value in zip(columns.entries, values, strict=True):
            sums[entry] += value
            sizes[entry] += 1
        means = map(operator.truediv, sums, sizes)
        return float(sum(map(with_guessing, means, floors))) / count
    if count == len(values):  # one card an entry (the common case): at C speed
        return sum(values) / len(values)
    sums = [0.0] * count
    sizes = [0] * count
    for entry, value in zip(columns.entries, values, strict=True):
        sums[entry] += value
        sizes[entry] += 1
    return float(sum(map(operator.truediv, sums, sizes))) / count


def answers_needed(
    cards: Sequence[PlanCard] | PlanColumns,
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
    if not cards or (isinstance(cards, PlanColumns) and not cards.card_ids):
        return 0
    with paused_gc():
        columns = cards if isinstance(cards, PlanColumns) else PlanColumns.of(cards)
        weigh = _Weigher(model, columns, today, n)
        candidates, base = _tasks(weigh, target)

        def score(answers: int) -> float:
            _, recall, _, _ = _follow(candidates, base, weigh, answers)
            return _entry_mean(columns, recall)

        # More than every task in one day buys nothing: the search stops there.
        high = min(most, max(1, sum(candidates.early) + len(candidates.early)))
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
    cards: Sequence[PlanCard] | PlanColumns,
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
