"""Checking free text: the answer or an accepted form, a typo, partly right, or wrong.

Free text is compared by :func:`~studyapp.core.quiz.answers.normalise.text_key`;
a typo or a part of the answer only counts when it is not as much a rival's.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from studyapp.core.quiz.answers.normalise import (
    best_typo,
    compact,
    nearest_rival,
    text_key,
)
from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict, no_answer

__all__ = ["check_text"]

_STOPWORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "for", "with", "by"})


def check_text(
    given: str, answer: str, accept: Sequence[str] = (), rivals: Sequence[str] = ()
) -> Verdict:
    """Check free text against the answer and its accepted alternatives.

    A typo (by :func:`~studyapp.core.quiz.answers.normalise.max_typos`) is *close*;
    an answer equal to a rival, or a "typo" at least as near a rival as the answer,
    is *wrong*.
    """
    shown = given.strip()
    g = compact(text_key(given))
    if not g:
        return no_answer(answer, shown)
    forms: dict[str, str] = {}
    for form in [answer, *accept]:
        forms.setdefault(compact(text_key(form)), form)
    forms.pop("", None)
    if g in forms:
        return make_verdict(Outcome.CORRECT, "correct", answer, shown)
    rival_keys = _rival_keys(rivals, forms)
    if g in rival_keys:
        return make_verdict(
            Outcome.WRONG,
            f"'{rival_keys[g]}' is a different answer in this deck; the answer is '{answer}'",
            answer,
            shown,
        )
    typo = best_typo(g, forms)
    if typo is not None:
        distance, form = typo
        rival = nearest_rival(g, rival_keys, distance)
        if rival is not None:
            return make_verdict(
                Outcome.WRONG,
                f"'{shown}' is as close to '{rival}', a different answer in this deck; "
                f"the answer is '{answer}'",
                answer,
                shown,
            )
        return make_verdict(
            Outcome.CLOSE, f"typo: you wrote '{shown}'; it is '{form}'", answer, shown
        )
    partial = _partial(text_key(given), forms, rival_keys)
    if partial is not None:
        return make_verdict(
            Outcome.CLOSE, f"partly right: the full answer is '{partial}'", answer, shown
        )
    return make_verdict(Outcome.WRONG, f"the answer is '{answer}'", answer, shown)


def _rival_keys(rivals: Sequence[str], forms: dict[str, str]) -> dict[str, str]:
    """Rivals by compact key, minus any that are also accepted forms of the answer."""
    table = _rival_table(tuple(rivals))
    if not any(k in table for k in forms):
        return table
    return {k: r for k, r in table.items() if k not in forms}


@lru_cache(maxsize=1024)
def _rival_table(rivals: tuple[str, ...]) -> dict[str, str]:
    """Compact text key -> rival, built once per rival list (keys share theirs)."""
    out: dict[str, str] = {}
    for rival in rivals:
        k = compact(text_key(rival))
        if k:
            out.setdefault(k, rival)
    return out


def _content_words(key: str) -> set[str]:
    return {w for w in key.split() if w not in _STOPWORDS}


def _partial(given_key: str, forms: dict[str, str], rivals: dict[str, str]) -> str | None:
    """The form the answer is a clear part of (most of its words, no extra), else None.

    "Camp David" for "Camp David Principles" is partly right, unless it is just
    as much a part of a rival answer.
    """
    words = _content_words(given_key)
    if not words:
        return None
    for form in forms.values():
        full = _content_words(text_key(form))
        if len(full) >= 2 and words < full and len(words) / len(full) >= 0.6:
            for rival in rivals.values():
                rival_words = _content_words(text_key(rival))
                if words <= rival_words and len(words) / max(len(rival_words), 1) >= 0.5:
                    return None
            return form
    return None
