"""Home's summary line at any width: its phrases ("Today: ...", "102 entries · 125 cards in
1 deck", "Streak: ...") go on the next line whole when they do not fit, never split
mid-phrase. Entries and cards are both named: "102 entries" beside the deck list's "0% of
125" left a learner wondering what the two numbers counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from studyapp.tui.app import StudyApp
from tests.conftest import REPO
from tests.tui.builders import make_workspace, wait_started

BUNDLED = (REPO / "decks" / "lee-pragmatic-diplomacy.yaml").read_text(encoding="utf-8")
STARTS = ("Today: ", "Counting today", "102 entries · 125 cards in 1 deck", "Streak: ")


@pytest.mark.parametrize("width", [60, 80, 100, 140])
async def test_each_line_of_the_summary_is_whole_phrases(tmp_path: Path, width: int) -> None:
    workspace, _ = make_workspace(tmp_path, BUNDLED)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(width, 24)) as pilot:
        await wait_started(pilot)
        summary = app.screen.query_one("#home-summary", Static)
        for _ in range(50):  # the streak comes from a worker
            if "Streak: " in str(summary.render()):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        lines = str(summary.render()).split("\n")
        assert all(line.startswith(STARTS) for line in lines), lines
        assert summary.size.height == len(lines)  # none wrapped again by Textual
        said = "    ".join(lines)
        assert "102 entries · 125 cards in 1 deck" in said and "Streak: " in said
        assert "0% of 125" in str(app.screen.query_one("#home-decks").render_line(0).text)
        if width >= 100:
            assert len(lines) == 1  # room for all three: one line, as before


async def test_one_entry_one_card_and_two_decks_are_counted_in_words(tmp_path: Path) -> None:
    one = "id: one\ntitle: One\nentries:\n  - {id: q, kind: qa, prompt: Q?, answer: A}\n"
    workspace, _ = make_workspace(tmp_path, one, name="one.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_started(pilot)
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert "1 entry · 1 card in 1 deck" in summary, summary
    make_workspace(tmp_path, BUNDLED)  # a second deck in the same folder
    workspace, _ = make_workspace(tmp_path, one, name="one.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_started(pilot)
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert "103 entries · 126 cards in 2 decks" in summary, summary
