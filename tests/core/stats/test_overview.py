"""Home's counts (the overview) and the study session's: one rule, one number everywhere."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cards import Card, cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.stats.overview import deck_overviews, deck_overviews_until
from studyapp.core.store.state import Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.queue import QueueCounts
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def make_cards(entries: int = 12) -> list[Card]:
    """qa, date (two siblings) and quote (two siblings) entries, in turn."""
    made: list[dict[str, Any]] = []
    for i in range(entries):
        if i % 3 == 0:
            made.append({"id": f"q{i}", "kind": "qa", "prompt": f"Q{i}?", "answer": str(i)})
        elif i % 3 == 1:
            made.append({"id": f"d{i}", "kind": "date", "event": f"E{i}", "date": "2025-06-03"})
        else:
            made.append({"id": f"s{i}", "kind": "quote", "quote": f"Hi {i}", "speaker": "Kim"})
    deck = Deck.model_validate({"id": "k", "title": "K", "entries": made})
    return list(cards_for_deck(deck))


class Both:
    """A session and the home screen's overview over the same store and clock."""

    def __init__(self, folder: Path, settings: StudySettings, cards: list[Card]) -> None:
        self.clock = ManualClock(START)
        self.settings = settings
        self.cards = cards
        self.store = ProgressStore.open(folder, clock=self.clock)
        self.session = Session(
            self.store, cards, settings, clock=self.clock, rng=random.Random(1), tz=UTC
        )

    def home(self) -> QueueCounts:
        overviews = deck_overviews(
            self.cards, self.store.states, self.store.recent_reviews(), self.settings,
            self.clock(), tz=UTC,
        )  # fmt: skip
        return overviews["k"].left


@pytest.fixture
def both(tmp_path: Path) -> Iterator[Both]:
    settings = StudySettings.from_dict(
        {"scheduler": {"enable_fuzz": False}, "queue": {"new_per_day": 3}}
    )
    pair = Both(tmp_path, settings, make_cards())
    yield pair
    pair.store.close()


def test_a_buried_card_frees_its_place_on_home_and_in_the_session_alike(both: Both) -> None:
    """The session took a buried (or suspended) card out of the queue it keeps, while
    home counted from the store, where the next new card takes the freed place under
    the daily limit (as in Anki): home said one more new card than the study screen."""
    assert both.session.counts() == both.home() == QueueCounts(3, 0, 0)
    both.session.bury()
    assert both.session.counts() == both.home() == QueueCounts(3, 0, 0)
    both.session.suspend()
    assert both.session.counts() == both.home() == QueueCounts(3, 0, 0)
    both.session.undo()
    assert both.session.counts() == both.home()


def test_a_decks_learn_ahead_is_the_one_both_count_and_study_with(tmp_path: Path) -> None:
    """A deck may set its own learn-ahead window; home, the session's count and the
    card it shows all follow it (the global window was used by both, whatever the deck said)."""
    settings = StudySettings.from_dict({"scheduler": {"enable_fuzz": False}})
    settings = settings.with_deck_overrides("k", learn_ahead=0, new_per_day=1)
    pair = Both(tmp_path, settings, make_cards(1))
    try:
        pair.session.answer(Rating.AGAIN)  # due again in a minute
        assert pair.session.counts() == pair.home() == QueueCounts(0, 0, 0)
        assert pair.session.current() is None  # not shown ahead of time either
        assert pair.session.counts_change_at() == START + MIN
        pair.clock.advance(MIN)
        assert pair.session.counts() == pair.home() == QueueCounts(0, 1, 0)
        assert pair.session.current() is not None
    finally:
        pair.store.close()


def test_both_know_when_the_learning_count_grows_by_time_alone(both: Both) -> None:
    both.session.answer(Rating.GOOD)  # the next step in 10 minutes: counted at once
    both.session.answer(Rating.HARD)
    assert both.session.counts().learning == 2
    overviews, until = deck_overviews_until(
        both.cards, both.store.states, both.store.recent_reviews(), both.settings,
        both.clock(), tz=UTC,
    )  # fmt: skip
    assert overviews["k"].left == both.session.counts()
    assert until == both.session.counts_change_at()


def test_random_sessions_count_the_same_as_home_at_every_step(tmp_path: Path) -> None:
    """Answers, buries, suspends, undos and waits in a seeded random order: after each,
    the study screen's counts equal the home screen's."""
    settings = StudySettings.from_dict(
        {"scheduler": {"enable_fuzz": False}, "queue": {"new_per_day": 12}}
    )
    for seed in range(4):
        rng = random.Random(seed)
        pair = Both(tmp_path / str(seed), settings, make_cards(24))
        try:
            for _ in range(120):
                card = pair.session.current()
                assert pair.session.counts() == pair.home(), pair.clock()
                if card is None:
                    pair.clock.advance(rng.randint(1, 300) * MIN)
                    continue
                roll = rng.random()
                if roll < 0.05:
                    pair.session.bury()
                elif roll < 0.08:
                    pair.session.suspend()
                elif roll < 0.11 and pair.session.can_undo:
                    pair.session.undo()
                else:
                    pair.session.answer(Rating(rng.choice([1, 1, 2, 3, 3, 3, 4])))
                pair.clock.advance(timedelta(seconds=rng.randint(5, 900)))
        finally:
            pair.store.close()
