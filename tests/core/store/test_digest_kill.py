"""A reader killed with SIGKILL while it saves the history digest never leaves one
half-written: the next reader finds a whole, right digest or none (and builds it)."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.core.stats.report import compute_stats, store_stats
from studyapp.core.store import history_summary
from studyapp.core.store.layout import DIGEST, HISTORY
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore

pytestmark = pytest.mark.reliability

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)

CHILD = """
import contextlib, os, sys, time
from pathlib import Path
from studyapp.core.store import history_summary
from studyapp.core.store.store import ProgressStore

folder = Path(sys.argv[1])
view = ProgressStore.open(folder, read_only=True)
summary = history_summary.summarize(view)  # built (and saved) once
assert summary is not None
os.write(1, b"ready\\n")
with open(folder / "history.jsonl", "rb") as handle:
    while True:  # save it over and over, until killed (at any moment of a save)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / "history.digest.json")
        history_summary._save(folder, summary.digest, None, handle)
        time.sleep(0.002)
"""


def test_kill_9_while_a_reader_saves_the_digest(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path, clock=lambda: NOW) as store:
        for i in range(3000):
            card = f"d/e{i % 300}/v"
            at = NOW - timedelta(minutes=37 * i)
            store.record_review(CardState(card), CardState(card, Phase.REVIEW), Rating.GOOD, at)
    size = (tmp_path / HISTORY).stat().st_size
    with ProgressStore.open(tmp_path, read_only=True) as view:
        expected = compute_stats(view.history(), view.states, [], NOW)
    rng = random.Random(20260302)
    whole = 0
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(CHILD), str(tmp_path)],
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None
        try:
            assert select.select([child.stdout], [], [], 30)[0]
            assert os.read(child.stdout.fileno(), 100) == b"ready\n"
            time.sleep(rng.uniform(0.05, 0.4))
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            child.stdout.close()
        if (tmp_path / DIGEST).exists():
            digest = history_summary._load(tmp_path / DIGEST)
            assert digest is not None and digest.covered == size  # whole, never half
            whole += 1
        history_summary._memory.clear()
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert store_stats(view, view.states, [], NOW) == expected
    assert whole > 0
