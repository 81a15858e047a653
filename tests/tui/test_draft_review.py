"""The draft review screen, driven by keys: accept, edit, drop, skip, undo, quit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from studyapp.core.authoring.review.session import ReviewSession
from studyapp.tui.draft_review_app import DraftReviewApp
from studyapp.tui.screens.draft_review import DraftReviewScreen, entry_rows, review_deck
from tests.tui.conftest import TuiEnv, screen_text

DRAFT = """\
# A draft: this comment stays.
id: draft
title: Draft
entries:
# ---- dates (2)
- id: moon
  kind: date
  review: true
  prompt: When? Apollo 11 lands on the Moon on ____.
  event: Apollo 11 lands on the Moon
  date: 1969-07-20
  tags:
  - dates
  - draft
  source: On 20 July 1969 Apollo 11 landed on the Moon [@click=app.quit]quit[/].
- id: wall
  kind: date
  review: true
  event: The Berlin Wall falls
  date: "1989-11-09"
# ---- statements (1)
- id: churchill
  kind: quote
  review: true
  quote: We shall fight on the beaches
  speaker: Winston Churchill
  context: House of Commons, June 1940
  tags:
  - quotes
  - reported
# ---- left to you
# a note
"""


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def make_app(path: Path) -> DraftReviewApp:
    return DraftReviewApp(ReviewSession.open(path, "draft.yaml"), theme="textual-dark")


def progress(app: DraftReviewApp) -> str:
    return str(app.screen.query_one("#dr-progress", Static).render())


def heading(app: DraftReviewApp) -> str:
    return str(app.screen.query_one("#dr-heading", Static).render())


def message(app: DraftReviewApp) -> str:
    return str(app.screen.query_one("#dr-message", Static).render())


async def test_accept_skip_drop_undo_by_keys(draft: Path) -> None:
    app = make_app(draft)
    async with app.run_test(size=(100, 30)) as pilot:
        assert progress(app) == "3 of 3 left · 0 accepted · 0 edited · 0 dropped · 0 skipped"
        assert heading(app) == "date · moon"
        await pilot.press("a")
        assert heading(app) == "date · wall"
        assert message(app) == "Accepted moon."
        await pilot.press("s")
        assert heading(app) == "quote · churchill"
        await pilot.press("d")
        assert progress(app) == "1 of 3 left · 1 accepted · 0 edited · 1 dropped · 1 skipped"
        assert heading(app) == "Only skipped left"
        text = draft.read_text(encoding="utf-8")
        assert "churchill" not in text
        assert text.startswith("# A draft: this comment stays.\n")
        assert text.endswith("# ---- statements (1)\n# ---- left to you\n# a note\n")
        await pilot.press("u")
        assert heading(app) == "quote · churchill"
        assert draft.read_text(encoding="utf-8") == DRAFT.replace("  review: true\n", "", 1)
        await pilot.press("u", "u")
        assert draft.read_text(encoding="utf-8") == DRAFT
        assert heading(app) == "date · moon"


async def test_the_end_shows_a_summary_and_r_goes_round_the_skipped(draft: Path) -> None:
    app = make_app(draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "a", "a")
        assert heading(app) == "Only skipped left"
        assert "r: go round the 1 skipped again." in screen_text(app)
        await pilot.press("r")
        assert heading(app) == "date · moon"
        await pilot.press("a")
        assert heading(app) == "Review done"
        shown = screen_text(app)
        assert "draft.yaml: 3 accepted, 0 edited, 0 dropped; none left to review" in shown
        assert "review: true" not in draft.read_text(encoding="utf-8")
        await pilot.press("q")
        assert not app.is_running


async def test_deck_text_is_shown_literally_and_markup_does_nothing(draft: Path) -> None:
    app = make_app(draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = [line.rstrip() for line in screen_text(app).splitlines()]
        assert any(line.endswith("landed on the Moon [@click=app.quit]quit[/].") for line in lines)
        await pilot.click("#dr-entry", offset=(79, 7))  # on "quit" in the source
        assert app.is_running


async def test_edit_saves_valid_fields_and_names_the_invalid_one(draft: Path) -> None:
    app = make_app(draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, DraftReviewScreen) and screen.editing is not None
        assert isinstance(app.focused, Input) and app.focused.id == "dr-field-id"
        date = screen.query_one("#dr-field-date", Input)
        date.value = "1969-7-20"
        await pilot.press("enter")
        error = str(screen.query_one("#dr-error-date", Static).render())
        assert "'1969-7-20' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD" in error
        assert message(app).startswith("Not saved: date: ")
        assert app.focused is date
        assert draft.read_text(encoding="utf-8") == DRAFT
        date.value = "1969-07-21"
        screen.query_one("#dr-field-explanation", TextArea).text = "Two lines:\n[b]bold?[/b]"
        await pilot.press("ctrl+s")
        assert screen.editing is None
        assert message(app) == "Saved: date, explanation. a accepts it as it is now."
        text = draft.read_text(encoding="utf-8")
        assert '  date: "1969-07-21"\n' in text
        assert "  explanation: |-\n    Two lines:\n    [b]bold?[/b]\n" in text
        assert "[b]bold?[/b]" in screen_text(app)
        assert progress(app).startswith("3 of 3 left · 0 accepted · 1 edited")
        await pilot.press("e")
        screen.query_one("#dr-field-event", TextArea).text = "changed"
        await pilot.press("escape")
        assert screen.editing is None and message(app) == "Edit cancelled; nothing saved."
        assert "changed" not in draft.read_text(encoding="utf-8")
        assert app.is_running
        await pilot.press("escape")  # on the entry, escape quits
        assert not app.is_running


async def test_keys_while_typing_go_to_the_field(draft: Path) -> None:
    app = make_app(draft)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e", "end", "a", "d", "s", "q", "u")
        field = app.screen.query_one("#dr-field-id", Input)
        assert field.value == "moonadsqu"
        await pilot.press("tab", "end", "q", "u")
        area = app.screen.query_one("#dr-field-prompt", TextArea)
        assert app.focused is area and area.text.endswith("____.qu")
        await pilot.press("escape")  # from a text box too
        assert message(app) == "Edit cancelled; nothing saved."
        assert draft.read_text(encoding="utf-8") == DRAFT
        assert app.is_running


async def test_the_app_reviews_the_highlighted_deck_and_reloads_after(tui_env: TuiEnv) -> None:
    """What a palette entry of the main app would call (see review_deck)."""
    (tui_env.deck_dir / "draft.yaml").write_text(DRAFT, encoding="utf-8")
    app = tui_env.app()
    reloaded: list[bool] = []
    async with app.run_test(size=(100, 30)) as pilot:
        assert not review_deck(app, app.workspace, "history", lambda: None)  # nothing marked
        assert review_deck(app, app.workspace, "draft", lambda: reloaded.append(True))
        await pilot.pause()
        assert isinstance(app.screen, DraftReviewScreen)
        await pilot.press("a", "q")
        assert reloaded == [True] and app.is_running
        assert not isinstance(app.screen, DraftReviewScreen)
    text = (tui_env.deck_dir / "draft.yaml").read_text(encoding="utf-8")
    assert text == DRAFT.replace("  review: true\n", "", 1)


def test_entry_rows_put_the_question_first_and_lists_one_a_line() -> None:
    rows = entry_rows(
        {"id": "x", "kind": "figure", "review": True, "source": "S", "value": 4, "measure": "M",
         "accept": ["four", "4"]}
    )  # fmt: skip
    assert rows == [("measure", "M"), ("value", "4"), ("accept", "• four\n• 4"), ("source", "S")]


SIZES = [(100, 30), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_entry(snap_compare: Any, draft: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(draft), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_form_with_an_error(snap_compare: Any, draft: Path, size: tuple[int, int]) -> None:
    async def edit(pilot: Pilot[Any]) -> None:
        await pilot.press("e")
        for _ in range(50):  # the form takes focus after a refresh: slow on a busy machine
            if isinstance(pilot.app.focused, Input):
                break
            await pilot.pause(0.02)
        pilot.app.screen.query_one("#dr-field-date", Input).value = "1969-13"
        await pilot.press("enter")
        for _ in range(50):
            if "Not saved" in screen_text(pilot.app):
                break
            await pilot.pause(0.02)

    assert snap_compare(make_app(draft), terminal_size=size, run_before=edit)
