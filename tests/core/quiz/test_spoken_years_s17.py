"""Properties of the new readings of user input (session 17): years said in words in a
date answer, and fractions and percentages in a figure answer.

The years are said by a speaker written here independently of the checker: a pair
("nineteen sixty-five", "eighteen oh five", "twenty twenty-four", "nineteen hundred"),
"two thousand (and) fifteen" and "one thousand nine hundred sixty-five", in any case,
with hyphens or spaces.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.model import MONTH_NAMES, PartialDate
from studyapp.core.quiz.answers.dates import check_date, parse_date
from studyapp.core.quiz.answers.numbers import check_number, quantize, read_fraction
from studyapp.core.quiz.answers.verdict import Outcome

_ONES = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
    *("seventeen", "eighteen", "nineteen"),
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _say(n: int, sep: str) -> str:
    """1..99 in words: "sixty-five" (``sep`` between tens and units)."""
    assert 0 < n < 100
    if n < 20:
        return _ONES[n]
    tens, units = divmod(n, 10)
    return _TENS[tens] + (f"{sep}{_ONES[units]}" if units else "")


def _pair(year: int, sep: str) -> str:
    century, rest = divmod(year, 100)
    if rest == 0:
        return f"{_say(century, sep)}{sep}hundred"
    if rest < 10:
        return f"{_say(century, sep)}{sep}oh{sep}{_ONES[rest]}"
    return f"{_say(century, sep)}{sep}{_say(rest, sep)}"


def _thousands(year: int, sep: str, conjunction: bool) -> str:
    thousands, rest = divmod(year, 1000)
    hundreds, tail = divmod(rest, 100)
    words = [_ONES[thousands], "thousand"]
    if hundreds:
        words += [_ONES[hundreds], "hundred"]
    if tail:
        words += (["and"] if conjunction else []) + [_say(tail, sep)]
    return sep.join(words)


_CASES = st.sampled_from([str.lower, str.upper, str.title, str.capitalize])


@st.composite
def _spoken(draw: st.DrawFn) -> tuple[int, str]:
    year = draw(st.integers(1000, 2099))
    sep = draw(st.sampled_from([" ", "-"]))
    forms = [_thousands(year, sep, draw(st.booleans()))]
    if year >= 1010 or year % 100 == 0:  # "ten oh five" is 1005; a pair needs a century
        forms.append(_pair(year, sep))
    said = draw(st.sampled_from(forms))
    return year, draw(_CASES)(said)


@given(_spoken())
@settings(max_examples=300, deadline=None)
def test_a_year_said_in_words_reads_as_that_year(case: tuple[int, str]) -> None:
    year, said = case
    assert parse_date(said) == ([(year, None, None)], None), said
    assert check_date(said, PartialDate(year)).outcome is Outcome.CORRECT, said


@given(_spoken(), st.integers(1, 12), st.integers(1, 28), st.booleans())
@settings(max_examples=200, deadline=None)
def test_a_date_with_its_year_said_in_words(
    case: tuple[int, str], month: int, day: int, day_first: bool
) -> None:
    year, said = case
    name = MONTH_NAMES[month - 1]
    text = f"{day} {name} {said}" if day_first else f"{name} {day}, {said}"
    assert parse_date(text) == ([(year, month, day)], None), text
    assert check_date(text, PartialDate(year, month, day)).correct, text


@given(_spoken(), st.integers(1000, 2099))
@settings(max_examples=200, deadline=None)
def test_a_year_said_in_words_is_right_only_for_that_year(
    case: tuple[int, str], other: int
) -> None:
    year, said = case
    verdict = check_date(said, PartialDate(other))
    assert verdict.correct is (year == other), (said, other)


_NUMBER_WORDS = [*_ONES, *_TENS[2:], "hundred", "thousand", "and", "oh", "o", "a"]


@given(st.lists(st.sampled_from(_NUMBER_WORDS), min_size=1, max_size=7), st.sampled_from(" -"))
@settings(max_examples=300, deadline=None)
def test_any_run_of_number_words_is_a_year_or_asked_again(words: list[str], sep: str) -> None:
    """Never an error, never a graded "not a date": a year read, or written again."""
    if set(words) <= {"and", "a"}:
        return  # no number in it: "and" is not a date at all
    text = sep.join(words)
    readings, error = parse_date(text)
    assert (error is None) is bool(readings)
    for year, month, day in readings:
        assert year is not None and year >= 1000 and month is None and day is None
    verdict = check_date(text, PartialDate(1839))
    assert verdict.correct or verdict.ambiguous or error is None, text


@given(st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_any_text_is_judged_as_a_date_without_error(text: str) -> None:
    check_date(text, PartialDate(1965, 6, 3))


# ----------------------------------------------------------------- fractions


@given(st.integers(1, 12), st.integers(2, 12))
@settings(max_examples=200, deadline=None)
def test_a_fraction_in_digits_reads_exactly(top: int, bottom: int) -> None:
    assert read_fraction(f"{top}/{bottom}") == Decimal(top) / Decimal(bottom)
    assert read_fraction(f" {top} / {bottom} ") == Decimal(top) / Decimal(bottom)


@given(st.integers(1, 11), st.integers(2, 12), st.integers(2, 3))
@settings(max_examples=200, deadline=None)
def test_a_fraction_is_right_for_the_figure_it_rounds_to(
    top: int, bottom: int, places: int
) -> None:
    value = Decimal(top) / Decimal(bottom)
    stated = quantize(value, places)
    significant = len(stated.as_tuple().digits) - next(
        (i for i, d in enumerate(stated.as_tuple().digits) if d), 0
    )
    verdict = check_number(f"{top}/{bottom}", stated)
    if stated == value or significant >= 2:
        assert verdict.correct, (top, bottom, stated, verdict.reason)
    other = stated + Decimal(1).scaleb(-places)  # one step off is no rounding of it
    assert not check_number(f"{top}/{bottom}", other).correct


_WORD_PARTS = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters")}


@given(st.sampled_from([2, 3, 4]), st.integers(1, 3), st.sampled_from(["-", " "]))
@settings(max_examples=100, deadline=None)
def test_a_fraction_in_words_reads_as_in_digits(bottom: int, top: int, sep: str) -> None:
    if top >= bottom:
        return
    singular, plural = _WORD_PARTS[bottom]
    said = f"one{sep}{singular}" if top == 1 else f"{_ONES[top]}{sep}{plural}"
    assert read_fraction(said) == read_fraction(f"{top}/{bottom}"), said


@given(st.integers(1, 99), st.sampled_from(["%", " %", " percent", " per cent"]))
@settings(max_examples=200, deadline=None)
def test_a_percentage_of_a_share_below_one(hundredths: int, sign: str) -> None:
    share = Decimal(hundredths).scaleb(-2)
    assert check_number(f"{hundredths}{sign}", share).correct
    if hundredths < 99:
        assert not check_number(f"{hundredths + 1}{sign}", share).correct


@given(st.text(max_size=20))
@settings(max_examples=300, deadline=None)
def test_any_text_is_judged_as_a_figure_without_error(text: str) -> None:
    read_fraction(text)
    check_number(text, Decimal("0.67"))
