"""A qa entry's ``reverse: true``: a second card asking the answer -> prompt."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from studyapp.core.base.problems import DeckLoadError
from studyapp.core.decks.cards import OPTIONAL_VARIANTS, cards_for_deck, cards_for_entry
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import Deck, QaEntry
from studyapp.core.decks.writer import dump_deck

WORD: dict[str, Any] = {
    "id": "chat",
    "kind": "qa",
    "prompt": "chat",
    "answer": "cat",
    "accept": ["a cat"],
    "reverse": True,
}


def deck_of(*entries: dict[str, Any]) -> Deck:
    return Deck.model_validate({"id": "fr", "title": "French", "entries": list(entries)})


def test_reverse_adds_a_second_card_asking_the_other_way() -> None:
    forward, backward = cards_for_deck(deck_of(WORD))
    assert forward.id == "fr/chat/answer"
    assert (forward.prompt, forward.answer, forward.accepted) == ("chat", "cat", ("a cat",))
    assert backward.id == "fr/chat/reverse" and backward.variant == "reverse"
    assert (backward.prompt, backward.answer, backward.accepted) == ("cat", "chat", ())
    assert backward.kind == "qa" and backward.sibling_key == forward.sibling_key


def test_without_reverse_a_qa_entry_has_one_card() -> None:
    plain = {k: v for k, v in WORD.items() if k != "reverse"}
    for entry in (plain, {**WORD, "reverse": False}):
        assert [c.variant for c in cards_for_deck(deck_of(entry))] == ["answer"]


def test_variants_may_keep_only_the_reverse_card() -> None:
    deck = deck_of({**WORD, "variants": ["reverse"]})
    assert [c.id for c in cards_for_deck(deck)] == ["fr/chat/reverse"]
    entry = deck.entries[0]
    assert [c.variant for c in cards_for_entry("fr", entry, ["answer"])] == ["answer"]


@pytest.mark.parametrize(
    "extra",
    [
        {"variants": ["reverse"]},
        {"checks": [{"answer": "chat", "verdict": "correct", "card": "reverse"}]},
    ],
)
def test_the_reverse_card_is_named_only_with_reverse_true(extra: dict[str, Any]) -> None:
    entry = {**WORD, **extra}
    del entry["reverse"]
    with pytest.raises(ValidationError, match="only with 'reverse: true'"):
        deck_of(entry)


def test_unknown_variant_message_lists_reverse() -> None:
    with pytest.raises(ValidationError, match="choose from: answer, reverse"):
        deck_of({**WORD, "variants": ["back"]})


def test_other_kinds_have_no_reverse() -> None:
    date = {"id": "d", "kind": "date", "event": "X", "date": "2025", "reverse": True}
    with pytest.raises(ValidationError, match="reverse"):
        deck_of(date)
    assert OPTIONAL_VARIANTS == {"qa": ("reverse",)}
    assert QaEntry.OPTIONAL_VARIANTS == ("reverse",)


def test_reverse_round_trips_through_yaml() -> None:
    text = """\
id: fr
title: French
entries:
  - id: chat
    kind: qa
    prompt: chat
    answer: cat
    reverse: true
  - id: chien
    kind: qa
    prompt: chien
    answer: dog
"""
    deck = parse_deck(text, "fr.yaml")
    assert [c.id for c in cards_for_deck(deck)] == [
        "fr/chat/answer",
        "fr/chat/reverse",
        "fr/chien/answer",
    ]
    written = dump_deck(deck)
    assert "reverse: true" in written and written.count("reverse") == 1
    assert parse_deck(written, "fr.yaml") == deck


def test_a_reverse_variant_without_reverse_is_reported_with_its_line() -> None:
    text = """\
id: fr
title: French
entries:
  - id: chat
    kind: qa
    prompt: chat
    answer: cat
    variants: [reverse]
"""
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, "fr.yaml")
    assert "fr.yaml:" in str(caught.value) and "reverse: true" in str(caught.value)


def test_a_typed_answer_to_the_reverse_card_is_judged_against_the_prompt() -> None:
    from studyapp.core.quiz.answers.judge import check_card
    from studyapp.core.quiz.answers.verdict import Outcome

    _, backward = cards_for_deck(deck_of(WORD))
    assert check_card(backward, "chat").outcome is Outcome.CORRECT
    assert check_card(backward, " Chat ").outcome is Outcome.CORRECT
    assert check_card(backward, "chien").outcome is Outcome.WRONG


def test_the_reverse_card_is_judged_as_any_answer_is() -> None:
    """Through the deck's answer key (not plain text): a year asked back is a date."""
    from studyapp.core.quiz.answers.judge import check_card
    from studyapp.core.quiz.answers.verdict import Outcome

    year = {"id": "moon", "kind": "qa", "prompt": "1969", "answer": "The Moon landing"}
    _, backward = cards_for_deck(deck_of({**year, "reverse": True}))
    assert check_card(backward, "in 1969").outcome is Outcome.CORRECT
    assert check_card(backward, "1970").outcome is Outcome.WRONG
