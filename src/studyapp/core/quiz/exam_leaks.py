"""Keeping two questions that give each other away out of one exam.

A deck's entries may be written so that none names another's answer, and the
questions made from them still can: a distractor is another entry's answer, a
true/false statement shows a date, a chronology lists events. The exam builder
asks :class:`Giveaways` before it takes a question: one whose prompt or options
show the answer of a question already taken (or whose answer is shown by one)
is left for another sitting. What "shows an answer" means is the deck's own
leak rule (:class:`studyapp.core.decks.leaks.LeakFinder`), the one ``lint``
reports as L002, so an author and an exam agree.
"""

from __future__ import annotations

from studyapp.core.decks.leaks import LeakFinder, Shown
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.questions import Question, QuestionFormat

__all__ = ["Giveaways", "question_texts"]

ASKED_TARGETS = frozenset({Target.DATE, Target.VALUE, Target.SPEAKER, Target.ANSWER, Target.BLANK})
"""Targets whose answer is the entry's own (its date, figure, speaker, answer, blank):
what the leak rule indexes. An event, a quotation or an order is asked from options
that show it anyway."""

Ref = tuple[str, str]
"""(deck id, entry id)."""


def question_texts(question: Question) -> list[Shown]:
    """What a learner reads before answering: the prompt (a true/false statement is in
    it) and the options (not "True" and "False")."""
    texts: list[Shown] = [("prompt", None, question.prompt)]
    if question.format is not QuestionFormat.TRUE_FALSE:
        texts += [("options", n, option) for n, option in enumerate(question.options)]
    return texts


def _finder(index: AnswerKeyIndex) -> LeakFinder:
    found = index.memo.get("leak-finder")
    if not isinstance(found, LeakFinder):
        found = index.memo["leak-finder"] = LeakFinder(index.deck.entries)
    return found


class Giveaways:
    """The answers an exam's questions ask and show, so far."""

    def __init__(self) -> None:
        self.asked: set[Ref] = set()
        self.shown: set[Ref] = set()
        self.refused = 0
        """Questions left out because they would have given an answer away."""

    def take(self, question: Question, index: AnswerKeyIndex) -> bool:
        """Record ``question`` and say True, or say False if it gives away (or is given
        away by) a question already taken. Leaks are found within a deck."""
        deck = question.deck_id
        asks = (
            {(deck, e) for e in question.entry_ids} if question.target in ASKED_TARGETS else set()
        )
        leaks = _finder(index).in_question(question.entry_ids, question_texts(question))
        shows = {(deck, leak.taker) for leak in leaks}
        if asks & self.shown or shows & self.asked:
            self.refused += 1
            return False
        self.asked |= asks
        self.shown |= shows
        return True
