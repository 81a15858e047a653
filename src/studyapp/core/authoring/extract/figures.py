"""Figures in text: percentages, money, counts, fractions and ordinals, with what they measure.

A figure is a number that measures something: "41 percent of respondents",
"$3 billion", "300,000 West Berliners", "a crew of seven", "two-thirds of",
"its 39th mission". Numbers that measure nothing are left alone: numbers inside
names and identifiers ("Pioneer 4", "STS-134", "B-29", "RELEASE: 00-134", "the
747"), times of day, reference markers, confidence intervals and p-values
(they qualify another figure), "first" and ordinals in names ("Second World
War"), and a number word that counts nothing named ("the two", "one of").
:func:`numbers_in` (every number a text states, in digits or words) is also
used by ``lint`` to check that a figure entry's value is in its own source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Literal

import msgspec
from msgspec import Struct

from studyapp.core.authoring.extract.dates import PER_BASE, DateMention, find_dates
from studyapp.core.authoring.extract.measures import measure_of, opens_with_verb, rate_measure
from studyapp.core.authoring.extract.numbers import (
    CARDINAL_PHRASE,
    CARDINAL_WORDS,
    FRACTION_PHRASE,
    ORDINAL_PHRASE,
    ORDINAL_WORDS,
    SCALES,
    fraction_value,
    words_value,
)
from studyapp.core.authoring.extract.sentences import Sentence, is_citation, word_list

__all__ = ["FigureMention", "find_figures", "numbers_in"]

FigureKind = Literal["percent", "money", "count", "ordinal", "number", "fraction"]

_CURRENCY = {"$": "dollars", "US$": "US dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_CURRENCY["₩"] = "won"
_CURRENCY_WORDS = (
    r"(?:(?:US|U\.S\.|American|Canadian|Australian)\s+dollars?|dollars?|euros?"
    r"|pounds?(?:\s+sterling)?|yen|yuan|rupees?|won)"
)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_RE = r"(?:hundred|thousand|million|billion|trillion)"

_FIGURE_RE = re.compile(
    rf"(?P<cur>US\$|[$€£¥₩])\s?(?P<cnum>{_NUM})(?:\s?(?P<cscale>{_SCALE_RE}|[mbk]n?)\b)?"
    rf"|(?<![\w.,%])(?P<pnum>[-+−]?(?:{_NUM}))\s?(?P<punit>%|percent\b|per\s+cent\b"
    r"|percentage\s+points?\b)"
    rf"|(?<![\w.,/$€£¥₩-])(?P<onum>\d+)(?P<osuf>st|nd|rd|th)\b"
    rf"|(?<![\w.,/$€£¥₩])(?P<num>{_NUM})(?:\s+(?P<scale>{_SCALE_RE}))?"
    rf"(?:\s+(?P<wcur>{_CURRENCY_WORDS}))?(?![\w%]|[.,]\d)"
    r"|\b(?P<mult>twice|thrice|doubled|doubling|tripled|tripling|trebled|quadrupled)\b"
    rf"|\b(?P<frac>{FRACTION_PHRASE})"
    rf"|\b(?P<oword>{ORDINAL_PHRASE})\b"
    rf"|\b(?P<cword>{CARDINAL_PHRASE}|one|an?(?=\s+(?:hour|day|week|month|year|decade)\b))\b",
    re.IGNORECASE,
)

_ORDINAL_IDIOMS = re.compile(
    r"\b(?:in\s+the\s+first\s+place|at\s+first|first\s+of\s+all|for\s+the\s+first\s+time"
    r"|first\s+and\s+foremost|second\s+thoughts?|first-hand|firsthand|second-hand|secondhand"
    r"|first\s+time|second\s+nature|at\s+first\s+glance|first\s+lady|second\s+guess"
    r"|on\s+second|split\s+second|a\s+second\s+(?:time|look|chance)"
    r"|third[\s-]part(?:y|ies)|third\s+world|first\s+lady)\b",
    re.IGNORECASE,
)
_ANAPHORA_NOUNS = (
    r"(?:countries|nations|sides|leaders|governments|parties|men|women|neighbors|neighbours"
    r"|states|powers|allies|presidents|teams|companies|groups|candidates|camps|of)"
)
_ANAPHORA = re.compile(rf"^\s+{_ANAPHORA_NOUNS}\b(?!\s+of\b)", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:the|these|those|both|its|their|our)\s+$", re.IGNORECASE)

# Words after a number that say it counts nothing named.
_NOT_COUNTED = frozenset(
    word_list(
        "of to and or but the a an in on at by for from with as than that which who is are was "
        "were be been will would can could may might must should has have had do does did it "
        "its this these those he she they we i you his her their our my your more less most "
        "least other others another each per percent later earlier ago before after "
        "over under out up down off about into through while when if so not no also only "
        "still even just again there here where what how why all both either neither such "
        "s am pm a.m p.m"
    )
)
_QUANTIFIERS = re.compile(
    r"\b(?:over|above|below|under|nearly|almost|about|around|approximately|roughly|some"
    r"|more\s+than|less\s+than|fewer\s+than|up\s+to|at\s+least|at\s+most|exceeded|exceeding"
    r"|reached|reaching|totall?ed|total\s+of|topped|record|surpassed|to|from|by|of|was|were"
    r"|is|are|numbered|at)\s+$",
    re.IGNORECASE,
)
_UNIT_NOUNS = frozenset(
    word_list(
        "second seconds minute minutes hour hours day days week weeks month months year years "
        "decade decades century centuries km kilometres kilometers mile miles metre metres "
        "meter meters foot feet inch inches ton tons tonne tonnes kg kilograms pound pounds "
        "gram grams litre litres liter liters gallon gallons acre acres hectare hectares mph "
        "degrees times point points"
    )
)
# Names of things that carry a number ("Table 1", "Apollo 11", "Flight 93").
_NAMED_BEFORE = re.compile(
    r"(?<![\w.])(?!(?:A|An|In|On|At|By|Of|For|From|To|About|Some|Nearly|Over|Only|Around|Almost"
    r"|Under|Up|Each|Every|All|And|But|Or|The|Its|Their|Our|His|Her|With|Than|Since|Until"
    r"|Between|Among|After|Before|During|Of|Roughly|Approximately|Exactly|Just|Another"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)[A-Z][\w’'-]*\s+$"
)
_IDENTIFIER = re.compile(r"[A-Za-z]+[-‑]$|[-‑]$|#\s*$|\bNo\.\s*$|\bNos?\.\s*$", re.IGNORECASE)
_TIME = re.compile(r"^(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hours?\s+(?:GMT|UTC|EDT))")
_QUALIFIER_CONTEXT = re.compile(
    r"\b(?:CI|confidence\s+interval|confidence\s+limits?|p\s*[<=>≤≥]|margin\s+of\s+error"
    r"|standard\s+(?:error|deviation)|SE|SD|odds\s+ratio|OR|RR|relative\s+risk)\b"
)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None


class FigureMention(Struct, frozen=True):
    """A number in a sentence and what it seems to measure."""

    text: str
    start: int
    end: int
    value: Decimal
    unit: str | None
    kind: FigureKind
    measure: str
    word: str | None = None
    """The number as written in words ("sixtieth", "three"), an answer that also counts."""
    sentence: Sentence | None = None

    @property
    def number(self) -> int | float:
        """The value as the deck model stores it (an int unless it has decimals)."""
        if self.value == self.value.to_integral_value() and (
            "." not in self.text or self.kind == "fraction"
        ):
            return int(self.value)
        return float(self.value)


_MULTIPLES = {
    "twice": 2,
    "doubled": 2,
    "doubling": 2,
    "thrice": 3,
    "tripled": 3,
    "tripling": 3,
    "trebled": 3,
    "quadrupled": 4,
}
# "sales tripled from 1972 to 1991", "have doubled since": what grew is the subject
_INTRANSITIVE = re.compile(
    r"^\s*(?:[,.;:)]|$|\s(?:from|in|to|since|over|between|during|by|after|within|last|this"
    r"|each|every|again|and|or|but|while|when|as)\b)"
)
_AGE_GROUP = r"(?:[<>≤≥]=?\s*)?\d+(?:\s?[-–‑]\s?\d+)?\s+(?:years?|months?)(?:\s*\([^()]{1,30}\))?"
_AGE_LIST = re.compile(
    rf"\b(?:aged?|ages)\s+{_AGE_GROUP}(?:\s*,\s*(?:and\s+|or\s+)?{_AGE_GROUP})*"
    r"\s*,\s*(?:and\s+|or\s+)?(?:[<>≤≥]=?\s*)?(?:\d+\s?[-–‑]\s?)?$",
    re.IGNORECASE,
)
"""Before a number that goes on a list of age groups: "aged ≤18 years, 19–64 years, and
≥65 years" (each names who was counted, as "aged 18-24 years" does)."""
# "aged 14", "at age seventeen", "at the age of 60": a person's age in years
_AGE_BEFORE = re.compile(r"\b(?:aged|(?:at\s+)?(?:the\s+)?age(?:\s+of)?)\s+$", re.IGNORECASE)
# "Thomas Sam, 42, and his wife": an age in apposition to a person's full name
_AGE_APPOSITION = re.compile(r"[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+,\s*$")
# "only one campaign appearance", "fired one shell": "one" counting a noun; never "one of",
# "one day" or "One resident said" (a pronoun's use)
_ONE_COUNTS = re.compile(
    r"(?:\b(?i:only|just|at\s+least|at\s+most|exactly|more\s+than|fewer\s+than|less\s+than"
    r"|single|but)|(?<![’'])\b(?!(?:is|was|are|were|has|had|have|be|been|of|in|on|at|to|for|by"
    r"|with|from|than|the|a|an|this|that|any|every|each|no|which|what|only|its|his|her|their"
    r"|our|and|or|but|as|into|about|over|after|before|said|says)\b)[a-z]{3,})\s+$"
)
_COUNT_BEFORE = re.compile(
    r"\b(?:of|about|around|some|nearly|almost|over|than|approximately|roughly|only|just|least"
    r"|most|total|all)\s+$",
    re.IGNORECASE,
)
"""Before a number like a year that counts: "a survey of 1709 schoolchildren" (never "the
proposed 2026 changes" or "In 1999 voters chose ...")."""
_ONE_IDIOMS = frozenset(
    word_list(
        "of another day time way thing point hand side moment reason more less other another "
        "hundred thousand million billion person little further last final big"
    )
)
# "only one day to test": after "only" these idioms' nouns count again
_ONE_SPANS = frozenset(word_list("day time moment person"))
_SCALE_SUFFIX = {"m": "million", "mn": "million", "b": "billion", "bn": "billion", "k": "thousand"}


def _bracketed_count(text: str, start: int, end: int) -> bool:
    """A count given in brackets beside what it counts: "cleaners (28,158)", "bleaches
    (1,949; 62.1%)", "(from 4,713 to 6,379)", "(3,137 for cleaners, 4,591 for
    disinfectants)" (never a reference's number, "(1)", nor a year)."""
    head, after = text[:start], text[end:]
    written = text[start:end]
    if re.search(r"\(\s*(?:from\s+[\d,.]+\s+)?to\s+$", head) and re.match(r"\s*\)", after):
        return True  # "(from 4,713 to 6,379)": the new value, beside the old
    # "cleaners (28,158)", "bleaches (1,949; 62.1%)"; never "(594)" or "(1848)", a year
    large = (
        "," in written
        or "." in written
        or (len(written) >= 3 and re.match(r"\s*;", after) is not None)
    )
    if not large:
        return False
    if re.search(r"(?:\(|\(\s*[\d,.]+\s+for\s+[^()]{1,40},)\s*$", head) and re.match(
        r"\s+for\s+[a-z]", after
    ):
        return True  # "(3,137 for cleaners, 4,591 for disinfectants)"
    if (
        re.match(r"\s*\)\s*\d", after)
        or _UNIT_BEFORE.search(head)
        or re.match(rf"\s*\)\s*{_UNITS}\b", after, re.IGNORECASE)
    ):
        return False  # "(301) 496-1144": a telephone; "1,300 kilograms (3,000) pounds": a unit
    return bool(re.search(r"[A-Za-z]\s+\($", head) and re.match(r"\s*(?:\)|;)", after))


_UNITS = (
    r"(?:(?:kilo|centi|milli)?(?:grams?|met(?:er|re)s?)|pounds|lbs?|ounces|tons|tonnes|miles|km"
    r"|kilometers|kilometres|feet|foot|inches|yards|acres|hectares|gallons|liters|litres"
    r"|degrees|kg|mg|cm|mm|ft|mph)"
)
_UNIT_BEFORE = re.compile(rf"\b{_UNITS}\s+\($", re.IGNORECASE)
"""A unit before a bracketed number: the number is the same measure in another unit."""


def _counts_something(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` counts something the sentence names."""
    if _bracketed_count(text, start, end):
        return True
    if re.match(r"^\s?°\s?[FC]\b", text[end:]):
        return True  # "100 °C"
    # "533,000 (0.6%) women", "eight [13%] hospitalizations"
    after = re.sub(r"^\s*(?:\([^()]{1,30}\)|\[[^\[\]]{1,30}\])(?=\s)", "", text[end:])
    head = text[:start]
    hyphen_unit = re.match(r"^[-‑](?P<u>[a-z]+)", after)
    if hyphen_unit is not None or _SPACED_UNIT.match(after):
        return True  # "an 11-day flight", "a six - member team" (a hyphen set apart)
    noun = re.match(r"^\s+(?:[a-z][\w-]*\s+){0,2}?(?P<w>[A-Za-z][\w’'-]*)", after)
    first = re.match(r"^\s+(?P<w>[A-Za-z][\w’'.-]*)", after)
    if first is not None:
        word = first.group("w").lower().rstrip(".")
        if word not in _NOT_COUNTED:
            return True
        if word in ("other", "more", "such") and re.match(
            r"^\s+\w+\s+(?:[a-z-]+\s+)?[a-z]{3,}s\b", after
        ):
            return True  # "the two other outstanding issues", "two more years", "76 such claims"
        if word in _BE_HAVE and _SHARE_ASIDE.match(text[end:]):
            return True  # "31 (62%) had attended a rally": a count given with its share
        if (word in _BE_HAVE or word == "for") and _PARTITIVE.search(head):
            # "Of that total, 367 have been awards ...; ... and 145 were decisions", "Of the
            # 200 points, up to 20 are for X and up to 8 for Y"
            return True
        if word in ("to", "and", "or") and re.match(
            rf"^\s+(?:to|and|or)\s+(?:{_NUM}|{CARDINAL_PHRASE})\b", after, re.IGNORECASE
        ):
            return True  # "ten to 32 pages", "40 to 50 questions"
    if re.match(r"^\s*[-–]\s*\d", after):
        return True
    if re.match(r"^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:\d|[a-z]+\s+[a-z])", after):
        return True  # "159 of the 225 seats", "eight of the ten members"
    if re.search(r"\b[nN]\s*=\s*$", head):
        return True  # a sample's size "(n = 2,032)"
    if re.search(r"\d\s+(?:of|out\s+of)\s+$", head):
        return True  # the total of "483 of 997", "209 out of 338"
    if re.search(r"\b(?:of|all)\s+$", head) and re.search(
        r"\b[a-z]+\s+of\s+$|\ball\s+$|\b(?:a|an|the)\s+(?:[a-z]+\s+){0,2}[A-Z]{2,}\s+of\s+$", head
    ):
        return True  # "a crew of seven", "all six aboard", "a very low CSI of 20" (an index)
    if _QUANTIFIERS.search(head) and re.search(r"\b[a-z]{3,}\s+(?:\w+\s+)?$", head):
        return noun is not None or bool(re.match(r"^\s*[,.;:)]", after))
    return False


_BE_HAVE = frozenset(word_list("have has had were was are is"))
_SHARE_ASIDE = re.compile(r"^\s*\(\s*\d[\d.,]*\s*%\s*\)")
_PARTITIVE = re.compile(
    r"(?:^|[.;:]\s+)(?:Of|Among)\s+(?:(?:the|that|these|those|this|its|their|some|about|nearly"
    r"|roughly|approximately|over)\b|(?=\d))(?P<whole>(?:[^,;:]|,(?=\d{3}))"
    r"{1,60}?(?:\s\([^()]{1,30}\))?),"
    r"(?:[^.;:]*(?:,?\s+and|;)\s+)?[^,.;:]{0,4}"
    r"(?:(?<![\w-])(?:up\s+to|about|nearly|almost|only|some|over|roughly|at\s+least|at\s+most)\s+)?$"
)
"""A count whose noun the sentence put first: "Of that total, 367 have been awards ...",
"Of the 59 remaining awards, 3 approved ..., and 56 were in favor of ...", "Of some 5,000
students in 1949, 105 were held", "Of 58 persons whose ... (Figure 2C), nine were ..."."""
_HYPHEN_UNIT = re.compile(
    r"^[-‑](?:day|week|month|year|hour|minute|second|mile|foot|page|person|member|seat|point"
    r"|time|fold|strong|old)s?\b"
    r"|^[-‑][a-z]{3,}\b(?![-‑]?\d)"  # "the 12-turbine South Fork Wind Farm"
)
_TERM_COMPOUND = re.compile(
    r"^[-‑](?:party|state|child|way|tier|sided|dimensional|horse|man|size|stop|shot|off)\s+[a-z]"
)
"""A number word in a term that names a kind, not a count: "the two-party system", "a
one-child policy", "a two-state solution", "a one-way street" (while "the three-nation
alliance" counts its nations)."""
# "a six - member team": a compound written with its hyphen set apart, as some texts print it
_SPACED_UNIT = re.compile(
    r"^\s[-‑]\s(?:day|week|month|year|hour|minute|mile|foot|page|person|member|seat|point"
    r"|nation|country|party|state|game|match|man|woman|strong|story|storey)s?\b"
)
# "seats increased from 9 to 10": a change's old value, then the new one (the figure)
_CHANGE = (
    r"(?:increased|increases|rose|rises|grew|grows|fell|falls|dropped|drops|declined|declines"
    r"|decreased|decreases|climbed|climbs|jumped|jumps|went\s+(?:up|down)|shrank|shrinks"
    r"|was\s+(?:raised|cut|reduced|lowered)|were\s+(?:raised|cut|reduced|lowered))"
)
_CHANGE_FROM = re.compile(rf"\b{_CHANGE}\s+from\s+$", re.IGNORECASE)
_CHANGE_TO = re.compile(rf"\b{_CHANGE}\s+from\s+\S+(?:\s+\S+)?\s+to\s+$", re.IGNORECASE)
_RANGE_NEXT = re.compile(rf"^\s?[-–‑]\s?(?P<n>{_NUM})")
_RANGE_PREV = re.compile(rf"(?<![\w.,])(?P<n>{_NUM})\s?[-–‑]\s?$")
_MEASURED_AFTER = re.compile(
    rf"^\s?(?:%|percent\b|per\s+cent\b|percentage\b|{_SCALE_RE}\b|[a-z][\w-]*)", re.IGNORECASE
)


def _in_range(text: str, start: int, end: int) -> bool | None:
    """True for an end of a range of something measured ("40-50 questions", "15-20%"),
    False for digits joined by a hyphen that measure nothing ("93-64", "00-134"), None
    when the number is not joined to another."""
    nxt = _RANGE_NEXT.match(text[end:])
    if nxt is not None:
        tail_at = end + nxt.end()
        first = text[start:end]
    else:
        prev = _RANGE_PREV.search(text[:start])
        if prev is None:
            return None
        tail_at = end
        first = prev.group("n")
    if first.startswith("0") and not first.startswith("0."):
        return False
    tail = text[tail_at:]
    measured = _MEASURED_AFTER.match(tail)
    return measured is not None and measured.group(0).strip().lower() not in _NOT_COUNTED


def _skip_number(text: str, start: int, end: int, *, count: bool = False) -> bool:
    """Numbers that measure nothing: names, identifiers, times, markers, qualifiers."""
    head = text[:start]
    after = text[end:]
    if is_citation(text, start, end):
        return True  # "43 U.S.C. §1341", "H.R. 1781"
    if _PER_AFTER.search(head):
        return True  # "639 per 100,000": the base of a rate, measured by the rate
    series = _SERIES.search(head)
    if (
        series is not None
        and series.group(1) not in _CURRENCY_CODES
        and ("." in text[start:end] or end - start >= 3)
    ):
        return True  # "EO 14347", "DODD 3000.09", "NSC 68": a document's number
    named = re.search(r"[A-Za-z][A-Za-z0-9]*[-‑–]$|#\s*$|\bNos?\.\s*$", head)
    if (named or re.match(r"^[-‑][A-Za-z]", after)) and not _HYPHEN_UNIT.match(after):
        return True  # "STS-134", "B-29", "#3"
    joined = _in_range(text, start, end)
    if joined is False:
        return True  # "RELEASE: 93-64"
    if joined and re.search(r"\b(?:aged?|ages)\s+(?:[\d.]+\s?[-–‑]\s?)?$", head, re.IGNORECASE):
        return True  # "aged 18-24 years" names a group
    if _AGE_LIST.search(head):
        return True  # "aged ≤18 years, 19–64 years, and ≥65 years": each names a group
    if _TIME.match(after) or re.search(r"\d:$", head):
        return True
    if (
        re.search(r"[(\[]$", head)
        and re.match(r"^[)\]]", after)
        and re.fullmatch(r"\d{1,2}", text[start:end])
    ):
        return True  # a reference marker "(3)"
    if (
        re.match(r"^\)\s", after)
        and re.fullmatch(r"\d", text[start:end])
        and re.search(r"(?:^|[\s:;,])$", head)
        and text.rfind("(", 0, start) <= text.rfind(")", 0, start)
    ):
        return True  # a list's item marker: "were 1) consistent use and 2) ..."
    if _OFFSET.match(after):
        return True  # "the same period 1 year earlier": when, not how many
    if re.search(r"https?://\S*$|www\.\S*$|/\S*$", head):
        return True
    if _PART_NAME.search(head):
        return True  # "Table 1 provides", "Figure 2 shows", "within tier 1", "Phase 3 trials"
    if (
        count
        and _NAMED_BEFORE.search(head)
        and not re.match(r"^\s+(?:[a-z]+\s+){0,1}[a-z]+s\b", after)
        and not _COMPOUND_LENGTH.match(after)  # "a CDC 2-year study"
    ):
        return True  # "Pioneer 4", "Table 1", "Boeing 747"
    open_at = text.rfind("(", 0, start)
    inside = open_at >= 0 and text.rfind(")", 0, start) < open_at
    if inside and _QUALIFIER_CONTEXT.search(text[open_at:start]):
        return True  # "(95% CI = 1.2-3.4)": the interval qualifies the figure before it
    if re.search(r"(?:\bCI\b|confidence\s+interval|margin\s+of\s+error)[^.;()]{0,25}$", head):
        return True
    if re.match(r"^\s*(?:%\s*)?(?:CI|confidence)\b", after) or re.search(r"[±]\s*$", head):
        return True
    if re.match(
        r"\s+(?:years?|months?)\s+(?:of\s+age|old)\s+or\s+(?:younger|older|less|more|under|over)",
        after,
    ):
        return True  # "2 years of age or younger": the bound of a group
    if re.search(r"\bp\s*[<=>≤≥]\s*$", head) or _THRESHOLD.search(head):
        return True  # "p < 0.05", "p values of less than 0.05", "aged less than 11 years"
    return bool(re.search(r"\bmargin\s+of\s+error\b[^.]{0,30}$", head))


_COMPOUND_LENGTH = re.compile(r"^[-‑](?:day|week|month|year|hour|minute|mile)s?\b")
_OFFSET = re.compile(
    r"^\s+(?:years?|months?|weeks?|days?)\s+(?:(?:earlier|later|ago|previously)\b"
    r"(?!\s+than\b)|(?:before|after)(?=\s*[,.;]))"
)
"""A time counted from another ("1 year earlier", "three days later"): a date's offset, which
the date finder reads, not a figure ("38 days after illness onset" is a length)."""
_PART_NAME = re.compile(
    r"(?<![\w-])(?:[Tt]ables?|[Ff]igures?|[Ff]ig\.|[Cc]harts?|[Ee]xhibits?|[Aa]ppendix|[Aa]nnex"
    r"|[Bb]ox|[Gg]raphs?|[Pp]anels?|[Tt]iers?|[Pp]hases?|[Ss]tages?|[Ll]evels?|[Cc]hapters?"
    r"|[Ss]ections?|[Aa]rticles?|[Vv]olumes?|[Vv]ol\.|[Ss]teps?|[Tt]itle|[Ss]chedule|[Oo]ption"
    r"|Type|Class|Category|Group|Zone|Item|Model|Version)\s+$"
)
"""A part, a stage or a rank the number names, not a count: "Table 1", "Figure 2", "tier 1",
"Phase 3", "Type 2 diabetes" ("a table of 5 rows", "three tiers" still count)."""
_THRESHOLD = re.compile(
    r"\b(?:(?:p[\s-]*values?|significance\s+level|alpha)\s+(?:of\s+|was\s+|were\s+)?"
    r"(?:(?:less|greater|more|lower|higher)\s+than\s+)?(?:or\s+equal\s+to\s+)?"
    r"|\bp\s+(?:(?:less|greater)\s+than|equals?|of)\s+(?:or\s+equal\s+to\s+)?"
    r"|\b(?:before|under|over|above|below|until|after|from)\s+(?:the\s+)?age\s+(?:of\s+)?"
    r"|\bages\s+(?=$)"  # "children ages 1 month to 12 years": a group's bounds
    r"|\b(?:aged?|ages)\s+[\d.]+\s+(?:months?|years?|weeks?|days?)\s+(?:to|through|and)\s+"
    r"|aged?\s+(?:(?:less|greater|more|younger|older)\s+than(?:\s+or\s+equal\s+to)?"
    r"|under|over|below|above|at\s+least|at\s+most|up\s+to|[<>≤≥]=?)\s*)$",
    re.IGNORECASE,
)
"""A bound that defines what is counted, not a finding: a test's significance level ("p
values of less than 0.05") or the age limit of a group ("children aged less than 11
years": the group of the figure beside it, as "aged 18-24" is)."""


_SUPERLATIVE = re.compile(
    r"[\s-]+(?:largest|biggest|highest|lowest|smallest|greatest|longest|busiest|richest"
    r"|poorest|oldest|most|least|leading|fastest)\b",
    re.IGNORECASE,
)
"""After an ordinal that ranks by size or degree: "third-largest", "16th-highest", "second
most populous"."""


# Verbs that give a rank in a contest: "came fourth", "ended up third", "placed second"
_PLACED = re.compile(
    r"\b(?:came|comes|come|ended\s+up|ends\s+up|finished|finishes|finish|placed|places"
    r"|ranked|ranks|was\s+ranked|came\s+in|finished\s+in)\s+$",
    re.IGNORECASE,
)


_AFTER_PLACE = re.compile(r"\s*(?:$|[,.;:!?)]|\s+(?:in|at|with|behind|after|of)\b)")


def _ordinal_ok(text: str, start: int, end: int, phrase: str) -> bool:
    """Ordinals that rank something ("its 39th mission"), never "first" or a name's."""
    lower = phrase.lower()
    if lower in ("first", "zeroth"):
        return False
    after = text[end:]
    if re.match(r"^[\s-]+[A-Z]", after) and not re.match(r"^\s+(?:[A-Z][a-z]+\s+)?of\b", after):
        return False  # "Second World War", "Fifth Avenue"
    head = text[:start]
    if re.match(r"\s+place\b", after):
        # "as second place", "finished in fourth place"; "in the second place" is "secondly"
        return not re.search(r"(?<!finished\s)(?<!came\s)\bin\s+the\s+$", head, re.I)
    if _PLACED.search(head) and _AFTER_PLACE.match(after):
        return True  # "we ended up fourth", "Came fourth at the 2010 World Cup"
    if _ORDINAL_IDIOMS.search(text[max(0, start - 20) : end + 25]) and (
        lower == "second" or re.match(r"[\s-]+(?:part|world|lady)", after, re.IGNORECASE)
    ):
        return False  # "second thoughts", "third party candidates", "Third World"
    if _SUPERLATIVE.match(after):
        return True  # "the world's third-largest democracy", "its 16th-largest economy"
    if lower == "second":
        if re.match(r"\s+(?:to|of|in\s+command)\b", after):
            return False
        if not re.search(
            r"(?:\b(?:the|a|its|his|her|their|was|is|were|are|came|ranked|placed|finished)"
            r"|\w[’']s)\s+$",
            text[:start],
            re.IGNORECASE,
        ):
            return False
    return bool(re.match(r"^\s+[a-z]|^\s+(?:after|behind|to|place)\b", after)) or bool(
        re.search(r"\b(?:was|is|came|ranked|placed|finished)\s+$", text[:start])
    )


def find_figures(text: str, dates: Sequence[DateMention] | None = None) -> list[FigureMention]:
    """Every figure in ``text`` outside its date expressions."""
    taken = [(d.start, d.end) for d in (dates if dates is not None else find_dates(text))]
    out: list[FigureMention] = []
    for m in _FIGURE_RE.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken):
            continue
        found = _figure(text, m)
        if found is not None:
            out.append(found)
    return _with_rates(text, out) if "/" in text else out


_RATE = re.compile(
    r"\(\s*(?P<a>\d[\d,]*)\s*/\s*(?P<b>\d[\d,]*)\s*[,;]?\s*(?P<p>\d+(?:\.\d+)?)\s?%\s*\)"
)
"""A rate as a report on an outbreak or a survey writes it: "(6/32 19%)", the cases, the
group they are of, and the share."""
_RATE_GROUP = re.compile(
    # the last "among" (its group may hold "in" or "less than": "among persons who had lived
    # in Kampala", "among children aged less than or equal to 15 years") ...
    r"\bamong\s+(?P<group>(?:(?!among\b|than\s+(?:among|in|for)\b)[^\s(),;]+\s+){0,13}?"
    r"[^\s(),;]+)\s*$"
    # ... else the last "in", "for" or "of", and a few words after it
    r"|\b(?:in|for|of)\s+(?P<short>(?:(?!(?:among|in|for|of|than)\b)[^\s(),;]+\s+){0,7}?"
    r"[^\s(),;]+)\s*$",
    re.IGNORECASE,
)
"""The group a rate is of, before its brackets: after the last "among" (fourteen words at
most), else after the last "in", "for" or "of" (eight)."""
_RATE_OUTCOME = re.compile(
    r"\b(?:risk|rate|rates|incidence|prevalence)\s+(?:for|of)\s+(?P<outcome>[a-z][a-z -]{2,40}?)"
    r"\s+(?:was|were|is|are)\b",
    re.IGNORECASE,
)


def _with_rates(text: str, found: list[FigureMention]) -> list[FigureMention]:
    """``found`` with each rate written "(6/32 19%)" read whole: its cases and its group as
    counts of their own, and the share measured as a share of that group (the percent alone
    read "6/32 …" as what it measures)."""
    out = list(found)
    for m in _RATE.finditer(text):
        group = _RATE_GROUP.search(text[: m.start()])
        a, b = _decimal(m.group("a")), _decimal(m.group("b"))
        if group is None or a is None or b is None or a > b:
            continue
        name = "group" if group.group("group") else "short"
        who = " ".join(group.group(name).split())
        outcome = _RATE_OUTCOME.search(text[: m.start()])
        ill = outcome.group("outcome").strip() if outcome is not None else None
        cases = f"number of {who} with {ill}" if ill else f"number of cases among {who}"
        share = f"share of {who} with {ill}" if ill else f"share of {who} who were cases"
        # a number inside the group only says who it is ("aged less than or equal to 15
        # years"): no figure of its own; the share is measured as the group's
        out = [
            f
            if not (m.start("p") <= f.start < m.end())
            else msgspec.structs.replace(f, measure=share)
            for f in out
            if not group.start(name) <= f.start < group.end(name)
        ]
        for key, measure in (("a", cases), ("b", f"number of {who}")):
            if any(f.start == m.start(key) for f in out):
                continue
            value = a if key == "a" else b
            out.append(
                FigureMention(m.group(key), m.start(key), m.end(key), value, None, "count", measure)
            )
    return sorted(out, key=lambda f: f.start)


_PER_AFTER = re.compile(r"\bper\s+$")
_SERIES = re.compile(
    r"(?:\b([A-Z]{2,6})\]?|\b(?:Executive\s+Order|Order|Directive|Instruction|Memorandum"
    r"|Publication|Circular|Bulletin))\s+$"
)
"""Before a number, a document series ("EO", "DODD", "Executive Order"): the number is the
document's, not a figure."""
_CURRENCY_CODES = frozenset(
    word_list("USD EUR GBP JPY CNY CAD AUD CHF INR KRW RUB MXN BRL ZAR SEK NOK DKK HKD SGD")
)


def _rate(text: str, start: int, end: int) -> FigureMention | None:
    """A rate per a base ("639 per 100,000", "1935 per 100,000 persons", "23.5 cesareans per
    100 deliveries"): one figure, its unit the base. None when no base follows."""
    if _PER_AFTER.search(text[:start]):
        return None  # (the base itself is no figure: handled where it is skipped)
    per = PER_BASE.match(text, end)
    if per is None:
        return None
    value = _decimal(text[start:end])
    if value is None:
        return None
    base = per.group("base").replace(",", "")
    base = {"hundred": "100", "thousand": "1,000", "million": "1,000,000"}.get(
        base.split()[-1], f"{int(base):,}"
    )
    unit = f"per {base}" + (f" {per.group('of')}" if per.group("of") else "")
    measure = rate_measure(text, start, end) or "what this number measures"
    return FigureMention(text[start:end], start, end, value, unit, "count", measure)


def _figure(text: str, m: re.Match[str]) -> FigureMention | None:
    start, end = m.start(), m.end()
    g = m.groupdict()
    unit: str | None = None
    word: str | None = None
    kind: FigureKind
    if g["cur"]:
        value = _decimal(g["cnum"])
        scale = g["cscale"]
        scale = _SCALE_SUFFIX.get(scale.lower(), scale.lower()) if scale else None
        name = _CURRENCY.get(g["cur"], g["cur"])
        unit = f"{scale} {name}" if scale else name
        kind = "money"
        if _skip_number(text, start, end):
            return None
    elif g["pnum"]:
        value = _decimal(g["pnum"])
        unit = "percentage points" if g["punit"].lower().startswith("percentage") else "%"
        kind = "percent"
        if _skip_number(text, start, m.start("punit")):
            return None
    elif g["onum"]:
        value = _decimal(g["onum"])
        kind = "ordinal"
        if value == 1 or _skip_number(text, start, end, count=True):
            return None
        if not _ordinal_ok(text, start, end, "nth"):
            return None
    elif (
        g["num"] and not g["scale"] and not g["wcur"] and (rate := _rate(text, start, m.end("num")))
    ):
        return rate
    elif g["num"]:
        number_end = m.end("num")
        told = None if g["scale"] or g["wcur"] else _ratio_or_range(text, start, number_end)
        told = told or _conversion(text, start, number_end)
        if told is not None:
            return told
        if (
            re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", g["num"])
            and not g["scale"]
            and not g["wcur"]
            and not (
                re.match(r"\s+[a-z]*(?:children|people|men|women|s)\b", text[number_end:])
                and _COUNT_BEFORE.search(text[:start])
            )
        ):
            return None  # a year the date finder chose not to keep ("1709 schoolchildren" counts)
        if _skip_number(text, start, number_end, count=True):
            return None
        value = _decimal(g["num"])
        if g["wcur"]:
            unit = f"{g['scale'].lower()} {g['wcur']}" if g["scale"] else g["wcur"]
            kind = "money"
        else:
            ranged = _in_range(text, start, number_end)
            age = not ranged and not g["scale"] and _is_age(text, start, number_end, value)
            points = _POINTS_AFTER.match(text[number_end:]) is not None and _PERCENT.search(text)
            # "seats increased from 9 to 10": the old value and the new are both figures
            changed = (
                _CHANGE_TO.search(text[:start]) is not None
                or _CHANGE_FROM.search(text[:start]) is not None
            )
            if (
                not g["scale"]
                and not ranged
                and not age
                and not changed
                and not _counts_something(text, start, number_end)
            ):
                return None
            unit = g["scale"].lower() if g["scale"] else _unit_after(text, end)
            unit = unit or _partitive_unit(text[:start])
            kind = "count"
            if age:
                unit = "years"
            elif points:
                # "13 percent, 14 points behind ...": points of a share are percentage points
                unit, kind = "percentage points", "percent"
    elif g["mult"]:
        # "almost tripled", "twice in three weeks": how many times, a figure of its own
        if g["mult"].lower().endswith(("ed", "ing")) and not _INTRANSITIVE.match(text[end:]):
            return None  # "doubled the lead": what doubled is not said in numbers
        value = Decimal(_MULTIPLES[g["mult"].lower()])
        unit, word, kind = "times", g["mult"], "count"
    elif g["frac"]:
        if _REGION_HALF.search(text[:start]) and g["frac"].lower().startswith(("half", "halves")):
            return None  # "the southern half of the island": a place, not a share
        value = fraction_value(g["frac"])
        if value is not None:
            value = value.quantize(Decimal("0.01")).normalize() if len(str(value)) > 6 else value
        word = g["frac"]
        kind = "fraction"
    elif g["oword"]:
        phrase = g["oword"]
        if not _ordinal_ok(text, start, end, phrase):
            return None
        value = words_value(phrase)
        word = phrase
        kind = "ordinal"
    else:
        phrase = g["cword"]
        if phrase[:1].isupper() and re.search(r"[^\s.!?:;“\"(]\s*$", text[:start]):
            return None  # capitalised inside a sentence: a name ("the Group of Ten")
        definite = _DEFINITE.search(text[:start]) is not None
        anaphora = _ANAPHORA.match(text[end:])
        out_of = _OUT_OF.match(text[end:]) is not None and not definite  # "four of 12"
        if not out_of and (
            (anaphora and (definite or anaphora.group(0).strip().lower() == "of"))
            or (definite and re.match(r"^\s+(?:of|and)\b", text[end:]))
        ):
            return None  # "the two countries", "five of the", "the two of them"
        age = _is_age(text, start, end, words_value(phrase))
        span = re.fullmatch(r"(?i:a|an|one)", phrase) and _SPAN_OF_ONE.search(text[:start])
        span = span and _SPAN_UNIT.match(text, end)
        if span:
            # "within an hour", "for one year": a length of time, one of its unit
            value = Decimal(1)
            unit = span.group("u").lower()
            measure = measure_of(text, start, end, "count") or "what this number measures"
            return FigureMention(m.group(0), start, end, value, unit, "count", measure, phrase)
        if re.fullmatch(r"(?i:a|an)", phrase) or (
            phrase.lower() == "one" and not _one_counts(text, start, end)
        ):
            return None  # "one of", "a day": not a count
        if not age and phrase.lower() != "one" and not _counts_something(text, start, end):
            return None  # "two." : not counting anything named
        if _TERM_COMPOUND.match(text[end:]):
            return None  # "the two-party system", "a one-child policy": a kind, not a count
        if (
            re.match(r"^[\s-]+[A-Z]", text[end:])
            and not re.match(r"^\s+[A-Z][a-z]+(?:\s+[a-z]|(?<=s)[,;.])", text[end:])
            and not re.match(r"^\s+[A-Z]{2,}s?\s+[a-z]{3,}s\b", text[end:])  # "nine ACTG sites"
            and not _PROPER_PLURAL.match(text[end:])
            and not _NAMED_KIND.match(text[end:])
            and not _MODELS.match(text[end:])
            and not (phrase.lower() == "one" and _MODEL.match(text[end:]))
        ):
            return None  # part of a name ("Apollo Eleven", "Big Four"); not "million Berliners,"
        value = words_value(phrase)
        word = phrase
        scale = re.search(r"(million|billion|trillion|thousand)$", phrase.lower())
        if scale and value is not None:
            value = value / {"thousand": 10**3, "million": 10**6, "billion": 10**9}.get(
                scale.group(1), 10**12
            )
            unit = scale.group(1)
        else:
            unit = "years" if age else _unit_after(text, end)
        kind = "count"
    if value is None:
        return None
    measure = measure_of(text, start, end, kind) or "what this number measures"
    return FigureMention(m.group(0), start, end, value, unit, kind, measure, word)


_SPAN_OF_ONE = re.compile(r"\b(?:[Ww]ithin|for(?:\s+(?:up\s+to|about|nearly|only|just))?)\s+$")
_SPAN_UNIT = re.compile(r"\s+(?P<u>hour|day|week|month|year|decade)\b(?!\s+(?:of|or)\b|[-‑])")
"""A time limit or a length of one unit: "answered within an hour", "renew grants for one
year" (never "one day he left", "for a year of study", "for a day or two")."""
_REGION_HALF = re.compile(
    r"\b(?:(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|left|right"
    r"|front|back|rear|inner|outer)\s+$",
    re.IGNORECASE,
)
_NAMED_KIND = re.compile(r"^\s+(?:[A-Z][\w.’'-]*\s+){1,4}[a-z]{3,}s\b")
"""A count of things a name qualifies: "eight U.S. Public Health Service agencies", "two
Supreme Court justices" (the noun counted is the lowercase plural after the name)."""
_PROPER_PLURAL = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:ans|ers|ese|ites|s)\b(?!\s+[A-Z])"
)
"""People named by a capitalised plural: "nearly a million East Germans", "two West
Berliners", "three Tamils" (counts, not names such as "Apollo Eleven" or "the Big Four")."""
_MODELS = re.compile(
    r"^\s+[A-Z]{1,4}-?\d{1,4}[A-Z]{0,2}"
    r"(?:s\b|(?:\s+[A-Z][\w-]*){0,3}(?:\s+[a-z][\w-]*){0,2}\s+(?:aircraft|[a-z]{3,}s)\b"
    r"|(?:\s+[A-Z][a-z]+)*[a-z]s\b)"
)
"""Things counted by their model's designation: "three F-15Es", "five KC-135s", "Twelve
F-15E Strike Eagle fighter aircraft", "two MQ-9 Reapers" (a count; "Apollo 11" stays a name)."""
_MODEL = re.compile(r"^\s+[A-Z]{1,4}-\d{1,4}[A-Z]{0,2}\b(?![-‑])")
"""One thing by its model's designation: "one F-15E destroyed", "one HH-60W sustained"."""
_POINTS_AFTER = re.compile(r"^\s+points?\b(?!\s+of\s+(?:view|order|contact|light))")
_PERCENT = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)


def _partitive_unit(head: str) -> str | None:
    """The unit a count shares with the whole its sentence opened with: "Of the 200 points
    available, up to 20 are for ...": 20 points."""
    whole = _PARTITIVE.search(head)
    if whole is None:
        return None
    counted = re.search(rf"(?:{_NUM})\s+(?P<u>[a-z]+)", whole.group("whole"))
    if counted is None or counted.group("u") not in _UNIT_NOUNS:
        return None
    return counted.group("u")


def _is_age(text: str, start: int, end: int, value: Decimal | None) -> bool:
    """A person's age: "aged 14", "at age seventeen", "Thomas Sam, 42, and ..." (never a
    group's range, "aged 18-24 years", which names who was counted)."""
    if value is None or not 0 < value < 120 or value != value.to_integral_value():
        return False
    head = text[:start]
    if re.match(r"^\s?[-–‑]\s?\d|^\s+(?:to|and|or)\s+\d", text[end:]):
        return False
    if _AGE_BEFORE.search(head):
        return not re.search(
            r"\b(?:those|people|persons|men|women|adults|children|students|respondents"
            r"|schoolchildren|participants|patients|users)\s+(?:\w+\s+)?$",
            head[: _AGE_BEFORE.search(head).start()],  # type: ignore[union-attr]
        )
    return _AGE_APPOSITION.search(head) is not None and re.match(r"^\s*,", text[end:]) is not None


def _one_counts(text: str, start: int, end: int) -> bool:
    """Whether "one" counts the noun after it ("fired one shell", "only one campaign
    appearance"): after a verb or "only"/"at least", before a lowercase noun, never an idiom."""
    if (
        re.search(r"(?:;|,(?:\s+and)?)\s+$", text[:start])
        and (
            opens_with_verb(text[end:].lstrip())
            or re.match(r"\s+(?:[a-z]+\s+)?[a-z]{2,}ed\b", text[end:])  # "and one child died"
        )
        and re.search(rf"\d|\b(?:{CARDINAL_PHRASE})\b", text[:start], re.IGNORECASE)
    ):
        return True  # "Nine families were evacuated; one returned home": one of them
    if _MODEL.match(text[end:]) and (_ONE_COUNTS.search(text[:start]) or not text[:start].strip()):
        return True  # "reported one F-15E destroyed", "One F-35A Lightning II fighter aircraft"
    noun = re.match(r"^\s+(?P<w>[a-z]{3,})\b", text[end:])
    if noun is None or noun.group("w") in _NOT_COUNTED:
        return False
    only = re.search(r"\b(?:only|just|exactly)\s+$", text[:start], re.IGNORECASE)
    if noun.group("w") in _ONE_IDIOMS and not (noun.group("w") in _ONE_SPANS and only):
        return False
    if re.match(r"^\s+(?:[a-z-]+\s+)?[a-z]+\s+of\b", text[end:]):
        return False  # "one little piece of", "one part of": a share, not a count
    return _ONE_COUNTS.search(text[:start]) is not None


def _unit_after(text: str, end: int) -> str | None:
    """A unit of measurement right after the number ("45 seconds", "an 11-day flight", "155
    F", "86.1 °C")."""
    degrees = re.match(r"^\s?(?:°\s?|degrees\s+)?(?P<t>[FC])\b(?![.’'-]\w)", text[end:])
    if degrees is not None:
        return f"°{degrees.group('t')}"
    m = re.match(r"^(?:\s[-‑]\s|\s+|[-‑])(?P<u>[a-z]+)", text[end:])
    if m is None:
        return None
    unit = m.group("u").lower()
    if unit in _UNIT_NOUNS:
        # "an 11-day flight", "a 21 - year reign": the compound's noun, counted in plural
        return f"{unit}s" if re.match(r"\s?[-‑]", text[end:]) and unit[-1] != "s" else unit
    return None


def _leading_words(words: Sequence[str]) -> list[str]:
    """``words`` less those that begin with another of them ("sixteen" begins with "six")."""
    return sorted(w for w in words if not any(w != o and w.startswith(o) for o in words))


# The words numbers_in reads, each a match's first word or one right after a space or
# hyphen ("a half", "a thousand"): counts, ordinals, scales, "dozen", fractions' "half" and
# "quarter" ("third" is an ordinal), multiples ("twice"). Every number word match starts at a
# word's start with one of them (case-blind, as the finders are); a number in digits has \d.
_NUMBER_VOCAB = [
    *CARDINAL_WORDS,
    *ORDINAL_WORDS,
    *SCALES,
    *word_list("dozen half halves quarter"),
    *_MULTIPLES,
]
_MAY_STATE_A_NUMBER = re.compile(
    rf"\d|\b(?:{'|'.join(_leading_words(_NUMBER_VOCAB))})", re.IGNORECASE
)


def numbers_in(text: str) -> list[Decimal]:
    """Every number ``text`` states: digits, number words, ordinals, and date parts."""
    if _MAY_STATE_A_NUMBER.search(text) is None:
        return []  # no digit and no number word: nothing below can match
    values = [f.value for f in find_figures(text, dates=[])]
    for match in re.finditer(r"\d+(?:[.,]\d+)*", text):
        value = _decimal(match.group(0))
        if value is not None:
            values.append(value)
    for match in re.finditer(rf"\b(?:{ORDINAL_PHRASE}|{CARDINAL_PHRASE}|one|zero)\b", text, re.I):
        value = words_value(match.group(0))
        if value is not None:
            values.append(value)
    for match in re.finditer(rf"\b(?:{FRACTION_PHRASE})", text, re.I):
        value = fraction_value(match.group(0))
        if value is not None:
            values += [value, value.quantize(Decimal("0.01")).normalize()]
    return values


_OUT_OF = re.compile(rf"^\s+of\s+(?:the\s+)?(?:\d|(?:{CARDINAL_PHRASE})\b)", re.IGNORECASE)
"""A count out of a total: "four of 12 clinics", "three of the 10 ponds" (never "five of the
leaders", a part of a group named before)."""
_RATIO_BEFORE = re.compile(
    r"(?P<label>(?:\b(?:matched|adjusted|crude)\s+)?(?:odds\s+ratio|relative\s+risk|risk\s+ratio"
    r"|hazard\s+ratio|\b(?:a?OR|RR|HR)))\s*(?:[\[(](?:a?OR|RR|HR)[\])]\s*)?(?:=|:|,|of|was)\s*$"
)
"""The value of an odds ratio, "(matched odds ratio [OR]=7.5; 95% CI=...)", a figure of its
own (its confidence interval qualifies it and stays out)."""
_EXPOSURE = re.compile(
    r"\b(?:implicated|associated\s+with|linked\s+to|a\s+risk\s+factor\s+for)\s+(?P<what>.{8,})"
)
"""What an odds ratio is of, when a long clause names it: "... controls implicated eating at
a chain A restaurant in San Diego"."""
_RATIO_NAMES = {"or": "odds ratio", "aor": "adjusted odds ratio", "rr": "relative risk"}
_RATIO_NAMES["hr"] = "hazard ratio"
_RANGE_OPEN = re.compile(r"\(\s*range\s*[:,=]?\s*$", re.IGNORECASE)
_RANGE_CLOSE = re.compile(rf"\(\s*range\s*[:,=]?\s*(?:{_NUM})\s?(?:[-–‑]|to)\s?$", re.I)
_CENTRE = re.compile(
    r"\b(?:median|mean|average)\s+(?P<what>[^,;()]+?)\s+(?:was|were|is|are)\b", re.IGNORECASE
)


_CONVERTED = re.compile(rf"(?P<n>{_NUM})\s?(?:°\s?)?[A-Za-z]{{1,12}}\s*\(\s*$")


def _conversion(text: str, start: int, end: int) -> FigureMention | None:
    """A figure given again in other units, "155 F (68.3 C)", "5 miles (8 km)": what the
    first one measures, in these units (a card of its own, worded as the same measure)."""
    outer = _CONVERTED.search(text[:start])
    unit = _unit_after(text, end) if outer is not None else None
    value = _decimal(text[start:end])
    if outer is None or unit is None or value is None:
        return None
    first = measure_of(text, outer.start("n"), outer.end("n"), "number")
    return FigureMention(text[start:end], start, end, value, unit, "count", f"{first}, in {unit}")


def _ratio_or_range(text: str, start: int, end: int) -> FigureMention | None:
    """An odds ratio's value, or an end of the range given after a median ("The median age
    was 41 years (range: 19-77 years)": the youngest and the oldest), with what it measures;
    None for any other number."""
    head = text[:start]
    value = _decimal(text[start:end])
    if value is None:
        return None
    open_at = head.rfind("(")
    clause = re.split(r"[.;:!?]\s", head[:open_at])[-1].strip() if open_at >= 0 else ""
    ratio = _RATIO_BEFORE.search(head)
    if ratio is not None and clause:
        words = ratio.group("label").lower().split()
        if words[-1] in _RATIO_NAMES:  # "matched OR" -> "matched odds ratio"
            words[-1] = _RATIO_NAMES[words[-1]]
        name = " ".join(words)
        exposure = _EXPOSURE.search(clause)  # "controls implicated eating at a chain A ..."
        what = exposure.group("what") if exposure else " ".join(clause.split()[-14:])
        return FigureMention(text[start:end], start, end, value, None, "number", f"{name}: {what}")
    low = _RANGE_OPEN.search(head) is not None and _RANGE_NEXT.match(text[end:]) is not None
    high = not low and _RANGE_CLOSE.search(head) is not None
    if not (low or high) or not clause:
        return None
    unit_end = end + _RANGE_NEXT.match(text[end:]).end() if low else end  # type: ignore[union-attr]
    unit = _unit_after(text, unit_end)
    centre = _CENTRE.search(clause)
    what = centre.group("what") if centre else f"of the range: {clause}"
    return FigureMention(
        text[start:end],
        start,
        end,
        value,
        unit,
        "count",
        f"{'lowest' if low else 'highest'} {what}",
    )
