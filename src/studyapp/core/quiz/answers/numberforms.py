"""The words learners put around a figure, and number words they misspell.

"number two", "No. 2", "second place", "he was second" all give a position;
"fourty-one" is a misspelt "forty-one". :mod:`numbers` reads the figure
itself; this module only takes away the words around it (a closed list, so
"five apples" stays unread) and mends a misspelt number word when exactly
one number word is one edit away.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from rapidfuzz.distance import OSA

from studyapp.core.quiz.answers.normalise import fold, word_set

__all__ = ["GIVE_UP", "VAGUE", "mend_number_words", "without_context"]

_CONTEXT = word_set(
    "number no num nr position pos place placed spot slot rank ranked ranking came come comes "
    "coming finished finish was were is it he she they i we in at the called call rang phoned "
    "his her their its"
)
"""Words around a position or a figure that say nothing about its value."""

GIVE_UP = frozenset(
    {"i dont know", "dont know", "do not know", "idk", "no idea", "not sure", "pass", "dunno"}
)
"""An honest "don't know": wrong, not a request to write the figure again."""

VAGUE = word_set(
    "many much lots few several some numerous countless loads plenty various multiple a lot"
)
"""Words that answer "how many?" without a figure: wrong, and the reason says why."""


def without_context(text: str) -> str | None:
    """``text`` without the words around its figure ("he was second" -> "second"), or None.

    None when no such word was there, or nothing else is left: only a figure
    with words from the closed list around it is read.
    """
    words = fold(re.sub(r"^\s*#\s*(?=\d)", "number ", text)).replace("-", " ").split()
    kept = [w for w in words if w not in _CONTEXT]
    if not kept or len(kept) == len(words):
        return None
    return " ".join(kept)


def mend_number_words(text: str, vocabulary: Collection[str]) -> tuple[str, list[str]] | None:
    """``text`` with its misspelt number words mended, and what was mended, or None.

    A word not in ``vocabulary`` is mended when one word of it is a single edit
    away; of several, the one ending like the word ("fourty" is "forty", not
    "fourth"). None when nothing was misspelt or a word cannot be mended.
    """
    words = fold(text).replace("-", " ").split()
    mended: list[str] = []
    out: list[str] = []
    for word in words:
        if word in vocabulary or any(c.isdigit() for c in word) or word == "%":
            out.append(word)
            continue
        if len(word) < 4:
            return None
        near = [v for v in vocabulary if abs(len(v) - len(word)) <= 1 and _one_edit(word, v)]
        if not near:
            return None
        ranked = sorted(near, key=lambda v: -_common_suffix(word, v))
        if len(ranked) > 1 and _common_suffix(word, ranked[0]) == _common_suffix(word, ranked[1]):
            return None
        out.append(ranked[0])
        mended.append(f"'{word}' is spelt '{ranked[0]}'")
    if not mended:
        return None
    return " ".join(out), mended


def _one_edit(a: str, b: str) -> bool:
    return int(OSA.distance(a, b, score_cutoff=1)) <= 1


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n
