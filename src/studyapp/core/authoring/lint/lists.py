"""Lint of list answers: an ``accept`` alias that names only part of the list.

``accept: [South Korea, Japan, Australia and New Zealand]`` is three aliases in
YAML, not one: it makes "Japan" alone a right answer to "which four
countries...?". The checker ignores such an alias for a list answer; lint tells
the author, who probably meant ``members:``.
"""

from __future__ import annotations

from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.authoring.lint.wording import quoted
from studyapp.core.decks.model import Deck, QaEntry
from studyapp.core.quiz.answers.lists import check_list, list_members
from studyapp.core.quiz.answers.verdict import Outcome

__all__ = ["check_list_accepts"]


def check_list_accepts(lint: Linter, deck: Deck) -> None:
    """L101: an ``accept`` alias of a list answer that leaves members out."""
    for i, entry in enumerate(deck.entries):
        if not isinstance(entry, QaEntry):
            continue
        members = entry.members or list_members(entry.answer)
        if not members:
            continue
        for j, alias in enumerate(entry.accept):
            verdict = check_list(alias, entry.answer, members)
            if (
                verdict.outcome is Outcome.WRONG
                and "missing" in verdict.reason
                and (
                    " is not in the list" not in verdict.reason
                    and " are not in the list" not in verdict.reason
                )
            ):
                lint.add(
                    "A001",
                    ("entries", i, "accept", j),
                    f"{quoted(alias)} is only part of the list answer {quoted(entry.answer)}; "
                    "a learner who gives only that part is not right. Write the list as `members:` "
                    "or quote the whole alias",
                )
