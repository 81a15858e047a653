"""Checking a person's name: titles, either name order, the surname alone, typos.

A name is compared as tokens (:func:`name_tokens`): titles go and hyphens join,
so "President Lee" and "Lee Jae-myung" can both be Lee Jae-myung. A name the
deck's other people share is only *close*; naming one of them is *wrong*.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from studyapp.core.quiz.answers.normalise import (
    best_typo,
    clean,
    fold,
    nearest_rival,
    word_set,
)
from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict, no_answer
from studyapp.core.quiz.answers.wordforms import romanisation_key

__all__ = ["check_name"]

_TITLES = word_set(
    "president former late prime minister pm premier chancellor secretary general foreign vice "
    "mr mrs ms miss mister madam dr prof professor sir dame lord lady king queen emperor "
    "chairman chairwoman senator governor ambassador the"
)


def name_tokens(text: str) -> list[str]:
    """A name as comparable tokens: hyphens join (``Jae-myung`` = ``Jaemyung``), titles go."""
    return list(_name_tuple(text))


@lru_cache(maxsize=8192)
def _name_tuple(text: str) -> tuple[str, ...]:
    tokens = list(_all_name_tokens(text))
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens.pop(0)
    return tuple(tokens)


@lru_cache(maxsize=8192)
def _all_name_tokens(text: str) -> tuple[str, ...]:
    """A name's tokens, titles kept: "Dean Martin" written "Martin Dean" still has its
    "Dean", which :func:`_name_tuple` would take for a title when it comes first."""
    return tuple(fold(clean(text).replace("-", "")).split())


def name_key(text: str) -> str:
    """A name's comparison key: its tokens (:func:`name_tokens`) joined by spaces."""
    return " ".join(name_tokens(text))


def check_name(
    given: str,
    name: str,
    aliases: Sequence[str] = (),
    rivals: Sequence[str] = (),
    *,
    rival_people: Sequence[Sequence[str]] = (),
) -> Verdict:
    """Check a person's name: aliases, titles, either name order, surname alone, typos.

    ``rivals`` are other names; ``rival_people`` the deck's other people, each
    as (name, *aliases), so a reason can name who was meant. A name two people
    share ("Lee") is only *close*: it does not say which one.
    """
    shown = given.strip()
    tokens = name_tokens(given)
    if not tokens:
        return no_answer(name, shown)
    g = "".join(tokens)
    form_tokens = [name_tokens(f) for f in [name, *aliases]]
    forms = {"".join(t): f for t, f in zip(form_tokens, [name, *aliases], strict=True) if t}
    rival_tokens = [(name_tokens(r), r) for r in rivals]
    rival_tokens += [(name_tokens(f), group[0]) for group in rival_people for f in group]
    rival_keys: dict[str, str] = {}
    rival_sorted: dict[tuple[str, ...], str] = {}
    rival_parts: dict[str, str] = {}
    for t, r in rival_tokens:
        if t:
            rival_keys.setdefault("".join(t), r)
            rival_sorted.setdefault(tuple(sorted(t)), r)
            for part in t:
                if len(part) >= 2:
                    rival_parts.setdefault(part, r)

    def shared() -> Verdict:
        return make_verdict(
            Outcome.CLOSE,
            f"more than one person in this deck is called '{shown}'; give the full name",
            name,
            shown,
        )

    in_any_order = sorted(_all_name_tokens(given))
    matched = (
        g in forms
        or any(sorted(tokens) == sorted(t) for t in form_tokens if t)
        or any(in_any_order == sorted(_all_name_tokens(f)) for f in [name, *aliases])
    )
    if matched:
        full = name_tokens(name)
        if (g in rival_keys or tuple(sorted(tokens)) in rival_sorted) and sorted(tokens) != sorted(
            full
        ):
            return shared()
        reason = "correct" if g in forms else "correct (name order does not matter)"
        return make_verdict(Outcome.CORRECT, reason, name, shown)
    if g in rival_keys or tuple(sorted(tokens)) in rival_sorted:
        other = rival_keys.get(g) or rival_sorted[tuple(sorted(tokens))]
        who = f"{other} is" if name_key(other) == name_key(shown) else f"'{shown}' is {other},"
        return make_verdict(
            Outcome.WRONG,
            f"{who} another person in this deck; the answer is {name}",
            name,
            shown,
        )
    if len(tokens) == 1:
        part = tokens[0]
        ends = {t[0] for t in form_tokens if len(t) >= 2} | {
            t[-1] for t in form_tokens if len(t) >= 2
        }
        parts = {p for t in form_tokens for p in t if len(p) >= 2}
        if part in parts:
            if part in rival_parts:
                return shared()
            if part in ends:
                return make_verdict(Outcome.CORRECT, "correct", name, shown)
            return make_verdict(
                Outcome.CLOSE, f"part of the name: the answer is {name}", name, shown
            )
        if part in rival_parts:
            return make_verdict(
                Outcome.WRONG,
                f"'{shown}' is {rival_parts[part]}, another person in this deck; "
                f"the answer is {name}",
                name,
                shown,
            )
    candidates = dict(forms)
    rival_candidates = dict(rival_keys)
    if len(tokens) == 1:
        for t in form_tokens:
            for p in t:
                candidates.setdefault(p, name)
        for p, r in rival_parts.items():
            if p not in candidates:
                rival_candidates.setdefault(p, r)
    typo = best_typo(g, candidates)
    if typo is not None:
        distance, _ = typo
        rival = nearest_rival(g, rival_candidates, distance)
        if rival is not None:
            return make_verdict(
                Outcome.WRONG,
                f"'{shown}' is as close to {rival}, another person in this deck; "
                f"the answer is {name}",
                name,
                shown,
            )
        return make_verdict(Outcome.CLOSE, f"typo: you wrote '{shown}'; it is {name}", name, shown)
    if len(tokens) >= 2 and len(g) <= 60:
        spelt = romanisation_key(" ".join(tokens))
        if any(spelt & romanisation_key(" ".join(t)) for t in form_tokens) and not any(
            spelt & romanisation_key(" ".join(t)) for t, _ in rival_tokens
        ):
            return make_verdict(
                Outcome.CLOSE,
                f"another spelling of the name: it is written {name} here",
                name,
                shown,
            )
    return make_verdict(Outcome.WRONG, f"the answer is {name}", name, shown)
