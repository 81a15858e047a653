"""Readiness from home: the date is checked as home's dialog checks it; s studies the weakest."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from studyapp.core.config import ExamPlanPrefs
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.readiness import AskDialog, ReadinessScreen
from tests.tui.builders import make_workspace, wait_started


def _text(app: StudyApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)


async def test_a_past_or_today_date_is_refused_and_the_weakest_are_ready(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    workspace.save_config(
        workspace.config.with_exam("deck-small", ExamPlanPrefs(date="2025-06-25"))
    )
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        await pilot.press("e")  # one exam (the deck), dated: opens at once
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadinessScreen) and screen.spec.id == "deck-small"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "exam on 2025-06-25 (5 days from today)" in _text(app)
        assert len(screen.weakest) == 5 and not any(f.studied for f in screen.weakest)

        for typed, reason in (
            ("2025-06-20", "That is today: give a date after today"),
            ("2025-01-01", "2025-01-01 is in the past: give a date after today."),
        ):
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, AskDialog)
            app.screen.query_one(Input).value = typed
            await pilot.press("enter")
            await pilot.pause()
            dialog = app.screen  # it stays open and says why (test_fixscreens_readiness)
            assert isinstance(dialog, AskDialog)
            assert reason in str(dialog.query_one("#ask-error", Static).render())
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ReadinessScreen)
        assert workspace.config.exams["deck-small"].date == "2025-06-25"  # nothing stored wrong


async def test_a_short_plan_is_shown_first_then_the_time_it_would_take(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    prefs = ExamPlanPrefs(date="2025-06-22", minutes_per_day=1)
    workspace.save_config(workspace.config.with_exam("deck-small", prefs))
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        seen: list[str] = []
        for _ in range(50):  # the plan first, then the minutes a day it would take
            await pilot.pause(0.05)
            seen.append(_text(app))
            if "minutes a day (m: change your 1)" in seen[-1]:
                break
        assert "minutes a day (m: change your 1)" in seen[-1]
        assert "Working out the minutes" not in seen[-1]


async def test_the_exam_day_target_is_named_and_t_changes_it(tmp_path: Path) -> None:
    """QA: "125 of 125 cards at 90%" read as the desired retention (85% in Settings). The
    screen names the exam-day target, says it is not the desired retention, and t sets it."""
    workspace, _ = make_workspace(tmp_path)
    workspace.save_config(
        workspace.config.with_exam("deck-small", ExamPlanPrefs(date="2025-06-25"))
    )
    app = StudyApp(workspace, seed=0)
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = _text(app)
        assert "cards at the exam-day target)" in text
        assert "Exam-day target: 90% recall on each card on the day (t: change it" in text
        assert "not the desired retention in Settings" in text
        assert "cards at 90%" not in text

        app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, AskDialog)
        assert app.screen.query_one(Input).value == "90%"
        app.screen.query_one(Input).value = "150"
        await pilot.press("enter")
        await pilot.pause()
        assert any("a percentage from 1 to 99" in note for note in notes), notes
        assert workspace.config.exams["deck-small"].target is None  # nothing stored wrong

        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one(Input).value = "85%"
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert workspace.config.exams["deck-small"].target == 0.85
        assert workspace.config.exams["deck-small"].date == "2025-06-25"  # kept
        assert "Exam-day target: 85% recall" in _text(app)
