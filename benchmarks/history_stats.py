"""Streak, statistics and one card's history with a long review history: the full
pass over ``history.jsonl`` against the history digest, side by side in one run;
and ``studyapp stats`` from a cold CLI, with and without a digest (and the figures
counted from every card, ``stats.kept``) on disk.

    python benchmarks/history_stats.py [--quick | --cards N] [--runs 5]

The workload is ``engine.py``'s (``make_workload``): 50,000 cards (``--cards``;
``--quick``: 5,000), ten past reviews a card in ``history.jsonl`` over 1,000 days,
200 answers in the journal not folded yet. The store is opened as the app opens it
(writable, on a copy of the progress folder), so the digest is written beside the
history.

Timed, old and new interleaved run by run so that the noise of the machine falls
on both alike (medians over ``--runs``):

* streak (the home screen's ``_load_streak``): ``compute_stats(store.history(),
  ...)`` as it was, against ``store_streak``;
* full statistics (the stats screen, 371 days of per-day counts; ``studyapp
  stats`` alike): ``compute_stats(store.history(), ...)`` against ``store_stats``;
* one card's history (the browse screen's card detail): scanning
  ``store.history()`` against ``card_history``, a different card each run.

The new path is timed as a new process meets it (the digest read from disk,
nothing kept in memory) and, for statistics, also warm (a second visit of the
stats screen in the same session). Apart, once: building the digest from scratch
(the first use after an upgrade, or after the digest was damaged), and bringing
it up to date after a fold of 1,000 answers (what each start after a session
pays). Every run checks that both paths give the same figures.

Then ``studyapp stats`` as a learner runs it, a new process each time (the CLI opens
the store read-only), on a copy of the progress folder with its deck cache warm:
without a digest on disk (deleted before each run: what every run cost while a
read-only store never kept one); with the digest kept but not ``stats.kept`` (the
first run after studying counts every card); and with both kept by the first runs.
Prints figures; never fails on time.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine import (  # benchmarks/ is not a package: run as a script
    DECK_CAP_ENV,
    Workload,
    load_cards,
    make_workload,
    snapshot_copy,
)
from startup import studyapp_command

from studyapp.core.stats.report import compute_stats, store_stats, store_streak
from studyapp.core.store import history_summary
from studyapp.core.store.history_summary import DIGEST_LOCK
from studyapp.core.store.layout import DIGEST, KEPT_STATS, SNAPSHOT
from studyapp.core.store.source import RACY_SECONDS
from studyapp.core.store.state import Rating
from studyapp.core.store.store import ProgressStore

TARGET_STREAK = 0.2
TARGET_STATS = 1.0
TARGET_CARD = 0.2
TARGET_CLI = 0.5
STATS_DAYS = 53 * 7  # the stats screen's HISTORY_DAYS
DAY_STARTS_AT = 4


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _cold() -> None:
    """As a new process: no digest kept in memory (it is read from disk)."""
    history_summary._memory.clear()


def cli_stats_times(
    workload: Workload, runs: int, *, keep_digest: bool, keep_figures: bool = True
) -> list[float]:
    """Seconds of ``studyapp stats`` runs, each a new process, on a copy of the progress
    folder (deck cache warm: runs first, not timed). ``keep_digest``: what the first runs
    keep (the digest, and ``stats.kept``: the figures counted from every card) is there
    for the timed ones, which then show a run whose decks and states are as the last
    one's; else both are deleted before each run. ``keep_figures=False``: ``stats.kept``
    alone is deleted before each run (the first run after studying: every card counted)."""
    folder = snapshot_copy(workload)
    home = workload.root / f"cli-home-{time.monotonic_ns()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYAPP_")}
    env |= DECK_CAP_ENV | {
        "STUDYAPP_CONFIG": str(home / "config"),
        "STUDYAPP_CACHE": str(home / "cache"),
        "STUDYAPP_PROGRESS": str(folder),
    }
    command = [*studyapp_command(), "stats", str(workload.decks)]

    def stats() -> float:
        if not keep_digest:
            for name in (DIGEST, DIGEST_LOCK, KEPT_STATS):
                (folder / name).unlink(missing_ok=True)
        elif not keep_figures:
            (folder / KEPT_STATS).unlink(missing_ok=True)
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"studyapp stats failed: {done.stderr.decode()[-2000:]}")
        return time.perf_counter() - start

    try:
        stats()  # fills the deck cache (and keeps the digest)
        if keep_digest:
            # stats.kept is written once the decks are known by their stat (the deck
            # cache stamps a file the second time it reads it) and the snapshot is a few
            # seconds old (source.settled): by the third run from a cold deck cache
            for _ in range(3):
                time.sleep(max(0.0, RACY_SECONDS + 0.5 - _age(folder / SNAPSHOT)))
                stats()
                if (folder / KEPT_STATS).exists():
                    break
            else:
                raise SystemExit("studyapp stats kept no stats.kept")
            if not keep_figures:
                (folder / KEPT_STATS).unlink()
        return [stats() for _ in range(runs)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def _age(path: Path) -> float:
    st = path.stat()
    return time.time() - max(st.st_mtime, st.st_ctime)


def run(args: argparse.Namespace) -> int:
    quick = args.quick
    runs = args.runs or (3 if quick else 5)
    n_cards = args.cards or (5_000 if quick else 50_000)
    per_deck, reviews = n_cards // 5, n_cards * 10
    root = Path(tempfile.mkdtemp(prefix="studyapp-history-"))
    try:
        started = time.perf_counter()
        workload = make_workload(root / "large", per_deck=per_deck, reviews=reviews)
        cards = load_cards(workload)
        print(
            f"workload: {len(cards):,} cards, {reviews:,} reviews "
            f"({(workload.progress / 'history.jsonl').stat().st_size / 1e6:.0f} MB of history), "
            f"built in {time.perf_counter() - started:.1f} s" + ("  [--quick]" if quick else "")
        )
        folder = snapshot_copy(workload)
        store = ProgressStore.open(folder, fold_after=10**9)
        now = workload.now
        options: dict[str, Any] = {"day_starts_at": DAY_STARTS_AT}

        # the digest, built once from scratch (as the first use after an upgrade)
        _cold()
        build, _ = _timed(lambda: store_streak(store, now, **options))
        digest_size = (folder / DIGEST).stat().st_size

        times: dict[str, list[float]] = {}
        same = True
        card_ids = [c.id for c in cards]
        states = dict(store.states)

        def old_stats(days: int) -> Any:
            return compute_stats(store.history(), states, cards, now, days=days, **options)

        def new_stats() -> Any:
            return store_stats(store, states, cards, now, days=STATS_DAYS, **options)

        def old_card(card: str) -> Any:
            return [r for r in store.history() if r.card_id == card]

        for run_index in range(runs):
            t, old = _timed(lambda: old_stats(30).streak)
            times.setdefault("streak old", []).append(t)
            _cold()
            t, new = _timed(lambda: store_streak(store, now, **options))
            times.setdefault("streak new", []).append(t)
            same &= old == new

            t, old = _timed(lambda: old_stats(STATS_DAYS))
            times.setdefault("stats old", []).append(t)
            _cold()
            t, new = _timed(new_stats)
            times.setdefault("stats new", []).append(t)
            t, warm = _timed(new_stats)
            times.setdefault("stats new warm", []).append(t)
            same &= old == new == warm

            card = card_ids[(run_index * 7919) % len(card_ids)]
            t, old = _timed(functools.partial(old_card, card))
            times.setdefault("card old", []).append(t)
            _cold()
            t, new = _timed(functools.partial(history_summary.card_history, store, card))
            times.setdefault("card new", []).append(t)
            same &= old == new

        # a session of 1,000 answers, folded: the next start brings the digest up to date
        for i in range(1000):
            cid = card_ids[(i * 31) % len(card_ids)]
            previous = store.get(cid)
            store.record_review(
                previous,
                previous,
                Rating.GOOD,
                now + timedelta(seconds=i),
                timedelta(seconds=4),
            )
        store.fold()
        _cold()
        extend, new = _timed(lambda: store_streak(store, now, **options))
        same &= new == compute_stats(store.history(), {}, [], now, **options).streak
        store.close()

        def med(name: str) -> float:
            return statistics.median(times[name])

        rows = [
            ("streak (home screen)", "streak", TARGET_STREAK),
            ("full Stats (stats screen, 371 days)", "stats", TARGET_STATS),
            ("one card's history (browse)", "card", TARGET_CARD),
        ]
        print(f"\nmedians of {runs} runs (old and new interleaved)")
        print(f"{'':38} {'full pass':>10} {'digest':>10} {'target':>8}  speed-up")
        for label, key, target in rows:
            old_t, new_t = med(f"{key} old"), med(f"{key} new")
            verdict = "meets" if new_t < target else "misses"
            print(
                f"{label:38} {old_t:9.3f}s {new_t:9.3f}s {target:7.1f}s  "
                f"x{old_t / new_t:,.0f}  ({verdict})"
            )
        print(f"{'full Stats, second visit (warm)':38} {'':10} {med('stats new warm'):9.3f}s")
        print(
            f"\ndigest: {digest_size / 1e6:.1f} MB; built from scratch once in {build:.2f} s; "
            f"brought up to date after a fold of 1,000 answers in {extend:.3f} s"
        )
        print(f"same figures on every run: {'yes' if same else 'NO'}")

        print(f"\nstudyapp stats, cold CLI (a new process per run), medians of {runs} runs")
        without = statistics.median(cli_stats_times(workload, runs, keep_digest=False))
        counted = statistics.median(
            cli_stats_times(workload, runs, keep_digest=True, keep_figures=False)
        )
        kept = statistics.median(cli_stats_times(workload, runs, keep_digest=True))
        print(f"  no digest on disk (every run, before it was kept)  {without:7.3f} s")
        print(f"  digest kept, every card counted (after studying)   {counted:7.3f} s")
        verdict = "meets" if kept <= TARGET_CLI else "misses"
        print(
            f"  digest and figures kept (decks, states unchanged)  {kept:7.3f} s"
            f"   target {TARGET_CLI} s: {verdict}"
        )
        return 0 if same else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 cards, 50,000 reviews")
    parser.add_argument("--cards", type=int, default=0, help="cards (default 50,000)")
    parser.add_argument("--runs", type=int, default=0, help="runs per case (default 5)")
    return run(parser.parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
