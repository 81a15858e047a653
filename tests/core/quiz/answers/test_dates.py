"""Reading, rendering and checking dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks import cards
from studyapp.core.decks.model import PartialDate
from studyapp.core.quiz.answers.dates import (
    DATE_STYLES,
    check_date,
    compatible,
    parse_date,
    render_date,
)
from tests.core.quiz.answers.article import C, W


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("June 17, 2025", [(2025, 6, 17)]),
        ("2023-04", [(2023, 4, None)]),
        ("April 2023", [(2023, 4, None)]),
        ("in 2015", [(2015, None, None)]),
        ("June 17", [(None, 6, 17)]),
        ("6/7/2025", [(2025, 6, 7), (2025, 7, 6)]),
        ("7/7/2025", [(2025, 7, 7)]),
        ("13/7/2025", [(2025, 7, 13)]),
        ("2025년 6월 17일", [(2025, 6, 17)]),
    ],
)
def test_parse_date(text: str, readings: list[tuple[int | None, ...]]) -> None:
    found, error = parse_date(text)
    assert error is None
    assert found == readings


@pytest.mark.parametrize("text", ["", "soon", "June 17, 25", "13/13/2025", "Feb 30 2024", "1 2 3"])
def test_parse_date_refuses_with_a_reason(text: str) -> None:
    found, error = parse_date(text)
    assert found == [] and error


def test_compatible_dates() -> None:
    assert compatible(PartialDate(2025, 6), PartialDate(2025, 6, 17))
    assert compatible(PartialDate(2025), PartialDate(2025, 6, 17))
    assert not compatible(PartialDate(2025, 6, 16), PartialDate(2025, 6, 17))
    assert not compatible(PartialDate(2023, 4), PartialDate(2023, 8))


dates = st.builds(
    lambda y, m, d, p: (
        PartialDate(y) if p == 0 else PartialDate(y, m) if p == 1 else PartialDate(y, m, d)
    ),
    st.integers(1000, 2999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


@given(date=dates, other=dates)
@settings(max_examples=300, deadline=None)
def test_every_date_rendering_is_accepted_and_others_are_not(
    date: PartialDate, other: PartialDate
) -> None:
    for style in DATE_STYLES:
        verdict = check_date(render_date(date, style), date, rivals=[other])
        assert verdict.outcome is C, (style, render_date(date, style), verdict.reason)
    assert check_date(cards.format_date(date), date).outcome is C
    if other.precision == date.precision and other != date:
        for style in DATE_STYLES:
            assert check_date(render_date(other, style), date, rivals=[other]).outcome is W
