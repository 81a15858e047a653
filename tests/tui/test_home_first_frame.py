"""Home's first frame: the decks at once, today's counts just after it (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import OptionList, Static

from studyapp.core.workspace import Workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens import home as home_module
from studyapp.tui.screens.home import HomeScreen
from tests.tui.builders import make_workspace, wait_started

SECOND = "id: second\ntitle: Second deck\nentries:\n  - id: a\n    kind: qa\n    prompt: Q?\n"


class StartingApp(App[None]):
    """An app still in its first frame: home is shown and nothing counts it yet."""

    started = False

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def on_mount(self) -> None:
        import random

        self.push_screen(HomeScreen(self.workspace, random.Random(0)))


def _summary(screen: HomeScreen) -> str:
    return str(screen.query_one("#home-summary", Static).render())


def _options(screen: HomeScreen) -> list[str]:
    table = screen.query_one("#home-decks", OptionList)
    return [str(table.get_option_at_index(i).prompt) for i in range(table.option_count)]


async def test_the_first_frame_lists_the_decks_and_the_counts_follow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home_module, "COUNT_AFTER_FIRST_FRAME", 1)  # (200,000 cards, say)
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "second.yaml").write_text(SECOND + "    answer: A\n", "utf-8")
    workspace, _ = make_workspace(tmp_path)
    app = StartingApp(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.overviews == {}  # nothing counted for the first frame
        assert _summary(home).startswith("Counting today's cards…")
        entries = sum(d.entries for d in workspace.decks.decks)
        cards = len(workspace.cards)
        assert f"{entries} entries · {cards} cards in 2 decks" in _summary(home)
        assert [o.strip() for o in _options(home)] == [
            "Second deck",
            "Small test deck",
            "All decks",
        ]
        await pilot.press("down")  # a deck highlighted meanwhile stays highlighted
        home.count()
        await pilot.pause()
        new = len(workspace.cards)  # (all new: no progress yet; within the daily limit)
        assert _summary(home).startswith(f"Today: 0 due · 0 learning · {new} new")
        assert set(home.overviews) == {"second", "small"}
        small = sum(card.deck_id == "small" for card in workspace.cards)
        assert "Small test deck" in _options(home)[1] and f"0% of {small}" in _options(home)[1]
        table = home.query_one("#home-decks", OptionList)
        assert table.highlighted == 1
        counted = home.overviews
        home.count()  # once only: later counts come from refresh_decks (resume, resize)
        assert home.overviews is counted


async def test_a_small_collection_is_counted_for_the_first_frame(tmp_path: Path) -> None:
    """Below COUNT_AFTER_FIRST_FRAME cards the counts are in the first frame: no flicker."""
    workspace, _ = make_workspace(tmp_path)
    app = StartingApp(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert _summary(home).startswith("Today: 0 due")


async def test_studyapp_counts_home_after_its_first_frame_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real = home_module.deck_overviews_until  # type: ignore[attr-defined]

    def counting(*args: object, **kwargs: object) -> object:
        events.append("counted")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(home_module, "deck_overviews_until", counting)
    monkeypatch.setattr(home_module, "COUNT_AFTER_FIRST_FRAME", 1)

    ready = StudyApp.on_ready

    def recording(self: StudyApp) -> None:
        events.append("ready")
        ready(self)

    monkeypatch.setattr(StudyApp, "on_ready", recording)
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        assert events[:2] == ["ready", "counted"]
        home = app.screen
        assert isinstance(home, HomeScreen)
        new = len(workspace.cards)
        assert _summary(home).startswith(f"Today: 0 due · 0 learning · {new} new")
