"""Whether the checker accepts an answer, asked cheaply many times over (L001/L002, O001-O003).

:func:`~studyapp.core.quiz.answers.judge.check_entry` without an index builds a
deck of the entry alone and its answer key on every call; lint asks the same
question of thousands of entries. The key here is that one, minus its
lookalikes: a lookalike only turns a typo (close) into wrong in ``check_text``,
never a correct answer into anything else, so whether words are *accepted* is
unchanged, and gathering the deck's vocabulary for them was most of the cost.
:class:`SoloAnswers` shares such keys between the questions of a deck.
"""

from __future__ import annotations

from collections.abc import Callable

from studyapp.core.decks.model import AnyEntry, QaEntry
from studyapp.core.quiz.answers.keyindex import answer_key
from studyapp.core.quiz.answers.keys import AnswerKey
from studyapp.core.quiz.answers.lists import asks_for_order
from studyapp.core.quiz.answers.verdict import Outcome, Verdict

__all__ = ["SoloAnswers", "accepting_key", "accepts"]


def accepting_key(entry: AnyEntry) -> AnswerKey:
    """The key ``check_entry(entry, ...)`` judges by, but for lookalikes (see above).

    Raises ``ValueError`` or ``LookupError`` as ``check_entry`` does for an entry
    with no typed answer.
    """
    return answer_key(entry, lookalikes=False)


def accepts(key: AnswerKey, words: str) -> bool:
    """Whether ``key`` takes ``words`` as the right answer."""
    return key.check(words).outcome is Outcome.CORRECT


class SoloAnswers:
    """How words are judged as the answer to a question of a deck of its own, remembered.

    The choice-option checks (O001-O003) ask, per option, how it is judged when the
    answer (or another option) is the right one: a fresh one-entry deck and key each
    time, 25,000 keys on a 50,000-entry deck. Such a key's answer is the given text
    and its prompt only decides whether an "A and B" answer must come in order
    (:func:`asks_for_order`): the one-entry deck has no rivals, people or sources.
    So one key per (text, in order) serves every question, and each verdict is
    remembered. The keys are lookalike-free (see :func:`accepting_key`): a caller that
    needs to tell a typo from a lookalike must judge a "typo" verdict again. Keys of
    another ``key`` function (a test's full keys, lookalikes and all) may read the
    words of the prompt, so those are kept per prompt.
    """

    def __init__(self, key: Callable[[AnyEntry], AnswerKey] = accepting_key) -> None:
        self._key = key
        self._per_prompt = key is not accepting_key
        self._keys: dict[tuple[str, bool, str], AnswerKey] = {}
        self._verdicts: dict[tuple[str, bool, str, str], Verdict] = {}

    def judge(
        self, prompt: str, answer: str, given: str, *, ordered: bool | None = None
    ) -> Verdict:
        """The verdict on ``given`` to a qa question of ``prompt`` and ``answer`` alone;
        ``ordered`` is ``asks_for_order(prompt)``, when the caller knows it already."""
        if ordered is None:
            ordered = asks_for_order(prompt)
        question = (answer, ordered, prompt if self._per_prompt else "")
        memo = (*question, given)
        verdict = self._verdicts.get(memo)
        if verdict is None:
            key = self._keys.get(question)
            if key is None:
                entry = QaEntry(id="option", kind="qa", prompt=prompt, answer=answer)
                key = self._keys[question] = self._key(entry)
            verdict = self._verdicts[memo] = key.check(given)
        return verdict
