"""Date expressions and the text's year (``extract.dates``)."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract.dateline import find_dateline
from studyapp.core.authoring.extract.dates import context_year, find_dates
from studyapp.core.decks.model import PartialDate


def dates(text: str, year: int | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.date.isoformat() if d.date else None) for d in find_dates(text, year)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on June 17, 2025, in Canada.", [("June 17, 2025", "2025-06-17")]),
        ("They met on 17 June 2025.", [("17 June 2025", "2025-06-17")]),
        ("Signed 2025-06-17 at noon.", [("2025-06-17", "2025-06-17")]),
        (
            "An alliance (April 2023) and principles (Aug. 2023).",
            [("April 2023", "2023-04"), ("Aug. 2023", "2023-08")],
        ),
        ("In 2015, and again since 2022.", [("2015", "2015"), ("2022", "2022")]),
        ("Elected on June 3, he spoke.", [("June 3", "2025-06-03")]),
        ("A January survey found it.", [("January", "2025-01")]),
        ("He may call in May.", [("May", "2025-05")]),
        ("It cost 2,015 won; 2000 troops left; 45% agreed.", []),
        ("The G7 and IP4 met; 1990s nostalgia.", [("1990s", "1990")]),
        ("It was the 31st of June 2025.", []),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert dates(text, 2025) == expected


def test_dates_without_a_year_stay_open_when_the_year_is_unknown() -> None:
    assert dates("Elected on June 3, he spoke.") == [("June 3", None)]


def test_context_year_is_only_what_the_text_says_of_itself() -> None:
    assert context_year("Intro. This year, 2025, marks a lot. In 2015 ...") == 2025
    # never a guess from the text's other dates (issue 23: a history of 1948 cites 1947 often)
    assert context_year("On June 16, 2025, an event. In 2015 a deal.") is None
    assert context_year("In 2015 a deal.") is None


def spans(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (d.text, d.date.isoformat() if d.date else None, d.last.isoformat() if d.last else None)
        for d in find_dates(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Berlin Airlift, 1948–1949.", [("1948–1949", "1948", "1949")]),
        ("It ran 1971-73.", [("1971-73", "1971", "1973")]),
        ("It held from 1944 to 1971.", [("from 1944 to 1971", "1944", "1971")]),
        ("Funds for fiscal year 1994 through 1998.", [("1994 through 1998", "1994", "1998")]),
        ("Between 1998 and 2003 it grew.", [("Between 1998 and 2003", "1998", "2003")]),
        ("In 1971 and 1987 it rose.", [("1971", "1971", None), ("1987", "1987", None)]),
        ("The 1990s were calm.", [("1990s", "1990", "1999")]),
        (
            "In the 20th century, and the nineteenth century.",
            [
                ("20th century", "1900", "1999"),
                ("nineteenth century", "1800", "1899"),
            ],
        ),
        ("Crop yields of 2000 levels; 2000 troops.", [("2000", "2000", None)]),
        ("Signed 2025-06-17 at noon.", [("2025-06-17", "2025-06-17", None)]),
    ],
)
def test_ranges_decades_and_centuries(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert spans(text) == expected


def test_dates_without_a_year_take_the_anchor_never_another_date() -> None:
    anchor = PartialDate(2000, 8, 30)
    # a launch "set for Sept. 8" is this year's; a past "In March" too
    assert dates_at("The launch is set for Sept. 8.", anchor) == [("Sept. 8", "2000-09-08")]
    assert dates_at("In March, talks broke down.", anchor) == [("March", "2000-03")]
    # a December article's future "January 5" is next year's
    december = PartialDate(2000, 12, 4)
    assert dates_at("It will open on January 5.", december) == [("January 5", "2001-01-05")]
    # no anchor, no year: the date stays open
    assert dates("In June 1948 it began; on June 26 it flew.") == [
        ("June 1948", "1948-06"),
        ("June 26", None),
    ]


def dates_at(text: str, anchor: PartialDate) -> list[tuple[str, str | None]]:
    return [
        (d.text, d.date.isoformat() if d.date else None) for d in find_dates(text, anchor=anchor)
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Title\n\nMonday, July 28, 2014\n\nBody text.", "Monday, July 28, 2014"),
        ("TITLE\nHeadquarters, Washington, DC — August 30, 2000\nRELEASE: 00-134\n", None),
        ("Title\nWASHINGTON, April 6, 1993 — The committee met on April 3.\n", None),
        ("Title\nPublished: 3 March 2020\nText.", "Published: 3 March 2020"),
    ],
)
def test_the_date_line_is_the_articles_own_date(text: str, line: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert found.line == (line or found.line)
    assert found.date.precision == "day"


def test_a_date_in_a_body_sentence_is_no_date_line() -> None:
    text = "The Berlin Airlift\n\nThe crisis started on June 24, 1948, when Soviet forces acted.\n"
    assert find_dateline(text) is None


def test_numeric_and_prefixed_years() -> None:
    assert dates("By mid-1971 and FY2024, on 4/6/93 and 10/7/2024.") == [
        ("1971", "1971"),
        ("2024", "2024"),
        ("4/6/93", "1993-04-06"),
        ("10/7/2024", "2024-10-07"),
    ]


def test_citations_of_laws_and_bills_are_not_years() -> None:
    text = "Under 43 U.S.C. §1341(a), H.R. 1781 and S. 1850 would nullify it in 1999 as planned."
    assert dates(text) == [("1999", "1999")]
