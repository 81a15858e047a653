"""A draft deck on home (entries still marked ``review: true``, as ``studyapp extract``
writes them): its row says "draft · N entries to check" on a line of its own, and with it
highlighted a line under the list gives the command that checks it. From a walk-through:
home listed a draft like any other deck. The count is the deck cache's index's (no deck
read for it). Also: at 60 columns the deck list's "Last studied" column was cut ("Last").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from studyapp.core.workspace import open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from tests.tui.builders import make_workspace, wait_started

DRAFT = """\
id: draft
title: 'Draft: The Berlin Airlift, 1948–1949'
entries:
- id: airlift
  kind: date
  review: true
  event: The Berlin Airlift begins
  date: 1948-06-26
- id: wall
  kind: date
  review: true
  event: The Berlin Wall falls
  date: 1989-11-09
- id: checked
  kind: qa
  prompt: Which city was blockaded in 1948?
  answer: Berlin
"""
SIZES = [(60, 20), (80, 24), (120, 30)]


def draft_app(tmp_path: Path) -> StudyApp:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "draft.yaml").write_text(DRAFT, encoding="utf-8")
    workspace, _ = make_workspace(tmp_path)  # and the small deck, checked
    return StudyApp(workspace, seed=0)


def option_lines(home: HomeScreen, deck_id: str) -> list[str]:
    table = home.query_one("#home-decks", OptionList)
    index = [option.id for option in table.options].index(deck_id)
    return str(table.get_option_at_index(index).prompt).split("\n")


async def highlight(pilot: object, home: HomeScreen, deck_id: str) -> None:
    table = home.query_one("#home-decks", OptionList)
    table.highlighted = [option.id for option in table.options].index(deck_id)
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_draft_deck_says_so_and_how_to_check_it(
    tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the file is named from the working folder
    app = draft_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        draft = option_lines(home, "draft")
        assert draft[1] == "draft · 2 entries to check", draft
        assert draft[0].startswith("Draft: ")
        assert len(option_lines(home, "small")) == 1  # a checked deck: its row alone
        hint = home.query_one("#home-draft", Static)
        await highlight(pilot, home, "draft")
        assert hint.display
        text = str(hint.render())
        assert "2 entries not checked yet" in text
        assert text.endswith("\nstudyapp extract --review decks/draft.yaml"), text
        await highlight(pilot, home, "small")
        assert not hint.display


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_column_of_the_deck_list_fits_the_width(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """At 60 columns the row was 58 cells in 54: "Last studied" read "Last"."""
    app = draft_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        columns = home.query_one("#home-columns", Static)
        heading = str(columns.render())
        assert heading.rstrip().endswith("Last studied"), heading
        assert cell_len(heading.rstrip()) <= columns.content_region.width
        table = home.query_one("#home-decks", OptionList)
        for option in table.options:
            for line in str(option.prompt).split("\n"):
                assert cell_len(line) <= table.content_region.width, line
        assert option_lines(home, "small")[0].endswith("never")
        assert "…" in option_lines(home, "draft")[0] or size[0] >= 80


async def test_the_count_comes_from_the_cache_without_reading_the_deck(tmp_path: Path) -> None:
    """The second start finds the deck in the cache: home marks the draft from its index,
    the entries unread."""
    app = draft_app(tmp_path)  # the first start: the decks read, and cached
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_started(pilot)
    app.workspace.close()
    workspace = open_workspace([str(tmp_path / "decks")], progress=tmp_path / "progress")
    loaded = workspace.decks.find("draft")
    assert loaded is not None and not loaded.is_read
    assert loaded.drafts == 2
    assert not loaded.is_read
    small = workspace.decks.find("small")
    assert small is not None and small.drafts == 0
    workspace.close()


def test_a_deck_counts_its_entries_still_marked_for_review() -> None:
    from studyapp.core.decks.loader import parse_deck

    assert parse_deck(DRAFT, "draft.yaml").drafts == 2
    accepted = DRAFT.replace("  review: true\n", "")
    assert parse_deck(accepted, "draft.yaml").drafts == 0


def test_snapshot_home_with_a_draft_at_60x20(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The draft's row and its line under it, the command under the list (highlighted)."""
    monkeypatch.chdir(tmp_path)  # the command names the file from here: the same every run

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_started(pilot)

    assert snap_compare(draft_app(tmp_path), terminal_size=(60, 20), run_before=run_before)
