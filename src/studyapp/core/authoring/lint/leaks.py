"""Lint checks for answers given away by other entries (L002 in a question, L001 in notes).

The relation is :func:`studyapp.core.decks.leaks.find_leaks`, the very one the
study queue spaces entries by, so what ``lint`` reports is what the queue does.
The answer checker (``quiz.answers``) then says how plainly the words found give
the answer away: whether it would accept them, typed, as the answer itself.
"""

from __future__ import annotations

from studyapp.core.authoring.lint.acceptance import accepting_key, accepts
from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.decks.leaks import find_leaks
from studyapp.core.decks.model import AnyEntry, Deck
from studyapp.core.quiz.answers.keys import AnswerKey

__all__ = ["check_leaks"]


class _Accepts:
    """Whether the checker takes some words as the right answer to an entry's first card,
    as :func:`check_entry` judges them; each entry's answer key built once and each
    (entry, words) judged once (an article's leaks repeat the same answer ten times)."""

    def __init__(self) -> None:
        self._keys: dict[str, AnswerKey | None] = {}
        self._judged: dict[tuple[str, str], bool] = {}

    def __call__(self, entry: AnyEntry, words: str) -> bool:
        memo = (entry.id, words)
        found = self._judged.get(memo)
        if found is None:
            found = self._judged[memo] = self._judge(entry, words)
        return found

    def _judge(self, entry: AnyEntry, words: str) -> bool:
        if entry.id not in self._keys:
            try:  # what check_entry builds each call, lookalikes aside
                self._keys[entry.id] = accepting_key(entry)
            except (ValueError, LookupError):  # pragma: no cover - no typed answer
                self._keys[entry.id] = None
        key = self._keys[entry.id]
        if key is None:  # pragma: no cover
            return False
        try:
            return accepts(key, words)
        except (ValueError, LookupError):  # pragma: no cover - a kind without a typed answer
            return False


def check_leaks(lint: Linter, deck: Deck) -> None:
    """One finding per pair of entries and place (question, notes): the first text found."""
    index = {entry.id: i for i, entry in enumerate(deck.entries)}
    reported: set[tuple[str, str, bool]] = set()
    _accepted = _Accepts()
    for leak in find_leaks(deck.entries):
        pair = (leak.giver, leak.taker, leak.in_question)
        if pair in reported:
            continue
        reported.add(pair)
        taker = deck.entries[index[leak.taker]]
        plainly = ", an answer the checker accepts" if _accepted(taker, leak.answer) else ""
        path: tuple[str | int, ...] = ("entries", index[leak.giver], leak.field)
        if leak.item is not None:
            path += (leak.item,)
        if leak.in_question:
            lint.add(
                "L002",
                path,
                f"entry {leak.giver!r} shows the answer of entry {leak.taker!r} "
                f"({leak.answer!r}{plainly}) before that card asks it: reword this "
                f"{leak.field} without it, or drop {leak.taker!r} if it only repeats context",
            )
            continue
        advice = "; reword the explanation" if leak.field == "explanation" else ""
        lint.add(
            "L001",
            path,
            f"gives away the answer of entry {leak.taker!r} ({leak.answer!r}{plainly}): "
            f"the queue keeps {leak.giver!r} and {leak.taker!r} on different days{advice}",
        )
