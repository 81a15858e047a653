"""A figure of any finite magnitude, huge or tiny, against any typed text: a verdict,
never an exception (Decimal's 28-digit context raised InvalidOperation on a 29-digit
figure or rival when the learner typed a less precise number)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.quiz.answers.numbers import check_number
from studyapp.core.quiz.answers.verdict import Outcome

HUGE = Decimal("123456789012345678901234567890123456789")


def test_a_rival_of_39_digits_does_not_break_a_small_figure() -> None:
    verdict = check_number("3", Decimal("2.5"), rivals=[HUGE])
    assert verdict.outcome is Outcome.CLOSE


def test_a_huge_figure_typed_in_full_is_right_and_rounded_is_close() -> None:
    assert check_number(f"{HUGE}", HUGE).outcome is Outcome.CORRECT
    assert check_number("3", Decimal("2.5"), rivals=[HUGE, Decimal("3.1")]).ambiguous


def test_a_tiny_figure_and_a_scaled_one() -> None:
    assert check_number("0", Decimal("1E-40")).outcome is Outcome.CLOSE
    assert check_number("37,000,000,000 dollars", HUGE, unit="billion dollars").outcome in (
        Outcome.WRONG,
        Outcome.CLOSE,
    )


_MAGNITUDES = st.decimals(allow_nan=False, allow_infinity=False).map(
    lambda d: d.scaleb(0)
) | st.builds(
    lambda digits, exponent, sign: Decimal(f"{sign}{digits}E{exponent}"),
    st.integers(min_value=0, max_value=10**60),
    st.integers(min_value=-120, max_value=120),
    st.sampled_from(["", "-"]),
)
_TYPED = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"-?[0-9][0-9,]{0,70}(\.[0-9]{0,40})?", fullmatch=True),
    _MAGNITUDES.map(str),
    _MAGNITUDES.map(lambda d: f"{d:f}"),
)


@settings(max_examples=400, deadline=None)
@given(
    typed=_TYPED,
    value=_MAGNITUDES,
    rivals=st.lists(_MAGNITUDES, max_size=2),
    tolerance=st.none() | st.floats(min_value=0, max_value=1e30),
    unit=st.sampled_from([None, "%", "km", "billion dollars", "$", "th"]),
    scale=st.sampled_from([0, 3, 9]),
)
def test_any_figure_against_any_text_gives_a_verdict(
    typed: str,
    value: Decimal,
    rivals: list[Decimal],
    tolerance: float | None,
    unit: str | None,
    scale: int,
) -> None:
    verdict = check_number(typed, value, unit=unit, tolerance=tolerance, rivals=rivals, scale=scale)
    assert verdict.outcome in set(Outcome)
