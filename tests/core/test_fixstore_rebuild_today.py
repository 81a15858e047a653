"""A progress file rebuilt from the history keeps today's counts: the new cards already
introduced today are not introduced a second time (home showed "15 new" again, not "12")."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.repair import recover_lost_states
from studyapp.core.stats.overview import deck_overviews
from studyapp.core.store.layout import SNAPSHOT
from studyapp.core.store.state import Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.queue import QueueCounts
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
SETTINGS = StudySettings.from_dict({"queue": {"new_per_day": 15}})


def deck(n: int = 40) -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": f"q{i}", "kind": "qa", "prompt": f"{i}?", "answer": str(i)} for i in range(n)
    ]
    return Deck.model_validate({"id": "k", "title": "K", "entries": entries})


CARDS = cards_for_deck(deck())
DECK_IDS = {card.id: card.deck_id for card in CARDS}


def left(store: ProgressStore, now: datetime) -> QueueCounts:
    """What home shows for the deck: new / learning / review left today."""
    overviews = deck_overviews(CARDS, store.states, store.recent_reviews(), SETTINGS, now, tz=UTC)
    return overviews["k"].left


def answer_new_cards(folder: Path, clock: ManualClock, count: int, *, fold: bool = True) -> None:
    """Introduce ``count`` new cards today through the real session; ``fold``: closing
    folds the answers into the history and the snapshot (else they stay in the journal)."""
    store = ProgressStore.open(folder, clock=clock)
    session = Session(store, CARDS, SETTINGS, clock=clock, rng=random.Random(1), tz=UTC)
    for _ in range(count):
        assert session.current() is not None
        session.answer(Rating.EASY, timedelta(seconds=3))
        clock.advance(timedelta(seconds=5))
    store.close(fold=fold)


def reopened(folder: Path, clock: ManualClock) -> ProgressStore:
    """The app's start after damage: open, then rebuild what the snapshot held."""
    store = ProgressStore.open(folder, clock=clock)
    assert store.snapshot_lost
    assert recover_lost_states(store, DECK_IDS, SETTINGS) is not None
    return store


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="cut-in-half"),
        pytest.param(lambda raw: b"[]", id="empty-list"),
        pytest.param(lambda raw: b"", id="empty-file"),
    ],
)
def test_rebuilt_store_counts_todays_new_cards(tmp_path: Path, damage: Any) -> None:
    clock = ManualClock(NOW)
    answer_new_cards(tmp_path, clock, 3)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        before = left(store, clock())
    assert before.new == 12  # 15 a day, 3 introduced
    snapshot = tmp_path / SNAPSHOT
    snapshot.write_bytes(damage(snapshot.read_bytes()))
    with reopened(tmp_path, clock) as store:
        assert left(store, clock()) == before
    with ProgressStore.open(tmp_path, clock=clock) as store:  # and saved so
        assert not store.snapshot_lost
        assert left(store, clock()) == before


def test_folded_and_journal_answers_count_once(tmp_path: Path) -> None:
    """Answers in the history (folded) and in the journal (not yet) add up, each once,
    and answers after the rebuild add to them."""
    clock = ManualClock(NOW)
    answer_new_cards(tmp_path, clock, 3)
    answer_new_cards(tmp_path, clock, 2, fold=False)
    (tmp_path / SNAPSHOT).write_bytes(b"garbage")
    with reopened(tmp_path, clock) as store:
        assert left(store, clock()).new == 10
        assert len({r.seq for r in store.recent_reviews()}) == len(store.recent_reviews()) == 5
    answer_new_cards(tmp_path, clock, 1)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        assert left(store, clock()).new == 9


def test_only_the_last_days_are_kept(tmp_path: Path) -> None:
    """Yesterday's answers count for nothing today; older ones are not held in memory."""
    clock = ManualClock(NOW - timedelta(days=5))
    answer_new_cards(tmp_path, clock, 4)
    clock.advance(timedelta(days=5))
    answer_new_cards(tmp_path, clock, 3)
    (tmp_path / SNAPSHOT).write_bytes(b"[]")
    with reopened(tmp_path, clock) as store:
        assert [r.at >= NOW for r in store.recent_reviews()] == [True] * 3
        assert left(store, clock()).new == 12
