"""Finding an answer written in a text: the scanner behind leaks (lint, the queue, exams).

An answer is "written" in a text when the text gives it at the card's own
precision: a date at its day, month or year; a figure's number with its unit (or
a distinctive number alone); a text answer's words in order; a quotation's
speaker beside the quotation's words. A match only counts when the text is about
what the card asks (it shares the card's subject words, the deck's topic words
left out), so "2015" in a sentence about something else gives nothing away.

:mod:`studyapp.core.decks.leaks` relates a deck's entries with it; the exam
builder (``quiz.exam``) uses it to keep two questions that give each other
away out of one sitting.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from studyapp.core.decks.model import (
    CLOZE_BLANK,
    MONTH_NAMES,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    QaEntry,
    QuoteEntry,
)

__all__ = [
    "AnswerIndex",
    "concerns",
    "key_words",
    "naming_words",
    "question_text",
    "question_words",
    "subjects",
    "words_of",
]

# ---------------------------------------------------------------------- words

_WORD = re.compile(r"[^\W_]+")
_MIN_ANSWER = 4
"""Text answers shorter than this (folded, spaces out) are too common to count."""


@lru_cache(maxsize=4096)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of ``text`` (to show the words found)."""
    return [(_fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def words_of(text: str) -> list[str]:
    """The folded words of ``text``: the fast path, without their places."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return [_fold_word(w) for w in _WORD.findall(text)]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(words_of(text))


_STOP = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "among",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "does",
        "doing",
        "during",
        "each",
        "few",
        "for",
        "from",
        "had",
        "has",
        "have",
        "having",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "into",
        "its",
        "itself",
        "just",
        "more",
        "most",
        "not",
        "now",
        "off",
        "once",
        "only",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "too",
        "under",
        "until",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "year",
        "years",
        "date",
        "day",
        "month",
        "put",
        "order",
        "these",
        "first",
    ]
)


def key_words(words: Iterable[str]) -> set[str]:
    """The words that can say what a text is about (three letters or more)."""
    return {w for w in words if len(w) >= 3 and w not in _STOP and not w.isdigit()}


def question_text(entry: AnyEntry) -> str:
    """What an entry's card asks about (its answer left out)."""
    if isinstance(entry, DateEntry):
        return f"{entry.prompt or ''} {entry.event}"
    if isinstance(entry, FigureEntry):
        return f"{entry.prompt or ''} {entry.measure}"
    if isinstance(entry, QaEntry | ChoiceEntry):
        return entry.prompt
    if isinstance(entry, ClozeEntry):
        return CLOZE_BLANK.sub(" ", entry.text)
    return ""


# ---------------------------------------------------------------------- dates

_MONTH_NUMBER: dict[str, int] = {}
for _n, _name in enumerate(MONTH_NAMES, start=1):
    _MONTH_NUMBER[_name.casefold()] = _n
    _MONTH_NUMBER[_name[:3].casefold()] = _n
_MONTH_NUMBER["sept"] = 9
_MONTH = "(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d{3}|2\d{3})"
_DATES = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>[0-2]\d|3[01]))?"
    rf"|(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH})\s+(?:of\s+)?(?P<y3>{_YEAR})"
    rf"|(?P<y4>{_YEAR})"
    rf")(?![\w%]|[.,]\d)",
    re.IGNORECASE,
)

DateKey = tuple[int | None, int | None, int | None]


def _date_mentions(text: str) -> Iterator[tuple[DateKey, str]]:
    """Each date written in ``text``: (year, month, day), any of them unknown, and its words."""
    for m in _DATES.finditer(text):
        g = m.groupdict()
        year = g["iy"] or g["y1"] or g["y2"] or g["y3"] or g["y4"]
        month_text = g["m1"] or g["m2"] or g["m3"]
        day_text = g["id"] or g["d1"] or g["d2"]
        if g["im"]:
            month: int | None = int(g["im"])
        elif month_text:
            month = _MONTH_NUMBER[month_text.rstrip(".").casefold()]
        else:
            month = None
        day = int(re.sub(r"\D", "", day_text)) if day_text else None
        yield (int(year) if year else None, month, day), m.group()


def _date_keys(found: DateKey) -> list[DateKey]:
    """The answers a written date gives away, as index keys (see :func:`_date_key`)."""
    year, month, day = found
    keys: list[DateKey] = []
    if month is not None and day is not None:
        keys.append((None, month, day))  # "June 3": a day-precision answer, year from context
        if year is not None:
            keys.append((year, month, day))
    if year is not None:
        if month is not None:
            keys.append((year, month, None))
        keys.append((year, None, None))
    return keys


def _date_key(entry: DateEntry) -> list[DateKey]:
    date = entry.date
    if date.day is not None:
        return [(date.year, date.month, date.day), (None, date.month, date.day)]
    return [(date.year, date.month, None)]


# -------------------------------------------------------------------- numbers

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])")
_PERCENT = re.compile(r"\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)


def _number_value(m: re.Match[str]) -> Decimal | None:
    try:
        return Decimal(m.group().replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only matches digits
        return None


def _unit_follows(text: str, end: int, unit: str | None) -> int | None:
    """Where the unit written after a number ends, or None if ``unit`` is not there."""
    if unit is None:
        return end
    if unit.strip() == "%":
        m = _PERCENT.match(text, end)
        return m.end() if m else None
    words = _phrase(unit)
    if not words:
        return None
    after = _tokens(text[end : end + 80])
    if not after or text[end : end + after[0][1]].strip():
        return None  # something other than spaces between the number and the word
    size = len(words)
    got = tuple(w for w, _, _ in after[:size])
    if len(got) == size and got[:-1] == words[:-1] and _singular(got[-1]) == _singular(words[-1]):
        return end + after[size - 1][2]  # "3 years" for years, "1 year" too
    return None


def _singular(word: str) -> str:
    return word.rstrip("s")


def _distinctive(value: Decimal) -> bool:
    """Whether a number without a unit is rare enough in prose to count as the answer."""
    return value != value.to_integral_value() or abs(value) >= 100


# ------------------------------------------------------------------ the index


class AnswerIndex:
    """Every entry's answer, indexed for one pass over each text."""

    def __init__(self, entries: Sequence[AnyEntry], subjects: dict[str, frozenset[str]]) -> None:
        self.dates: dict[DateKey, list[str]] = {}
        self.figures: dict[Decimal, list[FigureEntry]] = {}
        self.phrases: dict[tuple[str, ...], list[str]] = {}
        """The words of each text answer -> the entries with that answer."""
        self.lengths: list[int] = []
        """The numbers of words of those answers (a handful, whatever the deck's size)."""
        self.quotes: list[tuple[QuoteEntry, list[tuple[str, ...]], list[tuple[str, ...]]]] = []
        self.quote_anchors: dict[str, list[int]] = {}
        """A word of each quotation (its longest) -> the quotations: a text is checked only
        against the quotations whose word it holds, not against every one of them."""
        self.subjects = subjects
        for entry in entries:
            if isinstance(entry, DateEntry):
                if entry.variants is None or "when" in entry.variants:
                    for key in _date_key(entry):
                        self.dates.setdefault(key, []).append(entry.id)
            elif isinstance(entry, FigureEntry):
                value = Decimal(str(entry.value))
                if entry.unit is not None or _distinctive(value):
                    self.figures.setdefault(value.normalize(), []).append(entry)
            elif isinstance(entry, QaEntry | ChoiceEntry):
                self._phrase(entry.answer, entry.id)
            elif isinstance(entry, ClozeEntry):
                for blank in CLOZE_BLANK.findall(entry.text):
                    self._phrase(blank, entry.id)
            elif isinstance(entry, QuoteEntry) and (
                entry.variants is None or "who" in entry.variants
            ):
                parts = [_phrase(p) for p in re.split(r"…|\.\.\.", entry.quote)]
                names = [_phrase(n) for n in (entry.speaker, *entry.speaker_aliases)]
                kept = [p for p in parts if p]
                self.quotes.append((entry, kept, [n for n in names if n]))
                if kept:  # found through its longest word: a text without it cannot hold it
                    anchor = max((w for p in kept for w in p), key=lambda w: (len(w), w))
                    self.quote_anchors.setdefault(anchor, []).append(len(self.quotes) - 1)

    def _phrase(self, answer: str, entry_id: str) -> None:
        words = _phrase(answer)
        if words and len("".join(words)) >= _MIN_ANSWER:
            self.phrases.setdefault(words, []).append(entry_id)
            if len(words) not in self.lengths:
                self.lengths.append(len(words))

    def scan(self, text: str, words: list[str]) -> Iterator[tuple[str, str, bool]]:
        """(entry id, the words that give its answer, exact) for each answer ``text`` gives.

        ``words`` are the text's folded words (:func:`words_of`). ``exact`` says the
        words are specific enough to be that answer wherever the text names the card's
        subject at all: a date to its month or day, a figure with its unit.
        """
        if self.dates and any(c.isdigit() for c in text):
            for found, written in _date_mentions(text):
                for key in _date_keys(found):
                    for entry_id in self.dates.get(key, ()):
                        yield entry_id, written, key[1] is not None
        if self.figures:
            for m in _NUMBER.finditer(text):
                value = _number_value(m)
                if value is None:
                    continue
                for figure in self.figures.get(value.normalize(), ()):
                    end = _unit_follows(text, m.end(), figure.unit)
                    if end is not None:
                        yield figure.id, text[m.start() : end], figure.unit is not None
        phrases = self.phrases
        for size in self.lengths:  # one dict lookup per word and answer length
            for i in range(len(words) - size + 1):
                for entry_id in phrases.get(tuple(words[i : i + size]), ()):
                    yield entry_id, _span(text, i, size), False
        anchors = self.quote_anchors
        hits = sorted({n for w in set(words) for n in anchors.get(w, ())}) if anchors else []
        if hits:
            folded = " " + " ".join(words) + " "
            for quote, parts, names in (self.quotes[n] for n in hits):
                if not all(f" {' '.join(p)} " in folded for p in parts):
                    continue
                name = next((n for n in names if f" {' '.join(n)} " in folded), None)
                if name is not None:
                    size = len(name)
                    at = next(i for i in range(len(words)) if tuple(words[i : i + size]) == name)
                    yield quote.id, _span(text, at, size), False


def _span(text: str, first: int, size: int) -> str:
    """The words ``first`` to ``first + size`` of ``text``, as written there."""
    found = list(itertools.islice(_WORD.finditer(text), first, first + size))
    return text[found[0].start() : found[-1].end()]


_COMMON_SHARE = 0.1
"""A word in more than this share of a deck's entries (and in more than
:data:`_COMMON_MIN` of them) is the deck's topic ("Japan"), not any one entry's."""
_COMMON_MIN = 4
_SHARED = 2
"""Key words of a question a text must also hold for its answer there to be about it."""


def subjects(
    entries: Sequence[AnyEntry], texts: dict[str, list[list[str]]]
) -> dict[str, frozenset[str]]:
    """Entry id -> the words that say what its card asks about, the deck's topic words out.

    ``texts``: entry id -> the words of its explanation and source.
    """
    asks = {entry.id: key_words(words_of(question_text(entry))) for entry in entries}
    seen: dict[str, int] = {}
    for entry_id, words in asks.items():
        for word in words.union(*map(key_words, texts[entry_id])):
            seen[word] = seen.get(word, 0) + 1
    limit = max(_COMMON_MIN, int(len(entries) * _COMMON_SHARE))
    return {
        entry_id: frozenset(w for w in found if seen[w] <= limit)
        for entry_id, found in asks.items()
    }


def concerns(subject: frozenset[str], about: set[str], *, blank: bool = True) -> bool:
    """Whether a text whose words are ``about`` is about a card whose subject is ``subject``.

    The text must share two of the subject's words (or all, if fewer). A card
    without subject words of its own (its question is all topic words) is concerned
    by any text when ``blank`` is true: an explanation is read beside its own card,
    but a question's option alone ("June 9") is not evidence enough.
    """
    if not subject:
        return blank
    return len(subject & about) >= min(_SHARED, len(subject))


def naming_words(words: Iterable[str]) -> set[str]:
    """:func:`key_words` and the numbers: what names a thing ("Share 3" is not "Share 5")."""
    return {w for w in words if w.isdigit() or (len(w) >= 3 and w not in _STOP)}


def question_words(entries: Sequence[AnyEntry]) -> dict[str, frozenset[str]]:
    """Entry id -> the naming words of what its card asks, the deck's topic words kept:
    an exact answer ("January 2025") gives the card away in any text that names its
    subject, though "survey" is the topic of half the deck."""
    return {e.id: frozenset(naming_words(words_of(question_text(e)))) for e in entries}
