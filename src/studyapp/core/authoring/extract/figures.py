"""Figures in text: percentages, money, counts and ordinals, with what they measure.

Finds percentages, counts ("three years", "28,500 troops", "$3 billion") and
ordinals ("sixtieth anniversary", "second after ...") with a first guess at
what they measure, skipping the numbers that are part of a date.
:func:`numbers_in` (every number a text states, in digits or words) is also
used by ``lint`` to check that a figure entry's value is in its own source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Literal

from msgspec import Struct

from studyapp.core.authoring.extract.dates import DateMention, find_dates
from studyapp.core.authoring.extract.sentences import Sentence, word_list

__all__ = ["FigureMention", "find_figures", "numbers_in"]

UNITS_0_19 = word_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS_0_19 = word_list(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
ORDINAL_TENS = word_list(
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

# Words that end a noun phrase describing what a number measures.
_PHRASE_STOP = re.compile(
    r"[,;:.()\[\]—–?!“”\"]|\b(?:while|whereas|versus|compared|which|who|but|although|because"
    r"|than|only|when|if)\b"
)

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
