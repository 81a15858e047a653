"""Deterministic workspaces for Pilot and snapshot tests: fixed clock, tmp folders."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from studyapp.core.base.clock import ManualClock
from studyapp.core.workspace import Workspace, open_workspace

NOW = datetime(2025, 6, 20, 9, 0, tzinfo=UTC)

SMALL_DECK = """\
id: small
title: Small test deck
entries:
  - id: capital
    kind: qa
    prompt: What is the capital of South Korea?
    answer: Seoul
    source: Seoul is the capital of South Korea.
  - id: elected
    kind: date
    event: Lee Jae-myung is elected President of South Korea
    date: 2025-06-03
    prompt: When was Lee Jae-myung elected President of South Korea?
    variants: [when]
    explanation: The election was held on June 3, 2025.
  - id: share
    kind: figure
    measure: Share of conservatives prioritising future-oriented cooperation (EAI, January 2025)
    value: 55.5
    unit: "%"
  - id: first-call
    kind: choice
    prompt: Whom did President Lee call first on June 9, 2025?
    answer: Donald Trump
    distractors: [Ishiba Shigeru, Xi Jinping, Anthony Albanese]
  - id: markup
    kind: qa
    prompt: "[@click=app.quit]quit[/] [b]not bold[/b]"
    answer: "[red]literal[/red]"
"""


def make_workspace(
    tmp_path: Path, deck: str = SMALL_DECK, *, now: datetime = NOW, name: str = "small.yaml"
) -> tuple[Workspace, ManualClock]:
    folder = tmp_path / "decks"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(deck, encoding="utf-8")
    clock = ManualClock(now)
    workspace = open_workspace([str(folder)], progress=tmp_path / "progress", clock=clock)
    return workspace, clock


async def wait_started(pilot: Pilot[Any]) -> None:
    """Until start-up is over (StudyApp.started: the work that waits for the first
    frame, the streak and reading the decks, has begun) and that work is done."""
    app = pilot.app
    deadline = time.monotonic() + 10
    while not getattr(app, "started", True):
        assert time.monotonic() < deadline, "the app never finished starting"
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def grade_easy_until_done(pilot: Pilot[Any], study: Any, most: int = 12) -> None:
    """Answer every card of a study screen with Easy (shown with an empty Enter; on a
    choice card the right option picked first) until the session is done."""
    for _ in range(most):
        if study.phase == "done":
            return
        await pilot.press("enter")
        await pilot.pause()
        if study.phase == "question":  # a choice card: pick the answer
            assert study.card is not None
            await pilot.press(str(study.options.index(study.card.answer) + 1))
            await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
