"""Figures written with words around them, in fractions, misspelt, or not at all.

"number two", "No. 2", "second place", "he was second" give a position;
"forty-one and a half percent" is 41.5%; "fourty-one point five" is close; and
what cannot be read as a number is never marked wrong for it: the learner is
asked to write it again.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.quiz.answers.numberforms import mend_number_words, without_context
from studyapp.core.quiz.answers.numbers import check_number, parse_number
from studyapp.core.quiz.answers.verdict import Outcome
from tests.core.quiz.answers.article import C, H, W

R = "retry"
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _outcome(answer: str, value: str, unit: str | None = None) -> str:
    verdict = check_number(answer, Decimal(value), unit=unit)
    return R if verdict.ambiguous else verdict.outcome.value


CASES = [
    # a position, written as people say it
    ("number two", "2", None, C),
    ("No. 2", "2", None, C),
    ("no 2", "2", None, C),
    ("#2", "2", None, C),
    ("second place", "2", None, C),
    ("2nd place", "2", None, C),
    ("in second place", "2", None, C),
    ("he was second", "2", None, C),
    ("he came second", "2", None, C),
    ("the second", "2", None, C),
    ("position 2", "2", None, C),
    ("number three", "2", None, W),
    ("third place", "2", None, W),
    ("he was first", "2", None, W),
    # fractions with a whole part, of a percentage
    ("forty-one and a half percent", "41.5", "%", C),
    ("forty-one and a half", "41.5", "%", C),
    ("forty-one point five percent", "41.5", "%", C),
    ("one and a half percent", "1.5", "%", C),
    ("three quarters", "75", "%", C),
    ("a half", "50", "%", C),
    ("forty-two and a half percent", "41.5", "%", W),
    # a misspelt number word is close, never right and never another number
    ("fourty-one point five", "41.5", "%", H),
    ("fourty-one point five percent", "41.5", "%", H),
    ("ninty", "90", None, H),
    ("fourty", "40", None, H),
    ("fourty-two", "41", None, W),
    # what cannot be read is written again, not marked wrong
    ("banana", "2", None, R),
    ("Ishiba", "2", None, R),
    ("2 or 3", "2", None, R),
    ("nunber 2", "2", None, R),
    # an answer that says it has no figure is wrong, with the answer
    ("many", "206", None, W),
    ("I don't know", "2", None, W),
    ("", "2", None, W),
]


@pytest.mark.parametrize(("answer", "value", "unit", "expected"), CASES)
def test_number_forms(answer: str, value: str, unit: str | None, expected: Outcome | str) -> None:
    want = expected.value if isinstance(expected, Outcome) else expected
    assert _outcome(answer, value, unit) == want, answer


def test_rival_figure_in_a_sentence_stays_wrong() -> None:
    verdict = check_number("he was number three", Decimal(2), rivals=[Decimal(3)])
    assert verdict.outcome is W and "another figure" in verdict.reason


def test_unread_answer_asks_again_and_does_not_give_the_answer_away() -> None:
    verdict = check_number("banana", Decimal("41.5"), unit="%")
    assert verdict.ambiguous and verdict.outcome is W
    assert "41.5" not in verdict.reason
    assert "12.5%" in verdict.reason  # shows how to write it


def test_parse_number_stays_strict() -> None:
    assert parse_number("number two") is None  # the words around it are check_number's
    assert parse_number("forty-one and a half", "%") == Decimal("41.5")


def test_helpers() -> None:
    assert without_context("he was second") == "second"
    assert without_context("second") is None
    assert without_context("he was") is None
    vocabulary = {"forty", "fourth", "one", "point", "five", "ninety", "ninth", "nine"}
    assert mend_number_words("fourty-one point five", vocabulary) == (
        "forty one point five",
        ["'fourty' is spelt 'forty'"],
    )
    assert mend_number_words("ninty", vocabulary) == ("ninety", ["'ninty' is spelt 'ninety'"])
    assert mend_number_words("banana", vocabulary) is None
    assert mend_number_words("forty one", vocabulary) is None  # nothing to mend


@given(
    n=st.integers(1, 9),
    other=st.integers(1, 9),
    form=st.sampled_from(
        ["number {c}", "No. {d}", "#{d}", "{o} place", "{d}{s} place", "he was {o}", "{o}"]
    ),
)
@settings(max_examples=200, deadline=None)
def test_a_position_in_any_form_is_right_and_another_is_wrong(
    n: int, other: int, form: str
) -> None:
    def write(k: int) -> str:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(k, "th")
        return form.format(c=_CARDINALS[k - 1], d=k, o=_ORDINALS[k - 1], s=suffix)

    assert check_number(write(n), Decimal(n)).outcome is C, write(n)
    if other != n:
        verdict = check_number(write(other), Decimal(n), rivals=[Decimal(other)])
        assert verdict.outcome is W and not verdict.ambiguous, write(other)


@given(
    words=st.lists(st.text("bcdfghjklmnpqrstvwxz", min_size=1, max_size=8), min_size=1, max_size=4),
    value=st.integers(0, 100),
)
@settings(max_examples=200, deadline=None)
def test_words_that_are_no_number_are_written_again(words: list[str], value: int) -> None:
    text = " ".join(words)
    verdict = check_number(text, Decimal(value))
    assert verdict.ambiguous and "write it in digits" in verdict.reason, text
