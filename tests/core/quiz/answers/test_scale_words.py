"""The scale words are one list: a unit's scale ("5 million", "1.5 bn") and a figure in
words ("two million") read the same words as the same powers of ten."""

from __future__ import annotations

from decimal import Decimal

import pytest

from studyapp.core.quiz.answers import numbers
from studyapp.core.quiz.answers.numbers import parse_number
from studyapp.core.quiz.answers.unitforms import SCALE_WORDS, SCALES


def test_the_words_of_figures_in_words_are_the_scale_words() -> None:
    assert {word: 10**power for word, power in SCALE_WORDS.items()} == numbers._SCALES
    assert all(SCALES[word] == SCALES[f"{word}s"] == p for word, p in SCALE_WORDS.items())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two million", 2_000_000),
        ("fifty-one point seven million", 51_700_000),
        ("three thousand and six", 3006),
        ("a trillion", 10**12),
        ("5 million", 5_000_000),
        ("1.5 bn", 1_500_000_000),
        ("2 trillion", 2 * 10**12),
    ],
)
def test_scales_read_as_before(text: str, value: int) -> None:
    assert parse_number(text) == Decimal(value)
