"""Numbers written in words: "three", "twenty-one", "two and a half million", "a third".

The figure finder reads digits itself; this module reads the words, including
fractions ("one fourth", "two-thirds", "half of") and "one and a half", which
a regular expression of number words alone gets wrong ("Two and a half million"
is 2.5 million, not 2).
"""

from __future__ import annotations

import re
from decimal import Decimal

from studyapp.core.authoring.extract.sentences import word_list

__all__ = [
    "CARDINAL_PHRASE",
    "CARDINAL_WORDS",
    "FRACTION_PHRASE",
    "ORDINAL_PHRASE",
    "ORDINAL_WORDS",
    "SCALES",
    "fraction_value",
    "words_value",
]

UNITS_0_19 = word_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
TENS = word_list("twenty thirty forty fifty sixty seventy eighty ninety")
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

_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "fourth": 4,
    "fourths": 4,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}

_TENS_RE = "|".join(TENS)
_UNITS_RE = "|".join(UNITS_0_19[1:10])
_CARD = "|".join(
    sorted([*(w for w in CARDINAL_WORDS if w not in ("zero", "one")), "dozen"], key=len)[::-1]
)
_ORD = "|".join(sorted(ORDINAL_WORDS, key=len)[::-1])
_ORD_UNITS = "|".join(ORDINALS_0_19[1:10])
_SCALE_RE = r"(?:hundred|thousand|million|billion|trillion)"
_SMALL = rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_UNITS_RE}))?|{_CARD}|one|a)"

CARDINAL_PHRASE = (
    rf"(?:{_SMALL}\s+and\s+(?:a|one)[\s-](?:half|quarter|third)(?:\s+{_SCALE_RE})?"
    # "five hundred thousand": a hundred of a larger scale
    rf"|(?:(?:{_TENS_RE})(?:[\s-](?:{_UNITS_RE}))?|{_CARD})(?:\s+{_SCALE_RE}"
    r"(?:(?<=hundred)\s+(?:thousand|million|billion|trillion))?)?"
    rf"|(?:a|one)\s+(?:hundred(?:\s+(?:thousand|million|billion))?|thousand|million|billion))"
)
"""Cardinal number words: "three", "twenty-one", "two and a half million", "a thousand",
"five hundred thousand"."""

ORDINAL_PHRASE = rf"(?:(?:{_TENS_RE})[\s-](?:{_ORD_UNITS})|{_ORD})"

FRACTION_PHRASE = (
    r"(?:(?:one|a|two|three|four|five|six|seven|eight|nine)[\s-](?:half|halves|thirds?|fourths?"
    r"|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)|half)(?=\s+(?:of|the)\b)"
    r"|\b(?:one|two|three|four)-(?:thirds?|fourths?|quarters?|fifths?)(?=\s+[a-z])"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|\d)\s+(?:in|out\s+of)\s+(?:two|three"
    r"|four|five|six|seven|eight|nine|ten|\d{1,3})\b"
)
"""Fractions that measure a share: "a third of", "two-thirds of", "one in five"."""


def words_value(phrase: str) -> Decimal | None:
    """ "three" -> 3, "twenty-one" -> 21, "two and a half million" -> 2500000."""
    words = re.split(r"[\s-]+", phrase.lower().strip())
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "and" and i + 2 < len(words) + 1 and i + 1 < len(words):
            nxt = words[i + 1 : i + 3]
            if len(nxt) == 2 and nxt[0] in ("a", "one") and nxt[1] in _DENOMINATORS:
                current += Decimal(1) / _DENOMINATORS[nxt[1]]
                i += 3
                continue
            i += 1
            continue
        if word in ("a", "an"):
            current = Decimal(1)
            seen = True
        elif word == "dozen":
            current = (current or Decimal(1)) * 12  # "a dozen", "two dozen"
            seen = True
        elif word in ORDINAL_WORDS and seen and not (current >= 20 and current % 10 == 0):
            return None  # "a third", "one fourth": fractions (fraction_value), not sums
        elif word in CARDINAL_WORDS:
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
        i += 1
    return total + current if seen else None


def fraction_value(phrase: str) -> Decimal | None:
    """ "a third" -> 1/3, "two-thirds" -> 2/3, "half" -> 0.5, "one in five" -> 0.2."""
    words = re.split(r"[\s-]+", phrase.lower().strip())
    if words == ["half"]:
        return Decimal("0.5")
    if len(words) == 2 and words[1] in _DENOMINATORS:
        top = Decimal(1) if words[0] in ("a", "one") else words_value(words[0])
        return None if top is None else top / _DENOMINATORS[words[1]]
    if len(words) >= 3 and words[-2] in ("in", "of"):
        top = words_value(words[0]) if not words[0].isdigit() else Decimal(words[0])
        bottom = words_value(words[-1]) if not words[-1].isdigit() else Decimal(words[-1])
        if top is not None and bottom:
            return top / bottom
    return None
