"""The reliability suite: ``python -m pytest tests -m reliability`` prints the kill -9
figures (answers acknowledged, kill points, answers lost: 0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.store.killrounds import kill_rounds

pytestmark = pytest.mark.reliability


def test_kill_9_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = kill_rounds(tmp_path, rounds=60)
    with capsys.disabled():
        print(f"\nkill -9: {figures}")
    assert figures.kill_points == 60
    assert figures.acknowledged > 300
    assert figures.lost == 0
    assert figures.unreadable_opens == 0
