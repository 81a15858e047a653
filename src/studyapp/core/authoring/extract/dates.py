"""Date expressions in text: full and partial dates, ranges, decades, centuries, relative dates.

Finds "June 17, 2025", "17 June 2025", "2025-06-17", "April 2023", "2015",
ranges ("1910–1945", "from 1998 to 2003"), decades ("the 1990s"), centuries
("the 20th century"), dates that omit the year ("June 3", "In March"), and,
given the article's own date (``anchor``), relative dates ("yesterday", "on
Tuesday", "last month", "earlier this year", "two years ago"). A date whose year
or day is worked out says how in ``how``. :func:`find_dates` is also used by
``lint`` to check that a date entry's date is in its own source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from msgspec import Struct

from studyapp.core.authoring.extract.relative import (
    FUTURE_IN_PAST,
    find_relative,
    nearest_year,
    unquoted,
)
from studyapp.core.authoring.extract.sentences import Sentence, is_citation, word_list
from studyapp.core.decks.model import MONTH_NAMES, PartialDate

__all__ = ["PER_BASE", "DateMention", "context_year", "find_dates", "format_anchor"]

MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)}
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
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|JAN\.?|FEB\.?|MAR\.?|APR\.?|JUN\.?|JUL\.?|AUG\.?|SEPT?\.?|OCT\.?|NOV\.?|DEC\.?)"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DASH = r"\s?[-–—]\s?"

# Counted things that make a bare four-digit number a count, not a year ...
_PLURAL_NOUN = re.compile(
    r"[a-z][a-z-]*s\b|[a-z-]*(?:children|people|men|women|staff|personnel|police|cattle"
    r"|sheep|deer|aircraft|feet)\b"
)
"""A plural noun after a number: "2000 troops", "1709 schoolchildren"."""
# Words that end in s but count nothing ("unveiled in 1999 as the ...").
_NOT_NOUNS = frozenset(
    word_list(
        "as is was has its this his thus yes plus less unless across whereas perhaps always "
        "sometimes besides towards afterwards becomes remains marks saw"
    )
)
# ... unless they are what a year qualifies ("2000 levels", "2012 dollars").
_YEAR_NOUNS = frozenset(
    word_list(
        "levels level prices dollars figures values rates terms standards numbers estimates "
        "elections budgets census data baseline"
    )
)


BUDGET_AFTER = re.compile(
    r"\s+(?:budget|appropriations?|spending\s+(?:bill|plan)|funding\s+bill|farm\s+bill"
    r"|(?:national\s+)?defense\s+authorization|NDAA)\b",
    re.IGNORECASE,
)
"""After a year, a budget it names: "increased the 2027 budget proposal", "the 2025
appropriations bill", "the 2026 farm bill" (a year of money, not of events: no date, and not
the year of its sentence's other dates)."""
PER_BASE = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?per\s+(?P<base>(?:1,?000,?000|100,?000|10,?000|1,?000|100)(?![\d,])"
    r"|(?:one\s+)?(?:hundred|thousand|million))\b(?:\s+(?P<of>(?!in\b|of\b|by\b|and\b)[a-z]{3,}))?"
)
"""After a number, the base of a rate: "1935 per 100,000 persons", "23.5 cesareans per 100
deliveries" (the number is a rate, never a year; the base is no figure of its own)."""


class DateMention(Struct, frozen=True):
    """A date expression in a sentence.

    ``date`` is None when the year is not stated and could not be worked out
    (``month``/``day`` then hold what was said), or for a relative date with no
    anchor. ``end`` is the last date of a range, a decade or a century.
    """

    text: str
    start: int
    end: int
    date: PartialDate | None
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False
    sentence: Sentence | None = None
    last: PartialDate | None = None
    """The end of a range ("1948–1949"), a decade or a century."""
    how: str | None = None
    """How the date was worked out, when the text does not state it whole."""
    relative: bool = False
    """Said relative to the article's date ("yesterday", "last month")."""


_DATE_RE = re.compile(
    r"(?<![\w.-])(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?![\w-])"
    # ranges: "1948–1949", "1948-49", "from 1998 to 2003", "fiscal year 1994 through 1998"
    rf"|(?:\b(?P<rfrom>[Ff]rom|[Bb]etween)\s+)?(?<![\w$€£¥₩.,/-])(?P<r1>{_YEAR})"
    rf"(?:{_DASH}(?P<r2>{_YEAR}|[0-9]{{2}})(?![\w%/]|[.,]\d|-\d)"
    rf"|\s+(?:to|through|until|till|(?<=[Bb]etween\s{{1}}\d{{4}}\s)and)\s+(?P<r3>{_YEAR})"
    r"(?![\w%/]|[.,]\d))"
    # decades and centuries: "the 1990s", "mid-1980s", "the '90s", "the 20th century"
    r"|(?P<decade>(?:(?<=\bmid-)|(?<=\bearly-)|(?<=\blate-)|(?<![\w$€£¥₩.,/-]))"
    r"(?:1[0-9]|20)[0-9]0[’']?s\b)"
    r"|(?P<sdecade>(?<=\s)[’'](?P<dd>[0-9]0)s\b)"
    r"|\b(?P<century>(?P<cn>[12]?[0-9])(?:st|nd|rd|th)|(?P<cw>eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty-first))[\s-]+[Cc]entury\b"
    rf"|\b(?P<m1>{_MONTH_WORD})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}\d{{1,2}})?,?\s+"
    rf"(?P<y1>\d{{4}})(?![\w-])"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}\d{{1,2}})?\s+(?:of\s+)?(?P<m2>{_MONTH_WORD})"
    rf",?\s+(?P<y2>\d{{4}})(?![\w-])"
    rf"|\b(?P<m4>{_MONTH_WORD}),?\s+(?:of\s+)?(?P<y4>\d{{4}})(?![\w-])"
    rf"|\b(?P<m5>{_MONTH_WORD})\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?(?![\w.,]?\d)(?!\w)"
    rf"|\b(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m6>{_MONTH_WORD})(?!\w)"
    rf"|(?<![\w$€£¥₩.,/-])(?P<y7>{_YEAR})(?![\w%/]|[.,]\d|-\d)"
    # "mid-1971", "pre-2000", "FY2024", "FY 2024"
    rf"|(?:(?<=\bmid-)|(?<=\bearly-)|(?<=\blate-)|(?<=\bpre-)|(?<=\bpost-)|(?<=\bFY)|(?<=\bFY\s))"
    rf"(?P<y11>{_YEAR})(?![\w%/]|[.,]\d|-\d)"
    # US numeric dates: "10/7/2024", "4/6/93"
    r"|(?<![\w/.])(?P<nm>1[0-2]|0?[1-9])/(?P<nd>3[01]|[12][0-9]|0?[1-9])/(?P<ny>\d{4}|\d{2})(?![\w/])"
    rf"|\b(?i:in|an|the|last|this|next|since|until|till|by|early|late|mid|during|from|through"
    rf"|of|each|every|a)[\s-](?P<m8>{_FULL_MONTH})\b(?!,?\s*(?:of\s+)?\d)"
    rf"|^(?P<m9>{_FULL_MONTH})(?=,\s)"
    # a month alone in brackets after a figure: "a low of 13,844 claims (November)"
    rf"|(?<=\()(?P<m10>{_FULL_MONTH})(?=\))"
)
# What every match of _DATE_RE holds, branch by branch: a digit (all numeric forms), a month
# word (every one, full, short or upper-case, begins with one of these stems, case as
# written) or "century" ("the twentieth century"). A text with none holds no match.
_DIGIT = re.compile(r"\d")
_WORD_STEMS = (
    *(name[:3] for name in MONTH_NAMES),
    *(name[:3].upper() for name in MONTH_NAMES),
    "entury",
)
# Where a match of _DATE_RE can start, branch by branch: a digit, an apostrophe ("the '90s")
# or a word's first character (month words, "from"/"between", ordinals, "in"/"the" before a
# month). Trying _DATE_RE only there finds what finditer finds at half the cost or less:
# .match(text, pos) sees the text before pos as search does (lookbehinds, \b, ^).
_MATCH_START = re.compile(r"\b\w|\d|[’']")


_NAMED_YEAR = re.compile(r"\b(?:[Dd]isease|Vision|Agenda|Horizon|Expo|Windows)\s+$")
"""Before a year that is part of a name: "coronavirus disease 2019 (COVID-19)", "Saudi Vision
2030", "the 2030 Agenda" aside (a year before its noun names a thing too, as
:func:`~studyapp.core.authoring.extract.extraction` reads it)."""


def _may_hold_a_date(text: str) -> bool:
    """False only when ``_DATE_RE`` cannot match anywhere in ``text``."""
    return _DIGIT.search(text) is not None or any(stem in text for stem in _WORD_STEMS)


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """``_DATE_RE.finditer(text)``, with the same matches, tried only where one can start."""
    if not _may_hold_a_date(text):
        return
    match = _DATE_RE.match
    pos = 0
    for start in _MATCH_START.finditer(text):
        at = start.start()
        if at < pos:
            continue  # inside the last match: finditer goes on from its end
        m = match(text, at)
        if m is not None:
            yield m
            pos = m.end()  # every branch consumes a character: never an empty match


_FISCAL_NAME = re.compile(
    r"\s+(?!(?:to|through|thru|until|and|or|but|the|a|an|was|were|is|are|as|when|with|for|in"
    r"|on|at|by|from|of|than|that|which|while|budget\s+year)\b)(?P<w>[A-Z]{2,}s?\b|[A-Za-z][a-z-]+)"
)
"""After a fiscal year, a word it qualifies: "the FY2026 NOFO", "the FY2025 monthly backlog",
"the FY2026 Consolidated Appropriations Act" name a document or a series by the year it
funds or covers, not an event of that year ("In FY2026, 88% went ...", "FY2012 through
FY2024", "firms with FY2025 contracts" stay dates)."""
_MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|early|late|mid|during|from|through|last|next|this|of|a|an"
    r"|the)[\s-]$",
    re.IGNORECASE,
)
_MAY_DAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|early|late|mid|during|from|through|last|next|this|of|on"
    r"|before|after|to|and|or|between|than)[\s-]$",
    re.IGNORECASE,
)
"""Where "May 5" is a date: "May" with a day is the month after the words of
:data:`_MAY_CONTEXT` and after "on", "before", "to" ("On May 5, ...", "from April 3 to
May 5"); "the committee may 5 ..." never capitalises it, but "May 5 people" could."""
_ORDINAL_WORDS = {
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or _MONTH_ABBR[key]


_DECADE_PART = re.compile(r"\b(early|mid|late)(?:-|\s+)(?:the\s+)?$", re.IGNORECASE)
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
"""The years of a decade's part: "the early 1970s" is 1970-1973, "the late 1940s" 1947-1949."""


def _date(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return PartialDate.parse(PartialDate(year, month, day).isoformat())
    except ValueError:
        return None


def format_anchor(anchor: PartialDate) -> str:
    """The article's date as a person writes it ("August 30, 2000")."""
    if anchor.month is None:
        return str(anchor.year)
    month = MONTH_NAMES[anchor.month - 1]
    return f"{month} {anchor.day}, {anchor.year}" if anchor.day else f"{month} {anchor.year}"


_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[—–]\s|\s(?:and|but|while|whereas|although)\s")


def _future(text: str, start: int, end: int) -> bool:
    """Whether the words that lead to a date speak of the future ("will launch on Sept. 8",
    "I am going to Italy in November, Mexico in January"), up to the end of the date's own
    clause: "began on August 10 and ... says the broadcasts will continue" is past.
    Quotations aside (their tense is the speaker's)."""
    plain = unquoted(text)
    before = [m.end() for m in re.finditer(r";\s|\s[—–]\s", plain[:start])]
    after = _CLAUSE_BREAK.search(plain, end)
    clause = plain[before[-1] if before else 0 : after.start() if after else len(plain)]
    return FUTURE_IN_PAST.search(clause) is not None


def _year_for(
    month: int,
    day: int | None,
    year: int | None,
    anchor: PartialDate | None,
    future: bool = False,
) -> tuple[int | None, str | None]:
    """The year of a date that omits it, and how it was worked out."""
    if year is not None:
        return year, None
    if anchor is not None and anchor.month is not None:
        chosen = nearest_year(anchor, month, day, future=future)
        return chosen, f"the article's date ({format_anchor(anchor)})"
    if anchor is not None:
        return anchor.year, f"the article's year ({anchor.year})"
    return None, None


def find_dates(
    text: str,
    year: int | None = None,
    *,
    anchor: PartialDate | None = None,
    relative: bool = True,
) -> list[DateMention]:
    """Every date expression in ``text``.

    ``year`` completes dates that omit it ("June 3"): the year the text's context
    gives. Without it, ``anchor`` (the article's own date) gives the nearest such
    date, and resolves relative dates ("yesterday", "last month"). ``relative=False``
    leaves relative dates out: for a caller that only wants dates it can compare,
    and has no anchor to resolve them by (a third of the finder's time).
    """
    out: list[DateMention] = []
    for m in _date_matches(text):
        found = _mention(text, m, year, anchor)
        if found is not None:
            out.append(found)
    taken = [(d.start, d.end) for d in out]
    for rel in find_relative(text, anchor) if relative else ():
        if not any(s < rel.end and rel.start < e for s, e in taken):
            out.append(
                DateMention(
                    rel.text,
                    rel.start,
                    rel.end,
                    rel.date,
                    rel.date.month if rel.date else None,
                    rel.date.day if rel.date else None,
                    year_inferred=rel.date is not None,
                    how=rel.how,
                    relative=True,
                )
            )
    out.sort(key=lambda d: d.start)
    return out


def _mention(
    text: str, m: re.Match[str], year: int | None, anchor: PartialDate | None
) -> DateMention | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if g["r1"]:
        first = int(g["r1"])
        raw = g["r2"] or g["r3"]
        second = int(raw)
        if len(raw) == 2:
            second = first // 100 * 100 + second  # "1948-49"
        if second <= first:
            return DateMention(g["r1"], m.start("r1"), m.end("r1"), _date(first, None, None))
        span_start = m.start("rfrom") if g["rfrom"] else m.start("r1")
        return DateMention(
            text[span_start:end],
            span_start,
            end,
            _date(first, None, None),
            last=_date(second, None, None),
        )
    if g["decade"] or g["sdecade"]:
        if g["decade"]:
            first = int(g["decade"][:4])
        else:
            base = anchor.year if anchor is not None else (year or 2000)
            first = base // 100 * 100 + int(g["dd"])
            if first > base:
                first -= 100
        span = m.group(0)
        if first % 100 == 0 and g["decade"]:
            return DateMention(
                span, start, end, _date(first, None, None), last=_date(first + 99, None, None)
            )
        # "the early 1970s", "mid-1930s", "the late 1940s": the decade's first, middle or
        # last years, as readers (and the keys written blind) take them
        part = _DECADE_PART.search(text[max(0, start - 12) : start])
        low, high = _DECADE_PARTS[part.group(1).lower()] if part is not None else (0, 9)
        return DateMention(
            span, start, end, _date(first + low, None, None), last=_date(first + high, None, None)
        )
    if g["century"]:
        n = int(g["cn"]) if g["cn"] else _ORDINAL_WORDS[g["cw"].lower()]
        if not 1 <= n <= 21:
            return None
        return DateMention(
            m.group(0),
            start,
            end,
            _date((n - 1) * 100, None, None),  # "the 19th century": the 1800s, as readers mean
            last=_date((n - 1) * 100 + 99, None, None),
        )
    if g["m1"] or g["m2"] or g["y3"]:
        if g["m1"]:
            y, mo, d = int(g["y1"]), _month(g["m1"]), int(g["d1"])
        elif g["m2"]:
            y, mo, d = int(g["y2"]), _month(g["m2"]), int(g["d2"])
        else:
            y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
        date = _date(y, mo, d)
        return DateMention(m.group(0), start, end, date, mo, d) if date is not None else None
    if g["m4"]:
        if g["m4"] == "May" and not re.search(r"May,?\s+(?:of\s+)?\d{4}", m.group(0)):
            return None
        mo = _month(g["m4"])
        return DateMention(m.group(0), start, end, _date(int(g["y4"]), mo, None), mo)
    if g["m5"] or g["m6"]:
        word = g["m5"] or g["m6"]
        if word.rstrip(".") == "May" and g["m5"] and not _MAY_DAY_CONTEXT.search(text[:start]):
            return None
        if word.rstrip(".").lower() == "mar" and not word.isupper():
            return None
        mo, d = _month(word), int(g["d5"] or g["d6"])
        if not 1 <= d <= 31:
            return None
        chosen, how = _year_for(mo, d, year, anchor, _future(text, start, end))
        date = _date(chosen, mo, d) if chosen is not None else None
        return DateMention(
            m.group(0), start, end, date, mo, d, year_inferred=date is not None, how=how
        )
    if g["y11"]:
        named = _FISCAL_NAME.match(text, end)
        if (
            named
            and re.search(r"FY\s?$", text[:start])
            and (
                named.group("w")[0].isupper()
                or re.search(r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat|[Tt]heir)\s+FY\s?$", text[:start])
            )
        ):
            return None  # "the FY2026 NOFO", "the FY2025 backlog": the year names a thing
        return DateMention(m.group(0), start, end, _date(int(g["y11"]), None, None))
    if g["nm"]:
        year = int(g["ny"])
        if len(g["ny"]) == 2:
            year += 1900 if year >= 30 else 2000
        mo, d = int(g["nm"]), int(g["nd"])
        date = _date(year, mo, d)
        return DateMention(m.group(0), start, end, date, mo, d) if date is not None else None
    if g["y7"]:
        if is_citation(text, start, end):
            return None  # "H.R. 1781", "§1341": a bill or a section, not a year
        if PER_BASE.match(text, end):
            return None  # "(1935 per 100,000 persons)": a rate, not a year
        if _NAMED_YEAR.search(text[:start]):
            return None  # "coronavirus disease 2019", "Vision 2030": a name's year
        after = text[end : end + 40]
        noun = _PLURAL_NOUN.match(after.lstrip())
        modifier = re.search(
            r"\b(?:the|its|his|her|their|our|this|that|in|since|by|until|till|during|before"
            r"|after|through)\s+$",
            text[:start],
            re.I,
        )  # "the 2014 protests", "In 1999 voters chose": a year, not a count
        if (
            noun
            and after[:1] == " "
            and noun.group(0) not in _YEAR_NOUNS
            and noun.group(0) not in _NOT_NOUNS
            and not modifier
        ):
            return None  # "2000 troops": a count, never "the 2014 protests" (a year's events)
        if modifier and BUDGET_AFTER.match(text, end):
            return None  # "the 2027 budget proposal": a budget, not an event of 2027
        return DateMention(m.group(0), start, end, _date(int(g["y7"]), None, None))
    word = g["m8"] or g["m9"] or g["m10"]
    if word:
        group = "m8" if g["m8"] else "m9" if g["m9"] else "m10"
        start, end = m.start(group), m.end(group)
        if word == "May" and not _MAY_CONTEXT.search(text[:start]):
            return None
        if word == "March" and re.match(r"\s+(?:on|to|through|for)\b", text[end:]):
            return None
        mo = _month(word)
        chosen, how = _year_for(mo, None, year, anchor, _future(text, start, end))
        date = _date(chosen, mo, None) if chosen is not None else None
        return DateMention(word, start, end, date, mo, year_inferred=date is not None, how=how)
    return None


_THIS_YEAR = re.compile(
    r"\b[Tt]his\s+year\b\s*[,:(—–-]?\s*\(?(?:in\s+)?(\d{4})\b"
    r"|\b(\d{4})\)?\s*[,—–-]?\s*this\s+year\b"
    r"|\b[Tt]he\s+current\s+year\b\s*[,:(]?\s*\(?(\d{4})\b"
)


def context_year(text: str) -> int | None:
    """The year the text says it is written in ("This year, 2025"), else None.

    Never a guess from the other dates of the text: a history of 1948 may well
    mention 1947 more often than 1948.
    """
    for m in _THIS_YEAR.finditer(text):
        found = m.group(1) or m.group(2) or m.group(3)
        if found:
            return int(found)
    return None
