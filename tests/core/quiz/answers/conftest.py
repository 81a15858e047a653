"""The article deck (``article.py``) and its answer-key index, built once per module."""

from __future__ import annotations

import pytest

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from tests.core.quiz.answers.article import ARTICLE


@pytest.fixture(scope="module")
def deck() -> Deck:
    return Deck.model_validate(ARTICLE)


@pytest.fixture(scope="module")
def index(deck: Deck) -> AnswerKeyIndex:
    return AnswerKeyIndex(deck)
