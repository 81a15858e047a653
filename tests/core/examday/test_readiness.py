"""Readiness: the mean over entries of predicted recall; never studied counts as not known."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.examday.memory import MemoryModel
from studyapp.core.examday.readiness import DayCache, ExamCard, readiness
from studyapp.core.store.state import CardState, Phase
from studyapp.core.study.queue import study_day

MODEL = MemoryModel(tuple(fsrs.scheduler.DEFAULT_PARAMETERS))
TODAY = date(2027, 4, 10)
NOON = datetime(2027, 4, 10, 12, tzinfo=UTC)


def _day(moment: datetime) -> date:
    return study_day(moment, 4, UTC)


def _state(card_id: str, days_ago: int, stability: float) -> CardState:
    return CardState(
        card_id,
        Phase.REVIEW,
        last_review=NOON - timedelta(days=days_ago),
        stability=stability,
        difficulty=5.0,
    )


def test_entries_weigh_alike_and_unstudied_cards_count_zero() -> None:
    cards = [
        ExamCard("a1", "d", "a", "date", ("x",)),
        ExamCard("a2", "d", "a", "date", ("x",)),
        ExamCard("b1", "d", "b", "qa", ("y",)),
        ExamCard("c1", "e", "c", "qa", ("x", "y")),
    ]
    states = {
        "a1": _state("a1", 0, 10.0),
        "a2": _state("a2", 10, 10.0),
        "b1": _state("b1", 5, 50.0),
    }
    ready = readiness(
        cards, states, MODEL, today=TODAY, exam_date=TODAY + timedelta(days=10), day_of=_day
    )
    a = (MODEL.recall(10, 10.0) + MODEL.recall(20, 10.0)) / 2
    b = MODEL.recall(15, 50.0)
    assert abs(ready.predicted_score - (a + b + 0) / 3) < 1e-12
    today_a = (1.0 + MODEL.recall(10, 10.0)) / 2
    assert abs(ready.predicted_score_today - (today_a + MODEL.recall(5, 50.0)) / 3) < 1e-12
    assert (ready.entries, ready.unstudied_entries) == (3, 1)
    assert [f.card.card_id for f in ready.weakest(2)] == ["c1", "a2"]
    by_deck = {g.name: (g.entries, round(g.score, 9)) for g in ready.by("deck")}
    assert by_deck == {"d": (2, round((a + b) / 2, 9)), "e": (1, 0.0)}
    by_tag = {g.name: (g.entries, round(g.score, 9)) for g in ready.by("tag")}
    assert by_tag == {"x": (2, round(a / 2, 9)), "y": (2, round(b / 2, 9))}
    assert [g.name for g in ready.by("tag")] == sorted(by_tag, key=lambda t: by_tag[t][1])


def test_a_card_reviewed_today_is_at_full_recall_today() -> None:
    card = ExamCard("a1", "d", "a", "qa")
    ready = readiness(
        [card],
        {"a1": _state("a1", 0, 3.0)},
        MODEL,
        today=TODAY,
        exam_date=TODAY + timedelta(days=3),
        day_of=_day,
    )
    assert ready.predicted_score_today == 1.0
    assert abs(ready.predicted_score - 0.9) < 0.01  # stability 3 days: 90% after 3 days


ZONES = ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Europe/Berlin",
         "Australia/Lord_Howe", "Pacific/Kiritimati", "America/Adak"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    rollover=st.integers(0, 23),
    seconds=st.integers(0, 3 * 365 * 86400),
)
def test_the_quarter_hour_day_cache_never_changes_a_study_day(
    zone: str, rollover: int, seconds: int
) -> None:
    tz = ZoneInfo(zone)

    def day_of(moment: datetime) -> date:
        return study_day(moment, rollover, tz)

    cache = DayCache(day_of)
    base = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)
    start = base - timedelta(seconds=int(base.timestamp()) % 900)  # the quarter's first second
    for moment in (start, start + timedelta(seconds=899), base):
        assert cache(moment) == day_of(moment).toordinal()
