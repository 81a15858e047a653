"""Lint check for one speaker spelled two ways across a deck (N001).

Spellings listed in an entry's ``speaker_aliases`` are accepted; "Ishiba and
Lee" is two people, not a spelling of "Lee".
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.decks.model import Deck, QuoteEntry
from studyapp.core.quiz.answers.normalise import fold, max_typos

__all__ = ["check_speakers"]


def check_speakers(lint: Linter, deck: Deck) -> None:
    first: dict[str, tuple[int, str]] = {}
    aliases: dict[str, set[str]] = {}
    quotes = [(i, e) for i, e in enumerate(deck.entries) if isinstance(e, QuoteEntry)]
    for _i, entry in quotes:
        key = fold(entry.speaker)
        aliases.setdefault(key, set()).update(fold(a) for a in entry.speaker_aliases)
    for i, entry in quotes:
        spelled = entry.speaker
        for other_key, (j, other) in first.items():
            if other == spelled:
                break
            if not _same_person(spelled, other):
                continue
            known = aliases.get(other_key, set()) | aliases.get(fold(spelled), set())
            if fold(spelled) in known or fold(other) in known:
                continue
            line, _ = lint.doc.position(("entries", j, "speaker"))
            lint.add(
                "N001",
                ("entries", i, "speaker"),
                f"speaker {spelled!r} is spelled {other!r} in entries[{j}] (line {line}); use "
                "one spelling, or list the other in speaker_aliases",
            )
            break
        else:
            first.setdefault(fold(spelled), (i, spelled))


def _same_person(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    ca, cb = fa.replace(" ", ""), fb.replace(" ", "")
    if ca == cb:
        return True
    if len(ca) >= 6 and len(cb) >= 6 and OSA.distance(ca, cb) <= max(1, max_typos(len(ca)) - 1):
        return True
    if " and " in f" {fa} " or " and " in f" {fb} ":
        return False  # "Ishiba and Lee" is two people, not a spelling of "Lee"
    ta, tb = set(fa.split()), set(fb.split())
    return bool(ta) and bool(tb) and (ta < tb or tb < ta)
