"""Cards from entries: variants, stable ids, readable prompts."""

from __future__ import annotations

import random
from typing import Any

import pytest

from studyapp.core.decks.cards import (
    CLOZE_GAP,
    VARIANTS,
    Card,
    card_id,
    cards_for_deck,
    cards_for_decks,
    cards_for_entry,
    format_date,
    parse_card_id,
)
from studyapp.core.decks.model import Deck, PartialDate


def make_deck(*entries: dict[str, Any], deck_id: str = "korea") -> Deck:
    return Deck.model_validate({"id": deck_id, "title": "Korea 2025", "entries": list(entries)})


DATE = {"id": "election", "kind": "date", "event": "Lee Jae-myung is elected", "date": "2025-06-03"}
FIGURE = {
    "id": "turnout",
    "kind": "figure",
    "measure": "Turnout in the 2025 presidential election",
    "value": 79.4,
    "unit": "%",
}
QUOTE = {
    "id": "q1",
    "kind": "quote",
    "quote": "We will restore democracy",
    "speaker": "Lee Jae-myung",
    "speaker_aliases": ["Lee"],
    "context": "victory speech",
}
QA = {
    "id": "capital",
    "kind": "qa",
    "prompt": "Capital of Korea?",
    "answer": "Seoul",
    "accept": ["서울"],
}
CLOZE = {"id": "c1", "kind": "cloze", "text": "{{Seoul}} is the capital of {{South Korea}}."}
CHOICE = {
    "id": "ch",
    "kind": "choice",
    "prompt": "Which?",
    "answer": "A",
    "distractors": ["B", "C"],
}
ORDER = {"id": "o", "kind": "order", "events": ["first", "second", "third"]}


def test_every_kind_yields_its_variants() -> None:
    deck = make_deck(DATE, FIGURE, QUOTE, QA, CLOZE, CHOICE, ORDER)
    ids = [c.id for c in cards_for_deck(deck)]
    assert ids == [
        "korea/election/when",
        "korea/election/what",
        "korea/turnout/value",
        "korea/q1/who",
        "korea/q1/what",
        "korea/capital/answer",
        "korea/c1/blank-1",
        "korea/c1/blank-2",
        "korea/ch/choose",
        "korea/o/order",
    ]


def test_ids_survive_text_edits() -> None:
    before = cards_for_deck(make_deck(QUOTE))
    edited = dict(QUOTE, quote="We shall restore democracy", speaker="President Lee")
    after = cards_for_deck(make_deck(edited))
    assert [c.id for c in before] == [c.id for c in after]
    assert before[0].prompt != after[0].prompt


def test_date_prompts_read_naturally() -> None:
    when, what = cards_for_deck(make_deck(DATE))
    assert when.prompt == "When did this happen? Lee Jae-myung is elected"
    assert when.answer == "3 June 2025"
    assert "2025-06-03" in when.accepted
    assert what.prompt == "What happened on 3 June 2025?"
    assert what.answer == "Lee Jae-myung is elected"
    assert when.sibling_key == what.sibling_key == "korea/election"
    assert when.kind == "date"


def test_date_precision_changes_the_wording() -> None:
    month = dict(DATE, date="2025-06")
    _, what = cards_for_deck(make_deck(month))
    assert what.prompt == "What happened in June 2025?"
    assert format_date(PartialDate(1948)) == "1948"


def test_date_custom_prompt_is_used() -> None:
    when, _ = cards_for_deck(make_deck(dict(DATE, prompt="When was Lee elected?")))
    assert when.prompt == "When was Lee elected?"


def test_figure_card() -> None:
    (card,) = cards_for_deck(make_deck(FIGURE))
    assert card.prompt.startswith("What is the figure? Turnout in the 2025 presidential election")
    assert card.answer == "79.4%"
    big = dict(FIGURE, value=1200000, unit="people")
    (card,) = cards_for_deck(make_deck(big))
    assert card.answer == "1,200,000 people"
    assert "1,200,000" in card.accepted


def test_quote_cards() -> None:
    who, what = cards_for_deck(make_deck(QUOTE))
    assert who.prompt == "Who said: “We will restore democracy”? (victory speech)"
    assert who.answer == "Lee Jae-myung"
    assert who.accepted == ("Lee",)
    assert what.prompt == "What did Lee Jae-myung say? (victory speech)"
    assert what.answer == "“We will restore democracy”"


def test_cloze_one_card_per_blank() -> None:
    first, second = cards_for_deck(make_deck(CLOZE))
    assert first.prompt == f"Fill in the blank: {CLOZE_GAP} is the capital of South Korea."
    assert first.answer == "Seoul"
    assert second.prompt == f"Fill in the blank: Seoul is the capital of {CLOZE_GAP}."
    assert second.answer == "South Korea"


def test_choice_and_order() -> None:
    choice, order = cards_for_deck(make_deck(CHOICE, ORDER))
    assert choice.options == ("A", "B", "C")
    shuffled = choice.shuffled_options(random.Random(3))
    assert sorted(shuffled) == ["A", "B", "C"]
    assert shuffled == choice.shuffled_options(random.Random(3))
    assert order.options == ("first", "second", "third")
    assert order.answer == "1. first\n2. second\n3. third"
    assert order.prompt.startswith("Put these events in order")


def test_qa_and_entry_access() -> None:
    (card,) = cards_for_deck(make_deck(dict(QA, explanation="It has been since 1948.")))
    assert card.answer == "Seoul"
    assert card.accepted == ("서울",)
    assert card.explanation == "It has been since 1948."
    assert card.source is None


def test_variant_restriction() -> None:
    deck = make_deck(QUOTE)
    cards = cards_for_entry(deck.id, deck.entries[0], variants={"who"})
    assert [c.variant for c in cards] == ["who"]


def test_card_id_round_trip() -> None:
    assert parse_card_id(card_id("d", "e", "v")) == ("d", "e", "v")
    for bad in ("d/e", "d//v", "a/b/c/d"):
        with pytest.raises(ValueError):
            parse_card_id(bad)


def test_duplicate_deck_ids_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        cards_for_decks([make_deck(QA), make_deck(QA)])


def test_cards_are_hashable_values() -> None:
    a = cards_for_deck(make_deck(QA))[0]
    b = cards_for_deck(make_deck(QA))[0]
    assert a == b
    assert len({a, b}) == 1
    assert isinstance(a, Card)


def test_duplicate_entry_ids_refused() -> None:
    with pytest.raises(ValueError, match="used twice"):
        cards_for_deck(make_deck(QA, dict(QA, prompt="Other?")))


def test_variants_are_the_ones_the_deck_model_names() -> None:
    deck = make_deck(DATE, FIGURE, QUOTE, QA, CHOICE, ORDER)
    for entry in deck.entries:
        made = tuple(c.variant for c in cards_for_entry(deck.id, entry))
        assert made == VARIANTS[entry.kind] == type(entry).VARIANTS


def test_entry_variants_field_restricts_cards() -> None:
    deck = make_deck(dict(DATE, variants=["when"]), dict(CLOZE, variants=["blank-2"]))
    assert [c.id for c in cards_for_deck(deck)] == ["korea/election/when", "korea/c1/blank-2"]
