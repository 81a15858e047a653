"""The semantic type of an answer: what kind of thing it names.

A wrong option tempts only when it is the same kind of thing as the answer: a
country for a country, a person for a person, a percentage for a percentage.
"A South Korean think tank" offered for "which country...?" gives the answer
away, so the quiz builder keeps an option only when :func:`option_type` of it
equals :func:`question_type` of the answer.

Countries come from a kept gazetteer (:mod:`studyapp.core.quiz.gazetteer`);
people, groups, organisations and regions from what the deck itself names
(:class:`DeckNames`); everything else is a *phrase*, told apart by its form (a
"to ..." clause, a "that ..." clause, one adjective...), so that a clause is not
offered against a name.
"""

from __future__ import annotations

import re
from collections import Counter
from enum import StrEnum

from msgspec import Struct

from studyapp.core.decks.model import (
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    OrderEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers.dates import parse_date
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import AnswerKey, Mode, Target
from studyapp.core.quiz.answers.names import name_key
from studyapp.core.quiz.answers.normalise import fold, word_set
from studyapp.core.quiz.gazetteer import (
    REGION_IN_TEXT,
    country_code,
    find_countries,
    is_organisation_name,
    is_region_name,
)

__all__ = [
    "ADMINISTRATION",
    "KIND_OF_ORGANISATION",
    "AnswerType",
    "DeckNames",
    "SemanticType",
    "asks_for_a_person",
    "deck_names",
    "list_items",
    "option_type",
    "prompt_words",
    "question_type",
    "similar_length",
    "text_type",
]

ADMINISTRATION = re.compile(
    r"^(?:(?P<the>the)\s+)?(?P<name>.+?)\s+(?P<noun>administration|government|presidency)$",
    re.IGNORECASE,
)
"""An administration named after its leader ("The Moon Jae-in administration")."""


class SemanticType(StrEnum):
    """What kind of thing an answer names."""

    DATE = "date"
    NUMBER = "number"
    EVENT = "event"
    QUOTE = "quote"
    PERSON = "person"
    GROUP = "group of people"
    ADMINISTRATION = "administration"
    COUNTRY = "country"
    COUNTRY_LIST = "list of countries"
    ORGANISATION = "organisation"
    ORGANISATION_KIND = "kind of organisation"
    REGION = "region"
    PHRASE = "phrase"


class AnswerType(Struct, frozen=True):
    """A semantic type and the detail two answers must share to be alike.

    ``detail`` is the precision of a date, the unit of a number, the length of a
    list, or the form of a phrase.
    """

    kind: SemanticType
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.kind.value} ({self.detail})" if self.detail else self.kind.value


_WHO = re.compile(
    r"^\s*who\b|\bwhich (?:[\w’'-]+ ){0,3}(?:leader|president|prime minister|minister|person|"
    r"politician|speaker|official|chancellor|king|queen|emperor|scientist|writer|author|"
    r"philosopher|general|pope|explorer|inventor|composer|artist|monarch|ruler)s?\b",
    re.IGNORECASE,
)
_PARTICLES = word_set("de da di del der van von bin bint al el la le du of ibn y")


def name_like(text: str) -> bool:
    """Written like a person's name: one to four capitalised words, no digits."""
    words = text.replace("\u2019", "'").split()
    return (
        1 <= len(words) <= 4
        and not any(c.isdigit() for c in text)
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in _PARTICLES for w in words)
    )


def asks_for_a_person(prompt: str | None, answer: str) -> bool:
    """A "who ...?" question with a name-like answer ("Donald Trump")."""
    return prompt is not None and _WHO.search(prompt) is not None and name_like(answer)


# ---------------------------------------------------------------- deck names


def _texts(entry: AnyEntry) -> list[str]:
    """Every piece of text an entry shows, for finding the names a deck uses."""
    texts = [entry.source or "", entry.explanation or ""]
    if isinstance(entry, DateEntry):
        texts += [entry.event, entry.prompt or ""]
    elif isinstance(entry, FigureEntry):
        texts += [entry.measure, entry.prompt or ""]
    elif isinstance(entry, QuoteEntry):
        texts += [entry.context or ""]
    elif isinstance(entry, QaEntry):
        texts += [entry.prompt, entry.answer]
    elif isinstance(entry, ChoiceEntry):
        texts += [entry.prompt, entry.answer, *entry.distractors]
    elif isinstance(entry, ClozeEntry):
        texts += [entry.text]
    elif isinstance(entry, OrderEntry):
        texts += [*entry.events, entry.prompt or ""]
    return texts


_ADMINISTRATION_IN_TEXT = re.compile(
    r"\b((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){0,2})\s+(?:administration|government)\b"
)


class DeckNames:
    """The people, groups, countries, organisations and regions a deck names.

    Built once per deck (kept in the index's memo): it tells which answers are
    people, and supplies options of each type.
    """

    def __init__(self, index: AnswerKeyIndex) -> None:
        deck = index.deck
        people: list[str] = []
        groups: list[str] = []
        for person in (*index.people, *index.mentioned):
            (people if name_like(person.name) else groups).append(person.name)
        for entry in deck.entries:
            if isinstance(entry, QaEntry) and asks_for_a_person(entry.prompt, entry.answer):
                people.append(entry.answer)
            if isinstance(entry, ChoiceEntry) and asks_for_a_person(entry.prompt, entry.answer):
                people += [o for o in (entry.answer, *entry.distractors) if name_like(o)]
        self.person_forms: dict[str, str] = {}
        """name key of every form (aliases too) -> the person's name."""
        for person in (*index.people, *index.mentioned):
            if name_like(person.name):
                for form in person.forms:
                    self.person_forms.setdefault(name_key(form), person.name)
        for name in people:
            self.person_forms.setdefault(name_key(name), name)
        self.people = list(dict.fromkeys(people))
        texts = [t for entry in deck.entries for t in _texts(entry)]
        texts += [deck.title, deck.description or ""]
        self.contexts = _title_words(self.people, self.person_forms, texts)
        """Person -> the words the deck writes before their name ("Japanese Prime Minister")."""
        self.groups = list(dict.fromkeys(groups))
        self.group_keys = {fold(f) for p in index.people if p.name in groups for f in p.forms}
        countries: Counter[str] = Counter()
        regions: dict[str, None] = {}
        administrations: dict[str, None] = {}
        for text in texts:
            countries.update(find_countries(text))
            for match in REGION_IN_TEXT.finditer(text):
                found = next(g for g in match.groups() if g)
                if is_region_name(found):
                    regions.setdefault(found)
            for match in _ADMINISTRATION_IN_TEXT.finditer(text):
                name = re.sub(r"^(?:The|A|An)\s+", "", match[1])
                if name_key(name) in self.person_forms:
                    administrations.setdefault(self.person_forms[name_key(name)])
        self.countries = [code for code, _ in countries.most_common()]
        """Country codes, most often named first."""
        self.regions = list(regions)
        self.administrations = list(administrations)
        """People whose administration the deck names."""
        answers = [text for _, text in index.text_answers]
        self.organisations = list(dict.fromkeys(a for a in answers if is_organisation_name(a)))
        self.phrases = answers
        """Every free-text answer and author option, the pool for phrase-typed options."""

    def shaped_like(self, answer: str, person: str) -> str:
        """``person`` written as ``answer`` writes its own person: a surname alone for "Yoon"
        (the deck's one-word form of them, or the name's word where the answer's stands in
        its own full name: "Abe" from "Abe Shinzō" beside "Yoon" of "Yoon Suk Yeol"); the
        full name otherwise. An option in another form than the answer gives it away."""
        own = self.person(answer)
        if own is None or len(answer.split()) != 1 or len(own.split()) < 2:
            return person
        short = [
            form
            for form, name in self.person_forms.items()
            if name == person and len(form.split()) == 1 and form in name_key(person).split()
        ]
        words = person.split()
        if len(words) < 2:
            return person
        first = name_key(answer) == name_key(own).split()[0]
        pick = words[0] if first else words[-1]
        if short and name_key(pick) not in short:
            pick = next((w for w in words if name_key(w) == short[0]), pick)
        return pick

    def person(self, text: str) -> str | None:
        """The name of the person ``text`` names, if the deck knows them ("President Lee"
        is Lee Jae-myung when the deck knows no other Lee)."""
        key = name_key(text)
        found = self.person_forms.get(key)
        if found is not None or not key or not name_like(text):
            return found
        tokens = set(key.split())
        matches = {p for f, p in self.person_forms.items() if tokens <= set(f.split())}
        return matches.pop() if len(matches) == 1 else None


_STOP = word_set(
    "a an the of and or in on at to for by with from as is was be his her its their which who "
    "what when where why how did does do this that these those s former then later"
)


def _title_words(
    people: list[str], forms: dict[str, str], texts: list[str]
) -> dict[str, frozenset[str]]:
    """The words just before each person's name in the deck's text: how the deck titles them."""
    found: dict[str, set[str]] = {p: set() for p in people}
    by_form = sorted(
        ((form, name) for form, name in forms.items() if name in found and len(form) > 2),
        key=lambda pair: -len(pair[0]),
    )
    for text in texts:
        folded = f" {fold(text)} "
        for form, name in by_form:
            start = folded.find(f" {form} ")
            while start >= 0:
                before = folded[:start].split()[-4:]
                found[name].update(w for w in before if w not in _STOP)
                start = folded.find(f" {form} ", start + 1)
    return {name: frozenset(words) for name, words in found.items()}


def prompt_words(text: str) -> frozenset[str]:
    """The content words of a question, to match against how the deck titles people."""
    return frozenset(w for w in fold(text).split() if w not in _STOP)


def deck_names(index: AnswerKeyIndex) -> DeckNames:
    """The index's :class:`DeckNames`, built on first use."""
    found = index.memo.get("deck-names")
    if not isinstance(found, DeckNames):
        found = index.memo["deck-names"] = DeckNames(index)
    return found


# ----------------------------------------------------------------- text types

_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
KIND_OF_ORGANISATION = re.compile(
    r"^(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}?(?P<kind>think tank|newspaper|university|"
    r"(?:government\s+)?(?:agency|ministry)|political party|(?:polling|consulting)\s+"
    r"(?:company|firm)|company|firm|broadcaster|trade union|charity|(?:research\s+)?institute|"
    r"news agency|business lobby|foundation|ngo|non-governmental organi[sz]ation|"
    r"international organi[sz]ation|organi[sz]ation|lobby group|militia|party)$",
    re.IGNORECASE,
)
_AUXILIARIES = word_set(
    "is are was were be been being am must will would can could should shall may might has have "
    "had does did do isnt arent wasnt werent cant wont"
)
_WH = word_set("how why what whether where when which who whom whose")
_VERBS = word_set(
    "give take make get keep say go come put set hold build avoid reduce raise cut stop start "
    "let leave send bring tell ask seek pay meet win lose join sign end open close call"
)
_DETERMINERS = word_set("a an the both each every some any this that these those its his her their")
_ADJECTIVE_END = re.compile(
    r"(?<!m)(?<!m[ae]n)(?<!it)(?:ous|ful|ive|able|ible|al|ic|ant|ent|less|ary|ish|y)$|^(?:low|"
    r"high|far|away|"
    r"near|close|small|large|big|weak|strong|good|bad|new|old|long|short|soon|late|early|"
    r"slow|fast|free|open|safe|poor|rich|full|real|true|false)$"
)


def list_items(text: str) -> list[str]:
    """The items of "A, B and C" (one item when ``text`` is not a list)."""
    items = [i for i in _LIST_SPLIT.split(text.strip()) if i]
    return items if len(items) > 1 else [text.strip()]


def _phrase_form(text: str) -> str:
    """How a phrase is built, so a clause is offered against a clause, a word against a word."""
    words = fold(text).split()
    if not words:
        return "empty"
    first = words[0]
    if first in ("to", "that") or first in _WH:
        return "to" if first == "to" else "that" if first == "that" else "wh"
    if any(w in _AUXILIARIES for w in words):
        return "clause"
    if len(words) == 1:
        return "participle" if first.endswith("ed") else "word"
    if first.endswith("ing") and len(first) > 4:
        return "gerund"
    if first in _VERBS:
        return "verb"
    raw = text.split()
    long = [w for w in raw if len(w) > 3]
    if long and all(w[:1].isupper() for w in long) and raw[0][:1].isupper():
        # "South Korea's Indo-Pacific Strategy" is a country's policy; "Property and Claims"
        # is not: a name that names a country is offered only against another that does.
        return "title, naming a country" if find_countries(text) else "title"
    if len(words) <= 3 and first not in _DETERMINERS and _ADJECTIVE_END.search(words[-1]):
        return "adjective"
    return "noun"


def text_type(text: str, names: DeckNames) -> AnswerType:
    """The semantic type of a free-text answer (not a date or a number)."""
    text = text.strip()
    admin = ADMINISTRATION.match(text)
    if admin and names.person(admin["name"]) is not None:
        return AnswerType(SemanticType.ADMINISTRATION)
    if names.person(text) is not None:
        return AnswerType(SemanticType.PERSON)
    if fold(text) in names.group_keys:
        return AnswerType(SemanticType.GROUP)
    if country_code(text) is not None:
        return AnswerType(SemanticType.COUNTRY)
    items = list_items(text)
    if len(items) > 1:
        countries = [country_code(i) is not None for i in items]
        if any(countries) and all(
            c or is_organisation_name(i) for c, i in zip(countries, items, strict=True)
        ):
            return AnswerType(SemanticType.COUNTRY_LIST, str(len(items)))
    if is_organisation_name(text):
        return AnswerType(SemanticType.ORGANISATION)
    if KIND_OF_ORGANISATION.match(text):
        return AnswerType(SemanticType.ORGANISATION_KIND)
    if is_region_name(text):
        return AnswerType(SemanticType.REGION)
    return AnswerType(SemanticType.PHRASE, _phrase_form(text))


def _unit(unit: str | None) -> str:
    unit = (unit or "").strip().casefold()
    return "%" if unit in ("%", "percent", "per cent", "pct") else unit


def question_type(entry: AnyEntry, target: Target, key: AnswerKey, names: DeckNames) -> AnswerType:
    """The semantic type of the answer to asking ``target`` of ``entry``."""
    if key.mode is Mode.DATE:
        return AnswerType(SemanticType.DATE, PartialDate.parse(key.value).precision)
    if key.mode is Mode.NUMBER:
        return AnswerType(SemanticType.NUMBER, _unit(key.unit))
    if target is Target.EVENT:
        return AnswerType(SemanticType.EVENT)
    if target is Target.QUOTE:
        return AnswerType(SemanticType.QUOTE)
    if target is Target.SPEAKER:
        kind = SemanticType.PERSON if name_like(key.answer) else SemanticType.GROUP
        return AnswerType(kind)
    return text_type(key.answer, names)


def option_type(
    option: str, like: AnswerType, names: DeckNames, index: AnswerKeyIndex
) -> AnswerType:
    """The semantic type of an option offered for an answer of type ``like``.

    Dates and numbers are read as dates and numbers; events and quotes must be the
    deck's own; speakers are people or groups; anything else is typed as text.
    """
    kind = like.kind
    if kind is SemanticType.DATE:
        readings, error = parse_date(option)
        if error is None and len(readings) == 1 and readings[0][0] is not None:
            year, month, day = readings[0]
            assert year is not None
            return AnswerType(kind, PartialDate(year, month, day).precision)
        return AnswerType(SemanticType.PHRASE, "not a date")
    if kind is SemanticType.NUMBER:
        mode, _value, unit = index.classify(option)
        if mode is Mode.NUMBER:
            return AnswerType(kind, _unit(unit))
        return AnswerType(SemanticType.PHRASE, "not a number")
    if kind is SemanticType.EVENT:
        events = {fold(d.event) for d in index.dates}
        return like if fold(option) in events else AnswerType(SemanticType.PHRASE)
    if kind is SemanticType.QUOTE:
        quotes = {fold(q.quote) for q in index.quotes}
        return like if fold(option) in quotes else AnswerType(SemanticType.PHRASE)
    if kind in (SemanticType.PERSON, SemanticType.GROUP) and fold(option) in names.group_keys:
        return AnswerType(SemanticType.GROUP)
    return text_type(option, names)


def similar_length(answer: str, option: str) -> bool:
    """Options about as long as the answer: a much longer or shorter one stands out."""
    a, b = len(answer.split()), len(option.split())
    return abs(a - b) <= 2 or max(a, b) <= 1.6 * min(a, b)
