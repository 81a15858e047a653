"""Whole percents as people round them: halves up (1 of 8 is 13%, not Python's 12%)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studyapp.tui.format import percent


def test_halves_round_up_and_none_is_a_dash() -> None:
    assert percent(1 / 8) == "13%"
    assert percent(0.005) == "1%"
    assert percent(0.555) == "56%"
    assert percent(0.0) == "0%" and percent(1.0) == "100%"
    assert percent(None) == "–"


@given(st.integers(0, 1000), st.integers(1, 1000))
def test_never_more_than_half_a_point_off(part: int, whole: int) -> None:
    share = part / whole
    shown = int(percent(share).rstrip("%"))
    assert abs(shown - share * 100) <= 0.5 + 1e-9
