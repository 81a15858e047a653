"""What an entry asks, and whole-word matching in folded text, for the lint checks.

Shared by the per-entry and duplicate checks: the question text a learner is
shown, the field that holds it (where a finding points), and the folded
word matching that decides whether an answer shows in a prompt or source.
"""

from __future__ import annotations

import re

from studyapp.core.authoring.extract.sentences import word_list
from studyapp.core.decks.model import (
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers.normalise import fold

__all__ = ["content_words", "question_path", "question_text", "words_in"]


def question_text(entry: AnyEntry) -> str:
    """What a learner is shown when asked this entry's main card."""
    if isinstance(entry, QaEntry | ChoiceEntry):
        return entry.prompt
    if isinstance(entry, DateEntry):
        return entry.prompt or entry.event
    if isinstance(entry, FigureEntry):
        return entry.prompt or entry.measure
    if isinstance(entry, QuoteEntry):
        return entry.quote
    if isinstance(entry, ClozeEntry):
        return entry.text
    return f"{entry.prompt or ''} {' / '.join(entry.events)}"


def question_path(entry: AnyEntry) -> str:
    if isinstance(entry, DateEntry):
        return "prompt" if entry.prompt else "event"
    if isinstance(entry, FigureEntry):
        return "prompt" if entry.prompt else "measure"
    if isinstance(entry, QuoteEntry):
        return "quote"
    if isinstance(entry, ClozeEntry):
        return "text"
    return "prompt"


def words_in(needle: str, haystack: str) -> bool:
    """Whether folded ``needle`` occurs in folded ``haystack`` as whole words."""
    n, h = fold(needle), fold(haystack)
    if not n:
        return False
    return re.search(rf"(?<![\w.]){re.escape(n)}(?![\w]|\.\d)", h) is not None


_STOP = frozenset(
    word_list(
        "a an the of and or in on to for with by at from as is was were are be it its this "
        "that what which who whom when where why how did does do"
    )
)


def content_words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in _STOP]
