"""Figure forms that the corpus's spent held-out articles showed the extractor missing (issue
23, fourth round), each on made-up sentences, with look-alikes that must draft nothing: "one"
counting a noun, "twice" and "tripled", a person's age, points of a poll, a count with a
parenthesis before its noun, and number words inside names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from studyapp.core.authoring.extract.figures import find_figures


def figures(text: str) -> list[tuple[Decimal, str | None]]:
    return [(f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels fired one rocket at the base.",
        "Only one bridge was left standing after the flood.",
        "At least one ferry sank near the harbour.",
    ],
)
def test_one_counting_a_noun_is_a_figure(text: str) -> None:
    assert figures(text) == [(Decimal(1), None)]


@pytest.mark.parametrize(
    "text",
    [
        "One resident said the water was brown.",
        "It is one of the oldest mills in the county.",
        "One day the river rose over the road.",
        "She solved one small part of the puzzle.",
        "No one came to the meeting.",
        "They helped one another after the storm.",
    ],
)
def test_one_as_a_pronoun_or_in_an_idiom_is_no_figure(text: str) -> None:
    assert figures(text) == []


def test_how_many_times() -> None:
    assert figures("Exports almost tripled from 2001 to 2010.") == [(Decimal(3), "times")]
    assert figures("We lost the coast road twice in a month.") == [(Decimal(2), "times")]
    assert figures("The striker doubled the lead for the home side.") == []


def test_a_persons_age() -> None:
    text = "Anna Berg, 34, and her husband Tom Berg, 36, were charged."
    assert figures(text) == [(Decimal(34), "years"), (Decimal(36), "years")]
    assert figures("She left school aged 16.") == [(Decimal(16), "years")]
    assert figures("He retired at the age of sixty.") == [(Decimal(60), "years")]


def test_a_groups_age_range_is_no_age() -> None:
    assert figures("Use was highest among those aged 18-24 years.") == []


def test_points_beside_a_share_are_percentage_points() -> None:
    text = "The poll put her at 31 percent, 6 points behind the leader."
    assert figures(text) == [(Decimal(31), "%"), (Decimal(6), "percentage points")]


def test_a_count_with_a_parenthesis_before_its_noun() -> None:
    assert figures("The survey counted 2,400 (3.1%) teachers.") == [
        (Decimal(2400), None),
        (Decimal("3.1"), "%"),
    ]


def test_a_count_before_other_and_a_noun() -> None:
    assert figures("The two other remaining claims were dropped in court.") == [(Decimal(2), None)]


def test_a_count_before_a_plural_that_can_be_a_group() -> None:
    assert figures("The grants went to water utilities in six states.") == [(Decimal(6), None)]
    assert figures("Relations between the two states soured.") == []


def test_a_capitalised_number_word_inside_a_sentence_is_a_name() -> None:
    assert figures("The Council of Nine met again in the old hall.") == []
    assert figures("Two and a half million Berliners, cut off, waited.") == [
        (Decimal("2.5"), "million")
    ]
