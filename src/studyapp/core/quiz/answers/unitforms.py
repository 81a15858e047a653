"""The words of a figure's unit: its scale, its currency, and short forms of plain units.

A deck may store "$37 billion" as 37 with the unit "billion dollars", or a prompt may
say "____ thousand troops"; a learner writes "$37bn", "US$37 billion" or "100,000".
:mod:`numbers` reads the figure; this module only says what a unit's words mean:
"billion" is a scale (10**9), "dollars" and "US$" a currency, "pts" is "points".
"""

from __future__ import annotations

import re
from functools import lru_cache

from msgspec import Struct

__all__ = ["UnitParts", "currency_in", "prompt_scale", "same_currency", "unit_forms", "unit_parts"]

SCALE_WORDS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
"""The scales as number words, as powers of ten: the one list of them (a unit's scale
here, and a figure in words, "two million", in :mod:`.numbers`)."""

SCALES = {
    **{form: power for word, power in SCALE_WORDS.items() for form in (word, f"{word}s")},
    **{"k": 3, "mn": 6, "mln": 6, "m": 6, "bn": 9, "tn": 12, "trn": 12},
}
"""Scale words as powers of ten: the words (and their plurals) and their abbreviations.
"m" and "k" are read as scales only next to a currency or in a unit that has a scale:
alone, "5 m" is five metres."""

_AMBIGUOUS_SCALES = frozenset({"m", "k"})

_CURRENCIES = {
    "us$": "USD",
    "usd": "USD",
    "us dollars": "USD",
    "us dollar": "USD",
    "u.s. dollars": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "australian dollars": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "canadian dollars": "CAD",
    "$": "$",
    "dollar": "$",
    "dollars": "$",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "pounds sterling": "GBP",
    "¥": "¥",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "₩": "KRW",
    "won": "KRW",
    "krw": "KRW",
}
"""Currency signs, codes and words, each with the currency it names ("$" and "dollars"
name any dollar; "¥" the yen or the yuan)."""

_FAMILIES = {"$": frozenset({"USD", "AUD", "CAD"}), "¥": frozenset({"JPY", "CNY"})}

CURRENCY_NAMES = {
    "$": "dollars",
    "USD": "US dollars",
    "AUD": "Australian dollars",
    "CAD": "Canadian dollars",
    "EUR": "euros",
    "GBP": "pounds",
    "¥": "yen or yuan",
    "JPY": "yen",
    "CNY": "yuan",
    "KRW": "won",
}

_UNIT_FORMS = [
    ("points", "point", "pts", "pt", "pts."),
    ("years", "year", "yrs", "yr", "yrs."),
    ("minutes", "minute", "mins", "min", "min."),
    ("hours", "hour", "hrs", "hr", "h"),
    ("seconds", "second", "secs", "sec", "s"),
    ("days", "day", "d"),
    ("months", "month", "mos", "mo"),
    ("weeks", "week", "wks", "wk"),
    ("goals", "goal", "gls"),
    ("kilometres", "kilometers", "kilometre", "kilometer", "km", "kms"),
    ("metres", "meters", "metre", "meter", "m"),
    ("centimetres", "centimeters", "centimetre", "centimeter", "cm"),
    ("miles", "mile", "mi"),
    ("kilograms", "kilogram", "kilos", "kilo", "kg", "kgs"),
    ("grams", "gram", "g"),
    ("tonnes", "tonne", "tons", "ton", "t"),
    ("litres", "liters", "litre", "liter", "l"),
    ("degrees", "degree", "deg", "°"),
    ("square kilometres", "square kilometers", "sq km", "km2", "km²"),
    ("people", "persons"),
    ("percentage points", "pp", "pct points", "points"),
]
"""Spellings of one unit: a learner's "3 pts" is the deck's "3 points"."""

_FORMS_OF: dict[str, tuple[str, ...]] = {}
for _group in _UNIT_FORMS:
    for _form in _group:
        _FORMS_OF.setdefault(_form, _group)


def unit_forms(unit: str) -> tuple[str, ...]:
    """Every spelling of ``unit`` (casefolded) a learner may write: "points" -> "pts" ..."""
    return _FORMS_OF.get(unit, ())


class UnitParts(Struct, frozen=True):
    """A unit read as its scale (a power of ten), its currency and what is left."""

    scale: int = 0
    currency: str | None = None
    plain: str | None = None


_TOKEN = re.compile(r"(?:us|au|ca|a|c)\$|[$€£¥₩]|[^\s$€£¥₩]+")


@lru_cache(maxsize=1024)
def unit_parts(unit: str | None) -> UnitParts:
    """ "billion dollars" -> (9, "$", None); "US$" -> (0, "USD", None); "km" -> (0, None, "km")."""
    if unit is None or not unit.strip():
        return UnitParts()
    words = _TOKEN.findall(unit.casefold())
    scale, currency, rest = 0, None, []
    at = 0
    while at < len(words):
        pair = " ".join(words[at : at + 2])
        if at + 1 < len(words) and pair in _CURRENCIES and currency is None:
            currency, at = _CURRENCIES[pair], at + 2
            continue
        word = words[at]
        if word in _CURRENCIES and currency is None:
            currency = _CURRENCIES[word]
        elif word in SCALES and not scale and (word not in _AMBIGUOUS_SCALES or len(words) > 1):
            scale = SCALES[word]
        else:
            rest.append(word)
        at += 1
    return UnitParts(scale, currency, " ".join(rest) or None)


def same_currency(a: str, b: str) -> bool:
    """Whether two currencies may be one: "$" is any dollar, "¥" the yen or the yuan."""
    return a == b or b in _FAMILIES.get(a, ()) or a in _FAMILIES.get(b, ())


_CURRENCY_IN = re.compile(
    r"(?<![\w$])(?:"
    + "|".join(re.escape(c) for c in sorted(_CURRENCIES, key=len, reverse=True))
    + r")(?![\w$])"
)
_SIGNS = re.compile(r"(?:us|au|ca|a|c)?[$€£¥₩]")


def currency_in(text: str) -> str | None:
    """The currency a typed figure names ("€37bn" -> "EUR"), or None if it names none."""
    folded = text.casefold()
    sign = _SIGNS.search(folded)
    if sign is not None:
        return _CURRENCIES[sign[0]]
    found = _CURRENCY_IN.search(folded)
    return None if found is None else _CURRENCIES[found[0]]


_PROMPT_SCALE = re.compile(r"_{2,}\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)


def prompt_scale(prompt: str | None) -> int:
    """The scale a prompt puts after its blank: "a force of ____ thousand troops" -> 3."""
    found = _PROMPT_SCALE.search(prompt or "")
    return 0 if found is None else SCALES[found[1].casefold()]
