"""Date forms that the corpus's spent held-out articles showed the extractor getting wrong
(issue 23, fourth round), on made-up sentences: "Month of YYYY", and the year of a date
without one when a later clause of its sentence speaks of the future."""

from __future__ import annotations

from studyapp.core.authoring.extract.dates import find_dates
from studyapp.core.decks.model import PartialDate

ANCHOR = PartialDate(2015, 8, 21)


def dates_at(text: str) -> list[tuple[str, str | None]]:
    return [
        (d.text, d.date.isoformat() if d.date else None) for d in find_dates(text, anchor=ANCHOR)
    ]


def test_month_of_year() -> None:
    assert dates_at("The shelf cracked in March of 2000, and again in June, 2001.") == [
        ("March of 2000", "2000-03"),
        ("June, 2001", "2001-06"),
    ]


def test_a_future_in_another_clause_does_not_move_a_past_date_a_year_on() -> None:
    text = "The strike began on August 10 and the union says it will go on."
    assert dates_at(text) == [("August 10", "2015-08-10")]


def test_a_future_that_leads_to_the_date_still_counts() -> None:
    assert dates_at("The ferry will resume on March 3.") == [("March 3", "2016-03-03")]
    text = "I am going to Rome next month, Oslo in January and Lima in March."
    assert [d for d in dates_at(text) if d[0] != "next month"] == [
        ("January", "2016-01"),
        ("March", "2016-03"),
    ]
