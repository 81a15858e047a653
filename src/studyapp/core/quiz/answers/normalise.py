"""The comparison form of what learners type, and how far a typo may go.

Every checker compares keys made here: :func:`fold` ignores case, accents,
punctuation and typographic quotes; :func:`text_key` also drops a leading
article. :func:`max_typos` and :func:`best_typo` decide when a near miss counts
as a typo, and :func:`nearest_rival` when it is just as near another answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

__all__ = ["fold", "max_typos"]

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


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, for the vocabularies of the checkers."""
    return frozenset(text.split())


def strip_accents(text: str) -> str:
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


def clean(text: str) -> str:
    """NFKC, typographic quotes and dashes made plain: the first step of every comparison."""
    return unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC).translate(_LETTERS)


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The comparison form of free text.

    Case, accents, punctuation, typographic quotes/dashes and spacing are
    ignored; apostrophes vanish (``Lee's`` = ``Lees``) and decimal marks inside
    numbers are kept, so ``55.5`` does not become ``55 5``.
    """
    text = strip_accents(_CONTROL.sub(" ", clean(text)).casefold()).translate(_LETTERS)
    text = text.replace("&", " and ").replace("'", "")
    text = _DECIMAL_MARK.sub("\x00", text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.replace("\x00", ".").split())


@lru_cache(maxsize=1 << 17)
def text_key(text: str) -> str:
    """Folded, without a leading article: "the Camp David Principles" = "Camp David Principles".

    Remembered for as many texts as a big deck has answers: a card's first check keys
    every other answer of the deck (its rivals), and with room for 16,384 a 50,000-entry
    deck's were all read again on each new card (a first check: ~110 ms; ~40 ms with room).
    """
    folded = fold(text)
    for article in _ARTICLES:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article) :]
    return folded


def compact(key: str) -> str:
    """A key without its spaces: "camp david" and "campdavid" compare equal."""
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
    if _digits(given) != _digits(form):
        return None
    if limit == 0:
        return 1 if is_swap(given, form) else None
    if len(form) <= 6 and given[:1] != form[:1]:
        return None
    distance = int(OSA.distance(given, form, score_cutoff=limit))
    return distance if distance <= limit else None


def is_swap(given: str, form: str) -> bool:
    """Whether ``given`` is ``form`` with two neighbouring letters swapped ("teh", "the").

    The one slip a short answer is forgiven: any other edit of a three-letter
    word makes another word as often as not.
    """
    if len(given) != len(form) or len(form) < 3 or given == form:
        return False
    diff = [i for i, (a, b) in enumerate(zip(given, form, strict=True)) if a != b]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and given[diff[0]] == form[diff[1]]
        and given[diff[1]] == form[diff[0]]
    )


def best_typo(given: str, forms: dict[str, str]) -> tuple[int, str] | None:
    """(distance, form) of the accepted form ``given`` is the nearest typo of, if any."""
    best: tuple[int, str] | None = None
    for key, form in forms.items():
        distance = _typo_distance(given, key)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, form)
    return best


def nearest_rival(
    given: str,
    rivals: dict[str, str],
    distance: int,
    *,
    unless: Callable[[str], bool] | None = None,
) -> str | None:
    """A rival (by display text) at most ``distance`` edits from ``given``, if any; with
    ``unless``, none it holds true for."""
    for key, shown in rivals.items():
        if OSA.distance(given, key, score_cutoff=distance) <= distance and not (
            unless is not None and unless(shown)
        ):
            return shown
    return None


def unique(items: Iterable[str]) -> list[str]:
    """``items`` without repeats, in their first order."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
