"""At 60x20 (and 80x24) nothing a learner needs is out of reach: every screen's key bar
keeps the way out and help, the quick quiz's Start button can be reached by keys, the
study card shows its status line and all four grade intervals, help wraps and scrolls,
notifications cover neither the grade bar nor home's, the quiz's or the results' top lines,
and the results' table fits 60 columns with re-drill and push kept in the key bar. With
60x20 snapshots of quiz setup and help.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, DataTable
from textual.widgets._toast import Toast

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.browse import BrowseScreen
from studyapp.tui.screens.help import HelpDialog
from studyapp.tui.screens.results import ResultsScreen
from studyapp.tui.screens.settings import SettingsScreen
from studyapp.tui.screens.stats import StatsScreen
from studyapp.tui.widgets.keybar import KeyBar
from tests.tui.builders import make_workspace, wait_started
from tests.tui.conftest import TuiEnv, screen_text, seed_history

SMALL = [(60, 20), (80, 24)]
size_ids = pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}x{s[1]}")


def app_for(tmp_path: Path) -> StudyApp:
    workspace, _ = make_workspace(tmp_path)
    return StudyApp(workspace, seed=0)


def bar(app: StudyApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


def on_screen(app: StudyApp, widget: Widget) -> bool:
    """Whether all of ``widget`` is inside the terminal and inside every container's
    visible part (scrolled into view, not clipped by a parent)."""
    region = widget.region
    if not region or not Region(0, 0, *app.size).contains_region(region):
        return False
    return all(
        ancestor.scrollable_content_region.contains_region(region)
        for ancestor in widget.ancestors
        if isinstance(ancestor, Widget) and ancestor.is_scrollable
    )


def assert_way_out_and_help(app: StudyApp, way_out: str) -> None:
    text = bar(app)
    assert way_out in text, text
    assert "? Help" in text or "f1 Help" in text, text


@size_ids
async def test_every_screen_keeps_the_way_out_and_help_in_its_key_bar(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        assert "Help" in bar(app)  # home: nothing to leave to (ctrl+q quits, in help)
        for key, screen_type in (
            ("b", BrowseScreen),
            ("t", StatsScreen),
            ("comma", SettingsScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            assert_way_out_and_help(app, "esc Back")
            await pilot.press("escape")
            await pilot.pause()
            if not isinstance(app.screen, type(app.screen_stack[1])):
                await pilot.press("escape")  # settings: leave the focused field first
                await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert_way_out_and_help(app, "esc ")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")  # study: the question, then the answer shown
        await pilot.pause()
        assert_way_out_and_help(app, "esc Home")
        await pilot.press("enter")
        await pilot.pause()
        assert_way_out_and_help(app, "esc Home")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert "esc Close" in bar(app)


@size_ids
async def test_the_study_card_shows_its_status_line_and_all_four_intervals(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # an empty answer shows the answer and the grades
        await pilot.pause()
        text = screen_text(app)
        counts = app.screen.query_one("#study-counts")
        assert on_screen(app, counts)
        status = str(counts.render())
        assert "review" in status and status.strip() in text, (status, text)
        for grade in range(1, 5):
            button = app.screen.query_one(f"#grade-{grade}", Button)
            assert on_screen(app, button), (grade, text)
            label = str(button.label)
            assert re.search(r"(Again|Hard|Good|Easy)\D*\d", label), label  # an interval
            assert label.strip() in text, (label, text)


@size_ids
async def test_the_quick_quiz_start_button_is_reached_by_tab(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()
        start = app.screen.query_one("#quiz-start-custom", Button)
        for _ in range(12):
            if app.screen.focused is start:
                break
            await pilot.press("tab")
            await pilot.pause(0.3)  # scrolling into view is animated
        assert app.screen.focused is start
        assert on_screen(app, start), screen_text(app)


@size_ids
async def test_help_wraps_and_scrolls_to_its_last_line(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("f1")  # the answer box has focus: F1 opens help
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HelpDialog)
        box = dialog.query_one("#help-box")
        assert on_screen(app, box)
        assert "esc closes" in screen_text(app)  # on the border: never scrolled away
        last = list(dialog.query(".help-does"))[-1]
        assert not on_screen(app, last)  # below the fold at first
        await pilot.press("end")  # the box scrolls by keys
        await pilot.pause(0.5)
        assert on_screen(app, last)
        described = str(last.render())
        assert described == "This help, also while typing in an answer box (? elsewhere)"
        assert last.region.height == 2  # wrapped, not cut
        assert "elsewhere)" in screen_text(app)


@size_ids
async def test_notifications_leave_the_grade_bar_and_the_key_bar_free(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_started(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # the answer and the grades
        await pilot.pause()
        app.notify("Buried until tomorrow: a long enough prompt to wrap (u undoes)")
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        assert toasts
        grades = [app.screen.query_one(f"#grade-{g}", Button).region for g in range(1, 5)]
        keys = app.screen.query_one(KeyBar).region
        for toast in toasts:
            assert toast.region
            for covered in [*grades, keys]:
                assert not toast.region.overlaps(covered), (toast.region, covered)


# ------------------------------------------------------------ 60x20 snapshots


def test_quiz_setup_at_60x20(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_started(pilot)
        await pilot.press("q")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=(60, 20), run_before=run_before)


def test_help_at_60x20(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_started(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=(60, 20), run_before=run_before)


async def test_stats_sections_fit_60_columns(tui_env: TuiEnv) -> None:
    """Charts, tables and their lines of figures all fit: nothing needs a sideways scroll."""
    workspace = tui_env.workspace()
    seed_history(workspace)
    app = tui_env.app(workspace)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = StatsScreen(workspace)
        await app.push_screen(screen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        room = screen.query_one("#stats-body").scrollable_content_region.width - 1
        for section in screen.query(".stats-section"):
            lines = str(section.render()).splitlines()
            assert max(len(line) for line in lines) <= room, (section.id, lines)


async def test_every_option_of_a_quiz_question_is_on_screen_at_60x20(tmp_path: Path) -> None:
    """A long prompt left only the first option of four on screen at 60x20."""
    import random

    from studyapp.core.quiz.exam import ExamSpec, FormatMix
    from studyapp.core.quiz.questions import QuestionFormat, questions_for_deck
    from studyapp.tui.screens.quiz import QuizScreen
    from tests.conftest import REPO

    bundled = (REPO / "decks" / "lee-pragmatic-diplomacy.yaml").read_text(encoding="utf-8")
    workspace, _ = make_workspace(tmp_path, bundled, name="lee.yaml")
    deck = workspace.decks.decks[0].deck
    choices = questions_for_deck(deck, random.Random(1), [QuestionFormat.CHOICE])
    longest = max(choices, key=lambda q: len(q.prompt))  # the article's longest cloze
    spec = ExamSpec(
        id="choice",
        title="Choice",
        questions=1,
        formats=FormatMix(typed=0, choice=1, true_false=0),
        feedback="immediate",
    )
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_started(pilot)
        await app.push_screen(QuizScreen(workspace, spec, [longest], random.Random(0)))
        await pilot.pause()
        text = screen_text(app)
        for number, option in enumerate(longest.options, start=1):
            assert f"{number}. {option}"[:30] in text, (option, text)


LONG_TAG = "a-tag-long-enough-to-push-the-score-column-off-the-screen"


async def _to_results(pilot: Pilot[Any], app: StudyApp) -> ResultsScreen:
    """An exam on the small deck sat and submitted: its results screen."""
    import random

    from studyapp.core.quiz.exam import ExamSpec, FormatMix
    from studyapp.core.quiz.questions import QuestionFormat, questions_for_deck
    from studyapp.tui.screens.quiz import QuizScreen

    workspace = app.workspace
    deck = workspace.decks.decks[0].deck
    mix = [QuestionFormat.TYPED, QuestionFormat.TRUE_FALSE]
    questions = questions_for_deck(deck, random.Random(1), mix)
    spec = ExamSpec(
        id="small",
        title="Small",
        questions=len(questions),
        formats=FormatMix(typed=1, true_false=1),
        feedback="end",
    )
    await wait_started(pilot)
    quiz = QuizScreen(workspace, spec, questions, random.Random(0))
    await app.push_screen(quiz)
    await pilot.pause()
    for _ in questions:
        is_typed = quiz.question.format is QuestionFormat.TYPED
        quiz.record("zzz" if is_typed else True)
        await pilot.pause()
    await pilot.press("s", "y")  # submit from the review (y: even with one unanswered)
    await pilot.pause()
    results = app.screen
    assert isinstance(results, ResultsScreen)
    return results


async def test_results_fit_60_columns_and_keep_push_and_redrill(tmp_path: Path) -> None:
    """QA at 60x20: the breakdown's Score column was cut off and the key bar dropped
    "p Push". Every column is on screen (a long tag is clipped with "…"), and the key bar
    keeps re-drill and push with the way out and help."""
    from tests.tui.builders import SMALL_DECK

    deck_text = SMALL_DECK.replace("    kind: qa\n", f"    kind: qa\n    tags: [{LONG_TAG}]\n", 1)
    workspace, _ = make_workspace(tmp_path, deck_text)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 20)) as pilot:
        results = await _to_results(pilot, app)
        table = results.query_one("#results-breakdown", DataTable)
        titles = [str(column.label) for column in table.columns.values()]
        assert titles[-1] == "Score"
        assert table.virtual_size.width <= table.scrollable_content_region.width
        # The score's lines come first (an exam ended early says why it is not compared
        # with its forecast); the table starts on screen and scrolls into view whole.
        assert table.region.y + 2 <= app.size.height - 1
        results.query_one("#results-breakdown").scroll_visible(animate=False)
        await pilot.pause()
        assert on_screen(app, table)
        labels = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert all(isinstance(label, Text) for label in labels)
        tag = next(str(label) for label in labels if str(label).startswith("tag: "))
        assert tag.endswith("…") and LONG_TAG.startswith(tag[5:-1]), tag
        text = bar(app)
        for key in ("r Re-drill", "p Push", "esc Home", "? Help"):
            assert key in text, text


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_notifications_leave_the_results_score_free(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """At the top right a toast ("Already pushed.") covered the end of the score's lines:
    on results toasts sit at the bottom right, over the missed list, above the key bar."""
    app = app_for(tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await _to_results(pilot, app)
        app.notify(TOAST)
        await pilot.pause()
        _toasts_clear_of(app, "#results-score", KeyBar)


TOAST = "Buried until tomorrow: a long enough message to wrap onto a second line (u undoes)"


def _toasts_clear_of(app: StudyApp, *selectors: str | type[Widget]) -> None:
    toasts = list(app.screen.query(Toast))
    assert toasts
    for selector in selectors:
        covered = app.screen.query_one(selector).region
        for toast in toasts:
            assert toast.region and not toast.region.overlaps(covered), (
                selector,
                toast.region,
                covered,
            )


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_notifications_leave_home_and_quiz_status_lines_free(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """QA: toasts covered the right end of home's "Today: ... Streak: ..." line (two lines
    below 84 columns), and the quiz's question count and time left."""
    from studyapp.tui.screens.quiz import QuizScreen

    app = app_for(tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_started(pilot)
        app.notify(TOAST)
        await pilot.pause()
        _toasts_clear_of(app, "#home-summary", KeyBar)
        app.clear_notifications()
        await pilot.press("q")
        await pilot.pause()
        app.screen.query_one("#quiz-start-custom", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        app.notify(TOAST)
        await pilot.pause()
        _toasts_clear_of(app, "#quiz-top", KeyBar)
