"""Reading, rendering and checking figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.quiz.answers.numbers import (
    check_number,
    decimals_of,
    parse_number,
    render_number,
)
from tests.core.quiz.answers.article import C, W


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("55.5", "55.5"),
        ("55.5%", "55.5"),
        ("55.5 percent", "55.5"),
        ("approximately 55.5", "55.5"),
        ("12,000", "12000"),
        ("55,5", "55.5"),
        ("−3", "-3"),
        (".5", "0.5"),
        ("fifty", "50"),
        ("fifty-five point five", "55.5"),
        ("two hundred and six", "206"),
        ("three thousand", "3000"),
        ("$5", "5"),
    ],
)
def test_parse_number(text: str, number: str) -> None:
    assert parse_number(text) == Decimal(number)


@pytest.mark.parametrize("text", ["", "many", "55.5.5", "1,2,3", "five apples", "point"])
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_keeps_precision() -> None:
    assert str(parse_number("55.50")) == "55.50"
    assert decimals_of(parse_number("55.50") or 0) == 2
    assert decimals_of(24.0) == 1 and decimals_of(80) == 0 and decimals_of("9.80") == 2


@given(
    value=st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False),
    decimals=st.integers(0, 2),
    unit=st.sampled_from([None, "%", "years", "km", "$"]),
    offset=st.integers(1, 500),
)
@settings(max_examples=300, deadline=None)
def test_every_figure_rendering_is_accepted_and_rivals_are_not(
    value: Decimal, decimals: int, unit: str | None, offset: int
) -> None:
    step = Decimal(1).scaleb(-decimals)
    value = value.quantize(step)
    shown = render_number(value, decimals, unit)
    assert check_number(shown, value, unit=unit).outcome is C, shown
    assert check_number(str(value), value, unit=unit).outcome is C
    rival = value + step * offset
    shown_rival = render_number(rival, decimals, unit)
    assert check_number(shown_rival, value, unit=unit, rivals=[rival]).outcome is W


def test_a_number_longer_than_decimals_precision_renders() -> None:
    """A 30-digit answer (typed, or in a deck) overflowed Decimal's 28 digits."""
    from decimal import Decimal

    from studyapp.core.quiz.answers.numbers import render_number

    assert render_number(Decimal("1" * 30), 0) == f"{int('1' * 30):,}"
    assert render_number(Decimal("6" * 29 + ".25"), 1) == f"{int('6' * 29):,}.3"
