"""The due forecast, counted at C speed from the store's columns (due moments placed
among the moments the study days start), equals counting state by state with
``study_day``, in every time zone and rollover hour."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.stats.report import due_forecast
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import StateTable
from studyapp.core.study.queue import study_day

NOW = datetime(2026, 3, 27, 22, 41, tzinfo=UTC)  # days before Europe's summer time
ZONES: list[tzinfo] = [
    UTC,
    ZoneInfo("Europe/Paris"),
    ZoneInfo("America/St_Johns"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("America/Santiago"),
    ZoneInfo("Asia/Kathmandu"),
    timezone(timedelta(hours=-9, minutes=-30)),
]


def reference(
    states: list[CardState], now: datetime, days: int, hour: int, tz: tzinfo
) -> tuple[tuple[date, int], ...]:
    """State by state: the study day of each due moment (overdue: today)."""
    today = study_day(now, hour, tz)
    counts: dict[date, int] = {}
    for s in states:
        if s.phase is Phase.NEW or s.suspended or s.due is None:
            continue
        day = max(study_day(s.due, hour, tz), today)
        counts[day] = counts.get(day, 0) + 1
    return tuple(
        (today + timedelta(days=i), counts.get(today + timedelta(days=i), 0)) for i in range(days)
    )


state = st.builds(
    lambda n, phase, minutes, suspended: CardState(
        f"d/e{n}/v",
        phase,
        due=None if minutes is None else NOW + timedelta(minutes=minutes),
        last_review=NOW - timedelta(days=1),
        suspended=suspended,
    ),
    st.integers(0, 40),
    st.sampled_from(list(Phase)),
    st.one_of(st.none(), st.integers(-60 * 24 * 5, 60 * 24 * 40)),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(state, max_size=30),
    since=st.lists(state, max_size=10),
    hour=st.sampled_from([0, 1, 2, 3, 4, 23]),
    tz=st.sampled_from(ZONES),
    days=st.sampled_from([1, 30, 60]),
    later=st.integers(0, 60 * 24 * 3),
)
def test_forecast_from_columns_equals_state_by_state(
    rows: list[CardState],
    since: list[CardState],
    hour: int,
    tz: tzinfo,
    days: int,
    later: int,
) -> None:
    now = NOW + timedelta(minutes=later)
    table = StateTable.from_states({s.card_id: s for s in rows})
    for s in since:  # set since the rows were read (a repeated id: the last one counts)
        table[s.card_id] = s
    states = list(table.everything().values())
    expected = reference(states, now, days, hour, tz)
    options = {"day_starts_at": hour, "tz": tz}
    assert due_forecast(table, now, days, **options) == expected
    assert due_forecast(states, now, days, **options) == expected
    assert due_forecast({s.card_id: s for s in states}, now, days, **options) == expected
