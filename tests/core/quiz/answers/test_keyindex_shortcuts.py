"""An index with no people skips looking answers up as names (every one-entry deck
lint builds): the keys are those of the full path, which looks and finds no one."""

from __future__ import annotations

from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import AnswerKey, Target
from studyapp.core.quiz.answers.names import name_key
from tests.core.quiz.answers.article import ARTICLE


class _NoOneButAsked(dict[str, Any]):
    """No people, yet true: the index takes the full path and looks every name up."""

    def __bool__(self) -> bool:
        return True


def _full(index: AnswerKeyIndex) -> AnswerKeyIndex:
    index._people_by_name = _NoOneButAsked(index._people_by_name)
    return index


def _keys(index: AnswerKeyIndex) -> list[AnswerKey | str]:
    out: list[AnswerKey | str] = []
    for entry in index.deck.entries:
        for target in Target:
            try:
                out.append(index.key(entry, target))
            except ValueError as error:
                out.append(str(error))
    return out


def _one_entry_decks() -> list[Deck]:
    return [Deck.model_validate({**ARTICLE, "entries": [e]}) for e in ARTICLE["entries"]]


def test_one_entry_decks_key_as_the_full_path_does() -> None:
    checked = 0
    for deck in _one_entry_decks():
        short = AnswerKeyIndex(deck, lookalikes=False)
        if short._people_by_name:
            continue  # a quote's deck knows its speaker: nothing skipped
        assert _keys(short) == _keys(_full(AnswerKeyIndex(deck, lookalikes=False)))
        checked += 1
    assert checked >= 15


def test_no_people_no_name_lookup() -> None:
    entry = {"id": "q", "kind": "qa", "prompt": "Which city?", "answer": "Seoul"}
    deck = Deck.model_validate({**ARTICLE, "entries": [entry]})
    with mock.patch("studyapp.core.quiz.answers.keyindex.name_key", wraps=name_key) as spy:
        index = AnswerKeyIndex(deck, lookalikes=False)
        assert not index._people_by_name
        _keys(index)
    assert spy.call_count == 0


def test_an_index_with_people_still_names_them() -> None:
    index = AnswerKeyIndex(Deck.model_validate(ARTICLE), lookalikes=False)
    assert index._people_by_name
    quote = next(e for e in index.deck.entries if e.kind == "quote")
    assert index.key(quote, Target.SPEAKER).mode.value == "name"


_WORDS = st.sampled_from(
    [
        "Lee",
        "President Lee Jae-myung",
        "Moon",
        "and",
        ",",
        "June 3, 2025",
        "2015",
        "26.6%",
        "$3 billion",
        "the treaty",
        "Seoul",
        "Tokyo",
        "first",
        "three",
        "or",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_WORDS, min_size=1, max_size=5).map(" ".join),
    st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), max_size=2),
)
def test_a_qa_answer_keys_as_the_full_path_does(answer: str, accept: list[str]) -> None:
    entry = {
        "id": "q",
        "kind": "qa",
        "prompt": "Who or what, in order?",
        "answer": answer,
        "accept": [a for a in accept if a != answer],
    }
    deck = Deck.model_validate({**ARTICLE, "entries": [entry]})
    short = AnswerKeyIndex(deck, lookalikes=False)
    full = _full(AnswerKeyIndex(deck, lookalikes=False))
    assert _keys(short) == _keys(full)
