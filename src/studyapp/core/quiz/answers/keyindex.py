"""A deck's answer keys, gathered once: the answers of the deck that rival each other.

:class:`AnswerKeyIndex` walks a deck once and builds, per entry and target, the
:class:`~studyapp.core.quiz.answers.keys.AnswerKey` with that deck's rivals
(its other dates, figures, people and answers). The quiz builder, the exam
builder and the study screen keep one per deck.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from studyapp.core.decks.model import (
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers.dates import compatible, parse_date, render_date
from studyapp.core.quiz.answers.keys import DEFAULT_TARGET, AnswerKey, Mode, Target
from studyapp.core.quiz.answers.lists import asks_for_order, conjunction_members, list_members
from studyapp.core.quiz.answers.names import name_key
from studyapp.core.quiz.answers.normalise import clean, compact, text_key, unique
from studyapp.core.quiz.answers.numbers import decimals_of, parse_number, render_number
from studyapp.core.quiz.answers.people import Person, deck_speakers, mentioned_people
from studyapp.core.quiz.answers.unitforms import prompt_scale
from studyapp.core.quiz.answers.vocabulary import Vocabulary, deck_vocabulary, lookalikes_of

__all__ = ["AnswerKeyIndex", "answer_key"]

_NO_WORDS = Vocabulary({}, {})


def _classify(text: str) -> tuple[Mode, str, str | None]:
    """Whether a free-text answer is really a date or a number: (mode, value, unit)."""
    readings, error = parse_date(text)
    if error is None and len(readings) == 1 and readings[0][0] is not None:
        year, month, day = readings[0]
        if re.search(r"\d{4}", text) and year is not None:
            return Mode.DATE, PartialDate(year, month, day).isoformat(), None
    match = re.fullmatch(r"\s*([$€£¥₩]?)\s*([+-]?[\d.,]+)\s*(.*?)\s*", clean(text))
    if match:
        unit = match[1] or match[3] or None
        if unit is None or len(unit) <= 12:
            number = parse_number(match[2])
            if number is not None:
                return Mode.NUMBER, str(number), unit
    number = parse_number(text)
    if number is not None:
        return Mode.NUMBER, str(number), None
    return Mode.TEXT, text, None


class AnswerKeyIndex:
    """What a deck knows, gathered once: the answers that rival each other.

    Building it walks the deck; keep one per deck (the quiz builder and the
    study screen both do) rather than one per answer. ``lookalikes=False`` leaves
    out the deck's lookalike words (see :meth:`vocabulary`): for a caller that
    only asks whether words are *accepted* (lint), which lookalikes never change.
    """

    def __init__(self, deck: Deck, *, lookalikes: bool = True) -> None:
        self.deck = deck
        self._lookalikes = lookalikes
        self.dates = [e for e in deck.entries if isinstance(e, DateEntry)]
        self.figures = [e for e in deck.entries if isinstance(e, FigureEntry)]
        self.quotes = [e for e in deck.entries if isinstance(e, QuoteEntry)]
        self.people = deck_speakers(self.quotes)
        self.mentioned = mentioned_people(deck, self.people)
        answers: list[tuple[str, str]] = []
        alternatives: list[str] = []
        for entry in deck.entries:
            if isinstance(entry, QaEntry):
                answers.append(("qa", entry.answer))
                alternatives += entry.accept
            elif isinstance(entry, ClozeEntry):
                answers += [("cloze", b) for b in entry.blanks]
            elif isinstance(entry, ChoiceEntry):
                answers += [("choice", a) for a in (entry.answer, *entry.distractors)]
        self.text_answers: list[tuple[str, str]] = answers
        """(kind, text) of every free-text answer in the deck (and choice options)."""
        self.alternatives: list[str] = alternatives
        """Accepted alternative spellings: rivals for other questions, never options."""
        self._classified: dict[str, tuple[Mode, str, str | None]] = {}
        self._text_values: tuple[list[PartialDate], list[tuple[str, str | None]]] | None = None
        self._gathering = threading.Lock()
        """Held while the deck-wide values are gathered: a worker warming the index and a
        first check wait for one gathering, never make two."""
        self._keys: dict[tuple[str, Target, int], tuple[AnyEntry, AnswerKey]] = {}
        self._vocabulary: Vocabulary | None = None
        self.memo: dict[Any, Any] = {}
        """Scratch space for callers that derive things from the deck (the exam builder)."""
        self._people_by_name = {
            name_key(form): person
            for person in reversed([*self.people, *self.mentioned])
            for form in person.forms
        }

    def person_named(self, text: str) -> Person | None:
        """The speaker or mentioned person ``text`` names exactly, if any."""
        return self._people_by_name.get(name_key(text))

    def classify(self, text: str) -> tuple[Mode, str, str | None]:
        """:func:`_classify`, memoised (the quiz builder asks a lot)."""
        found = self._classified.get(text)
        if found is None:
            found = self._classified[text] = _classify(text)
        return found

    def text_values(self) -> tuple[list[PartialDate], list[tuple[str, str | None]]]:
        """The dates and the (number, unit) pairs among the deck's free-text answers, in deck
        order, read once: every date or number key rivals them, and reading a big deck's
        answers (50,000 of them: about a second) for each key stalled its first check."""
        found = self._text_values
        if found is not None:
            return found
        with self._gathering:
            found = self._text_values
            if found is not None:
                return found
            dates: list[PartialDate] = []
            numbers: list[tuple[str, str | None]] = []
            for _, text in self.text_answers:
                mode, value, unit = self.classify(text)
                if mode is Mode.DATE:
                    dates.append(PartialDate.parse(value))
                elif mode is Mode.NUMBER:
                    numbers.append((value, unit))
            found = self._text_values = (dates, numbers)
            return found

    def warm(self) -> None:
        """Gather now what the first keys would otherwise gather as they are built: the
        deck's dates and numbers among its answers (:meth:`text_values`) and its words and
        names (:meth:`vocabulary`: 2 s for 50,000 entries), so that a big deck's first
        check does not wait for them. For a worker thread at the start of a session; the
        keys are the same either way."""
        self.text_values()
        self.vocabulary()

    def person_of(self, entry: QuoteEntry) -> Person:
        key = name_key(entry.speaker)
        for person in self.people:
            if name_key(person.name) == key:
                return person
        return Person(entry.speaker, tuple(entry.speaker_aliases))  # pragma: no cover

    def other_people(self, person: Person) -> list[Person]:
        """Speakers and mentioned people other than ``person``."""
        return [p for p in (*self.people, *self.mentioned) if p != person]

    def key(self, entry: AnyEntry, target: Target | None = None, blank: int = 0) -> AnswerKey:
        """The answer key for asking ``target`` of ``entry`` (the kind's default target if None).

        Keys are immutable, so each is built once per index.
        """
        target = target or DEFAULT_TARGET[entry.kind]
        memo = (entry.id, target, blank)
        found = self._keys.get(memo)
        if found is None or found[0] is not entry:
            found = self._keys[memo] = (entry, self._build_key(entry, target, blank))
        return found[1]

    def _build_key(self, entry: AnyEntry, target: Target, blank: int) -> AnswerKey:
        if isinstance(entry, DateEntry) and target is Target.DATE:
            rivals = unique(d.date.isoformat() for d in self.dates if d.date != entry.date)
            return AnswerKey(
                mode=Mode.DATE,
                answer=render_date(entry.date),
                value=entry.date.isoformat(),
                rivals=tuple(rivals),
            )
        if isinstance(entry, DateEntry) and target is Target.EVENT:
            same = [d.event for d in self.dates if d is not entry and d.date == entry.date]
            others = [d.event for d in self.dates if not compatible(d.date, entry.date)]
            return AnswerKey(
                mode=Mode.TEXT,
                answer=entry.event,
                value=entry.event,
                accept=tuple(same),
                rivals=tuple(unique(others)),
            )
        if isinstance(entry, FigureEntry) and target is Target.VALUE:
            value = Decimal(str(entry.value))
            rivals = unique(
                str(Decimal(str(f.value)))
                for f in self.figures
                if f is not entry and _same_unit(f.unit, entry.unit)
            )
            return AnswerKey(
                mode=Mode.NUMBER,
                answer=render_number(value, decimals_of(value), entry.unit),
                value=str(value),
                rivals=tuple(rivals),
                tolerance=entry.tolerance,
                unit=entry.unit,
                scale=prompt_scale(entry.prompt),
            )
        if isinstance(entry, QuoteEntry) and target is Target.SPEAKER:
            person = self.person_of(entry)
            return AnswerKey(
                mode=Mode.NAME,
                answer=entry.speaker,
                value=entry.speaker,
                accept=tuple(unique([*entry.speaker_aliases, *person.aliases])),
                rival_people=tuple(p.forms for p in self.other_people(person)),
            )
        if isinstance(entry, QuoteEntry) and target is Target.QUOTE:
            return AnswerKey(
                mode=Mode.TEXT,
                answer=entry.quote,
                value=entry.quote,
                rivals=tuple(unique(q.quote for q in self.quotes if q is not entry)),
            )
        if isinstance(entry, QaEntry) and target is Target.ANSWER:
            members = entry.members or list_members(entry.answer)
            if members:
                return self._list_key(entry.answer, tuple(members), entry.accept)
            return self._free_key(entry.answer, entry.accept, (), prompt=entry.prompt)
        if isinstance(entry, QaEntry) and target is Target.PROMPT:  # the reverse card
            return self._free_key(entry.prompt, (), ())
        if isinstance(entry, ClozeEntry) and target is Target.BLANK:
            blanks = entry.blanks
            if not 0 <= blank < len(blanks):
                raise ValueError(f"{entry.id} has {len(blanks)} blank(s); no blank {blank + 1}")
            return self._free_key(blanks[blank], (), (), prompt=entry.text)
        if isinstance(entry, ChoiceEntry) and target is Target.ANSWER:
            return self._free_key(entry.answer, (), entry.distractors, prompt=entry.prompt)
        if isinstance(entry, OrderEntry) and target is Target.ORDER:
            return AnswerKey(
                mode=Mode.ORDER,
                answer=" → ".join(entry.events),
                value="",
                accept=tuple(entry.events),
            )
        raise ValueError(f"a {entry.kind} entry cannot be asked for its {target.value}")

    def _free_key(
        self,
        answer: str,
        accept: Sequence[str],
        extra_rivals: Sequence[str],
        *,
        prompt: str = "",
    ) -> AnswerKey:
        """A key for a free-text answer that may really be a date, a number or a list.

        An answer of parts joined by "and" is a list, right in any order, unless
        ``prompt`` asks for an order.
        """
        mode, value, unit = self.classify(answer)
        if mode is Mode.DATE:
            expected = PartialDate.parse(value)
            pool = [d.date for d in self.dates]
            pool += self.text_values()[0]
            for text in extra_rivals:
                m, v, _u = self.classify(text)
                if m is Mode.DATE:
                    pool.append(PartialDate.parse(v))
            rivals = unique(d.isoformat() for d in pool if d != expected)
            return AnswerKey(
                mode=Mode.DATE,
                answer=answer,
                value=value,
                accept=tuple(accept),
                rivals=tuple(rivals),
            )
        if mode is Mode.NUMBER:
            numbers = [str(Decimal(str(f.value))) for f in self.figures if _same_unit(f.unit, unit)]
            numbers += [v for v, u in self.text_values()[1] if _same_unit(u, unit)]
            for text in extra_rivals:
                m, v, u = self.classify(text)
                if m is Mode.NUMBER and _same_unit(u, unit):
                    numbers.append(v)
            rivals = unique(n for n in numbers if Decimal(n) != Decimal(value))
            return AnswerKey(
                mode=Mode.NUMBER,
                answer=answer,
                value=value,
                accept=tuple(accept),
                rivals=tuple(rivals),
                unit=unit,
            )
        # no people, no name to look up (every one-entry deck lint builds): skip name_key
        person = self.person_named(answer) if self._people_by_name else None
        if person is not None:
            others = self.other_people(person)
            return AnswerKey(
                mode=Mode.NAME,
                answer=answer,
                value=answer,
                accept=tuple(unique([*accept, *(f for f in person.forms if f != answer)])),
                rival_people=tuple(p.forms for p in others),
            )
        names = [f for p in (*self.people, *self.mentioned) for f in p.forms]
        parts = conjunction_members(answer)
        if parts is not None and not asks_for_order(prompt):
            return self._list_key(answer, parts, accept, [*names, *extra_rivals])
        rivals = self._rivals((answer, *accept), [*names, *extra_rivals])
        return AnswerKey(
            mode=Mode.TEXT,
            answer=answer,
            value=answer,
            accept=tuple(accept),
            rivals=tuple(rivals),
            lookalikes=lookalikes_of([answer, *accept], self.vocabulary()),
        )

    def vocabulary(self) -> Vocabulary:
        """The deck's words and names (built on first use), which the keys' lookalikes
        come from: a lookalike only turns a typo (close) into wrong, never a correct
        answer into anything else. Without lookalikes, none (and nothing to gather)."""
        if self._vocabulary is None:
            with self._gathering:
                if self._vocabulary is None:
                    words = deck_vocabulary(self.deck) if self._lookalikes else _NO_WORDS
                    self._vocabulary = words
        return self._vocabulary

    def _rivals(self, own: Sequence[str], more: Sequence[str] = ()) -> list[str]:
        """The deck's other text answers (and ``more``) that are none of ``own``."""
        keys = {compact(text_key(a)) for a in own}
        texts = [*(t for _, t in self.text_answers), *self.alternatives, *more]
        return unique(t for t in texts if compact(text_key(t)) not in keys)

    def _list_key(
        self,
        answer: str,
        members: tuple[str, ...],
        accept: Sequence[str],
        more_rivals: Sequence[str] = (),
    ) -> AnswerKey:
        """A key for a list answer: its members in any order; the deck's answers are rivals."""
        rivals = self._rivals((answer, *accept, *members), more_rivals)
        return AnswerKey(
            mode=Mode.LIST,
            answer=answer,
            value=answer,
            accept=tuple(accept),
            rivals=tuple(rivals),
            members=members,
        )


def _same_unit(a: str | None, b: str | None) -> bool:
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def answer_key(
    entry: AnyEntry,
    target: Target | None = None,
    *,
    blank: int = 0,
    deck: Deck | None = None,
    index: AnswerKeyIndex | None = None,
    lookalikes: bool = True,
) -> AnswerKey:
    """The answer key for one entry; without a deck (or index) there are no rivals.
    ``lookalikes`` applies to the index built here (see :class:`AnswerKeyIndex`)."""
    if index is None:
        index = AnswerKeyIndex(
            deck if deck is not None else Deck(id="solo", title="solo", entries=[entry]),
            lookalikes=lookalikes,
        )
    return index.key(entry, target, blank)
