"""A big deck's answer index can gather its deck-wide values ahead of the first check
(:meth:`AnswerKeyIndex.warm`, run in a worker by the study screen): the keys are the same
whether it was warmed or not, and a worker and a first check gather once between them."""

from __future__ import annotations

import threading
from unittest import mock

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers import keyindex
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from tests.core.quiz.answers.article import ARTICLE
from tests.core.quiz.answers.test_keyindex_shortcuts import _keys


def _mixed_deck() -> Deck:
    """Free-text answers that are dates, numbers and words, beside dated and counted entries."""
    entries = [
        {
            "id": "q1",
            "kind": "qa",
            "prompt": "When was the treaty signed?",
            "answer": "March 3, 1921",
        },
        {"id": "q2", "kind": "qa", "prompt": "How many ships?", "answer": "70 ships"},
        {"id": "q3", "kind": "qa", "prompt": "Which city hosted it?", "answer": "Geneva"},
        {"id": "q4", "kind": "qa", "prompt": "How many tons?", "answer": "10,000 tons"},
        {"id": "q5", "kind": "qa", "prompt": "When did it end?", "answer": "August 4, 1927"},
        {
            "id": "d1",
            "kind": "date",
            "prompt": "When did the talks open?",
            "event": "the talks open",
            "date": "1927-06-20",
        },
        {"id": "f1", "kind": "figure", "measure": "cruiser limit", "value": 600000, "unit": "tons"},
    ]
    return Deck.model_validate({"id": "mixed", "title": "Mixed", "entries": entries})


def test_the_keys_are_the_same_warmed_or_not() -> None:
    for deck in (_mixed_deck(), Deck.model_validate(ARTICLE)):
        cold = _keys(AnswerKeyIndex(deck))
        warmed_index = AnswerKeyIndex(deck)
        warmed_index.warm()
        assert _keys(warmed_index) == cold


def test_the_text_values_are_the_answers_dates_and_numbers_in_deck_order() -> None:
    dates, numbers = AnswerKeyIndex(_mixed_deck()).text_values()
    assert [d.isoformat() for d in dates] == ["1921-03-03", "1927-08-04"]
    assert numbers == [("70", "ships"), ("10000", "tons")]


def test_a_worker_and_a_first_check_gather_the_vocabulary_once() -> None:
    index = AnswerKeyIndex(_mixed_deck())
    real = keyindex.deck_vocabulary
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow(deck: Deck) -> object:
        calls.append(1)
        started.set()
        release.wait(5)
        return real(deck)

    with mock.patch.object(keyindex, "deck_vocabulary", slow):
        worker = threading.Thread(target=index.warm)
        worker.start()
        assert started.wait(5)
        checker = threading.Thread(target=index.vocabulary)
        checker.start()
        release.set()
        worker.join(5)
        checker.join(5)
    assert len(calls) == 1
    assert index.vocabulary() is index.vocabulary()
