"""Snapshots of quiz setup, a quiz question, results and help, at 100x30 and 80x24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from studyapp.core.quiz.questions import QuestionFormat
from studyapp.core.workspace import load_exams
from studyapp.tui.app import StudyApp
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


def app_for(tmp_path: Path) -> StudyApp:
    workspace, _ = make_workspace(tmp_path)
    (tmp_path / "decks" / "small.exam.yaml").write_text(EXAM, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    return StudyApp(workspace, seed=0)


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
def test_results(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("q", "enter")
        await pilot.pause()
        quiz = pilot.app.screen
        for number in range(len(quiz.questions)):  # type: ignore[attr-defined]
            question = quiz.question  # type: ignore[attr-defined]
            quiz.shown_at = __import__("time").monotonic() - 5  # type: ignore[attr-defined]
            if number == 0:
                quiz.record("wrong answer" if question.format is QuestionFormat.TYPED else 0)  # type: ignore[attr-defined]
            elif question.format is QuestionFormat.CHOICE:
                quiz.record(question.answer_index)  # type: ignore[attr-defined]
            elif question.format is QuestionFormat.TRUE_FALSE:
                quiz.record(question.answer == "True")  # type: ignore[attr-defined]
            else:
                quiz.record(question.key.answer)  # type: ignore[attr-defined]
            await pilot.pause()
        screen = pilot.app.screen
        screen.query_one("#results-score").update(  # type: ignore[attr-defined]
            str(screen.query_one("#results-score").render()).split("\nSaved")[0]  # type: ignore[attr-defined]
        )

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s", "f1")  # ? would type into the answer box
        await pilot.pause()

    assert snap_compare(app_for(tmp_path), terminal_size=size, run_before=run_before)
