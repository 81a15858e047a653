"""Lint check for answers given away by other entries (L001).

The relation is :func:`studyapp.core.decks.leaks.find_leaks`, the very one the
study queue spaces entries by, so what ``lint`` reports is what the queue does.
The answer checker (``quiz.answers``) then says how plainly the words found give
the answer away: whether it would accept them, typed, as the answer itself.
"""

from __future__ import annotations

from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.decks.leaks import find_leaks
from studyapp.core.decks.model import AnyEntry, Deck
from studyapp.core.quiz.answers.judge import check_entry
from studyapp.core.quiz.answers.verdict import Outcome

__all__ = ["check_leaks"]


def _accepted(entry: AnyEntry, words: str) -> bool:
    """Whether the checker takes ``words`` as the right answer to ``entry``'s first card."""
    try:
        return check_entry(entry, words).outcome is Outcome.CORRECT
    except (ValueError, LookupError):  # pragma: no cover - a kind without a typed answer
        return False


def check_leaks(lint: Linter, deck: Deck) -> None:
    """One finding per pair of entries: where the first of its texts gives the answer."""
    index = {entry.id: i for i, entry in enumerate(deck.entries)}
    reported: set[tuple[str, str]] = set()
    for leak in find_leaks(deck.entries):
        if (leak.giver, leak.taker) in reported:
            continue
        reported.add((leak.giver, leak.taker))
        taker = deck.entries[index[leak.taker]]
        plainly = ", an answer the checker accepts" if _accepted(taker, leak.answer) else ""
        advice = "; reword the explanation" if leak.field == "explanation" else ""
        lint.add(
            "L001",
            ("entries", index[leak.giver], leak.field),
            f"gives away the answer of entry {leak.taker!r} ({leak.answer!r}{plainly}): "
            f"the queue keeps {leak.giver!r} and {leak.taker!r} on different days{advice}",
        )
