"""Shared test set-up: every test gets private progress, config and cache folders."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]

# CI (HYPOTHESIS_PROFILE=ci, set by .ci/run) tries the same examples on every run: a
# change lands or not on its own merits, not on which random inputs a run drew. Runs
# anywhere else explore new inputs, and what they find becomes a regular test.
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("STUDYAPP_PROGRESS", str(tmp_path / "progress"))
    monkeypatch.setenv("STUDYAPP_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("STUDYAPP_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("STUDYAPP_DECKS", raising=False)
    monkeypatch.delenv("STUDYAPP_MAX_DECK_MB", raising=False)
    monkeypatch.setenv("TZ", "UTC")  # day boundaries and "last studied" must not depend on the host
    time.tzset()
    yield
