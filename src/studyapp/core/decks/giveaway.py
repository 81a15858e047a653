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

What a text costs does not grow with the deck (issue 18): its words are looked
up once per answer length, all in one set operation; each answer it holds costs
one more (does the text share a word with what any card of that answer asks?),
however many cards share the answer; a card is checked only past that, and a
quotation only if the text holds its rarest two words in a row. The words as
written are cut out only for what is given away. Checking every card of every
answer held, as before, cost 47 s on a 50,000-entry deck of a small vocabulary,
where each text holds dozens of answers.

The rest is done in C where Python would go word by word or card by card: a
text's words are split by ``str.translate`` (most texts are ASCII once their
curly quotes and dashes are spaces) and interned (the finder keeps every text's
words at once); an answer of three words or more is looked for only where the
text holds its first two; the cards of a big group that share two words with a
text are found with set operations, a word's list at a time; a date's words are
read into a date once per deck.
"""

from __future__ import annotations

import itertools
import operator
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

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


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of ``text`` (to show the words found)."""
    return [(_fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


_SEPARATORS = re.compile("[\u00a0\u00a7\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u2026]")
"""Punctuation of English prose outside ASCII (no-break space, §, ·, dashes, curly
quotes, …): never in a word, so a space instead keeps a text's words as they are."""
_ASCII_WORDS = str.maketrans(
    dict.fromkeys([chr(c) for c in range(128) if not chr(c).isalnum()], " ")
)
"""Every ASCII character but letters and digits, to a space: an ASCII text's words
(``_WORD`` in lower case) are then its runs of letters and digits, split in C."""


def words_of(text: str) -> list[str]:
    """The folded words of ``text``: the fast path, without their places.

    Each word is interned: a big deck's texts hold the same few thousand words
    hundreds of thousands of times, and the leak finder keeps them all at once.
    """
    if not text.isascii():
        text = _SEPARATORS.sub(" ", text)  # "… the one ’s …": ASCII words all the same
        if not text.isascii():
            # an ASCII word folds to its lower case: only the others are decomposed
            found = _WORD.findall(text)
            return [sys.intern(w.lower() if w.isascii() else _fold_word(w)) for w in found]
    return list(map(sys.intern, text.lower().translate(_ASCII_WORDS).split()))


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
    # a digit or a month's first letter (a quick no); a month also after "mid-" or a range's
    # first month ("January-February 1993"), never a number after a hyphen ("1948-49")
    rf"(?:(?<![\w-])|(?<=[A-Za-z]-)(?=[JFMASOND][a-z]))(?=[\dJFMASOND])(?:"
    rf"(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])(?:-(?P<id>[0-2]\d|3[01]))?"
    rf"|(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH})\s+(?:of\s+)?(?P<y3>{_YEAR})"
    rf"|(?P<y4>{_YEAR})"
    rf")(?![\w%]|[.,]\d)",
    re.IGNORECASE,
)

DateKey = tuple[int | None, int | None, int | None]


_DATES_READ: dict[str, DateKey] = {}
"""The dates read so far, by their words ("June 3, 2025"): a big deck writes the same
years and days again and again."""
_DATES_KEPT = 1 << 14


def _date_mentions(text: str) -> Iterator[tuple[DateKey, str]]:
    """Each date written in ``text``: (year, month, day), any of them unknown, and its words.

    A date's words are read once: the same words are the same date wherever they
    are written (what comes before or after decides only whether they are a date).
    """
    read = _DATES_READ
    for m in _DATES.finditer(text):
        written = m.group()
        found = read.get(written)
        if found is None:
            if len(read) >= _DATES_KEPT:
                read.clear()
            found = read[written] = _date_of(m)
        yield found, written


def _date_of(m: re.Match[str]) -> DateKey:
    """The (year, month, day) of one match of :data:`_DATES`."""
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
    return int(year) if year else None, month, day


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


@lru_cache(maxsize=1 << 14)
def _number_key(written: str) -> Decimal | None:
    """A number as written ("1,200.50") -> its value as the index keys figures (normalised):
    remembered, for a big deck's texts write the same years and figures again and again."""
    try:
        return Decimal(written.replace(",", "")).normalize()
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


class _Takers:
    """The entries one key of the index holds (an answer's words, a date, a figure), each
    with the words its card is about, so that a text about none of them costs one set
    operation, however many entries share the answer.

    A deck whose texts each hold many answers (a small vocabulary, a list of
    one-word answers) would otherwise pay one :func:`concerns` per answer held per
    text, a number of checks that grows with the deck.
    """

    __slots__ = ("blank", "by_word", "ids", "loose", "ranks", "subjects", "words")

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.subjects: list[frozenset[str]] = []
        self.ranks: list[int] = []
        """Each entry's place among the entries of its answer (figures: across units)."""
        self.words: set[str] = set()
        """Every subject word of the entries: a text sharing none concerns none."""
        self.loose = False
        """Some entry's subject is one word: one shared word may be enough."""
        self.blank = False
        """Some entry has no subject words: any text concerns it, where ``blank`` holds."""
        self.by_word: _ByWord | None = None
        """For many entries, made on first use: see :class:`_ByWord`."""

    def add(self, entry_id: str, subject: frozenset[str], rank: int) -> None:
        self.ids.append(entry_id)
        self.subjects.append(subject)
        self.ranks.append(rank)
        self.words.update(subject)
        self.loose = self.loose or len(subject) == 1
        self.blank = self.blank or not subject
        self.by_word = None

    def concerned(
        self, about: set[str], blank: bool, skip: frozenset[str] = frozenset()
    ) -> list[str]:
        """The entries a text whose naming words are ``about`` is about (:func:`concerns`
        of each), in order, ``skip`` left out: at most :data:`_MOST_TAKERS` of them."""
        everyone = blank and self.blank  # an entry without subject words is concerned
        common = self.words.intersection(about)
        if not everyone and (not common or (not self.loose and len(common) < _SHARED)):
            return []
        subjects = self.subjects
        if len(subjects) <= _FEW:
            return [
                self.ids[n]
                for n, s in enumerate(subjects)
                if concerns(s, about, blank=blank) and self.ids[n] not in skip
            ]
        index = self.by_word
        if index is None:
            index = self.by_word = _ByWord(self.ids, subjects)
        # The entries sharing two words (_SHARED) with the text, or their one word:
        # found list by list in C, not entry by entry.
        seen: set[int] = set()
        twice: set[int] = set()
        for word in common:
            places = index.places[word]
            if seen:
                twice.update(seen.intersection(places))
            seen.update(places)
        found = twice
        if self.loose:
            found |= seen & index.singles
        if everyone:
            found |= index.empties
        if skip:
            found = found.difference(*[index.where.get(entry_id, ()) for entry_id in skip])
        if len(found) > _MOST_TAKERS:  # the ones it shares most words with, then deck order
            shared = Counter(itertools.chain.from_iterable([index.places[w] for w in common]))
            members = list(found)
            counts = map(operator.neg, map(shared.__getitem__, members))
            closest = sorted(zip(counts, members, strict=True))  # (-words shared, place)
            found = {n for _count, n in closest[:_MOST_TAKERS]}
        return [self.ids[n] for n in sorted(found)]


class _ByWord:
    """A big :class:`_Takers` group's entries by subject word, to count the words a
    text shares with each of them in C, a list at a time."""

    __slots__ = ("empties", "places", "singles", "where")

    def __init__(self, ids: list[str], subjects: list[frozenset[str]]) -> None:
        self.places: dict[str, list[int]] = {}
        """Subject word -> the places of the entries whose subject has it."""
        self.singles: set[int] = set()
        """The places of the entries whose subject is one word (one shared is enough)."""
        self.empties = {n for n, subject in enumerate(subjects) if not subject}
        """The places of the entries without subject words."""
        self.where: dict[str, list[int]] = {}
        """Entry id -> its places (a cloze with the same answer twice has two)."""
        for n, (entry_id, subject) in enumerate(zip(ids, subjects, strict=True)):
            self.where.setdefault(entry_id, []).append(n)
            if len(subject) == 1:
                self.singles.add(n)
            for word in subject:
                self.places.setdefault(word, []).append(n)


_FEW = 8
"""A key holding more entries than this counts shared words through its word index."""
_MOST_TAKERS = 8
"""The most entries one answer in one text gives away: those whose questions it shares
the most words with. A year or a name that answers dozens of a big deck's questions,
written in a text that shares two words with each, says which of them it is about no
better than the question does; without a bound, an article deck's leaks grew with the
square of the deck (817,420 pairs at 50,000 entries), and with them the first open's
time, the cache, and the days the queue keeps apart. Never fewer than :data:`_FEW`, so
a key with few entries is read whole."""


Hit = tuple[str, str]
"""(entry id, the words of the text that give its answer, as written there)."""


class AnswerIndex:
    """Every entry's answer, indexed for one pass over each text.

    ``subjects``: what each card asks about, the deck's topic words out (for an
    answer found in words that could be written about something else); ``asks``:
    the same with the topic words kept (for an exact answer: a date to its month
    or day, a figure with its unit).
    """

    def __init__(
        self,
        entries: Sequence[AnyEntry],
        subjects: dict[str, frozenset[str]],
        asks: dict[str, frozenset[str]] | None = None,
    ) -> None:
        asks = asks if asks is not None else question_words(entries)
        self.subjects = subjects
        self.dates: dict[DateKey, _Takers] = {}
        self.date_groups: dict[DateKey, list[_Takers]] = {}
        """A date written in a text -> the groups of :attr:`dates` it gives away, in
        the order of :func:`_date_keys` (found on first use)."""
        self.figures: dict[Decimal, list[tuple[str | None, _Takers]]] = {}
        """A figure's value -> its entries, one group per unit (the unit is read once)."""
        self.phrases: dict[tuple[str, ...], _Takers] = {}
        """The words of each text answer -> the entries with that answer."""
        self.lengths: list[int] = []
        """The numbers of words of those answers (a handful, whatever the deck's size)."""
        self.by_length: dict[int, dict[Any, _Takers]] = {}
        """The same answers by their number of words: a one-word answer under its word,
        a longer one under its words (a tuple), as a text's words are read."""
        self.quotes: list[tuple[QuoteEntry, list[tuple[str, ...]], list[tuple[str, ...]]]] = []
        self.quote_anchors: dict[tuple[str, ...], list[int]] = {}
        """Two words in a row of each quotation (the pair fewest quotations share; a word
        if it has no such pair) -> the quotations: a text is checked only against the
        quotations whose pair it holds."""
        figure_count: dict[Decimal, int] = {}
        for entry in entries:
            if isinstance(entry, DateEntry):
                if entry.variants is None or "when" in entry.variants:
                    for key in _date_key(entry):
                        exact = key[1] is not None
                        takers = self.dates.setdefault(key, _Takers())
                        subject = asks[entry.id] if exact else subjects[entry.id]
                        takers.add(entry.id, subject, len(takers.ids))
            elif isinstance(entry, FigureEntry):
                value = Decimal(str(entry.value))
                if entry.unit is not None or _distinctive(value):
                    self._figure(value.normalize(), entry, asks, figure_count)
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
        self.quotes_asked = any(subjects[quote.id] for quote, _p, _n in self.quotes)
        """Whether a quotation's card has subject words: today none (it asks who said
        it), so a question's text, which must name a card's subject, never gives one."""
        self._anchor_quotes()
        self._read_lengths()

    def _read_lengths(self) -> None:
        """What a text is first checked against, answer length by answer length, so
        that most texts cost a few set operations whatever the deck's size."""
        tables = self.by_length.items()
        self.heads: dict[int, set[tuple[str, ...]]] = {
            size: {key[:2] for key in table} for size, table in tables if size > 2
        }
        """The first two words of the answers of three words or more, by their number
        of words: a text holding none of them is not cut into longer runs of words."""
        self.long_heads: set[tuple[str, ...]] = set().union(*self.heads.values())
        """All of them, for one look at a text's pairs of words."""
        self.asked_by_length: dict[int, set[str]] = {
            size: set().union(*[takers.words for takers in table.values()])
            for size, table in tables
        }
        """Every subject word of the answers of each length: a text sharing none of them
        (a small vocabulary's example sentence) is about none of their cards..."""
        self.blank_answers: dict[int, set[Any]] = {
            size: {key for key, takers in table.items() if takers.blank} for size, table in tables
        }
        """...unless one has no subject words and ``blank`` holds: those answers."""
        self.asked_of: dict[int, dict[Any, set[str]]] = {
            size: {key: takers.words for key, takers in table.items()} for size, table in tables
        }
        """Answer -> every subject word of its entries, by length (as :attr:`by_length`)."""

    def _figure(
        self,
        value: Decimal,
        entry: FigureEntry,
        asks: dict[str, frozenset[str]],
        count: dict[Decimal, int],
    ) -> None:
        groups = self.figures.setdefault(value, [])
        takers = next((t for unit, t in groups if unit == entry.unit), None)
        if takers is None:
            takers = _Takers()
            groups.append((entry.unit, takers))
        subject = asks[entry.id] if entry.unit is not None else self.subjects[entry.id]
        takers.add(entry.id, subject, count.get(value, 0))
        count[value] = count.get(value, 0) + 1

    def _phrase(self, answer: str, entry_id: str) -> None:
        words = _phrase(answer)
        if words and len("".join(words)) >= _MIN_ANSWER:
            takers = self.phrases.get(words)
            if takers is None:
                takers = self.phrases[words] = _Takers()
                key = words[0] if len(words) == 1 else words  # as a text's words are read
                self.by_length.setdefault(len(words), {})[key] = takers
            takers.add(entry_id, self.subjects[entry_id], len(takers.ids))
            if len(words) not in self.lengths:
                self.lengths.append(len(words))

    def _anchor_quotes(self) -> None:
        """Each quotation under the pair of its words in a row fewest others have."""
        keys: list[set[tuple[str, ...]]] = []
        shared: dict[tuple[str, ...], int] = {}
        self.quote_words = False
        """Whether a quotation is found through a single word (none of its words in a row)."""
        for _quote, parts, _names in self.quotes:
            found: set[tuple[str, ...]] = {pair for p in parts for pair in itertools.pairwise(p)}
            if not found:  # single words only: found through one of them
                found = {(w,) for p in parts for w in p}
            keys.append(found)
            for key in found:
                shared[key] = shared.get(key, 0) + 1
        for n, found in enumerate(keys):
            if found:  # a quotation without words is never found
                anchor = min(found, key=lambda k: (shared[k], k))
                self.quote_anchors.setdefault(anchor, []).append(n)
                self.quote_words = self.quote_words or len(anchor) == 1

    def given(
        self, text: str, words: list[str], *, blank: bool, skip: frozenset[str] = frozenset()
    ) -> list[Hit]:
        """Each entry whose answer ``text`` gives and whose card the text is about.

        ``words`` are the text's folded words (:func:`words_of`). An entry is given
        once, with the words found first: its dates (a date to its month or day gives
        it away wherever the text names what the card asks, :func:`question_words`),
        figures, answers' words (length by length, in the order the deck first has
        them, then by place), quotations; the
        rest must be about the card (:func:`subjects`, :func:`concerns`; ``blank``:
        whether a card without subject words is concerned by any text). Entries in
        ``skip`` (the text's own) are passed over.
        """
        found: dict[str, str] = {}
        # The text's words stand for its naming words: a subject word is always a
        # naming word, so it is in one set exactly when it is in the other.
        about = set(words)
        if _DIGIT.search(text) is not None:
            if self.dates:
                self._dates(text, about, blank, skip, found)
            if self.figures:
                self._figures(text, about, blank, skip, found)
        if self.phrases:
            self._phrases(text, words, about, blank, skip, found)
        if self.quotes and (blank or self.quotes_asked):
            for entry_id, written in self._quotes(text, words, found, skip):
                if concerns(self.subjects[entry_id], about, blank=blank):
                    found[entry_id] = written
        return list(found.items())

    def _phrases(
        self,
        text: str,
        words: list[str],
        about: set[str],
        blank: bool,
        skip: frozenset[str],
        found: dict[str, str],
    ) -> None:
        places: list[tuple[int, int]] = []
        spans: Iterator[re.Match[str]] | None = None
        pairs: list[tuple[str, str]] | None = None
        heads: set[tuple[str, ...]] | None = None
        for size in self.lengths:
            if about.isdisjoint(self.asked_by_length[size]) and not (
                blank and self.blank_answers[size]
            ):
                continue
            table = self.by_length[size]
            first: Callable[[Any], int]  # the first place of a word or words the text holds
            if size == 1:
                held = table.keys() & words  # the answers the text holds, found in C
                first = words.index
            else:
                if pairs is None:
                    pairs = list(itertools.pairwise(words))
                if size == 2:
                    held = table.keys() & pairs
                    first = pairs.index
                else:  # only where the text holds the first two words of such an answer
                    if heads is None:
                        heads = self.long_heads.intersection(pairs)
                    if not heads:
                        continue
                    begun = heads & self.heads[size]
                    if not begun:
                        continue
                    starts: dict[tuple[str, ...], int] = {}
                    for i in range(len(words) - size + 1):
                        if pairs[i] in begun:
                            starts.setdefault(tuple(words[i : i + size]), i)
                    held = table.keys() & starts.keys()
                    first = starts.__getitem__
            if not held:
                continue
            # most answers a text holds are about nothing their cards ask: one set
            # operation each tells, all in C (a text of a small vocabulary holds dozens)
            answers = list(held)
            apart = map(about.isdisjoint, map(self.asked_of[size].__getitem__, answers))
            near = set(itertools.compress(answers, map(operator.not_, apart)))
            if blank:
                near |= held & self.blank_answers[size]
            given: list[tuple[int, list[str]]] = []
            for gram in near:
                concerned = table[gram].concerned(about, blank, skip)
                if concerned:
                    given.append((first(gram), concerned))
            for i, concerned in sorted(given):
                new = [e for e in concerned if e not in found and e not in skip]
                if new:  # the words as written: read only as far as what is found
                    if spans is None:
                        spans = _WORD.finditer(text)
                    if len(places) < i + size:
                        places += [
                            m.span() for m in itertools.islice(spans, i + size - len(places))
                        ]
                    written = text[places[i][0] : places[i + size - 1][1]]
                    for entry_id in new:
                        found.setdefault(entry_id, written)

    def _dates(
        self, text: str, about: set[str], blank: bool, skip: frozenset[str], found: dict[str, str]
    ) -> None:
        groups = self.date_groups
        for mention, written in _date_mentions(text):
            held = groups.get(mention)
            if held is None:
                keys = _date_keys(mention)
                held = groups[mention] = [self.dates[k] for k in keys if k in self.dates]
            for takers in held:
                for entry_id in takers.concerned(about, blank, skip):
                    if entry_id not in found and entry_id not in skip:
                        found[entry_id] = written

    def _figures(
        self, text: str, about: set[str], blank: bool, skip: frozenset[str], found: dict[str, str]
    ) -> None:
        for m in _NUMBER.finditer(text):
            value = _number_key(m.group())
            groups = self.figures.get(value) if value is not None else None
            if groups is None:
                continue
            hits: list[tuple[int, str, str]] = []
            for unit, takers in groups:  # one reading of each unit written after the number
                concerned = takers.concerned(about, blank, skip)
                if not concerned:
                    continue
                end = _unit_follows(text, m.end(), unit)
                if end is not None:
                    written = text[m.start() : end]
                    rank = dict(zip(takers.ids, takers.ranks, strict=True))
                    hits += [(rank[entry_id], entry_id, written) for entry_id in concerned]
            for _rank, entry_id, written in sorted(hits):  # in deck order, as one list
                if entry_id not in found and entry_id not in skip:
                    found[entry_id] = written

    def _quotes(
        self, text: str, words: list[str], found: dict[str, str], skip: frozenset[str]
    ) -> Iterator[Hit]:
        """(entry id, the speaker's name as written) for each quotation ``words``
        hold beside its speaker's name, in deck order."""
        anchors = self.quote_anchors
        keys = anchors.keys() & itertools.pairwise(words)  # in C: most texts hold none
        if self.quote_words:
            keys |= anchors.keys() & zip(words, strict=False)
        if not keys:
            return
        hits = {n for key in keys for n in anchors[key]}
        folded = " " + " ".join(words) + " "
        for n in sorted(hits):
            quote, parts, names = self.quotes[n]
            if quote.id in skip or quote.id in found:
                continue
            if not all(f" {' '.join(p)} " in folded for p in parts):
                continue
            name = next((n for n in names if f" {' '.join(n)} " in folded), None)
            if name is not None:
                size = len(name)
                at = next(i for i in range(len(words)) if tuple(words[i : i + size]) == name)
                yield quote.id, _span(text, at, size)


_DIGIT = re.compile(r"\d")
"""Every date and number pattern needs a digit: a text without one is not read for them."""


def _span(text: str, first: int, size: int) -> str:
    """The words ``first`` to ``first + size`` of ``text``, as written there."""
    found = list(itertools.islice(_WORD.finditer(text), first, first + size))
    return text[found[0].start() : found[-1].end()]


_COMMON_SHARE = 0.1
"""A word in more than this share of a deck's entries (and in more than
:data:`_COMMON_MIN` of them) is the deck's topic ("Japan"), not any one entry's."""
_COMMON_MIN = 4
_SHARED = 2
"""Key words of a question a text must also hold for its answer there to be about it.
(A big group counts to two only, list by list: :meth:`_Takers.concerned`.)"""


def subjects(
    entries: Sequence[AnyEntry],
    texts: dict[str, list[list[str]]],
    questions: Sequence[list[str]] | None = None,
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Entry id -> the words that say what its card asks about, the deck's topic words out;
    and entry id -> its :func:`question_words` (the topic words kept).

    ``texts``: entry id -> the words of its explanation and source; ``questions``:
    the words of each entry's :func:`question_text`, in deck order, if already read
    (the leak finder has them from the texts it shows). Both come from one reading
    of each question: a big deck's questions are read once.
    """
    asks: dict[str, frozenset[str]] = {}
    keys: dict[str, set[str]] = {}
    seen: Counter[str] = Counter()
    if questions is None:
        questions = [words_of(question_text(entry)) for entry in entries]
    # Which words name nothing (naming_words, key_words), decided once per distinct
    # word of the deck: each entry's words are then sorted by set operations.
    vocabulary = set().union(*questions, *itertools.chain.from_iterable(texts.values()))
    unnamed = _STOP | {w for w in vocabulary if len(w) < 3 and not w.isdigit()}
    numbers = {w for w in vocabulary if w.isdigit()}
    for entry, asked in zip(entries, questions, strict=True):
        named = set(asked)
        named -= unnamed  # its naming words
        asks[entry.id] = frozenset(named)
        own = keys[entry.id] = named - numbers  # its key words
        notes = texts[entry.id]
        if notes:  # their key words, the distinct words read once
            own = own | set().union(*notes).difference(unnamed, numbers)
        seen.update(own)
    limit = max(_COMMON_MIN, int(len(entries) * _COMMON_SHARE))
    common = {w for w, count in seen.items() if count > limit}
    return {entry_id: frozenset(found - common) for entry_id, found in keys.items()}, asks


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
