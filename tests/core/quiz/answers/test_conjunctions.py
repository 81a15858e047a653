"""Answers of parts joined by "and": right in any order, "both" optional, countries by any name.

"The United States and China" is also "China and the USA"; "both regional
security and global stability" is also "global stability and regional
security". A part that is another country or another answer of the deck stays
wrong, and a question that asks for an order keeps it.
"""

from __future__ import annotations

import random
from functools import cache
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Mode
from studyapp.core.quiz.answers.lists import asks_for_order, conjunction_members
from studyapp.core.quiz.answers.verdict import Outcome
from tests.core.quiz.answers.article import C, H, W


def _qa(id_: str, prompt: str, answer: str, *accept: str) -> dict[str, object]:
    return {"id": id_, "kind": "qa", "prompt": prompt, "answer": answer, "accept": list(accept)}


DECK = Deck.model_validate(
    {
        "id": "conjunctions",
        "title": "Conjunctions",
        "entries": [
            _qa(
                "calls",
                "Which two countries' leaders did Moon call before Japan's?",
                "The United States and China",
                "US and China",
                "China and the United States",
            ),
            _qa(
                "hope",
                "What did Ishiba hope cooperation would contribute to?",
                "Both regional security and global stability",
                "regional security and global stability",
            ),
            _qa("three", "Which three gases?", "nitrogen, oxygen and argon"),
            _qa("rivals", "Which two countries did Russia court?", "Russia and China"),
            _qa("other", "Which two countries joined?", "Japan and South Korea"),
            _qa(
                "steps",
                "Name the two steps, in order.",
                "denuclearisation and normalisation",
            ),
            _qa("bosnia", "Which country has Sarajevo as its capital?", "Bosnia and Herzegovina"),
            {
                "id": "pick",
                "kind": "choice",
                "prompt": "Which pair met in Seoul?",
                "answer": "Lee and Ishiba",
                "distractors": ["Lee and Trump", "Moon and Abe", "Yoon and Kishida"],
            },
        ],
    }
)


@cache
def _index() -> AnswerKeyIndex:
    return AnswerKeyIndex(DECK)


def _check(entry_id: str, answer: str) -> str:
    entry = next(e for e in DECK.entries if e.id == entry_id)
    return _index().key(entry).check(answer).outcome.value


CASES = [
    # countries by any of their names, in any order
    ("calls", "China and the USA", C),
    ("calls", "China and the US", C),
    ("calls", "China and America", C),
    ("calls", "USA and China", C),
    ("calls", "the U.S. and China", C),
    ("calls", "China & the United States of America", C),
    ("calls", "China and the United States", C),
    ("calls", "China and Japan", W),
    ("calls", "China and Russia", W),
    ("calls", "China", W),
    ("calls", "the United States, China and Japan", W),
    ("calls", "Chna and the USA", H),
    # two parts, "both" optional, in any order
    ("hope", "both global stability and regional security", C),
    ("hope", "global stability and regional security", C),
    ("hope", "both regional security and global stability", C),
    ("hope", "regional security and global stability", C),
    ("hope", "global stability, regional security", C),
    ("hope", "regional security an global stability", H),
    ("hope", "global stabilty and regional security", H),
    ("hope", "regional security", W),
    ("hope", "regional stability and global security", W),
    # three parts
    ("three", "argon, nitrogen and oxygen", C),
    ("three", "oxygen and argon and nitrogen", C),
    ("three", "argon, nitrogen and neon", W),
    # another answer of the deck is never right
    ("rivals", "China and Russia", C),
    ("rivals", "China and the US", W),
    ("other", "South Korea and Japan", C),
    ("other", "Japan and China", W),
    # a question that asks for an order keeps it
    ("steps", "denuclearisation and normalisation", C),
    ("steps", "normalisation and denuclearisation", W),
    # one name with an "and" in it is one answer
    ("bosnia", "Bosnia and Herzegovina", C),
    ("bosnia", "Herzegovina and Bosnia", W),
    # a typed choice: the distractors are rivals
    ("pick", "Ishiba and Lee", C),
    ("pick", "Trump and Lee", W),
]


@pytest.mark.parametrize(("entry_id", "answer", "expected"), CASES)
def test_conjunction_answers(entry_id: str, answer: str, expected: Outcome) -> None:
    assert _check(entry_id, answer) == expected.value


@pytest.mark.parametrize(
    ("answer", "parts"),
    [
        ("The United States and China", ("The United States", "China")),
        ("Both regional security and global stability", ("regional security", "global stability")),
        ("A, B and C", ("A", "B", "C")),
        ("A, B, and C", ("A", "B", "C")),
        ("salt & pepper", ("salt", "pepper")),
        ("Bosnia and Herzegovina", None),
        ("Trinidad and Tobago", None),
        ("the Department of Health and Human Services", None),
        ("Seoul", None),
        ("1945 and 1965", None),
        ("peace and peace", None),
    ],
)
def test_conjunction_members(answer: str, parts: tuple[str, ...] | None) -> None:
    assert conjunction_members(answer) == parts


def test_order_words_in_the_prompt() -> None:
    assert asks_for_order("Name them in order.")
    assert asks_for_order("Which came first and second, respectively?")
    assert not asks_for_order("Which two countries did he call before Japan's leader?")


def test_a_conjunction_is_judged_as_a_list() -> None:
    entry = next(e for e in DECK.entries if e.id == "calls")
    key = _index().key(entry)
    assert key.mode is Mode.LIST
    assert key.members == ("The United States", "China")


_US = ["the United States", "the US", "the USA", "America", "the U.S.", "United States"]


@given(
    us=st.sampled_from(_US),
    swap=st.booleans(),
    both=st.booleans(),
    join=st.sampled_from([" and ", " & ", ", "]),
)
@settings(max_examples=120, deadline=None)
def test_any_name_of_the_country_in_any_order_is_right(
    us: str, swap: bool, both: bool, join: str
) -> None:
    parts = ["China", us] if swap else [us, "China"]
    answer = ("both " if both else "") + join.join(parts)
    assert _check("calls", answer) == "correct", answer


@given(
    parts=st.lists(
        st.sampled_from(["tin", "copper", "zinc", "lead", "nickel", "iron"]),
        min_size=2,
        max_size=5,
        unique=True,
    ),
    order=st.randoms(use_true_random=False),
    both=st.booleans(),
    rival_part=st.sampled_from(["gold", "silver", "mercury"]),
)
@settings(max_examples=80, deadline=None)
def test_any_permutation_of_a_conjunction_is_right_and_a_rival_part_is_not(
    parts: list[str], order: random.Random, both: bool, rival_part: str
) -> None:
    answer = ", ".join(parts[:-1]) + " and " + parts[-1]
    if len(parts) == 2:
        answer = ("both " if both else "") + answer
    deck = Deck.model_validate(
        {
            "id": "metals",
            "title": "Metals",
            "entries": [
                _qa("alloy", "Which metals?", answer),
                _qa("other", "Which precious metal?", rival_part),
            ],
        }
    )
    index = AnswerKeyIndex(deck)
    key = index.key(deck.entries[0])
    shuffled = list(parts)
    order.shuffle(shuffled)
    typed = ", ".join(shuffled[:-1]) + " and " + shuffled[-1]
    assert key.check(typed).outcome is C, typed
    swapped = [*shuffled[:-1], rival_part]
    typed_rival = ", ".join(swapped[:-1]) + " and " + swapped[-1]
    assert key.check(typed_rival).outcome is W, typed_rival


def test_every_permutation_of_three_parts_is_right() -> None:
    for order in permutations(["nitrogen", "oxygen", "argon"]):
        typed = f"{order[0]}, {order[1]} and {order[2]}"
        assert _check("three", typed) == "correct", typed
