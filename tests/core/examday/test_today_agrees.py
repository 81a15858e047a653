"""Home, the study queue and the plan tell one story about today once an exam is dated.

The QA walk-through: after the day's 20 new cards, home said "0 new", the study
screen "26 new" and the plan "48 planned today" (still 48 after four more cards).
The plan keeps to the daily new-card limit, so the queue, which takes planned
cards first and counts them against that limit, never goes past it, and the plan's
today shrinks as its cards are answered.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp.core.base.clock import ManualClock
from studyapp.core.config import ExamPlanPrefs
from studyapp.core.examday.upcoming import Upcoming, planned_today, upcoming
from studyapp.core.stats.overview import deck_overviews_until
from studyapp.core.store.state import Phase, Rating
from studyapp.core.study.queue import study_day
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings
from studyapp.core.workspace import Workspace, open_workspace
from tests.conftest import REPO

START = datetime(2027, 5, 3, 12, 0, tzinfo=UTC)
DECK = "lee-pragmatic-diplomacy"
LIMIT = StudySettings().queue.new_per_day


def _exam(ws: Workspace, clock: ManualClock) -> Upcoming:
    """The deck's exam ten days ahead, as home works it out."""
    today = study_day(clock(), ws.config.study.queue.day_starts_at)
    prefs = {f"deck-{DECK}": ExamPlanPrefs(date=(today + timedelta(days=10)).isoformat())}
    decks = [loaded.deck for loaded in ws.decks.decks]
    found, problems = upcoming(
        [], decks, ws.cards, ws.store.states, ws.store.recent_reviews(),
        ws.config.study, prefs, now=clock(), today=today,
    )  # fmt: skip
    assert not problems
    (exam,) = found
    return exam


def _new(ws: Workspace, ids: tuple[str, ...]) -> int:
    return sum(1 for c in ids if ws.store.get(c).phase is Phase.NEW)


def _home_new(ws: Workspace, clock: ManualClock) -> int:
    overviews, _ = deck_overviews_until(
        ws.cards, ws.store.states, ws.store.recent_reviews(), ws.config.study, clock()
    )
    return overviews[DECK].left.new


def _session(ws: Workspace, clock: ManualClock, exam: Upcoming) -> Session:
    planned = planned_today([exam], exam.today)
    return Session(
        ws.store, ws.cards, ws.config.study, clock=clock, rng=random.Random(1),
        planned=planned.card_ids,
    )  # fmt: skip


def test_the_plan_learns_no_more_new_cards_today_than_the_limit_leaves(tmp_path: Path) -> None:
    clock = ManualClock(START)
    ws = open_workspace([str(REPO / "decks")], progress=tmp_path / "p", clock=clock)
    exam = _exam(ws, clock)
    planned_new = _new(ws, exam.planned_today)
    assert 0 < planned_new <= LIMIT
    session = _session(ws, clock, exam)
    assert session.counts().new == _home_new(ws, clock) == LIMIT
    # four of today's planned cards answered: the plan's today shrinks by them
    for _ in range(4):
        card = session.current()
        assert card is not None and card.id in exam.planned_today
        session.answer(Rating.GOOD, timedelta(seconds=5))
    again = _exam(ws, clock)
    assert _new(ws, again.planned_today) <= LIMIT - 4
    assert _new(ws, again.planned_today) < planned_new
    assert session.counts().new == _home_new(ws, clock) == LIMIT - 4
    session.close()
    ws.close()


def test_after_the_days_new_cards_the_plan_adds_none_and_the_queue_agrees(
    tmp_path: Path,
) -> None:
    clock = ManualClock(START)
    ws = open_workspace([str(REPO / "decks")], progress=tmp_path / "p", clock=clock)
    first = Session(ws.store, ws.cards, ws.config.study, clock=clock, rng=random.Random(2))
    while first.counts().new:  # the day's new cards, before the exam has a date
        first.answer(Rating.GOOD, timedelta(seconds=5))
    first.close()
    assert _home_new(ws, clock) == 0
    exam = _exam(ws, clock)
    assert _new(ws, exam.planned_today) == 0  # (was 48: past the limit)
    session = _session(ws, clock, exam)
    assert session.counts().new == 0  # (was "Left today: 26 new")
    session.close()
    ws.close()
