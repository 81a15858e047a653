"""Snapshots of quiz setup, a question, the exam review, results and help (100x30, 80x24)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from studyapp.core.base.clock import ManualClock
from studyapp.core.quiz.questions import QuestionFormat
from studyapp.core.workspace import load_exams
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizScreen
from tests.tui.builders import make_workspace, wait_started

SIZES = [(100, 30), (80, 24)]
EXAM = """\
id: small-exam
title: Small exam
questions: 4
formats: {choice: 1, true_false: 1, typed: 1}
time_limit_minutes: 10
pass_mark: 50
feedback: end
seed: 7
"""


def app_and_clock(tmp_path: Path) -> tuple[StudyApp, ManualClock]:
    workspace, clock = make_workspace(tmp_path)
    (tmp_path / "decks" / "small.exam.yaml").write_text(EXAM, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    return StudyApp(workspace, seed=0), clock


def app_for(tmp_path: Path) -> StudyApp:
    return app_and_clock(tmp_path)[0]


async def settle(pilot: Pilot[Any]) -> None:
    await wait_started(pilot)  # the streak, counted after the first frame


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quiz_setup(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quiz_question(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("q", "enter")
        await pilot.pause()
        quiz = pilot.app.screen
        quiz._ticker.stop()  # type: ignore[attr-defined]
        quiz.query_one("#quiz-timer").update("time left 10m 00s")  # type: ignore[attr-defined]

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_results(
    snap_compare: Any, tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the hint names the deck's path from here: the same every run
    app, clock = app_and_clock(tmp_path)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("q", "enter")
        await pilot.pause()
        quiz = pilot.app.screen
        assert isinstance(quiz, QuizScreen)
        for number in range(len(quiz.questions)):
            question = quiz.question
            clock.advance(timedelta(seconds=5))
            if number == 0:
                quiz.record("wrong answer" if question.format is QuestionFormat.TYPED else 0)
            elif question.format is QuestionFormat.CHOICE:
                assert question.answer_index is not None
                quiz.record(question.answer_index)
            elif question.format is QuestionFormat.TRUE_FALSE:
                quiz.record(question.answer == "True")
            else:
                quiz.record(question.key.answer)
            await pilot.pause()
        await pilot.press("s")  # submit from the review that follows the last question
        await pilot.pause()
        screen = pilot.app.screen
        score = screen.query_one("#results-score", Static)
        score.update(str(score.render()).split("\nSaved")[0])

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_exam_review(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    """The review before submitting: one answered, one flagged, two unanswered."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("q", "enter")
        await pilot.pause()
        quiz = pilot.app.screen
        assert isinstance(quiz, QuizScreen)
        assert quiz._ticker is not None
        quiz._ticker.stop()
        quiz.record(0 if quiz.question.format is QuestionFormat.CHOICE else "an answer")
        await pilot.pause()
        await pilot.press("ctrl+f", "ctrl+r")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s", "f1")  # ? would type into the answer box
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_readiness(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    from studyapp.core.config import ExamPlanPrefs

    app, clock = app_and_clock(tmp_path)
    day = (clock() + timedelta(days=6)).date().isoformat()
    workspace = app.workspace
    workspace.config = workspace.config.with_exam("small-exam", ExamPlanPrefs(day, 5))

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
