"""Quiz set-up on small terminals: every field reachable by Tab, in sight when focused,
and never under the Start bar (a walk-through at 80x24 found "Minutes" under the
"Start quick quiz" button and "Feedback after each answer" scrolled out of sight)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widget import Widget

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizSetupScreen
from studyapp.tui.widgets.keybar import KeyBar
from tests.tui.builders import wait_started
from tests.tui.test_quiz_flow import app_with_exam
from tests.tui.test_small_terminals import on_screen

FIELDS = [
    "quiz-choices",
    "quiz-deck",
    "quiz-count",
    "quiz-mix",
    "quiz-minutes",
    "quiz-feedback",
    "quiz-start-custom",
]
"""Tab order on the set-up screen, from the list of exams to the Start button."""


def visible_area(setup: QuizSetupScreen) -> Region:
    """The part of the scrolling settings the learner can see."""
    return setup.query_one("#quiz-setup", VerticalScroll).scrollable_content_region


def check_in_sight(app: StudyApp, setup: QuizSetupScreen, widget: Widget) -> None:
    start_bar = setup.query_one("#quiz-start-bar").region
    shown = f"{widget.id} at {widget.region}, settings {visible_area(setup)}, bar {start_bar}"
    assert on_screen(app, widget), shown
    assert visible_area(setup).bottom <= start_bar.y, shown  # the settings end above Start
    assert not start_bar.overlaps(setup.query_one(KeyBar).region), shown  # Start is whole
    if widget.id != "quiz-start-custom":
        assert visible_area(setup).contains_region(widget.region), shown
        assert not widget.region.overlaps(start_bar), shown


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_tab_reaches_every_field_in_sight(tmp_path: Path, size: tuple[int, int]) -> None:
    app, _ = app_with_exam(tmp_path)  # an exam above the quick quiz, as bundled
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, QuizSetupScreen)
        seen: list[str] = []
        for key in ["tab"] * (len(FIELDS) - 1) + ["shift+tab"] * (len(FIELDS) - 1):
            focused = setup.focused
            assert focused is not None and focused.id is not None
            seen.append(focused.id)
            check_in_sight(app, setup, focused)
            await pilot.press(key)
            await pilot.pause()
        assert setup.focused is not None and setup.focused.id == "quiz-choices"
        assert seen == FIELDS + FIELDS[::-1][1:-1]  # down to Start and back up


@pytest.mark.parametrize("size", [(60, 20), (60, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_formats_read_on_one_row_under_their_label_when_narrow(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """At 60 columns "Mixed: typed, multiple choice, true/false, ordering" wrapped to three
    rows beside its label, the last under the Start bar: narrow, each label goes above
    its field and the formats take one row; at 80 columns the labels stay beside."""
    from textual.widgets import Select, Static

    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, QuizSetupScreen)
        mix = setup.query_one("#quiz-mix", Select)
        mix.focus()
        await pilot.pause()
        label = next(w for w in mix.parent.query(Static) if "quiz-label" in w.classes)
        check_in_sight(app, setup, mix)
        if size[0] < 70:
            assert mix.region.height == 1, mix.region  # one row, no border
            assert label.region.bottom <= mix.region.y and mix.region.x == label.region.x
        else:
            assert label.region.y == mix.region.y  # beside, as it was
