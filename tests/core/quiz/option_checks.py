"""The invariant every generated question keeps: its options are the answer's type.

Shared by the invariant tests (bundled deck, generated decks, hypothesis). Each
check says, in its assertion message, which question and which option broke it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from studyapp.core.decks.model import AnyEntry, ChoiceEntry, Deck, PartialDate, QuoteEntry
from studyapp.core.quiz.answer_types import (
    SemanticType,
    deck_names,
    option_type,
    question_type,
)
from studyapp.core.quiz.answers.dates import parse_date
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.answers.names import name_key
from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.answers.numbers import parse_number
from studyapp.core.quiz.distractors import near_enough, plausible_number
from studyapp.core.quiz.gazetteer import country_code
from studyapp.core.quiz.questions import FALSE, TRUE, Question, QuestionFormat


def _date(text: str) -> PartialDate:
    readings, error = parse_date(text)
    assert error is None and len(readings) == 1, text
    year, month, day = readings[0]
    assert year is not None, text
    return PartialDate(year, month, day)


def check_option(
    question: Question, option: str, entry: AnyEntry, index: AnswerKeyIndex, where: Any
) -> None:
    """One wrong option (or a false statement's option) is of the answer's type and fair."""
    names = deck_names(index)
    like = question_type(entry, question.target, question.key, names)
    got = option_type(option, like, names, index)
    right = question.answer if question.format is QuestionFormat.CHOICE else question.key.answer
    assert got == like, (where, question.prompt, right, option, str(got), str(like))
    assert fold(option) != fold(right), (where, option)
    kind = like.kind
    if kind is SemanticType.DATE:
        answer, other = _date(right), _date(option)
        assert other.precision == answer.precision, (where, option)
        assert near_enough(answer, other), (where, right, option)
    elif kind is SemanticType.NUMBER:
        unit = question.key.unit
        number, wrong = parse_number(right, unit), parse_number(option, unit)
        assert number is not None and wrong is not None, (where, option)
        assert plausible_number(Decimal(number), Decimal(wrong)), (where, right, option)
    elif kind is SemanticType.QUOTE:
        assert isinstance(entry, QuoteEntry)
        speakers = {name_key(q.speaker) for q in index.quotes if fold(q.quote) == fold(option)}
        assert speakers and name_key(entry.speaker) not in speakers, (where, option)
    elif kind is SemanticType.COUNTRY:  # the gazetteer, not the deck, says what a country is
        assert country_code(option) is not None, (where, option)
    elif kind is SemanticType.PERSON:
        assert names.person(option) is not None, (where, option)


def check_question(question: Question, deck: Deck, index: AnswerKeyIndex, where: Any) -> None:
    """Every option of a multiple-choice question, and a true/false statement's option."""
    entry = next(e for e in deck.entries if e.id == question.entry_id)
    authored = set(entry.distractors) if isinstance(entry, ChoiceEntry) else set()
    if question.format is QuestionFormat.CHOICE:
        options = question.options
        assert options.count(question.answer) == 1, (where, options)
        assert len({fold(o) for o in options}) == len(options), (where, options)
        for option in options:
            if option != question.answer and option not in authored:
                check_option(question, option, entry, index, where)
    elif question.format is QuestionFormat.TRUE_FALSE:
        assert question.shown is not None and question.answer in (TRUE, FALSE), where
        if question.answer == FALSE:
            assert question.shown not in authored or isinstance(entry, ChoiceEntry)
            if question.shown not in authored:
                check_option(question, question.shown, entry, index, where)
        else:
            names = deck_names(index)
            like = question_type(entry, question.target, question.key, names)
            if question.target is not Target.EVENT:
                assert option_type(question.shown, like, names, index) == like, where
