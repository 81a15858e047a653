"""Keeping two questions that give each other away out of one exam.

A deck's entries may be written so that none names another's answer, and the
questions made from them still can: a distractor is another entry's answer, a
true/false statement shows a figure, a source quotes the article sentence that
holds the next card's answer. The exam builder asks :class:`Giveaways` before it
takes a question: one that shows the answer of a question already taken (or
whose answer is shown by one) is left for another sitting.

What a question shows is what a learner reads before the next question: its
prompt (a true/false statement is in it) and options, and, when feedback comes
after each answer, its answer line, explanation and source. Two rules find an
answer in it: the deck's leak rule (:class:`studyapp.core.decks.leaks.LeakFinder`,
``lint``'s L002: an answer in a text about its card), and the checker's own
words (:func:`accepted`: a text holding an answer the checker would accept, in
any context, except a bare distractor: an option, or the wrong option a false
statement asserts). A pair is kept apart, never merely ordered: with feedback at
the end the learner may page back and change an earlier answer, so a prompt leak
works both ways; and feedback shown only at the end gives nothing away meanwhile.
(With feedback after each answer there is no going back, so a leak only in a
feedback could be seated giver after taker; the decks met so far never need it.)
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from studyapp.core.decks.leaks import LeakFinder, Shown
from studyapp.core.decks.model import MONTH_NAMES
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import AnswerKey, Mode, Target
from studyapp.core.quiz.answers.normalise import fold, text_key
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.questions import FALSE, Question, QuestionFormat

__all__ = [
    "ASKED_TARGETS",
    "Giveaways",
    "Sight",
    "accepted",
    "question_texts",
    "shown_text",
    "shows",
]

ASKED_TARGETS = frozenset({Target.DATE, Target.VALUE, Target.SPEAKER, Target.ANSWER, Target.BLANK})
"""Targets whose answer is the entry's own (its date, figure, speaker, answer, blank):
what the leak rule indexes. An event, a quotation or an order is asked from options
that show it anyway."""

_MOST_PART_WORDS = 8
"""Longer answers are looked for whole: a part of a sentence is not the answer."""
_SHORTEST_PART = 3
"""Fewer letters are not an answer shown: the name checker takes "in" for "Moon Jae-in"."""

Ref = tuple[str, str]
"""(deck id, entry id)."""

Accepted = tuple[tuple[str, ...], ...]
"""Answers the checker accepts, each as the folded phrases that must all be shown (one
phrase; every member of a list)."""


def question_texts(question: Question, *, feedback: bool = False) -> list[Shown]:
    """What a learner reads before answering the next question: the prompt (a true/false
    statement is in it), the options (not "True" and "False"), and with ``feedback``
    (after each answer) the answer line, the explanation and the source."""
    texts: list[Shown] = [("prompt", None, question.prompt)]
    if question.format is not QuestionFormat.TRUE_FALSE:
        texts += [("options", n, option) for n, option in enumerate(question.options)]
    if feedback:
        texts.append(("answer", None, question.solution))
        if question.format is QuestionFormat.TRUE_FALSE:
            texts.append(("answer", None, question.key.answer))
        texts += [(f, None, t) for f in ("explanation", "source") if (t := getattr(question, f))]
    return texts


class Sight(NamedTuple):
    """What one question shows, folded: a phrase is shown when ``" phrase "`` is in ``text``
    (each text between spaces, on a line of its own), unless only as a bare option."""

    text: str
    bare: frozenset[str]
    """Its options, whole, and the wrong option a false statement asserts: a distractor
    taken from another question's answer names nothing that question asks, so it gives
    nothing away there (elsewhere in a text, it does)."""


def shown_text(question: Question, *, feedback: bool = False) -> Sight:
    """What ``question`` shows (:func:`question_texts`), to look for answers in."""
    texts = question_texts(question, feedback=feedback)
    return Sight(
        "\n".join(f" {fold(text)} " for _f, _n, text in texts),
        frozenset(fold(text) for field, _n, text in texts if field == "options")
        | _asserted(question),
    )


def _asserted(question: Question) -> frozenset[str]:
    """The wrong option a false statement asserts: a distractor put in this entry's mouth
    says nothing of the entry it came from."""
    if question.format is QuestionFormat.TRUE_FALSE and question.answer == FALSE and question.shown:
        return frozenset({fold(question.shown)})
    return frozenset()


def _date_forms(value: str) -> set[str]:
    parts = value.split("-")
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3:
        return set()
    year = parts[0]
    if len(parts) == 1:
        return {year}
    month = int(parts[1])
    names = {MONTH_NAMES[month - 1].casefold(), MONTH_NAMES[month - 1][:3].casefold()}
    if len(parts) == 2:
        return {f"{year} {parts[1]}"} | {f"{m} {year}" for m in names}
    day = str(int(parts[2]))
    return {f"{year} {parts[1]} {parts[2]}"} | {
        form for m in names for form in (f"{day} {m} {year}", f"{m} {day} {year}")
    }


def _number_forms(value: str) -> set[str]:
    forms = {fold(value)}
    if value.isdigit() and len(value) > 3:
        forms.add(fold(f"{int(value):,}"))
    return forms


def accepted(question: Question) -> Accepted:
    """The answers the checker accepts for ``question``, as shown text would write them.

    A true/false question is answered by the fact it states (its key's answer); an
    ordering by an order, which no one text shows. Dates are written day first, month
    first and ISO; figures with and without thousands separators.
    """
    key = question.key
    if key.mode is Mode.ORDER:
        return ()
    if key.mode is Mode.LIST and key.members:
        return (tuple(sorted({text_key(m) for m in key.members} - {""})),)
    return _accepted(key)


@lru_cache(maxsize=4096)
def _accepted(key: AnswerKey) -> Accepted:
    forms = {text_key(a) for a in (key.answer, *key.accept)}
    if key.mode is Mode.DATE:
        forms |= _date_forms(key.value)
    elif key.mode is Mode.NUMBER:
        forms |= _number_forms(key.value)
    else:
        forms |= _parts(key, forms)
    return tuple((form,) for form in sorted(forms - {""}))


def _parts(key: AnswerKey, forms: set[str]) -> set[str]:
    """The words of a name or answer the checker takes on their own ("Moon" for "Moon
    Jae-in", "Japanese" for "successive Japanese prime ministers"), asked of the checker."""
    found: set[str] = set()
    for form in forms:
        words = form.split()
        if len(words) > _MOST_PART_WORDS:
            continue
        for size in range(1, len(words)):
            for start in range(len(words) - size + 1):
                part = " ".join(words[start : start + size])
                if part in found or len(part.replace(" ", "")) < _SHORTEST_PART:
                    continue
                if key.check(part).outcome is Outcome.CORRECT:
                    found.add(part)
    return found


def shows(sight: Sight, answers: Accepted) -> bool:
    """Whether ``sight`` (a :func:`shown_text`) holds one of ``answers``."""
    return any(all(_holds(sight, phrase) for phrase in answer) for answer in answers)


def _holds(sight: Sight, phrase: str) -> bool:
    return sight.text.count(f" {phrase} ") > (phrase in sight.bare)


def _finder(index: AnswerKeyIndex) -> LeakFinder:
    found = index.memo.get("leak-finder")
    if not isinstance(found, LeakFinder):
        found = index.memo["leak-finder"] = LeakFinder(index.deck.entries)
    return found


class Giveaways:
    """The answers an exam's questions ask and show, so far.

    ``feedback``: whether feedback comes after each answer (then what it shows counts).
    """

    def __init__(self, *, feedback: bool = False) -> None:
        self.feedback = feedback
        self.asked: set[Ref] = set()
        self.shown: set[Ref] = set()
        self.texts: list[Sight] = []
        """What each question taken shows (:func:`shown_text`)."""
        self.answers: list[Accepted] = []
        """What the checker accepts for each question taken (:func:`accepted`)."""
        self.refused = 0
        """Questions left out because they would have given an answer away."""

    def take(self, question: Question, index: AnswerKeyIndex) -> bool:
        """Record ``question`` and say True, or say False if it gives away (or is given
        away by) a question already taken. The leak rule is within a deck; the checker's
        words are across decks."""
        deck = question.deck_id
        asks = (
            {(deck, e) for e in question.entry_ids} if question.target in ASKED_TARGETS else set()
        )
        texts = question_texts(question, feedback=self.feedback)
        leaks = _finder(index).in_question(question.entry_ids, texts)
        shown = {(deck, leak.taker) for leak in leaks}
        text = shown_text(question, feedback=self.feedback)
        answers = accepted(question)
        if (
            asks & self.shown
            or shown & self.asked
            or any(shows(text, taken) for taken in self.answers)
            or (answers and any(shows(taken, answers) for taken in self.texts))
        ):
            self.refused += 1
            return False
        self.asked |= asks
        self.shown |= shown
        self.texts.append(text)
        self.answers.append(answers)
        return True
