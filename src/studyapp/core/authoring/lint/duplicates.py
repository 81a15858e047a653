"""Lint checks for questions asked twice: exactly (D001) or nearly (D002).

Near duplicates are questions of the same kind that differ only by typos or
small words; the similarity scan runs in rapidfuzz so that large decks stay
fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.authoring.lint.wording import content_words, question_path, question_text
from studyapp.core.decks.model import Deck
from studyapp.core.decks.yamlread import Path_
from studyapp.core.quiz.answers.normalise import fold, max_typos

__all__ = ["check_duplicates"]


def check_duplicates(lint: Linter, deck: Deck) -> None:
    seen: dict[tuple[str, str], int] = {}
    by_kind: dict[str, list[tuple[int, str]]] = {}
    for i, entry in enumerate(deck.entries):
        text = question_text(entry)
        key = (entry.kind, fold(text))
        path: Path_ = ("entries", i, question_path(entry))
        if key in seen:
            first = seen[key]
            line, _ = lint.doc.position(("entries", first))
            lint.add(
                "D001",
                path,
                f"same question as entries[{first}] ({deck.entries[first].id!r}, line {line}); "
                "merge them or ask differently",
            )
            continue
        seen[key] = i
        by_kind.setdefault(entry.kind, []).append((i, fold(text)))
    for items in by_kind.values():
        for i, j in _near_pairs(items):
            line, _ = lint.doc.position(("entries", i))
            entry = deck.entries[j]
            lint.add(
                "D002",
                ("entries", j, question_path(entry)),
                f"nearly the same question as entries[{i}] ({deck.entries[i].id!r}, line "
                f"{line}); make the difference clear or merge them",
            )


_NEAR_CUTOFF = 90.0
_BLOCK = 4000


def _near_pairs(items: Sequence[tuple[int, str]]) -> Iterable[tuple[int, int]]:
    """Pairs of questions that differ only by typos or small words.

    The similarity scan runs in rapidfuzz (C); only pairs above the cutoff are
    looked at word by word. Huge decks compare each question with its
    neighbours in sorted order only, which keeps linting linear.
    """
    if len(items) < 2:
        return
    keys = [text for _i, text in items]
    words = [frozenset(content_words(text)) for text in keys]
    if len(items) > _BLOCK:
        order = sorted(range(len(items)), key=lambda k: keys[k])
        pairs: Iterable[tuple[int, int]] = (
            (order[k], order[m])
            for k in range(len(order))
            for m in range(k + 1, min(k + 25, len(order)))
            if fuzz.ratio(keys[order[k]], keys[order[m]], score_cutoff=_NEAR_CUTOFF)
        )
    else:
        pairs = (
            (k, k + 1 + m)
            for k in range(len(keys) - 1)
            for _choice, _score, m in process.extract(
                keys[k], keys[k + 1 :], scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF, limit=None
            )
        )
    for k, m in pairs:
        if keys[k] != keys[m] and _only_trivial_differences(words[k], words[m]):
            i, j = items[k][0], items[m][0]
            yield (min(i, j), max(i, j))


def _only_trivial_differences(wa: frozenset[str], wb: frozenset[str]) -> bool:
    left, right = wa - wb, wb - wa
    for word in left:
        if re.search(r"\d", word) or not any(_typo(word, other) for other in right):
            return False
    for word in right:
        if re.search(r"\d", word) or not any(_typo(word, other) for other in left):
            return False
    return True


def _typo(a: str, b: str) -> bool:
    limit = max(1, max_typos(max(len(a), len(b))) - 1)
    return a[:1] == b[:1] and OSA.distance(a, b, score_cutoff=limit) <= limit
