"""An option is written as the answer is: a surname for a surname.

The bundled deck's "During the {{Yoon}} administration" offered "Park Geun-hye", "Abe
Shinzō" and "Murayama Tomiichi" beside "Yoon": the one name in a single word was the
answer. Each other person is now written in the answer's shape: the deck's one-word form of
them, else the word of their name where the answer's stands in its own full name.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.distractors import distractors

ENTRIES: list[dict[str, Any]] = [
    {"id": "q1", "kind": "quote", "quote": "We will rebuild trust", "speaker": "Yoon Suk Yeol"},
    {"id": "q2", "kind": "quote", "quote": "The agreement stands", "speaker": "Park Geun-hye"},
    {"id": "q3", "kind": "quote", "quote": "We look to the future", "speaker": "Abe Shinzō"},
    {"id": "q4", "kind": "quote", "quote": "Talks will go on", "speaker": "Moon Jae-in"},
    {
        "id": "c1",
        "kind": "cloze",
        "text": "During the {{Yoon}} administration, relations with Tokyo quickly improved.",
    },
    {
        "id": "c2",
        "kind": "cloze",
        "text": "The summit was hosted by {{Moon Jae-in}} in Seoul.",
    },
]


def options(entry_id: str, seed: int) -> list[str]:
    deck = Deck.model_validate({"id": "k", "title": "Korea and Japan", "entries": ENTRIES})
    entry = next(e for e in deck.entries if e.id == entry_id)
    return distractors(entry, AnswerKeyIndex(deck), Target.BLANK, random.Random(seed))


@pytest.mark.parametrize("seed", range(8))
def test_a_surname_answer_gets_surnames(seed: int) -> None:
    found = options("c1", seed)
    assert found, "the deck has other people to offer"
    assert all(len(option.split()) == 1 for option in found)
    assert set(found) <= {"Park", "Abe", "Moon"}


@pytest.mark.parametrize("seed", range(8))
def test_a_full_name_answer_keeps_full_names(seed: int) -> None:
    found = options("c2", seed)
    assert found
    assert all(len(option.split()) >= 2 for option in found)


EVENTS: list[dict[str, Any]] = [
    {
        "id": "vote",
        "kind": "date",
        "event": "The council voted to approve the tram line, ending a debate",
        "date": "2019",
    },
    {
        "id": "vote-day",
        "kind": "date",
        "event": "The council voted on Monday to approve the tram line, ending a debate",
        "date": "2025-03-03",
    },
    {
        "id": "bridge",
        "kind": "date",
        "event": "The old bridge was closed to traffic",
        "date": "2021",
    },
    {"id": "port", "kind": "date", "event": "The port reopened after repairs", "date": "2023"},
    {"id": "mayor", "kind": "date", "event": "A new mayor took office", "date": "2017"},
]


@pytest.mark.parametrize("seed", range(8))
def test_an_event_in_nearly_the_answers_words_is_never_an_option(seed: int) -> None:
    """Two entries drafted from one sentence differ by "on Monday": as options for "what
    happened in 2019?", both would read as the answer."""
    deck = Deck.model_validate({"id": "k", "title": "Harbour", "entries": EVENTS})
    vote = next(e for e in deck.entries if e.id == "vote")
    found = distractors(vote, AnswerKeyIndex(deck), Target.EVENT, random.Random(seed))
    assert found and not any("voted" in option for option in found)
