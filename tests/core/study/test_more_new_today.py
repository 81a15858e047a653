"""``n`` ("10 more new cards today"): the limits raised hold for the rest of the study day
(kept with the settings), then are gone; the queue, and so home's counts, follow them."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from studyapp.core.decks.cards import Card, cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase, Rating
from studyapp.core.study.queue import build_queue, more_new_today
from studyapp.core.study.settings import StudySettings, TodayLimits

SEOUL = timezone(timedelta(hours=9))
NOW = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 12:00 in Seoul, study day 2 March
TODAY = date(2026, 3, 2)


def qa_cards(deck_id: str, n: int) -> list[Card]:
    entries: list[dict[str, Any]] = [
        {"id": f"q{i}", "kind": "qa", "prompt": f"Question {i}?", "answer": f"A{i}"}
        for i in range(n)
    ]
    return cards_for_deck(
        Deck.model_validate({"id": deck_id, "title": deck_id, "entries": entries})
    )


def new_answers(deck_id: str, n: int, at: datetime = NOW) -> list[ReviewRecord]:
    return [
        ReviewRecord(i + 1, f"{deck_id}/q{i}/answer", at, Rating.GOOD, Phase.NEW) for i in range(n)
    ]


def new_left(
    cards: list[Card], settings: StudySettings, recent: list[ReviewRecord], now: datetime = NOW
) -> int:
    queue = build_queue(cards, {}, recent, settings, now, rng=random.Random(1), tz=SEOUL)
    return len(queue.new)


def test_ten_more_for_the_rest_of_the_day_then_the_limit_as_set() -> None:
    cards = qa_cards("a", 60)
    settings = StudySettings()
    done = new_answers("a", 20)
    assert new_left(cards, settings, done) == 0
    more = more_new_today(settings, done, NOW, ["a"], tz=SEOUL)
    assert more.today == TodayLimits(TODAY, {"a": 30})
    assert new_left(cards, more, done) == 10
    # later that day (a new session, a restart: the same settings) they are still there
    evening = NOW + timedelta(hours=12)  # 00:00 in Seoul: before the 4 am rollover
    assert new_left(cards, more, done, evening) == 10
    # the next study day, the limit is the setting's again
    tomorrow = NOW + timedelta(days=1)
    assert new_left(cards, more, done, tomorrow) == 20
    assert more.new_limit("a", TODAY + timedelta(days=1)) == 20


def test_ten_more_come_on_top_of_what_today_introduced_even_with_a_lower_limit() -> None:
    lowered = StudySettings.from_dict({"queue": {"new_per_day": 5}})
    done = new_answers("a", 20)
    more = more_new_today(lowered, done, NOW, ["a"], tz=SEOUL)
    assert new_left(qa_cards("a", 60), more, done) == 10


def test_a_second_n_gives_ten_more_not_twenty() -> None:
    cards = qa_cards("a", 60)
    settings = StudySettings()
    once = more_new_today(settings, new_answers("a", 20), NOW, ["a"], tz=SEOUL)
    done = new_answers("a", 30)  # the ten studied
    twice = more_new_today(once, done, NOW, ["a"], tz=SEOUL)
    assert twice.today.new_per_day == {"a": 40}
    assert new_left(cards, twice, done) == 10


def test_each_deck_is_raised_from_its_own_limit_and_others_keep_theirs() -> None:
    cards = qa_cards("a", 60) + qa_cards("b", 60) + qa_cards("c", 60)
    settings = StudySettings().with_deck_overrides("b", new_per_day=3)
    done = new_answers("a", 20) + new_answers("b", 3)
    more = more_new_today(settings, done, NOW, ["a", "b"], tz=SEOUL)
    assert more.today.new_per_day == {"a": 30, "b": 13}
    queue = build_queue(cards, {}, done, more, NOW, rng=random.Random(1), tz=SEOUL)
    by_deck = {d: sum(c.startswith(f"{d}/") for c in queue.new) for d in "abc"}
    assert by_deck == {"a": 10, "b": 10, "c": 20}


def test_yesterdays_raised_limits_are_dropped_when_raised_again() -> None:
    yesterday = StudySettings(today=TodayLimits(TODAY - timedelta(days=1), {"a": 50, "b": 50}))
    more = more_new_today(yesterday, [], NOW, ["a"], tz=SEOUL)
    assert more.today == TodayLimits(TODAY, {"a": 30})


def test_the_day_follows_the_rollover_hour() -> None:
    late = datetime(2026, 3, 2, 18, 30, tzinfo=UTC)  # 03:30 on the 3rd in Seoul: still the 2nd
    more = more_new_today(StudySettings(), [], late, ["a"], tz=SEOUL)
    assert more.today.day == TODAY
    after = late + timedelta(minutes=30)  # 04:00: the 3rd
    assert new_left(qa_cards("a", 60), more, [], after) == 20


def test_raised_limits_round_trip_through_the_settings_file() -> None:
    more = more_new_today(StudySettings(), [], NOW, ["a"], tz=SEOUL)
    data = more.to_dict()
    assert data["today"] == {"day": "2026-03-02", "new_per_day": {"a": 30}}
    assert StudySettings.from_dict(data) == more
    assert "today" not in StudySettings().to_dict()  # a file without is as it was


@pytest.mark.parametrize(
    "today",
    [
        "soon",
        {"day": "2026-02-30", "new_per_day": {"a": 30}},
        {"day": 20260302, "new_per_day": {"a": 30}},
        {"day": "2026-03-02", "new_per_day": [30]},
    ],
)
def test_unreadable_raised_limits_are_none_not_bad_settings(today: Any) -> None:
    settings = StudySettings.from_dict({"queue": {"new_per_day": 7}, "today": today})
    assert settings.queue.new_per_day == 7 and settings.today == TodayLimits()


def test_bad_limits_of_a_day_are_left_out() -> None:
    data = {"day": "2026-03-02", "new_per_day": {"a": 30, "b": "x", "c": -1, "d": True}}
    assert TodayLimits.from_dict(data) == TodayLimits(TODAY, {"a": 30})
