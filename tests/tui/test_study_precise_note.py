""" "Please be precise" (a typed answer that reads two ways) goes once it no longer applies:
a walk-through saw it stay on screen over the next, correct answer's verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.study import StudyScreen
from tests.tui.builders import make_workspace, wait_started
from tests.tui.conftest import screen_text

DECK = """\
id: days
title: Days
entries:
  - id: landing
    kind: date
    event: A date to remember
    date: 2025-06-07
    variants: [when]
  - id: treaty
    kind: date
    event: Another date to remember
    date: 2024-03-04
    variants: [when]
"""
TITLE = "Please be precise"


def phase(study: StudyScreen) -> str:
    return study.phase


@pytest.fixture(autouse=True)
def _patient_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The note must go because it no longer applies, not by time."""
    monkeypatch.setattr(StudyApp, "NOTIFICATION_TIMEOUT", 120)


def _study(tmp_path: Path) -> StudyApp:
    workspace, _ = make_workspace(tmp_path, DECK, name="days.yaml")
    return StudyApp(workspace, seed=0)


async def test_the_note_goes_when_the_next_answer_is_checked(tmp_path: Path) -> None:
    app = _study(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_started(pilot)
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen) and study.card is not None
        right = "7 June 2025" if study.card.id.endswith("landing/when") else "4 March 2024"
        ambiguous = "6/7/2025" if study.card.id.endswith("landing/when") else "3/4/2024"
        await pilot.press(*ambiguous, "enter")
        await pilot.pause()
        assert phase(study) == "question" and TITLE in screen_text(app)
        study._field.value = ""
        await pilot.press(*right, "enter")
        await pilot.pause()
        assert phase(study) == "judged"
        assert TITLE not in screen_text(app)


async def test_the_note_goes_when_the_answer_is_revealed_or_the_card_changes(
    tmp_path: Path,
) -> None:
    app = _study(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_started(pilot)
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen) and study.card is not None
        first = study.card.id
        ambiguous = "6/7/2025" if first.endswith("landing/when") else "3/4/2024"
        await pilot.press(*ambiguous, "enter")
        await pilot.pause()
        assert TITLE in screen_text(app)
        study.action_reveal()
        await pilot.pause()
        assert phase(study) == "revealed" and TITLE not in screen_text(app)
        await pilot.press("3")  # graded: the next card
        await pilot.pause()
        assert study.card is not None and study.card.id != first
        ambiguous = "6/7/2025" if study.card.id.endswith("landing/when") else "3/4/2024"
        await pilot.press(*ambiguous, "enter")
        await pilot.pause()
        assert TITLE in screen_text(app)
        await pilot.press("ctrl+z")  # undo: back to the first card
        await pilot.pause()
        assert study.card is not None and study.card.id == first
        assert TITLE not in screen_text(app)
