"""Date expressions and the text's year (``extract.dates``)."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract.dates import context_year, find_dates


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
        ("The G7 and IP4 met; 1990s nostalgia.", []),
        ("It was the 31st of June 2025.", []),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert dates(text, 2025) == expected


def test_dates_without_a_year_stay_open_when_the_year_is_unknown() -> None:
    assert dates("Elected on June 3, he spoke.") == [("June 3", None)]


def test_context_year() -> None:
    assert context_year("Intro. This year, 2025, marks a lot. In 2015 ...") == 2025
    assert context_year("On June 16, 2025, an event. In 2015 a deal.") == 2025
    assert context_year("In 2015 a deal.") is None
