"""A list in a sentence: the first few named, the rest counted."""

from __future__ import annotations

import pytest

from studyapp.core.base.listing import listed


@pytest.mark.parametrize(
    ("named", "total", "said"),
    [
        (["a"], 1, "a"),
        (["a", "b"], 2, "a and b"),
        (["a", "b", "c"], 3, "a, b and c"),
        (["a", "b", "c"], 15, "a, b, c and 12 more"),
        (["a"], 1_001, "a and 1,000 more"),
        ([], 4, "4"),
    ],
)
def test_named_then_counted(named: list[str], total: int, said: str) -> None:
    assert listed(named, total) == said
