"""The words and names a deck uses, so a near miss that is one of them is not a typo.

"Yoon" is one letter from "Moon", "tow" a swap of "two", "Iraq" one letter from
"Iran": when the deck itself writes the other word, the learner may well have
meant it, and a teacher would not call it a slip. The answer key of a question
keeps the few deck words within typo reach of its answer (its ``lookalikes``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rapidfuzz.distance import OSA

from studyapp.core.decks.model import (
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers.normalise import compact, is_swap, max_typos, text_key
from studyapp.core.quiz.answers.places import place_id

__all__ = ["Vocabulary", "deck_vocabulary", "lookalikes_of"]

_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*){0,3}")
_WORD = re.compile(r"[^\W\d_]{3,}")


def _texts(deck: Deck) -> Iterable[str]:
    yield deck.title
    yield deck.description or ""
    for entry in deck.entries:
        yield entry.source or ""
        yield entry.explanation or ""
        if isinstance(entry, DateEntry):
            yield entry.event
        elif isinstance(entry, FigureEntry):
            yield entry.measure
        elif isinstance(entry, QuoteEntry):
            yield from (entry.quote, entry.speaker, entry.context or "")
        elif isinstance(entry, QaEntry):
            yield from (entry.prompt, entry.answer, *entry.accept)
        elif isinstance(entry, ClozeEntry):
            yield entry.text
        elif isinstance(entry, ChoiceEntry):
            yield from (entry.prompt, entry.answer, *entry.distractors)
        elif isinstance(entry, OrderEntry):
            yield from entry.events


class Vocabulary(NamedTuple):
    """A deck's capitalised names and its words, each by compact key."""

    names: dict[str, str]
    words: dict[str, str]


def deck_vocabulary(deck: Deck) -> Vocabulary:
    """Every capitalised name and every word (3+ letters) the deck writes."""
    names: dict[str, str] = {}
    words: dict[str, str] = {}
    for text in _texts(deck):
        for match in _NAME.finditer(text):
            names.setdefault(compact(text_key(match[0])), match[0])
        for match in _WORD.finditer(text):
            words.setdefault(compact(text_key(match[0])), match[0])
    names.pop("", None)
    words.pop("", None)
    return Vocabulary(names, words)


def lookalikes_of(forms: Sequence[str], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The deck's names and words a near miss of ``forms`` could really mean.

    A short answer (no typo allowed but a swap: "teh") has any deck word that
    is its swap; a name ("Moon") has the deck's other names within typo reach,
    except places, which the gazetteer tells apart ("Sweden" for "Swedes" is a
    slip, "Austria" for "Australia" is not).
    """
    keys = {compact(text_key(f)): f for f in forms}
    keys.pop("", None)
    found: list[str] = []
    for key, form in keys.items():
        limit = max_typos(len(key))
        if limit == 0:
            found += [w for k, w in vocabulary.words.items() if k not in keys and is_swap(k, key)]
            found += [w for k, w in vocabulary.names.items() if k not in keys and is_swap(k, key)]
            continue
        if not form.strip()[:1].isupper():
            continue
        for name_key, name in vocabulary.names.items():
            if name_key in keys or abs(len(name_key) - len(key)) > limit:
                continue
            if OSA.distance(name_key, key, score_cutoff=limit) <= limit and place_id(name) is None:
                found.append(name)
    return tuple(dict.fromkeys(found))
