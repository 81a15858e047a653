"""Answer keys built from a deck: the mode per kind, rivals, people, ordinals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from studyapp.core.decks import cards
from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex, answer_key
from studyapp.core.quiz.answers.keys import AnswerKey, Mode, Target
from studyapp.core.quiz.answers.numbers import (
    render_number,
)
from tests.core.quiz.answers.article import C, W, entry_of


def test_keys_route_by_kind(deck: Deck, index: AnswerKeyIndex) -> None:
    modes = {
        "g7": Mode.DATE,
        "prog-coop": Mode.NUMBER,
        "q-balanced": Mode.NAME,
        "qa-ip4": Mode.TEXT,
        "qa-treaty-year": Mode.DATE,
        "qa-yoon-years": Mode.NUMBER,
        "cloze-coop": Mode.NUMBER,
        "cloze-meeting": Mode.DATE,
        "order-statements": Mode.ORDER,
    }
    for entry_id, mode in modes.items():
        assert index.key(entry_of(deck, entry_id)).mode is mode, entry_id
    key = index.key(entry_of(deck, "prog-coop"))
    assert "26.6" in key.rivals and "26.8" not in key.rivals
    assert AnswerKey.from_dict(key.to_dict()) == key


def test_key_without_a_deck_has_no_rivals(deck: Deck) -> None:
    key = answer_key(entry_of(deck, "prog-coop"))
    assert key.rivals == ()
    assert key.check("26.8%").outcome is C


def test_unknown_target_is_refused(deck: Deck, index: AnswerKeyIndex) -> None:
    with pytest.raises(ValueError, match="cannot be asked"):
        index.key(entry_of(deck, "g7"), Target.SPEAKER)
    with pytest.raises(ValueError, match="blank"):
        index.key(entry_of(deck, "cloze-coop"), Target.BLANK, blank=3)


def test_people_are_mined_from_titles(index: AnswerKeyIndex) -> None:
    names = {p.name for p in index.mentioned}
    assert {"Yoon Suk Yeol", "Ishiba Shigeru", "Donald Trump"} <= names
    assert "Lee Jae-myung" not in names  # a speaker already


def test_card_figure_rendering_is_accepted(deck: Deck, index: AnswerKeyIndex) -> None:
    for entry in deck.entries:
        if entry.kind == "figure":
            key = index.key(entry)
            assert key.check(cards.format_figure(entry)).outcome is C
            assert key.check(key.answer).outcome is C


def test_ordinals_stay_numbers_and_render_properly() -> None:
    deck = Deck.model_validate(
        {
            "id": "ordinals",
            "title": "Ordinals",
            "entries": [
                {"id": "a", "kind": "qa", "prompt": "Which anniversary?", "answer": "80th"},
                {"id": "b", "kind": "qa", "prompt": "And this one?", "answer": "60th"},
            ],
        }
    )
    key = answer_key(deck.entries[0], deck=deck)
    assert key.mode is Mode.NUMBER
    for typed in ("80th", "80", "80 th", "eighty"):
        assert key.check(typed).outcome is C, typed
    for typed in ("60th", "81st", "eightieth-ish"):
        assert key.check(typed).outcome is W, typed
    shown = [render_number(Decimal(n), 0, "th") for n in (1, 2, 3, 11, 12, 13, 21, 22, 101)]
    assert shown == ["1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "101st"]
