"""A grade key to the next card painted, in the study screen (Pilot, real progress store).

    python benchmarks/grade_to_next.py [--quick] [--answers 60]

How it is measured: the app runs under Pilot (``run_test``, 100x30) on a real
workspace: decks through the deck cache, a real progress folder in a temporary
directory (every answer written to its journal, fsynced in the background), the
system clock. On each card Enter reveals the answer; then the clock starts and
``3`` (Good) is pressed.
The clock stops at the first screen update whose terminal output contains the
next card's prompt. Headless Textual computes every update but skips encoding
it for the terminal, so the app's ``_display`` is wrapped to encode each update
exactly as for a real terminal (``render_segments``) and look for the prompt in
those bytes. The figure therefore covers the key's dispatch, grading (FSRS and
the journal append), choosing the next card, updating the widgets,
layout, rendering at Textual's frame pacing (60 fps), and encoding the frame.

Two workspaces, one after the other in the same run:

* the bundled decks (new-card limit raised so that enough cards are due);
* 50,000 cards and 500,000 past reviews (``engine.py``'s workload, reviews due).

A few answers are taken first to warm up (imports, answer-checker indexes).
Median and p90 over ``--answers`` (>= 50). Prints figures; never fails on time.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from msgspec import structs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine import make_workload, pct  # benchmarks/ is not a package: run as a script

from studyapp.core.decks.discovery import bundled_decks_dir
from studyapp.core.workspace import Workspace, open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.study import StudyScreen

TARGET_MEDIAN_MS = 33.0
WARMUP = 5
SIZE = (100, 30)


def _needle(prompt: str) -> str:
    """What of the prompt is sure to be on one line, in one style, on screen."""
    return prompt.strip().split("\n", 1)[0][:24]


@dataclasses.dataclass
class Timings:
    paint: list[float] = dataclasses.field(default_factory=list)
    """Grade key to the next card's prompt painted."""
    handler: list[float] = dataclasses.field(default_factory=list)
    """Inside StudyScreen.grade: the session's answer and the widgets' updates."""
    engine: list[float] = dataclasses.field(default_factory=list)
    """Inside Session.answer: schedule, journal append, the next card chosen."""


def _timed(target: Any, name: str, into: list[float]) -> None:
    """Wrap ``target.name`` (an instance attribute shadows the method) to time its calls."""
    method = getattr(target, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            into.append(time.perf_counter() - start)

    setattr(target, name, wrapper)


async def measure(workspace: Workspace, answers: int) -> Timings:
    """Per answer: the grade key to the next card's prompt painted, and its parts."""
    app = StudyApp(workspace, seed=1)
    timings = Timings()
    handler: list[float] = []
    engine: list[float] = []
    watch: dict[str, Any] = {"needle": None, "painted": None, "card": None, "armed": False}
    async with app.run_test(size=SIZE) as pilot:
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            needle = watch["needle"]
            if renderable is None or not watch["armed"] or watch["painted"] is not None:
                return
            # what a real terminal would be sent (headless mode skips this step)
            sent = renderable.render_segments(app.console)
            study = app.screen
            if (
                needle is None
                and isinstance(study, StudyScreen)
                and study.card is not None
                and study.card is not watch["card"]
            ):
                needle = watch["needle"] = _needle(study.card.prompt)
            if needle is not None and needle in sent:
                watch["painted"] = time.perf_counter()

        app._display = display  # type: ignore[method-assign]
        await pilot.press("a")  # study all decks
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen), type(screen).__name__
        _timed(screen, "grade", handler)
        _timed(screen.session, "answer", engine)
        for index in range(answers + WARMUP):
            if screen.card is None:
                raise SystemExit(f"the queue ran dry after {index} answers")
            # reveal: Enter on typed and order cards; on a choice card Enter asks to pick
            # an option first, and space ("Show answer") reveals
            await pilot.press("space" if screen.mode == "choice" else "enter")
            await pilot.pause()
            assert screen.phase in ("revealed", "judged"), screen.phase
            watch.update(needle=None, painted=None, card=screen.card, armed=True)
            start = time.perf_counter()
            await pilot.press("3")
            deadline = start + 5.0
            while watch["painted"] is None:
                if time.perf_counter() > deadline:
                    raise SystemExit("the next card was not painted within 5 s")
                await pilot.pause(0.001)
            watch["armed"] = False
            if index >= WARMUP:
                timings.paint.append(watch["painted"] - start)
                timings.handler.append(handler[-1])
                timings.engine.append(engine[-1])
    return timings


def bundled_workspace(root: Path) -> Workspace:
    decks = bundled_decks_dir()
    assert decks is not None, "no bundled decks found"
    workspace = open_workspace([str(decks)], progress=root / "progress-bundled")
    study = workspace.config.study
    study = structs.replace(study, queue=study.queue.with_overrides({"new_per_day": 500}))
    workspace.config = workspace.config.with_study(study)
    return workspace


def large_workspace(root: Path, quick: bool) -> tuple[Workspace, int]:
    per_deck = 1_000 if quick else 10_000
    workload = make_workload(root / "large", per_deck=per_deck, reviews=50 * per_deck)
    live = root / "progress-large"
    shutil.copytree(workload.progress, live)
    return open_workspace([str(workload.decks)], progress=live), 5 * per_deck


def _row(name: str, times: list[float]) -> str:
    return (
        f"  {name:44s} median {statistics.median(times) * 1000:6.1f} ms"
        f"   p90 {pct(times, 90) * 1000:6.1f} ms   min {min(times) * 1000:6.1f} ms"
        f"   max {max(times) * 1000:6.1f} ms"
    )


def report(name: str, timings: Timings) -> float:
    print(_row(name, timings.paint))
    print(_row("  of which StudyScreen.grade (handler)", timings.handler))
    print(_row("  of which Session.answer (engine, journal)", timings.engine))
    return statistics.median(timings.paint) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 cards in the large case")
    parser.add_argument("--answers", type=int, default=60, help="timed answers per case")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="studyapp-grade-"))
    os.environ["STUDYAPP_CONFIG"] = str(root / "config")
    os.environ["STUDYAPP_CACHE"] = str(root / "cache")
    try:
        bundled = bundled_workspace(root)
        bundled_times = asyncio.run(measure(bundled, args.answers))
        large, n_large = large_workspace(root, args.quick)
        large_times = asyncio.run(measure(large, args.answers))
    finally:
        shutil.rmtree(root, ignore_errors=True)

    import textual

    print(
        f"grade key (3 on a revealed card) to the next card painted, Pilot {SIZE[0]}x{SIZE[1]}; "
        f"{args.answers} answers each after {WARMUP} warm-up"
    )
    print(
        f"python {sys.version.split()[0]}, textual {textual.__version__}, "
        f"{os.cpu_count()} cpus, {time.strftime('%Y-%m-%d')}"
    )
    meds = [
        report("bundled decks", bundled_times),
        report(f"{n_large:,} cards + {10 * n_large:,} reviews", large_times),
    ]
    worst = max(meds)
    print(
        f"  verdict: median <= {TARGET_MEDIAN_MS:.0f} ms: "
        f"{'meets' if worst <= TARGET_MEDIAN_MS else 'misses'} (worst median {worst:.1f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
