"""Cold and warm load time of a generated 20,000-entry deck, beside plain PyYAML.

    python benchmarks/deck_load.py [--entries 20000] [--runs 5]

Cold: read, hardened YAML parse, strict validation (no cache). Warm: the same
file with the deck cache populated (what every start after the first pays).
Baseline: ``yaml.load(..., CSafeLoader)`` of the same file, which neither
hardens nor validates. Machines here are noisy: medians over several runs.
Prints figures; never fails on time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.loader import Limits, load_deck

KINDS = ("qa", "date", "figure", "quote")


def generate(n: int) -> str:
    entries = []
    for i in range(n):
        kind = KINDS[i % 4]
        entry: dict[str, object] = {
            "id": f"e{i:05d}",
            "kind": kind,
            "tags": ["generated", f"topic-{i % 10}"],
            "source": f"Sentence number {i} of the generated document, long enough to be real.",
        }
        if kind == "qa":
            entry |= {"prompt": f"What is item {i}?", "answer": f"Answer {i}"}
        elif kind == "date":
            entry |= {"event": f"Event {i} happens", "date": f"{1900 + i % 120}-{1 + i % 12:02d}"}
        elif kind == "figure":
            entry |= {"measure": f"Share choosing option {i}", "value": round(i * 0.37 % 100, 1)}
            entry["unit"] = "%"
        else:
            entry |= {"quote": f"Words number {i}", "speaker": f"Speaker {i % 50}"}
        entries.append(entry)
    deck = {"id": "generated", "title": "Generated deck", "entries": entries}
    return yaml.safe_dump(deck, sort_keys=False, allow_unicode=True)


def timed(fn: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.yaml"
        path.write_text(generate(args.entries), encoding="utf-8")
        size = path.stat().st_size
        limits = Limits(max_bytes=64 * 1024 * 1024, max_nodes=10_000_000)
        raw = path.read_text(encoding="utf-8")

        baseline = timed(lambda: yaml.load(raw, Loader=yaml.CSafeLoader), args.runs)
        cold = timed(lambda: load_deck(path, limits=limits), args.runs)
        cache = DeckCache(Path(tmp) / "cache")
        load_deck(path, limits=limits, cache=cache)  # populate
        warm = timed(lambda: load_deck(path, limits=limits, cache=cache), args.runs)

    print(f"deck: {args.entries:,} entries, {size / 1048576:.1f} MB; median of {args.runs} runs")
    rows = [
        ("PyYAML CSafeLoader (no checks)", baseline),
        ("studyapp cold (harden+validate)", cold),
        ("studyapp warm (deck cache)", warm),
    ]
    base = statistics.median(baseline)
    for name, times in rows:
        med = statistics.median(times)
        print(f"  {name:34s} median {med:7.3f} s   min {min(times):7.3f} s   x{med / base:5.2f}")
    warm_med = statistics.median(warm)
    verdict = "meets" if warm_med <= 0.3 else "misses"
    print(f"warm target <= 0.300 s: {verdict} ({warm_med:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
