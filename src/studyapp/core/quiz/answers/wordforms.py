"""Other ways to write the same words: plurals, acronyms, abbreviations, romanisations.

A fair teacher takes "ribosome" for "ribosomes", "NATO" for "North Atlantic
Treaty Organization", "PM Abe" for "Prime Minister Abe", and "Yoon Suk Yeol"
for "Yoon Seok-youl". Each function here makes a comparison key from folded
text (:func:`~studyapp.core.quiz.answers.normalise.fold`); the checkers compare
keys and decide how much credit a match earns.
"""

from __future__ import annotations

import re
from functools import lru_cache

from studyapp.core.quiz.answers.normalise import word_set

__all__ = [
    "acronyms",
    "expand_abbreviations",
    "latin_singulars",
    "romanisation_key",
    "singular_key",
]

SHORT_WORDS = word_set("the a an of and for in on to at by with de du des la le")
"""Words an acronym may leave out: "UNESCO" has no letter for "of" or "and"."""

_ABBREVIATIONS = {
    "pm": "prime minister",
    "fm": "foreign minister",
    "pres": "president",
    "sec": "secretary",
    "secy": "secretary",
    "gen": "general",
    "gov": "governor",
    "govt": "government",
    "sen": "senator",
    "amb": "ambassador",
    "dept": "department",
    "univ": "university",
    "intl": "international",
    "natl": "national",
    "assn": "association",
    "st": "saint",
    "mt": "mount",
    "ft": "fort",
    "dr": "doctor",
    "prof": "professor",
    "vs": "versus",
}


@lru_cache(maxsize=8192)
def expand_abbreviations(key: str) -> str:
    """A folded key with common abbreviations written out: "pm abe" -> "prime minister abe"."""
    words = key.split()
    return " ".join(
        _COMPASS.get(w, w) if i < len(words) - 1 else _ABBREVIATIONS.get(w, w)
        for i, w in enumerate(words)
    ).replace("  ", " ")


_COMPASS = _ABBREVIATIONS | {"s": "south", "n": "north", "e": "east", "w": "west"}
"""Before another word, a lone letter is a compass point: "S. Korea", "N. Ireland"."""


_LATIN_PLURALS = (("i", "us"), ("ae", "a"), ("a", "um"), ("es", "is"), ("a", "on"))


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.isalpha() or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


@lru_cache(maxsize=8192)
def latin_singulars(key: str) -> frozenset[str]:
    """The singulars a one-word key may have as a Latin or Greek plural: "nuclei" -> "nucleus"."""
    if " " in key or len(key) < 5:
        return frozenset()
    return frozenset(
        key[: -len(plural)] + single for plural, single in _LATIN_PLURALS if key.endswith(plural)
    )


@lru_cache(maxsize=8192)
def singular_key(key: str) -> str:
    """A folded key with each word made singular: "ribosomes" -> "ribosome".

    Crude on purpose (only the regular English endings); it is used to forgive
    a plural, never to tell two answers apart.
    """
    return " ".join(_singular(w) for w in key.split())


@lru_cache(maxsize=8192)
def acronyms(key: str) -> frozenset[str]:
    """The acronyms of a folded multi-word key: of every word, and without its short words.

    "north atlantic treaty organization" -> {"nato"}; "united nations educational
    scientific and cultural organization" -> {"unesaco", "unesco"}. A key of one
    word has none.
    """
    words = key.split()
    if len(words) < 2 or any(not w[:1].isalpha() for w in words):
        return frozenset()
    out = {"".join(w[0] for w in words)}
    content = [w for w in words if w not in SHORT_WORDS]
    if len(content) >= 2:
        out.add("".join(w[0] for w in content))
    return frozenset(out)


_ROMAN_RULES = (
    (re.compile(r"eo|eu|ou|oo|oh(?=[^aeiouy]|$)|uu|o|u"), "u"),
    (re.compile(r"ee|ie"), "i"),
    (re.compile(r"ae|ai"), "e"),
    (re.compile(r"wu"), "u"),
    (re.compile(r"yi"), "i"),
    (re.compile(r"(?<=[^aeiouy])y(?=u)"), ""),
    (re.compile(r"([^aeiou])\1"), r"\1"),
)


_FAMILY_NAMES = {
    variant: name
    for name, variants in {
        "lee": "yi rhee rhie ri",
        "park": "pak bak bahk",
        "kim": "gim",
        "choi": "choe",
        "chung": "jung",
        "kang": "gang",
        "jang": "chang",
        "jo": "cho",
        "lim": "im yim rim",
    }.items()
    for variant in variants.split()
}
"""Korean family names whose romanisations the vowel rules cannot join ("Yi", "Rhee" and
"Lee" are one name): each word that is one is read as the usual spelling."""


def _romanise(text: str) -> str:
    for pattern, repl in _ROMAN_RULES:
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=8192)
def romanisation_key(key: str) -> frozenset[str]:
    """A folded name in a lossy spelling that romanisations of Korean and Japanese share,
    family name first or last: "yoon seok youl", "yoon suk yeol", "Suk-yeol Yoon" and
    "yun sok yol" share "yunsukul"; "Ōno", "Ohno" and "Oono" give "unu"; "Yi Jae-myung"
    and "Rhee Jae-myung" are "Lee Jae-myung" (:data:`_FAMILY_NAMES`).

    The words are joined before spelling (hyphens and spaces between syllables
    vary), and the key is one string per order: as written, the last word
    first, the first word last. Names of one word have one key.
    """
    words = key.split()
    if not words:
        return frozenset()
    words = [_FAMILY_NAMES.get(w, w) for w in words]
    orders = {tuple(words), tuple(words[-1:] + words[:-1]), tuple(words[1:] + words[:1])}
    return frozenset(_romanise("".join(order)) for order in orders)
