"""The study engine at scale: 50,000 cards, 500,000 past reviews, beside Anki in one run.

    python benchmarks/engine.py [--quick | --cards N [--reviews M]] [--runs 7]
                                [--answers 500] [--keep DIR]

``--cards 200000`` runs at 200,000 cards (and ten past reviews a card, unless
``--reviews`` says otherwise); ``--quick`` is ``--cards 5000`` with fewer runs.
``--keep DIR`` generates into DIR and keeps it; run again with the same DIR and
sizes, it reuses what it generated (the decks, the progress folder and the Anki
collection: minutes at 200,000 cards), and says how old it is.

Before/after comparisons: run it with ``PYTHONPATH`` pointing at another
checkout's ``src`` (an older studyapp is handled: see ``app_gc_policy``).

What it builds (in a temporary folder, in a few seconds, by writing the files
directly in the progress store's own format: see ``studyapp.core.store.snapshot``):

* 5 decks of 10,000 ``qa`` entries (50,000 cards), YAML as people write it;
* a progress folder: ``progress.json`` (in the snapshot format of the studyapp
  under test: see ``snapshot_cards``) with 35,000 seen cards (70 %: 34,950 in
  review, due from 4 days ago to 150 days ahead, 50 in (re)learning, overdue
  since last night) and 15,000 never seen; ``history.jsonl`` with 500,000 past
  reviews over 1,000 days; a journal of 200 answers not folded yet (as after
  a crash); no review yet today (the morning's first session);
* an Anki collection (``anki`` package, 26.9) with the same 50,000 cards in the
  same states (FSRS on, memory states set, due days alike) and the same
  500,000 reviews in its revlog.

What it prints:

(a) open + first queue: ``ProgressStore.open`` + ``Session(...)`` +
    ``current()``, median over ``--runs`` in-process runs (decks already
    loaded; their load from the deck cache, the home screen's overview and
    the store's parts are printed beside it, for the start-up budget).
(b) the answer path: ``session.answer`` (schedule, journal append: written
    before it returns, fsynced by the store's journal thread moments later) +
    ``session.current()`` (the next card), against Anki's
    ``col.sched.answer_card`` (+ ``get_queued_cards`` for its next card), on
    the same ratings, in interleaved blocks of 50 so that the noise of this
    machine falls on both alike. Median, p99, and the ratio. The fold (the
    journal folded into the snapshot, every 1,000 answers) is timed apart.
(c) fresh processes (``--runs`` of them), each doing what the app does: load
    the decks (deck cache warm) and open the store the way ``open_workspace``
    does, build the queue, answer 500 cards, close (which folds). Printed: the
    peak resident memory (``VmHWM``) after each phase, and open + first queue
    timed where a learner's start pays it, in a new process (the in-process
    runs of (a) reuse memory that earlier runs already grew).

Machines here are noisy (2 cores, shared disk): medians, several runs, and
both sides in the same run. Prints figures; never fails on time.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import inspect
import json
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from studyapp.core.base.clock import system_clock
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.cards import Card
from studyapp.core.stats.overview import deck_overviews
from studyapp.core.store.journal import encode_line
from studyapp.core.store.snapshot import FORMAT, VERSION
from studyapp.core.store.state import Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.queue import day_start, study_day
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings

FREEZE: bool  # whether the studyapp under test freezes a big workspace (it does now)
try:
    from studyapp.core.workspace import load_decks

    FREEZE = True
except ImportError:  # an older studyapp (for before/after runs): its steps, as they were
    from studyapp.core.decks.discovery import DeckSet, discover
    from studyapp.core.workspace import all_cards

    FREEZE = False

    def load_decks(
        deck_paths: Sequence[str | os.PathLike[str]] | None, *, cache: DeckCache | None
    ) -> tuple[DeckSet, list[Card]]:
        decks = discover(deck_paths, cache=cache)
        return decks, all_cards([d.deck for d in decks.decks])


@contextlib.contextmanager
def app_gc_policy() -> Iterator[None]:
    """What ``open_workspace`` does around loading, for the studyapp under test.

    Now: the cyclic GC paused while decks and states load, then the big workspace
    frozen out of its scans. An older studyapp (before/after runs) did neither.
    """
    if not FREEZE:
        yield
        return
    with paused_gc():
        yield
    gc.freeze()


# Five decks whatever the size: at 200,000 cards each is ~4.4 MB, over the default cap
# on a deck file's size; these are our own files (trusted), as in startup.py.
DECK_CAP_ENV = {"STUDYAPP_MAX_DECK_MB": "64"}
os.environ.update(DECK_CAP_ENV)

TARGET_OPEN_S = 0.3
TARGET_RATIO = 0.5
TARGET_MEMORY_MB = 150.0
RATING_WEIGHTS = ((Rating.AGAIN, 10), (Rating.HARD, 5), (Rating.GOOD, 75), (Rating.EASY, 10))
BLOCK = 50


# ------------------------------------------------------------------ workload


@dataclass(frozen=True)
class Workload:
    """Where a generated workload lives, and the states it was given."""

    root: Path
    decks: Path
    progress: Path
    cache: Path
    card_ids: list[str]
    states: dict[str, dict[str, Any]]
    """Card id -> the state written to the snapshot (or the journal, if later)."""
    now: datetime
    reviews: int


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def _write_decks(folder: Path, n_decks: int, per_deck: int) -> list[str]:
    """Deck YAML written as text (fast); the app's hardened loader reads it like any deck."""
    folder.mkdir(parents=True, exist_ok=True)
    ids: list[str] = []
    for d in range(n_decks):
        deck_id = f"bench-{d}"
        lines = [
            f"id: {deck_id}",
            f"title: Benchmark deck {d}",
            "entries:",
        ]
        for i in range(per_deck):
            entry = f"e{i:06d}"
            lines += [
                f"  - id: {entry}",
                "    kind: qa",
                f"    prompt: What is item {i} of deck {d}?",
                f"    answer: Answer {i}",
                f"    tags: [topic-{i % 10}]",
            ]
            ids.append(f"{deck_id}/{entry}/answer")
        (folder / f"{deck_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def _states(
    card_ids: Sequence[str], rng: random.Random, now: datetime, evening: datetime
) -> dict[str, dict[str, Any]]:
    """Realistic states: 30 % never seen, a few (re)learning, the rest in review."""
    states: dict[str, dict[str, Any]] = {}
    seen = card_ids[: int(len(card_ids) * 0.7)]
    for index, cid in enumerate(seen):
        if index % 700 == 0:  # 50 of 35,000: left in (re)learning last night
            last = evening - timedelta(minutes=rng.uniform(5, 120))
            relearn = index % 1400 == 0
            states[cid] = {
                "phase": "relearning" if relearn else "learning",
                "due": _iso(last + timedelta(minutes=10)),
                "last_review": _iso(last),
                "step": 0,
                "stability": round(rng.uniform(0.5, 5.0), 4),
                "difficulty": round(rng.uniform(1.0, 10.0), 3),
                "interval": rng.randint(1, 30) if relearn else 0,
                "reps": rng.randint(1, 20),
                "lapses": 1 if relearn else 0,
            }
            continue
        due_days = rng.randint(-4, 150)
        interval = rng.randint(max(1, due_days + 1), max(1, due_days + 1) + 200)
        due = now + timedelta(days=due_days, seconds=rng.uniform(-40000, 40000))
        last = due - timedelta(days=interval)
        state: dict[str, Any] = {
            "phase": "review",
            "due": _iso(due),
            "last_review": _iso(last),
            "stability": round(interval * rng.uniform(0.8, 1.3), 4),
            "difficulty": round(rng.uniform(1.0, 10.0), 3),
            "interval": interval,
            "reps": rng.randint(2, 30),
        }
        lapses = rng.choice((0, 0, 0, 0, 1, 2))
        if lapses:
            state["lapses"] = lapses
        states[cid] = state
    return states


_PHASE_OF_RATING = ("review", "review", "review", "learning", "new")


def _history_lines(
    card_ids: Sequence[str], count: int, start: datetime, end: datetime, rng: random.Random
) -> tuple[bytes, list[dict[str, Any]]]:
    """``count`` review lines, byte for byte what ``encode_line`` writes, oldest first.

    Returns the bytes and the records of the last 3 days (the snapshot's "recent").
    """
    span = (end - start).total_seconds()
    step = span / count
    base = start.timestamp()
    ratings = [1] * 10 + [2] * 5 + [3] * 75 + [4] * 10
    parts: list[bytes] = []
    recent: list[dict[str, Any]] = []
    recent_from = (end - timedelta(days=3)).timestamp()
    template = '{"seq":%d,"type":"review","card":"%s","at":"%s","rating":%d,"phase":"%s","ms":%d'
    choice, randint = rng.choice, rng.randint
    for seq in range(1, count + 1):
        stamp = base + seq * step
        at = datetime.fromtimestamp(stamp, UTC).isoformat()
        card = choice(card_ids)
        rating = choice(ratings)
        phase = choice(_PHASE_OF_RATING)
        ms = randint(1500, 20000)
        body = template % (seq, card, at, rating, phase, ms)
        ivl = None
        if rating > 1:
            ivl = randint(1, 200)
            body += ',"ivl":' + str(ivl) + "}"
        else:
            body += "}"
        raw = body.encode()
        parts.append(raw[:-1] + b',"crc":"%08x"}\n' % zlib.crc32(raw))
        if stamp >= recent_from:
            record: dict[str, Any] = {
                "seq": seq,
                "type": "review",
                "card": card,
                "at": at,
                "rating": rating,
                "phase": phase,
                "ms": ms,
            }
            if ivl is not None:
                record["ivl"] = ivl
            recent.append(record)
    return b"".join(parts), recent


_PHASE_CODES = {"new": 0, "learning": 1, "review": 2, "relearning": 3}
_COLUMN_DEFAULTS: tuple[tuple[str, Any], ...] = (
    ("due", None),
    ("last_review", None),
    ("step", None),
    ("stability", None),
    ("difficulty", None),
    ("ease", None),
    ("interval", 0),
    ("reps", 0),
    ("lapses", 0),
)


def snapshot_cards(states: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The snapshot's ``"cards"``, from ``CardState.to_dict()``-style dicts.

    Version 3 (now) keeps a column per field, one value per card (``id``, ``phase``
    as a code, then the others, left out where all are the default; no card here is
    suspended, buried or a leech, so ``flags`` and ``buried_until`` are left out).
    Version 2 (an older studyapp, for before/after runs) kept the dicts themselves.
    """
    if VERSION < 3:
        return dict(states)
    values = list(states.values())
    columns: dict[str, Any] = {
        "id": list(states),
        "phase": [_PHASE_CODES[value["phase"]] for value in values],
    }
    for name, default in _COLUMN_DEFAULTS:
        column = [value.get(name, default) for value in values]
        if any(item != default for item in column):
            columns[name] = column
    return columns


def make_workload(
    root: Path,
    *,
    n_decks: int = 5,
    per_deck: int = 10_000,
    reviews: int = 500_000,
    pending: int = 200,
    seed: int = 1,
) -> Workload:
    """Generate decks and a progress folder under ``root`` (see the module docstring)."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    today = study_day(now)
    # The learner stopped last night and has not studied yet today.
    evening = day_start(today) - timedelta(hours=3)
    deck_dir, progress = root / "decks", root / "progress"
    card_ids = _write_decks(deck_dir, n_decks, per_deck)
    states = _states(card_ids, rng, now, evening)
    seen = list(states)

    folded = reviews - pending
    history, recent = _history_lines(seen, folded, evening - timedelta(days=1000), evening, rng)
    progress.mkdir(parents=True, exist_ok=True)
    (progress / "history.jsonl").write_bytes(history)

    # The journal: ``pending`` answers made after the last fold (last night).
    journal: list[bytes] = []
    for k in range(pending):
        seq = folded + 1 + k
        cid = seen[(k * 97) % len(seen)]
        before = states[cid]
        at = evening + timedelta(seconds=k)
        interval = rng.randint(2, 90)
        state = dict(before)
        state.update(
            phase="review",
            due=_iso(at + timedelta(days=interval)),
            last_review=_iso(at),
            interval=interval,
            reps=int(before.get("reps", 0)) + 1,
        )
        state.pop("step", None)
        states[cid] = state
        record = {
            "seq": seq,
            "type": "review",
            "card": cid,
            "at": _iso(at),
            "rating": 3,
            "phase": before["phase"],
            "state": state,
            "ms": 4000,
            "ivl": interval,
        }
        journal.append(encode_line(record))
    snapshot = {
        "format": FORMAT,
        "version": VERSION,
        "saved_at": _iso(evening),
        "journal_seq": folded,
        "settings": {},
        "recent": recent,
        "cards": snapshot_cards(states),
    }
    data = json.dumps(snapshot, separators=(",", ":"), ensure_ascii=False).encode()
    (progress / "progress.json").write_bytes(data + b"\n")
    (progress / "reviews.jsonl").write_bytes(b"".join(journal))
    return Workload(root, deck_dir, progress, root / "cache", card_ids, states, now, reviews)


MANIFEST = "workload.json"


def reusable_workload(
    root: Path, *, per_deck: int = 10_000, reviews: int = 500_000
) -> tuple[Workload, float | None]:
    """:func:`make_workload` under ``root``, or the one an earlier run generated there with
    the same sizes (``--keep DIR``): (workload, its age in hours, None if just made)."""
    manifest = root / MANIFEST
    key = {"per_deck": per_deck, "reviews": reviews, "snapshot_version": VERSION}
    with contextlib.suppress(OSError, ValueError, KeyError):
        data = json.loads(manifest.read_bytes())
        if data["key"] == key:
            now = datetime.fromisoformat(data["now"])
            workload = Workload(
                root,
                root / "decks",
                root / "progress",
                root / "cache",
                data["card_ids"],
                data["states"],
                now,
                reviews,
            )
            return workload, (datetime.now(UTC) - now).total_seconds() / 3600
    manifest.unlink(missing_ok=True)
    for name in ("decks", "progress", "cache", "anki-pristine"):
        shutil.rmtree(root / name, ignore_errors=True)
    workload = make_workload(root, per_deck=per_deck, reviews=reviews)
    record = {
        "key": key,
        "now": workload.now.isoformat(),
        "card_ids": workload.card_ids,
        "states": workload.states,
    }
    manifest.with_suffix(".tmp").write_bytes(json.dumps(record).encode())
    manifest.with_suffix(".tmp").replace(manifest)
    return workload, None


def load_cards(workload: Workload) -> list[Card]:
    """The workload's cards, through discovery and the deck cache (as the app loads them)."""
    decks, cards = load_decks([workload.decks], cache=DeckCache(workload.cache))
    if decks.failures:
        raise SystemExit(f"generated decks failed to load: {decks.failures[0].problems[:3]}")
    return cards


def snapshot_copy(workload: Workload) -> Path:
    """A copy of the progress folder, so a run that writes leaves the original as generated."""
    target = workload.root / f"progress-{time.monotonic_ns()}"
    shutil.copytree(workload.progress, target)
    return target


# ---------------------------------------------------------------- statistics


def pct(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.3f} ms"


def verdict(ok: bool) -> str:
    return "meets" if ok else "misses"


# ----------------------------------------------------------- (a) open + queue


def bench_open(workload: Workload, cards: list[Card], runs: int) -> dict[str, list[float]]:
    settings = StudySettings()
    out: dict[str, list[float]] = {"open+queue": [], "store": [], "queue": [], "overview": []}
    for run in range(runs):
        gc.collect()
        start = time.perf_counter()
        store = ProgressStore.open(workload.progress)
        opened = time.perf_counter()
        session = Session(store, cards, settings, clock=system_clock, rng=random.Random(run))
        card = session.current()
        done = time.perf_counter()
        assert card is not None
        deck_overviews(cards, store.states, store.recent_reviews(), settings, system_clock())
        overview = time.perf_counter()
        store.close(fold=False)  # leave the files exactly as generated for the next run
        out["open+queue"].append(done - start)
        out["store"].append(opened - start)
        out["queue"].append(done - opened)
        out["overview"].append(overview - done)
        del store, session
    return out


def bench_anki_open(workload: Workload, runs: int) -> list[float]:
    """Anki's side of (a): open the collection and fetch the first queued card."""
    from anki.collection import Collection

    path = anki_copy(build_anki(workload), workload.root / "anki-open")
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        col = Collection(str(path))
        queued = col.sched.get_queued_cards(fetch_limit=1)
        times.append(time.perf_counter() - start)
        assert queued.cards
        col.close()
    shutil.rmtree(path.parent, ignore_errors=True)
    return times


def bench_deck_load(workload: Workload, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        load_cards(workload)
        times.append(time.perf_counter() - start)
    return times


# ------------------------------------------------------------ (b) answer path


def _ratings(n: int, seed: int) -> list[Rating]:
    rng = random.Random(seed)
    population = [r for r, _ in RATING_WEIGHTS]
    weights = [w for _, w in RATING_WEIGHTS]
    return rng.choices(population, weights, k=n)


class OursAnswering:
    """studyapp's answer path on a copy of the generated progress folder."""

    def __init__(self, workload: Workload, cards: list[Card]) -> None:
        self.folder = snapshot_copy(workload)
        # fold_after as shipped (1,000): the 200 pending + the answers below stay under it
        self.store = ProgressStore.open(self.folder)
        self.session = Session(
            self.store, cards, StudySettings(), clock=system_clock, rng=random.Random(7)
        )
        first = self.session.current()
        assert first is not None
        self.took = timedelta(seconds=6)

    def answer(self, rating: Rating) -> float:
        start = time.perf_counter()
        self.session.answer(rating, self.took)
        card = self.session.current()
        elapsed = time.perf_counter() - start
        assert card is not None, "the queue ran dry: generate more due cards"
        return elapsed

    def fold(self) -> float:
        start = time.perf_counter()
        self.store.fold()
        return time.perf_counter() - start

    @property
    def durability(self) -> str:
        """How this studyapp makes an answer durable (it changed; before/after runs)."""
        if getattr(self.store, "_journal_sync", None) is None:
            return "write + fsync of the journal line before each answer returns"
        return (
            "journal line written before each answer returns (safe from a crash of the "
            "app), fsynced by a background thread moments later"
        )

    def close(self) -> None:
        self.store.close()


def _sql_rows(col: Any, table: str, columns: str | None, rows: list[tuple[Any, ...]]) -> None:
    """Insert rows in one statement (through ``json_each``): Anki's ``executemany`` goes
    row by row through its backend and takes minutes for 500,000 rows."""
    if columns is not None:
        col.db.execute(f"create temp table {table} ({columns})")
    width = len(rows[0])
    values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(width))
    col.db.execute(f"insert into {table} select {values} from json_each(?)", json.dumps(rows))


class FsyncFloor:
    """The floor under any durable answer: one journal-sized line written and fsynced."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(folder / "floor.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.line = b"x" * 330 + b"\n"  # about the size of a journal record

    def answer(self, rating: Rating) -> float:
        start = time.perf_counter()
        os.write(self.fd, self.line)
        os.fsync(self.fd)
        return time.perf_counter() - start

    def close(self) -> None:
        os.close(self.fd)


def _fill_revlog(col: Any, anki_ids: list[int], workload: Workload) -> None:
    rng = random.Random(3)
    seen = anki_ids[: int(len(anki_ids) * 0.7)]
    end_ms = int((workload.now - timedelta(days=1)).timestamp() * 1000)
    start_ms = end_ms - 1000 * 86_400_000
    step = (end_ms - start_ms) // workload.reviews
    rows: list[tuple[int, ...]] = []
    for k in range(workload.reviews):
        ease = rng.choice((1, 2, 3, 3, 3, 3, 3, 3, 4))
        ivl = rng.randint(1, 200)
        rows.append((start_ms + k * step, rng.choice(seen), -1, ease, ivl, ivl // 2, 2500, 5000, 1))
        if len(rows) == 250_000:  # in parts: one JSON text of 2,000,000 rows is ~1 GB
            _sql_rows(col, "revlog", None, rows)
            rows = []
    if rows:
        _sql_rows(col, "revlog", None, rows)


def build_anki(workload: Workload) -> Path:
    """An Anki collection with the workload's cards in the same states and its reviews in
    the revlog (built once per workload folder: minutes at 200,000 cards); its path."""
    folder = workload.root / "anki-pristine"
    path = folder / "bench.anki2"
    done = folder / "complete"
    if done.exists():
        return path
    from anki.collection import AddNoteRequest, Collection  # before anki.cards

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    col: Any = Collection(str(path))
    did = col.decks.id("Default")
    assert did is not None
    col.set_config("fsrs", True)
    conf = col.decks.config_dict_for_deck_id(did)
    conf["desiredRetention"] = 0.9
    conf["rev"]["perDay"] = 1000  # our 5 decks x 200
    conf["new"]["perDay"] = 100  # our 5 decks x 20
    col.decks.update_config(conf)
    model = col.models.by_name("Basic")
    assert model is not None
    requests = []
    for i, cid in enumerate(workload.card_ids):
        note = col.new_note(model)
        note["Front"] = f"What is item {i}? ({cid})"
        note["Back"] = f"Answer {i}"
        requests.append(AddNoteRequest(note, did))
    col.add_notes(requests)
    anki_ids: list[int] = col.db.list("select id from cards order by nid")
    today: int = col.sched.today
    now = workload.now
    rows = []
    for our_id, anki_id in zip(workload.card_ids, anki_ids, strict=True):
        state = workload.states.get(our_id)
        if state is None:
            continue
        due = datetime.fromisoformat(state["due"])
        last = datetime.fromisoformat(state["last_review"])
        data = json.dumps(
            {
                "s": state["stability"],
                "d": state["difficulty"],
                "dr": 0.9,
                "decay": 0.1542,
                "lrt": int(last.timestamp()),
            },
            separators=(",", ":"),
        )
        reps, lapses = state.get("reps", 0), state.get("lapses", 0)
        ivl = max(state.get("interval", 0), 0)
        if state["phase"] == "review":
            due_day = today + (due - now).days
            rows.append((2, 2, due_day, ivl, 2500, reps, lapses, 0, data, anki_id))
        else:
            kind = 3 if state["phase"] == "relearning" else 1
            rows.append((kind, 1, int(due.timestamp()), ivl, 2500, reps, lapses, 1, data, anki_id))
    _sql_rows(
        col,
        "upd",
        "id integer primary key, type, queue, due, ivl, factor, reps, lapses, left, data",
        [(row[-1], *row[:-1]) for row in rows],
    )
    col.db.execute(
        "update cards set (type, queue, due, ivl, factor, reps, lapses, left, data) = "
        "(select type, queue, due, ivl, factor, reps, lapses, left, data from upd "
        "where upd.id = cards.id) where id in (select id from upd)"
    )
    _fill_revlog(col, anki_ids, workload)
    # Closed: a learner's collection starts checkpointed, not with a fresh
    # 500,000-row write-ahead log behind it.
    col.close()
    done.touch()
    return path


def anki_copy(pristine: Path, folder: Path) -> Path:
    """A copy of the built collection to work on (answering changes it)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy2(pristine, folder / pristine.name)
    return folder / pristine.name


class AnkiAnswering:
    """Anki's own scheduler on a copy of the collection :func:`build_anki` made."""

    def __init__(self, path: Path) -> None:
        from anki.collection import Collection  # before anki.cards

        col: Any = Collection(str(path))
        self.col: Any = col
        self.took_ms = 6000
        from anki.cards import Card as AnkiCard
        from anki.scheduler.v3 import CardAnswer

        self._card_class = AnkiCard
        self._ratings = {
            Rating.AGAIN: CardAnswer.AGAIN,
            Rating.HARD: CardAnswer.HARD,
            Rating.GOOD: CardAnswer.GOOD,
            Rating.EASY: CardAnswer.EASY,
        }
        self.journal_mode = str(col.db.scalar("pragma journal_mode"))
        self.synchronous = int(col.db.scalar("pragma synchronous"))
        self._next()

    def _next(self) -> Any:
        queued = self.col.sched.get_queued_cards(fetch_limit=1)
        if not queued.cards:
            raise SystemExit("Anki's queue ran dry: generate more due cards")
        top = queued.cards[0]
        card = self._card_class(self.col)
        card._load_from_backend_card(top.card)
        card.start_timer()
        self.card, self.states = card, top.states
        return card

    def answer(self, rating: Rating) -> tuple[float, float]:
        """(answer_card alone, answer_card + fetching the next card), in seconds."""
        start = time.perf_counter()
        built = self.col.sched.build_answer(
            card=self.card, states=self.states, rating=self._ratings[rating]
        )
        built.milliseconds_taken = self.took_ms
        self.col.sched.answer_card(built)
        answered = time.perf_counter()
        self._next()
        done = time.perf_counter()
        return answered - start, done - start

    def close(self) -> None:
        self.col.close()


def bench_answers(
    workload: Workload, cards: list[Card], answers: int, warmup: int = 10
) -> dict[str, Any]:
    anki = AnkiAnswering(anki_copy(build_anki(workload), workload.root / "anki"))
    ours = OursAnswering(workload, cards)
    floor = FsyncFloor(ours.folder / "floor")
    ratings = _ratings(answers + warmup, seed=11)
    for rating in ratings[:warmup]:
        ours.answer(rating)
        anki.answer(rating)
    ours_t: list[float] = []
    anki_only: list[float] = []
    anki_next: list[float] = []
    floor_t: list[float] = []
    timed = ratings[warmup:]
    sides = ("ours", "anki", "floor")
    for block in range(0, len(timed), BLOCK):
        chunk = timed[block : block + BLOCK]
        turn = block // BLOCK
        for side in sides[turn % 3 :] + sides[: turn % 3]:  # rotate who goes first
            gc.collect()
            for rating in chunk:
                if side == "ours":
                    ours_t.append(ours.answer(rating))
                elif side == "floor":
                    floor_t.append(floor.answer(rating))
                else:
                    a, b = anki.answer(rating)
                    anki_only.append(a)
                    anki_next.append(b)
    fold = ours.fold()
    durability = ours.durability
    ours.close()
    floor.close()
    anki.close()
    return {
        "ours": ours_t,
        "anki": anki_only,
        "anki_next": anki_next,
        "floor": floor_t,
        "fold": fold,
        "anki_sqlite": f"journal_mode={anki.journal_mode}, synchronous={anki.synchronous}",
        "durability": durability,
    }


# ---------------------------------------------------------------- (c) memory


def _maxrss_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    ``VmHWM`` where Linux has it: ``ru_maxrss`` of a child started by a big
    parent can carry the parent's peak over the fork, which ``VmHWM`` (per
    address space) does not.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_TRUSTED: dict[str, bool] = (
    {"trust_stat": True} if "trust_stat" in inspect.signature(load_decks).parameters else {}
)
"""The app's start trusts an unchanged deck file's ``stat`` (issue 18; an older tree
being compared cannot)."""


def memory_child(root: Path, answers: int) -> None:
    """Run in a fresh interpreter: the engine's whole life, peak RSS after each phase.

    Also times open + first queue here, where a learner's start pays it: in a new
    process (the in-process runs of (a) reuse memory the earlier runs grew).
    """
    phases: list[tuple[str, float]] = [("imports", _maxrss_mb())]
    # The app's order (workspace.open_workspace): decks (the cache's index only) and
    # store loaded with the cyclic GC paused, then frozen out of its scans; the queue
    # and home's overview for the first frame; the entries read after it, in a worker.
    with app_gc_policy():
        decks, cards = load_decks([root / "decks"], cache=DeckCache(root / "cache"), **_TRUSTED)
        phases.append(("decks' cards (the cache's index)", _maxrss_mb()))
        start = time.perf_counter()
        store = ProgressStore.open(root / "progress")
        opened = time.perf_counter() - start
    start = time.perf_counter()
    session = Session(store, cards, StudySettings(), clock=system_clock, rng=random.Random(1))
    session.current()
    opened += time.perf_counter() - start
    phases.append(("open + first queue", _maxrss_mb()))
    deck_overviews(cards, store.states, store.recent_reviews(), StudySettings(), system_clock())
    phases.append(("home overview", _maxrss_mb()))
    if hasattr(decks, "read_all"):  # what the app's worker does after the first frame
        decks.read_all()
    phases.append(("decks' entries read", _maxrss_mb()))
    answered = 0
    for rating in _ratings(answers, seed=5):
        if session.current() is None:  # (a small collection has fewer due: as many as are)
            break
        session.answer(rating, timedelta(seconds=5))
        answered += 1
    phases.append((f"{answered} answers", _maxrss_mb()))
    store.close()
    phases.append(("close (fold)", _maxrss_mb()))
    print(json.dumps({"phases": phases, "open": opened}))


def bench_memory(
    workload: Workload, answers: int, runs: int
) -> tuple[list[list[tuple[str, float]]], list[float]]:
    """``runs`` fresh processes: (their peak memory phases, their open + first queue)."""
    phases: list[list[tuple[str, float]]] = []
    opens: list[float] = []
    for run in range(runs):
        root = workload.root / f"memory-{run}"
        shutil.rmtree(root, ignore_errors=True)  # left by an earlier run (--keep)
        root.mkdir()
        os.symlink(workload.decks, root / "decks")
        os.symlink(workload.cache, root / "cache")
        shutil.copytree(workload.progress, root / "progress")
        result = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(root), "--answers", str(answers)],
            capture_output=True,
            text=True,
            check=True,
        )
        shutil.rmtree(root / "progress")
        data = json.loads(result.stdout)
        phases.append([(name, value) for name, value in data["phases"]])
        opens.append(data["open"])
    return phases, opens


# ---------------------------------------------------------------------- main


def _row(name: str, values: Sequence[float], extra: str = "") -> str:
    return (
        f"  {name:38s} median {ms(statistics.median(values))}   "
        f"p99 {ms(pct(values, 99))}   min {ms(min(values))}{extra}"
    )


def run(args: argparse.Namespace) -> int:
    n_cards = 5_000 if args.quick and not args.cards else (args.cards or 50_000)
    per_deck = max(1, n_cards // 5)
    reviews = args.reviews or 10 * per_deck * 5
    answers = args.answers or (100 if n_cards < 50_000 else 500)  # as many as are due
    runs = args.runs or (3 if args.quick else 7)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="studyapp-engine-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        return _run(root, per_deck, reviews, answers, runs, args.quick)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def targets(n_cards: int) -> tuple[float, float]:
    """(open + first queue in s, peak memory in MB) for a collection of this size: the
    targets for 50,000 cards up to there, issue 18's for 200,000 beyond."""
    return (TARGET_OPEN_S, TARGET_MEMORY_MB) if n_cards <= 50_000 else (0.2, 250.0)


def _run(root: Path, per_deck: int, reviews: int, answers: int, runs: int, quick: bool) -> int:
    started = time.perf_counter()
    workload, age = reusable_workload(root, per_deck=per_deck, reviews=reviews)
    generated = time.perf_counter() - started
    load_cards(workload)  # populate the deck cache, as any earlier start of the app would
    with app_gc_policy():
        cards = load_cards(workload)
    n_cards = len(cards)
    target_open, target_memory = targets(n_cards)
    size = sum(p.stat().st_size for p in workload.progress.iterdir())
    made = f"generated in {generated:.1f} s" if age is None else f"reused, {age:.1f} h old"
    print(
        f"workload: {n_cards:,} cards in 5 decks, {reviews:,} past reviews, "
        f"progress folder {size / 1048576:.1f} MB; {made}"
    )
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {datetime.now(UTC):%Y-%m-%d}"
        + ("  [--quick: a tenth of the scale; targets are for the full run]" if quick else "")
    )

    print(f"\n(a) open + first queue built, {runs} runs in this process (files in page cache)")
    deck = bench_deck_load(workload, runs)
    opened = bench_open(workload, cards, runs)
    print(_row("open + first queue (target)", opened["open+queue"]))
    print(_row("  of which ProgressStore.open", opened["store"]))
    print(_row("  of which Session + current()", opened["queue"]))
    print(_row("deck load from cache (not in target)", deck))
    print(_row("home overview (not in target)", opened["overview"]))
    anki_open = bench_anki_open(workload, runs)
    print(_row("Anki: open + first queued card", anki_open))
    med_open = statistics.median(opened["open+queue"])
    print(
        f"  verdict: open + first queue <= {target_open:.3f} s: "
        f"{verdict(med_open <= target_open)} ({med_open:.3f} s; "
        f"x{med_open / statistics.median(anki_open):.2f} of Anki's)"
    )

    print(f"\n(b) answer path, {answers} answers each, interleaved blocks of {BLOCK}")
    result = bench_answers(workload, cards, answers)
    ours, anki, anki_next = result["ours"], result["anki"], result["anki_next"]
    print(_row("studyapp answer + next card", ours))
    print(_row("Anki answer_card", anki))
    print(_row("Anki answer_card + next card", anki_next))
    print(_row("floor: write + fsync of one line", result["floor"]))
    ratio = statistics.median(ours) / statistics.median(anki)
    ratio_next = statistics.median(ours) / statistics.median(anki_next)
    ratio_p99 = pct(ours, 99) / pct(anki, 99)
    print(
        f"  ratio ours / Anki answer_card: median x{ratio:.2f}, p99 x{ratio_p99:.2f};"
        f"  ours / Anki answer_card + next: median x{ratio_next:.2f}"
    )
    print(
        f"  fold (every 1,000 answers; {n_cards:,} states + history append): "
        f"{result['fold'] * 1000:.0f} ms, {result['fold']:.3f} ms per answer amortised"
    )
    print(
        f"  Anki SQLite: {result['anki_sqlite']} (a commit per answer, fsynced); ours: "
        f"{result['durability']}"
    )
    floor = statistics.median(result["floor"])
    print(
        f"  an fsync per answer alone would be x{floor / statistics.median(anki):.2f} of "
        f"Anki's answer_card (ours minus that floor: {ms(statistics.median(ours) - floor)})"
    )
    print(
        f"  verdict: ours <= {TARGET_RATIO}x Anki answer_card per answer (median): "
        f"{verdict(ratio <= TARGET_RATIO)} (x{ratio:.2f})"
    )

    print(f"\n(c) fresh processes x{runs}: peak memory (VmHWM) by phase, and open + first queue")
    all_phases, fresh_opens = bench_memory(workload, answers, runs)
    for index, (name, _) in enumerate(all_phases[0]):
        values = [phases[index][1] for phases in all_phases]
        med = statistics.median(values)
        print(f"  {name:38s} median {med:7.1f} MB   max {max(values):7.1f} MB")
    peaks = [max(v for _, v in phases) for phases in all_phases]
    peak = statistics.median(peaks)
    print(_row("open + first queue, fresh process", fresh_opens))
    med_fresh = statistics.median(fresh_opens)
    print(
        f"  verdict: open + first queue <= {target_open:.3f} s in a fresh process: "
        f"{verdict(med_fresh <= target_open)} ({med_fresh:.3f} s)"
    )
    print(
        f"  verdict: peak <= {target_memory:.0f} MB: {verdict(peak <= target_memory)} "
        f"(median {peak:.1f} MB, max {max(peaks):.1f} MB)"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 cards, fewer runs")
    parser.add_argument(
        "--cards", type=int, default=0, help="cards in all (5 decks; default 50,000)"
    )
    parser.add_argument("--reviews", type=int, default=0, help="past reviews (default 10 per card)")
    parser.add_argument("--runs", type=int, default=0, help="runs for (a) (default 7; quick 3)")
    parser.add_argument(
        "--answers", type=int, default=0, help="answers for (b) (500; 100 under 50,000 cards)"
    )
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    parser.add_argument("--memory-child", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(Path(args.memory_child), args.answers or 500)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
