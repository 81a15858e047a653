"""Answers given away by other entries: one entry's question or notes naming another's answer.

An article deck is written sentence by sentence, so one entry often says what
another asks: an explanation ("Kan Naoto (2010)" beside "when did Kan make his
statement?"), or worse a question ("In the January 2025 survey, what share ..."
beside "when was the survey?"). Shown one after the other, the second card is
answered for the learner. The relation found here is used twice: ``lint``
reports each leak (L002 where a question shows the answer, L001 where an
explanation or source does), and the card maker attaches each entry's partners
to its cards so that the study queue never introduces two linked entries as new
on the same day (like siblings).

What counts as giving an answer is :mod:`studyapp.core.decks.giveaway`'s rule:
a date at its precision, a figure with its unit, a text answer's words in order,
a quotation's speaker beside its words; and only in a text about what the card
asks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from msgspec import Struct

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.giveaway import AnswerIndex, subjects, words_of
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    OrderEntry,
    QaEntry,
    QuoteEntry,
)

__all__ = [
    "QUESTION_FIELDS",
    "TEXT_FIELDS",
    "Leak",
    "LeakFinder",
    "LeakScan",
    "Shown",
    "asked_words",
    "find_leaks",
    "leak_partners",
    "shown",
]

TEXT_FIELDS: tuple[str, ...] = ("explanation", "source")
"""The fields of an entry that a learner reads after answering it."""

QUESTION_FIELDS: frozenset[str] = frozenset(
    {"prompt", "event", "measure", "quote", "context", "answer", "distractors", "text", "events"}
)
"""The fields of an entry that a learner reads before answering (see :func:`shown`)."""


class Leak(Struct, frozen=True, gc=False):
    """``giver``'s ``field`` contains ``answer``: what ``taker``'s card asks for.

    Untracked by the cyclic collector (strings and numbers only: no cycle can go
    through one): an article deck of 50,000 entries has 278,000 of them, which
    the first collection after :func:`find_leaks` would otherwise walk.
    """

    giver: str
    field: str
    taker: str
    answer: str
    """The words of the text that give the answer away, as written there."""
    item: int | None = None
    """Which item of a list field (a choice's distractors, an order's events)."""

    @property
    def in_question(self) -> bool:
        """Whether the answer is shown before anyone answers (a prompt, an option)."""
        return self.field in QUESTION_FIELDS


Shown = tuple[str, int | None, str]
"""(field, item of a list field or None, text)."""


def shown(entry: AnyEntry) -> list[Shown]:
    """The texts a learner reads on ``entry``'s cards before answering.

    A cloze's blanks are left out (they are what it asks); a choice's answer is
    in (it is one of the options shown).
    """
    found: list[Shown] = []

    def add(field: str, text: str | None, item: int | None = None) -> None:
        if text:
            found.append((field, item, text))

    if isinstance(entry, DateEntry):
        add("prompt", entry.prompt)
        add("event", entry.event)
    elif isinstance(entry, FigureEntry):
        add("prompt", entry.prompt)
        add("measure", entry.measure)
    elif isinstance(entry, QuoteEntry):
        add("quote", entry.quote)
        add("context", entry.context)
    elif isinstance(entry, QaEntry):
        add("prompt", entry.prompt)
    elif isinstance(entry, ChoiceEntry):
        add("prompt", entry.prompt)
        add("answer", entry.answer)
        for n, option in enumerate(entry.distractors):
            add("distractors", option, n)
    elif isinstance(entry, ClozeEntry):
        add("text", CLOZE_BLANK.sub(" … ", entry.text))
    elif isinstance(entry, OrderEntry):
        add("prompt", entry.prompt)
        for n, event in enumerate(entry.events):
            add("events", event, n)
    return found


def _notes(entry: AnyEntry) -> list[Shown]:
    return [(name, None, text) for name in TEXT_FIELDS if (text := getattr(entry, name))]


class LeakFinder:
    """A deck's answers, indexed once, to find which of them a text gives away.

    ``find_leaks`` reads every entry's own texts with it; the exam builder reads the
    questions it has made (their prompts, options and statements), which say more
    than the entries they came from (a distractor is another entry's answer).
    """

    def __init__(
        self, entries: Sequence[AnyEntry], questions: Sequence[list[str]] | None = None
    ) -> None:
        """``questions``: the words of each entry's question, if already read
        (:func:`asked_words`)."""
        self.notes = {entry.id: [(s, words_of(s[2])) for s in _notes(entry)] for entry in entries}
        texts = {k: [w for _, w in v] for k, v in self.notes.items()}
        about, self.asks = subjects(entries, texts, questions)
        self.index = AnswerIndex(entries, about, self.asks)

    def in_question(self, givers: Iterable[str], texts: Sequence[Shown]) -> Iterator[Leak]:
        """The answers the texts of one question give away (``givers``: whose question).

        Each text must both hold the answer and name what it answers: an option
        alone ("June 9", a generated distractor) gives nothing away.
        """
        scanned = [(s, words_of(s[2])) for s in texts]
        return self._scan(frozenset(givers), scanned, strict=True)

    def in_notes(self, giver: str) -> Iterator[Leak]:
        """The answers ``giver``'s explanation and source give away, each judged alone."""
        return self._scan(frozenset((giver,)), self.notes.get(giver, []), strict=False)

    def _scan(
        self, givers: frozenset[str], texts: list[tuple[Shown, list[str]]], *, strict: bool
    ) -> Iterator[Leak]:
        giver = min(givers) if givers else ""
        for (field, item, text), words in texts:
            for taker, written in self.index.given(text, words, blank=not strict, skip=givers):
                yield Leak(giver, field, taker, written, item)


def find_leaks(entries: Sequence[AnyEntry]) -> list[Leak]:
    """Every (giver, field, taker) where a text of ``giver`` gives ``taker``'s answer away.

    One leak per giver, field and taker (the first words found), in deck order, the
    question's fields before the notes; an entry's own answer in its own text is
    not a leak (lint's G001 is about that). The collector is paused meanwhile: the
    index is a few hundred thousand small objects that all live until the end.
    """
    with paused_gc():
        return LeakScan(entries).leaks(0, len(entries))


class LeakScan:
    """A deck read for :func:`find_leaks`: its answers indexed, each entry's texts in words;
    then the leaks of any run of givers (:meth:`leaks`), each run on its own, so that two
    processes can share a big deck's givers (lint's :mod:`~studyapp.core.authoring.lint.
    forked`)."""

    def __init__(self, entries: Sequence[AnyEntry]) -> None:
        self.entries = entries
        # each text read once: the question's words are its shown texts' (asked_words)
        self._scanned = [[(s, words_of(s[2])) for s in shown(entry)] for entry in entries]
        questions = [asked_words(e, t) for e, t in zip(entries, self._scanned, strict=True)]
        self._finder = LeakFinder(entries, questions)

    def leaks(self, start: int, stop: int) -> list[Leak]:
        """The leaks whose givers are ``entries[start:stop]``, in deck order (each entry's
        words are let go as its leaks are found: a run is scanned once)."""
        finder, found = self._finder, list[Leak]()
        for n in range(start, stop):
            entry = self.entries[n]
            texts, self._scanned[n] = self._scanned[n], []
            found += finder._scan(frozenset((entry.id,)), texts, strict=True)
            found += finder.in_notes(entry.id)
        return found


_ASKED_FIELDS = frozenset({"prompt", "event", "measure", "text"})


def asked_words(entry: AnyEntry, texts: Sequence[tuple[Shown, list[str]]]) -> list[str]:
    """The words of ``entry``'s :func:`~studyapp.core.decks.giveaway.question_text`, from
    the words of its :func:`shown` texts: the same words, without reading them twice.

    What a card asks is the prompt, event, measure or cloze text it shows (a
    cloze's blanks are spaces there, " … " here: no word either way); a
    quotation's or an order's card asks nothing of its own.
    """
    if isinstance(entry, QuoteEntry | OrderEntry):
        return []
    if len(texts) == 1 and texts[0][0][0] in _ASKED_FIELDS:
        return texts[0][1]
    return [w for (field, _i, _t), words in texts if field in _ASKED_FIELDS for w in words]


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
