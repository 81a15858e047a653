"""The forecast from the sorted dues ``studyapp stats`` keeps equals the forecast from the
states, on any later day, in every time zone and rollover hour (dues right on a day's
start included)."""

from __future__ import annotations

from datetime import timedelta, tzinfo

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.stats.report import due_forecast, due_micros, forecast_from_dues
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import StateTable
from studyapp.core.study.queue import day_start, study_day
from tests.core.stats.test_forecast import NOW, ZONES, state


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(state, max_size=30),
    since=st.lists(state, max_size=10),
    hour=st.sampled_from([0, 1, 2, 3, 4, 23]),
    tz=st.sampled_from(ZONES),
    days=st.sampled_from([1, 30, 60]),
    later=st.integers(0, 60 * 24 * 3),
    on_starts=st.lists(st.integers(-2, 40), max_size=5),
)
def test_forecast_from_dues_equals_the_forecast_from_states(
    rows: list[CardState],
    since: list[CardState],
    hour: int,
    tz: tzinfo,
    days: int,
    later: int,
    on_starts: list[int],
) -> None:
    today = study_day(NOW, hour, tz)
    for n, shift in enumerate(on_starts):  # due the very microsecond a study day starts
        start = day_start(today + timedelta(days=shift), hour, tz)
        rows.append(
            CardState(f"s/e{n}/v", Phase.REVIEW, due=start, last_review=start - timedelta(days=1))
        )
    table = StateTable.from_states({s.card_id: s for s in rows})
    for s in since:
        table[s.card_id] = s
    dues = due_micros(table)
    assert list(dues) == sorted(dues)
    now = NOW + timedelta(minutes=later)  # kept one day, read on a later one
    options = {"day_starts_at": hour, "tz": tz}
    assert forecast_from_dues(dues, now, days, **options) == due_forecast(
        table, now, days, **options
    )
