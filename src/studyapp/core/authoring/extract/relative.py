"""Relative dates ("yesterday", "on Tuesday", "last month", "two years ago") and the year
of a date that omits it, both worked out from the article's own date (its anchor).

Nothing here guesses: without an anchor a relative date is found (so that
"two years ago" is never drafted as the figure 2) but left without a date, and
the draft asks for the article's date (``studyapp extract --date``).
"""

from __future__ import annotations

import datetime as dt
import re

from msgspec import Struct

from studyapp.core.authoring.extract.numbers import TENS, UNITS_0_19, words_value
from studyapp.core.authoring.extract.sentences import quote_spans
from studyapp.core.decks.model import MONTH_NAMES, PartialDate

__all__ = [
    "FUTURE",
    "FUTURE_IN_PAST",
    "RelativeDate",
    "Sequel",
    "after_date",
    "find_relative",
    "find_sequels",
    "nearest_year",
    "unquoted",
]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 0,
    "few": 0,
}

_TENS = "|".join(TENS)
_UNITS = "|".join(UNITS_0_19[1:10])


def _words_count(phrase: str) -> int | None:
    value = words_value(phrase)
    return int(value) if value is not None and value == int(value) else None


# any count in words, "seventeen" or "twenty-five" as well as "two" ("Seventeen years ago")
_AGO_COUNT = (
    rf"(?:(?:{_TENS})(?:[\s-](?:{_UNITS}))?|{_UNITS}|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_RELATIVE = re.compile(
    r"\b(?P<day>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b"
    r"|\b(?:(?P<wdir>last|next|this|on|early|late)\s+)?(?P<weekday>Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"(?!,?\s+(?:\d|January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
    r"|\b(?P<pdir>(?:earlier|later)\s+this|last|this|next|this\s+past)\s+(?P<period>week|month"
    r"|year)\b"
    r"|\b(?:by|at|before|until|till)\s+(?:the\s+)?(?:(?P<yearend>year[-\s]end)|end\s+of\s+"
    r"(?:the|this)\s+(?P<endof>year|decade))\b"
    rf"|(?<![\d,.])\b(?P<count>\d{{1,3}}|a|an|one|{_AGO_COUNT})\s+(?P<unit>day|week|month|year|decade)s?"
    r"\s+ago\b"
    r"|\b(?P<sdir>last|this|next|this\s+past)\s+(?P<season>spring|summer|autumn|fall)\b",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(?:will|shall|’ll|'ll|is\s+to|are\s+to|scheduled|planned\s+(?:to|for)"
    # "a summit to be held in May" (never "the first to be recognized", "used to be")
    r"|(?<!\bfirst\s)(?<!\blast\s)(?<!\bonly\s)(?<!\bused\s)to\s+be\s+(?:held|released"
    r"|published|launched|opened|completed|built|finished|announced|signed|decided|introduced"
    r"|presented|issued|delivered|inaugurated|sworn|unveiled|debated|considered|reviewed)"
    r"|plans?\s+to|(?:is|are|was|were)\s+expected|expected\s+to|set\s+to|due\s+to|is\s+set"
    r"|are\s+set|going\s+to|next|takes?\s+effect|goes\s+into\s+effect|go\s+into\s+effect"
    r"|comes?\s+into\s+force|expires?|is\s+due|are\s+due)\b",
    re.IGNORECASE,
)
FUTURE_IN_PAST = re.compile(
    rf"{FUTURE.pattern}|\bwould\s+(?!have\b)(?:\w+\s+)?(?:start|begin|open|close|end|take|be"
    r"|resume|launch|arrive|finish|run|hold|come|go|reach|visit|return|publish|vote|meet)\b",
    re.IGNORECASE,
)
"""A sentence about the future, or about what "would" happen (reported plans): a month
without a year is the coming one."""
_NOWADAYS = re.compile(r"(?:\bof|\bstill|\beven|[’']s)\s+$", re.IGNORECASE)
_TODAY_AS_NOW = re.compile(
    r"\btoday\s+than\b|\b(?:would|could|might)\s+(?:still\s+)?(?:be|have|need|say|do)\b"
    r"[^.;:?!]*\btoday\b|\btoday\b[^.;:]*\?\s*[”\"’]?\s*$|\bthere\s+(?:are|is)\b[^.;:]*\btoday\b",
    re.IGNORECASE,
)
""""Today" meaning nowadays: a comparison ("today than ever"), a hypothesis ("he would be
a Libertarian today"), a question, "there are more ... today"."""


_DAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
_WEEKDAY_SPAN_AFTER = re.compile(rf"\s*(?:through|thru|to|until|till|[-–—])\s*{_DAY_NAME}\b")
_WEEKDAY_SPAN_BEFORE = re.compile(rf"\b{_DAY_NAME}\s*(?:through|thru|to|until|till|[-–—])\s*$")
"""Days of the week as a span ("Monday through Friday", "Tuesday-Thursday"): the days a
service keeps, never one date (while "from Monday, the talks ..." or "on Friday" are)."""


def _clause_from(text: str, start: int) -> str:
    """The sentence from the last clause break before ``start`` to its end."""
    cut = max(text.rfind(c, 0, start) for c in ";:")
    return text[cut + 1 :]


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


class RelativeDate(Struct, frozen=True):
    """A date said relative to the article's date; ``date`` None without an anchor."""

    text: str
    start: int
    end: int
    date: PartialDate | None
    how: str | None = None


def _day(anchor: PartialDate) -> dt.date:
    return dt.date(anchor.year, anchor.month or 1, anchor.day or 1)


def _shown(anchor: PartialDate) -> str:
    if anchor.month is None:
        return str(anchor.year)
    if anchor.day is None:
        return f"{MONTH_NAMES[anchor.month - 1]} {anchor.year}"
    day = _day(anchor)
    return (
        f"{_WEEKDAYS[day.weekday()]}, {MONTH_NAMES[anchor.month - 1]} {anchor.day}, {anchor.year}"
    )


def _as_partial(day: dt.date, precision: str) -> PartialDate:
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def nearest_year(anchor: PartialDate, month: int, day: int | None, *, future: bool = False) -> int:
    """The year of "June 3" in an article dated ``anchor``.

    Articles mostly tell what has happened: the latest such date up to two months
    after the article's date (a launch "set for Sept. 8"); in a sentence about the
    future ("will", "is scheduled"), the first one from a week before it on.
    """
    base = _day(anchor)
    candidates: list[tuple[dt.date, int]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append((dt.date(year, month, day or 15), year))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    if future:
        later = [c for c in candidates if c[0] >= base - dt.timedelta(days=7 if day else 31)]
        return min(later)[1] if later else anchor.year
    earlier = [c for c in candidates if c[0] <= base + dt.timedelta(days=61)]
    return max(earlier)[1] if earlier else anchor.year


def _resolve(m: re.Match[str], text: str, anchor: PartialDate) -> tuple[PartialDate, str] | None:
    """The date ``m`` names relative to ``anchor``, and how it was worked out."""
    said = f"“{m.group(0)}”"
    whole_day = anchor.day is not None
    base = _day(anchor)
    of = f"the article's date ({_shown(anchor)})"
    g = m.groupdict()
    if g["day"]:
        if not whole_day:
            return None
        word = g["day"].lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        side = {-1: "the day before", 1: "the day after"}.get(shift, "the day of")
        return _as_partial(base + dt.timedelta(days=shift), "day"), f"{said}: {side} {of}"
    if g["weekday"]:
        if not whole_day:
            return None
        wanted = _WEEKDAYS.index(g["weekday"].capitalize())
        direction = (g["wdir"] or "").lower()
        future = direction == "next" or (
            direction != "last" and FUTURE.search(unquoted(_own_clause(text, m.end())))
        )
        if future:
            shift = (wanted - base.weekday()) % 7 or (7 if direction == "next" else 0)
            side = "after"
        else:
            shift = -((base.weekday() - wanted) % 7)
            side = "before"
        day = base + dt.timedelta(days=shift)
        if shift == 0:
            return _as_partial(day, "day"), f"{said}: the day of {of}"
        return _as_partial(day, "day"), f"{said}: the {g['weekday'].capitalize()} {side} {of}"
    if g["endof"] and g["endof"].lower() == "decade":
        # "by the end of the decade": the last year of the article's decade
        last = anchor.year // 10 * 10 + 9
        return PartialDate(last), f"{said}: the last year of the decade of {of}"
    if g["period"] or g["yearend"] or g["endof"]:
        period = (g["period"] or ("year" if g["yearend"] else g["endof"])).lower()
        direction = (g["pdir"] or "this").lower().split()[0]
        if direction == "this" and "past" in (g["pdir"] or "").lower():
            direction = "last"
        shift = {"last": -1, "next": 1}.get(direction, 0)
        if period == "year":
            year = anchor.year + shift
            side = {-1: "the year before", 1: "the year after"}.get(shift, "the year of")
            return PartialDate(year), f"{said}: {side} {of}"
        if period == "month":
            if anchor.month is None:
                return None
            day = _add_months(base, shift)
            side = {-1: "the month before", 1: "the month after"}.get(shift, "the month of")
            return _as_partial(day, "month"), f"{said}: {side} {of}"
        # a week has no date of its own: its month, when the whole week lies in one
        if not whole_day:
            return None
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
        sunday = monday + dt.timedelta(days=6)
        if (monday.year, monday.month) != (sunday.year, sunday.month):
            return None
        side = {-1: "the week before", 1: "the week after"}.get(shift, "the week of")
        return _as_partial(monday, "month"), f"{said}: {side} {of}, within one month"
    if g["unit"]:
        count = (
            _NUMBER_WORDS.get(g["count"].lower()) or _words_count(g["count"])
            if not g["count"].isdigit()
            else int(g["count"])
        )
        if not count:
            return None
        unit = g["unit"].lower()
        if unit in ("day", "week"):
            if not whole_day:
                return None
            days = count * (7 if unit == "week" else 1)
            return _as_partial(
                base - dt.timedelta(days=days), "day"
            ), f"{said}: counted back from {of}"
        if unit == "month":
            if anchor.month is None:
                return None
            return _as_partial(
                _add_months(base, -count), "month"
            ), f"{said}: counted back from {of}"
        years = count * (10 if unit == "decade" else 1)
        return PartialDate(anchor.year - years), f"{said}: counted back from {of}"
    if g["season"]:
        if anchor.month is None:
            return None
        first, last = _SEASON_MONTHS[g["season"].lower()]
        direction = g["sdir"].lower().split()[0]
        if "past" in g["sdir"].lower():
            direction = "last"
        month = anchor.month
        if direction == "last":
            year = anchor.year if month > last else anchor.year - 1
        elif direction == "next":
            year = anchor.year if month < first else anchor.year + 1
        else:
            year = anchor.year
        return PartialDate(year), f"{said}: the {g['season'].lower()} {direction} to {of}"
    return None


_NEXT_CLAUSE = re.compile(r",\s+(?:where|which|when|while|but|and|although|as)\b|;|\s[—–]\s")


def _own_clause(text: str, end: int) -> str:
    """The sentence up to the clause after the date ends ("visited on Tuesday, where a grant
    will ...": the "will" is another clause's)."""
    after = _NEXT_CLAUSE.search(text, end)
    return text[: after.start()] if after is not None else text


def unquoted(text: str) -> str:
    """``text`` without its quotations: their tense is the speaker's, not the article's."""
    for start, end, _closed in reversed(quote_spans(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def find_relative(text: str, anchor: PartialDate | None) -> list[RelativeDate]:
    """Relative date expressions in ``text`` (one sentence), resolved against ``anchor``.

    "Today" inside quotation marks, or meaning nowadays ("the planet today"), is left
    alone; a speaker's "two years ago" counts from the article's date like the article's.
    """
    spans = quote_spans(text)
    out: list[RelativeDate] = []
    for m in _RELATIVE.finditer(text):
        if m.group("day") and any(s <= m.start() < e for s, e, _ in spans):
            continue  # "today" in a quotation is mostly "nowadays"
        if m.group("day") and m.group("day").lower() == "today":
            if _NOWADAYS.search(text[: m.start()]) or re.match(r"[’']s\b", text[m.end() :]):
                continue
            if re.search(r"\b(?:the|our|its)\s+[a-z]+\s+$", text[: m.start()]):
                continue
            if _TODAY_AS_NOW.search(_clause_from(text, m.start())):
                continue  # "more magicians work today than ever", "would be ... today?"
        if m.group("weekday") and m.group("weekday")[0].islower():
            continue
        if m.group("weekday") and re.search(r"\b(?:a|every|each|any)\s+$", text[: m.start()], re.I):
            continue  # "on a Monday", "every Sunday": a habit, not a date
        if m.group("weekday") and (
            _WEEKDAY_SPAN_AFTER.match(text, m.end())
            or _WEEKDAY_SPAN_BEFORE.search(text[: m.start()])
        ):
            continue  # "open Monday through Friday", "Tuesday-Thursday": opening days, a habit
        if re.search(r"\b(?:the|over|during|in|for|past)\s+$", text[: m.start()]) and (
            m.group("period") or m.group("weekday")
        ):
            continue  # "over the next year", "in the last month": a span, not a date
        resolved = _resolve(m, text, anchor) if anchor is not None else None
        date, how = resolved if resolved is not None else (None, None)
        out.append(RelativeDate(m.group(0), m.start(), m.end(), date, how))
    return out


class Sequel(Struct, frozen=True):
    """A date said relative to the one the story told last: "the following day",
    "three days later", "two years earlier". ``unit`` is "day", "month" or "year";
    ``count`` how many of them after (negative: before) that date."""

    text: str
    start: int
    end: int
    unit: str
    count: int


_SEQUEL = re.compile(
    r"\b(?:[Tt]he\s+(?P<next>following|next|previous|preceding)\s+(?P<nunit>day|morning"
    r"|evening|night|month|year)"
    r"|[Tt]he\s+(?P<aunit>day|month|year)\s+(?P<adir>before|after)(?=\s*[,.;]|\s+(?:that|this)\b)"
    r"|(?:\b[Tt]hat(?:\s+same)?|\b[Tt]he\s+same)\s+(?P<sunit>day|month|year)(?![’'-]|\s+(?:of|when|that|which)\b)"
    rf"|(?P<count>\d{{1,2}}|a|an|one|{_AGO_COUNT})\s+(?P<cunit>day|week|month|year)s?"
    r"\s+(?P<cdir>later|earlier|afterwards?|before(?=\s*[,.;]))"
    r")\b",
    re.IGNORECASE,
)
_BACKWARD = frozenset({"previous", "preceding", "before", "earlier"})


def find_sequels(text: str) -> list[Sequel]:
    """Dates said relative to the story's last date ("The following day, ...", "Three days
    later, ...", "a conference that month", "the same day"), outside quotations; "the day
    before the vote" counts from the vote, not from a date, and is left alone."""
    spans = quote_spans(text)
    out: list[Sequel] = []
    for m in _SEQUEL.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        if m.group("next"):
            unit = m.group("nunit").lower()
            count = -1 if m.group("next").lower() in _BACKWARD else 1
        elif m.group("sunit"):
            unit, count = m.group("sunit").lower(), 0  # "a conference that month"
        elif m.group("aunit"):
            unit = m.group("aunit").lower()
            count = -1 if m.group("adir").lower() in _BACKWARD else 1
        else:
            said = m.group("count").lower()
            value = int(said) if said.isdigit() else _words_count(said)
            if not value:
                continue
            unit = m.group("cunit").lower()
            count = -value if m.group("cdir").lower() in _BACKWARD else value
            if unit == "week":
                unit, count = "day", count * 7
        unit = "day" if unit in ("morning", "evening", "night") else unit
        out.append(Sequel(m.group(0), m.start(), m.end(), unit, count))
    return out


def after_date(base: PartialDate, sequel: Sequel) -> PartialDate | None:
    """The date ``sequel`` says, counted from ``base``; None when ``base`` is not precise
    enough (a day after "1982" is no day)."""
    if sequel.unit == "day":
        if base.precision != "day":
            return None
        return _as_partial(_day(base) + dt.timedelta(days=sequel.count), "day")
    if sequel.unit == "month":
        if base.precision == "year":
            return None
        return _as_partial(_add_months(_day(base), sequel.count), "month")
    return PartialDate.parse(f"{base.year + sequel.count:04d}")
