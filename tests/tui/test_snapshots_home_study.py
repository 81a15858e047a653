"""Snapshots of home and study, light and dark, at 100x30 and 80x24; dark at 60x20."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from msgspec import structs
from textual.pilot import Pilot

from studyapp.tui.app import StudyApp
from tests.tui.builders import make_workspace, wait_started

SIZES = [(100, 30), (80, 24)]
THEMES = ["textual-dark", "textual-light"]


def app_for(tmp_path: Path, theme: str) -> StudyApp:
    workspace, _ = make_workspace(tmp_path)
    workspace.config = structs.replace(workspace.config, theme=theme)
    return StudyApp(workspace, seed=0)


async def settle(pilot: Pilot[Any]) -> None:
    await wait_started(pilot)  # the streak, counted after the first frame


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES)
def test_home(snap_compare: Any, tmp_path: Path, theme: str, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(tmp_path, theme), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES)
def test_study_question(
    snap_compare: Any, tmp_path: Path, theme: str, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path, theme), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES)
def test_study_judged_with_diff(
    snap_compare: Any, tmp_path: Path, theme: str, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s")
        await pilot.press(*"Seol", "enter")
        await pilot.pause()

    assert snap_compare(app_for(tmp_path, theme), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_study_done(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s")
        study = pilot.app.screen
        for _ in range(12):
            if getattr(study, "phase", "done") == "done":
                break
            await pilot.press("enter")
            await pilot.pause()
            if study.phase == "question":  # type: ignore[attr-defined]
                card = study.card  # type: ignore[attr-defined]
                await pilot.press(str(study.options.index(card.answer) + 1))  # type: ignore[attr-defined]
            await pilot.press("4")
            await pilot.pause()

    assert snap_compare(
        app_for(tmp_path, "textual-dark"), terminal_size=size, run_before=run_before
    )


SMALL = (60, 20)
"""The smallest terminal studyapp is made for: every screen is also snapshot there."""


def test_home_at_60x20(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app_for(tmp_path, "textual-dark"), terminal_size=SMALL, run_before=settle)


def test_study_question_at_60x20(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(
        app_for(tmp_path, "textual-dark"), terminal_size=SMALL, run_before=run_before
    )


def test_study_answer_shown_at_60x20(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s")
        await pilot.press("enter")  # an empty answer: the answer and the grades
        await pilot.pause()

    assert snap_compare(
        app_for(tmp_path, "textual-dark"), terminal_size=SMALL, run_before=run_before
    )
