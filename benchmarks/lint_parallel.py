"""Lint of a big deck in one process and with its leak check forked (issue 18), side by side.

    python benchmarks/lint_parallel.py [--entries 50000] [--runs 3]
                                       [--shape generated|article|vocabulary]

Builds the deck (``deck_tools.generate``, or ``leaks_scale``'s article-like or vocabulary
deck), then lints it the way ``studyapp lint`` does (``lint_file``, no report kept), each run
in a fresh process, once with ``parallel=False`` and once with ``parallel=True``, back to
back, so that both meet the same load. Prints the median wall time of each, their ratio, and
whether the findings are the same. Machines here are noisy (2 cores, shared): medians; never
fails on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

_CHILD = """
import hashlib, sys
from pathlib import Path
import msgspec
from studyapp.core.authoring.lint.runner import lint_file
report = lint_file(Path(sys.argv[1]), parallel=sys.argv[2] == "1")
print(len(report.findings), hashlib.sha256(msgspec.json.encode(report.findings)).hexdigest())
"""


def _deck(shape: str, entries: int) -> str:
    if shape == "generated":
        from deck_tools import generate

        return generate(entries)
    from leaks_scale import article_deck, vocabulary_deck

    return (article_deck if shape == "article" else vocabulary_deck)(entries)


def _lint(deck: Path, parallel: bool) -> tuple[float, str]:
    env = dict(os.environ, STUDYAPP_MAX_DECK_MB="1000")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(deck), "1" if parallel else "0"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return time.perf_counter() - start, done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--shape", choices=("generated", "article", "vocabulary"), default="generated"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        deck = Path(folder) / "big.yaml"
        deck.write_text(_deck(args.shape, args.entries), encoding="utf-8")
        size = deck.stat().st_size / 1048576
        print(
            f"lint of a {args.entries:,}-entry {args.shape} deck ({size:.1f} MB), {args.runs} runs"
        )
        times: dict[bool, list[float]] = {False: [], True: []}
        outputs: dict[bool, set[str]] = {False: set(), True: set()}
        for _ in range(args.runs):
            for parallel in (False, True):
                seconds, output = _lint(deck, parallel)
                times[parallel].append(seconds)
                outputs[parallel].add(output)
    one, two = statistics.median(times[False]), statistics.median(times[True])
    print(f"  one process      median {one:6.2f} s  runs {[round(t, 2) for t in times[False]]}")
    print(f"  leak check forked median {two:6.2f} s  runs {[round(t, 2) for t in times[True]]}")
    same = outputs[False] == outputs[True] and len(outputs[False]) == 1
    print(f"  ratio x{two / one:.2f}; findings {'identical' if same else 'DIFFER'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
