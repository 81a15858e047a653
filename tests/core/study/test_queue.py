"""Today's queue: study days, daily limits, siblings, bury/suspend, learning steps."""

from __future__ import annotations

import itertools
import random
from collections.abc import Collection
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from studyapp.core.decks.cards import Card, cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.study.queue import (
    StudyQueue,
    build_queue,
    day_counts,
    day_start,
    leech_threshold_met,
    study_day,
)
from studyapp.core.study.settings import StudySettings

SEOUL = timezone(timedelta(hours=9))
NOW = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 12:00 in Seoul
TODAY = date(2026, 3, 2)


def qa_deck(deck_id: str, n: int) -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": f"q{i}", "kind": "qa", "prompt": f"Question {i}?", "answer": f"A{i}"}
        for i in range(n)
    ]
    return Deck.model_validate({"id": deck_id, "title": deck_id, "entries": entries})


def date_deck() -> Deck:
    return Deck.model_validate(
        {
            "id": "dates",
            "title": "Dates",
            "entries": [
                {"id": "e1", "kind": "date", "event": "One", "date": "2001"},
                {"id": "e2", "kind": "date", "event": "Two", "date": "2002"},
            ],
        }
    )


def review(card_id: str, due: datetime, **kw: Any) -> CardState:
    return CardState(
        card_id=card_id,
        phase=kw.pop("phase", Phase.REVIEW),
        due=due,
        last_review=due - timedelta(days=3),
        stability=3.0,
        difficulty=5.0,
        interval=3,
        reps=3,
        **kw,
    )


def record(card_id: str, at: datetime, phase: Phase = Phase.NEW, seq: int = 1) -> ReviewRecord:
    return ReviewRecord(seq, card_id, at, Rating.GOOD, phase)


def queue(
    cards: list[Card],
    states: dict[str, CardState] | None = None,
    recent: list[ReviewRecord] | None = None,
    settings: StudySettings | None = None,
    now: datetime = NOW,
) -> StudyQueue:
    return build_queue(
        cards,
        states or {},
        recent or [],
        settings or StudySettings(),
        now,
        rng=random.Random(1),
        tz=SEOUL,
    )


# ------------------------------------------------------------------ study days


def test_study_day_rolls_over_at_4_am_local() -> None:
    at = datetime(2026, 3, 2, 18, 59, tzinfo=UTC)  # 03:59 on the 3rd in Seoul
    assert study_day(at, 4, SEOUL) == date(2026, 3, 2)
    assert study_day(at + timedelta(minutes=1), 4, SEOUL) == date(2026, 3, 3)
    assert study_day(at, 0, SEOUL) == date(2026, 3, 3)
    assert day_start(date(2026, 3, 3), 4, SEOUL) == at + timedelta(minutes=1)


def test_day_start_follows_daylight_saving() -> None:
    ny = ZoneInfo("America/New_York")
    before = day_start(date(2026, 3, 7), 4, ny)
    after = day_start(date(2026, 3, 9), 4, ny)
    assert before.hour == 9 and after.hour == 8  # EST then EDT, both 04:00 local
    assert study_day(after - timedelta(seconds=1), 4, ny) == date(2026, 3, 8)


def test_leech_threshold_like_anki() -> None:
    assert [n for n in range(20) if leech_threshold_met(n, 8)] == [8, 12, 16]
    assert [n for n in range(8) if leech_threshold_met(n, 3)] == [3, 5, 7]
    assert not any(leech_threshold_met(n, 0) for n in range(20))


# ---------------------------------------------------------------- daily limits


def test_new_limit_per_deck() -> None:
    cards = cards_for_deck(qa_deck("a", 30)) + cards_for_deck(qa_deck("b", 5))
    q = queue(cards)
    assert len([c for c in q.new if c.startswith("a/")]) == 20
    assert len([c for c in q.new if c.startswith("b/")]) == 5
    assert q.new[:3] == ("a/q0/answer", "a/q1/answer", "a/q2/answer")  # deck order


def test_new_cards_answered_today_count_against_the_limit() -> None:
    cards = cards_for_deck(qa_deck("a", 30))
    recent = [record(f"a/q{i}/answer", NOW - timedelta(hours=1), seq=i) for i in range(5)]
    recent.append(record("a/q6/answer", NOW - timedelta(days=1)))  # yesterday: not counted
    states = {r.card_id: review(r.card_id, NOW + timedelta(days=2)) for r in recent}
    assert len(queue(cards, states, recent).new) == 15


def test_review_limit_and_per_deck_override() -> None:
    cards = cards_for_deck(qa_deck("a", 250))
    states = {c.id: review(c.id, NOW - timedelta(days=1)) for c in cards}
    assert len(queue(cards, states).reviews) == 200
    settings = StudySettings().with_deck_overrides("a", reviews_per_day=50)
    assert len(queue(cards, states, settings=settings).reviews) == 50


def test_reviews_ordered_by_due_day_then_seeded_random() -> None:
    cards = cards_for_deck(qa_deck("a", 10))
    states = {c.id: review(c.id, NOW - timedelta(days=i % 3)) for i, c in enumerate(cards)}
    first = queue(cards, states).reviews
    assert first == queue(cards, states).reviews  # same seed, same order
    days = [study_day(states[c].due or NOW, 4, SEOUL) for c in first]
    assert days == sorted(days)


def test_future_reviews_are_not_due() -> None:
    cards = cards_for_deck(qa_deck("a", 2))
    states = {
        "a/q0/answer": review("a/q0/answer", NOW + timedelta(hours=20)),  # tomorrow (Seoul)
        "a/q1/answer": review("a/q1/answer", NOW + timedelta(hours=12)),  # later today
    }
    assert queue(cards, states).reviews == ("a/q1/answer",)


def test_day_counts() -> None:
    recent = [
        record("a/q0/answer", NOW, Phase.NEW, 1),
        record("a/q0/answer", NOW, Phase.LEARNING, 2),
        record("a/q1/answer", NOW, Phase.REVIEW, 3),
        record("b/q1/answer", NOW, Phase.REVIEW, 4),
    ]
    counts = day_counts(recent, TODAY, 4, SEOUL)
    assert counts.new == {"a": 1}
    assert counts.reviews == {"a": 1, "b": 1}
    assert counts.siblings == {"a/q0", "a/q1", "b/q1"}


# -------------------------------------------------------------------- siblings


def test_one_new_sibling_per_entry() -> None:
    q = queue(cards_for_deck(date_deck()))
    assert q.new == ("dates/e1/when", "dates/e2/when")


def test_siblings_of_a_card_answered_today_wait_for_tomorrow() -> None:
    cards = cards_for_deck(date_deck())
    states = {
        "dates/e1/when": review("dates/e1/when", NOW + timedelta(days=2)),
        "dates/e1/what": review("dates/e1/what", NOW - timedelta(days=1)),
    }
    recent = [record("dates/e1/when", NOW - timedelta(minutes=5), Phase.REVIEW)]
    assert "dates/e1/what" not in queue(cards, states, recent).reviews
    assert "dates/e1/what" in queue(cards, states, []).reviews
    no_bury = StudySettings().with_deck_overrides("dates", bury_siblings=False)
    assert "dates/e1/what" in queue(cards, states, recent, no_bury).reviews


# --------------------------------------------------------- learning, bury, suspend


def test_learning_cards_due_today() -> None:
    cards = cards_for_deck(qa_deck("a", 3))
    states = {
        "a/q0/answer": review(
            "a/q0/answer", NOW + timedelta(minutes=10), phase=Phase.LEARNING, step=1
        ),
        "a/q1/answer": review(
            "a/q1/answer", NOW - timedelta(days=2), phase=Phase.RELEARNING, step=0
        ),
        "a/q2/answer": review("a/q2/answer", NOW + timedelta(days=2), phase=Phase.LEARNING, step=0),
    }
    q = queue(cards, states)
    assert [cid for _, cid in q.learning] == ["a/q1/answer", "a/q0/answer"]
    assert q.counts(NOW).learning == 1
    assert q.counts(NOW + timedelta(minutes=10)).learning == 2
    assert q.new == () and q.reviews == ()


def test_suspended_and_buried_cards_are_left_out() -> None:
    cards = cards_for_deck(qa_deck("a", 4))
    due = NOW - timedelta(days=1)
    states = {
        "a/q0/answer": review("a/q0/answer", due, suspended=True),
        "a/q1/answer": review("a/q1/answer", due, buried_until=TODAY),
        "a/q2/answer": review("a/q2/answer", due, buried_until=TODAY - timedelta(days=1)),
        "a/q3/answer": CardState("a/q3/answer", suspended=True),
    }
    q = queue(cards, states)
    assert q.reviews == ("a/q2/answer",)
    assert q.new == ()


def test_states_without_cards_are_ignored() -> None:
    cards = cards_for_deck(qa_deck("a", 1))
    states = {"gone/x/answer": review("gone/x/answer", NOW - timedelta(days=1))}
    q = queue(cards, states)
    assert q.reviews == () and q.new == ("a/q0/answer",)


@pytest.mark.parametrize("hour", [0, 4, 23])
def test_rollover_hour_is_configurable(hour: int) -> None:
    settings = StudySettings.from_dict({"queue": {"day_starts_at": hour}})
    q = queue(cards_for_deck(qa_deck("a", 1)), settings=settings)
    assert q.day == study_day(NOW, hour, SEOUL)


# -------------------------------------------------------------------- settings


def test_settings_round_trip_and_overrides() -> None:
    settings = StudySettings().with_deck_overrides(
        "a", new_per_day=5, desired_retention=0.85, learn_ahead=600
    )
    again = StudySettings.from_dict(settings.to_dict())
    assert again == settings
    deck = again.for_deck("a")
    assert deck.queue.new_per_day == 5 and deck.queue.learn_ahead == timedelta(minutes=10)
    assert deck.scheduler.desired_retention == 0.85
    other = again.for_deck("b")
    assert other.queue.new_per_day == 20 and other.scheduler.desired_retention == 0.9


@pytest.mark.parametrize(
    "data",
    [
        {"decks": {"a": {"new_per_dya": 5}}},
        {"queue": {"day_starts_at": 25}},
        {"queue": {"new_per_day": -1}},
        {"queue": {"leech_action": "delete"}},
        {"scheduler": {"algorithm": "sm17"}},
        {"scheduler": "fast"},
    ],
)
def test_bad_settings_are_refused(data: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        StudySettings.from_dict(data)


def test_new_cards_of_a_deck_written_kind_by_kind_come_interleaved() -> None:
    """A deck of dates then figures then quotes is not introduced as a run of one kind."""
    entries: list[dict[str, Any]] = [
        {"id": f"d{i}", "kind": "date", "event": f"Event {i}", "date": str(2000 + i)}
        for i in range(6)
    ]
    entries += [
        {"id": f"f{i}", "kind": "figure", "measure": f"Share {i}", "value": i + 10, "unit": "%"}
        for i in range(6)
    ]
    entries += [
        {"id": f"q{i}", "kind": "qa", "prompt": f"Question {i}?", "answer": f"A{i}"}
        for i in range(6)
    ]
    deck = Deck.model_validate({"id": "mixed", "title": "Mixed", "entries": entries})
    new = queue(cards_for_deck(deck)).new
    entries_in_order = [card_id.split("/")[1] for card_id in new]
    assert entries_in_order[:6] == ["d0", "f0", "q0", "d1", "f1", "q1"]
    kinds = [e[0] for e in entries_in_order]
    longest_run = max(len(list(run)) for _, run in itertools.groupby(kinds))
    assert longest_run == 1
    assert len(set(entries_in_order)) == len(entries_in_order)  # one card per entry a day


# ------------------------------------------------------------------------ leaks


def leak_deck() -> Deck:
    """The issue's case: Murayama's explanation names "Kan Naoto (2010)", Kan's date."""
    return Deck.model_validate(
        {
            "id": "war",
            "title": "Statements",
            "entries": [
                {
                    "id": "murayama",
                    "kind": "date",
                    "event": "Prime Minister Murayama issues his war anniversary statement",
                    "date": "1995",
                    "explanation": "Later statements repeated it: Kan Naoto (2010) and Abe.",
                },
                {"id": "other", "kind": "qa", "prompt": "Capital of Japan?", "answer": "Tokyo"},
                {
                    "id": "kan",
                    "kind": "date",
                    "event": "Prime Minister Kan Naoto issues a statement on Korea",
                    "date": "2010",
                    "variants": ["when"],
                },
            ],
        }
    )


def test_entries_linked_by_a_leak_are_not_both_new_on_one_day() -> None:
    cards = cards_for_deck(leak_deck())
    assert {c.entry_id: c.spaced for c in cards}["kan"] == ("murayama",)
    new = queue(cards).new
    assert "war/murayama/when" in new and "war/other/answer" in new
    assert not any(c.startswith("war/kan/") for c in new)  # its answer was just shown
    # The next day, Murayama answered yesterday and not due: Kan is introduced.
    states = {
        c.id: review(c.id, NOW + timedelta(days=5)) for c in cards if c.entry_id == "murayama"
    }
    recent = [record("war/murayama/when", NOW - timedelta(days=1))]
    assert "war/kan/when" in queue(cards, states, recent).new
    # ... but not on a day Murayama is answered or due (its explanation is shown then).
    today = [record("war/murayama/what", NOW - timedelta(minutes=5), Phase.REVIEW)]
    assert "war/kan/when" not in queue(cards, states, today).new
    due = {**states, "war/murayama/when": review("war/murayama/when", NOW - timedelta(hours=1))}
    assert "war/kan/when" not in queue(cards, due, recent).new
    # Like siblings, the spacing goes with bury_siblings.
    no_bury = StudySettings().with_deck_overrides("war", bury_siblings=False)
    assert "war/kan/when" in queue(cards, settings=no_bury).new


def test_a_leak_does_not_cost_the_day_its_new_cards() -> None:
    """A card held back by a leak leaves its place to the next new card."""
    deck = leak_deck()
    more = {"id": "more", "kind": "qa", "prompt": "Capital of Korea?", "answer": "Seoul"}
    data = deck.model_dump(mode="json")
    deck = Deck.model_validate({**data, "entries": [*data["entries"], more]})
    limited = StudySettings().with_deck_overrides("war", new_per_day=3)
    new = queue(cards_for_deck(deck), settings=limited).new
    assert [c.split("/")[1] for c in new] == ["murayama", "other", "more"]


# ------------------------------------------------------------ an exam's plan


def _planned_queue(
    cards: list[Card],
    states: dict[str, CardState],
    planned: Collection[str],
    *,
    settings: StudySettings | None = None,
    recent: list[ReviewRecord] | None = None,
    now: datetime = NOW,
) -> StudyQueue:
    return build_queue(
        cards,
        states,
        recent or [],
        settings or StudySettings(),
        now,
        rng=random.Random(1),
        tz=SEOUL,
        planned=planned,
    )


def _exam_states(cards: list[Card]) -> dict[str, CardState]:
    """q0-q4: reviews due in 5 days; q5: due now; q6-q9: new."""
    states = {c.id: review(c.id, NOW + timedelta(days=5)) for c in cards[:5]}
    states[cards[5].id] = review(cards[5].id, NOW - timedelta(hours=1))
    return states


def test_the_plans_cards_join_the_queue_in_the_days_before_the_exam_and_not_after() -> None:
    from studyapp.core.examday.upcoming import Upcoming, planned_today

    cards = cards_for_deck(qa_deck("a", 10))
    states = _exam_states(cards)
    ids = [c.id for c in cards]
    exam = Upcoming("x", "Exam", TODAY, TODAY + timedelta(days=3), 0.5, 0.9, (ids[7], ids[1]))
    plain = _planned_queue(cards, states, ())
    assert plain.reviews == (ids[5],) and plain.planned == ()

    planned = planned_today([exam], TODAY)
    assert planned.card_ids == {ids[1], ids[7]}
    assert planned.note() == "2 cards for the exam on 5 Mar"
    q = _planned_queue(cards, states, planned.card_ids)
    assert q.reviews == (ids[1], ids[5])  # the planned early review first, then the due one
    assert q.new[0] == ids[7] and set(q.new) == set(plain.new)
    assert q.planned == (ids[1], ids[7])

    # On the exam's day and after: nothing planned, the normal schedule alone.
    for later in (3, 4, 30):
        day = TODAY + timedelta(days=later)
        moment = NOW + timedelta(days=later)
        assert planned_today([exam], day).card_ids == frozenset()
        after = _planned_queue(cards, states, planned_today([exam], day).card_ids, now=moment)
        assert after == _planned_queue(cards, states, (), now=moment)
    # A plan worked out on another day says nothing about today.
    assert planned_today([exam], TODAY + timedelta(days=1)).card_ids == frozenset()


def test_planned_cards_pass_the_daily_limits_but_count_against_them() -> None:
    cards = cards_for_deck(qa_deck("a", 40))
    ids = [c.id for c in cards]
    states = {c.id: review(c.id, NOW - timedelta(hours=1)) for c in cards[:10]}  # due
    states |= {c.id: review(c.id, NOW + timedelta(days=9)) for c in cards[10:15]}  # not due
    settings = StudySettings().with_deck_overrides("a", reviews_per_day=6, new_per_day=3)
    planned = (*ids[10:15], *ids[20:24])  # five early reviews, four new cards
    q = _planned_queue(cards, states, planned, settings=settings)
    assert q.reviews[:5] == tuple(ids[10:15])
    assert len(q.reviews) == 6  # one due review still fits the limit of 6
    assert q.new == tuple(ids[20:24])  # past the limit of 3: no other new card today


def test_hidden_learning_and_answered_planned_cards_stay_out() -> None:
    cards = cards_for_deck(qa_deck("a", 10))
    ids = [c.id for c in cards]
    states = {
        ids[0]: review(ids[0], NOW + timedelta(days=4), suspended=True),
        ids[1]: review(ids[1], NOW + timedelta(days=4), buried_until=TODAY),
        ids[2]: review(ids[2], NOW + timedelta(hours=2), phase=Phase.LEARNING),
        ids[3]: review(ids[3], NOW + timedelta(days=4)),
        ids[4]: review(ids[4], NOW + timedelta(days=4)),
    }
    recent = [ReviewRecord(1, ids[3], NOW - timedelta(hours=1), Rating.GOOD, Phase.REVIEW)]
    q = _planned_queue(cards, states, ids[:5], recent=recent)
    assert q.planned == (ids[4],)
    assert ids[0] not in q.reviews and ids[1] not in q.reviews and ids[3] not in q.reviews
    assert ids[2] in {card_id for _, card_id in q.learning}  # queued as learning, as before


def test_only_the_studied_decks_planned_cards_join() -> None:
    cards = cards_for_deck(qa_deck("a", 3)) + cards_for_deck(qa_deck("b", 3))
    states = {c.id: review(c.id, NOW + timedelta(days=4)) for c in cards}
    q = build_queue(
        cards,
        states,
        [],
        StudySettings(),
        NOW,
        rng=random.Random(1),
        tz=SEOUL,
        decks=["b"],
        planned=[cards[0].id, cards[4].id],
    )
    assert q.planned == (cards[4].id,) and q.reviews == (cards[4].id,)
