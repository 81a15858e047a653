"""A session with an exam's plan: planned cards studied early, on that day only."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)


def test_a_planned_early_review_is_studied_today_and_not_again_tomorrow(tmp_path: Path) -> None:
    entries: list[dict[str, Any]] = [
        {"id": f"q{i}", "kind": "qa", "prompt": f"Q{i}?", "answer": f"A{i}"} for i in range(3)
    ]
    deck = Deck.model_validate({"id": "a", "title": "A", "entries": entries})
    cards = cards_for_deck(deck)
    clock = ManualClock(NOW)
    store = ProgressStore.open(tmp_path / "p")
    with store:
        for card in cards:
            store.record_change(
                CardState(
                    card.id, Phase.REVIEW, due=NOW + timedelta(days=6),
                    last_review=NOW - timedelta(days=4), stability=10.0, difficulty=5.0,
                    interval=10, reps=3,
                ),
                NOW,
                "test",
            )  # fmt: skip
        session = Session(
            store, cards, StudySettings(), clock=clock, rng=random.Random(0), tz=UTC,
            planned=[cards[1].id],
        )  # fmt: skip
        assert session.planned == (cards[1].id,)
        card = session.current()
        assert card is not None and card.id == cards[1].id
        outcome = session.answer(Rating.GOOD)
        assert outcome.previous.due is not None and outcome.previous.due > NOW  # early
        assert outcome.state.last_review == NOW
        assert session.current() is None
        clock.advance(timedelta(days=1))
        assert session.current() is None and session.planned == ()  # no stale plan
