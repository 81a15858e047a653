"""Draft a deck from an article's plain text: its dates, figures and quotations.

Writing a deck from an article by hand is slow; most of it is finding every
date, every number and every quotation and copying its sentence. This module
does that part with regular expressions and the standard library only (no
model downloads), and leaves the judgement to the instructor: every draft
entry carries the verbatim sentence as ``source`` and a prompt to edit.

What it finds:

* dates: "June 17, 2025", "17 June 2025", "2025-06-17", "April 2023", "2015",
  and "June 3" or "a January survey" with the year taken from the text's
  context when the text states it ("This year, 2025") or from its full dates;
* figures: percentages, counts ("three years", "28,500 troops", "$3 billion"),
  ordinals ("sixtieth anniversary", "second after ...") with a guess at what
  they measure;
* quotations in typographic or straight double quotes, with the speaker when
  the text attributes them (said / stated / according to / the subject of the
  sentence, or of the one before for "he said").

The finders (:func:`find_dates`, :func:`numbers_in`) are also used by
``lint`` to check that an entry's answer is in its own source.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import yaml
from msgspec import Struct, field, structs

from studyapp.core.decks.model import (
    ID_PATTERN,
    AnyEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
    SourceDocument,
)
from studyapp.core.decks.textsafety import safe_text
from studyapp.core.decks.writer import SCHEMA_COMMENT, deck_to_data
from studyapp.core.decks.yamlread import resolve_plain


def _words(text: str) -> list[str]:
    """Split a word list written as one string (easier to read and edit)."""
    return text.split()


__all__ = [
    "DateMention",
    "Extraction",
    "FigureMention",
    "QuoteMention",
    "Sentence",
    "context_year",
    "draft_deck",
    "draft_yaml",
    "extract",
    "find_dates",
    "find_figures",
    "find_quotes",
    "numbers_in",
    "sentences",
    "slug",
]

# ---------------------------------------------------------------------- vocabulary

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

UNITS_0_19 = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS_0_19 = _words(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
ORDINAL_TENS = _words(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
)

CARDINAL_WORDS: dict[str, int] = {w: i for i, w in enumerate(UNITS_0_19)}
CARDINAL_WORDS.update({w: 20 + 10 * i for i, w in enumerate(TENS)})
ORDINAL_WORDS: dict[str, int] = {w: i for i, w in enumerate(ORDINALS_0_19)}
ORDINAL_WORDS.update({w: 20 + 10 * i for i, w in enumerate(ORDINAL_TENS)})
ORDINAL_WORDS.update({"hundredth": 100, "thousandth": 1000, "millionth": 1_000_000})
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}

_CARD = "|".join(sorted((w for w in CARDINAL_WORDS if w not in ("zero", "one")), key=len)[::-1])
_CARD_ANY = "|".join(sorted(CARDINAL_WORDS, key=len)[::-1])
_ORD = "|".join(sorted(ORDINAL_WORDS, key=len)[::-1])
_TENS_RE = "|".join(TENS)
_UNITS_RE = "|".join(UNITS_0_19[1:10])
_ORD_UNITS = "|".join(ORDINALS_0_19[1:10])

_CURRENCY = {"$": "dollars", "US$": "US dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_CURRENCY["₩"] = "won"

# Counted things that make a bare four-digit number a count, not a year.
_PLURAL_NOUN = re.compile(r"[a-z][a-z-]*s\b")

# Words that end a noun phrase describing what a number measures.
_PHRASE_STOP = re.compile(
    r"[,;:.()\[\]—–?!“”\"]|\b(?:while|whereas|versus|compared|which|who|but|although|because"
    r"|than|only|when|if)\b"
)

PERSON_NOUNS = frozenset(
    _words(
        "respondents ministers officials leaders people citizens voters experts analysts "
        "critics residents members lawmakers legislators scholars economists observers "
        "diplomats officers spokesman spokeswoman spokesperson government administration "
        "ministry president presidents minister chairman chancellor secretary governor "
        "senator authorities parties party conservatives progressives liberals students "
        "teachers workers negotiators commentators researchers scientists doctors users"
    )
)

_TITLES = (
    r"(?:President|Prime\s+Minister|Premier|Chancellor|Secretary(?:-General)?|Foreign\s+Minister"
    r"|Defense\s+Minister|Defence\s+Minister|Minister|Chairman|Chairwoman|Governor|Senator"
    r"|Representative|King|Queen|Emperor|Empress|Pope|Ambassador|General|Mayor|Mr\.?|Mrs\.?|Ms\.?"
    r"|Dr\.?|Professor|Prof\.)"
)
_NAME_TOKEN = r"[A-Z][\w’'-]{0,30}\w"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}}"

# Capitalised words that are places, groups or things, never part of a person's name.
_NOT_NAME = frozenset(
    _words(
        "The A An This That These Those In On At Of For And But Or As By To From With "
        "Without Japan Japanese Korea Korean Koreas South North East West United States "
        "America American China Chinese Taiwan Russia Russian Ukraine European Union Europe "
        "Asia Asian Pacific Indo-Pacific National Assembly Institute Summit Treaty "
        "Agreement Principles Strait Peninsula World War Republic Party Government "
        "Administration Ministry Council Congress Parliament Senate House Court Bank Fund "
        "Organization Alliance Canada Australia Britain UK US EU NATO UN G7 G20 Seoul Tokyo "
        "Beijing Washington Camp David Can Will Is Was Has Have Did Does Do He She They It "
        "We I January February March April May June July August September October November "
        "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Also However "
        "Following When While After Before Despite Among Regarding According Successive "
        "Former New"
    )
)

_SPEECH = (
    r"(?:said|says|say|saying|stated|states|state|stating|declared|declares|declare|declaring"
    r"|told|tells|tell|telling|added|adds|noted|notes|noting|argued|argues|arguing|warned"
    r"|warns|warning|wrote|writes|writing|explained|explains|insisted|insists|claimed|claims"
    r"|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]e|emphasi[sz]ing|stressed|stresses|stress"
    r"|announced|announces|asserted|asserts|remarked|remarks|replied|replies|answered|asked"
    r"|advocated|advocates|advocate|advocating|called|calls|calling|described|describes"
    r"|describing|criticized|criticised|criticizes|criticises|criticizing|criticising"
    r"|urged|urges|pledged|pledges|promised|promises|vowed|vows|acknowledged|admitted"
    r"|agreed|agree|agrees|cited|cites|cite|citing|expressed|hinted|suggested|maintained"
    r"|proclaimed|predicted|labeled|labelled|dubbed|characterized|characterised|branded"
    r"|(?:is|was|are|were|been|be)\s+on\s+record|adopted\s+the\s+stance|the\s+stance\s+that"
    r"|quoted\s+as|in\s+the\s+words\s+of|according\s+to)"
)
_SPEECH_RE = re.compile(rf"\b{_SPEECH}\b", re.IGNORECASE)
_POST_SPEECH = re.compile(
    rf"^\s*,?\s*(?:{_SPEECH})\s+(?P<a>{_TITLES}\s+{_NAME}|{_NAME})"
    rf"|^\s*,?\s*(?P<b>{_TITLES}\s+{_NAME}|{_NAME}|he|she|they)\s+(?:{_SPEECH})\b"
)
_PRONOUN = re.compile(r"\b(?:he|she|they)\s*$", re.IGNORECASE)

# ----------------------------------------------------------------------- text


def slug(text: str, *, max_len: int = 48) -> str:
    """A lowercase id fragment: ``Lee's “pragmatic diplomacy”`` -> ``lees-pragmatic-diplomacy``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.lower().replace("'", "").replace("%", " percent ")
    words = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_len:
            break
        out = candidate
    return out


class Sentence(Struct, frozen=True):
    """One sentence of the text, verbatim, with where it starts (1-based line)."""

    text: str
    start: int
    line: int
    heading: bool = False
    """A title or heading line (no closing punctuation): no quotations are drafted from it."""


_ABBREVIATIONS = frozenset(
    _words(
        "mr mrs ms dr prof sr jr st mt no vs etc inc ltd co corp gen gov sen rep jan feb "
        "mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k a.m p.m fig approx"
    )
)
_CLOSERS = "\"”’')]"


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if stripped[-1] in ".!?…" or (stripped[-1] in _CLOSERS and len(stripped) > 1):
        return stripped[-1] not in _CLOSERS or stripped[-2] not in ".!?…"
    return True


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences, never inside a quotation; headings are their own sentence."""
    out: list[Sentence] = []
    offset = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        heading = _is_heading(line)
        start = None
        depth = 0
        straight = False
        i = 0
        n = len(line)
        while i < n:
            ch = line[i]
            if start is None:
                if ch.isspace():
                    i += 1
                    continue
                start = i
            closing = False
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)
                closing = True
            elif ch == '"':
                straight = not straight
                closing = not straight
            # a sentence ends at ". " outside quotations, or at ".” " where a quotation ends it
            ends = ch in ".!?…" or (closing and i > 0 and line[i - 1] in ".!?…")
            if ends and depth == 0 and not straight:
                end = i + 1
                while end < n and line[end] in _CLOSERS:
                    end += 1
                if end >= n or line[end].isspace():
                    nxt = end
                    while nxt < n and line[nxt].isspace():
                        nxt += 1
                    word = re.search(r"([\w.]{1,30})\.$", line[max(start, i - 31) : i + 1])
                    abbreviation = (
                        ch == "."
                        and not closing
                        and word is not None
                        and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1)
                    )
                    starts_new = nxt >= n or not line[nxt].islower()
                    if starts_new and not abbreviation:
                        out.append(
                            Sentence(line[start:end], line_start + start, line_no, heading=False)
                        )
                        start = None
                        i = end
                        continue
            i += 1
        if start is not None:
            rest = line[start:].rstrip()
            if rest:
                out.append(Sentence(rest, line_start + start, line_no, heading=heading))
    return out


# ------------------------------------------------------------------------ dates


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


# ---------------------------------------------------------------------- numbers

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_RE = r"(?:hundred|thousand|million|billion|trillion)"
_CARDINAL_PHRASE = (
    rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_UNITS_RE}))?|{_CARD})(?:\s+{_SCALE_RE})?"
    rf"|(?:a|one)\s+(?:hundred|thousand|million|billion)"
)
_ORDINAL_PHRASE = rf"(?:(?:{_TENS_RE})[\s-](?:{_ORD_UNITS})|{_ORD})"

_FIGURE_RE = re.compile(
    rf"(?P<cur>US\$|[$€£¥₩])\s?(?P<cnum>{_NUM})(?:\s?(?P<cscale>{_SCALE_RE}|[mbk]n?)\b)?"
    rf"|(?<![\w.,])(?P<pnum>[-+−]?(?:{_NUM}))\s?(?P<punit>%|percent\b|per\s+cent\b"
    r"|percentage\s+points?\b)"
    rf"|(?<![\w.,/$€£¥₩-])(?P<onum>\d+)(?P<osuf>st|nd|rd|th)\b"
    rf"|(?<![\w.,/$€£¥₩])(?P<num>{_NUM})(?:\s+(?P<scale>{_SCALE_RE}))?(?![\w%]|[.,]\d)"
    rf"|\b(?P<oword>{_ORDINAL_PHRASE})\b"
    rf"|\b(?P<cword>{_CARDINAL_PHRASE})\b",
    re.IGNORECASE,
)

_ORDINAL_IDIOMS = re.compile(
    r"\b(?:in\s+the\s+first\s+place|at\s+first|first\s+of\s+all|for\s+the\s+first\s+time"
    r"|first\s+and\s+foremost|second\s+thoughts?|first-hand|firsthand|second-hand|secondhand"
    r"|first\s+time|second\s+nature|at\s+first\s+glance|first\s+lady)\b",
    re.IGNORECASE,
)
_ANAPHORA_NOUNS = (
    r"(?:countries|nations|sides|leaders|governments|parties|men|women|neighbors|neighbours"
    r"|states|powers|allies|sides|presidents|teams|companies|groups|candidates|camps)"
)
_ANAPHORA = re.compile(rf"^\s+{_ANAPHORA_NOUNS}\b(?!\s+of\b)", re.IGNORECASE)


def _words_value(phrase: str) -> Decimal | None:
    """ "three" -> 3, "twenty-one" -> 21, "three hundred" -> 300, "a thousand" -> 1000."""
    words = re.split(r"[\s-]+", phrase.lower())
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for word in words:
        if word in ("a", "and"):
            if word == "a":
                current = Decimal(1)
                seen = True
            continue
        if word in CARDINAL_WORDS:
            current += CARDINAL_WORDS[word]
            seen = True
        elif word in ORDINAL_WORDS:
            current += ORDINAL_WORDS[word]
            seen = True
        elif word in SCALES:
            current = (current or Decimal(1)) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = Decimal(0)
            seen = True
        else:
            return None
    return total + current if seen else None


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
    kind: Literal["percent", "money", "count", "ordinal", "number"]
    measure: str
    word: str | None = None
    """The number as written in words ("sixtieth", "three"), an answer that also counts."""
    sentence: Sentence | None = None

    @property
    def number(self) -> int | float:
        """The value as the deck model stores it (an int unless it has decimals)."""
        if self.value == self.value.to_integral_value() and "." not in self.text:
            return int(self.value)
        return float(self.value)


_SCALE_SUFFIX = {"m": "million", "mn": "million", "b": "billion", "bn": "billion", "k": "thousand"}


def _phrase_after(text: str, start: int, max_words: int = 20) -> str:
    """The words after ``start`` up to a clause boundary (what a number counts)."""
    rest = text[start:]
    stop = _PHRASE_STOP.search(rest)
    if stop is not None:
        rest = rest[: stop.start()]
    words = rest.split()
    return " ".join(words[:max_words]).strip()


def _phrase_before(text: str, end: int, max_words: int = 10) -> str:
    """The words before ``end`` back to a clause boundary (a parenthesised figure's subject)."""
    head = text[:end].rstrip()
    quoted = re.search(r"“([^”]{1,200})”\s*$|\"([^\"]{1,200})\"\s*$", head)
    if quoted:
        return (quoted.group(1) or quoted.group(2) or "").strip(" ,.;:")
    cut = max(head.rfind(c) for c in ",;:.()—–")
    words = head[cut + 1 :].split()
    return " ".join(words[-max_words:]).strip()


def _group_context(text: str) -> str:
    """A leading "Among conservative respondents," that qualifies every figure of a sentence."""
    m = re.match(r"\s*(Among|Of|For)\s+([^,]{3,60}),", text)
    return f"{m.group(2).strip()}: " if m else ""


def _measure(text: str, m: re.Match[str], kind: str) -> str:
    """A first guess at what the number at ``m`` measures, for the instructor to edit."""
    start, end = m.start(), m.end()
    if kind == "percent":
        before = text[:start].rstrip()
        if before.endswith("("):
            subject = _phrase_before(text, len(before) - 1)
            return f"{_group_context(text)}share: {subject}".strip()
        after = _phrase_after(text, end)
        context = _group_context(text)
        if after:
            return (
                f"{context}share {after}" if after.startswith("of ") else f"{context}share: {after}"
            )
        return f"{context}share: {_phrase_before(text, start)}".strip()
    if kind == "ordinal":
        after = _phrase_after(text, end)
        first = after.split()[0].lower() if after else ""
        if after and first not in ("after", "to", "in", "behind", "among", "of", "place"):
            return f"which {after}"
        subject = _phrase_before(text, start, 8)
        subject = re.sub(r"\s+(?:was|is|were|are|came|ranked|placed|finished|the)$", "", subject)
        return f"position of {subject} {after}".strip()
    after = _phrase_after(text, end)
    if after:
        return f"number of {after}" if kind in ("count", "number") else f"amount: {after}"
    return _phrase_before(text, start)


def find_figures(text: str, dates: Sequence[DateMention] | None = None) -> list[FigureMention]:
    """Every figure in ``text`` outside its date expressions."""
    taken = [(d.start, d.end) for d in (dates if dates is not None else find_dates(text))]
    out: list[FigureMention] = []
    for m in _FIGURE_RE.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken):
            continue
        g = m.groupdict()
        value: Decimal | None
        unit: str | None = None
        word: str | None = None
        kind: Literal["percent", "money", "count", "ordinal", "number"]
        if g["cur"]:
            value = _decimal(g["cnum"])
            scale = g["cscale"]
            scale = _SCALE_SUFFIX.get(scale.lower(), scale.lower()) if scale else None
            name = _CURRENCY.get(g["cur"], g["cur"])
            unit = f"{scale} {name}" if scale else name
            kind = "money"
        elif g["pnum"]:
            value = _decimal(g["pnum"])
            unit = "percentage points" if g["punit"].lower().startswith("percentage") else "%"
            kind = "percent"
        elif g["onum"]:
            value = _decimal(g["onum"])
            kind = "ordinal"
        elif g["num"]:
            if re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", g["num"]) and not g["scale"]:
                continue  # a year the date finder chose not to keep ("2000 troops" is kept)
            value = _decimal(g["num"])
            if value is not None and g["scale"]:
                unit = g["scale"].lower()
            kind = "count"
        elif g["oword"]:
            phrase = g["oword"]
            around = text[max(0, start - 20) : end + 25]
            if _ORDINAL_IDIOMS.search(around) and re.search(
                r"\bfirst\b|\bsecond\b", phrase, re.IGNORECASE
            ):
                continue
            if phrase.lower() == "second" and re.match(r"\s+(?:to|of)\b", text[end:]):
                continue
            if phrase.lower() in ("first", "second") and not (
                re.search(
                    r"\b(?:the|a|its|his|her|their|was|is|were|are|came|ranked|placed|finished)\s+$",
                    text[:start],
                    re.IGNORECASE,
                )
                or re.match(r"\s+[a-z]", text[end:])
            ):
                continue
            value = _words_value(phrase)
            word = phrase
            kind = "ordinal"
        else:
            phrase = g["cword"]
            if _ANAPHORA.match(text[end:]):
                continue
            if not re.match(r"\s+[a-z]", text[end:]):
                continue  # "the two of them", "two." : not counting anything named
            value = _words_value(phrase)
            word = phrase
            kind = "count"
        if value is None:
            continue
        measure = _measure(text, m, kind) or "what this number measures"
        out.append(FigureMention(m.group(0), start, end, value, unit, kind, measure, word))
    return out


def numbers_in(text: str) -> list[Decimal]:
    """Every number ``text`` states: digits, number words, ordinals, and date parts."""
    values = [f.value for f in find_figures(text, dates=[])]
    for match in re.finditer(r"\d+(?:[.,]\d+)*", text):
        value = _decimal(match.group(0))
        if value is not None:
            values.append(value)
    for match in re.finditer(
        rf"\b(?:{_ORDINAL_PHRASE}|{_CARDINAL_PHRASE}|{_CARD_ANY})\b", text, re.I
    ):
        value = _words_value(match.group(0))
        if value is not None:
            values.append(value)
    return values


# ----------------------------------------------------------------------- people


class _Person(Struct):
    name: str
    forms: list[str] = field(default_factory=list)
    descriptors: set[str] = field(default_factory=set)
    last_seen: int = -1


_NATIONALITY = {
    "korean": "korea",
    "korea": "korea",
    "koreas": "korea",
    "japanese": "japan",
    "japans": "japan",
    "us": "us",
    "american": "us",
    "america": "us",
    "americas": "us",
    "chinese": "china",
    "chinas": "china",
    "british": "uk",
    "uk": "uk",
    "russian": "russia",
    "french": "france",
    "german": "germany",
}
_TITLE_WORDS = frozenset(_words("president prime minister premier chancellor secretary king queen"))


def _descriptor_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’s", "s").replace("'s", "s"))
    return {_NATIONALITY.get(w, w) for w in words}


class _People:
    """The people an article names, with every form it uses for them."""

    _TITLED = re.compile(rf"(?P<title>\b{_TITLES})\s+(?P<name>{_NAME})")
    _LOWER_TITLED = re.compile(
        rf"\b(?P<title>president|prime\s+minister|premier|chancellor|foreign\s+minister)\s+"
        rf"(?P<name>{_NAME})"
    )
    _ADMIN = re.compile(
        rf"\badministration\s+of\s+(?P<a>{_NAME})|\b(?P<b>{_NAME})\s+(?:administration|government)\b"
    )
    _KOREAN_STYLE = re.compile(r"\b(?P<name>[A-Z]\w+\s+[A-Z]\w*-[a-z]+)\b")

    def __init__(self, text: str) -> None:
        self.people: list[_Person] = []
        found: list[tuple[int, str, str]] = []
        for regex in (self._TITLED, self._LOWER_TITLED):
            for m in regex.finditer(text):
                name = _clean_name(m.group("name"))
                if name:
                    before = text[max(0, m.start() - 40) : m.start()]
                    before = re.split(r"[,.;:()“”]", before)[-1]
                    found.append((m.start(), name, f"{before} {m.group('title')}"))
        for m in self._ADMIN.finditer(text):
            name = _clean_name(m.group("a") or m.group("b") or "")
            if name:
                found.append((m.start(), name, ""))
        for m in self._KOREAN_STYLE.finditer(text):
            name = _clean_name(m.group("name"))
            if name:
                found.append((m.start(), name, ""))
        # Longest names first, so "Lee" joins "Lee Jae-myung" rather than the other way round.
        for _pos, name, descriptor in sorted(found, key=lambda f: -len(f[1].split())):
            self._add(name, descriptor)
        forms = sorted({f for p in self.people for f in p.forms}, key=len, reverse=True)
        self.regex = (
            re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
            if forms
            else None
        )

    def _add(self, name: str, descriptor: str) -> None:
        tokens = name.split()
        for person in self.people:
            if set(tokens) <= set(person.name.split()):
                if name not in person.forms:
                    person.forms.append(name)
                person.descriptors |= _descriptor_words(descriptor)
                return
        self.people.append(_Person(name, [name], _descriptor_words(descriptor)))

    def named(self, form: str) -> _Person | None:
        tokens = set(form.split())
        for person in self.people:
            if form in person.forms or tokens <= set(person.name.split()):
                return person
        return None

    def mentions(self, text: str, offset: int = 0) -> list[tuple[int, int, _Person]]:
        """(start, end, person) of every mention of a known person in ``text``."""
        if self.regex is None:
            return []
        out = []
        for m in self.regex.finditer(text):
            person = self.named(m.group(0))
            if person is not None:
                out.append((offset + m.start(), offset + m.end(), person))
        return out

    def by_role(self, role: str, before: int) -> _Person | None:
        """Resolve "the South Korean president" to the person the text gave that role."""
        wanted = _descriptor_words(role) - {"the", "new", "former", "current", "then"}
        title = wanted & _TITLE_WORDS
        if not title:
            return None
        best: tuple[int, int, _Person] | None = None
        for person in self.people:
            if not title <= person.descriptors:
                continue
            score = len(wanted & person.descriptors)
            seen = person.last_seen if person.last_seen < before else -1
            key = (score, seen, person)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None


def _clean_name(raw: str) -> str:
    """Cut a captured name at the first word that is not part of one ("Lee’s" -> "Lee")."""
    tokens: list[str] = []
    for token in raw.split():
        possessive = token.endswith(("’s", "'s"))
        token = re.sub(r"[’']s$", "", token)
        if token in _NOT_NAME or token.rstrip(".") in _NOT_NAME:
            break
        tokens.append(token)
        if possessive:
            break
    return " ".join(tokens)


# ---------------------------------------------------------------------- quotes


class QuoteMention(Struct, frozen=True):
    """A quotation and, when the text attributes it, who said it."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    aliases: tuple[str, ...] = ()
    sentence: Sentence | None = None
    inner: tuple[int, int] = (0, 0)
    """Where ``text`` itself sits in the sentence (inside the quotation marks)."""


_QUOTE_RE = re.compile(r"“(?P<t>[^“”]{1,800})”|(?<![\w])\"(?P<s>[^\"\n]{1,800})\"")

_ROLE = re.compile(
    r"\bthe\s+(?:(?:new|former|current|then|incoming|outgoing)\s+)?"
    r"(?:(?:South\s+Korean|North\s+Korean|Japanese|US|U\.S\.|American|Chinese|British|French"
    r"|German|Russian|Korean)\s+)?(?:president|prime\s+minister|premier|chancellor|leader)\b",
    re.IGNORECASE,
)
_GROUP_SUBJECT = re.compile(
    r"(?<![\w-])(?P<np>(?:[A-Za-z][\w-]{0,30}\s+){0,3}"
    r"(?P<head>(?!(?:have|has|had|also|then)\b)[a-z]{1,30}))"
    r"(?:\s*,[^,]{0,30},|\s+(?:have|has|had|also|then|later|all|both|repeatedly|often|openly"
    r"|once)\b)*\s*$"
)
_CLAUSE_BREAK = re.compile(r",[”\"’]?\s+(?:but|while|whereas|yet)\s|;|\.\s")


def _speaker_before(
    sentence: str, cue_start: int, people: _People, offset: int
) -> tuple[str, tuple[str, ...]] | Literal["pronoun"] | None:
    """Who is the subject of a speech verb starting at ``cue_start`` in ``sentence``."""
    head = sentence[:cue_start]
    # the clause the verb belongs to: after the last ";" or ", and" before it
    clause_start = max(head.rfind(";"), head.rfind(", and "), head.rfind(", but "))
    clause = head[clause_start + 1 :] if clause_start >= 0 else head
    base = len(head) - len(clause)
    mentions = people.mentions(clause, offset + base)
    role = None
    for m in _ROLE.finditer(clause):
        role = m
    if _PRONOUN.search(clause) and not mentions:
        return "pronoun"
    if role is not None and (not mentions or mentions[-1][0] < offset + base + role.start()):
        person = people.by_role(role.group(0), offset + base + role.start())
        if person is not None:
            return person.name, tuple(person.forms[1:])
    if mentions:
        start, _end, person = mentions[-1]
        # "Prime Minister Ishiba and President Lee agreed": both are the subject
        if len(mentions) >= 2:
            _prev_start, prev_end, prev = mentions[-2]
            between = sentence[prev_end - offset : start - offset]
            if re.fullmatch(
                rf"\s+and\s+(?:{_TITLES}\s+)?|\s+and\s+(?:US\s+|Japanese\s+)?{_TITLES}\s+",
                between,
            ) and (prev is not person):
                return f"{prev.name} and {person.name}", ()
        return person.name, tuple(person.forms[1:])
    named = re.search(rf"(?<![\w’'-])({_NAME})\s*(?:,[^,]{{0,40}},\s*)?$", clause[-200:])
    if named:
        name = _clean_name(named.group(1))
        if name and name == named.group(1).strip():
            return name, ()
    group = _GROUP_SUBJECT.search(clause[-200:])
    if group and group.group("head").lower() in PERSON_NOUNS:
        words = group.group("np").split()
        while words and words[0].lower() in ("the", "a", "an", "and", "but", "while", "as"):
            words = words[1:]
        # keep only the noun phrase: drop leading words that end a prior clause
        np = " ".join(words)
        np = re.sub(r"^.*\b(?:that|when|as|if|while)\s+", "", np)
        if np:
            return np[:1].upper() + np[1:] if clause.strip().startswith(np) else np, ()
    return None


def find_quotes(
    sentence: Sentence, people: _People, previous: tuple[str, tuple[str, ...]] | None
) -> list[QuoteMention]:
    """The quotations of one sentence, attributed where the text says who said them."""
    text = sentence.text
    out: list[QuoteMention] = []
    for m in _QUOTE_RE.finditer(text):
        group = "t" if m.group("t") is not None else "s"
        raw = m.group(group)
        quote = raw.strip().rstrip(",;:").strip()
        if quote.endswith(".") and not quote.endswith(".."):
            quote = quote[:-1].rstrip()
        inner_start = m.start(group) + (len(raw) - len(raw.lstrip()))
        inner = (inner_start, inner_start + len(quote))
        if not re.search(r"\w", quote):
            continue
        speaker: tuple[str, tuple[str, ...]] | None = None
        # 1. "... ,” said Lee" / "... ,” Lee said" right after the quotation
        post = _POST_SPEECH.match(text[m.end() :])
        if post:
            who = post.group("a") or post.group("b") or ""
            if who.lower() in ("he", "she", "they"):
                speaker = previous
            else:
                person = people.named(_clean_name(re.sub(rf"^{_TITLES}\s+", "", who)))
                speaker = (person.name, tuple(person.forms[1:])) if person else (who, ())
        # 2. "President Lee’s “pragmatic diplomacy”": a person's possessive
        if speaker is None:
            possessive = re.search(rf"({_NAME})[’']s\s*$", text[: m.start()])
            if possessive:
                person = people.named(_clean_name(possessive.group(1)))
                if person is not None:
                    speaker = (person.name, tuple(person.forms[1:]))
        # 3. a speech verb before it in the sentence: its subject, or the previous subject
        if speaker is None:
            cues = list(_SPEECH_RE.finditer(text[: m.start()]))
            # a cue in an earlier clause ("he stated X, but ... “swing state”") does not count
            if cues and _CLAUSE_BREAK.search(text[cues[-1].end() : m.start()]):
                cues = []
            if cues:
                cue = cues[-1]
                if cue.group(0).lower().startswith(("according", "in the words", "quoted")):
                    after = text[cue.end() : m.start()]
                    mentions = people.mentions(after, sentence.start + cue.end())
                    if mentions:
                        person = mentions[0][2]
                        speaker = (person.name, tuple(person.forms[1:]))
                    else:
                        org = re.match(rf"\s+(?:the\s+)?({_NAME})", after)
                        if org and org.group(1) not in _NOT_NAME:
                            speaker = (org.group(1), ())
                else:
                    found = _speaker_before(text, cue.start(), people, sentence.start)
                    if found == "pronoun" or (found is None and previous is not None):
                        speaker = previous
                    elif found is not None:
                        speaker = found
        out.append(
            QuoteMention(
                quote,
                m.start(),
                m.end(),
                speaker[0] if speaker else None,
                speaker[1] if speaker else (),
                sentence,
                inner,
            )
        )
    return out


def _sentence_subject(sentence: Sentence, people: _People) -> tuple[str, tuple[str, ...]] | None:
    """The person a sentence is about: its first person mention before the main verb."""
    mentions = people.mentions(sentence.text, sentence.start)
    if mentions:
        first = mentions[0][2]
        return first.name, tuple(first.forms[1:])
    role = _ROLE.search(sentence.text)
    if role is not None:
        person = people.by_role(role.group(0), sentence.start + role.start())
        if person is not None:
            return person.name, tuple(person.forms[1:])
    return None


# ----------------------------------------------------------------------- extract


class Extraction(Struct):
    """What an article holds: its sentences and every date, figure and quotation."""

    title: str | None
    year: int | None
    sentences: list[Sentence]
    dates: list[DateMention]
    figures: list[FigureMention]
    quotes: list[QuoteMention]


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and not line.rstrip().endswith(".")


def extract(text: str, *, year: int | None = None) -> Extraction:
    """Find every date, figure and quotation in ``text`` (plain text, one paragraph a line).

    ``year`` is the year of dates that omit it ("June 3"); by default it is
    taken from the text (:func:`context_year`).
    """
    text = safe_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    title = first if _looks_like_title(first) else None
    year = year if year is not None else context_year(text)
    people = _People(text)
    all_sentences = sentences(text)
    dates: list[DateMention] = []
    figures: list[FigureMention] = []
    quotes: list[QuoteMention] = []
    previous: tuple[str, tuple[str, ...]] | None = None
    for sentence in all_sentences:
        if people.regex is not None:
            for _s, _e, person in people.mentions(sentence.text, sentence.start):
                person.last_seen = max(person.last_seen, sentence.start)
        if sentence.line == 1 and title is not None:
            previous = None
            continue  # the title: its words come back in the body
        found_dates = find_dates(sentence.text, year)
        dates += [_with_sentence(d, sentence) for d in found_dates]
        figures += [_with_sentence(f, sentence) for f in find_figures(sentence.text, found_dates)]
        if not sentence.heading:
            quotes += find_quotes(sentence, people, previous)
        previous = _sentence_subject(sentence, people)
    return Extraction(title, year, all_sentences, dates, figures, _dedupe_quotes(quotes))


def _with_sentence(item: Any, sentence: Sentence) -> Any:
    return structs.replace(item, sentence=sentence)


def _dedupe_quotes(quotes: list[QuoteMention]) -> list[QuoteMention]:
    """The same words quoted twice become one item (the attributed occurrence wins)."""
    best: dict[str, QuoteMention] = {}
    order: list[str] = []
    for quote in quotes:
        key = _fold(quote.text)
        if key not in best:
            best[key] = quote
            order.append(key)
        elif best[key].speaker is None and quote.speaker is not None:
            best[key] = quote
    return [best[k] for k in order]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    return " ".join(re.findall(r"[\w.%']+", text))


# ------------------------------------------------------------------------ drafting


def _blank(text: str, start: int, end: int) -> str:
    return f"{text[:start]}____{text[end:]}"


def _unique_id(base: str, used: set[str]) -> str:
    base = base.strip("-._")[:72].strip("-._") or "entry"
    if not re.match(ID_PATTERN, base):
        base = "entry"
    candidate = base
    n = 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def _content_words(text: str, n: int) -> str:
    words = [w for w in slug(text, max_len=200).split("-") if w not in _SLUG_STOP]
    return "-".join(words[:n])


_SLUG_STOP = frozenset(
    _words(
        "the a an of and in on to for with by at from as is was were are be been that this "
        "it its his her their who which what when while ____"
    )
)


class _Draft(Struct):
    entries: list[AnyEntry] = field(default_factory=list)
    used: set[str] = field(default_factory=set)


_DATE_LEAD = re.compile(
    r"(?:\b(?:on|in|since|from|until|till|by|during|of|as\s+of|early|late|mid)[\s-]+)?"
    r"(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)


def _without_date(text: str, start: int, end: int) -> str:
    """The sentence with a date phrase taken out ("In 2015, the ..." -> "The ...")."""
    lead = _DATE_LEAD.search(text[:start])
    cut_start = lead.start() if lead and lead.group(0).strip() else start
    if text[cut_start:start].strip().lower() in ("the", "a", "an"):
        cut_start = start  # "the 1965 Treaty": keep the article
    before, after = text[:cut_start].rstrip(), text[end:]
    if re.match(r"\s*\)", after) and before.endswith("("):
        before, after = before[:-1].rstrip(), re.sub(r"^\s*\)", "", after)
    if not before:
        after = re.sub(r"^[\s,;:]+", "", after)
        return after[:1].upper() + after[1:] if after else text
    if before.endswith(",") and re.match(r"\s*,", after):
        after = re.sub(r"^\s*,", "", after)
    if before.endswith(("(", "“")):
        return f"{before}{after.lstrip()}"
    joined = f"{before} {after.lstrip()}" if after.strip()[:1].isalnum() else f"{before}{after}"
    return re.sub(r"\s+", " ", joined).strip()


def _draft_dates(ex: Extraction, draft: _Draft) -> None:
    seen: set[tuple[str, str]] = set()
    for d in ex.dates:
        assert d.sentence is not None
        source = d.sentence.text
        blanked = _blank(source, d.start, d.end)
        event = _without_date(source, d.start, d.end)
        key = (d.date.isoformat() if d.date else f"{d.month}-{d.day}", source)
        if key in seen:
            continue
        seen.add(key)
        words = _content_words(event, 4)
        if d.date is None:
            entry_id = _unique_id(f"date-{words}", draft.used)
            draft.entries.append(
                QaEntry(
                    id=entry_id,
                    kind="qa",
                    prompt=f"When? (give the full date) {blanked}",
                    answer=d.text,
                    tags=["dates", "draft", "needs-year"],
                    explanation=(
                        "The text does not say the year: check it, then make this a date entry."
                    ),
                    source=source,
                )
            )
            continue
        entry_id = _unique_id(f"date-{d.date.isoformat()}-{words}", draft.used)
        draft.entries.append(
            DateEntry(
                id=entry_id,
                kind="date",
                event=event,
                date=d.date,
                prompt=f"When? {blanked}",
                variants=["when"],
                tags=["dates", "draft"],
                explanation=(
                    f"The text says “{d.text}”; the year, {d.date.year}, is inferred from the text."
                    if d.year_inferred
                    else None
                ),
                source=source,
            )
        )


def _draft_figures(ex: Extraction, draft: _Draft) -> None:
    kept: list[tuple[Decimal, str | None, str]] = []
    for f in ex.figures:
        assert f.sentence is not None
        # the same number measuring the same thing again ("the sixtieth anniversary of ...")
        if any(v == f.value and u == f.unit and _similar(m, f.measure) for v, u, m in kept):
            continue
        kept.append((f.value, f.unit, f.measure))
        source = f.sentence.text
        prompt = _blank(source, f.start, f.end)
        value = f"{f.value.normalize():f}".replace(".", "-")
        entry_id = _unique_id(f"fig-{value}-{_content_words(f.measure, 4)}", draft.used)
        accept = [f.word] if f.word and f.word.lower() != str(f.value) else []
        draft.entries.append(
            FigureEntry(
                id=entry_id,
                kind="figure",
                measure=safe_text(f.measure[:1].upper() + f.measure[1:]),
                value=f.number,
                unit=f.unit,
                prompt=f"What number? {prompt}",
                accept=accept,
                tags=["figures", "draft"],
                source=source,
            )
        )


def _similar(a: str, b: str) -> bool:
    wa = set(_fold(a).split()) - _SLUG_STOP
    wb = set(_fold(b).split()) - _SLUG_STOP
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8


def _draft_quotes(ex: Extraction, draft: _Draft) -> None:
    attributed = [q for q in ex.quotes if q.speaker]
    for q in attributed + [q for q in ex.quotes if not q.speaker]:
        assert q.sentence is not None
        source = q.sentence.text
        words = _content_words(q.text, 4) or "quote"
        if q.speaker:
            speaker_slug = slug(q.speaker.split()[0] if q.speaker else "", max_len=20)
            entry_id = _unique_id(f"quote-{speaker_slug}-{words}", draft.used)
            aliases = [a for a in q.aliases if a != q.speaker]
            draft.entries.append(
                QuoteEntry(
                    id=entry_id,
                    kind="quote",
                    quote=q.text,
                    speaker=q.speaker,
                    speaker_aliases=list(dict.fromkeys(aliases)),
                    context=_hide_names(
                        _blank(source, q.start, q.end).replace("____", "“…”", 1),
                        [q.speaker, *aliases],
                    ),
                    tags=["quotes", "draft"],
                    source=source,
                )
            )
            continue
        # No speaker: the quotation is a term or a phrase; a cloze asks for it.
        start, end = q.inner
        plain = [
            _no_braces(source[:start]),
            _no_braces(source[start:end]),
            _no_braces(source[end:]),
        ]
        blanked = f"{plain[0]}{{{{{plain[1]}}}}}{plain[2]}"
        entry_id = _unique_id(f"term-{words}", draft.used)
        try:
            entry = ClozeEntry(
                id=entry_id,
                kind="cloze",
                text=blanked,
                tags=["quotes", "terms", "draft"],
                explanation="The text quotes this without saying who said it.",
                source=source,
            )
        except ValueError:
            continue
        draft.entries.append(entry)


def _hide_names(text: str, names: Sequence[str]) -> str:
    """The context of a "who said it?" card must not name the speaker."""
    parts = [p for n in names for p in n.split(" and ")]
    parts += [t for p in parts for t in p.split() if len(t) >= 3 and t[:1].isupper()]
    for name in sorted(set(parts), key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", "____", text)
    return text


def _no_braces(text: str) -> str:
    """Keep author text from opening or closing a cloze blank."""
    return text.replace("{{", "{ {").replace("}}", "} }")


def draft_deck(
    ex: Extraction,
    *,
    deck_id: str,
    title: str | None = None,
    document_title: str | None = None,
) -> Deck:
    """A deck of draft entries: dates, then figures, then quotations, each in text order."""
    draft = _Draft()
    _draft_dates(ex, draft)
    _draft_figures(ex, draft)
    _draft_quotes(ex, draft)
    if not draft.entries:
        raise ValueError("found no dates, figures or quotations in the text")
    doc_title = document_title or ex.title
    return Deck(
        id=deck_id,
        title=title or f"Draft: {doc_title or deck_id}",
        description=(
            "Drafted by `studyapp extract`: every entry's source is verbatim; edit every "
            "prompt, event, measure and context before giving this deck to anyone."
        ),
        document=SourceDocument(title=doc_title) if doc_title else None,
        entries=draft.entries,
    )


class _Dumper(yaml.SafeDumper):
    """Multi-line text as ``|`` blocks; text that would read as a number stays quoted."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if resolve_plain(value) != value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)

_FIELD_ORDER = _words(
    "id kind prompt event date measure value unit accept quote speaker speaker_aliases "
    "context text answer variants tags explanation source"
)

_GROUP_HEADINGS = {
    "date": "dates",
    "qa": "dates without a stated year",
    "figure": "figures",
    "quote": "attributed quotations",
    "cloze": "quoted terms and phrases (no speaker in the text)",
}


def draft_yaml(deck: Deck, *, origin: str = "", schema: str | None = None) -> str:
    """The draft deck as commented YAML that ``studyapp validate`` accepts."""
    data = deck_to_data(deck)
    for entry in data["entries"]:
        ordered = {k: entry[k] for k in _FIELD_ORDER if k in entry}
        ordered.update({k: v for k, v in entry.items() if k not in ordered})
        entry.clear()
        entry.update(ordered)
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    lines = body.split("\n")
    out: list[str] = []
    current = None
    kinds = iter(e.kind for e in deck.entries)
    for line in lines:
        if line.startswith("- id: "):
            kind = next(kinds)
            if kind != current:
                count = sum(1 for e in deck.entries if e.kind == kind)
                out.append("")
                out.append(f"# ---- {_GROUP_HEADINGS.get(kind, kind)} ({count})")
                current = kind
        out.append(line)
    schema_line = (
        f"# yaml-language-server: $schema={schema}" if schema else SCHEMA_COMMENT.rstrip("\n")
    )
    header = [
        schema_line,
        "#",
        f"# A DRAFT drafted by `studyapp extract`{' from ' + origin if origin else ''}.",
        "# Every `source` is the verbatim sentence; the prompts, events, measures and contexts",
        "# are first guesses. Edit them, delete what is not worth learning, then run",
        "# `studyapp lint` and `studyapp validate` on this file.",
        "",
    ]
    return "\n".join(header + out)


# ------------------------------------------------------------------ measurement


class Quality(Struct, frozen=True):
    """How a draft compares with a hand-made deck of the same text.

    The reference items are the deck's date, figure and quote entries.
    ``recall`` is the share of them the draft has (same date or value, or the
    same quoted words, from the same sentence); ``precision`` the share of
    draft entries that are one of them; ``covered`` the share of draft entries
    that the deck teaches in some entry (a qa, cloze, order or as_of included).
    ``speakers`` is the share of the found quotes drafted with the right speaker.
    """

    reference: dict[str, int]
    found: dict[str, int]
    drafted: dict[str, int]
    matched: dict[str, int]
    covered_count: int
    speakers_right: int
    missed: tuple[str, ...]

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def recall(self) -> float:
        return self._ratio(sum(self.found.values()), sum(self.reference.values()))

    @property
    def precision(self) -> float:
        return self._ratio(sum(self.matched.values()), sum(self.drafted.values()))

    @property
    def covered(self) -> float:
        return self._ratio(self.covered_count, sum(self.drafted.values()))

    @property
    def speakers(self) -> float:
        return self._ratio(self.speakers_right, self.found.get("quote", 0))

    def recall_of(self, kind: str) -> float:
        return self._ratio(self.found.get(kind, 0), self.reference.get(kind, 0))

    def precision_of(self, kind: str) -> float:
        return self._ratio(self.matched.get(kind, 0), self.drafted.get(kind, 0))


def _fragments(text: str) -> list[str]:
    return [f for f in (_fold(p) for p in re.split(r"…|\.\.\.", text)) if f]


def _same_passage(a: str | None, b: str | None) -> bool:
    """Whether two sources share a sentence (either holds a fragment of the other)."""
    if not a or not b:
        return False
    fa, fb = _fragments(a), _fragments(b)
    return any(x in y or y in x for x in fa for y in fb)


def _speaker_ok(given: str, entry: QuoteEntry) -> bool:
    tokens = set(_fold(given).split())
    for form in (entry.speaker, *entry.speaker_aliases):
        known = set(_fold(form).split())
        if tokens and (tokens <= known or known <= tokens):
            return True
    return False


def _draft_kind(entry: AnyEntry) -> str:
    if isinstance(entry, DateEntry) or (isinstance(entry, QaEntry) and "dates" in entry.tags):
        return "date"
    if isinstance(entry, FigureEntry):
        return "figure"
    return "quote"


def _quoted(entry: AnyEntry) -> str | None:
    if isinstance(entry, QuoteEntry):
        return entry.quote
    if isinstance(entry, ClozeEntry):
        return entry.blanks[0] if entry.blanks else None
    return None


def _fields_text(entry: AnyEntry) -> str:
    data = entry.model_dump(mode="json", exclude={"source", "id", "tags", "variants"})
    return " ".join(str(v) for v in _flatten(data))


def _flatten(value: Any) -> Iterable[Any]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _flatten(v)
    elif isinstance(value, list):
        for v in value:
            yield from _flatten(v)
    elif value is not None:
        yield value


def _teaches(reference: Deck, draft_entry: AnyEntry) -> bool:
    """Whether some entry of the reference deck teaches what ``draft_entry`` holds."""
    for entry in reference.entries:
        if not _same_passage(entry.source, draft_entry.source):
            continue
        fields = _fields_text(entry)
        if isinstance(draft_entry, DateEntry):
            date = draft_entry.date
            if date.isoformat() in fields or str(date.year) in fields:
                return True
        elif isinstance(draft_entry, FigureEntry):
            if Decimal(str(draft_entry.value)) in numbers_in(fields):
                return True
        else:
            quoted = _quoted(draft_entry)
            if quoted and _fold(quoted) in _fold(fields):
                return True
            if isinstance(draft_entry, QaEntry) and _fold(draft_entry.answer) in _fold(fields):
                return True
    return False


def measure_quality(draft: Deck, reference: Deck) -> Quality:
    """Compare a drafted deck with a hand-made ``reference`` deck of the same text."""
    ref_dates = [e for e in reference.entries if isinstance(e, DateEntry)]
    ref_figures = [e for e in reference.entries if isinstance(e, FigureEntry)]
    ref_quotes = [e for e in reference.entries if isinstance(e, QuoteEntry)]
    d_dates = [e for e in draft.entries if isinstance(e, DateEntry)]
    d_figures = [e for e in draft.entries if isinstance(e, FigureEntry)]
    d_quotes = [e for e in draft.entries if isinstance(e, QuoteEntry | ClozeEntry)]

    def date_match(d: DateEntry, r: DateEntry) -> bool:
        return d.date == r.date and _same_passage(d.source, r.source)

    def figure_match(d: FigureEntry, r: FigureEntry) -> bool:
        same = Decimal(str(d.value)) == Decimal(str(r.value))
        return same and _same_passage(d.source, r.source)

    def quote_hits(r: QuoteEntry) -> list[AnyEntry]:
        hits: list[AnyEntry] = []
        for fragment in _fragments(r.quote):
            hit = next((d for d in d_quotes if _fold(_quoted(d) or "") == fragment), None)
            if hit is None:
                return []
            hits.append(hit)
        return hits

    missed: list[str] = []
    found = {"date": 0, "figure": 0, "quote": 0}
    speakers_right = 0
    for r in ref_dates:
        if any(date_match(d, r) for d in d_dates):
            found["date"] += 1
        else:
            missed.append(f"{r.id} ({r.date})")
    for f in ref_figures:
        if any(figure_match(d, f) for d in d_figures):
            found["figure"] += 1
        else:
            missed.append(f"{f.id} ({f.value})")
    for q in ref_quotes:
        hits = quote_hits(q)
        if hits:
            found["quote"] += 1
            if all(isinstance(h, QuoteEntry) and _speaker_ok(h.speaker, q) for h in hits):
                speakers_right += 1
        else:
            missed.append(f"{q.id} ({q.quote})")
    ref_fragments = {f for q in ref_quotes for f in _fragments(q.quote)}
    drafted = {"date": 0, "figure": 0, "quote": 0}
    matched = {"date": 0, "figure": 0, "quote": 0}
    covered = 0
    for entry in draft.entries:
        kind = _draft_kind(entry)
        drafted[kind] += 1
        if isinstance(entry, DateEntry):
            hit = any(date_match(entry, r) for r in ref_dates)
        elif isinstance(entry, FigureEntry):
            hit = any(figure_match(entry, r) for r in ref_figures)
        else:
            hit = _fold(_quoted(entry) or "") in ref_fragments
        matched[kind] += hit
        covered += hit or _teaches(reference, entry)
    return Quality(
        reference={"date": len(ref_dates), "figure": len(ref_figures), "quote": len(ref_quotes)},
        found=found,
        drafted=drafted,
        matched=matched,
        covered_count=covered,
        speakers_right=speakers_right,
        missed=tuple(missed),
    )
