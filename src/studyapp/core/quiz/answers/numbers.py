"""Figures: reading them as learners write them, showing them, and checking them.

"55.5", "55.5 percent", "about 55.5", "fifty-five point five" and "55,5" are
one number, and "2/3", "two-thirds" and "67%" are 0.67 (:func:`check_number`); a
figure is right to its stated precision or within its declared tolerance, and a
rival figure of the deck is never right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_DOWN,
    ROUND_HALF_UP,
    Decimal,
    InvalidOperation,
    localcontext,
)

from studyapp.core.base.listing import plural
from studyapp.core.quiz.answers.normalise import clean, fold
from studyapp.core.quiz.answers.numberforms import (
    GIVE_UP,
    VAGUE,
    mend_number_words,
    without_context,
)
from studyapp.core.quiz.answers.unitforms import (
    CURRENCY_NAMES,
    SCALE_WORDS,
    SCALES,
    currency_in,
    same_currency,
    unit_forms,
    unit_parts,
)
from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict, no_answer

__all__ = [
    "SMALL_NUMBERS",
    "TENS_NUMBERS",
    "check_number",
    "decimals_of",
    "parse_number",
    "render_number",
]

_PERCENT_WORDS = ("percentage points", "percent", "per cent", "pct", "%")
_FILLER = re.compile(
    r"^(?:about|around|approximately|approx|roughly|nearly|almost|some|circa|ca|the|~|≈)\.?\s+"
)
_CURRENCY = "$€£¥₩"
_NUMERIC = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
SMALL_NUMBERS: dict[str, int] = {
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
"""The number words below twenty, as figures and years said in words read them."""
TENS_NUMBERS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
"""The tens said in words ("twenty" to "ninety")."""
_SCALES = {word: 10**power for word, power in SCALE_WORDS.items()}
"""The scale words of a figure in words ("two million"), as the numbers they multiply by."""
_ZERO_WORDS = frozenset({"nil", "nought", "naught", "none", "zilch"})
"""Words for no figure at all: "nil" is a football score of 0, "none" the count of none."""
_ORDINAL_WORDS = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}
_FRACTIONS = {
    "half": Decimal("0.5"),
    "halves": Decimal("0.5"),
    "third": Decimal(1) / 3,
    "thirds": Decimal(1) / 3,
    "quarter": Decimal("0.25"),
    "quarters": Decimal("0.25"),
    "fourth": Decimal("0.25"),
    "fourths": Decimal("0.25"),
    "fifth": Decimal("0.2"),
    "fifths": Decimal("0.2"),
    "tenth": Decimal("0.1"),
    "tenths": Decimal("0.1"),
}
_COUNT_WORDS = {"dozen": 12, "dozens": 12, "score": 20, "pair": 2, "couple": 2}
_DIGIT_WORDS = {w: n for w, n in SMALL_NUMBERS.items() if n < 10} | {"oh": 0, "o": 0}


def decimals_of(value: float | int | Decimal | str) -> int:
    """How many decimals a figure was stated with: 55.5 -> 1, 24.0 -> 1, 80 -> 0."""
    if isinstance(value, bool):
        raise TypeError("not a number")
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _cardinal_word(word: str) -> str:
    """An ordinal word as its cardinal: "eightieth" -> "eighty", "second" -> "two"."""
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    if word.endswith("ieth") and word[:-4] + "y" in TENS_NUMBERS:
        return word[:-4] + "y"
    if word.endswith("th") and (
        word[:-2] in SMALL_NUMBERS or word[:-2] in _SCALES or word[:-2] == "hundred"
    ):
        return word[:-2]
    return word


def _words_to_number(text: str) -> Decimal | None:
    """English number words: "fifty-five point five", "three", "two hundred and six",
    ordinals ("eightieth", "twenty-first"), "a dozen", "three quarters", "one and a half".
    """
    words = text.replace("-", " ").split()
    if len(words) == 2 and words[0] in ("a", "an", "one") and words[1] in _FRACTIONS:
        return _fraction(words)  # "a fourth" is a quarter, as "one fourth"; "the fourth" is 4th
    if words[:1] in (["a"], ["an"], ["the"]):
        words = words[1:]
    if not words or len(words) > 20:
        return None
    if len(words) == 1 and words[0] in _ZERO_WORDS:
        return Decimal(0)
    if words in (["half"], ["quarter"]):
        return _FRACTIONS[words[0]]
    if words[-1] in _COUNT_WORDS:
        count = _words_to_number(" ".join(words[:-1])) if words[:-1] else Decimal(1)
        return None if count is None else count * _COUNT_WORDS[words[-1]]
    ordinal = (
        # "twenty-fourth" is 24th, not twenty quarters: a part in the singular counts
        # only after "one", "a" or "and" ("one fourth", "two and a fifth")
        len(words) >= 2
        and words[-1] in ("third", "fourth", "fifth", "tenth")
        and words[-2] in TENS_NUMBERS
    )
    if (
        len(words) >= 2
        and words[-1] in _FRACTIONS
        and words[-1] not in _ORDINAL_WORDS
        and not ordinal
    ):
        return _fraction(words)
    if len(words) >= 2 and words[-1] in ("third", "thirds", "fifth", "fifths"):
        head = _words_to_number(" ".join(words[:-1]))
        if head is not None and words[-2] not in ("and",) and head < 20:
            return _fraction(words)
    words = [_cardinal_word(w) for w in words]
    negative = words[0] in ("minus", "negative")
    if negative:
        words = words[1:]
    decimals = ""
    if "point" in words and words[-1] in _SCALES and len(words) > 2:
        # "fifty-one point seven million": the decimal number, then its scale
        head = _words_to_number(" ".join(words[:-1]))
        return None if head is None else head * _SCALES[words[-1]]
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
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS_NUMBERS:
            current += TENS_NUMBERS[word]
        elif word == "hundred":
            current = (current if seen else 1) * 100
        elif word in _SCALES:
            total += (current if seen else 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    if not seen and not decimals:
        return None
    number = Decimal(f"{total + current}" + (f".{decimals}" if decimals else ""))
    return -number if negative else number


def _fraction(words: list[str], *, exact: bool = False) -> Decimal | None:
    """ "three quarters" -> 0.75, "one and a half" -> 1.5, "two thirds" -> 0.67 (to 2 places;
    ``exact``: to Decimal's precision, 0.6666...)."""
    part = _FRACTIONS[words[-1]]
    head = words[:-1]
    whole = Decimal(0)
    if "and" in head:
        at = head.index("and")
        found = _words_to_number(" ".join(head[:at]))
        if found is None:
            return None
        whole, head = found, head[at + 1 :]
    count = _words_to_number(" ".join(head)) if head and head not in (["a"], ["an"]) else None
    if head and head not in (["a"], ["an"]) and count is None:
        return None
    if exact:  # a division, not a product of a rounded part: "two thirds" is 2/3
        return whole + (count if count is not None else Decimal(1)) / _PARTS[words[-1]]
    value = whole + (count if count is not None else Decimal(1)) * part
    return value.quantize(Decimal("0.01")).normalize() if value != value.to_integral() else value


_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_PARTS |= {"fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_SLASHED = re.compile(r"(?:(\d+)\s+(?:and\s+)?)?(\d+)\s*/\s*(\d+)")
_PERCENT = re.compile(r"%|\b(?:per\s*cent|percent|pct)\b")


def read_fraction(text: str, unit: str | None = None) -> Decimal | None:
    """A fraction as learners write it, exactly, or None: "2/3", "1 1/2", "two-thirds",
    "two thirds", "a third", "three quarters", "one and a half". Exact: 2/3 is
    0.666..., not 0.67 (a figure compares it at its own precision, :func:`check_number`).
    A figure in a percentage takes it as a share of 100 ("three quarters" is 75%).
    Ordinals are no fractions: "the third", "twenty-third"; nor is anything for a
    figure that is a position ("3rd")."""
    if unit is not None and unit.strip().casefold() in _ORDINAL_SUFFIXES:
        return None
    s = clean(text).casefold().strip().rstrip(".")
    s = _FILLER.sub("", s)
    s = _strip_unit(s, unit) if s else s
    value: Decimal | None = None
    slashed = _SLASHED.fullmatch(s)
    if slashed:
        whole, top, bottom = (int(g) if g else 0 for g in slashed.groups())
        if bottom == 0 or (whole and top >= bottom):
            return None
        value = whole + Decimal(top) / Decimal(bottom)
    else:
        words = fold(s).replace("-", " ").split()
        if len(words) < 2 or len(words) > 8 or words[-1] not in _PARTS:
            return None
        head = [w for w in words[:-1] if w not in ("a", "an")]
        if words[-1] in ("third", "fourth", "fifth", "tenth"):  # "twenty-third" is 23rd
            count = _words_to_number(" ".join(head)) if head else Decimal(1)
            if count is None or count >= 20 or "and" in head:
                return None
        value = _fraction(words, exact=True)
    if value is not None and unit is not None and unit.strip() == "%" and value < 1:
        return value * 100
    return value


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
        units += unit_forms(folded)
    for u in sorted(units, key=len, reverse=True):
        if text.endswith(u) and (len(u) > 1 or not text[: -len(u)][-1:].isalpha()):
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
    s = clean(text).casefold().strip().rstrip(".")
    s = _FILLER.sub("", s)
    s = _strip_unit(s, unit) if s else s
    scaled = re.fullmatch(r"([\d.,]+)\s*(thousand|million|billion|trillion|bn|mn|tn|m|k)", s)
    if scaled:
        base = parse_number(scaled[1])
        return None if base is None else base.scaleb(SCALES[scaled[2]])
    s = s.replace(" ", "")
    if not s or len(s) > 200:
        return None
    s = re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1", s)  # an ordinal: 80th
    if re.fullmatch(r"[+-]?\d+,\d{1,2}", s) or re.fullmatch(r"[+-]?\d+,\d{4,}", s):
        s = s.replace(",", ".")  # a decimal comma: 55,5
    if _NUMERIC.match(s) and any(c.isdigit() for c in s):
        try:
            return Decimal(s.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex guards this
            return None
    words = _strip_unit(_FILLER.sub("", fold(text)), fold(unit) if unit else unit)
    if words == "no" and fold(text) != "no":
        return Decimal(0)  # "no points"; a bare "no" answers yes or no, not how many
    number = _words_to_number(words)
    fraction = words.rsplit(" ", 1)[-1] in _FRACTIONS
    if number is not None and fraction and unit is not None and unit.strip() == "%" and number < 1:
        return number * 100  # "three quarters" of a percentage is 75%; "one and a half" is 1.5
    return number


def quantize(number: Decimal, decimals: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """``number`` rounded (half up) to ``decimals`` places, however many digits it has.

    Decimal's default 28 digits of precision raise InvalidOperation on a longer
    number, and a learner (or a deck) may type a 30-digit one.
    """
    if not number.is_finite():
        return number
    with localcontext() as ctx:
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        ctx.prec = max(ctx.prec, number.adjusted() + decimals + 4)
        return number.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def render_number(value: float | int | Decimal, decimals: int, unit: str | None = None) -> str:
    """A number the way the app shows it: fixed decimals, separators from 10,000, unit glued.

    "55.5%", "17.0%", "3 years", "12,000 km", "$5".
    """
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    number = quantize(number, decimals)
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
    scale: int = 0,
) -> Verdict:
    """Check a figure: exact to its stated precision, or within its declared tolerance.

    Without a tolerance, "55.50" is right for 55.5 and a less precise "56" is
    only *close* (unless a rival rounds to 56 too). A rival value is never right,
    even inside the tolerance, nor is a value at least as near a rival.

    A figure in thousands, millions ... (``scale``, a power of ten, or a scale word
    in ``unit``: "billion dollars") may be written in full ("37,000,000,000
    dollars") or with its scale ("$37bn"); a figure in a currency, in no other.

    A fraction ("2/3", "two-thirds") is read exactly and compared at the figure's own
    precision (:func:`_compare_fraction`); a percentage ("67%") of a figure with no unit
    below 1 is also read as a share (0.67), whichever reading fares better.
    """
    expected = value if isinstance(value, Decimal) else Decimal(str(value))
    places = decimals if decimals is not None else decimals_of(expected)
    shown_expected = render_number(expected, places, unit)
    shown = given.strip()
    if not shown:
        return no_answer(shown_expected, shown)
    parts = unit_parts(unit)
    if parts.currency is not None:
        named = currency_in(shown)
        if named is not None and not same_currency(named, parts.currency):
            other = f"{CURRENCY_NAMES[named]}, not {CURRENCY_NAMES[parts.currency]}"
            return make_verdict(
                Outcome.WRONG,
                f"{other}: the answer is {shown_expected}",
                shown_expected,
                shown,
                note=other,
            )
    power = parts.scale + scale
    fraction = read_fraction(given, unit) if not power and parts.currency is None else None
    if fraction is not None:
        return _compare_fraction(fraction, expected, places, unit, tolerance, rivals, shown)
    number = parse_number(given, unit)
    mended: list[str] = []
    if number is None and (parts.scale or parts.currency):
        number = _read_scaled(shown, parts.plain)
    if number is None:
        number, mended = _read_loosely(given, unit)
    if number is not None and power:
        number = _in_scale(number, expected, power)
    if number is None and fold(shown) in GIVE_UP:
        return make_verdict(
            Outcome.WRONG, f"the answer is {shown_expected}", shown_expected, shown, note=""
        )
    if number is None and set(fold(shown).split()) <= VAGUE:
        vague = f"'{shown}' is not a number"
        return make_verdict(
            Outcome.WRONG,
            f"{vague}; the answer is {shown_expected}",
            shown_expected,
            shown,
            note=vague,
        )
    unread = _unread_unit(shown, unit) if number is None else None
    if unread is not None:
        return make_verdict(
            Outcome.WRONG, unread, shown_expected, shown, note=unread, ambiguous=True
        )
    if number is None:
        # Never graded wrong for how it is written: the learner is asked to write it again.
        what = "cannot be read as a number" if re.search(r"\d", shown) else "is not a number"
        example = render_number(Decimal("12.5") if places else Decimal(12), places, unit)
        # The note's example is never the answer itself (the reason's may be: it is kept).
        other = render_number(Decimal("13.5") if places else Decimal(13), places, unit)
        shown_example = other if example == shown_expected else example
        return make_verdict(
            Outcome.WRONG,
            f"'{shown}' {what}; write it in digits, e.g. {example}",
            shown_expected,
            shown,
            note=f"'{shown}' {what}; write it in digits, e.g. {shown_example}",
            ambiguous=True,
        )
    verdict = _compare(number, expected, places, unit, tolerance, rivals, shown)
    if verdict.outcome is not Outcome.CORRECT and _a_share(expected, unit, shown):
        # "67%" for 0.67, a share written as a percentage: the better reading counts
        # (a unitless "0.5%" has always been read as 0.5).
        share = _compare(number.scaleb(-2), expected, places, unit, tolerance, rivals, shown)
        if _RANK[share.outcome] < _RANK[verdict.outcome] and not share.ambiguous:
            verdict = share
            if share.outcome is Outcome.CORRECT:
                note = "the same share, as a percentage"
                if share.note:
                    note = f"{note}, {share.note}"
                verdict = make_verdict(
                    Outcome.CORRECT, f"correct ({note})", shown_expected, shown, note=note
                )
    if mended and verdict.outcome is Outcome.CORRECT:
        misspelt = f"misspelt: {'; '.join(mended)}"
        return make_verdict(Outcome.CLOSE, misspelt, shown_expected, shown, note=misspelt)
    return verdict


_CURRENCY_WORD = re.compile(
    r"^(?:(?:us|au|ca|a|c)\$|[$€£¥₩]|usd|eur|gbp|aud|cad|jpy|krw)\s*"
    r"|\s*(?:(?:us|u\.s\.|australian|canadian)\s+)?"
    r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|won|usd|eur|gbp|[$€£¥₩])$"
)


def _read_scaled(shown: str, plain: str | None) -> Decimal | None:
    """A figure of a unit with a scale or a currency, written with them: "US$37 billion",
    "37,000,000,000 dollars", "$37bn" -> the number in full (37000000000)."""
    text = _FILLER.sub("", clean(shown).casefold().strip().rstrip("."))
    if plain is not None:
        text = _strip_unit(text, plain)
    for _ in range(2):  # a sign before and a word after: "$37 billion dollars"
        text = _CURRENCY_WORD.sub("", text, count=1).strip()
    return parse_number(text) if text else None


def _in_scale(number: Decimal, expected: Decimal, power: int) -> Decimal:
    """``number`` in the answer's scale (10**power) when it was written in full.

    "100,000" for 100 thousand is 100; "37 million" for 37 billion is 0.037; a
    figure already in the answer's scale ("37") stays. Whichever reading is
    nearer the answer counts, so an answer's own figure is never read away.
    """
    scaled = number.scaleb(-power)
    if abs(scaled - expected) >= abs(number - expected):
        return number
    exponent = number.as_tuple().exponent
    if not isinstance(exponent, int) or exponent > 0:
        return scaled  # "37.5 billion": as precise as its digits
    if scaled == scaled.to_integral_value():
        return quantize(scaled, 0)  # "37,000,000,000": its zeros are no precision
    return scaled.normalize()


def _unread_unit(shown: str, unit: str | None) -> str | None:
    """What to say when the figure is read but the words after it are not its unit:
    "'pts' is not read as a unit of points; write 3 points" (the learner's figure)."""
    if unit is None or not unit.strip() or not unit.strip()[0].isalpha():
        return None
    words = clean(shown).split()
    for cut in (1, 2):
        head, tail = words[:-cut], words[-cut:]
        if not head or not all(w.isalpha() for w in tail):
            continue
        number = parse_number(" ".join(head))
        if number is None:
            continue
        unread = f"'{' '.join(tail)}' is not read as a unit of {unit.strip()}"
        parts = unit_parts(unit)
        if parts.scale or parts.currency:  # the learner's figure may be in full: no rewrite
            return f"{unread}; write it in {unit.strip()}, e.g. {render_number(12, 0, unit)}"
        return f"{unread}; write {render_number(number, decimals_of(number), unit)}"
    return None


def _number_vocabulary() -> frozenset[str]:
    """Every word :func:`_words_to_number` reads, with the ordinals and percent words."""
    words = {*SMALL_NUMBERS, *TENS_NUMBERS, *_SCALES, *_FRACTIONS, *_COUNT_WORDS}
    words |= {*_ORDINAL_WORDS, *_ZERO_WORDS}
    words |= {"hundred", "hundredth", "point", "and", "a", "an", "minus", "negative", "oh"}
    words |= {"percent", "per", "cent", "pct", "percentage", "points"}
    words |= {w + "th" for w in (*SMALL_NUMBERS, *_SCALES) if w + "th" not in ("oneth", "twoth")}
    words |= {w[:-1] + "ieth" for w in TENS_NUMBERS}
    return frozenset(words)


_VOCABULARY = _number_vocabulary()


def _read_loosely(given: str, unit: str | None) -> tuple[Decimal | None, list[str]]:
    """A figure with words around it ("he was second", "No. 2") or misspelt ("fourty").

    Returns the number (None if still unread) and what was mended in its spelling.
    """
    bare = without_context(given)
    if bare is not None:
        number = parse_number(bare, unit)
        if number is not None:
            return number, []
    if unit is None:  # a figure without a unit, written with one ("300,000 km/s")
        words = fold(bare if bare is not None else given).split()
        for cut in (1, 2):
            tail = words[-cut:]
            if len(words) > cut and all(w.isalpha() and w not in _VOCABULARY for w in tail):
                number = parse_number(" ".join(words[:-cut]))
                if number is not None:
                    return number, []
    fixed = mend_number_words(bare if bare is not None else given, _VOCABULARY)
    if fixed is None:
        return None, []
    text, mended = fixed
    number = parse_number(text, unit)
    if number is None:
        unwrapped = without_context(text)
        number = parse_number(unwrapped, unit) if unwrapped is not None else None
    return number, mended if number is not None else []


_RANK = {Outcome.CORRECT: 0, Outcome.CLOSE: 1, Outcome.WRONG: 2}


def _a_share(expected: Decimal, unit: str | None, shown: str) -> bool:
    """Whether ``shown`` may be a percentage of a figure with no unit below 1 (0.67)."""
    return (
        (unit is None or not unit.strip())
        and abs(expected) < 1
        and (_PERCENT.search(clean(shown).casefold()) is not None)
    )


def _significant(number: Decimal) -> int:
    """How many significant digits a figure was stated with: 0.67 -> 2, 0.7 -> 1, 0.05 -> 1."""
    digits = number.as_tuple().digits
    return len(digits) - next((i for i, d in enumerate(digits) if d), len(digits))


def _compare_fraction(
    fraction: Decimal,
    expected: Decimal,
    places: int,
    unit: str | None,
    tolerance: float | None,
    rivals: Sequence[float | int | Decimal | str],
    shown: str,
) -> Verdict:
    """The verdict on a fraction ("2/3", "two-thirds"), read exactly.

    A fraction has no precision of its own, so it is right when it rounds (half up) to
    the figure at the precision the deck states it, as long as that precision is two
    significant digits or more (2/3 is 0.67, and 67%; it is not 0.7 nor 1) and no rival
    of the deck is as near. Otherwise it is compared as any figure is: within the
    tolerance, or wrong.
    """
    if fraction != expected and _significant(expected) >= 2:
        off = abs(fraction - expected)
        if quantize(fraction, places) == expected and not any(
            abs(fraction - r) <= off for r in _other_figures(rivals, expected)
        ):
            where = plural(places, "decimal place") if places else "a whole number"
            note = f"a fraction, rounded to {where}"
            shown_expected = render_number(expected, places, unit)
            return make_verdict(
                Outcome.CORRECT, f"correct ({note})", shown_expected, shown, note=note
            )
    return _compare(fraction, expected, places, unit, tolerance, rivals, shown)


def _other_figures(
    rivals: Sequence[float | int | Decimal | str], expected: Decimal
) -> list[Decimal]:
    """The deck's other figures an answer could be mistaken for (the answer's own left out)."""
    figures = (x if isinstance(x, Decimal) else Decimal(str(x)) for x in rivals)
    return [r for r in figures if r != expected]


def _compare(
    number: Decimal,
    expected: Decimal,
    places: int,
    unit: str | None,
    tolerance: float | None,
    rivals: Sequence[float | int | Decimal | str],
    shown: str,
) -> Verdict:
    """The verdict on a figure read from the answer: exact, within tolerance, rounded or wrong."""
    shown_expected = render_number(expected, places, unit)
    others = _other_figures(rivals, expected)
    if number == expected:
        return make_verdict(Outcome.CORRECT, "correct", shown_expected, shown, note="")
    if number in others:
        other = f"{render_number(number, places, unit)} is another figure in this deck"
        return make_verdict(
            Outcome.WRONG,
            f"{other}; the answer is {shown_expected}",
            shown_expected,
            shown,
            note=other,
        )
    if tolerance is not None:
        off = abs(number - expected)
        if off <= Decimal(str(tolerance)):
            nearer = [r for r in others if abs(number - r) <= off]
            if nearer:
                rival = render_number(nearer[0], places, unit)
                near = f"{shown} is as near {rival}, another figure in this deck"
                return make_verdict(
                    Outcome.WRONG,
                    f"{near}; the answer is {shown_expected}",
                    shown_expected,
                    shown,
                    note=near,
                )
            return make_verdict(
                Outcome.CORRECT,
                f"correct (within ±{tolerance:g} of {shown_expected})",
                shown_expected,
                shown,
                note=f"within ±{tolerance:g}",
            )
    given_places = decimals_of(number)
    if given_places < places:

        def coarse(x: Decimal) -> set[Decimal]:
            return {quantize(x, given_places), quantize(x, given_places, ROUND_DOWN)}

        if number in coarse(expected):
            clash = [r for r in others if number in coarse(r)]
            if clash:
                # Rounded, it fits this figure and another of the deck: neither credit nor
                # penalty, and no hint which: asked again, as precisely as the deck has it.
                precisely = f"to {plural(places, 'decimal place')}"
                again = f"{shown} fits more than one figure in this deck; write it {precisely}"
                return make_verdict(
                    Outcome.WRONG, again, shown_expected, shown, note=again, ambiguous=True
                )
            return make_verdict(
                Outcome.CLOSE,
                f"not precise enough: the answer is {shown_expected}",
                shown_expected,
                shown,
                note="not precise enough",
            )
    return make_verdict(
        Outcome.WRONG, f"the answer is {shown_expected}", shown_expected, shown, note=""
    )
