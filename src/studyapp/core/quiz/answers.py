"""Answer checking: is what the learner typed the answer, a near miss, or wrong?

The same checker serves typed answers in study sessions and in quizzes, so it
has to be fair both ways. It forgives what does not matter (case, accents,
punctuation, typographic quotes, "55.5 percent" for "55.5%", "17 June 2025"
for "June 17, 2025", "President Lee" for "Lee Jae-myung", a typo in a long
name) and never forgives what does: an answer that is *another valid answer of
the same deck* ("Moon" for "Yoon", 26.6 for 26.8, June 9 for June 17) is wrong,
however close it looks. That is why every check takes ``rivals``: the other
answers of the deck. A fuzzy match that is as close or closer to a rival is
refused.

Nothing here imports Textual or Rich; everything is pure and deterministic.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from msgspec import Struct
from pydantic import BaseModel, ConfigDict
from rapidfuzz.distance import OSA

from studyapp.core.decks.model import (
    MONTH_NAMES,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)

if TYPE_CHECKING:
    from studyapp.core.decks.cards import Card

__all__ = [
    "DATE_STYLES",
    "AnswerKey",
    "DateStyle",
    "DeckIndex",
    "Mode",
    "Outcome",
    "Person",
    "Target",
    "Verdict",
    "answer_key",
    "check_card",
    "check_date",
    "check_entry",
    "check_name",
    "check_number",
    "check_order",
    "check_text",
    "compatible",
    "decimals_of",
    "fold",
    "max_typos",
    "parse_date",
    "parse_number",
    "render_date",
    "render_number",
    "target_for_card",
]

# ------------------------------------------------------------------------ verdict

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
"""FSRS/Anki ratings as plain ints, so the core does not depend on the scheduler here."""


class Outcome(StrEnum):
    """How an answer fared."""

    CORRECT = "correct"
    CLOSE = "close"
    WRONG = "wrong"


_GRADE = {Outcome.CORRECT: GOOD, Outcome.CLOSE: HARD, Outcome.WRONG: AGAIN}


class Verdict(BaseModel):
    """The judgement of one answer: what happened, why, and what to tell the scheduler.

    ``ambiguous`` is set when the answer could be read two ways (``6/7/2025``):
    the UI may ask the learner to write it unambiguously instead of grading.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    outcome: Outcome
    reason: str
    expected: str
    given: str
    grade: int
    ambiguous: bool = False

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        return cls.model_validate(data)


def _verdict(
    outcome: Outcome, reason: str, expected: str, given: str, *, ambiguous: bool = False
) -> Verdict:
    return Verdict(
        outcome=outcome,
        reason=reason,
        expected=expected,
        given=given,
        grade=_GRADE[outcome],
        ambiguous=ambiguous,
    )


def _no_answer(expected: str, given: str) -> Verdict:
    return _verdict(Outcome.WRONG, "no answer given", expected, given)


# ------------------------------------------------------------------ normalisation

_TYPOGRAPHIC = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u00b4`\u2039\u203a"  # single quotes, primes
    "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d\u300e\u300f"  # double quotes
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens, dashes, minus
    "\u00a0\u2009\u202f\u3000",  # spaces
    "'" * 9 + '"' * 11 + "-" * 7 + " " * 4,
    "\u200b\u200c\u200d\ufeff\u00ad",  # invisible: zero-width, BOM, soft hyphen
)
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ð": "d"}
    | {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH"}
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DECIMAL_MARK = re.compile(r"(?<=\d)[.,](?=\d)")
_NON_WORD = re.compile(r"[^\w\x00%]+|_")
_ARTICLES = ("the ", "a ", "an ")
_STOPWORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "for", "with", "by"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _strip_accents(text: str) -> str:
    """Drop accents on Latin, Greek and Cyrillic letters only.

    Combining marks elsewhere carry meaning (Japanese dakuten turn か into が),
    so only marks sitting on those alphabets are removed.
    """
    if text.isascii():
        return text
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and out and ord(out[-1]) < 0x0530:
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def _clean(text: str) -> str:
    """NFKC, typographic quotes and dashes made plain: the first step of every comparison."""
    return unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC).translate(_LETTERS)


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The comparison form of free text.

    Case, accents, punctuation, typographic quotes/dashes and spacing are
    ignored; apostrophes vanish (``Lee's`` = ``Lees``) and decimal marks inside
    numbers are kept, so ``55.5`` does not become ``55 5``.
    """
    text = _strip_accents(_CONTROL.sub(" ", _clean(text)).casefold()).translate(_LETTERS)
    text = text.replace("&", " and ").replace("'", "")
    text = _DECIMAL_MARK.sub("\x00", text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.replace("\x00", ".").split())


@lru_cache(maxsize=16384)
def _text_key(text: str) -> str:
    """Folded, without a leading article: "the Camp David Principles" = "Camp David Principles"."""
    folded = fold(text)
    for article in _ARTICLES:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article) :]
    return folded


def _compact(key: str) -> str:
    return key.replace(" ", "")


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def max_typos(length: int) -> int:
    """How many edits a typo may have in an answer of ``length`` letters.

    Short answers get none (``Abe``/``Ab`` could be anything); long ones a few.
    """
    if length < 4:
        return 0
    if length < 6:
        return 1
    if length < 10:
        return 2
    return min(2 + length // 10, 5)


def _typo_distance(given: str, form: str) -> int | None:
    """Edit distance between two compact keys if it may count as a typo, else None.

    Digits must agree exactly (``1965`` is never a typo of ``1956``) and short
    words must start with the same letter (``Yoon`` is not a typo of ``Moon``).
    """
    if given == form:
        return 0
    limit = max_typos(len(form))
    if limit == 0 or _digits(given) != _digits(form):
        return None
    if len(form) <= 6 and given[:1] != form[:1]:
        return None
    distance = int(OSA.distance(given, form, score_cutoff=limit))
    return distance if distance <= limit else None


def _nearest_rival(given: str, rivals: dict[str, str], distance: int) -> str | None:
    """A rival (by display text) at most ``distance`` edits from ``given``, if any."""
    for key, shown in rivals.items():
        if OSA.distance(given, key, score_cutoff=distance) <= distance:
            return shown
    return None


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


# -------------------------------------------------------------------------- text


def check_text(
    given: str, answer: str, accept: Sequence[str] = (), rivals: Sequence[str] = ()
) -> Verdict:
    """Check free text against the answer and its accepted alternatives.

    A typo (by :func:`max_typos`) is *close*; an answer equal to a rival, or a
    "typo" at least as near a rival as the answer, is *wrong*.
    """
    shown = given.strip()
    g = _compact(_text_key(given))
    if not g:
        return _no_answer(answer, shown)
    forms: dict[str, str] = {}
    for form in [answer, *accept]:
        forms.setdefault(_compact(_text_key(form)), form)
    forms.pop("", None)
    if g in forms:
        return _verdict(Outcome.CORRECT, "correct", answer, shown)
    rival_keys = _rival_keys(rivals, forms)
    if g in rival_keys:
        return _verdict(
            Outcome.WRONG,
            f"'{rival_keys[g]}' is a different answer in this deck; the answer is '{answer}'",
            answer,
            shown,
        )
    typo = _best_typo(g, forms)
    if typo is not None:
        distance, form = typo
        rival = _nearest_rival(g, rival_keys, distance)
        if rival is not None:
            return _verdict(
                Outcome.WRONG,
                f"'{shown}' is as close to '{rival}', a different answer in this deck; "
                f"the answer is '{answer}'",
                answer,
                shown,
            )
        return _verdict(Outcome.CLOSE, f"typo: you wrote '{shown}'; it is '{form}'", answer, shown)
    partial = _partial(_text_key(given), forms, rival_keys)
    if partial is not None:
        return _verdict(
            Outcome.CLOSE, f"partly right: the full answer is '{partial}'", answer, shown
        )
    return _verdict(Outcome.WRONG, f"the answer is '{answer}'", answer, shown)


def _rival_keys(rivals: Sequence[str], forms: dict[str, str]) -> dict[str, str]:
    """Rivals by compact key, minus any that are also accepted forms of the answer."""
    table = _rival_table(tuple(rivals))
    if not any(k in table for k in forms):
        return table
    return {k: r for k, r in table.items() if k not in forms}


@lru_cache(maxsize=1024)
def _rival_table(rivals: tuple[str, ...]) -> dict[str, str]:
    """Compact text key -> rival, built once per rival list (keys share theirs)."""
    out: dict[str, str] = {}
    for rival in rivals:
        k = _compact(_text_key(rival))
        if k:
            out.setdefault(k, rival)
    return out


def _best_typo(given: str, forms: dict[str, str]) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for key, form in forms.items():
        distance = _typo_distance(given, key)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, form)
    return best


def _content_words(key: str) -> set[str]:
    return {w for w in key.split() if w not in _STOPWORDS}


def _partial(given_key: str, forms: dict[str, str], rivals: dict[str, str]) -> str | None:
    """The form the answer is a clear part of (most of its words, no extra), else None.

    "Camp David" for "Camp David Principles" is partly right, unless it is just
    as much a part of a rival answer.
    """
    words = _content_words(given_key)
    if not words:
        return None
    for form in forms.values():
        full = _content_words(_text_key(form))
        if len(full) >= 2 and words < full and len(words) / len(full) >= 0.6:
            for rival in rivals.values():
                rival_words = _content_words(_text_key(rival))
                if words <= rival_words and len(words) / max(len(rival_words), 1) >= 0.5:
                    return None
            return form
    return None


# ------------------------------------------------------------------------- names

_TITLES = _words(
    "president former late prime minister pm premier chancellor secretary general foreign vice "
    "mr mrs ms miss mister madam dr prof professor sir dame lord lady king queen emperor "
    "chairman chairwoman senator governor ambassador the"
)


def _name_tokens(text: str) -> list[str]:
    """A name as comparable tokens: hyphens join (``Jae-myung`` = ``Jaemyung``), titles go."""
    return list(_name_tuple(text))


@lru_cache(maxsize=8192)
def _name_tuple(text: str) -> tuple[str, ...]:
    tokens = list(_all_name_tokens(text))
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens.pop(0)
    return tuple(tokens)


@lru_cache(maxsize=8192)
def _all_name_tokens(text: str) -> tuple[str, ...]:
    """A name's tokens, titles kept: "Dean Martin" written "Martin Dean" still has its
    "Dean", which :func:`_name_tuple` would take for a title when it comes first."""
    return tuple(fold(_clean(text).replace("-", "")).split())


def _name_key(text: str) -> str:
    return " ".join(_name_tokens(text))


def check_name(
    given: str,
    name: str,
    aliases: Sequence[str] = (),
    rivals: Sequence[str] = (),
    *,
    rival_people: Sequence[Sequence[str]] = (),
) -> Verdict:
    """Check a person's name: aliases, titles, either name order, surname alone, typos.

    ``rivals`` are other names; ``rival_people`` the deck's other people, each
    as (name, *aliases), so a reason can name who was meant. A name two people
    share ("Lee") is only *close*: it does not say which one.
    """
    shown = given.strip()
    tokens = _name_tokens(given)
    if not tokens:
        return _no_answer(name, shown)
    g = "".join(tokens)
    form_tokens = [_name_tokens(f) for f in [name, *aliases]]
    forms = {"".join(t): f for t, f in zip(form_tokens, [name, *aliases], strict=True) if t}
    rival_tokens = [(_name_tokens(r), r) for r in rivals]
    rival_tokens += [(_name_tokens(f), group[0]) for group in rival_people for f in group]
    rival_keys: dict[str, str] = {}
    rival_sorted: dict[tuple[str, ...], str] = {}
    rival_parts: dict[str, str] = {}
    for t, r in rival_tokens:
        if t:
            rival_keys.setdefault("".join(t), r)
            rival_sorted.setdefault(tuple(sorted(t)), r)
            for part in t:
                if len(part) >= 2:
                    rival_parts.setdefault(part, r)

    def shared() -> Verdict:
        return _verdict(
            Outcome.CLOSE,
            f"more than one person in this deck is called '{shown}'; give the full name",
            name,
            shown,
        )

    in_any_order = sorted(_all_name_tokens(given))
    matched = (
        g in forms
        or any(sorted(tokens) == sorted(t) for t in form_tokens if t)
        or any(in_any_order == sorted(_all_name_tokens(f)) for f in [name, *aliases])
    )
    if matched:
        full = _name_tokens(name)
        if (g in rival_keys or tuple(sorted(tokens)) in rival_sorted) and sorted(tokens) != sorted(
            full
        ):
            return shared()
        reason = "correct" if g in forms else "correct (name order does not matter)"
        return _verdict(Outcome.CORRECT, reason, name, shown)
    if g in rival_keys or tuple(sorted(tokens)) in rival_sorted:
        other = rival_keys.get(g) or rival_sorted[tuple(sorted(tokens))]
        who = f"{other} is" if _name_key(other) == _name_key(shown) else f"'{shown}' is {other},"
        return _verdict(
            Outcome.WRONG,
            f"{who} another person in this deck; the answer is {name}",
            name,
            shown,
        )
    if len(tokens) == 1:
        part = tokens[0]
        ends = {t[0] for t in form_tokens if len(t) >= 2} | {
            t[-1] for t in form_tokens if len(t) >= 2
        }
        parts = {p for t in form_tokens for p in t if len(p) >= 2}
        if part in parts:
            if part in rival_parts:
                return shared()
            if part in ends:
                return _verdict(Outcome.CORRECT, "correct", name, shown)
            return _verdict(Outcome.CLOSE, f"part of the name: the answer is {name}", name, shown)
        if part in rival_parts:
            return _verdict(
                Outcome.WRONG,
                f"'{shown}' is {rival_parts[part]}, another person in this deck; "
                f"the answer is {name}",
                name,
                shown,
            )
    candidates = dict(forms)
    rival_candidates = dict(rival_keys)
    if len(tokens) == 1:
        for t in form_tokens:
            for p in t:
                candidates.setdefault(p, name)
        for p, r in rival_parts.items():
            if p not in candidates:
                rival_candidates.setdefault(p, r)
    typo = _best_typo(g, candidates)
    if typo is not None:
        distance, _ = typo
        rival = _nearest_rival(g, rival_candidates, distance)
        if rival is not None:
            return _verdict(
                Outcome.WRONG,
                f"'{shown}' is as close to {rival}, another person in this deck; "
                f"the answer is {name}",
                name,
                shown,
            )
        return _verdict(Outcome.CLOSE, f"typo: you wrote '{shown}'; it is {name}", name, shown)
    return _verdict(Outcome.WRONG, f"the answer is {name}", name, shown)


# ----------------------------------------------------------------------- numbers

_PERCENT_WORDS = ("percentage points", "percent", "per cent", "pct", "%")
_FILLER = re.compile(
    r"^(?:about|around|approximately|approx|roughly|nearly|almost|some|circa|ca|~|≈)\.?\s+"
)
_CURRENCY = "$€£¥₩"
_NUMERIC = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_SMALL = {
    "zero": 0,
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGIT_WORDS = {w: n for w, n in _SMALL.items() if n < 10} | {"oh": 0, "o": 0}


def decimals_of(value: float | int | Decimal | str) -> int:
    """How many decimals a figure was stated with: 55.5 -> 1, 24.0 -> 1, 80 -> 0."""
    if isinstance(value, bool):
        raise TypeError("not a number")
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _words_to_number(text: str) -> Decimal | None:
    """English number words: "fifty-five point five", "three", "two hundred and six"."""
    words = text.replace("-", " ").split()
    if not words:
        return None
    negative = words[0] in ("minus", "negative")
    if negative:
        words = words[1:]
    decimals = ""
    if "point" in words:
        at = words.index("point")
        tail = words[at + 1 :]
        if not tail or any(w not in _DIGIT_WORDS for w in tail):
            return None
        decimals = "".join(str(_DIGIT_WORDS[w]) for w in tail)
        words = words[:at]
    total, current, seen = 0, 0, False
    for word in words:
        if word == "and" and seen:
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred" and seen:
            current *= 100
        elif word in _SCALES and seen:
            total += current * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    if not seen and not decimals:
        return None
    number = Decimal(f"{total + current}" + (f".{decimals}" if decimals else ""))
    return -number if negative else number


_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def _ordinal(number: Decimal) -> str:
    """The English suffix of an ordinal: 1st, 2nd, 3rd, 4th, 11th, 22nd."""
    n = int(abs(number))
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _strip_unit(text: str, unit: str | None) -> str:
    """Remove the figure's unit (and the spellings of "%") from either end."""
    if unit is not None and unit.strip().casefold() in _ORDINAL_SUFFIXES:
        return re.sub(r"(?<=\d)\s*(?:st|nd|rd|th)$", "", text).strip()
    units = list(_PERCENT_WORDS) if unit is None or unit.strip() == "%" else []
    if unit is not None and unit.strip() != "%":
        folded = unit.strip().casefold()
        units.append(folded)
        if not folded.endswith("s"):
            units.append(folded + "s")
        elif len(folded) > 1:
            units.append(folded[:-1])
    for u in sorted(units, key=len, reverse=True):
        if text.endswith(u):
            text = text[: -len(u)].strip()
            break
        if text.startswith(u + " ") or (not u[0].isalpha() and text.startswith(u)):
            text = text[len(u) :].strip()
            break
    return text.strip(_CURRENCY + " ")


def parse_number(text: str, unit: str | None = None) -> Decimal | None:
    """A number as learners write it, or None if it is not one.

    Accepts "55.5", "55.5%", "55.5 percent", "about 55.5", "12,000", "55,5",
    "three", "fifty-five point five", and the figure's own unit ("3 years").
    The result keeps the precision given: "55.50" -> Decimal("55.50").
    """
    s = _clean(text).casefold().strip().rstrip(".")
    s = _FILLER.sub("", s)
    s = _strip_unit(s, unit).replace(" ", "") if s else s
    if not s:
        return None
    if re.fullmatch(r"[+-]?\d+,\d{1,2}", s) or re.fullmatch(r"[+-]?\d+,\d{4,}", s):
        s = s.replace(",", ".")  # a decimal comma: 55,5
    if _NUMERIC.match(s) and any(c.isdigit() for c in s):
        try:
            return Decimal(s.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex guards this
            return None
    words = _strip_unit(_FILLER.sub("", fold(text)), unit)
    return _words_to_number(words)


def render_number(value: float | int | Decimal, decimals: int, unit: str | None = None) -> str:
    """A number the way the app shows it: fixed decimals, separators from 10,000, unit glued.

    "55.5%", "17.0%", "3 years", "12,000 km", "$5".
    """
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    quantum = Decimal(1).scaleb(-decimals)
    number = number.quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{number:,.{decimals}f}" if abs(number) >= 10000 else f"{number:.{decimals}f}"
    if unit is None or not unit.strip():
        return text
    unit = unit.strip()
    if unit.casefold() in _ORDINAL_SUFFIXES and decimals == 0:
        return f"{text}{_ordinal(number)}"
    if unit in _CURRENCY or unit in ("US$", "A$", "C$"):
        return f"{unit}{text}"
    if not unit[0].isalnum():
        return f"{text}{unit}"
    return f"{text} {unit}"


def check_number(
    given: str,
    value: float | int | Decimal | str,
    *,
    unit: str | None = None,
    tolerance: float | None = None,
    rivals: Sequence[float | int | Decimal | str] = (),
    decimals: int | None = None,
) -> Verdict:
    """Check a figure: exact to its stated precision, or within its declared tolerance.

    Without a tolerance, "55.50" is right for 55.5 and a less precise "56" is
    only *close* (unless a rival rounds to 56 too). A rival value is never right,
    even inside the tolerance, nor is a value at least as near a rival.
    """
    expected = value if isinstance(value, Decimal) else Decimal(str(value))
    places = decimals if decimals is not None else decimals_of(expected)
    shown_expected = render_number(expected, places, unit)
    shown = given.strip()
    if not shown:
        return _no_answer(shown_expected, shown)
    number = parse_number(given, unit)
    if number is None:
        return _verdict(
            Outcome.WRONG,
            f"'{shown}' is not a number; the answer is {shown_expected}",
            shown_expected,
            shown,
        )
    others = [
        r
        for r in (x if isinstance(x, Decimal) else Decimal(str(x)) for x in rivals)
        if r != expected
    ]
    if number == expected:
        return _verdict(Outcome.CORRECT, "correct", shown_expected, shown)
    if number in others:
        return _verdict(
            Outcome.WRONG,
            f"{render_number(number, places, unit)} is another figure in this deck; "
            f"the answer is {shown_expected}",
            shown_expected,
            shown,
        )
    if tolerance is not None:
        off = abs(number - expected)
        if off <= Decimal(str(tolerance)):
            nearer = [r for r in others if abs(number - r) <= off]
            if nearer:
                rival = render_number(nearer[0], places, unit)
                return _verdict(
                    Outcome.WRONG,
                    f"{shown} is as near {rival}, another figure in this deck; "
                    f"the answer is {shown_expected}",
                    shown_expected,
                    shown,
                )
            return _verdict(
                Outcome.CORRECT,
                f"correct (within ±{tolerance:g} of {shown_expected})",
                shown_expected,
                shown,
            )
    given_places = decimals_of(number)
    if given_places < places:
        quantum = Decimal(1).scaleb(-given_places)

        def coarse(x: Decimal) -> set[Decimal]:
            return {
                x.quantize(quantum, rounding=ROUND_HALF_UP),
                x.quantize(quantum, rounding=ROUND_DOWN),
            }

        if number in coarse(expected):
            clash = [r for r in others if number in coarse(r)]
            if clash:
                rival = render_number(clash[0], places, unit)
                return _verdict(
                    Outcome.WRONG,
                    f"{shown} could be {shown_expected} or {rival} (another figure in this "
                    f"deck); the answer is {shown_expected}",
                    shown_expected,
                    shown,
                )
            return _verdict(
                Outcome.CLOSE,
                f"not precise enough: the answer is {shown_expected}",
                shown_expected,
                shown,
            )
    return _verdict(Outcome.WRONG, f"the answer is {shown_expected}", shown_expected, shown)


# ------------------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.casefold()] = _number
    _MONTHS[_name[:3].casefold()] = _number
_MONTHS["sept"] = 9
_WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
_DATE_FILLER = _words(
    "in on the of about around circa ca c early mid late by during ad ce year month day"
)

DateStyle = Literal["long", "day_first", "short", "iso"]
"""How a date is written: "June 17, 2025", "17 June 2025", "Jun 17, 2025", "2025-06-17"."""
DATE_STYLES: tuple[DateStyle, ...] = ("long", "day_first", "short", "iso")

Reading = tuple[int | None, int | None, int | None]
"""One way to read a typed date: (year, month, day); the year may be missing ("June 17")."""


def render_date(date: PartialDate, style: DateStyle = "day_first") -> str:
    """A date at its own precision, in one of the styles the app shows.

    The default matches the study cards ("17 June 2025", "June 2025", "2025").
    """
    if style == "iso" or date.month is None:
        return date.isoformat() if style == "iso" else str(date.year)
    month = MONTH_NAMES[date.month - 1]
    if style == "short":
        month = month[:3]
    if date.day is None:
        return f"{month} {date.year}"
    if style == "day_first":
        return f"{date.day} {month} {date.year}"
    return f"{month} {date.day}, {date.year}"


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return year is None or year >= 1
    if month is None:
        return False
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return year is None or year >= 1


def parse_date(text: str) -> tuple[list[Reading], str | None]:
    """Every reasonable reading of a typed date, or an explanation of why it is none.

    "June 17, 2025", "17 June 2025", "Jun 17 2025", "2025-06-17", "2025/6/17",
    "April 2023", "2023-04", "4/2023", "in 2015", "2025年6月17日". A numeric
    "6/7/2025" has two readings (6 July, June 7); the checker reports that.
    """
    s = _clean(text).strip()
    cjk = re.fullmatch(r"(\d{4})\s*[年년](?:\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?)?", s)
    if cjk:
        return _checked([tuple(int(g) if g else None for g in cjk.groups())], text)  # type: ignore[list-item]
    s = s.casefold()
    s = re.sub(r"(\d+)(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\s+", " ", s.strip(" .,;"))
    m = re.fullmatch(r"(\d{4})(?:[-/. ](\d{1,2})(?:[-/. ](\d{1,2}))?)?", s)
    if m:
        return _checked([tuple(int(g) if g else None for g in m.groups())], text)  # type: ignore[list-item]
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m:
        return _checked([(int(m[1]), int(m[2]), int(m[3]))], text)
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", s)
    if m:
        return _checked([(int(m[2]), int(m[1]), None)], text)
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", s)
    if m:
        if len(m[3]) == 2:
            return [], f"'{text.strip()}': write the year in full (e.g. 2025)"
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        readings = [r for r in ((year, a, b), (year, b, a)) if _valid(*r)]
        return _checked(_unique_readings(readings), text)
    words = re.findall(r"[^\W\d_]+|\d+", s)
    month: int | None = None
    numbers: list[int] = []
    for word in words:
        if word.isdigit():
            numbers.append(int(word))
        elif word in _MONTHS and month is None:
            month = _MONTHS[word]
        elif word in _WEEKDAYS or word in _DATE_FILLER:
            continue
        else:
            return [], f"'{text.strip()}' is not a date"
    if month is None:
        if len(numbers) == 1 and len(str(numbers[0])) == 4:
            return [(numbers[0], None, None)], None
        return [], f"'{text.strip()}' is not a date"
    years = [n for n in numbers if n > 31]
    days = [n for n in numbers if n <= 31]
    if len(years) > 1 or len(days) > 1 or len(numbers) > 2:
        return [], f"'{text.strip()}' is not a date"
    if years and years[0] < 1000:
        return [], f"'{text.strip()}': write the year in full (e.g. 2025)"
    return _checked([(years[0] if years else None, month, days[0] if days else None)], text)


def _date_of(reading: Reading) -> PartialDate:
    year, month, day = reading
    if year is None:
        raise ValueError("a date needs a year")
    return PartialDate(year, month, day)


def _unique_readings(readings: Sequence[Reading]) -> list[Reading]:
    out: list[Reading] = []
    for r in readings:
        if r not in out:
            out.append(r)
    return out


def _checked(readings: list[Reading], text: str) -> tuple[list[Reading], str | None]:
    valid = [r for r in readings if _valid(*r)]
    if not valid:
        return [], f"'{text.strip()}' is not a real calendar date"
    return valid, None


def _at(reading: Reading, precision: str) -> Reading:
    year, month, _ = reading
    if precision == "year":
        return (year, None, None)
    if precision == "month":
        return (year, month, None)
    return reading


def _precision_of(reading: Reading) -> str:
    _, month, day = reading
    return "day" if day is not None else "month" if month is not None else "year"


_LEVEL = {"year": 0, "month": 1, "day": 2}


def _judge_date(
    reading: Reading, expected: PartialDate, rivals: Sequence[PartialDate]
) -> tuple[Outcome, str]:
    shown = render_date(expected)
    want = (expected.year, expected.month, expected.day)
    year, month, day = reading
    if year is None:
        if month == expected.month and (expected.day is None or day == expected.day):
            return Outcome.CLOSE, f"right, but which year? the answer is {shown}"
        return Outcome.WRONG, f"the answer is {shown}"
    given_level = _LEVEL[_precision_of(reading)]
    want_level = _LEVEL[expected.precision]
    if given_level >= want_level:
        if _at(reading, expected.precision) == want:
            extra = "" if given_level == want_level else f" (the deck knows only {shown})"
            return Outcome.CORRECT, "correct" + extra
        as_date = _date_of(_at(reading, expected.precision))
        if as_date in rivals:
            return (
                Outcome.WRONG,
                f"{render_date(as_date)} is another date in this deck; the answer is {shown}",
            )
        return Outcome.WRONG, f"the answer is {shown}"
    coarse = _precision_of(reading)
    if _at(want, coarse) != reading:
        return Outcome.WRONG, f"the answer is {shown}"
    if want_level - given_level > 1:
        return Outcome.WRONG, f"right year, but the answer is {shown}"
    missing = "day" if expected.precision == "day" else "month"
    crowded = {
        r for r in rivals if r != expected and _at((r.year, r.month, r.day), coarse) == reading
    }
    note = ""
    if crowded:
        period = render_date(_date_of(reading))
        note = f" (this deck has {len(crowded) + 1} dates in {period})"
    return Outcome.CLOSE, f"right {coarse}, but which {missing}? the answer is {shown}{note}"


def check_date(given: str, expected: PartialDate, rivals: Sequence[PartialDate] = ()) -> Verdict:
    """Check a date at the precision the deck states it.

    A finer answer inside the expected period is right; a coarser one that is
    one step short (the month for a day) is *close*; an ambiguous numeric date
    is never silently accepted.
    """
    shown_expected = render_date(expected)
    shown = given.strip()
    if not shown:
        return _no_answer(shown_expected, shown)
    readings, error = parse_date(given)
    if error is not None:
        return _verdict(
            Outcome.WRONG, f"{error}; the answer is {shown_expected}", shown_expected, shown
        )
    judged = [_judge_date(r, expected, rivals) for r in readings]
    if len(judged) == 1 or len({o for o, _ in judged}) == 1:
        outcome, reason = judged[0]
        return _verdict(outcome, reason, shown_expected, shown)
    meanings = " or ".join(render_date(_date_of(r)) for r in readings)
    best = min((o for o, _ in judged), key=lambda o: _LEVEL_OF_OUTCOME[o])
    outcome = Outcome.CLOSE if best is Outcome.CORRECT else Outcome.WRONG
    return _verdict(
        outcome,
        f"ambiguous: '{shown}' could be {meanings}; write it as {render_date(expected, 'iso')} "
        f"or '{shown_expected}'",
        shown_expected,
        shown,
        ambiguous=True,
    )


_LEVEL_OF_OUTCOME = {Outcome.CORRECT: 0, Outcome.CLOSE: 1, Outcome.WRONG: 2}


# ------------------------------------------------------------------------- order


_NUMBERING = re.compile(r"^\s*\d{1,2}[.)]\s+")


def parse_order_numbers(text: str, count: int) -> list[int] | None:
    """Read a typed ordering such as "2 3 1", "2,3,1" or "231" as 0-based indices.

    None unless every number from 1 to ``count`` appears exactly once: a
    learner who mistypes gets asked again rather than marked wrong.
    """
    parts = text.replace(",", " ").split()
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == count and count < 10:
        parts = list(parts[0])
    if not parts or not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    if sorted(numbers) != list(range(1, count + 1)):
        return None
    return [n - 1 for n in numbers]


def check_order(given: Sequence[str], events: Sequence[str]) -> Verdict:
    """Check a chronology: right if every event is in place, close if one neighbour swap."""
    expected = " → ".join(events)
    shown = " → ".join(g.strip() for g in given)
    if not given:
        return _no_answer(expected, shown)
    keys = [_text_key(e) for e in events]
    positions: list[int] = []
    for item in given:
        key = _text_key(_NUMBERING.sub("", item))
        if key not in keys:
            return _verdict(
                Outcome.WRONG, f"'{item.strip()}' is not one of the events", expected, shown
            )
        positions.append(keys.index(key))
    if sorted(positions) != list(range(len(events))):
        return _verdict(Outcome.WRONG, "give every event exactly once", expected, shown)
    swaps = sum(
        1
        for i in range(len(positions))
        for j in range(i + 1, len(positions))
        if positions[i] > positions[j]
    )
    placed = sum(1 for i, p in enumerate(positions) if i == p)
    if swaps == 0:
        return _verdict(Outcome.CORRECT, "correct", expected, shown)
    if swaps == 1:
        return _verdict(
            Outcome.CLOSE,
            f"almost: two neighbours are swapped ({placed} of {len(events)} in place)",
            expected,
            shown,
        )
    return _verdict(Outcome.WRONG, f"{placed} of {len(events)} in the right place", expected, shown)


# ------------------------------------------------------------------ answer keys


class Target(StrEnum):
    """What a question asks for; one entry can be asked for several things."""

    DATE = "date"
    """When did the event happen?"""
    EVENT = "event"
    """What happened on the date?"""
    VALUE = "value"
    """What is the figure?"""
    SPEAKER = "speaker"
    """Who said the quote?"""
    QUOTE = "quote"
    """What did the speaker say?"""
    ANSWER = "answer"
    """The answer of a qa or choice entry."""
    BLANK = "blank"
    """One blank of a cloze."""
    ORDER = "order"
    """The events, in order."""


DEFAULT_TARGET: dict[str, Target] = {
    "date": Target.DATE,
    "figure": Target.VALUE,
    "quote": Target.SPEAKER,
    "qa": Target.ANSWER,
    "cloze": Target.BLANK,
    "choice": Target.ANSWER,
    "order": Target.ORDER,
}


class Mode(StrEnum):
    """How an answer is compared."""

    DATE = "date"
    NUMBER = "number"
    NAME = "name"
    TEXT = "text"
    ORDER = "order"


class AnswerKey(BaseModel):
    """Everything needed to judge an answer to one question, without the deck.

    Keys are serialisable, so a stored quiz attempt can be re-checked (or
    explained) later even if the deck changed or is gone. ``value`` is the
    machine form (ISO date, decimal text); ``answer`` is what the learner is
    shown; ``accept`` the other right answers (or, for ``order``, the events in
    order); ``rivals`` the deck's other answers that must never pass.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: Mode
    answer: str
    value: str
    accept: tuple[str, ...] = ()
    rivals: tuple[str, ...] = ()
    rival_people: tuple[tuple[str, ...], ...] = ()
    tolerance: float | None = None
    unit: str | None = None

    def check(self, given: str | Sequence[str]) -> Verdict:
        """Judge ``given`` (text; for ``order`` a list of events, or one per line)."""
        if self.mode is Mode.ORDER:
            items = given.splitlines() if isinstance(given, str) else list(given)
            return check_order([i for i in items if i.strip()], self.accept)
        text = given if isinstance(given, str) else " ".join(given)
        if self.mode is Mode.DATE:
            return check_date(text, PartialDate.parse(self.value), _parse_dates(self.rivals))
        if self.mode is Mode.NUMBER:
            return check_number(
                text,
                Decimal(self.value),
                unit=self.unit,
                tolerance=self.tolerance,
                rivals=self.rivals,
            )
        if self.mode is Mode.NAME:
            return check_name(
                text, self.answer, self.accept, self.rivals, rival_people=self.rival_people
            )
        return check_text(text, self.answer, self.accept, self.rivals)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerKey:
        return cls.model_validate(data)


@lru_cache(maxsize=1024)
def _parse_dates(values: tuple[str, ...]) -> tuple[PartialDate, ...]:
    return tuple(PartialDate.parse(v) for v in values)


class Person(Struct, frozen=True):
    """Someone the deck names: a speaker, or a person mentioned with a title."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


_TITLED = re.compile(
    r"\b(?:President|Prime Minister|Premier|Chancellor|Secretary|Minister|Chairman|Governor"
    r"|Senator|King|Queen|Emperor)\s+((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){0,2})"
)
_ADMINISTRATION = re.compile(
    r"\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,2})\s+administration"
    r"|administration of ([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,2})"
)


_NOT_NAMES = _words(
    "south north east west korean korea japanese japan chinese china american us u.s. united "
    "states british european russian new progressive conservative liberal democratic "
    "republican government national"
)


def compatible(a: PartialDate, b: PartialDate) -> bool:
    """Whether two dates could be the same day ("June 2025" and "2025-06-17" could)."""
    level = min(_LEVEL[a.precision], _LEVEL[b.precision])
    precision = ("year", "month", "day")[level]
    return _at((a.year, a.month, a.day), precision) == _at((b.year, b.month, b.day), precision)


def _classify(text: str) -> tuple[Mode, str, str | None]:
    """Whether a free-text answer is really a date or a number: (mode, value, unit)."""
    readings, error = parse_date(text)
    if error is None and len(readings) == 1 and readings[0][0] is not None:
        year, month, day = readings[0]
        if re.search(r"\d{4}", text) and year is not None:
            return Mode.DATE, PartialDate(year, month, day).isoformat(), None
    match = re.fullmatch(r"\s*([$€£¥₩]?)\s*([+-]?[\d.,]+)\s*(.*?)\s*", _clean(text))
    if match:
        unit = match[1] or match[3] or None
        if unit is None or len(unit) <= 12:
            number = parse_number(match[2])
            if number is not None:
                return Mode.NUMBER, str(number), unit
    number = parse_number(text)
    if number is not None:
        return Mode.NUMBER, str(number), None
    return Mode.TEXT, text, None


class DeckIndex:
    """What a deck knows, gathered once: the answers that rival each other.

    Building it walks the deck; keep one per deck (the quiz builder and the
    study screen both do) rather than one per answer.
    """

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self.dates = [e for e in deck.entries if isinstance(e, DateEntry)]
        self.figures = [e for e in deck.entries if isinstance(e, FigureEntry)]
        self.quotes = [e for e in deck.entries if isinstance(e, QuoteEntry)]
        self.people = _speakers(self.quotes)
        self.mentioned = _mentioned(deck, self.people)
        answers: list[tuple[str, str]] = []
        alternatives: list[str] = []
        for entry in deck.entries:
            if isinstance(entry, QaEntry):
                answers.append(("qa", entry.answer))
                alternatives += entry.accept
            elif isinstance(entry, ClozeEntry):
                answers += [("cloze", b) for b in entry.blanks]
            elif isinstance(entry, ChoiceEntry):
                answers += [("choice", a) for a in (entry.answer, *entry.distractors)]
        self.text_answers: list[tuple[str, str]] = answers
        """(kind, text) of every free-text answer in the deck (and choice options)."""
        self.alternatives: list[str] = alternatives
        """Accepted alternative spellings: rivals for other questions, never options."""
        self._classified: dict[str, tuple[Mode, str, str | None]] = {}
        self._keys: dict[tuple[str, Target, int], tuple[AnyEntry, AnswerKey]] = {}
        self.memo: dict[Any, Any] = {}
        """Scratch space for callers that derive things from the deck (the exam builder)."""
        self._people_by_name = {
            _name_key(form): person
            for person in reversed([*self.people, *self.mentioned])
            for form in person.forms
        }

    def person_named(self, text: str) -> Person | None:
        """The speaker or mentioned person ``text`` names exactly, if any."""
        return self._people_by_name.get(_name_key(text))

    def classify(self, text: str) -> tuple[Mode, str, str | None]:
        """:func:`_classify`, memoised (the quiz builder asks a lot)."""
        found = self._classified.get(text)
        if found is None:
            found = self._classified[text] = _classify(text)
        return found

    def person_of(self, entry: QuoteEntry) -> Person:
        key = _name_key(entry.speaker)
        for person in self.people:
            if _name_key(person.name) == key:
                return person
        return Person(entry.speaker, tuple(entry.speaker_aliases))  # pragma: no cover

    def other_people(self, person: Person) -> list[Person]:
        """Speakers and mentioned people other than ``person``."""
        return [p for p in (*self.people, *self.mentioned) if p != person]

    def key(self, entry: AnyEntry, target: Target | None = None, blank: int = 0) -> AnswerKey:
        """The answer key for asking ``target`` of ``entry`` (the kind's default target if None).

        Keys are immutable, so each is built once per index.
        """
        target = target or DEFAULT_TARGET[entry.kind]
        memo = (entry.id, target, blank)
        found = self._keys.get(memo)
        if found is None or found[0] is not entry:
            found = self._keys[memo] = (entry, self._build_key(entry, target, blank))
        return found[1]

    def _build_key(self, entry: AnyEntry, target: Target, blank: int) -> AnswerKey:
        if isinstance(entry, DateEntry) and target is Target.DATE:
            rivals = _unique(d.date.isoformat() for d in self.dates if d.date != entry.date)
            return AnswerKey(
                mode=Mode.DATE,
                answer=render_date(entry.date),
                value=entry.date.isoformat(),
                rivals=tuple(rivals),
            )
        if isinstance(entry, DateEntry) and target is Target.EVENT:
            same = [d.event for d in self.dates if d is not entry and d.date == entry.date]
            others = [d.event for d in self.dates if not compatible(d.date, entry.date)]
            return AnswerKey(
                mode=Mode.TEXT,
                answer=entry.event,
                value=entry.event,
                accept=tuple(same),
                rivals=tuple(_unique(others)),
            )
        if isinstance(entry, FigureEntry) and target is Target.VALUE:
            value = Decimal(str(entry.value))
            rivals = _unique(
                str(Decimal(str(f.value)))
                for f in self.figures
                if f is not entry and _same_unit(f.unit, entry.unit)
            )
            return AnswerKey(
                mode=Mode.NUMBER,
                answer=render_number(value, decimals_of(value), entry.unit),
                value=str(value),
                rivals=tuple(rivals),
                tolerance=entry.tolerance,
                unit=entry.unit,
            )
        if isinstance(entry, QuoteEntry) and target is Target.SPEAKER:
            person = self.person_of(entry)
            return AnswerKey(
                mode=Mode.NAME,
                answer=entry.speaker,
                value=entry.speaker,
                accept=tuple(_unique([*entry.speaker_aliases, *person.aliases])),
                rival_people=tuple(p.forms for p in self.other_people(person)),
            )
        if isinstance(entry, QuoteEntry) and target is Target.QUOTE:
            return AnswerKey(
                mode=Mode.TEXT,
                answer=entry.quote,
                value=entry.quote,
                rivals=tuple(_unique(q.quote for q in self.quotes if q is not entry)),
            )
        if isinstance(entry, QaEntry) and target is Target.ANSWER:
            return self._free_key(entry.answer, entry.accept, ())
        if isinstance(entry, ClozeEntry) and target is Target.BLANK:
            blanks = entry.blanks
            if not 0 <= blank < len(blanks):
                raise ValueError(f"{entry.id} has {len(blanks)} blank(s); no blank {blank + 1}")
            return self._free_key(blanks[blank], (), ())
        if isinstance(entry, ChoiceEntry) and target is Target.ANSWER:
            return self._free_key(entry.answer, (), entry.distractors)
        if isinstance(entry, OrderEntry) and target is Target.ORDER:
            return AnswerKey(
                mode=Mode.ORDER,
                answer=" → ".join(entry.events),
                value="",
                accept=tuple(entry.events),
            )
        raise ValueError(f"a {entry.kind} entry cannot be asked for its {target.value}")

    def _free_key(
        self, answer: str, accept: Sequence[str], extra_rivals: Sequence[str]
    ) -> AnswerKey:
        """A key for a free-text answer that may really be a date or a number."""
        mode, value, unit = self.classify(answer)
        if mode is Mode.DATE:
            expected = PartialDate.parse(value)
            pool = [d.date for d in self.dates]
            for _, text in self.text_answers:
                m, v, _u = self.classify(text)
                if m is Mode.DATE:
                    pool.append(PartialDate.parse(v))
            for text in extra_rivals:
                m, v, _u = self.classify(text)
                if m is Mode.DATE:
                    pool.append(PartialDate.parse(v))
            rivals = _unique(d.isoformat() for d in pool if d != expected)
            return AnswerKey(
                mode=Mode.DATE,
                answer=answer,
                value=value,
                accept=tuple(accept),
                rivals=tuple(rivals),
            )
        if mode is Mode.NUMBER:
            numbers = [str(Decimal(str(f.value))) for f in self.figures if _same_unit(f.unit, unit)]
            for _, text in [*self.text_answers, *(("choice", t) for t in extra_rivals)]:
                m, v, u = self.classify(text)
                if m is Mode.NUMBER and _same_unit(u, unit):
                    numbers.append(v)
            rivals = _unique(n for n in numbers if Decimal(n) != Decimal(value))
            return AnswerKey(
                mode=Mode.NUMBER,
                answer=answer,
                value=value,
                accept=tuple(accept),
                rivals=tuple(rivals),
                unit=unit,
            )
        own = {_compact(_text_key(a)) for a in (answer, *accept)}
        texts = [t for _, t in self.text_answers] + self.alternatives
        texts += [f for p in (*self.people, *self.mentioned) for f in p.forms]
        texts += list(extra_rivals)
        rivals = _unique(t for t in texts if _compact(_text_key(t)) not in own)
        return AnswerKey(
            mode=Mode.TEXT, answer=answer, value=answer, accept=tuple(accept), rivals=tuple(rivals)
        )


def _same_unit(a: str | None, b: str | None) -> bool:
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def _speakers(quotes: Sequence[QuoteEntry]) -> list[Person]:
    """The deck's speakers, one Person each, with all their aliases merged."""
    people: dict[str, tuple[str, list[str]]] = {}
    for quote in quotes:
        key = _name_key(quote.speaker)
        _, aliases = people.setdefault(key, (quote.speaker, []))
        for alias in quote.speaker_aliases:
            if alias not in aliases:
                aliases.append(alias)
    return [Person(name, tuple(aliases)) for name, aliases in people.values()]


def _deck_texts(deck: Deck) -> list[str]:
    texts = [deck.title, deck.description or ""]
    for entry in deck.entries:
        texts += [entry.source or "", entry.explanation or ""]
        if isinstance(entry, DateEntry):
            texts.append(entry.event)
        elif isinstance(entry, FigureEntry):
            texts.append(entry.measure)
        elif isinstance(entry, QuoteEntry):
            texts.append(entry.context or "")
    return texts


def _mentioned(deck: Deck, speakers: Sequence[Person]) -> list[Person]:
    """People the deck's text names with a title ("Prime Minister Ishiba Shigeru").

    They make plausible wrong options for "who said ...?" when a deck has few
    speakers, and they are rivals: naming one of them is never a typo.
    """
    found: list[str] = []
    for text in _deck_texts(deck):
        for match in _TITLED.finditer(text):
            found.append(match[1])
        for match in _ADMINISTRATION.finditer(text):
            found.append(match[1] or match[2])
    names: list[str] = []
    for raw in found:
        name = re.sub(r"[’']s$", "", raw.strip())
        name = re.sub(r"^(?:The|A|An)\s+", "", name)
        if name and name not in names:
            names.append(name)
    known = [{*(_name_key(f) for f in p.forms)} for p in speakers]
    names = [n for n in names if not any(w.casefold() in _NOT_NAMES for w in n.split())]
    people: list[Person] = []
    for name in sorted(names, key=lambda n: -len(_name_tokens(n))):
        key = _name_key(name)
        tokens = set(key.split())
        if not tokens or any(key in forms for forms in known):
            continue
        if any(tokens <= set(_name_key(f).split()) for p in speakers for f in p.forms):
            continue
        merged = False
        for i, person in enumerate(people):
            if tokens <= set(_name_key(person.name).split()):
                people[i] = Person(person.name, (*person.aliases, name))
                merged = True
                break
        if not merged:
            people.append(Person(name))
    return people


def answer_key(
    entry: AnyEntry,
    target: Target | None = None,
    *,
    blank: int = 0,
    deck: Deck | None = None,
    index: DeckIndex | None = None,
) -> AnswerKey:
    """The answer key for one entry; without a deck (or index) there are no rivals."""
    if index is None:
        index = DeckIndex(
            deck if deck is not None else Deck(id="solo", title="solo", entries=[entry])
        )
    return index.key(entry, target, blank)


def check_entry(
    entry: AnyEntry,
    given: str | Sequence[str],
    *,
    target: Target | None = None,
    blank: int = 0,
    deck: Deck | None = None,
    index: DeckIndex | None = None,
) -> Verdict:
    """Judge an answer to ``entry``: date -> date check, figure -> number, quote -> name ..."""
    return answer_key(entry, target, blank=blank, deck=deck, index=index).check(given)


_CARD_TARGETS = {
    ("date", "when"): Target.DATE,
    ("date", "what"): Target.EVENT,
    ("figure", "value"): Target.VALUE,
    ("quote", "who"): Target.SPEAKER,
    ("quote", "what"): Target.QUOTE,
    ("qa", "answer"): Target.ANSWER,
    ("choice", "choose"): Target.ANSWER,
    ("order", "order"): Target.ORDER,
}


def target_for_card(kind: str, variant: str) -> tuple[Target, int]:
    """Map a card variant (``cards.py``) to (target, blank index)."""
    if kind == "cloze" and variant.startswith("blank-"):
        return Target.BLANK, int(variant.removeprefix("blank-")) - 1
    try:
        return _CARD_TARGETS[(kind, variant)], 0
    except KeyError:
        raise ValueError(f"unknown card variant {kind}/{variant}") from None


def check_card(card: Card, given: str | Sequence[str], index: DeckIndex | None = None) -> Verdict:
    """Judge a typed answer to a study card, using the deck's rivals when ``index`` is given."""
    if card.entry is None:
        text = given if isinstance(given, str) else " ".join(given)
        return check_text(text, card.answer, card.accepted)
    target, blank = target_for_card(card.kind, card.variant)
    return check_entry(card.entry, given, target=target, blank=blank, index=index)
