"""Checking a person's name: titles, either name order, the surname alone, typos.

A name is compared as tokens (:func:`name_tokens`): titles go and hyphens join,
so "President Lee" and "Lee Jae-myung" can both be Lee Jae-myung. A name the
deck's other people share is only *close*; naming one of them is *wrong*.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

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
ROLES = word_set(
    "captain skipper coach manager chair spokesman spokeswoman spokesperson ceo cfo director "
    "commander mayor envoy founder striker midfielder defender goalkeeper winger referee "
    "congressman congresswoman lawmaker mp rep representative minister secretary chairman "
    "chairwoman senator general president premier chancellor governor ambassador"
)
"""Roles a person is named with ("England captain Harry Kane", "coach Maaloul"): they say
what the person does, not who they are, and may follow a team's or a body's name."""
_TITLES = _TITLES | ROLES
_NOT_A_TEAM = word_set(
    "not no never nor neither except but and or without than unlike instead rather the a an "
    "of for with his her their its our my your"
)
"""Words that are never the team or body before a role ("not captain Harry Kane")."""
NEGATIONS = word_set("not no never nor neither except unlike instead rather than")
"""Words that say the answer is *not* a name: "not Harry Kane" names no one."""


def name_tokens(text: str) -> list[str]:
    """A name as comparable tokens: hyphens join (``Jae-myung`` = ``Jaemyung``), titles go."""
    return list(_name_tuple(text))


@lru_cache(maxsize=8192)
def _name_tuple(text: str) -> tuple[str, ...]:
    tokens = list(_all_name_tokens(text))
    while len(tokens) > 1 and tokens[0] in _TITLES:
        tokens.pop(0)
    return tuple(tokens)


_TITLE_SHORT = {
    "pm": ("prime", "minister"),
    "pms": ("prime", "ministers"),
    "fm": ("foreign", "minister"),
    "fms": ("foreign", "ministers"),
    "pres": ("president",),
}
"""Titles written short: "Japanese PMs" are "Japanese prime ministers"."""


@lru_cache(maxsize=8192)
def _all_name_tokens(text: str) -> tuple[str, ...]:
    """A name's tokens, titles kept: "Dean Martin" written "Martin Dean" still has its
    "Dean", which :func:`_name_tuple` would take for a title when it comes first."""
    words = fold(clean(text).replace("-", "")).split()
    return tuple(part for w in words for part in _TITLE_SHORT.get(w, (w,)))


_OF = frozenset({"of", "from"})


@lru_cache(maxsize=8192)
def name_core(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A name without what describes the person, and the countries that described them.

    "South Korean President Lee" -> (lee), {KR}; "President Moon Jae-in of South
    Korea" -> (moon, jaein), {KR}; "Donald J. Trump" -> (donald, trump). Only a
    descriptor before a title ("US President") or after "of"/"from" at the end
    counts as one, so a name that is also a country ("Michael Jordan") stays whole.
    """
    from studyapp.core.quiz.gazetteer import descriptor_country

    tokens = list(_all_name_tokens(text))
    countries: set[str] = set()
    for at in range(1, len(tokens) - 1):
        if tokens[at] in _OF:
            code = descriptor_country(" ".join(tokens[at + 1 :]))
            if code is not None:
                countries.add(code)
                del tokens[at:]
                break
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for size in (3, 2, 1):
            span = " ".join(tokens[:size])
            if len(tokens) > size + 1 and tokens[size] in _TITLES:
                code = descriptor_country(span)
                if code is None and span.endswith("s"):
                    code = descriptor_country(span[:-1])  # "Tunisia's coach"
                if code is not None:
                    countries.add(code)
                    del tokens[:size]
                    changed = True
                    break
                if size <= 2 and tokens[size] in ROLES and _team(tokens[:size]):
                    del tokens[:size]  # "Tottenham striker", "Apple CEO": a team or a body
                    changed = True
                    break
        if not changed and tokens[0] in _TITLES and len(tokens) > 1:
            del tokens[0]
            changed = True
    if len(tokens) >= 3:
        tokens = [t for i, t in enumerate(tokens) if len(t) > 1 or i in (0, len(tokens) - 1)]
    return tuple(tokens), frozenset(countries)


def _team(words: Sequence[str]) -> bool:
    """Whether ``words`` may name a team or a body before a role: plain words, no negation."""
    return all(w.isalpha() and w not in _NOT_A_TEAM and w not in _TITLES for w in words)


def _team_words(words: set[str]) -> set[str]:
    """The words of ``words`` that may be part of a person's name: not a role, a function
    word or a country ("England" in "England captain Harry Kane" names no one)."""
    from studyapp.core.quiz.gazetteer import descriptor_country

    return {w for w in words - _TITLES - _NOT_A_TEAM if descriptor_country(w) is None}


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
    share ("Lee") is only *close*: it does not say which one. What describes the
    person rather than naming them ("South Korean President", "of South Korea",
    a middle initial) does not count against a name (:func:`name_core`), unless
    it names another country than the answer's own descriptors.
    """
    verdict, named_rival = _judge(given, name, aliases, rivals, rival_people, _plain)
    if verdict.outcome is Outcome.CORRECT or named_rival:
        return verdict
    core, countries = name_core(given)
    if core == _all_name_tokens(given) and not countries:
        return verdict
    written = set(_all_name_tokens(given))
    dropped = _team_words(written - set(core))
    others = {t for r in [*rivals, *(f for p in rival_people for f in p)] for t in name_tokens(r)}
    if written & NEGATIONS or dropped & others:
        return verdict  # "not Harry Kane"; "Maaloul coach Harry Kane" names someone else
    own = {c for f in [name, *aliases] for c in name_core(f)[1]}
    if own and countries and not countries & own:
        # "Chinese prime ministers" for "Japanese prime ministers": not a typo
        return make_verdict(Outcome.WRONG, f"the answer is {name}", name, given.strip(), note="")
    bare, bare_rival = _judge(given, name, aliases, rivals, rival_people, _core)
    if bare_rival or _RANK[bare.outcome] > _RANK[verdict.outcome]:
        return bare  # better, or says whom "South Korean President Moon" names
    return verdict


_RANK = {Outcome.WRONG: 0, Outcome.CLOSE: 1, Outcome.CORRECT: 2}


class _Tokens(Protocol):
    def __call__(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]: ...


def _plain(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tokens without leading titles, all tokens): names as written."""
    return _name_tuple(text), _all_name_tokens(text)


def _core(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(core tokens, core tokens): names without their descriptors."""
    core = name_core(text)[0]
    return core, core


def _judge(
    given: str,
    name: str,
    aliases: Sequence[str],
    rivals: Sequence[str],
    rival_people: Sequence[Sequence[str]],
    tokens_of: _Tokens,
) -> tuple[Verdict, bool]:
    """The verdict on ``given``, names read by ``tokens_of``; and whether it named a rival."""
    shown = given.strip()

    def name_tokens(text: str) -> list[str]:
        return list(tokens_of(text)[0])

    def _all_name_tokens(text: str) -> tuple[str, ...]:
        return tokens_of(text)[1]

    tokens = name_tokens(given)
    if not tokens:
        return no_answer(name, shown), False
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
        which = f"more than one person in this deck is called '{shown}'; give the full name"
        return make_verdict(Outcome.CLOSE, which, name, shown, note=which)

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
            return shared(), False
        note = "" if g in forms else "name order does not matter"
        reason = f"correct ({note})" if note else "correct"
        return make_verdict(Outcome.CORRECT, reason, name, shown, note=note), False
    if g in rival_keys or tuple(sorted(tokens)) in rival_sorted:
        other = rival_keys.get(g) or rival_sorted[tuple(sorted(tokens))]
        who = f"{other} is" if name_key(other) == name_key(shown) else f"'{shown}' is {other},"
        other_person = f"{who} another person in this deck"
        verdict = make_verdict(
            Outcome.WRONG,
            f"{other_person}; the answer is {name}",
            name,
            shown,
            note=other_person,
        )
        return verdict, True
    if len(tokens) == 1:
        part = tokens[0]
        ends = {t[0] for t in form_tokens if len(t) >= 2} | {
            t[-1] for t in form_tokens if len(t) >= 2
        }
        parts = {p for t in form_tokens for p in t if len(p) >= 2}
        if part in parts:
            if part in rival_parts:
                return shared(), False
            if part in ends:
                return make_verdict(Outcome.CORRECT, "correct", name, shown, note=""), False
            verdict = make_verdict(
                Outcome.CLOSE,
                f"part of the name: the answer is {name}",
                name,
                shown,
                note="part of the name",
            )
            return verdict, False
        if part in rival_parts:
            other_person = f"'{shown}' is {rival_parts[part]}, another person in this deck"
            verdict = make_verdict(
                Outcome.WRONG,
                f"{other_person}; the answer is {name}",
                name,
                shown,
                note=other_person,
            )
            return verdict, True
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
            near = f"'{shown}' is as close to {rival}, another person in this deck"
            verdict = make_verdict(
                Outcome.WRONG, f"{near}; the answer is {name}", name, shown, note=near
            )
            return verdict, True
        if _romanised(tokens, form_tokens, rival_tokens):
            # "Lee Jae Myeong" is a letter from Lee Jae-myung, but no slip of the keys
            return _another_spelling(name, shown), False
        wrote = f"typo: you wrote '{shown}'"
        typo_verdict = make_verdict(
            Outcome.CLOSE, f"{wrote}; it is {name}", name, shown, note=wrote
        )
        return typo_verdict, False
    if _romanised(tokens, form_tokens, rival_tokens):
        return _another_spelling(name, shown), False
    return make_verdict(Outcome.WRONG, f"the answer is {name}", name, shown, note=""), False


def _romanised(
    tokens: Sequence[str],
    form_tokens: Sequence[Sequence[str]],
    rival_tokens: Sequence[tuple[Sequence[str], str]],
) -> bool:
    """Whether a name of two or more words is another romanisation of the answer's, and
    of no rival's (:func:`~studyapp.core.quiz.answers.wordforms.romanisation_key`)."""
    if len(tokens) < 2 or len("".join(tokens)) > 60:
        return False
    spelt = romanisation_key(" ".join(tokens))
    return any(spelt & romanisation_key(" ".join(t)) for t in form_tokens) and not any(
        spelt & romanisation_key(" ".join(t)) for t, _ in rival_tokens
    )


def _another_spelling(name: str, shown: str) -> Verdict:
    """Close, and said to be a spelling: the learner knew the name, not our romanisation."""
    return make_verdict(
        Outcome.CLOSE,
        f"another spelling of the name: it is written {name} here",
        name,
        shown,
        note="another spelling of the name",
    )
