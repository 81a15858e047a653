"""Home: broken decks are listed while the good ones work; r reloads after a fix."""

from __future__ import annotations

import gc
from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from studyapp.core.base import gcpause
from studyapp.core.config import ExamPlanPrefs
from studyapp.core.workspace import load_exams, open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from tests.tui.builders import SMALL_DECK, make_workspace, wait_started

BROKEN = "id: second\ntitle: Second deck\nentries:\n  - id: a\n    kind: qa\n    prompt: Q?\n"


async def test_broken_deck_listed_then_fixed_and_reloaded(tmp_path: Path) -> None:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "second.yaml").write_text(BROKEN, encoding="utf-8")
    workspace, _ = make_workspace(tmp_path, SMALL_DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        failures = str(app.screen.query_one("#home-failures", Static).render())
        assert "second.yaml:4:5: entries[0].answer: missing required field 'answer'" in failures
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert list(home.rows) == ["small"]

        (tmp_path / "decks" / "second.yaml").write_text(
            BROKEN + "    answer: A\n", encoding="utf-8"
        )
        await pilot.press("r")
        await pilot.pause()
        assert not app.screen.query_one("#home-failures", Static).display
        assert list(home.rows) == ["second", "small", "*all*"]  # file order
        table = home.query_one("#home-decks", OptionList)
        assert [option.id for option in table.options] == list(home.rows)


async def test_help_lists_the_keys_of_the_screen(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from studyapp.tui.screens.help import HelpDialog

        assert isinstance(app.screen, HelpDialog)
        rows = [f"{key} {does}" for key, does in app.screen.rows()]
        assert any(r.startswith("s Study the highlighted deck") for r in rows)
        assert any("command palette" in r.lower() for r in rows)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query("#home-decks")


async def test_main_actions_are_in_the_command_palette(tmp_path: Path) -> None:
    from studyapp.tui.screens.quiz import QuizSetupScreen

    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Quiz or exam")
        for _ in range(20):  # the palette searches asynchronously
            await pilot.pause(0.1)
            await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause(0.1)
            if isinstance(app.screen, QuizSetupScreen):
                break
        assert isinstance(app.screen, QuizSetupScreen)


async def test_home_opens_browse_stats_and_settings(tmp_path: Path) -> None:
    from studyapp.tui.screens.browse import BrowseScreen
    from studyapp.tui.screens.home import HomeScreen
    from studyapp.tui.screens.settings import SettingsScreen
    from studyapp.tui.screens.stats import StatsScreen

    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        for key, screen_type in (
            ("b", BrowseScreen),
            ("t", StatsScreen),
            ("comma", SettingsScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            await app.workers.wait_for_complete()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_start_up_ends_the_collector_pause_once_the_first_frame_is_out(
    tmp_path: Path,
) -> None:
    """The ``studyapp`` command starts with the collector paused (gcpause); the app
    ends the pause after its first frame, then counts the streak and reads the decks."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    gcpause.pause_for_start()
    try:
        assert not gc.isenabled()
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_started(pilot)
            assert app.started and gc.isenabled() and gc.get_freeze_count() > 0
            assert "Streak: 0 days" in str(app.screen.query_one("#home-summary", Static).content)
            assert all(loaded.is_read for loaded in workspace.decks.decks)
    finally:
        gcpause.end_start_pause()
        gc.unfreeze()
        gc.enable()


async def test_a_folder_whose_only_deck_is_broken_says_the_deck_failed_and_where(
    tmp_path: Path,
) -> None:
    """Home said "No decks found. Put .yaml decks in ./decks" above the very error it had
    found in the only deck: it says the deck failed to load, and where (file:line:col)."""
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "second.yaml").write_text(BROKEN, encoding="utf-8")
    workspace = open_workspace([str(folder)], progress=tmp_path / "progress")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert "No decks found" not in summary
        assert "failed to load" in summary and "second.yaml:4:5" in summary, summary
        assert "press r" in summary
        failures = str(app.screen.query_one("#home-failures", Static).render())
        assert "second.yaml:4:5: entries[0].answer" in failures
        (folder / "second.yaml").write_text(BROKEN + "    answer: A\n", encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        summary = str(app.screen.query_one("#home-summary", Static).render())
        assert summary.startswith("Today: 0 due · 0 learning · 1 new"), summary


# ------------------------------------------------------------------ exams


EXAM_SPEC = """\
id: small-exam
title: Small exam
questions: 4
"""


def _home_text(app: StudyApp) -> str:
    widget = app.screen.query_one("#home-exams", Static)
    return str(widget.render()) if widget.display else ""


async def test_an_exam_date_set_from_home_is_checked_then_readiness_shows_beside_it(
    tmp_path: Path,
) -> None:
    from studyapp.tui.screens.exam_date import ExamDateDialog

    workspace, clock = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        assert _home_text(app) == ""  # no exam has a date: nothing shown, nothing computed
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExamDateDialog)
        assert not dialog.query_one("#exam-date-exams", OptionList).display  # one exam: a deck
        error = dialog.query_one("#exam-date-error", Static)
        for typed, reason in (
            ("2025-06-19", "2025-06-19 is in the past: give a date after today."),
            ("2025-06-20", "That is today: give a date after today"),
            ("next week", "'next week' is not a date: write it as YYYY-MM-DD"),
        ):
            dialog.query_one(Input).value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog and error.display
            assert reason in str(error.render())
        assert "deck-small" not in workspace.config.exams  # nothing stored wrong

        dialog.query_one(Input).value = "2025-06-30"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert workspace.config.exams["deck-small"].date == "2025-06-30"
        await app.workers.wait_for_complete()
        await pilot.pause()
        line = _home_text(app)
        assert line.startswith("Small test deck: 2025-06-30 (10 days) · exam day: 25%, ")
        assert line.endswith("% with the plan · 5 planned today")
        home = app.screen
        assert isinstance(home, HomeScreen)
        planned = home.planned_today()
        assert planned.card_ids and planned.note().endswith("for the exam on 30 Jun")

        # The exam's day: no plan, nothing shown (the normal schedule only).
        clock.advance(timedelta(days=10))
        home.refresh_exams()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _home_text(app) == "" and not home.planned_today().card_ids


async def test_readiness_opens_from_home_for_the_exam_picked(tmp_path: Path) -> None:
    from studyapp.tui.screens.exam_date import ExamPickDialog
    from studyapp.tui.screens.readiness import ReadinessScreen

    workspace, _ = make_workspace(tmp_path)
    (tmp_path / "decks" / "small.exam.yaml").write_text(EXAM_SPEC, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    workspace.save_config(
        workspace.config.with_exam("small-exam", ExamPlanPrefs(date="2025-07-04"))
    )
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        assert _home_text(app).startswith("Small exam: 2025-07-04 (14 days) · exam day: 25%")
        await pilot.press("e")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ExamPickDialog)  # the exam, and the deck as a whole
        options = picker.query_one(OptionList)
        assert [o.id for o in options.options] == ["small-exam", "deck-small"]
        assert options.highlighted == 0  # the soonest dated exam
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        assert app.screen.spec.id == "small-exam"
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)
        assert "exam on 2025-07-04 (14 days from today)" in text


async def test_the_palette_offers_readiness_and_setting_an_exam_date(tmp_path: Path) -> None:
    from studyapp.tui.screens.exam_date import ExamDateDialog

    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Exam readiness" in titles and "Set an exam date" in titles
        assert "Help" in titles and "Keys" not in titles  # one command for the keys
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Set an exam date")
        for _ in range(20):  # the palette searches asynchronously
            await pilot.pause(0.1)
            await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause(0.1)
            if isinstance(app.screen, ExamDateDialog):
                break
        assert isinstance(app.screen, ExamDateDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert workspace.config.exams == {}


def test_an_exams_line_keeps_to_the_width_by_clipping_its_title() -> None:
    from datetime import date

    from rich.cells import cell_len

    from studyapp.core.examday.upcoming import Upcoming
    from studyapp.tui.screens.exam_date import exam_line

    exam = Upcoming(
        "x", "A very long exam title " * 4, date(2025, 6, 20), date(2025, 6, 21), 0.5, 0.91,
        ("a/b/c",),
    )  # fmt: skip
    for width in (96, 90):  # (narrower, the title keeps 16 cells and the line wraps)
        line = exam_line(exam, width)
        assert cell_len(line) <= width
        assert line.endswith(
            ": 2025-06-21 (1 day) · exam day: 50%, 91% with the plan · 1 planned today"
        )
        assert "…" in line


def _broken(name: str, problems: int) -> str:
    """A deck whose every entry lacks its answer (one problem each)."""
    entries = "".join(f"  - id: e{i}\n    kind: qa\n    prompt: Q{i}?\n" for i in range(problems))
    return f"id: {name}\ntitle: {name}\nentries:\n{entries}"


async def test_many_deck_problems_can_be_scrolled_to_the_last(tmp_path: Path) -> None:
    """With 3 bad files at 100x30 the panel showed ~8 lines; the rest could not be
    reached (Tab, PgDn, End did nothing)."""
    folder = tmp_path / "decks"
    folder.mkdir()
    for name in ("one", "two", "three"):
        (folder / f"{name}.yaml").write_text(_broken(name, 4), encoding="utf-8")
    (folder / "markup.yaml").write_text(
        _broken("markup", 1).replace("Q0?", "'[b]Q[/b]'"), encoding="utf-8"
    )
    workspace, _ = make_workspace(tmp_path, SMALL_DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#home-failures", Static).render())
        panel = app.screen.query_one("#home-failures-box")
        assert text.count("missing required field 'answer'") == 13  # every one listed
        assert panel.max_scroll_y > 0 and panel.scroll_y == 0
        assert "Tab" in str(panel.border_subtitle)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is panel
        await pilot.press("pagedown")
        await pilot.wait_for_scheduled_animations()
        assert panel.scroll_y > 0
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        assert panel.scroll_y == panel.max_scroll_y
        assert "markup.yaml" in text  # the last file's problem, reached by scrolling
        await pilot.press("home")
        await pilot.wait_for_scheduled_animations()
        assert panel.scroll_y == 0


async def test_a_long_deck_title_gets_every_cell_the_counts_leave(tmp_path: Path) -> None:
    """At 100 columns a small collection's counts need about 34 cells: the title is cut
    where they begin, not 5 cells early (the bundled deck's "(nippon…" had room for more)."""
    title = "A very long deck title about pragmatic diplomacy (a news site, 2025)"
    workspace, _ = make_workspace(
        tmp_path, SMALL_DECK.replace("title: Small test deck", f"title: {title}")
    )
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        shown = home.rows["small"][0]
        assert shown.endswith("…") and title.startswith(shown[:-1])
        assert len(shown) >= 50
