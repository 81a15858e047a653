"""Answers given away by other entries: one entry's explanation or source naming another's answer.

An article deck is written sentence by sentence, so the explanation of one entry
often says what another entry asks ("Kan Naoto (2010)" beside "when did Kan make
his statement?"). Shown one after the other, the second card is answered for the
learner. The relation found here is used twice: ``lint`` reports each leak (L001),
and the card maker attaches each entry's partners to its cards so that the study
queue never introduces two linked entries as new on the same day (like siblings).

The rule is textual and cheap (one pass over each text, an index of the answers):

* a date (asked "when?") leaks where a text gives it at its precision: the day
  ("June 17", "17 June 2025", "2025-06-17"), the month and year ("August 2023",
  or a day inside it), the year ("2010", or any date inside it);
* a figure leaks where its number is written with its unit ("56.2%", "56.2 per
  cent", "3 years"); a figure without a unit only where the number is distinctive
  (decimals, or three digits or more);
* a question's, a choice's or a blank's answer leaks where its words appear in
  that order (answers of four letters or more);
* a quotation's speaker (asked "who said it?") leaks where a text holds the
  quotation's words and the speaker's name (or one of the aliases) both.

This module sits in ``decks`` (below the queue) and imports only the deck model;
``lint`` checks in its tests that every date and figure found here is what the
answer checker (``quiz.answers``) would accept.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from msgspec import Struct

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

__all__ = ["Leak", "find_leaks", "leak_partners"]

TEXT_FIELDS: tuple[str, ...] = ("explanation", "source")
"""The fields of an entry that a learner reads after answering it."""


class Leak(Struct, frozen=True):
    """``giver``'s ``field`` contains ``answer``: what ``taker``'s card asks for."""

    giver: str
    field: str
    taker: str
    answer: str
    """The words of the text that give the answer away, as written there."""


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


def _words(text: str) -> list[str]:
    """The folded words of ``text``: the fast path, without their places."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return [_fold_word(w) for w in _WORD.findall(text)]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_words(text))


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


def _key_words(words: Iterable[str]) -> set[str]:
    """The words that can say what a text is about (three letters or more)."""
    return {w for w in words if len(w) >= 3 and w not in _STOP and not w.isdigit()}


def _question(entry: AnyEntry) -> str:
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


class _Answers:
    """Every entry's answer, indexed for one pass over each text."""

    def __init__(self, entries: Sequence[AnyEntry], subjects: dict[str, frozenset[str]]) -> None:
        self.dates: dict[DateKey, list[str]] = {}
        self.figures: dict[Decimal, list[FigureEntry]] = {}
        self.phrases: dict[tuple[str, ...], list[str]] = {}
        """The words of each text answer -> the entries with that answer."""
        self.lengths: list[int] = []
        """The numbers of words of those answers (a handful, whatever the deck's size)."""
        self.quotes: list[tuple[QuoteEntry, list[tuple[str, ...]], list[tuple[str, ...]]]] = []
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
                self.quotes.append((entry, [p for p in parts if p], [n for n in names if n]))

    def _phrase(self, answer: str, entry_id: str) -> None:
        words = _phrase(answer)
        if words and len("".join(words)) >= _MIN_ANSWER:
            self.phrases.setdefault(words, []).append(entry_id)
            if len(words) not in self.lengths:
                self.lengths.append(len(words))

    def scan(self, text: str, words: list[str]) -> Iterator[tuple[str, str]]:
        """(entry id, the words that give its answer) for each answer ``text`` gives away.

        ``words`` are the text's folded words (:func:`_words`).
        """
        if self.dates and any(c.isdigit() for c in text):
            for found, written in _date_mentions(text):
                for key in _date_keys(found):
                    for entry_id in self.dates.get(key, ()):
                        yield entry_id, written
        if self.figures:
            for m in _NUMBER.finditer(text):
                value = _number_value(m)
                if value is None:
                    continue
                for figure in self.figures.get(value.normalize(), ()):
                    end = _unit_follows(text, m.end(), figure.unit)
                    if end is not None:
                        yield figure.id, text[m.start() : end]
        phrases = self.phrases
        for size in self.lengths:  # one dict lookup per word and answer length
            for i in range(len(words) - size + 1):
                for entry_id in phrases.get(tuple(words[i : i + size]), ()):
                    yield entry_id, _span(text, i, size)
        if self.quotes:
            folded = " " + " ".join(words) + " "
            for quote, parts, names in self.quotes:
                if not all(f" {' '.join(p)} " in folded for p in parts):
                    continue
                name = next((n for n in names if f" {' '.join(n)} " in folded), None)
                if name is not None:
                    size = len(name)
                    at = next(i for i in range(len(words)) if tuple(words[i : i + size]) == name)
                    yield quote.id, _span(text, at, size)


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


def _subjects(
    entries: Sequence[AnyEntry], texts: dict[str, list[list[str]]]
) -> dict[str, frozenset[str]]:
    """Entry id -> the words that say what its card asks about, the deck's topic words out.

    ``texts``: entry id -> the words of its explanation and source.
    """
    asks = {entry.id: _key_words(_words(_question(entry))) for entry in entries}
    seen: dict[str, int] = {}
    for entry_id, words in asks.items():
        for word in words.union(*map(_key_words, texts[entry_id])):
            seen[word] = seen.get(word, 0) + 1
    limit = max(_COMMON_MIN, int(len(entries) * _COMMON_SHARE))
    return {
        entry_id: frozenset(w for w in found if seen[w] <= limit)
        for entry_id, found in asks.items()
    }


def find_leaks(entries: Sequence[AnyEntry]) -> list[Leak]:
    """Every (giver, field, taker) where a text of ``giver`` gives ``taker``'s answer away.

    One leak per giver, field and taker (the first words found), in deck order; an
    entry's own answer in its own text is not a leak.
    """
    fields = [
        (entry, name, text)
        for entry in entries
        for name in TEXT_FIELDS
        if (text := getattr(entry, name))
    ]
    words = [_words(text) for _, _, text in fields]
    texts: dict[str, list[list[str]]] = {entry.id: [] for entry in entries}
    for (entry, _, _), found in zip(fields, words, strict=True):
        texts[entry.id].append(found)
    answers = _Answers(entries, _subjects(entries, texts))
    leaks: list[Leak] = []
    for (entry, field_name, text), text_words in zip(fields, words, strict=True):
        seen: set[str] = set()
        about: set[str] | None = None
        for taker, written in answers.scan(text, text_words):
            if taker == entry.id or taker in seen:
                continue
            subject = answers.subjects[taker]
            if subject:
                about = _key_words(text_words) if about is None else about
                if len(subject & about) < min(_SHARED, len(subject)):
                    continue  # the answer, but not about what the card asks
            seen.add(taker)
            leaks.append(Leak(entry.id, field_name, taker, written))
    return leaks


def leak_partners(entries: Sequence[AnyEntry]) -> Mapping[str, tuple[str, ...]]:
    """Entry id -> the entries it is linked to by a leak, either way (in deck order).

    Only entries with partners are keys: most entries of most decks have none. The
    last answer is remembered: a deck read for the first time asks twice (its cards,
    then the deck cache's index of them).
    """
    global _LAST
    last = _LAST
    if last is not None and last[0] is entries:
        return last[1]
    linked: dict[str, set[str]] = {}
    for leak in find_leaks(entries):
        linked.setdefault(leak.giver, set()).add(leak.taker)
        linked.setdefault(leak.taker, set()).add(leak.giver)
    order = {entry.id: n for n, entry in enumerate(entries)}
    partners = {
        entry_id: tuple(sorted(linked_ids, key=order.__getitem__))
        for entry_id, linked_ids in sorted(linked.items(), key=lambda item: order[item[0]])
    }
    _LAST = (entries, partners)
    return partners


_LAST: tuple[Sequence[AnyEntry], Mapping[str, tuple[str, ...]]] | None = None
