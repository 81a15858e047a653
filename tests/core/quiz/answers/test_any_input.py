"""Issue 16: any string against any card gives a verdict or a retry, never an exception."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.card import Card
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.loader import load_deck
from studyapp.core.quiz.answers.judge import check_card
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.verdict import Outcome
from tests.core.quiz.answers.fair_decks import DECKS

BUNDLED = Path(__file__).parents[4] / "decks" / "lee-pragmatic-diplomacy.yaml"


@cache
def _cards() -> list[tuple[Card, AnswerKeyIndex]]:
    decks = [load_deck(BUNDLED), *DECKS.values()]
    out: list[tuple[Card, AnswerKeyIndex]] = []
    for deck in decks:
        index = AnswerKeyIndex(deck)
        out += [(card, index) for card in cards_for_deck(deck)]
    return out


_WORDISH = st.sampled_from(
    [
        "",
        " ",
        "the",
        "and",
        ",",
        "/",
        "&",
        "80th",
        "second",
        "a dozen",
        "June",
        "3rd",
        "of",
        "2025",
        "'65",
        "2O25",
        "Lee",
        "Moon",
        "US",
        "PM",
        "Japan",
        "South Korea",
        "three quarters",
        "%",
        "percent",
        "point",
        "-",
        "½",
        "١٢",
        "二〇二五",
        "ı",
        "ﬁ",
        "\u200b",
        "…",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=60),
    st.lists(_WORDISH, max_size=12).map(" ".join),
    st.text(alphabet="0123456789/-.,:' OoSlI", max_size=20),
)


@settings(max_examples=400, deadline=None)
@given(data=st.data(), text=_TEXT)
def test_any_text_against_any_card_is_judged(data: st.DataObject, text: str) -> None:
    cards = _cards()
    card, index = cards[data.draw(st.integers(0, len(cards) - 1))]
    verdict = check_card(card, text, index)
    assert verdict.outcome in set(Outcome)
    assert isinstance(verdict.reason, str)
