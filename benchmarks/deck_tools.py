"""Deck tools at scale: `validate`, `lint` and `export` of a big deck, and a size sweep.

    python benchmarks/deck_tools.py [--entries 50000] [--runs 3] [--no-sweep] [--keep DIR]
                                    [--baseline SRC]

What it builds (seeded, a few seconds): a deck as people write them, six kinds
mixed (qa 35%, date 15%, figure 10%, quote 15%, cloze 15%, choice 10%), made
of a 4,000-word made-up vocabulary, 400 speakers and 300 places; most entries
have a source sentence that holds their answer, a quarter an explanation; one
in 200 is a typo'd copy of another question (what lint's D002 is for) and one
in 1,000 an exact copy (D001).

What it prints:

(a) each tool on the big deck, run through the CLI in a fresh process
    (``python -m studyapp ...``, what a user types): median and min over
    ``--runs``; the target is <= 2 s each. ``STUDYAPP_MAX_DECK_MB`` is left as
    the user has it (``--cap-mb`` sets it), so a deck the default cap refuses
    shows as refused.
    With ``--baseline SRC`` (a copy of another tree's ``src``, e.g. the last commit's:
    ``git archive HEAD src | tar -x -C /tmp/base``) each run of each tool is made by
    SRC's code and then this tree's, back to back, and both are printed: before and
    after figures from one run, as the machine's load moves.
(a') validate and export again once the app has opened the deck (its cache entry
    written; the first open's time is printed): they read the deck cache, never
    write it, so (a) is a deck that changed and (a') one that did not. Lint keeps
    its reports (``STUDYAPP_CACHE``/lint): (a) removes them before each lint run,
    and (a') lints again with the report (a) kept (``lint-kept``).
(b) the sweep: lint in-process (no start-up cost) at 1k, 5k, 10k and the big
    size, and at 3,999 / 4,000 / 4,001 / 8,000 entries of one kind, printing
    the cost per entry: a flat column is linear; a column that grows with the
    size is a quadratic step.

Machines here are noisy (2 cores, shared): medians, side by side in one run.
Prints figures; never fails on time.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
KIND_MIX = (("qa", 35), ("date", 15), ("figure", 10), ("quote", 15), ("cloze", 15), ("choice", 10))
TOOLS = ("validate", "lint", "export-anki", "export-csv", "export-markdown")


class Words:
    """A made-up vocabulary: words, names and places, the same for the same seed."""

    def __init__(self, rng: random.Random) -> None:
        syllables = [
            "ka", "to", "ri", "mo", "sen", "dal", "ver", "un", "pi", "lo", "gar", "tes",
            "min", "or", "qua", "bel", "ni", "sho", "ra", "fen", "lu", "mar", "ost",
            "ben", "ik", "zo", "dru", "hal", "pen", "sai", "vo", "el", "tra", "gon",
            "fi",
        ]  # fmt: skip

        def make(count: int, parts: tuple[int, int]) -> list[str]:
            out: set[str] = set()
            while len(out) < count:
                out.add("".join(rng.choice(syllables) for _ in range(rng.randint(*parts))))
            return sorted(out)

        self.words = make(4000, (2, 3))
        given, family = make(300, (2, 2)), make(300, (2, 3))
        self.names = sorted(
            {f"{rng.choice(given).title()} {rng.choice(family).title()}" for _ in range(400)}
        )
        self.places = [p.title() for p in make(300, (2, 3))]
        self.tags = make(60, (2, 2))
        self.rng = rng

    def some(self, n: int) -> str:
        return " ".join(self.rng.choice(self.words) for _ in range(n))

    def name(self) -> str:
        return self.rng.choice(self.names)

    def place(self) -> str:
        return self.rng.choice(self.places)


_PLAIN = re.compile(r"[A-Za-z][\w ,.?'’%-]*")


def _scalar(text: str, *, flow: bool = False) -> str:
    """Text as people write it: plain where YAML allows, else double-quoted."""
    plain = _PLAIN.fullmatch(text) and not (flow and "," in text)
    if plain and text.lower() not in ("yes", "no", "true", "false", "null"):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(rng: random.Random) -> tuple[str, str]:
    """(the deck's date value, how a source sentence writes it)."""
    year, month, day = rng.randint(1850, 2024), rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.6:
        return f"{year}-{month:02d}-{day:02d}", f"{MONTHS[month - 1]} {day}, {year}"
    if roll < 0.85:
        return f"{year}-{month:02d}", f"{MONTHS[month - 1]} {year}"
    return str(year), str(year)


def _entry(kind: str, n: int, w: Words) -> dict[str, object]:
    rng = w.rng
    entry: dict[str, object] = {"id": f"{kind}-{n:06d}", "kind": kind}
    entry["tags"] = sorted({rng.choice(w.tags) for _ in range(rng.randint(1, 3))})
    if kind == "qa":
        answer = w.name() if rng.random() < 0.4 else w.some(rng.randint(1, 2))
        entry["prompt"] = rng.choice(
            (
                f"What is the {w.some(2)} of {w.place()}?",
                f"Who led the {w.some(3)} in {rng.randint(1900, 2024)}?",
                f"Which {w.some(1)} did {w.name()} {w.some(1)} to {w.place()}?",
                f"What do you call a {w.some(1)} that {w.some(2)}?",
            )
        )
        entry["answer"] = answer
        if rng.random() < 0.2:
            entry["accept"] = [answer.split()[-1] + "s"]
        entry["source"] = f"In {w.place()}, {w.some(4)} {answer} {w.some(5)}."
    elif kind == "date":
        value, written = _date(rng)
        event = f"{w.name()} {w.some(1)}s the {w.some(2)} in {w.place()}"
        entry["event"] = event
        entry["date"] = value
        if rng.random() < 0.3:
            entry["prompt"] = f"When did {w.name()} {w.some(3)}?"
        entry["source"] = f"On {written}, {event.lower()}, {w.some(6)}."
    elif kind == "figure":
        value = round(rng.uniform(1, 99), 1)
        entry["measure"] = f"Share of {w.some(1)}s in {w.place()} that {w.some(2)}"
        entry["value"] = value
        entry["unit"] = "%"
        entry["source"] = f"A {w.some(2)} survey found that {value}% of {w.some(5)}."
    elif kind == "quote":
        quote = w.some(rng.randint(6, 12)).capitalize()
        speaker = w.name()
        entry["quote"] = quote
        entry["speaker"] = speaker
        if rng.random() < 0.4:
            entry["context"] = f"on the {w.some(2)} of {w.place()}"
        entry["source"] = f"{speaker} said: “{quote}.” {w.some(6).capitalize()}."
    elif kind == "cloze":
        blanks = [w.some(rng.randint(1, 2)) for _ in range(rng.randint(1, 2))]
        text = (
            f"The {w.some(2)} of {w.place()} is {{{{{blanks[0]}}}}} since {rng.randint(1800, 2024)}"
        )
        if len(blanks) > 1:
            text += f", and its {w.some(1)} is {{{{{blanks[1]}}}}}"
        entry["text"] = text + "."
        if rng.random() < 0.5:
            entry["source"] = text.replace("{{", "").replace("}}", "") + "."
    else:  # choice
        options = rng.sample(w.words, 4)
        entry["prompt"] = f"Which {w.some(1)} is the {w.some(2)} of {w.place()}?"
        entry["answer"] = options[0]
        entry["distractors"] = options[1:]
        entry["source"] = f"The {w.some(2)} of {w.place()} is {options[0]}, {w.some(4)}."
    if rng.random() < 0.25:
        entry["explanation"] = f"{w.some(8).capitalize()}, as {w.name()} {w.some(3)}."
    return entry


_QUESTION = {"qa": "prompt", "choice": "prompt", "cloze": "text", "quote": "quote"}


def _typo(text: str, rng: random.Random) -> str:
    """One letter of one long word swapped with the next: a near duplicate."""
    words = text.split(" ")
    long_ones = [i for i, word in enumerate(words) if len(word) >= 6 and word.isalpha()]
    if not long_ones:
        return text + " again"
    i = rng.choice(long_ones)
    word = words[i]
    k = rng.randint(1, len(word) - 3)
    words[i] = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    return " ".join(words)


def generate(n: int, *, seed: int = 18, kinds: tuple[tuple[str, int], ...] = KIND_MIX) -> str:
    """The YAML text of an ``n``-entry deck, block style, as people write decks."""
    rng = random.Random(seed)
    w = Words(rng)
    pool = [kind for kind, weight in kinds for _ in range(weight)]
    entries: list[dict[str, object]] = []
    for number in range(n):
        kind = rng.choice(pool)
        entry = _entry(kind, number, w)
        field = _QUESTION.get(kind)
        if field and entries and rng.random() < 0.006:
            same = [e for e in entries[-200:] if e["kind"] == kind]
            if same:
                twin = str(rng.choice(same)[field])
                entry[field] = twin if rng.random() < 0.17 else _typo(twin, rng)
                if kind == "cloze" and "{{" not in str(entry[field]):
                    entry[field] = twin
        entries.append(entry)
    lines = [
        "# yaml-language-server: $schema=../schema/deck.schema.json",
        f"id: generated-{n}",
        f"title: Generated deck ({n:,} entries)",
        "document:",
        "  title: A generated source document",
        "entries:",
    ]
    for entry in entries:
        first = True
        for key, value in entry.items():
            lead = "  - " if first else "    "
            first = False
            if isinstance(value, list):
                lines.append(
                    f"{lead}{key}: [{', '.join(_scalar(str(v), flow=True) for v in value)}]"
                )
            elif isinstance(value, float) or key == "date":
                lines.append(f"{lead}{key}: {value}")
            elif key in ("source", "explanation"):
                lines.append(f"{lead}{key}: >-")
                lines.append(f"      {value}")
            else:
                lines.append(f"{lead}{key}: {_scalar(str(value))}")
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- measuring


def _command(tool: str, deck: Path, out_dir: Path) -> list[str]:
    base = [sys.executable, "-m", "studyapp"]
    if tool == "validate":
        return [*base, "validate", str(deck)]
    if tool in ("lint", "lint-kept"):
        return [*base, "lint", str(deck), "--format", "json"]
    fmt = tool.removeprefix("export-")
    suffix = {"anki": "apkg", "csv": "csv", "markdown": "md"}[fmt]
    return [*base, "export", str(deck), "--to", fmt, "-o", str(out_dir / f"out.{suffix}")]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(
    tool: str, deck: Path, out_dir: Path, env: dict[str, str]
) -> tuple[float, float, int, str]:
    """(seconds, CPU seconds, exit code, the last line of output) of one fresh process.

    CPU time is printed beside wall time: on a shared machine it is the steadier of the two.
    """
    if tool == "lint":  # a deck that changed: no report kept (lint-kept: the one kept)
        shutil.rmtree(Path(env["STUDYAPP_CACHE"]) / "lint", ignore_errors=True)
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(
        _command(tool, deck, out_dir), env=env, capture_output=True, text=True, check=False
    )
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    output = (done.stdout.strip() or done.stderr.strip()).splitlines()
    last = output[-1] if output else ""
    return seconds, cpu, done.returncode, last[-110:]


def time_tools(
    deck: Path,
    out_dir: Path,
    env: dict[str, str],
    runs: int,
    tools: tuple[str, ...] = TOOLS,
    *,
    header: bool = True,
) -> None:
    size = deck.stat().st_size
    if header:
        print(f"(a) CLI, fresh process each, {runs} runs; deck {size / 1048576:.1f} MB")
    for tool in tools:
        times, cpus, code, last = [], [], 0, ""
        for _ in range(runs):
            seconds, cpu, code, last = run_cli(tool, deck, out_dir, env)
            times.append(seconds)
            cpus.append(cpu)
        med = statistics.median(times)
        verdict = "meets" if med <= 2.0 else "misses"
        print(
            f"  {tool:16s} median {med:6.2f} s  min {min(times):6.2f} s  "
            f"CPU {statistics.median(cpus):6.2f} s  exit {code}  <= 2 s: {verdict}",
            flush=True,
        )
        print(f"  {'':16s} {last}")


def time_against(
    deck: Path,
    out_dir: Path,
    env: dict[str, str],
    runs: int,
    tools: tuple[str, ...],
    baseline: Path,
) -> None:
    """Each tool by ``baseline``'s code (PYTHONPATH) and this tree's, interleaved run by run."""
    size = deck.stat().st_size
    print(
        f"(a) CLI, fresh process each, {runs} runs, {baseline} and this tree alternating; "
        f"deck {size / 1048576:.1f} MB"
    )
    before_env = dict(env, PYTHONPATH=str(baseline))
    for tool in tools:
        got: dict[str, tuple[list[float], list[float]]] = {
            "before": ([], []),
            "after": ([], []),
        }
        codes: list[int] = []
        for _ in range(runs):
            for label, where in (("before", before_env), ("after", env)):
                seconds, cpu, code, _last = run_cli(tool, deck, out_dir, where)
                got[label][0].append(seconds)
                got[label][1].append(cpu)
                codes.append(code)
        line = f"  {tool:16s}"
        for label, (times, cpus) in got.items():
            line += (
                f"  {label} {statistics.median(times):5.2f} s wall"
                f" / {statistics.median(cpus):5.2f} s CPU"
            )
        print(line + f"  (exit codes {sorted(set(codes))})", flush=True)


CACHED = ("validate", "export-anki", "export-csv", "export-markdown")
"""The tools that read a deck through the deck cache (and never write it); and lint, whose
report of an unchanged deck is kept (``lint-kept``)."""

_OPEN = (
    "import sys; from studyapp.core.decks.cache import DeckCache; "
    "from studyapp.core.decks.discovery import discover; "
    "found = discover([sys.argv[1]], cache=DeckCache.default()); assert found.ok"
)


def warm_cache(deck: Path, env: dict[str, str]) -> float:
    """Open the deck as the app does (its cache entry written): wall seconds it took."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _OPEN, str(deck)], env=env, check=True)
    return time.perf_counter() - start


def time_cached_tools(
    deck: Path, out_dir: Path, env: dict[str, str], runs: int, tools: tuple[str, ...]
) -> None:
    """The tools again on a deck the app has opened before (its bytes unchanged since)."""
    cached = tuple(tool for tool in tools if tool in CACHED)
    if "lint" in tools:  # its report kept by the runs of (a)
        cached += ("lint-kept",)
    if not cached:
        return
    seconds = warm_cache(deck, env)
    print(f"(a') the same deck once the app has opened it (that first open: {seconds:.1f} s)")
    time_tools(deck, out_dir, env, runs, cached, header=False)


def _lint_seconds(text: str, runs: int) -> tuple[float, int]:
    from studyapp.core.authoring.lint.runner import lint_text

    times, findings = [], 0
    for _ in range(runs):
        start = time.process_time()  # CPU: steadier than wall time on a shared machine
        report = lint_text(text, "sweep.yaml")
        times.append(time.process_time() - start)
        findings = len(report.findings)
    return statistics.median(times), findings


def sweep(big: int, runs: int) -> None:
    print("(b) lint in-process, CPU s, median of runs; cost per entry flat = linear")
    rows: list[tuple[str, int, tuple[tuple[str, int], ...]]] = [
        ("mixed", n, KIND_MIX) for n in sorted({1_000, 5_000, 10_000, big})
    ]
    rows += [("qa only", n, (("qa", 1),)) for n in (3_999, 4_000, 4_001, 8_000)]
    for label, n, kinds in rows:
        text = generate(n, kinds=kinds)
        seconds, findings = _lint_seconds(text, runs if n <= 10_000 else 1)
        print(
            f"  {label:8s} {n:7,d} entries  {seconds:7.3f} s  {seconds / n * 1e6:7.1f} us/entry"
            f"  ({findings:,} findings)",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cap-mb", type=float, default=None, help="set STUDYAPP_MAX_DECK_MB")
    parser.add_argument("--no-sweep", action="store_true")
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument(
        "--no-warm", action="store_true", help="skip (a'): the tools on a deck the app opened"
    )
    parser.add_argument("--keep", type=Path, default=None, help="write the deck here and keep it")
    parser.add_argument("--tools", default=",".join(TOOLS), help="which of: " + ", ".join(TOOLS))
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="a src folder to run interleaved with this tree (before/after in one run)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        deck = folder / f"generated-{args.entries}.yaml"
        deck.write_text(generate(args.entries), encoding="utf-8")
        env = dict(os.environ, STUDYAPP_CACHE=str(Path(tmp) / "cache"))
        if args.cap_mb is not None:
            env["STUDYAPP_MAX_DECK_MB"] = str(args.cap_mb)
        print(f"deck: {args.entries:,} entries, {deck.stat().st_size / 1048576:.1f} MB")
        if not args.no_cli:
            tools = tuple(args.tools.split(","))
            if args.baseline is not None:
                time_against(deck, Path(tmp), env, args.runs, tools, args.baseline.resolve())
            else:
                time_tools(deck, Path(tmp), env, args.runs, tools)
            if not args.no_warm:
                time_cached_tools(deck, Path(tmp), env, args.runs, tools)
        if not args.no_sweep:
            if args.cap_mb is not None:
                os.environ["STUDYAPP_MAX_DECK_MB"] = str(args.cap_mb)
            sweep(args.entries, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
