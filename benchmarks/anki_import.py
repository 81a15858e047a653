"""Importing a heavy Anki user's collection: ``studyapp import`` beside Anki's own import.

    python benchmarks/anki_import.py [--cards 50000] [--reviews 500000] [--runs 3] [--keep DIR]

The package: ``--cards`` cards (Basic notes, and cloze notes of two deletions, in ten
decks) made by the ``anki`` package, given review schedules, FSRS memory and
``--reviews`` review-log rows (ten a card over two years: a learning answer, then
reviews with lapses and relearning), exported by Anki's own exporter in its current
format (``collection.anki21b``). It is built once and kept (``--keep DIR``, by
default a folder under the system's temporary folder).

Then, round by round so the machine's noise falls on both alike, each in a fresh
process (peak memory is the process's own ``ru_maxrss``):

* ours: what ``studyapp import PACKAGE -o decks/NAME.yaml`` does (``run_import``, which
  the command and the app's dialog run): read the package, map its notes, stage the
  deck files, import the review history into a fresh progress folder (history lines,
  memory states rebuilt from the log, one snapshot), publish the deck files;
* Anki: ``Collection.import_anki_package`` with scheduling into a fresh collection.

Prints each run's wall time, CPU time (every thread's: the machine's other work moves
the first, less the second) and peak memory, then medians and their ratios; never
fails on time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DAY = 86_400


def build_package(cards: int, reviews: int, target: Path) -> None:
    """The collection, made by Anki, scheduled and reviewed with SQL, exported by Anki."""
    os.environ["ANKI_TEST_MODE"] = "1"
    from anki.collection import AddNoteRequest, Collection, ExportAnkiPackageOptions

    folder = Path(tempfile.mkdtemp(prefix="anki-bench-"))
    path = folder / "collection.anki2"
    col = Collection(str(path))
    basic, cloze = col.models.by_name("Basic"), col.models.by_name("Cloze")
    decks = [col.decks.id(f"Bench::Deck {n}") for n in range(10)]
    rng = random.Random(1)
    requests = []
    made = 0
    while made < cards:
        if made % 10 == 9 and made + 2 <= cards:
            note = col.new_note(cloze)
            note.fields[0] = f"The {{{{c1::river {made}}}}} flows into the {{{{c2::sea {made}}}}}."
            made += 2
        else:
            note = col.new_note(basic)
            note.fields[0] = f"<b>Question</b> {made}&nbsp;about <i>something</i>"
            note.fields[1] = f"Answer {made}<br>with a second line"
            made += 1
        note.tags = ["bench", f"topic{made % 50}"]
        requests.append(AddNoteRequest(note, decks[made % 10]))
        if len(requests) == 2000:
            col.add_notes(requests)
            requests = []
    if requests:
        col.add_notes(requests)
    crt = col.crt
    col.close()

    db = sqlite3.connect(path)
    now = int(time.time())
    today = (now - crt) // DAY
    ids = [row[0] for row in db.execute("SELECT id FROM cards ORDER BY id")]
    per_card = max(1, reviews // len(ids))
    revlog: list[tuple[int, ...]] = []
    schedules: list[tuple[object, ...]] = []
    used: set[int] = set()
    for cid in ids:
        at = now - rng.randint(400, 730) * DAY
        ivl, stability, lapses = 0, 2.0, 0
        for step in range(per_card):
            next_id = at * 1000 + rng.randint(0, 999)
            while next_id in used:
                next_id += 1
            used.add(next_id)
            ease = 3 if step == 0 else rng.choices((1, 2, 3, 4), (8, 10, 70, 12))[0]
            kind = 0 if step == 0 else (2 if ease == 1 else 1)
            last = ivl
            if ease == 1 and step:
                ivl, lapses, stability = 1, lapses + 1, max(1.0, stability * 0.3)
            else:
                stability *= 1.8 if ease >= 3 else 1.2
                ivl = max(1, round(stability))
            revlog.append((next_id, cid, -1, ease, ivl, last, 2500, rng.randint(2000, 20000), kind))
            room = (now - DAY - at) // max(per_card - step - 1, 1)
            at += max(3600, min(ivl * DAY + rng.randint(-3600, 3600), room))  # never ahead
        last_review = next_id // 1000
        due = today + rng.randint(-20, 60)
        data = json.dumps({"s": round(stability, 4), "d": 5.0, "dr": 0.9, "lrt": last_review})
        schedules.append((2, 2, due, ivl, per_card, lapses, data, cid))
    db.executemany(
        "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, reps = ?, lapses = ?, "
        "data = ? WHERE id = ?",
        schedules,
    )
    db.executemany("INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", revlog)
    db.commit()
    db.close()

    col = Collection(str(path))
    problems, _ = col.fix_integrity()  # what Anki asks for before exporting edited data
    if problems:
        print("  Anki's check:", problems.replace("\n", "; ")[:300], flush=True)
    col.export_anki_package(
        out_path=str(target),
        options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=False, legacy=False
        ),
        limit=None,
    )
    col.close()


class _Phases:
    """The time of each phase ``run_import`` names (its reporter)."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.current = "open the package"
        self.mark = time.perf_counter()

    def start(self, notes: int) -> None:
        pass

    def phase(self, text: str) -> None:
        now = time.perf_counter()
        self.times[self.current] = self.times.get(self.current, 0.0) + now - self.mark
        names = {"notes": "read and map notes", "reviews": "review log"}
        words = text.split()
        name = names.get(words[2] if len(words) > 2 else "", text)
        self.current, self.mark = name, now

    def step(self, what: str, done: int, total: int) -> None:
        pass

    def close(self) -> dict[str, float]:
        self.phase("")
        self.times.pop("", None)
        return self.times


def run_ours(package: Path, work: Path) -> dict[str, float]:
    """What ``studyapp import PACKAGE -o decks/bench.yaml`` does (``run_import``, as the
    command and the app's dialog run it), phase by phase."""
    from datetime import UTC, datetime

    from studyapp.core.authoring.anki.run import ImportOptions, run_import
    from studyapp.core.store.store import ProgressStore
    from studyapp.core.study.settings import StudySettings

    phases = _Phases()
    outcome = run_import(
        ImportOptions(package, work / "bench.yaml"),
        open_store=lambda: ProgressStore.open(work / "progress"),
        settings=StudySettings(),
        now=datetime.now(UTC),
        reporter=phases,
    )
    times = phases.close()
    assert outcome.report is not None
    times["answers"] = outcome.report.answers
    times["cards"] = outcome.report.cards
    return times


def run_anki(package: Path, work: Path) -> dict[str, float]:
    os.environ["ANKI_TEST_MODE"] = "1"
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = Collection(str(work / "collection.anki2"))
    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(package),
            options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True),
        )
    )
    cards = col.card_count()
    col.close()
    return {"cards": cards}


def _peak_mb() -> float:
    """This process's peak resident memory (``VmHWM``: ``ru_maxrss`` counts the parent's
    memory at fork, and the parent built the package with Anki loaded)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(which: str, package: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{which}-"))
    started, cpu = time.perf_counter(), time.process_time()
    phases = run_ours(package, work) if which == "ours" else run_anki(package, work)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu  # every thread's: Anki's backend may use several
    peak = _peak_mb()
    shutil.rmtree(work, ignore_errors=True)  # (a run leaves ~70 MB of decks and progress)
    print(json.dumps({"seconds": seconds, "cpu_s": cpu, "peak_mb": peak, "phases": phases}))


def measure(which: str, package: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, str(package)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--reviews", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "PACKAGE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    keep = args.keep or Path(tempfile.gettempdir()) / "studyapp-bench-anki"
    keep.mkdir(parents=True, exist_ok=True)
    package = keep / f"anki-{args.cards}-{args.reviews}.apkg"
    if not package.exists():
        print(f"building {package} ...", flush=True)
        started = time.perf_counter()
        build_package(args.cards, args.reviews, package)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    print(
        f"package: {package.stat().st_size / 1048576:.1f} MB ({args.cards:,} cards, "
        f"{args.reviews:,} reviews)"
    )
    times: dict[str, list[float]] = {"ours": [], "anki": []}
    cpus: dict[str, list[float]] = {"ours": [], "anki": []}
    peaks: dict[str, list[float]] = {"ours": [], "anki": []}
    last: dict[str, object] = {}
    for run in range(args.runs):
        for which in ("ours", "anki") if run % 2 == 0 else ("anki", "ours"):
            result = measure(which, package)
            times[which].append(float(str(result["seconds"])))
            peaks[which].append(float(str(result["peak_mb"])))
            cpus[which].append(float(str(result["cpu_s"])))
            if which == "ours":
                last = result
            print(
                f"  run {run + 1} {which:4s}: {times[which][-1]:6.2f} s "
                f"(CPU {cpus[which][-1]:6.2f} s), peak {peaks[which][-1]:6.1f} MB",
                flush=True,
            )
    ours, anki = statistics.median(times["ours"]), statistics.median(times["anki"])
    ours_cpu, anki_cpu = statistics.median(cpus["ours"]), statistics.median(cpus["anki"])
    print(
        f"median: studyapp import {ours:.2f} s, Anki's import {anki:.2f} s "
        f"(ratio {ours / anki:.2f}); CPU: studyapp {ours_cpu:.2f} s, Anki {anki_cpu:.2f} s "
        f"(ratio {ours_cpu / anki_cpu:.2f}); peak memory: studyapp "
        f"{statistics.median(peaks['ours']):.0f} MB, Anki {statistics.median(peaks['anki']):.0f} MB"
    )
    phases = last.get("phases", {})
    if isinstance(phases, dict):
        print(
            "studyapp, last run: "
            + ", ".join(
                f"{name} {value:.2f} s" if isinstance(value, float) else f"{name} {value:,}"
                for name, value in phases.items()
            )
        )


if __name__ == "__main__":
    main()
