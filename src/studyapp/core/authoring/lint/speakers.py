"""Lint check for one speaker spelled two ways across a deck (N001).

Spellings listed in an entry's ``speaker_aliases`` are accepted; "Ishiba and
Lee" is two people, not a spelling of "Lee".

Each new spelling is compared with the spellings seen before it, in deck order,
and reported against the first that names the same person. The spellings seen
are indexed by what can make two of them one person (the same letters, a typo,
a name inside a longer one), so a spelling is compared only with the few it
could match, not with every spelling before it.
"""

from __future__ import annotations

from itertools import combinations

from rapidfuzz import process
from rapidfuzz.distance import OSA

from studyapp.core.authoring.extract.sentences import word_list
from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.authoring.lint.wording import folded as fold
from studyapp.core.decks.model import Deck, QuoteEntry
from studyapp.core.quiz.answers.normalise import max_typos

__all__ = ["check_speakers"]

_MAX_SUBSET_TOKENS = 8
"""A spelling with more words than this is compared with every shorter spelling."""


def check_speakers(lint: Linter, deck: Deck) -> None:
    aliases: dict[str, set[str]] = {}
    quotes = [(i, e) for i, e in enumerate(deck.entries) if isinstance(e, QuoteEntry)]
    for _i, entry in quotes:
        key = fold(entry.speaker)
        aliases.setdefault(key, set()).update(fold(a) for a in entry.speaker_aliases)
    seen = _Spellings()
    reported: dict[str, tuple[int, str]] = {}  # spelling -> (entry, spelling) it was told
    for i, entry in quotes:
        spelled = entry.speaker
        if spelled in seen.position:
            continue  # seen before, and nothing before it was the same person
        found = reported.get(spelled)
        if found is None:
            found = _first_other(seen, spelled, aliases)
        if found is None:
            seen.add(spelled, i)
            continue
        reported[spelled] = found  # the spellings before it never change: the same again
        j, other = found
        line, _ = lint.doc.position(("entries", j, "speaker"))
        lint.add(
            "N001",
            ("entries", i, "speaker"),
            f"speaker {spelled!r} is spelled {other!r} in entries[{j}] (line {line}); use "
            "one spelling, or list the other in speaker_aliases",
        )


def _first_other(
    seen: _Spellings, spelled: str, aliases: dict[str, set[str]]
) -> tuple[int, str] | None:
    """The entry and spelling of the first spelling seen that names the same person
    (and is not one of its aliases)."""
    folded = fold(spelled)
    for at in sorted(seen.candidates(spelled)):
        other_key, j, other = seen.order[at]
        if not _same_person(spelled, other):
            continue
        known = aliases.get(other_key, set()) | aliases.get(folded, set())
        if folded in known or fold(other) in known:
            continue
        return j, other
    return None


class _Spellings:
    """The first spelling of each folded name, in deck order, indexed for lookup."""

    def __init__(self) -> None:
        self.order: list[tuple[str, int, str]] = []  # (folded, entry, spelling)
        self.position: dict[str, int] = {}  # spelling -> its place in order
        self._folded: set[str] = set()
        self._compact: dict[str, list[int]] = {}
        self._by_length: dict[int, tuple[list[str], list[int]]] = {}
        self._tokens: dict[frozenset[str], list[int]] = {}
        self._with_token: dict[str, list[int]] = {}

    def add(self, spelled: str, entry: int) -> None:
        folded = fold(spelled)
        if folded in self._folded:
            return  # the first spelling of a folded name stands for it
        at = len(self.order)
        self._folded.add(folded)
        self.order.append((folded, entry, spelled))
        self.position[spelled] = at
        compact = folded.replace(" ", "")
        self._compact.setdefault(compact, []).append(at)
        texts, places = self._by_length.setdefault(len(compact), ([], []))
        texts.append(compact)
        places.append(at)
        tokens = frozenset(folded.split())
        self._tokens.setdefault(tokens, []).append(at)
        for token in tokens:
            self._with_token.setdefault(token, []).append(at)

    def candidates(self, spelled: str) -> set[int]:
        """Places of every spelling :func:`_same_person` could accept (and a few more)."""
        folded = fold(spelled)
        compact = folded.replace(" ", "")
        found = set(self._compact.get(compact, ()))
        if len(compact) >= 6:
            limit = max(1, max_typos(len(compact)) - 1)
            for size in range(max(6, len(compact) - limit), len(compact) + limit + 1):
                texts, places = self._by_length.get(size, ((), ()))
                for _text, _distance, k in process.extract(
                    compact, texts, scorer=OSA.distance, score_cutoff=limit, limit=None
                ):
                    found.add(places[k])
        tokens = frozenset(folded.split())
        if tokens:
            # shorter names inside this one: every part of its words
            if len(tokens) <= _MAX_SUBSET_TOKENS:
                for size in range(1, len(tokens)):
                    for part in combinations(sorted(tokens), size):
                        found.update(self._tokens.get(frozenset(part), ()))
            else:
                found.update(
                    at for part, ats in self._tokens.items() if part < tokens for at in ats
                )
            # longer names this one is inside: those with all of its words
            lists = sorted((self._with_token.get(t, []) for t in tokens), key=len)
            common = set(lists[0])
            for more in lists[1:]:
                common.intersection_update(more)
            found |= common
        return found


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
    if not (ta and tb and (ta < tb or tb < ta)):
        return False
    short, long_ = (fa, fb) if len(ta) < len(tb) else (fb, fa)
    # "Anthropic spokesperson" speaks for Anthropic but is not Anthropic
    return not (long_.startswith(short + " ") and set(long_[len(short) :].split()) & _ROLES_AFTER)


_ROLES_AFTER = frozenset(
    word_list(
        "spokesperson spokesman spokeswoman spokespeople lawyer lawyers attorney attorneys "
        "official officials staff staffer staffers aide aides chief ceo president chairman "
        "chair director directors minister ministers secretary spokesmen members member "
        "leaders leader government ministry department office board council committee "
        "representative representatives envoy ambassador embassy researchers scientists"
    )
)
"""Words that, after a name, make another speaker of it: "Anthropic spokesperson", "Toyota
officials" (before it they are a title: "President Obama" is Obama)."""
