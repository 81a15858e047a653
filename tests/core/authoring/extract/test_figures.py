"""Figures and the numbers a text states (``extract.figures``)."""

from __future__ import annotations

from decimal import Decimal

from studyapp.core.authoring.extract.figures import find_figures, numbers_in


def figures(text: str) -> list[tuple[str, Decimal, str | None, str]]:
    return [(f.text, f.value, f.unit, f.kind) for f in find_figures(text)]


def test_find_figures() -> None:
    text = (
        "Among conservative respondents, 41.5% wish to strengthen security while only 17.0% "
        "of progressives did. It marks the sixtieth anniversary. During the three years of the "
        "administration, 28,500 troops stayed at a cost of $3.5 billion. Ishiba was second "
        "after Trump, the twenty-first visitor."
    )
    assert figures(text) == [
        ("41.5%", Decimal("41.5"), "%", "percent"),
        ("17.0%", Decimal("17.0"), "%", "percent"),
        ("sixtieth", Decimal(60), None, "ordinal"),
        ("three", Decimal(3), None, "count"),
        ("28,500", Decimal(28500), None, "count"),
        ("$3.5 billion", Decimal("3.5"), "billion dollars", "money"),
        ("second", Decimal(2), None, "ordinal"),
        ("twenty-first", Decimal(21), None, "ordinal"),
    ]
    found = find_figures(text)
    assert found[0].measure == "conservative respondents: share: wish to strengthen security"
    assert found[3].measure == "number of years of the administration"


def test_figures_skip_idioms_and_anaphora() -> None:
    text = (
        "Avoid fighting in the first place. Trust between the two countries fell. "
        "One area is Taiwan. At first they agreed."
    )
    assert figures(text) == []


def test_numbers_in_reads_words_and_digits() -> None:
    assert {Decimal(80), Decimal(3), Decimal("55.5"), Decimal(2025)} <= set(
        numbers_in("The eightieth year, three times, 55.5% in 2025.")
    )
