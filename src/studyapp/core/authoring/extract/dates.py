"""Date expressions in text, and the year a text is written in.

Finds "June 17, 2025", "17 June 2025", "2025-06-17", "April 2023", "2015",
and "June 3" or "a January survey" with the year taken from the text's
context when the text states it ("This year, 2025") or from its full dates.
:func:`find_dates` is also used by ``lint`` to check that a date entry's date
is in its own source.
"""

from __future__ import annotations

import re
from collections import Counter

from msgspec import Struct

from studyapp.core.authoring.extract.sentences import Sentence
from studyapp.core.decks.model import PartialDate

__all__ = ["DateMention", "context_year", "find_dates"]

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)

# Counted things that make a bare four-digit number a count, not a year.
_PLURAL_NOUN = re.compile(r"[a-z][a-z-]*s\b")


class DateMention(Struct, frozen=True):
    """A date expression in a sentence.

    ``date`` is None when the year is not stated and could not be inferred
    (``month``/``day`` then hold what was said).
    """

    text: str
    start: int
    end: int
    date: PartialDate | None
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False
    sentence: Sentence | None = None


_DATE_RE = re.compile(
    rf"\b(?P<m1>{_MONTH_WORD})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})(?![\w-])"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_WORD}),?\s+(?P<y2>\d{{4}})(?![\w-])"
    r"|(?<![\w.-])(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?![\w-])"
    rf"|\b(?P<m4>{_MONTH_WORD}),?\s+(?:of\s+)?(?P<y4>\d{{4}})(?![\w-])"
    rf"|\b(?P<m5>{_MONTH_WORD})\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?(?![\w.,]?\d)(?!\w)"
    rf"|\b(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m6>{_MONTH_WORD})(?!\w)"
    r"|(?<![\w$€£¥₩.,/-])(?P<y7>1[0-9]{3}|20[0-9]{2})(?![\w%/]|[.,]\d|-\d)"
    rf"|\b(?i:in|an|the|last|this|next|since|until|till|by|early|late|mid|during|from|through"
    rf"|of|each|every|a)[\s-](?P<m8>{_FULL_MONTH})\b(?!\s*\d)"
)
_MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|early|late|mid|during|from|through|last|next|this|of)[\s-]$",
    re.IGNORECASE,
)


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or _MONTH_ABBR[key]


def _date(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate.parse(PartialDate(year, month, day).isoformat())
    except ValueError:
        return None


def find_dates(text: str, year: int | None = None) -> list[DateMention]:
    """Every date expression in ``text``; ``year`` completes those that omit it."""
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        group = "m8" if g["m8"] else 0
        span = m.group(group)
        start, end = m.start(group), m.end(group)
        if g["m1"] or g["m2"] or g["y3"]:
            if g["m1"]:
                y, mo, d = int(g["y1"]), _month(g["m1"]), int(g["d1"])
            elif g["m2"]:
                y, mo, d = int(g["y2"]), _month(g["m2"]), int(g["d2"])
            else:
                y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
            date = _date(y, mo, d)
            if date is not None:
                out.append(DateMention(span, start, end, date, mo, d))
        elif g["m4"]:
            if g["m4"] == "May" and not re.search(r"May,?\s+\d{4}", span):
                continue
            mo = _month(g["m4"])
            out.append(DateMention(span, start, end, _date(int(g["y4"]), mo, None), mo))
        elif g["m5"] or g["m6"]:
            word = g["m5"] or g["m6"]
            if word.rstrip(".") == "May" and g["m5"] and not _MAY_CONTEXT.search(text[:start]):
                continue
            mo, d = _month(word), int(g["d5"] or g["d6"])
            if not 1 <= d <= 31:
                continue
            date = _date(year, mo, d) if year is not None else None
            out.append(DateMention(span, start, end, date, mo, d, year_inferred=date is not None))
        elif g["y7"]:
            after = text[end : end + 40]
            if _PLURAL_NOUN.match(after.lstrip()) and after[:1] == " ":
                continue  # "2000 troops": a count
            value = int(g["y7"])
            out.append(DateMention(span, start, end, _date(value, None, None)))
        elif g["m8"]:
            word = g["m8"]
            if word == "May" and not _MAY_CONTEXT.search(text[:start]):
                continue
            if word == "March" and re.match(r"\s+(?:on|to|through|for)\b", text[end:]):
                continue
            mo = _month(word)
            date = _date(year, mo, None) if year is not None else None
            out.append(DateMention(span, start, end, date, mo, year_inferred=date is not None))
    return out


_THIS_YEAR = re.compile(
    r"\b[Tt]his\s+year\b\s*[,:(—–-]?\s*\(?(?:in\s+)?(\d{4})\b"
    r"|\b(\d{4})\)?\s*[,—–-]?\s*this\s+year\b"
    r"|\b[Tt]he\s+current\s+year\b\s*[,:(]?\s*\(?(\d{4})\b"
)


def context_year(text: str) -> int | None:
    """The year the text is written in, when it says so ("This year, 2025").

    Otherwise, the most frequent year of the text's full dates ("June 16, 2025");
    otherwise None.
    """
    for m in _THIS_YEAR.finditer(text):
        found = m.group(1) or m.group(2) or m.group(3)
        if found:
            return int(found)
    years = Counter(
        d.date.year
        for d in find_dates(text)
        if d.date is not None and d.date.precision == "day" and not d.year_inferred
    )
    if years:
        return years.most_common(1)[0][0]
    return None
