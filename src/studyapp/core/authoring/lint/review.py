"""Lint check for drafted entries no author has accepted yet (R001).

``studyapp extract`` marks every entry it drafts ``review: true``; the author reads
each against its source, edits it, and deletes the line. Until then lint lists it,
with the tags the drafter left to say why it needs a closer look.
"""

from __future__ import annotations

from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.decks.model import Deck

__all__ = ["check_review"]

_WHY = {
    "needs-year": "its year is not in the text",
    "needs-context": "its question leans on the text around it",
    "relative-date": "its date was worked out from the article's date",
    "reported": "its words are the article's report of what was said",
}


def check_review(lint: Linter, deck: Deck) -> None:
    for i, entry in enumerate(deck.entries):
        if not entry.review:
            continue
        reasons = [why for tag, why in _WHY.items() if tag in entry.tags]
        extra = f" ({'; '.join(reasons)})" if reasons else ""
        lint.add(
            "R001",
            ("entries", i, "review"),
            f"entry {entry.id!r} is a draft{extra}: check it against its source, edit it, "
            "then delete `review: true`",
        )
