"""Does following the exam plan beat ordinary study with the same minutes? Simulated students.

    python benchmarks/exam_plan.py [--students 50] [--cards 300] [--seed 1]

Each student's memory follows a ground-truth FSRS-6 model whose parameters are
unlike the defaults; the app knows only the defaults (as a new learner's app
does). Every student first studies ordinarily for 60 days (the app's schedule at
90% retention, a daily budget), then an exam is set 7, 14 or 30 days ahead and
the student goes on one of two ways with the same answers a day:

* ordinary: due cards (most overdue first), then new cards, as the queue does;
* plan: each morning the app re-plans (``studyapp.core.examday.plan``) from what
  it knows and the student does that day's part of the plan.

Every answer's outcome is drawn from the ground truth (recalled with the true
probability; a lapse is relearned the same day), and both the truth and the
app's estimate move with it. The score is the mean true recall on exam day of
every card the exam covers. Printed: mean and spread (sd) of each arm over the
students, and the paired difference. Seeded: the same students in both arms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import fsrs

from studyapp.core.examday.memory import AGAIN, GOOD, Memory, MemoryModel
from studyapp.core.examday.plan import LEARN_ANSWERS, PlanCard, make_plan, minutes_needed

TRUTH = MemoryModel(
    (0.8, 2.1, 5.5, 20.0, 6.2, 0.45, 2.0, 0.02, 1.8, 0.2, 1.2,
     1.6, 0.12, 0.35, 1.9, 0.35, 2.4, 0.4, 0.2, 0.12, 0.25)
)  # fmt: skip
APP = MemoryModel(tuple(fsrs.scheduler.DEFAULT_PARAMETERS))
START = date(2027, 1, 1)
WARM_UP = 20
SECONDS = 8.0


@dataclass
class Card:
    truth: Memory | None = None
    app: Memory | None = None
    last: int | None = None


def _answer(card: Card, day: int, rng: random.Random) -> int:
    """One review (or learning) on ``day``: the answers it took."""
    if card.truth is None or card.app is None or card.last is None:
        card.truth = TRUTH.learned()
        card.app = APP.learned()
        card.last = day
        return LEARN_ANSWERS
    elapsed = day - card.last
    recalled = elapsed <= 0 or rng.random() < TRUTH.recall(elapsed, card.truth.stability)
    if elapsed <= 0:
        card.truth = TRUTH.same_day(card.truth, GOOD)
        card.app = APP.same_day(card.app, GOOD)
        spent = 1
    elif recalled:
        card.truth = TRUTH.review(card.truth, elapsed, GOOD)
        card.app = APP.review(card.app, elapsed, GOOD)
        spent = 1
    else:  # Again, then Good at the relearning step
        card.truth = TRUTH.same_day(TRUTH.review(card.truth, elapsed, AGAIN), GOOD)
        card.app = APP.same_day(APP.review(card.app, elapsed, AGAIN), GOOD)
        spent = 2
    card.last = day
    return spent


def _ordinary_day(cards: list[Card], day: int, budget: int, rng: random.Random) -> None:
    """The queue's way: due cards, most overdue first (at 90% retention), then new cards."""
    due = []
    for card in cards:
        if card.app is not None and card.last is not None:
            interval = max(1, round(card.app.stability))  # at 90% retention, S days
            if day - card.last >= interval:
                due.append((card.last + interval, id(card), card))
    due.sort(key=lambda item: item[:2])
    left = budget
    for _, _, card in due:
        if left < 1:
            return
        left -= _answer(card, day, rng)
    for card in cards:
        if left < LEARN_ANSWERS:
            return
        if card.app is None:
            left -= _answer(card, day, rng)


def _plan_day(cards: list[Card], day: int, exam: int, budget: int, rng: random.Random) -> None:
    today = START + timedelta(days=day)
    plan_cards = [
        PlanCard(
            str(n),
            ("d", str(n)),
            card.app,
            None if card.last is None else START + timedelta(days=card.last),
        )
        for n, card in enumerate(cards)
    ]
    plan = make_plan(
        plan_cards,
        APP,
        today=today,
        exam_date=START + timedelta(days=exam),
        answers_per_day=budget,
        seconds_per_answer=SECONDS,
    )
    left = budget
    for card_id in plan.days[0].card_ids:
        if left < 1:
            return
        left -= _answer(cards[int(card_id)], day, rng)


def _score(cards: list[Card], exam: int) -> float:
    return statistics.fmean(
        0.0
        if card.truth is None or card.last is None
        else TRUTH.recall(exam - card.last, card.truth.stability)
        for card in cards
    )


def simulate(seed: int, n_cards: int, days: int, budget: int, plan: bool) -> float:
    rng = random.Random(seed)
    cards = [Card() for _ in range(n_cards)]
    warm_budget = max(4, budget // 4)  # a lighter load before the exam is known
    for day in range(WARM_UP):
        _ordinary_day(cards, day, warm_budget, rng)
    exam = WARM_UP + days
    outcomes = random.Random(seed * 7919 + days)  # the same draws for both arms
    for day in range(WARM_UP, exam):
        if plan:
            _plan_day(cards, day, exam, budget, outcomes)
        else:
            _ordinary_day(cards, day, budget, outcomes)
    return _score(cards, exam)


def timing(sizes: tuple[int, ...] = (5_000, 50_000), runs: int = 5) -> None:
    """Readiness and the plan at scale: what the app computes off the UI thread."""
    from studyapp.core.examday.readiness import ExamCard, readiness
    from studyapp.core.store.state import CardState, Phase

    print(
        "\n| cards | readiness (median) | plan, 20 min a day (median) | together "
        "| minutes needed (only when short; median) |"
    )
    print("|---|---|---|---|---|")
    for size in sizes:
        rng = random.Random(size)
        today = START + timedelta(days=200)
        exam_cards, states, plan_cards = [], {}, []
        for n in range(size):
            card_id = f"d/e{n}/c"
            exam_cards.append(ExamCard(card_id, "d", f"e{n}", "qa"))
            if rng.random() < 0.3:
                plan_cards.append(PlanCard(card_id, ("d", f"e{n}")))
                continue
            memory = Memory(rng.uniform(0.5, 300), rng.uniform(1, 10))
            last = today - timedelta(days=rng.randint(0, 90))
            when = datetime.combine(last, datetime.min.time(), UTC) + timedelta(hours=12)
            states[card_id] = CardState(
                card_id, Phase.REVIEW, last_review=when,
                stability=memory.stability, difficulty=memory.difficulty,
            )  # fmt: skip
            plan_cards.append(PlanCard(card_id, ("d", f"e{n}"), memory, last))
        exam = today + timedelta(days=30)
        ready_times, plan_times, needed_times = [], [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            readiness(exam_cards, states, APP, today=today, exam_date=exam, day_of=_day)
            t1 = time.perf_counter()
            make_plan(
                plan_cards, APP, today=today, exam_date=exam,
                answers_per_day=int(20 * 60 / SECONDS), seconds_per_answer=SECONDS,
            )  # fmt: skip
            t2 = time.perf_counter()
            minutes_needed(plan_cards, APP, today=today, exam_date=exam, seconds_per_answer=SECONDS)
            t3 = time.perf_counter()
            ready_times.append(t1 - t0)
            plan_times.append(t2 - t1)
            needed_times.append(t3 - t2)
        r, p = statistics.median(ready_times), statistics.median(plan_times)
        m = statistics.median(needed_times)
        print(
            f"| {size:,} | {r * 1000:.0f} ms | {p * 1000:.0f} ms | {(r + p) * 1000:.0f} ms "
            f"| {m * 1000:.0f} ms |"
        )


def _day(moment: datetime) -> date:
    return moment.date()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--timing-only", action="store_true", help="only the 5k/50k timings")
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--cards", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.timing_only:
        timing()
        return 0
    print(
        f"{args.students} simulated students, {args.cards} cards each, ground truth FSRS-6 "
        f"(parameters unlike the defaults), the app on the defaults; {SECONDS:g} s an answer\n"
    )
    print("| exam in | minutes a day | ordinary study | following the plan | plan - ordinary |")
    print("|---|---|---|---|---|")
    for days in (7, 14, 30):
        for minutes in (5, 10, 20):
            budget = int(minutes * 60 / SECONDS)
            seeds = [args.seed * 1000 + s for s in range(args.students)]
            ordinary = [simulate(s, args.cards, days, budget, False) for s in seeds]
            planned = [simulate(s, args.cards, days, budget, True) for s in seeds]
            diff = [p - o for p, o in zip(planned, ordinary, strict=True)]
            print(
                f"| {days} days | {minutes} | {statistics.fmean(ordinary):.1%} "
                f"(sd {statistics.stdev(ordinary):.1%}) | {statistics.fmean(planned):.1%} "
                f"(sd {statistics.stdev(planned):.1%}) | {statistics.fmean(diff):+.1%} "
                f"(worse for {sum(d < 0 for d in diff)} of {len(diff)}) |",
                flush=True,
            )
    timing()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
