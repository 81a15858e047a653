"""Relative dates resolved against the article's own date (``extract.relative``)."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract.dates import find_dates
from studyapp.core.decks.model import PartialDate

THURSDAY = PartialDate(2023, 2, 23)  # Thursday, February 23, 2023


def resolved(text: str, anchor: PartialDate | None = THURSDAY) -> list[tuple[str, str | None]]:
    return [
        (d.text, d.date.isoformat() if d.date else None)
        for d in find_dates(text, anchor=anchor)
        if d.relative
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The study was published yesterday.", [("yesterday", "2023-02-22")]),
        ("The office today is to begin.", [("today", "2023-02-23")]),
        ("On Wednesday, she told GB News.", [("On Wednesday", "2023-02-22")]),
        ("Questions Wednesday, he defended the record.", [("Wednesday", "2023-02-22")]),
        ("The vote will take place on Monday.", [("on Monday", "2023-02-27")]),
        ("Laws are expected next month.", [("next month", "2023-03")]),
        ("Discovery retired last month.", [("last month", "2023-01")]),
        ("A record crossed the Channel last year.", [("last year", "2022")]),
        ("Earlier this year, it rose.", [("Earlier this year", "2023")]),
        ("It must clear the backlog by year end.", [("by year end", "2023")]),
        ("The UN recommended it two years ago.", [("two years ago", "2021")]),
        ("They applied before last summer.", [("last summer", "2022")]),
    ],
)
def test_relative_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert resolved(text) == expected


def test_spans_and_nowadays_are_not_dates() -> None:
    assert resolved("Costs rose over the next year and in the last month.") == []
    assert resolved("Rocks unlike any on the planet today.") == []
    assert resolved("“Today we act,” she said.") == []


def test_a_weekday_in_a_full_date_is_not_relative() -> None:
    assert resolved("Thursday, February 23, 2023") == []


def test_without_an_anchor_a_relative_date_is_found_but_left_open() -> None:
    # found, so that "two years ago" is never drafted as the figure 2; but no date
    assert resolved("It was two years ago.", anchor=None) == [("two years ago", None)]


def test_how_says_what_the_date_was_worked_out_from() -> None:
    (mention,) = [d for d in find_dates("It rose yesterday.", anchor=THURSDAY) if d.relative]
    assert mention.how == (
        "“yesterday”: the day before the article's date (Thursday, February 23, 2023)"
    )


def test_a_plan_that_would_happen_is_in_the_coming_month() -> None:
    # reported plans ("would start in May") look ahead; a noun "plan" says nothing of tense
    found = find_dates("She said the work would start in May.", anchor=PartialDate(2023, 3, 11))
    assert [(d.text, d.date) for d in found] == [("May", PartialDate(2023, 5))]
    assert resolved("Speaking on Monday, she said the quay plan had been studied.") == [
        ("on Monday", "2023-02-20")
    ]
