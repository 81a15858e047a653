"""Wrong options for free-text answers, of the answer's semantic type.

:mod:`studyapp.core.quiz.answer_types` says what an answer names; this module
offers other things of that type: the deck's other people for a person, other
countries for a country (the deck's own first, then well-known ones), the same
list with one country swapped for a list of countries, another kind of
organisation for "a South Korean think tank", and for a plain phrase the deck's
other answers built the same way and about as long. Candidates come most
plausible first; the caller checks each one's type again and drops any the
answer checker would accept.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from studyapp.core.quiz.answer_types import (
    ADMINISTRATION,
    KIND_OF_ORGANISATION,
    AnswerType,
    DeckNames,
    SemanticType,
    list_items,
    prompt_words,
    similar_length,
)
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.gazetteer import (
    FALLBACK_COUNTRIES,
    FALLBACK_ORGANISATIONS,
    FALLBACK_REGIONS,
    ORGANISATION_KINDS,
    country_code,
    country_names,
)

__all__ = ["nearest_first", "people_for", "shuffled", "text_options"]

S = SemanticType


def shuffled(items: Iterable[Any], rng: random.Random) -> list[Any]:
    pool = list(items)
    rng.shuffle(pool)
    return pool


def nearest_first(
    items: Iterable[Any], distance: Callable[[Any], float], rng: random.Random, n: int
) -> list[Any]:
    """Nearest first, but a random pick among the nearest 2n so quizzes vary."""
    pool = list(items)
    rng.shuffle(pool)
    pool.sort(key=distance)
    window, rest = pool[: 2 * n], pool[2 * n :]
    rng.shuffle(window)
    return window + rest


@lru_cache(maxsize=8192)
def _text_shape(text: str) -> tuple[int, bool, bool]:
    words = text.split()
    return len(words), text[:1].isupper(), any(c.isdigit() for c in text)


def _shape_distance(answer: str) -> Callable[[str], float]:
    """How unlike the answer an option looks: word count, capitals, digits, length, words."""
    words, capital, digits = _text_shape(answer)
    folded = fold(answer)

    def distance(text: str) -> float:
        w, c, d = _text_shape(text)
        length = abs(len(text) - len(answer)) / max(len(answer), 1)
        similar = fuzz.token_set_ratio(folded, fold(text)) / 100
        return abs(w - words) + 2 * (c != capital) + 3 * (d != digits) + length - similar

    return distance


def _styled(name: str, answer: str, in_sentence: bool) -> str:
    """A name written like the answer: capitalised as an option, as is inside a sentence."""
    if in_sentence and not answer[:1].isupper():
        return name[:1].lower() + name[1:] if name[:4].lower() == "the " else name
    if in_sentence and not answer.lower().startswith("the "):
        return name
    return name[:1].upper() + name[1:]


def _country_codes(names: DeckNames) -> list[list[str]]:
    fallback = [country_code(c) for c in FALLBACK_COUNTRIES]
    return [names.countries, [c for c in fallback if c is not None]]


def _countries(
    answer: str, names: DeckNames, rng: random.Random, in_sentence: bool
) -> Iterator[str]:
    own = country_code(answer)
    display = country_names()
    for tier in _country_codes(names):
        for code in shuffled((c for c in tier if c != own), rng):
            yield _styled(display[code], answer, in_sentence)


def _swapped_lists(
    answer: str, names: DeckNames, rng: random.Random, in_sentence: bool
) -> Iterator[str]:
    """The answer's list with one country swapped for another ("Japan and China")."""
    items = list_items(answer)
    codes = {country_code(i) for i in items} - {None}
    display = country_names()
    for tier in _country_codes(names):
        swaps: list[str] = []
        for item in items:
            if country_code(item) is None:
                continue
            at = answer.find(item)
            for code in tier:
                if code in codes:
                    continue
                name = display[code]
                if at == 0 and not in_sentence:
                    name = name[:1].upper() + name[1:]
                elif item[:1].islower() or (at > 0 and name.startswith("The ")):
                    name = name[:1].lower() + name[1:] if name[:4].lower() == "the " else name
                swaps.append(answer[:at] + name + answer[at + len(item) :])
        yield from shuffled(swaps, rng)


def _organisation_kinds(answer: str, rng: random.Random) -> Iterator[str]:
    """The same description with another kind of organisation ("A South Korean newspaper")."""
    match = KIND_OF_ORGANISATION.match(answer)
    if match is None:
        return
    start, end = match.span("kind")
    own = fold(match["kind"])
    for kind in shuffled(ORGANISATION_KINDS, rng):
        if fold(kind) == own:
            continue
        text = answer[:start] + kind + answer[end:]
        head, _, rest = text.partition(" ")
        if head.lower() in ("a", "an") and rest:
            article = "an" if rest[:1].lower() in "aeiou" else "a"
            text = (article.capitalize() if head[:1].isupper() else article) + " " + rest
        yield text


def _administrations(
    answer: str, prompt: str, names: DeckNames, rng: random.Random
) -> Iterator[str]:
    """The administration of another of the deck's people ("The Yoon Suk Yeol administration")."""
    match = ADMINISTRATION.match(answer)
    if match is None:
        return
    own = names.person(match["name"])
    the = f"{match['the']} " if match["the"] else ""
    for tier in (names.administrations, names.people):
        for person in people_for(prompt, (p for p in tier if p != own), names, rng):
            yield f"{the}{person} {match['noun']}"


def people_for(
    prompt: str, people: Iterable[str], names: DeckNames, rng: random.Random
) -> list[str]:
    """People the deck titles the way the question asks first ("which Japanese prime
    minister" → the deck's prime ministers), the others after, each group shuffled."""
    wanted = prompt_words(prompt)
    return sorted(
        shuffled(people, rng), key=lambda p: -len(names.contexts.get(p, frozenset()) & wanted)
    )


def text_options(
    like: AnswerType,
    answer: str,
    entry_kind: str,
    names: DeckNames,
    index: AnswerKeyIndex,
    rng: random.Random,
    n: int,
    *,
    prompt: str = "",
    in_sentence: bool = False,
) -> Iterator[str]:
    """Candidate options of type ``like`` for a free-text ``answer``, most plausible first."""
    kind = like.kind
    if kind is S.PERSON:
        own = names.person(answer)
        others = people_for(prompt, (p for p in names.people if p != own), names, rng)
        yield from (names.shaped_like(answer, p) for p in others)  # "Yoon": "Abe", not "Abe Shinzō"
    elif kind is S.GROUP:
        yield from shuffled((g for g in names.groups if fold(g) != fold(answer)), rng)
    elif kind is S.ADMINISTRATION:
        yield from _administrations(answer, prompt, names, rng)
    elif kind is S.COUNTRY:
        yield from _countries(answer, names, rng, in_sentence)
    elif kind is S.COUNTRY_LIST:
        yield from _swapped_lists(answer, names, rng, in_sentence)
    elif kind is S.ORGANISATION:
        own_org = fold(re.sub(r"^the\s+", "", answer, flags=re.IGNORECASE))
        for tier in (names.organisations, FALLBACK_ORGANISATIONS):
            for org in shuffled(tier, rng):
                if fold(re.sub(r"^the\s+", "", org, flags=re.IGNORECASE)) != own_org:
                    yield _styled(org, answer, in_sentence)
    elif kind is S.ORGANISATION_KIND:
        yield from _organisation_kinds(answer, rng)
    elif kind is S.REGION:
        for tier in (names.regions, FALLBACK_REGIONS):
            yield from shuffled((r for r in tier if fold(r) != fold(answer)), rng)
    # Whatever the type, the deck's own answers of that type come last (a phrase: only them).
    closeness = _shape_distance(answer)
    same_kind = [t for k, t in index.text_answers if k == entry_kind and similar_length(answer, t)]
    other_kind = [t for k, t in index.text_answers if k != entry_kind and similar_length(answer, t)]
    for tier in (same_kind, other_kind):
        yield from nearest_first(tier, closeness, rng, n)
