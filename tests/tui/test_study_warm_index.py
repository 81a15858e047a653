"""A big deck's answer index is warmed in a worker when its first card is shown, so that
the learner's first Enter does not wait for the deck's words to be gathered (2 s at
50,000 entries); a small deck's is not (it gathers in milliseconds at its first check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.tui.app import StudyApp
from studyapp.tui.screens import study as study_module
from studyapp.tui.screens.study import StudyScreen
from tests.tui.builders import make_workspace, wait_started


def _deck(entries: int) -> str:
    lines = ["id: big", "title: Big deck", "entries:"]
    for n in range(entries):
        lines += [
            f"  - id: e{n}",
            "    kind: qa",
            f"    prompt: What is the word number {n}?",
            f"    answer: word{n}x",
        ]
    return "\n".join(lines) + "\n"


async def test_a_big_decks_index_is_warmed_and_a_small_ones_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(study_module, "WARM_FROM", 50)  # (a test-sized "big" deck)
    for size, warmed in ((30, False), (60, True)):
        (tmp_path / str(size)).mkdir()
        workspace, _ = make_workspace(tmp_path / str(size), _deck(size), name="big.yaml")
        app = StudyApp(workspace, seed=0)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_started(pilot)
            await pilot.press("s")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StudyScreen) and screen.card is not None
            await app.workers.wait_for_complete()
            index = screen.index_for(screen.card)
            assert index is not None
            assert (index._vocabulary is not None) is warmed
            card = screen.card
            await pilot.press(*card.answer, "enter")
            await pilot.pause()
            assert screen.verdict is not None and screen.verdict.outcome.value == "correct"
