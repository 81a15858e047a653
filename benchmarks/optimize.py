"""Fitted FSRS parameters: how well they predict, and what the fit costs.

    python benchmarks/optimize.py [--quick] [--sizes 10000,100000,500000] [--runs 3]

1. Prediction. The synthetic learner (``tests/core/tuning/synthetic.py``: a
   ground-truth FSRS-6 memory far from the defaults, seeded) answers for 120 days;
   parameters are fitted on the first 90 days and every answer of the next 30 is
   predicted by the defaults, the fitted set and the ground truth itself: log loss,
   RMSE(bins) and AUC of each (lower, lower, higher is better).
2. Cost. Histories of 10k, 100k and 500k answers are written to a progress folder;
   each is optimized in a fresh process as ``studyapp optimize --no-retention`` does
   it (read the history, build the training set, five evaluation folds, the final
   fit): the time of each part (median of ``--runs``), the longest single fit call
   into fsrs-rs (it cannot be interrupted: the longest a cancel waits), the longest a
   second thread polling every 5 ms had to wait meanwhile (what a UI thread feels:
   the binding lets other threads run), and the process's peak memory (VmHWM) above
   what it held before the optimization.
   The suggested retention (a year simulated many times) is timed apart, once, and
   found for the synthetic learner with the default, fitted and true parameters (why
   the defaults always gave 0.70). So is the Stats workload forecast.
3. The answer path. Per answer, ``FSRSScheduler.answer`` (py-fsrs plus Anki's interval
   rules, what a session calls) beside fsrs-rs's ``next_states`` (the memory model
   alone, without learning steps nor Anki's rules), and the import time of each
   package: why the per-answer path stays on py-fsrs.

Prints figures; never fails on time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.core.tuning.synthetic import (  # noqa: E402  (after the path set-up)
    START,
    TRUTH_PARAMETERS,
    SyntheticLearner,
    deck_yaml,
    write_history,
)


def prediction() -> None:
    from studyapp.core.tuning import evaluate, model
    from studyapp.core.tuning.items import build_training_set

    history = build_training_set(SyntheticLearner(seed=7).days(0, 120), anchor=_anchor())
    cut = (START + timedelta(days=90)).timestamp()
    started = time.perf_counter()
    fitted = model.fit(history.before(cut))
    took = time.perf_counter() - started
    later = history.after(cut)
    print(
        f"\n1. Prediction: synthetic learner, fitted on 90 days "
        f"({len(history.before(cut).targets):,} predicted answers, fit {took:.2f} s), "
        f"scored on the next 30 ({len(later.targets):,} answers)\n"
    )
    print(f"  {'parameters':<14}{'log loss':>10}{'RMSE(bins)':>12}{'AUC':>8}")
    for name, parameters in (
        ("defaults", model.DEFAULT_PARAMETERS),
        ("fitted", fitted),
        ("ground truth", TRUTH_PARAMETERS),
    ):
        predictions = model.predict(parameters, later, later.targets)
        m = evaluate.score_targets(later, later.targets, predictions)
        print(f"  {name:<14}{m.log_loss:>10.4f}{m.rmse_bins:>12.4f}{m.auc or 0:>8.4f}")


def _anchor() -> int:
    return int(START.timestamp())


def _learner_history(size: int) -> tuple[list[Any], int]:
    """About ``size`` answers: new cards a day scaled so a history spans months to a year."""
    new_per_day = max(10, size // 2500)
    learner = SyntheticLearner(seed=size, new_per_day=new_per_day)
    answers: list[Any] = []
    day = 0
    while len(answers) < size:
        answers += learner.days(day, day + 10)
        day += 10
    return answers[:size], learner.made


def _child(folder: str) -> None:
    """One optimization in this process: timings of each part, the longest fit call, the
    longest wait of a polling thread, peak memory."""
    import gc
    import threading

    from studyapp.core.base.clock import ManualClock
    from studyapp.core.study.settings import StudySettings
    from studyapp.core.tuning import evaluate, model
    from studyapp.core.tuning.items import build_training_set
    from studyapp.core.tuning.presets import Preset
    from studyapp.core.tuning.run import optimize
    from studyapp.core.tuning.source import stored_history
    from studyapp.core.workspace import load_decks

    root = Path(folder)
    _, cards = load_decks([root / "decks"], cache=None)
    from studyapp.core.store.store import ProgressStore

    longest = 0.0
    real_fit = model.fit_items

    def timed_fit(*args: Any, **kw: Any) -> Any:
        nonlocal longest
        started = time.perf_counter()
        out = real_fit(*args, **kw)
        longest = max(longest, time.perf_counter() - started)
        return out

    model.fit_items = timed_fit  # type: ignore[assignment]  (every fit: folds and final)
    now = ManualClock(START + timedelta(days=400))()
    parts: dict[str, float] = {}
    with ProgressStore.open(root / "progress", read_only=True) as store:
        gc.collect()
        before = _reset_peak()
        stop = threading.Event()
        waited = [0.0]

        def poll() -> None:  # a stand-in for the UI thread: how long is it kept waiting?
            last = time.perf_counter()
            while not stop.wait(0.005):
                now_ = time.perf_counter()
                waited[0] = max(waited[0], now_ - last - 0.005)
                last = now_

        poller = threading.Thread(target=poll)
        poller.start()
        started = time.perf_counter()
        history = stored_history(store)
        report = optimize(
            history.reviews,
            undone=history.undone(),
            cards=cards,
            study=StudySettings(),
            preset=Preset(),
            now=now,
            with_retention=False,
        )
        parts["optimize, all of it"] = time.perf_counter() - started
        stop.set()
        poller.join()
        peak = _rss("VmHWM") - before
        started = time.perf_counter()
        history = stored_history(store)
        reviews = list(history.reviews)
        parts["read history"] = time.perf_counter() - started
        started = time.perf_counter()
        training = build_training_set(reviews, anchor=_anchor(), undone=history.undone())
        parts["training set"] = time.perf_counter() - started
        started = time.perf_counter()
        evaluate.compare(training, {"default": model.DEFAULT_PARAMETERS})
        parts["5-fold evaluation"] = time.perf_counter() - started
        started = time.perf_counter()
        model.fit(training)
        parts["final fit"] = time.perf_counter() - started
    assert report.predicted, "no card of the history is in the deck: was the deck loaded?"
    print(
        json.dumps(
            {
                "parts": parts,
                "longest_call": longest,
                "ui_wait": waited[0],
                "peak_mb": peak / 1024,
                "predicted": report.predicted,
                "better": report.better,
            }
        )
    )


def _reset_peak() -> int:
    """Reset this process's peak memory to its current size (Linux); that size (kB)."""
    Path("/proc/self/clear_refs").write_text("5")
    return _rss("VmRSS")


def _rss(field: str) -> int:
    """This process's memory figure ``field`` from /proc (kB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def cost(sizes: list[int], runs: int) -> None:
    print(f"\n2. Cost of ``studyapp optimize --no-retention`` (median of {runs} runs)\n")
    header = [
        "answers", "predicted", "all", "read", "build", "5 folds", "final fit", "fit call",
        "UI wait", "MB",
    ]  # fmt: skip
    print("  " + "".join(f"{h:>11}" for h in header))
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            answers, cards = _learner_history(size)
            (Path(tmp) / "decks").mkdir()
            (Path(tmp) / "decks" / "synth.yaml").write_text(deck_yaml("synth", cards))
            write_history(Path(tmp) / "progress", answers)
            del answers
            results = []
            for _ in range(runs):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", tmp],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=os.environ | {"STUDYAPP_MAX_DECK_MB": "256"},  # a 100,000-card deck
                )
                results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        parts = {k: statistics.median(r["parts"][k] for r in results) for k in results[0]["parts"]}
        row = [
            f"{size:,}",
            f"{results[0]['predicted']:,}",
            *(f"{parts[k]:.2f} s" for k in parts),
            f"{statistics.median(r['longest_call'] for r in results):.2f} s",
            f"{statistics.median(r['ui_wait'] for r in results) * 1000:.0f} ms",
            f"{statistics.median(r['peak_mb'] for r in results):.0f}",
        ]
        print("  " + "".join(f"{c:>11}" for c in row))
    print(
        "  (all: one optimization as the command runs it; then its parts, timed apart. fit\n"
        "  call: the longest single call into fsrs-rs (not interruptible). UI wait: the\n"
        "  longest a thread polling every 5 ms waited beyond its 5 ms meanwhile. MB: the\n"
        "  optimization's peak memory above what the process held before it.)"
    )


def retention_cost() -> None:
    from studyapp.core.study.settings import StudySettings
    from studyapp.core.tuning import model
    from studyapp.core.tuning.items import build_training_set
    from studyapp.core.tuning.model import DEFAULT_PARAMETERS
    from studyapp.core.tuning.retention import AnswerStats, simulator_config, suggest_retention

    print("\n   Suggested retention (fsrs-rs optimal_retention: a year, simulated many times)")
    stats = AnswerStats()
    for _ in stats.watch(SyntheticLearner(seed=4).days(0, 60)):
        pass
    for deck_size in (500, 2000, 10000):
        config = simulator_config(
            stats, deck_size=deck_size, settings=StudySettings().for_deck("x")
        )
        started = time.perf_counter()
        advice = suggest_retention(DEFAULT_PARAMETERS, config, 0.9)
        took = time.perf_counter() - started
        print(
            f"   {deck_size:>6,} cards: {advice.optimal:.2f} in {took:.1f} s "
            f"({advice.at_optimal.minutes_per_day:.1f} min a day; "
            f"{advice.at_current.minutes_per_day:.1f} at 0.90)"
        )
    print(
        "\n   Why 0.70: the synthetic learner's 90 days (seed 7), its deck, the parameters\n"
        "   (w20: the forgetting curve's decay; FSRS-6's default 0.1542 is flat)"
    )
    learner = SyntheticLearner(seed=7)
    habits = AnswerStats()
    answers = list(habits.watch(learner.days(0, 90)))
    fitted = model.fit(build_training_set(answers, anchor=_anchor()))
    config = simulator_config(
        habits, deck_size=learner.made, settings=StudySettings().for_deck("x")
    )
    for name, parameters in (
        ("defaults", DEFAULT_PARAMETERS),
        ("fitted", fitted),
        ("ground truth", TRUTH_PARAMETERS),
    ):
        advice = suggest_retention(parameters, config, 0.9)
        best, now = advice.at_optimal, advice.at_current
        floor = " (the search's floor)" if advice.at_floor else ""
        print(
            f"   {name:<13} w20 {parameters[20]:.3f}: {advice.optimal:.3f}{floor}; "
            f"{best.minutes_per_day:.1f} min a day, {best.memorized:,.0f} remembered "
            f"(at 0.90: {now.minutes_per_day:.1f}, {now.memorized:,.0f})"
        )


def forecast_cost() -> None:
    """The Stats workload chart's forecast (90 days, two retentions), by collection size."""
    from studyapp.core.tuning.forecast import ForecastCard, NewCards, forecast_reviews
    from studyapp.core.tuning.model import DEFAULT_PARAMETERS

    print("\n   Stats workload forecast (90 days at two retentions, from studied cards)")
    for size in (1_000, 10_000, 50_000):
        cards = [
            ForecastCard(1.0 + (n * 7919) % 300, 5.0, -((n * 31) % 30), (n * 17) % 60 - 5)
            for n in range(size)
        ]
        started = time.perf_counter()
        series = forecast_reviews(
            DEFAULT_PARAMETERS,
            (0.9, 0.85),
            cards=cards,
            new=[NewCards(size // 10, 20)],
            review_limit=10_000,
            first_rating_prob=(0.24, 0.094, 0.495, 0.171),
            review_rating_prob=(0.224, 0.631, 0.145),
        )
        took = time.perf_counter() - started
        print(
            f"   {size:>6,} studied cards: {took:.2f} s "
            f"({sum(series[0.9]):,} answers at 0.90, {sum(series[0.85]):,} at 0.85)"
        )


def answer_path(runs: int) -> None:
    import subprocess as sp

    print("\n3. The answer path: per answer, and import time\n")
    code = """
import time, statistics
from datetime import UTC, datetime, timedelta
from studyapp.core.store.state import CardState, Rating
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.study.settings import SchedulerSettings
import fsrs_rs_python as fr
s = make_scheduler(SchedulerSettings(enable_fuzz=False))
now = datetime(2027, 1, 1, tzinfo=UTC)
state = s.answer(CardState("d/e/q"), Rating.GOOD, now)
state = s.answer(state, Rating.GOOD, state.due)
rs = fr.FSRS(list(fr.DEFAULT_PARAMETERS))
mem = fr.MemoryState(state.stability, state.difficulty)
def med(f, n=3000):
    out = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            f()
        out.append((time.perf_counter() - t) / n * 1e6)
    return statistics.median(out)
later = state.due + timedelta(days=3)
print(med(lambda: s.answer(state, Rating.GOOD, later)), med(lambda: s.outcomes(state, later)),
      med(lambda: rs.next_states(mem, 0.9, 5)))
"""
    out = sp.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    answer, outcomes, rust = (float(x) for x in out.stdout.split())
    print(f"   FSRSScheduler.answer (py-fsrs + Anki's rules): {answer:7.1f} µs")
    print(f"   FSRSScheduler.outcomes (all four grades):     {outcomes:7.1f} µs")
    print(f"   fsrs-rs FSRS.next_states (model only):        {rust:7.1f} µs")
    for module in ("fsrs", "fsrs_rs_python"):
        times = []
        for _ in range(runs):
            probe = f"import time; t=time.perf_counter(); import {module}; "
            probe += "print(time.perf_counter()-t)"
            result = sp.run([sys.executable, "-c", probe], capture_output=True, text=True)
            times.append(float(result.stdout))
        print(f"   import {module:<15} {statistics.median(times) * 1000:6.1f} ms")
    import fsrs_rs_python

    size = sum(f.stat().st_size for f in Path(fsrs_rs_python.__file__).parent.iterdir())
    print(f"   fsrs_rs_python installed: {size / 1e6:.1f} MB (one native module, no torch)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k and 100k answers, one run")
    parser.add_argument("--sizes", default="10000,100000,500000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = args.runs
    if args.quick:
        sizes, runs = [s for s in sizes if s <= 100_000], 1
    prediction()
    cost(sizes, runs)
    retention_cost()
    forecast_cost()
    answer_path(runs)


if __name__ == "__main__":
    main()
