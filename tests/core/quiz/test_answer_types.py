"""The semantic type of an answer: countries from the gazetteer, people from the deck."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answer_types import (
    AnswerType,
    DeckNames,
    SemanticType,
    deck_names,
    list_items,
    text_type,
)
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.gazetteer import country_code, find_countries

S = SemanticType

DECK: dict[str, Any] = {
    "id": "types",
    "title": "Types",
    "entries": [
        {"id": "q1", "kind": "quote", "quote": "pragmatic", "speaker": "Lee Jae-myung"},
        {
            "id": "q2",
            "kind": "quote",
            "quote": "contingency",
            "speaker": "successive Japanese prime ministers",
        },
        {
            "id": "d1",
            "kind": "date",
            "event": "Prime Minister Ishiba Shigeru meets the Moon Jae-in administration",
            "date": 2020,
        },
        {
            "id": "qa1",
            "kind": "qa",
            "prompt": "Who discovered penicillin?",
            "answer": "Alexander Fleming",
        },
    ],
}


@pytest.fixture(scope="module")
def names() -> DeckNames:
    return deck_names(AnswerKeyIndex(Deck.model_validate(DECK)))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Japan", S.COUNTRY),
        ("The United States", S.COUNTRY),
        ("South Korea", S.COUNTRY),
        ("Viet Nam", S.COUNTRY),
        ("A South Korean think tank", S.ORGANISATION_KIND),
        ("The “real” Republic of Korea", S.PHRASE),
        ("Lee Jae-myung", S.PERSON),
        ("President Lee", S.PERSON),
        ("Ishiba Shigeru", S.PERSON),
        ("Alexander Fleming", S.PERSON),
        ("successive Japanese prime ministers", S.GROUP),
        ("The Moon Jae-in administration", S.ADMINISTRATION),
        ("The Ishiba Shigeru administration", S.ADMINISTRATION),
        ("NATO", S.ORGANISATION),
        ("the East Asia Institute", S.ORGANISATION),
        ("the North Atlantic Treaty Organization (NATO)", S.ORGANISATION),
        ("DNA", S.PHRASE),  # an acronym is not an organisation unless it is a known one
        ("North Atlantic", S.REGION),
        ("the Taiwan Strait", S.REGION),
        ("Agreements must be kept", S.PHRASE),
        ("unrealistic", S.PHRASE),
    ],
)
def test_text_types(names: DeckNames, text: str, kind: SemanticType) -> None:
    assert text_type(text, names).kind is kind, text


def test_lists_of_countries_keep_their_length(names: DeckNames) -> None:
    assert text_type("The United States and China", names) == AnswerType(S.COUNTRY_LIST, "2")
    four = "Japan, South Korea, Australia and New Zealand"
    assert list_items(four) == ["Japan", "South Korea", "Australia", "New Zealand"]
    assert text_type(four, names) == AnswerType(S.COUNTRY_LIST, "4")
    mixed = "The United States, Canada, the European Union and NATO"
    assert text_type(mixed, names) == AnswerType(S.COUNTRY_LIST, "4")
    assert text_type("Peace and stability", names).kind is S.PHRASE


def test_phrases_are_told_apart_by_form(names: DeckNames) -> None:
    forms = {
        "To carry forward the initiatives of its predecessor": "to",
        "That a progressive administration will revive it": "that",
        "How he strikes the balance": "wh",
        "Agreements must be kept": "clause",
        "normalized": "participle",
        "low": "word",
        "preparing for the worst": "gerund",
        "overly ambitious": "adjective",
        "one theater": "noun",
        "a worsening strategic environment": "noun",
    }
    for text, form in forms.items():
        assert text_type(text, names) == AnswerType(S.PHRASE, form), text


def test_the_gazetteer_finds_countries_in_text() -> None:
    text = "Japan and South Korea, as allies of the United States, watch China and Taiwan."
    assert find_countries(text) == ["JP", "KR", "US", "CN", "TW"]
    assert find_countries("Let us talk about a turkey.") == []  # words, not countries
    assert country_code("the UK") == country_code("Britain") == "GB"
    assert country_code("A South Korean think tank") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_has_one_type(text: str) -> None:
    names = deck_names(AnswerKeyIndex(Deck.model_validate(DECK)))
    first = text_type(text, names)
    assert isinstance(first.kind, SemanticType)
    assert text_type(text, names) == first
