"""Toasts on the question screens take rows of their own: none covers the card.

QA at 80x24: the start-up warning ("reviews.jsonl: the last change was only partly
written ...") sat on the options of an exam's question 1, over the card, for its twelve
seconds. On the study and quiz screens toasts now have a band above the status line,
and the card gives up those rows while one shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets._toast import Toast

from tests.tui.conftest import screen_text
from tests.tui.test_quiz_flow import app_with_exam, open_exam
from tests.tui.test_study_small_terminals import (
    CONSERVATIVES,
    MILESTONES,
    PROGRESSIVES,
    app_with,
    settle,
    study,
)

WARNING = (
    "reviews.jsonl: the last change was only partly written (studyapp was stopped while "
    "saving it) and was dropped; every saved answer before it is kept"
)
SIZES = [(80, 24), (60, 20), (100, 30)]
size_ids = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


def covered(toasts: list[Toast], widgets: list[Widget]) -> list[str]:
    return [
        f"{widget.id} under {toast.region}"
        for toast in toasts
        for widget in widgets
        if widget.display and toast.region.overlaps(widget.region)
    ]


@size_ids
async def test_a_long_warning_leaves_the_exam_question_and_its_options_free(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app, _ = app_with_exam(tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        quiz = await open_exam(pilot, app)
        app.notify(WARNING, severity="warning", timeout=12, markup=False)
        await settle(pilot)
        toasts = list(quiz.query(Toast))
        assert any("partly written" in str(t.render()) for t in toasts), screen_text(app)
        kept = [quiz.query_one(f"#{name}", Widget) for name in ("quiz-card", "quiz-top")]
        assert not covered(toasts, kept), screen_text(app)
        text = screen_text(app)
        assert "every saved answer before it is kept" in text  # the message is whole
        prompt = quiz.query_one("#quiz-prompt", Widget)
        assert prompt.region and kept[0].region.contains_region(prompt.region)


@size_ids
async def test_study_toasts_leave_the_card_and_the_status_line_free(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_with(tmp_path, PROGRESSIVES, CONSERVATIVES, MILESTONES)
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await study(pilot)
        app.notify(WARNING, severity="warning", timeout=12, markup=False)
        await pilot.press("enter")  # shown: the grades appear too
        await settle(pilot)
        toasts = list(screen.query(Toast))
        assert any("partly written" in str(t.render()) for t in toasts), screen_text(app)
        kept = [
            screen.query_one(f"#{name}", Widget) for name in ("study-card", "study-top", "grades")
        ]
        assert not covered(toasts, kept), screen_text(app)
        app.clear_notifications()
        await settle(pilot)
        assert not list(screen.query(Toast))
