"""Workspaces for the browse, stats and settings tests: tmp decks and progress, a fixed clock.

Everything is deterministic: the clock is a ManualClock at :data:`NOW`, the
host time zone is UTC (tests/conftest.py), review histories are generated from
a seeded ``random.Random`` through the real scheduler, and the app gets
``seed=0``. The config folder is the per-test ``STUDYAPP_CONFIG``, so a second
workspace opened in the same test reads the settings the first one saved.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from msgspec import structs
from rich.console import Console
from textual.app import App

from studyapp.core.base.clock import ManualClock
from studyapp.core.store.state import Phase, Rating
from studyapp.core.study.queue import study_day
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.workspace import Workspace, open_workspace
from studyapp.tui.app import StudyApp

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

HISTORY_DECK = """\
id: history
title: "Modern history [b]notes[/b]"
entries:
  - id: moon
    kind: date
    tags: [dates, space]
    event: Apollo 11 lands on the Moon
    date: 1969-07-20
    source: On 20 July 1969 Apollo 11 landed on the Moon.
  - id: wall
    kind: date
    tags: [dates, europe]
    event: The Berlin Wall falls
    date: 1989-11-09
  - id: turnout
    kind: figure
    tags: [figures]
    measure: Turnout in the 2025 South Korean presidential election
    value: 79.4
    unit: "%"
  - id: churchill
    kind: quote
    tags: [quotes, europe]
    quote: We shall fight on the beaches
    speaker: Winston Churchill
    context: House of Commons, June 1940
  - id: markup
    kind: qa
    tags: [safety]
    prompt: "[@click=app.quit]quit[/]"
    answer: "[b]literal[/b]"
    source: "A card that reads [@click=app.quit]quit[/] must show exactly that."
  - id: treaty
    kind: cloze
    tags: [europe]
    text: The Treaty of {{Rome}} founded the EEC in {{1957}}.
  - id: first
    kind: choice
    tags: [space]
    prompt: Who was the first person in space?
    answer: Yuri Gagarin
    distractors: [Alan Shepard, John Glenn]
  - id: sequence
    kind: order
    tags: [dates]
    prompt: Put these in order
    events: [Moon landing, Fall of the Berlin Wall, Euro notes introduced]
"""

GEO_DECK = """\
id: geo
title: Capitals
entries:
  - id: france
    kind: qa
    tags: [europe, capitals]
    prompt: What is the capital of France?
    answer: Paris
  - id: japan
    kind: qa
    tags: [asia, capitals]
    prompt: What is the capital of Japan?
    answer: Tokyo
  - id: korea
    kind: qa
    tags: [asia, capitals]
    prompt: What is the capital of South Korea?
    answer: Seoul
  - id: peru
    kind: qa
    tags: [americas, capitals]
    prompt: What is the capital of Peru?
    answer: Lima
"""


@dataclass
class TuiEnv:
    """One test's folders and clock; opens workspaces and apps over them."""

    root: Path
    clock: ManualClock

    @property
    def deck_dir(self) -> Path:
        return self.root / "decks"

    @property
    def progress(self) -> Path:
        return self.root / "progress"

    def workspace(self) -> Workspace:
        """A fresh workspace over the same decks, progress and config (a "restart")."""
        return open_workspace(
            [str(self.deck_dir)], progress=self.progress, clock=self.clock, use_cache=False
        )

    def app(self, workspace: Workspace | None = None) -> StudyApp:
        return StudyApp(workspace or self.workspace(), seed=0)


@pytest.fixture
def tui_env(tmp_path: Path) -> TuiEnv:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "history.yaml").write_text(HISTORY_DECK, encoding="utf-8")
    (folder / "geo.yaml").write_text(GEO_DECK, encoding="utf-8")
    return TuiEnv(tmp_path, ManualClock(NOW))


def seed_history(workspace: Workspace, *, days: int = 120, seed: int = 7) -> None:
    """Study most cards over the last ``days`` days through the real scheduler.

    Each card is first studied on a (seeded) random day, then answered whenever
    it falls due, mostly Good with some Again and Hard, until NOW. Every answer
    is recorded in the store as the app would record it, so states, history and
    statistics agree. The last card is left new and the one before it is in
    learning; one card is suspended, one buried, one marked a leech, so every
    browse state filter has something to find.
    """
    rng = random.Random(seed)
    store = workspace.store
    now = workspace.clock()
    cards = workspace.cards
    for card in cards[:-2]:
        scheduler = make_scheduler(workspace.config.study.for_deck(card.deck_id).scheduler)
        at = now - timedelta(days=rng.randint(3, days), minutes=rng.randint(0, 600))
        state = store.get(card.id)
        while at < now:
            roll = rng.random()
            rating = Rating.AGAIN if roll < 0.15 else Rating.HARD if roll < 0.25 else Rating.GOOD
            new = scheduler.answer(state, rating, at)
            store.record_review(state, new, rating, at, timedelta(seconds=rng.randint(3, 20)))
            state = new
            assert state.due is not None
            at = max(state.due, at + timedelta(minutes=1))
    learner = cards[-2]
    scheduler = make_scheduler(workspace.config.study.for_deck(learner.deck_id).scheduler)
    before = store.get(learner.id)
    at = now - timedelta(minutes=5)
    store.record_review(before, scheduler.answer(before, Rating.AGAIN, at), Rating.AGAIN, at)
    by_id = {c.id: c for c in cards}
    reviewed = [cid for cid, s in store.states.items() if cid in by_id and s.phase is Phase.REVIEW]
    suspended, buried, leech = reviewed[0], reviewed[1], reviewed[2]
    today = study_day(now, workspace.config.study.queue.day_starts_at)
    store.record_change(structs.replace(store.get(suspended), suspended=True), now, "suspend")
    store.record_change(structs.replace(store.get(buried), buried_until=today), now, "bury")
    store.record_change(
        structs.replace(store.get(leech), leech=True, lapses=max(8, store.get(leech).lapses)),
        now,
        "leech",
    )


def screen_text(app: App[Any]) -> str:
    """The text of the whole terminal as the user sees it (all layers, no styles)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()
