"""The headless figures say what they count, as the screens do: the plan's days are its
picks for the exam, besides the cards due on the schedule that ``stats`` counts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.core.base.clock import system_clock
from studyapp.core.study.queue import study_day
from tests.conftest import REPO

DECKS = str(REPO / "decks")


def test_plan_and_stats_say_which_cards_they_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    progress = str(tmp_path / "progress")
    day = study_day(system_clock(), 4) + timedelta(days=12)
    assert (
        main(["plan", "lee-midterm", DECKS, "--date", day.isoformat(), "--progress", progress]) == 0
    )
    plan = capsys.readouterr().out.splitlines()
    (head,) = [n for n, line in enumerate(plan) if line.startswith("Plan (")]
    assert plan[head + 1] == (
        "picked for the exam, besides the cards due on your schedule (studyapp stats):"
    )
    assert main(["stats", DECKS, "--progress", progress]) == 0
    assert (
        "Due on your schedule (next 14 days; an exam plan adds its own: studyapp plan)"
        in capsys.readouterr().out
    )
