"""How long readiness and the plan take at scale, on the path the app runs them.

    python benchmarks/exam_speed.py [--sizes 5000 50000] [--runs 7] [--profile]

What the home screen's and the Readiness screen's worker do for one exam: the
exam's cards chosen from the decks (``exam_cards``), readiness on exam day and
today, and the plan at 20 minutes a day (``report_for_exam`` without the
"minutes needed" search, which runs only when asked). The states are a store's
table (columns, as the app reads them after start-up), 70% of the cards studied
at random memories, 30% never studied; the exam is 30 days away. Prints the
median (and the fastest and slowest) of ``--runs`` runs per size. ``--profile``
prints cProfile's top functions for the largest size instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.examday import report
from studyapp.core.examday.report import report_for_exam
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import StateTable
from studyapp.core.study.settings import StudySettings

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
EXAM = date(2027, 3, 31)


def workload(size: int) -> tuple[ExamSpec, list[Deck], list[Any], StateTable]:
    """A deck of ``size`` question cards and a store's states for 70% of them."""
    rng = random.Random(size)
    entries = [
        {"id": f"e{n}", "kind": "qa", "prompt": f"Question {n}?", "answer": f"A{n}"}
        for n in range(size)
    ]
    deck = Deck.model_validate({"id": "big", "title": "Big", "entries": entries})
    cards = cards_for_deck(deck)
    states = {}
    for card in cards:
        if rng.random() < 0.3:
            continue
        last = NOW - timedelta(days=rng.randint(0, 90), hours=rng.randint(0, 23))
        states[card.id] = CardState(
            card.id, Phase.REVIEW, due=last + timedelta(days=3), last_review=last,
            stability=rng.uniform(0.5, 300), difficulty=rng.uniform(1, 10),
        )  # fmt: skip
    spec = ExamSpec(id="big-exam", title="Big exam", decks=["big"])
    return spec, [deck], cards, StateTable.from_states(states)


def one_run(
    spec: ExamSpec, decks: list[Deck], cards: list[Any], table: StateTable, *, cold: bool = False
) -> tuple[float, float]:
    """One worker's run: wall time. ``cold``: the exam's cards are chosen again (the
    first run after start or after the decks were reloaded); otherwise they are kept.
    Returns the wall time and the process's CPU time (on a busy machine the CPU time
    is the steadier figure: the wall time includes waiting for a core)."""
    if cold:
        report._CHOSEN.clear()
    started, cpu = time.perf_counter(), time.process_time()
    report_for_exam(
        spec,
        decks,
        cards,
        table.copy(),
        (),
        StudySettings(),
        now=NOW,
        exam_date=EXAM,
        minutes_per_day=20,
        target=0.9,
        tz=UTC,
        needed=False,
    )
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5_000, 50_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if args.profile:
        work = workload(max(args.sizes))
        one_run(*work)
        profiler = cProfile.Profile()
        profiler.runcall(one_run, *work)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        return 0
    print(
        "| cards | readiness + plan (median) | fastest | slowest | CPU time (median) "
        "| cards chosen again too (median) |"
    )
    print("|---|---|---|---|---|---|")
    for size in args.sizes:
        work = workload(size)
        one_run(*work)  # warm: the first run pays for imports and the deck's entry index
        runs = [one_run(*work) for _ in range(args.runs)]
        times, cpu = [r[0] for r in runs], [r[1] for r in runs]
        cold = [one_run(*work, cold=True)[0] for _ in range(args.runs)]
        print(
            f"| {size:,} | {statistics.median(times) * 1000:.0f} ms "
            f"| {min(times) * 1000:.0f} ms | {max(times) * 1000:.0f} ms "
            f"| {statistics.median(cpu) * 1000:.0f} ms "
            f"| {statistics.median(cold) * 1000:.0f} ms |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
