"""Folding in a thread of its own: an answer never waits for a fold, and nothing is lost.

A fold is held at one of its steps (on an Event, or for good in a child process that
is then killed with SIGKILL) while answers go on; then everything answered is found
once, whatever the step.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.store import folding
from studyapp.core.store.errors import ProgressError
from studyapp.core.store.journal_sync import JournalSync
from studyapp.core.store.layout import FOLDING, HISTORY, JOURNAL, SNAPSHOT
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
CARDS = [f"d/e{i}/v" for i in range(4)]
WAIT = 30.0
"""Seconds a held fold waits at most (a test that forgets to let it go still ends)."""


def open_store(folder: Path, **kwargs: Any) -> ProgressStore:
    return ProgressStore.open(folder, clock=ManualClock(NOW), **kwargs)


def answer(store: ProgressStore, n: int) -> int:
    """The ``n``-th answer of a session (cards in turn, one minute apart); its seq."""
    card = CARDS[n % len(CARDS)]
    prev = store.get(card)
    at = NOW + timedelta(minutes=n)
    due = at + timedelta(days=1)
    new = CardState(card, Phase.REVIEW, due=due, last_review=at, interval=1, reps=prev.reps + 1)
    return store.record_review(prev, new, Rating.GOOD, at).seq


def reps(store: ProgressStore) -> dict[str, int]:
    return {card: store.get(card).reps for card in CARDS}


def expected_reps(answers: int) -> dict[str, int]:
    return {card: len(range(i, answers, len(CARDS))) for i, card in enumerate(CARDS)}


@contextlib.contextmanager
def held(monkeypatch: pytest.MonkeyPatch, step: str) -> Iterator[threading.Event]:
    """Folds in threads wait at ``step`` (a name in ``folding``) until the event is set."""
    release = threading.Event()
    real: Callable[..., Any] = getattr(folding, step)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        release.wait(WAIT)
        return real(*args, **kwargs)

    monkeypatch.setattr(folding, step, waiting)
    try:
        yield release
    finally:
        release.set()


def test_answers_go_on_while_a_fold_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(tmp_path, fold_after=5) as store, held(monkeypatch, "write_fold") as release:
        for n in range(5):
            answer(store, n)  # the fifth starts a fold, which waits
        job = store._folds.job
        assert job is not None and not job.done
        started = time.perf_counter()
        for n in range(5, 9):
            answer(store, n)
        assert time.perf_counter() - started < WAIT / 2  # did not wait for the fold
        assert not job.done
        # the answers being folded are on disk under the handed-over journal's name,
        # the later ones in the new journal; nothing is in the history yet
        assert len((tmp_path / FOLDING).read_bytes().splitlines()) == 5
        assert len((tmp_path / JOURNAL).read_bytes().splitlines()) == 4
        assert not (tmp_path / HISTORY).exists()
        assert reps(store) == expected_reps(9)
        assert [r.seq for r in store.history()] == list(range(1, 10))
        with ProgressStore.open(tmp_path, read_only=True) as view:  # as another window
            assert reps(view) == expected_reps(9)
        release.set()
        assert store.pending == 4  # waits for the fold, then takes its outcome
        assert json.loads((tmp_path / SNAPSHOT).read_bytes())["journal_seq"] == 5
        assert not (tmp_path / FOLDING).exists()
        assert [r.seq for r in store.history()] == list(range(1, 10))
    with open_store(tmp_path) as again:
        assert reps(again) == expected_reps(9)
        assert [r.seq for r in again.history()] == list(range(1, 10))


def test_a_fold_in_a_thread_leaves_the_answer_path_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer that calls for a fold returns while the fold has not even begun."""
    with open_store(tmp_path, fold_after=3) as store, held(monkeypatch, "fsync_dir"):
        for n in range(3):
            answer(store, n)
        job = store._folds.job
        assert job is not None and not job.done


def test_a_failed_fold_is_done_again_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    with open_store(tmp_path, fold_after=4) as store:
        monkeypatch.setattr(folding, "write_fold", broken)
        for n in range(4):
            answer(store, n)
        assert store.pending == 4  # the fold failed: nothing folded, nothing lost
        assert (tmp_path / FOLDING).exists()
        monkeypatch.undo()
        answer(store, 4)  # calls for a fold again: done at once, both journals
        assert store.pending == 0
        assert not (tmp_path / FOLDING).exists()
        for n in range(5, 8):
            answer(store, n)
        assert [r.seq for r in store.history()] == list(range(1, 9))
    with open_store(tmp_path) as again:
        assert reps(again) == expected_reps(8)
        assert again.problems == ()


def test_a_fold_that_fails_at_once_lets_the_handed_over_journal_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(folder: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(folding, "fsync_dir", broken)
    with open_store(tmp_path, fold_after=3) as store:
        for n in range(3):
            answer(store, n)
        job = store._folds.job
        assert job is not None
        job.wait()
        assert isinstance(job.error, OSError)
        fsyncs = [t for t in threading.enumerate() if t.name.startswith("studyapp fsync")]
        assert len(fsyncs) == 1  # the handed-over journal's thread ended
        monkeypatch.undo()
    with open_store(tmp_path) as again:
        assert reps(again) == expected_reps(3)


def test_a_failed_fsync_of_the_handed_over_journal_stops_saving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a failed fsync of the journal does: raised by the next change, never ignored."""
    real_stop = JournalSync.stop
    calls = []

    def stop(self: JournalSync) -> None:
        calls.append(self)
        real_stop(self)
        if len(calls) == 1:  # the handed-over journal's
            raise ProgressError("fsync failed")

    monkeypatch.setattr(JournalSync, "stop", stop)
    store = open_store(tmp_path, fold_after=3)
    for n in range(3):
        answer(store, n)
    job = store._folds.job
    assert job is not None
    job.wait()
    with pytest.raises(ProgressError):
        answer(store, 3)  # written (to the new journal), then the failure is taken on
    with pytest.raises(ProgressError):
        answer(store, 4)  # refused
    with pytest.raises(ProgressError):
        answer(store, 5)
    with pytest.raises(ProgressError):
        store.close()
    with open_store(tmp_path) as again:  # (the disk was fine after all)
        assert reps(again) == expected_reps(4)


def test_a_view_reading_while_the_journal_is_handed_over_misses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner hands the journal over between the view's reads of the two journals."""
    with open_store(tmp_path, fold_after=1000) as owner, held(monkeypatch, "write_fold"):
        for n in range(6):
            answer(owner, n)
        real_read = Path.read_bytes

        def read_bytes(path: Path) -> bytes:
            data = real_read(path)
            if path.name == JOURNAL and owner._folds.job is None:
                owner._fold_in_background()  # just after the view read the journal
            return data

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert reps(view) == expected_reps(6)
        assert owner._folds.job is not None


# ------------------------------------------------------- kill -9 in the middle of a fold

CHILD = """
import os, sys, threading
from datetime import UTC, datetime, timedelta
from studyapp.core.base.clock import ManualClock
from studyapp.core.store import folding
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore

folder, step, after = sys.argv[1], sys.argv[2], sys.argv[3] == "after"
real = getattr(folding, step)

def held(*args, **kwargs):
    if after:
        real(*args, **kwargs)
    os.write(1, b"held\\n")  # (print from two threads at once may raise)
    threading.Event().wait()  # for good: the parent kills the process here

setattr(folding, step, held)
now = datetime(2026, 3, 2, 12, tzinfo=UTC)
store = ProgressStore.open(folder, clock=ManualClock(now), fold_after=5)
cards = [f"d/e{i}/v" for i in range(4)]
for n in range(9):
    card = cards[n % 4]
    prev = store.get(card)
    at = now + timedelta(minutes=n)
    new = CardState(card, phase=Phase.REVIEW, due=at + timedelta(days=1), last_review=at,
                    interval=1, reps=prev.reps + 1)
    store.record_review(prev, new, Rating.GOOD, at)
    os.write(1, b"ack\\n")
threading.Event().wait()  # killed here, the fold still held
"""


@pytest.mark.reliability
@pytest.mark.parametrize(
    ("step", "when"),
    [
        ("fsync_dir", "before"),  # just handed over
        ("append_history", "before"),
        ("append_history", "after"),  # in the history, not in the snapshot
        ("atomic_write", "after"),  # in the snapshot, the handed-over journal still there
    ],
)
def test_kill_9_in_the_middle_of_a_fold_loses_nothing(tmp_path: Path, step: str, when: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(tmp_path), step, when],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    out = b""
    try:
        deadline = time.monotonic() + WAIT
        while out.count(b"\n") < 10 and time.monotonic() < deadline:  # 9 acks, fold held
            if select.select([child.stdout], [], [], 0.5)[0]:
                out += os.read(child.stdout.fileno(), 4096) or b"(ended)\n" * 10
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        errors = child.stderr.read() if child.stderr else b""
        for stream in (child.stdout, child.stderr):
            if stream:
                stream.close()
    assert sorted(out.splitlines()) == [b"ack"] * 9 + [b"held"], (out, errors)
    with ProgressStore.open(tmp_path, read_only=True) as view:
        assert reps(view) == expected_reps(9)
        assert [r.seq for r in view.history()] == list(range(1, 10))
    with open_store(tmp_path) as store:  # folds what the fold left, at once
        assert not [p for p in store.problems if p.severity == "error"]
        assert not (tmp_path / FOLDING).exists()
        assert reps(store) == expected_reps(9)
        assert [r.seq for r in store.history()] == list(range(1, 10))
    history = (tmp_path / HISTORY).read_bytes().splitlines()
    assert [json.loads(line)["seq"] for line in history] == list(range(1, 10))
