"""Statistics on fixed histories."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.stats.report import compute_stats, due_forecast, mastery_by_deck
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)


def deck() -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": "q1", "kind": "qa", "prompt": "One?", "answer": "1"},
        {"id": "d1", "kind": "date", "event": "It happened", "date": "2020"},
        {"id": "f1", "kind": "figure", "measure": "Share", "value": 52, "unit": "%"},
    ]
    return Deck.model_validate({"id": "k", "title": "K", "entries": entries})


CARDS = cards_for_deck(deck())
QA, WHEN, WHAT, FIG = (c.id for c in CARDS)


def rec(
    seq: int, card: str, at: datetime, rating: Rating, phase: Phase = Phase.REVIEW
) -> ReviewRecord:
    return ReviewRecord(seq, card, at, rating, phase, took_ms=2000)


def history() -> list[ReviewRecord]:
    h = NOW - timedelta(hours=2)
    return [
        rec(1, QA, NOW - timedelta(days=20), Rating.GOOD, Phase.NEW),
        rec(2, QA, NOW - timedelta(days=10), Rating.AGAIN),  # 10 days ago: in 30d only
        rec(3, WHEN, NOW - timedelta(days=3), Rating.GOOD),  # in 7d and 30d
        rec(4, WHEN, NOW - timedelta(days=2), Rating.AGAIN),
        rec(5, WHAT, NOW - timedelta(days=1), Rating.GOOD),
        rec(6, FIG, h, Rating.GOOD),  # today
        rec(7, FIG, h, Rating.HARD, Phase.LEARNING),  # a learning step: not retention
        rec(8, "gone/x/y", h, Rating.AGAIN),  # a card no longer in any deck
    ]


def test_true_retention_windows() -> None:
    stats = compute_stats(history(), {}, CARDS, NOW, tz=UTC)
    assert (stats.retention[1].hits, stats.retention[1].total) == (1, 2)
    assert (stats.retention[7].hits, stats.retention[7].total) == (3, 5)
    assert (stats.retention[30].hits, stats.retention[30].total) == (3, 6)
    assert stats.retention[1].rate == 0.5


def test_reviews_per_day_and_streak() -> None:
    stats = compute_stats(history(), {}, CARDS, NOW, tz=UTC)
    per_day = dict(stats.reviews_per_day)
    assert len(stats.reviews_per_day) == 30 and stats.reviews_per_day[-1][0] == TODAY
    assert per_day[TODAY] == 3 and per_day[TODAY - timedelta(days=1)] == 1
    assert per_day[TODAY - timedelta(days=4)] == 0
    assert stats.streak.current == 4 and stats.streak.studied_today  # the 7th..10th
    assert stats.streak.longest == 4
    assert stats.total_reviews == 8
    assert stats.time_spent == timedelta(seconds=16)


def test_streak_continues_from_yesterday_until_today_is_studied() -> None:
    only_past = [r for r in history() if r.at < NOW - timedelta(hours=12)]
    streak = compute_stats(only_past, {}, CARDS, NOW, tz=UTC).streak
    assert streak.current == 3 and not streak.studied_today


def test_day_rollover_applies_to_stats() -> None:
    late = [rec(1, QA, datetime(2026, 3, 10, 3, 30, tzinfo=UTC), Rating.GOOD)]  # 03:30 UTC
    stats = compute_stats(late, {}, CARDS, NOW, tz=UTC, day_starts_at=4)
    assert dict(stats.reviews_per_day)[TODAY - timedelta(days=1)] == 1


def test_accuracy_by_kind() -> None:
    stats = compute_stats(history(), {}, CARDS, NOW, tz=UTC)
    assert set(stats.accuracy_by_kind) == {"qa", "date", "figure"}
    assert stats.accuracy_by_kind["date"].hits == 2 and stats.accuracy_by_kind["date"].total == 3
    assert stats.accuracy_by_kind["qa"].rate == 0.5
    assert stats.accuracy_by_kind["figure"].rate == 1.0


def state(card: str, phase: Phase, due: datetime | None, interval: int = 0, **kw: Any) -> CardState:
    return CardState(
        card, phase, due=due, last_review=NOW - timedelta(days=1), interval=interval, **kw
    )


def test_forecast_counts_overdue_today() -> None:
    states = [
        state(QA, Phase.REVIEW, NOW - timedelta(days=5), 3),
        state(WHEN, Phase.REVIEW, NOW + timedelta(days=2), 3),
        state(WHAT, Phase.LEARNING, NOW + timedelta(minutes=10)),
        state(FIG, Phase.REVIEW, NOW + timedelta(days=40), 40),  # beyond 30 days
        state("k/x/y", Phase.REVIEW, NOW, 3, suspended=True),
        CardState("k/new/y"),
    ]
    forecast = due_forecast(states, NOW, tz=UTC)
    assert forecast[0] == (TODAY, 2)
    assert forecast[2] == (TODAY + timedelta(days=2), 1)
    assert sum(n for _, n in forecast) == 3


def test_mastery_by_deck() -> None:
    states = {
        QA: state(QA, Phase.REVIEW, NOW, 30),
        WHEN: state(WHEN, Phase.REVIEW, NOW, 5, suspended=True),
        WHAT: state(WHAT, Phase.RELEARNING, NOW, 5),
    }
    m = mastery_by_deck(CARDS, states)["k"]
    assert (m.total, m.new, m.learning, m.young, m.mature, m.suspended) == (4, 1, 1, 1, 1, 1)
    assert m.mastered == 0.25


def test_stats_from_a_real_store(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path, clock=lambda: NOW) as store:
        prev = store.get(QA)
        new = state(QA, Phase.REVIEW, NOW + timedelta(days=3), 3)
        seq = store.record_review(prev, new, Rating.GOOD, NOW, timedelta(seconds=5)).seq
        store.fold()
        store.record_review(new, new, Rating.AGAIN, NOW, None)
        store.record_undo(seq + 1, new, NOW)  # undone: not counted
        stats = compute_stats(store.history(), store.states, CARDS, NOW, tz=UTC)
    assert stats.total_reviews == 1 and stats.time_spent == timedelta(seconds=5)
    assert stats.forecast[3] == (TODAY + timedelta(days=3), 1)
