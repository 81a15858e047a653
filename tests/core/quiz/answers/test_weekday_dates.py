"""A weekday typed beside a date must be the date's own, or the learner is asked again."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.quiz.answers.dates import parse_date

NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def test_the_right_weekday_is_read_with_the_date() -> None:
    assert parse_date("Monday June 18 2018") == ([(2018, 6, 18)], None)
    assert parse_date("Mon, 18 June 2018") == ([(2018, 6, 18)], None)


def test_a_weekday_the_date_does_not_fall_on_is_asked_again() -> None:
    readings, why = parse_date("Tuesday June 18 2018")
    assert readings == []
    assert why is not None and "was a Monday" in why and "write the date again" in why


def test_a_weekday_without_a_year_or_day_is_not_checked() -> None:
    assert parse_date("Tuesday June 18")[0] == [(None, 6, 18)]
    assert parse_date("Tuesday in June 2018")[0] == [(2018, 6, None)]


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)), st.integers(0, 6))
def test_any_date_with_any_weekday(day: dt.date, shift: int) -> None:
    typed = NAMES[(day.weekday() + shift) % 7]
    readings, why = parse_date(f"{typed}, {day.strftime('%B')} {day.day}, {day.year}")
    if shift == 0:
        assert readings == [(day.year, day.month, day.day)] and why is None
    else:
        assert readings == [] and why is not None and NAMES[day.weekday()] in why
