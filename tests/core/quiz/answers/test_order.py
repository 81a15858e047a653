"""Chronologies: checking an order, and reading a typed ordering."""

from __future__ import annotations

import pytest

from studyapp.core.quiz.answers.order import check_order, parse_order_numbers
from tests.core.quiz.answers.article import C, H, W


def test_check_order() -> None:
    events = ["Murayama", "Kan", "Abe"]
    assert check_order(events, events).outcome is C
    assert check_order(["1. Murayama", "2. Kan", "3. Abe"], events).outcome is C
    assert check_order(["Kan", "Murayama", "Abe"], events).outcome is H
    assert check_order(["Abe", "Kan", "Murayama"], events).outcome is W
    assert check_order(["Abe", "Kan"], events).outcome is W
    assert check_order(["Abe", "Kan", "Koizumi"], events).outcome is W
    assert check_order([], events).outcome is W


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("2 3 1", 3, [1, 2, 0]),
        ("2,3,1", 3, [1, 2, 0]),
        ("231", 3, [1, 2, 0]),
        (" 1  2 ", 2, [0, 1]),
        ("1 1 2", 3, None),
        ("1 2", 3, None),
        ("a b c", 3, None),
        ("", 3, None),
        ("0 1 2", 3, None),
    ],
)
def test_typed_orderings(text: str, count: int, expected: list[int] | None) -> None:
    assert parse_order_numbers(text, count) == expected
