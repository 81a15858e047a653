"""Streak, statistics and one card's history with a long review history: the full
pass over ``history.jsonl`` against the history digest, side by side in one run;
and ``studyapp stats`` from a cold CLI, with and without a digest (and the figures
counted from every card, ``stats.kept``) on disk.

    python benchmarks/history_stats.py [--quick | --cards N] [--runs 5]
    python benchmarks/history_stats.py --after-study [--cards N] [--runs 7]
                                       [--workload DIR] [--baseline SRC]

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
read-only store never kept one); with the digest kept but not ``stats.kept`` (every
card counted: a first run, or decks changed); and with both kept by the first runs.

``--after-study``: only ``studyapp stats`` from a cold CLI, as a learner meets it
after studying: with ``stats.kept`` valid; after 200 answers appended to the journal
(the app closed without a fold); after a fold (the snapshot rewritten, the journal
emptied, the fold noted as the store notes it: ``source.note_fold``); and without
``stats.kept`` (every card counted, the figures kept again). Each timed run
is a first run (``stats.kept`` and the digest put back as they were after studying).
``--baseline SRC`` runs another tree's ``src`` the same way, alternately (the before
of a before/after); ``--workload DIR`` generates the workload there once and reuses it
(``engine.reusable_workload``). Wall and CPU (the child's user + system) medians.
Prints figures; never fails on time.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import os
import resource
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
    reusable_workload,
    snapshot_copy,
)
from startup import studyapp_command

from studyapp.core.stats.report import compute_stats, store_stats, store_streak
from studyapp.core.store import history_summary
from studyapp.core.store.history_summary import DIGEST_LOCK
from studyapp.core.store.layout import DIGEST, KEPT_STATS, SNAPSHOT
from studyapp.core.store.source import RACY_SECONDS, file_stat, note_fold
from studyapp.core.store.state import Phase, Rating
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
        print(f"  digest kept, no stats.kept (every card counted)    {counted:7.3f} s")
        verdict = "meets" if kept <= TARGET_CLI else "misses"
        print(
            f"  digest and figures kept (decks, states unchanged)  {kept:7.3f} s"
            f"   target {TARGET_CLI} s: {verdict}"
        )
        return 0 if same else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


class _Variant:
    """One tree's ``studyapp stats`` on a copy of the progress folder of its own."""

    def __init__(self, workload: Workload, label: str, src: str | None) -> None:
        self.label = label
        self.folder = snapshot_copy(workload)
        self.home = workload.root / f"cli-home-{time.monotonic_ns()}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYAPP_")}
        if src is not None:
            env["PYTHONPATH"] = os.pathsep.join([src, *filter(None, [env.get("PYTHONPATH")])])
        self.env = (
            env
            | DECK_CAP_ENV
            | {
                "STUDYAPP_CONFIG": str(self.home / "config"),
                "STUDYAPP_CACHE": str(self.home / "cache"),
                "STUDYAPP_PROGRESS": str(self.folder),
            }
        )
        self.command = [*studyapp_command(), "stats", str(workload.decks)]
        self.saved: dict[str, bytes | None] = {}
        self.output = b""

    def run(self) -> tuple[float, float]:
        """Wall and CPU seconds of one run, a new process."""
        for name, raw in self.saved.items():  # as it was before the first run
            if raw is None:
                (self.folder / name).unlink(missing_ok=True)
            else:
                (self.folder / name).write_bytes(raw)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(self.command, env=self.env, capture_output=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"studyapp stats failed: {done.stderr.decode()[-2000:]}")
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        self.output = done.stdout
        return wall, cpu

    def prime(self) -> None:
        """Runs until ``stats.kept`` is there (the deck cache stamps a deck the second
        time it reads it; the snapshot must be a few seconds old)."""
        self.saved = {}
        (self.folder / KEPT_STATS).unlink(missing_ok=True)
        for _ in range(4):
            time.sleep(max(0.0, RACY_SECONDS + 0.5 - _age(self.folder / SNAPSHOT)))
            self.run()
            if (self.folder / KEPT_STATS).exists():
                return
        raise SystemExit(f"{self.label}: studyapp stats kept no stats.kept")

    def keep_as_is(self) -> None:
        """The next timed runs each start from the folder as it is now."""
        time.sleep(max(0.0, RACY_SECONDS + 0.5 - _age(self.folder / SNAPSHOT)))
        self.saved = {name: (self.folder / name).read_bytes() for name in (KEPT_STATS, DIGEST)}


def _comparable(output: bytes, folder: Path) -> bytes:
    """The output but the folder and true retention (its windows end at the run's
    instant: 2,000,000 reviews over 1,000 days move it between two runs)."""
    lines = output.replace(str(folder).encode(), b"").splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(b"True retention"))


def _study(folder: Path, now: Any, answers: int, *, fold: bool) -> None:
    """``answers`` answers, each moving its card on (a new due and interval); then
    closed without a fold, or folded as the app folds at close (noted)."""
    import msgspec

    store = ProgressStore.open(folder, fold_after=10**9)
    ids = list(store.states.keys())
    for i in range(answers):
        cid = ids[(i * 7919 + answers) % len(ids)]
        previous = store.get(cid)
        days = 3 + i % 40
        new = msgspec.structs.replace(
            previous,
            phase=Phase.REVIEW,
            due=now + timedelta(days=days),
            last_review=now,
            interval=days,
            reps=previous.reps + 1,
        )
        store.record_review(
            previous, new, Rating.GOOD, now + timedelta(seconds=i), timedelta(seconds=4)
        )
    if fold:
        before = file_stat(folder / SNAPSHOT)
        entries = list(store._pending)  # what the fold folds (the hook's argument)
        store.fold()
        note_fold(folder, before, entries, entries[-1].seq if entries else 0)
    store.close(fold=False)


def after_study(args: argparse.Namespace) -> int:
    runs = args.runs or 7
    n_cards = args.cards or 50_000
    per_deck, reviews = n_cards // 5, n_cards * 10
    root = Path(args.workload) if args.workload else Path(tempfile.mkdtemp(prefix="studyapp-"))
    workload, _age_h = reusable_workload(root, per_deck=per_deck, reviews=reviews)
    load_cards(workload)
    trees = {"before": args.baseline, "after": None} if args.baseline else {"now": None}
    variants = [_Variant(workload, label, src) for label, src in trees.items()]
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    same = True
    try:
        for v in variants:
            v.prime()
        cases: list[tuple[str, Callable[[_Variant], None]]] = [
            ("stats.kept valid", lambda v: None),
            ("no stats.kept (every card counted)", lambda v: None),
            (
                "after 200 answers (journal grew)",
                lambda v: _study(v.folder, workload.now, 200, fold=False),
            ),
            (
                "after a fold (new snapshot)",
                lambda v: _study(v.folder, workload.now, 200, fold=True),
            ),
        ]
        for case, prepare in cases:
            for v in variants:
                if case.startswith("after a fold"):
                    v.saved = {}
                    v.prime()  # kept valid again, then a session that ends with a fold
                prepare(v)
                v.keep_as_is()
                if case.startswith("no stats.kept"):
                    v.saved = {KEPT_STATS: None}
            for _ in range(runs):  # variants alternate run by run
                for v in variants:
                    times.setdefault((case, v.label), []).append(v.run())
            outputs = {_comparable(v.output, v.folder) for v in variants}
            if len(outputs) > 1:
                same = False
                first, second = (o.decode().splitlines() for o in outputs)
                print(f"{case}: the outputs differ:")
                print("\n".join(difflib.unified_diff(first, second, lineterm="", n=0)))
        print(f"studyapp stats, cold CLI, {n_cards:,} cards, medians of {runs} runs (wall / CPU)")
        for case, _ in cases:
            row = "   ".join(
                f"{v.label} {statistics.median(w for w, _ in times[case, v.label]) * 1000:5.0f}"
                f" / {statistics.median(c for _, c in times[case, v.label]) * 1000:4.0f} ms"
                for v in variants
            )
            print(f"  {case:34} {row}")
        if len(variants) > 1:
            print(f"same output from both trees in every case: {'yes' if same else 'NO'}")
        return 0 if same else 1
    finally:
        for v in variants:
            shutil.rmtree(v.folder, ignore_errors=True)
            shutil.rmtree(v.home, ignore_errors=True)
        if not args.workload:
            shutil.rmtree(root, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 cards, 50,000 reviews")
    parser.add_argument("--cards", type=int, default=0, help="cards (default 50,000)")
    parser.add_argument("--runs", type=int, default=0, help="runs per case (default 5)")
    parser.add_argument("--after-study", action="store_true", help="the CLI after studying")
    parser.add_argument("--workload", metavar="DIR", help="generate the workload there, reuse")
    parser.add_argument("--baseline", metavar="SRC", help="another tree's src, alternately")
    args = parser.parse_args()
    return after_study(args) if args.after_study else run(args)


if __name__ == "__main__":
    raise SystemExit(main())
