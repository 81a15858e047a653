"""List answers: "Japan, South Korea, Australia and New Zealand" in any order.

A list is right when it names every member once, in any order and joined any
way (commas, "and", "&", "/", ";", one a line); each member is judged as free
text (:func:`~studyapp.core.quiz.answers.text.check_text`), so "the US" names
the United States and a typo in one member makes the list *close*. A list
missing a member is wrong and says which; so is one with a member too many.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from studyapp.core.quiz.answers.normalise import clean, compact, text_key
from studyapp.core.quiz.answers.text import check_text
from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict, no_answer

__all__ = ["check_list", "list_members", "split_list"]

_SEPARATOR = re.compile(r"\s*(?:[,;/&+\n]|\band\b|\bplus\b)\s*", re.IGNORECASE)
_MAX_PARTS = 40


@lru_cache(maxsize=1024)
def list_members(answer: str) -> tuple[str, ...] | None:
    """The members of an answer written as a list of three or more, else None.

    Only "A, B and C" / "A, B, C" shapes count: "Bosnia and Herzegovina" or
    "Camp David, Maryland" are one answer, not a list.
    """
    parts = [p.strip() for p in clean(answer).split(",")]
    if len(parts) < 2 or any(not p for p in parts):
        return None
    last = re.split(r"\s+(?:and|&)\s+", parts[-1], maxsplit=1)
    members = [*parts[:-1], *last]
    if len(members) < 3 or any(len(m.split()) > 6 for m in members):
        return None
    if any(any(c.isdigit() for c in m) for m in members):
        return None
    return tuple(members)


def split_list(text: str, members: Sequence[str] = ()) -> list[str]:
    """The parts of a typed list; "Trinidad and Tobago" stays whole when it is a member."""
    pieces = re.split(r"(\s*(?:[,;/&+\n]|\band\b|\bplus\b)\s*)", clean(text), flags=re.IGNORECASE)
    words, joins = pieces[::2], pieces[1::2]
    known = {compact(text_key(m)) for m in members}
    parts: list[str] = []
    i = 0
    while i < len(words) and len(parts) < _MAX_PARTS:
        end = i
        for k in range(min(len(words) - 1, i + 3), i, -1):
            merged = words[i] + "".join(joins[x] + words[x + 1] for x in range(i, k))
            if compact(text_key(merged)) in known:
                end = k
                break
        parts.append((words[i] + "".join(joins[x] + words[x + 1] for x in range(i, end))).strip())
        i = end + 1
    return [p for p in parts if text_key(p)][:_MAX_PARTS]


def check_list(
    given: str,
    answer: str,
    members: Sequence[str],
    accept: Sequence[str] = (),
    rivals: Sequence[str] = (),
) -> Verdict:
    """Check a list answer: every member once, any order, nothing else."""
    shown = given.strip()
    if not text_key(given):
        return no_answer(answer, shown)
    whole = {compact(text_key(answer))}
    for alias in accept:
        parts = split_list(alias, members)
        if len(parts) <= 1 and not _matches_member(alias, members):
            whole.add(compact(text_key(alias)))  # a name for the whole list ("the Quad")
    if compact(text_key(given)) in whole:
        return make_verdict(Outcome.CORRECT, "correct", answer, shown)
    parts = split_list(given, members)
    left = list(members)
    extra: list[str] = []
    close: list[str] = []
    named: list[str] = []
    for part in parts:
        found = _best_member(part, left, members, rivals)
        if found is None:
            extra.append(part)
            continue
        member, outcome = found
        left.remove(member)
        named.append(member)
        if outcome is Outcome.CLOSE:
            close.append(f"'{part}' for '{member}'")
    if extra:
        also = f"; missing {_join(left)}" if left else ""
        return make_verdict(
            Outcome.WRONG,
            f"{_join(extra)} {'is' if len(extra) == 1 else 'are'} not in the list{also}; "
            f"the answer is '{answer}'",
            answer,
            shown,
        )
    if left:
        return make_verdict(
            Outcome.WRONG,
            f"{len(parts)} of {len(members)}: missing {_join(left)}",
            answer,
            shown,
        )
    if close:
        return make_verdict(Outcome.CLOSE, f"typo: {', '.join(close)}", answer, shown)
    reason = "correct" if named == list(members) else "correct (the order does not matter)"
    return make_verdict(Outcome.CORRECT, reason, answer, shown)


def _matches_member(text: str, members: Sequence[str]) -> bool:
    return any(check_text(text, m).outcome is not Outcome.WRONG for m in members)


def _best_member(
    part: str, left: Sequence[str], members: Sequence[str], rivals: Sequence[str]
) -> tuple[str, Outcome] | None:
    """The member ``part`` names (right, or a typo of it), among those not yet named."""
    best: tuple[str, Outcome] | None = None
    for member in left:
        others = [m for m in members if m != member] + list(rivals)
        outcome = check_text(part, member, (), others).outcome
        if outcome is Outcome.CORRECT:
            return member, outcome
        if outcome is Outcome.CLOSE and best is None:
            best = (member, outcome)
    return best


def _join(items: Sequence[str]) -> str:
    quoted = [f"'{i}'" for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
