"""The people a deck names: its quotes' speakers, and people its text names with a title.

Speakers are the answers of "who said ...?"; the people mentioned ("Prime
Minister Ishiba Shigeru") are plausible wrong options and rivals, so naming
one of them is never taken for a typo.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from msgspec import Struct

from studyapp.core.decks.model import DateEntry, Deck, FigureEntry, QuoteEntry
from studyapp.core.quiz.answers.names import name_key, name_tokens
from studyapp.core.quiz.answers.normalise import word_set

__all__ = ["Person", "deck_speakers", "mentioned_people"]


class Person(Struct, frozen=True):
    """Someone the deck names: a speaker, or a person mentioned with a title."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


_TITLED = re.compile(
    r"\b(?:President|Prime Minister|Premier|Chancellor|Secretary|Minister|Chairman|Governor"
    r"|Senator|King|Queen|Emperor)\s+((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){0,2})"
)
_ADMINISTRATION = re.compile(
    r"\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,2})\s+administration"
    r"|administration of ([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,2})"
)


_NOT_NAMES = word_set(
    "south north east west korean korea japanese japan chinese china american us u.s. united "
    "states british european russian new progressive conservative liberal democratic "
    "republican government national"
)


def deck_speakers(quotes: Sequence[QuoteEntry]) -> list[Person]:
    """The deck's speakers, one Person each, with all their aliases merged."""
    people: dict[str, tuple[str, list[str]]] = {}
    for quote in quotes:
        key = name_key(quote.speaker)
        _, aliases = people.setdefault(key, (quote.speaker, []))
        for alias in quote.speaker_aliases:
            if alias not in aliases:
                aliases.append(alias)
    return [Person(name, tuple(aliases)) for name, aliases in people.values()]


def _deck_texts(deck: Deck) -> list[str]:
    texts = [deck.title, deck.description or ""]
    for entry in deck.entries:
        texts += [entry.source or "", entry.explanation or ""]
        if isinstance(entry, DateEntry):
            texts.append(entry.event)
        elif isinstance(entry, FigureEntry):
            texts.append(entry.measure)
        elif isinstance(entry, QuoteEntry):
            texts.append(entry.context or "")
    return texts


def mentioned_people(deck: Deck, speakers: Sequence[Person]) -> list[Person]:
    """People the deck's text names with a title ("Prime Minister Ishiba Shigeru").

    They make plausible wrong options for "who said ...?" when a deck has few
    speakers, and they are rivals: naming one of them is never a typo.
    """
    found: list[str] = []
    for text in _deck_texts(deck):
        for match in _TITLED.finditer(text):
            found.append(match[1])
        for match in _ADMINISTRATION.finditer(text):
            found.append(match[1] or match[2])
    names: list[str] = []
    for raw in found:
        name = re.sub(r"[’']s$", "", raw.strip())
        name = re.sub(r"^(?:The|A|An)\s+", "", name)
        if name and name not in names:
            names.append(name)
    known = [{*(name_key(f) for f in p.forms)} for p in speakers]
    names = [n for n in names if not any(w.casefold() in _NOT_NAMES for w in n.split())]
    people: list[Person] = []
    for name in sorted(names, key=lambda n: -len(name_tokens(n))):
        key = name_key(name)
        tokens = set(key.split())
        if not tokens or any(key in forms for forms in known):
            continue
        if any(tokens <= set(name_key(f).split()) for p in speakers for f in p.forms):
            continue
        merged = False
        for i, person in enumerate(people):
            if tokens <= set(name_key(person.name).split()):
                people[i] = Person(person.name, (*person.aliases, name))
                merged = True
                break
        if not merged:
            people.append(Person(name))
    return people
