"""List answers: "Japan, South Korea, Australia and New Zealand" in any order.

A list is right when it names every member once, in any order and joined any
way (commas, "and", "&", "/", ";", one a line); each member is judged as free
text (:func:`~studyapp.core.quiz.answers.text.check_text`), so "the US" names
the United States and a typo in one member makes the list *close*, and so
does a place without the words that tell which ("Korea" for "South Korea":
:func:`_incomplete_place`). Commas and "and" may be left out
(:func:`~studyapp.core.quiz.answers.spacedlist.spaced_members`). A list
missing a member is wrong and says which; so is one with a member too many.
An answer of parts joined by "and" ("both A and B", "A, B and C") is a list of
those parts (:func:`conjunction_members`) unless its question asks for an order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from studyapp.core.quiz.answers.normalise import clean, compact, text_key
from studyapp.core.quiz.answers.spacedlist import spaced_members
from studyapp.core.quiz.answers.text import NEAR_MISSES, check_text
from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict, no_answer

__all__ = [
    "asks_for_order",
    "check_list",
    "conjunction_members",
    "list_members",
    "split_list",
]

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


_BOTH = re.compile(r"^\s*both\s+", re.IGNORECASE)
_ORDER_WORDS = re.compile(
    r"\b(?:in (?:\w+ )?order|order(?:ed)?|sequence|respectively|chronolog\w*|ranked|ranking)\b",
    re.IGNORECASE,
)


def asks_for_order(prompt: str) -> bool:
    """Whether a question asks for its parts in a set order ("in order", "respectively")."""
    return _ORDER_WORDS.search(prompt) is not None


@lru_cache(maxsize=1024)
def conjunction_members(answer: str) -> tuple[str, ...] | None:
    """The parts of an answer joined by "and" ("both A and B", "A, B and C"), else None.

    One name that happens to hold an "and" stays whole: a country ("Bosnia and
    Herzegovina"), an organisation ("Department of Health and Human Services").
    Parts of a sentence are not parts of a list: each part has at most six words.
    """
    from studyapp.core.quiz.answers.places import place_id
    from studyapp.core.quiz.gazetteer import is_organisation_name

    text = _BOTH.sub("", clean(answer)).strip()
    if len(text) > 200 or any(c.isdigit() for c in text):
        return None
    if not re.search(r"\s(?:and|&)\s", text, re.IGNORECASE):
        return None
    if place_id(text) is not None or is_organisation_name(text):
        return None
    head, last = re.split(r"\s*,?\s+(?:and|&)\s+", text, maxsplit=1, flags=re.IGNORECASE)
    parts = [p.strip() for p in [*head.split(","), last]]
    if len(parts) < 2 or any(not text_key(p) or len(p.split()) > 6 for p in parts):
        return None
    if re.search(r"\s(?:and|&)\s", last, re.IGNORECASE):
        return None  # "A and B and C" reads as a phrase, not a list
    keys = [compact(text_key(p)) for p in parts]
    if len(set(keys)) != len(keys):
        return None
    return tuple(parts)


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
    whole = {compact(text_key(answer)), compact(text_key(_BOTH.sub("", answer)))}
    forms: dict[str, list[str]] = {m: [] for m in members}
    for alias in accept:
        parts = split_list(alias, members)
        if len(parts) <= 1 and not _matches_member(alias, members):
            whole.add(compact(text_key(alias)))  # a name for the whole list ("the Quad")
        elif len(parts) == len(members):
            whole.add(compact(text_key(alias)))  # the whole list, written another way
            _learn_member_forms(parts, members, forms)
    if compact(text_key(given)) in whole:
        return make_verdict(Outcome.CORRECT, "correct", answer, shown, note="")
    if not any(_BOTH.match(m) for m in members):
        given = _BOTH.sub("", given)  # "both A and B" is "A and B"
    parts = spaced_members(given, members, forms) or _read_parts(
        split_list(given, members), members, forms, rivals
    )
    left = list(members)
    extra: list[str] = []
    close: dict[str, list[str]] = {}
    named: list[str] = []
    for part in parts:
        found = _best_member(part, left, members, rivals, forms)
        if found is None or found[1] == "typo":
            # "Zealand" is New Zealand without a word, not a typo of it
            place = _incomplete_place(part, left, members, rivals)
            found = (place, "incomplete") if place is not None else found
        if found is None:
            extra.append(part)
            continue
        member, kind = found
        left.remove(member)
        named.append(member)
        if kind:
            close.setdefault(kind, []).append(f"'{part}' for '{member}'")
    if extra and len(parts) < len(members):
        # A join mistyped ("regional security an global stability") ran two parts into
        # one: judge the whole as text, where it is a typo.
        whole_text = check_text(given, answer, accept, rivals, partial=False)
        if whole_text.outcome is not Outcome.WRONG:
            return whole_text
    if extra:
        also = f"; missing {_join(left)}" if left else ""
        not_in = f"{_join(extra)} {'is' if len(extra) == 1 else 'are'} not in the list{also}"
        return make_verdict(
            Outcome.WRONG, f"{not_in}; the answer is '{answer}'", answer, shown, note=not_in
        )
    if left:
        missing = f"{len(parts)} of {len(members)}: missing {_join(left)}"
        return make_verdict(Outcome.WRONG, missing, answer, shown, note=missing)
    if close:
        near = "; ".join(f"{kind}: {', '.join(found)}" for kind, found in close.items())
        return make_verdict(Outcome.CLOSE, near, answer, shown, note=near)
    note = "" if named == list(members) else "the order does not matter"
    reason = f"correct ({note})" if note else "correct"
    return make_verdict(Outcome.CORRECT, reason, answer, shown, note=note)


def _matches_member(text: str, members: Sequence[str]) -> bool:
    return any(check_text(text, m).outcome is not Outcome.WRONG for m in members)


def _learn_member_forms(
    parts: Sequence[str], members: Sequence[str], forms: dict[str, list[str]]
) -> None:
    """Another way to write a member, from an accepted alias of the whole list.

    "US and China" accepted for "the United States and China": the one part that
    names no member is the other way to write the one member it leaves unnamed.
    """
    left = list(members)
    unmatched: list[str] = []
    for part in parts:
        member = next(
            (m for m in left if check_text(part, m, forms[m]).outcome is Outcome.CORRECT), None
        )
        if member is None:
            unmatched.append(part)
        else:
            left.remove(member)
    if len(unmatched) == 1 and len(left) == 1:
        forms[left[0]].append(unmatched[0])


def _read_parts(
    parts: Sequence[str],
    members: Sequence[str],
    forms: dict[str, list[str]],
    rivals: Sequence[str] = (),
) -> list[str]:
    """The parts, each run of members typed with spaces only cut into those members
    ("japan, south korea australia": the comma was typed, the second one was not)."""

    def same(words: str, member: str) -> bool:
        return check_text(words, member, forms[member]).outcome is Outcome.CORRECT

    def near(words: str, member: str) -> bool:
        outcome = check_text(words, member, forms[member]).outcome
        if outcome is Outcome.CORRECT:
            return True
        if outcome is Outcome.CLOSE:  # a typo within the member's words, never a word more
            return len(words.split()) <= len(text_key(member).split())
        return _incomplete_place(words, [member], members, rivals) == member

    out: list[str] = []
    for part in parts:
        # Words that name the members only nearly ("japan korea australia nz": "korea"
        # is part of "South Korea") are cut there too, if that is the one reading: each
        # run is then judged as a member, close where it is close, as with commas.
        out.extend(
            spaced_members(part, members, forms, same)
            or spaced_members(part, members, forms, near)
            or [part]
        )
    return out


def _best_member(
    part: str,
    left: Sequence[str],
    members: Sequence[str],
    rivals: Sequence[str],
    forms: dict[str, list[str]] | None = None,
) -> tuple[str, str] | None:
    """The member ``part`` names among those not yet named, and how it is only close.

    The second item is "" when ``part`` is right, else what makes it close: a
    "typo" (or another near miss of :data:`NEAR_MISSES`), "another spelling" of a name,
    or "incomplete" (part of the member).
    """
    best: tuple[str, str] | None = None
    for member in left:
        others = [m for m in members if m != member] + list(rivals)
        aliases = forms.get(member, []) if forms else []
        verdict = check_text(part, member, aliases, others)
        if verdict.outcome is Outcome.CORRECT:
            return member, ""
        if verdict.outcome is Outcome.CLOSE and best is None:
            best = (member, _close_kind(verdict.reason))
    return best


def _close_kind(reason: str) -> str:
    """What a close verdict of :func:`check_text` found, in the words of a list's note."""
    if reason.startswith("another spelling"):
        return "another spelling"
    if reason.startswith("partly right"):
        return "incomplete"
    return next((kind for kind in NEAR_MISSES if reason.startswith(kind)), "typo")


def _incomplete_place(
    part: str, left: Sequence[str], members: Sequence[str], rivals: Sequence[str]
) -> str | None:
    """The member ``part`` is a place name of, without the words that tell which place.

    "Korea" for "South Korea", "Zealand" for "New Zealand": the last words of a
    member that names a country or region, no place themselves ("Jersey" is not
    New Jersey, "Guinea" not Papua New Guinea), not an answer of the deck, and
    the end of no other member ("Korea" in a list of North and South Korea
    could be either). Close at best: it does not say which place.
    """
    from studyapp.core.quiz.answers.places import place_id

    words = text_key(part).split()
    if not words or len(words) > 6 or place_id(part) is not None:
        return None
    if any(text_key(r).split() == words for r in rivals):
        return None  # "Korea" is itself an answer of this deck
    ends: dict[str, str] = {}
    for other in members:
        key = text_key(other).split()
        if len(key) > len(words) and key[-len(words) :] == words:
            ends.setdefault(" ".join(key), other)
    if len(ends) != 1:
        return None
    (whole,) = ends.values()
    return whole if whole in left and place_id(whole) is not None else None


def _join(items: Sequence[str]) -> str:
    quoted = [f"'{i}'" for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
