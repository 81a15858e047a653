"""Whether the checker accepts an answer, asked cheaply many times over (L001/L002, O003).

:func:`~studyapp.core.quiz.answers.judge.check_entry` without an index builds a
deck of the entry alone and its answer key on every call; lint asks the same
question of thousands of entries. The key here is that one, minus its
lookalikes: a lookalike only turns a typo (close) into wrong in ``check_text``,
never a correct answer into anything else, so whether words are *accepted* is
unchanged, and gathering the deck's vocabulary for them was most of the cost.
"""

from __future__ import annotations

from studyapp.core.decks.model import AnyEntry
from studyapp.core.quiz.answers.keyindex import answer_key
from studyapp.core.quiz.answers.keys import AnswerKey
from studyapp.core.quiz.answers.verdict import Outcome

__all__ = ["accepting_key", "accepts"]


def accepting_key(entry: AnyEntry) -> AnswerKey:
    """The key ``check_entry(entry, ...)`` judges by, but for lookalikes (see above).

    Raises ``ValueError`` or ``LookupError`` as ``check_entry`` does for an entry
    with no typed answer.
    """
    return answer_key(entry, lookalikes=False)


def accepts(key: AnswerKey, words: str) -> bool:
    """Whether ``key`` takes ``words`` as the right answer."""
    return key.check(words).outcome is Outcome.CORRECT
