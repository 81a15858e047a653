"""What an entry asks, and whole-word matching in folded text, for the lint checks.

Shared by the per-entry and duplicate checks: the question text a learner is
shown, the field that holds it (where a finding points), and the folded
word matching that decides whether an answer shows in a prompt or source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from studyapp.core.authoring.extract.sentences import word_list
from studyapp.core.decks.model import (
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers import normalise

__all__ = ["content_words", "folded", "question_path", "question_text", "quoted", "words_in"]

QUOTED_CHARS = 60
"""The most characters of deck text a finding quotes: a 272-character answer quoted
whole made a finding of five terminal lines, the rule and the advice lost in it."""


_FOLDED_CHAR = r"(?:[a-z0-9%]|(?<=[0-9])\.(?=[0-9]))"
_ALREADY_FOLDED = re.compile(rf"{_FOLDED_CHAR}+(?: {_FOLDED_CHAR}+)*")
"""ASCII text as :func:`fold` leaves it: lower-case letters, digits, ``%`` and decimal
points in words one space apart. Folding it again changes nothing (every step of
``fold`` keeps these characters), and the checks often fold what is folded already."""

_ASCII_WORD = re.compile(r"(?:[a-z0-9%]|(?<=[0-9])[.,](?=[0-9]))+")
"""A word of lower-cased ASCII text as :func:`fold` keeps it: letters, digits, ``%``,
and a ``.`` or ``,`` between digits (a decimal mark, which ``fold`` writes ``.``)."""


def _fold_ascii(text: str) -> str:
    """The quiz's ``fold`` of ASCII ``text``, in a third of its time.

    On ASCII, that ``fold``'s Unicode steps (NFKC, accents, typographic quotes) change
    nothing but a backtick into an apostrophe; what is left is: lower case,
    apostrophes dropped, ``&`` read as "and", decimal marks kept as ``.``, and any
    other run of characters a word break. Control characters and ``_`` are breaks
    here as there. Tested against ``fold`` itself on random ASCII text.
    """
    text = text.lower()
    if "'" in text or "`" in text:
        text = text.replace("'", "").replace("`", "")
    if "&" in text:
        text = text.replace("&", " and ")
    return " ".join(_ASCII_WORD.findall(text)).replace(",", ".")


@lru_cache(maxsize=1 << 17)
def folded(text: str) -> str:
    """:func:`fold`, remembered: lint folds each question, answer and source several
    times (duplicates, give-aways, speakers), 180,000 folds on a 50,000-entry deck.
    Text already folded comes back as it is."""
    if _ALREADY_FOLDED.fullmatch(text) is not None:
        return text
    return fold(text)


_TO_ASCII = str.maketrans(
    dict.fromkeys("‘’‚‛′‹›", "'")
    | dict.fromkeys("“”„‟«»「」『』", '"')
    | dict.fromkeys("‐‑‒–—―−", "-")
    | dict.fromkeys("\u00a0\u2009\u202f\u3000§", " ")
    | dict.fromkeys("\u200b\u200c\u200d\ufeff\u00ad")
    | {"…": "..."}
)
"""Typographic quotes, dashes, spaces and invisibles, the ellipsis and ``§``, as the
quiz's ``fold`` reads each (its NFKC step, then its table of typographic marks):
text with no other non-ASCII character folds as its ASCII so written."""


def fold(text: str) -> str:
    """:func:`~studyapp.core.quiz.answers.normalise.fold`, the same text; ASCII text
    (most of a deck, once its typographic quotes and dashes are plain) by
    :func:`_fold_ascii`."""
    if text.isascii():
        return _fold_ascii(text)
    plain = text.translate(_TO_ASCII)
    if plain.isascii():
        return _fold_ascii(plain)
    return normalise.fold(text)


def question_text(entry: AnyEntry) -> str:
    """What a learner is shown when asked this entry's main card."""
    if isinstance(entry, QaEntry | ChoiceEntry):
        return entry.prompt
    if isinstance(entry, DateEntry):
        return entry.prompt or entry.event
    if isinstance(entry, FigureEntry):
        return entry.prompt or entry.measure
    if isinstance(entry, QuoteEntry):
        return entry.quote
    if isinstance(entry, ClozeEntry):
        return entry.text
    return f"{entry.prompt or ''} {' / '.join(entry.events)}"


def question_path(entry: AnyEntry) -> str:
    if isinstance(entry, DateEntry):
        return "prompt" if entry.prompt else "event"
    if isinstance(entry, FigureEntry):
        return "prompt" if entry.prompt else "measure"
    if isinstance(entry, QuoteEntry):
        return "quote"
    if isinstance(entry, ClozeEntry):
        return "text"
    return "prompt"


def words_in(needle: str, haystack: str) -> bool:
    """Whether folded ``needle`` occurs in folded ``haystack`` as whole words.

    As the pattern ``(?<![\\w.])needle(?!\\w|\\.\\d)`` would say, without building a
    regular expression per needle (13,000 of them cost seconds on a big deck).
    """
    n = folded(needle)
    if not n:
        return False
    plain = haystack if haystack.isascii() else haystack.translate(_TO_ASCII)
    if plain.isascii() and not _may_hold(plain, n):
        return False
    h = folded(haystack)
    at = h.find(n)
    while at >= 0:
        end = at + len(n)
        if (at == 0 or not _word_or_dot(h[at - 1])) and (
            end == len(h)
            or not (_word(h[end]) or (h[end] == "." and h[end + 1 : end + 2].isdecimal()))
        ):
            return True
        at = h.find(n, at + 1)
    return False


def _may_hold(text: str, words: str) -> bool:
    """False when the fold of ``text`` (ASCII, its typographic marks made plain by
    ``_TO_ASCII``) surely lacks folded ``words``, without folding it.

    Folding ASCII keeps runs of letters, digits and ``%`` as they are, lower-cased
    and without apostrophes (``&`` becomes "and"), so each folded word lies whole in
    ``text`` so lowered; one that does not cannot be in its fold. Most questions hold
    none of the answer, and folding a long question costs ten times this look.
    Words with a decimal point are not looked for (``1,5`` folds to ``1.5``).
    """
    low = text.lower()
    if "'" in low or "`" in low:
        low = low.replace("'", "").replace("`", "")
    if "&" in low:
        low = low.replace("&", " and ")
    return all(w in low for w in words.split() if "." not in w)


def _word(char: str) -> bool:
    """What ``\\w`` matches: a letter or digit (``str.isalnum``) or ``_``."""
    return char.isalnum() or char == "_"


def _word_or_dot(char: str) -> bool:
    return char == "." or char.isalnum() or char == "_"


_STOP = frozenset(
    word_list(
        "a an the of and or in on to for with by at from as is was were are be it its this "
        "that what which who whom when where why how did does do"
    )
)


def content_words(text: str) -> list[str]:
    return [w for w in folded(text).split() if w not in _STOP]


def quoted(text: str, limit: int = QUOTED_CHARS) -> str:
    """``repr(text)``, as findings quote deck text, its middle left out (" … ") when it is
    longer than ``limit``: the start and the end, cut between words, are what an author
    recognises it by and searches the deck for."""
    if len(text) <= limit:
        return repr(text)
    end = _word_end(text, limit * 2 // 3)
    start = _word_start(text, len(text) - (limit - end))
    return repr(f"{text[:end].rstrip()} … {text[start:].lstrip()}")


def _word_end(text: str, at: int) -> int:
    """``at``, or back to the space before the word it splits (if that keeps half)."""
    if text[at].isspace():
        return at
    space = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at))
    return space if space >= at // 2 else at


def _word_start(text: str, at: int) -> int:
    """``at``, or on to the start of the next word if it splits one (and half is kept)."""
    if text[at - 1].isspace():
        return at
    spaces = [i for i in (text.find(" ", at), text.find("\n", at)) if i >= 0]
    space = min(spaces, default=-1)
    return space + 1 if space >= 0 and len(text) - space >= (len(text) - at) // 2 else at
