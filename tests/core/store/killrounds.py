"""kill -9 rounds against a real progress folder, counted: what the reliability suite
(``python -m pytest tests -m reliability``) and ``benchmarks/reliability.py`` report.

A child process answers in lock-step (one answer per line sent, "ack" printed once
``record_review`` returned), folding every few answers; it is killed with SIGKILL at a
random moment of one more answer. Then the folder is opened as the next start would
and every acknowledged answer is looked for.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.store.store import ProgressStore

CHILD = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from msgspec.structs import replace
from studyapp.core.base.clock import ManualClock
from studyapp.core.store.state import Phase, Rating
from studyapp.core.store.store import ProgressStore

folder, fold_after, i = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
clock = ManualClock(datetime(2026, 3, 2, 12, tzinfo=UTC) + timedelta(minutes=i))
store = ProgressStore.open(folder, clock=clock, fold_after=fold_after)
print("ready", flush=True)
cards = [f"d/e{n}/v" for n in range(5)]
for _ in sys.stdin:
    card = cards[i % len(cards)]
    prev = store.get(card)
    clock.advance(timedelta(minutes=1))
    new = replace(prev, phase=Phase.REVIEW, reps=prev.reps + 1, due=clock.now)
    store.record_review(prev, new, Rating.GOOD, clock.now)
    print(f"ack {card} {new.reps}", flush=True)
    i += 1
"""


@dataclass
class KillFigures:
    acknowledged: int = 0
    kill_points: int = 0
    lost: int = 0
    unreadable_opens: int = 0

    def __str__(self) -> str:
        return (
            f"answers acknowledged {self.acknowledged:,}; kill -9 points {self.kill_points}; "
            f"answers lost {self.lost}; opens with a damaged file {self.unreadable_opens}"
        )


def kill_rounds(folder: Path, rounds: int, seed: int = 20260302) -> KillFigures:
    rng = random.Random(seed)
    figures = KillFigures()
    acked: dict[str, int] = {}
    done = 0
    for _ in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(CHILD), str(folder),
             str(rng.choice([3, 7, 50, 1000])), str(done)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert child.stdout is not None and child.stdin is not None
        try:
            assert child.stdout.readline() == "ready\n"
            for _ in range(rng.randint(0, 25)):
                child.stdin.write("go\n")
                child.stdin.flush()
                _, card, count = child.stdout.readline().split()
                acked[card] = int(count)
                figures.acknowledged += 1
            child.stdin.write("go\n")  # one more, killed at a random moment of it
            child.stdin.flush()
            time.sleep(rng.random() * 0.004)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            figures.kill_points += 1
            for stream in (child.stdin, child.stdout, child.stderr):
                if stream:
                    with contextlib.suppress(BrokenPipeError):
                        stream.close()
        with ProgressStore.open(folder, read_only=True) as view:
            if any(p.severity == "error" for p in view.problems):
                figures.unreadable_opens += 1
            figures.lost += sum(max(0, n - view.get(card).reps) for card, n in acked.items())
            # an answer that landed without its "ack" counts for the next child
            acked = {card: view.get(card).reps for card in acked}
            done = sum(acked.values())
    return figures
