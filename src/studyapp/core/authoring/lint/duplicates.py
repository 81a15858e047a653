"""Lint checks for questions asked twice: exactly (D001) or nearly (D002).

Near duplicates are questions of the same kind that differ only by typos or
small words. Only questions that could be near duplicates are compared (see
:func:`near_pairs`), in rapidfuzz, so the check grows with the deck, not with
its square.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.authoring.lint.wording import (
    content_words,
    folded,
    question_path,
    question_text,
    quoted,
)
from studyapp.core.base.listing import listed
from studyapp.core.decks.model import DateEntry, Deck, FigureEntry
from studyapp.core.decks.yamlread import Path_
from studyapp.core.quiz.answers.normalise import max_typos

__all__ = ["check_duplicates"]


def check_duplicates(lint: Linter, deck: Deck) -> None:
    seen: dict[tuple[str, str], int] = {}
    by_kind: dict[str, list[tuple[int, str]]] = {}
    _check_labels(lint, deck)
    for i, entry in enumerate(deck.entries):
        text = folded(question_text(entry))
        key = (entry.kind, text)
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
        by_kind.setdefault(entry.kind, []).append((i, text))
    earlier: dict[int, list[int]] = {}
    for items in by_kind.values():
        for i, j in _near_pairs(items):
            earlier.setdefault(j, []).append(i)
    for j, firsts in earlier.items():
        firsts.sort()
        named = []
        for i in firsts[:_NAMED]:
            line, _ = lint.doc.position(("entries", i))
            named.append(f"entries[{i}] ({deck.entries[i].id!r}, line {line})")
        entry = deck.entries[j]
        lint.add(
            "D002",
            ("entries", j, question_path(entry)),
            f"nearly the same question as {listed(named, len(firsts))}; make the difference "
            "clear or merge them",
        )


def _check_labels(lint: Linter, deck: Deck) -> None:
    """D003: a figure's measure (a date's event) is what a true/false statement, a list or
    an export names it by without its prompt; one shared by two entries ("Which minute",
    five goals of one match) names neither, and a statement built on it may be true of
    the other. One finding for each entry after the first."""
    first: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(deck.entries):
        if isinstance(entry, FigureEntry):
            field, label = "measure", entry.measure
        elif isinstance(entry, DateEntry):
            field, label = "event", entry.event
        else:
            continue
        at = first.setdefault((field, folded(label)), i)
        if at == i:
            continue
        line, _ = lint.doc.position(("entries", at))
        what = "measures" if field == "measure" else "is"
        lint.add(
            "D003",
            ("entries", i, field),
            f"same {field} as entries[{at}] ({deck.entries[at].id!r}, line {line}): "
            f"{quoted(label)} names neither alone (a true/false question, the browse list and "
            f"exports show it without the prompt); say what this one {what}",
        )


_NAMED = 3
"""Earlier questions named in one D002 finding; the rest are counted. One finding an
entry, not one a pair: in a word list where many prompts differ by one letter, pairs
grow with the square of the deck."""

_NEAR_CUTOFF = 90.0


def near_pairs(texts: Sequence[str]) -> tuple[list[tuple[int, int]], int]:
    """Pairs (k, m), k < m, of folded questions that differ only by typos or small words;
    and how many questions were looked at as partners (for the tests that hold it linear).

    Every content word of one such question is in the other or is a typo of one of
    the other's words, and a typo keeps its first letter (:func:`_typo`); a word
    with digits may not differ at all. So two such questions have the same words
    with digits and the same first letters of their other words: only questions
    alike in that are compared, by length (a similarity of 90 allows lengths
    within 11:9), in rapidfuzz. A large group of them is split further by its
    words (:func:`_pairs_by_words`). The pairs found are exactly those an
    all-pairs scan finds.
    """
    words = [frozenset(content_words(text)) for text in texts]
    groups: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
    no_numbers: frozenset[str] = frozenset()
    for k, found in enumerate(words):
        if _has_digit(texts[k]):  # most questions have no digit: one search, not one a word
            numbers = frozenset(w for w in found if _has_digit(w))
            initials = frozenset(w[0] for w in found if w not in numbers)
        else:
            numbers, initials = no_numbers, frozenset(w[0] for w in found)
        groups.setdefault((initials, numbers), []).append(k)
    pairs: list[tuple[int, int]] = []
    looked = 0
    for (initials, _numbers), members in groups.items():
        if len(members) < 2:
            continue
        if len(members) > _LARGE_GROUP and initials:
            split, counted = _pairs_by_words(
                [texts[k] for k in members], [words[k] for k in members]
            )
            pairs += [(members[a], members[b]) for a, b in split]
            looked += counted
            continue
        members.sort(key=lambda k: len(texts[k]))
        lengths = [len(texts[k]) for k in members]
        for x, k in enumerate(members):
            end = bisect.bisect_right(lengths, 11 * lengths[x] // 9, lo=x + 1)
            if end <= x + 1:
                continue
            window = [texts[m] for m in members[x + 1 : end]]
            looked += len(window)
            for _text, _score, at in process.extract(
                texts[k], window, scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF, limit=None
            ):
                m = members[x + 1 + at]
                if texts[k] != texts[m] and _only_trivial_differences(words[k], words[m]):
                    pairs.append((min(k, m), max(k, m)))
    return pairs, looked


_LARGE_GROUP = 200
"""A group of questions larger than this is split by its words, not compared in pairs."""


def _pairs_by_words(
    texts: Sequence[str], words: Sequence[frozenset[str]]
) -> tuple[list[tuple[int, int]], int]:
    """:func:`near_pairs` of questions that all have content words, by their words.

    A question is compared only with the questions that hold each of its words or
    a typo of it: an index of the words and their typos gives those (from the
    word held by the fewest, the sets intersected in C).
    """
    holding: dict[str, list[int]] = {}
    for k, found in enumerate(words):
        for word in found:
            holding.setdefault(word, []).append(k)
    typos = _TypoIndex(holding)
    near: dict[str, set[int]] = {}  # word -> the questions holding it or a typo of it

    def with_word(word: str) -> set[int]:
        found = near.get(word)
        if found is None:
            found = set(holding[word])
            if not _has_digit(word):
                for partner in typos.of(word):
                    found.update(holding[partner])
            near[word] = found
        return found

    pairs: list[tuple[int, int]] = []
    looked = 0
    for k, found in enumerate(words):
        sets = sorted((with_word(w) for w in found), key=len)
        looked += len(sets[0])
        for m in sets[0].intersection(*sets[1:]):  # in C, from the smallest
            if m > k and _near(texts[k], texts[m], words[k], words[m]):
                pairs.append((k, m))
    return pairs, looked


def _near(a: str, b: str, wa: frozenset[str], wb: frozenset[str]) -> bool:
    return (
        a != b
        and fuzz.ratio(a, b, score_cutoff=_NEAR_CUTOFF) > 0
        and _only_trivial_differences(wa, wb)
    )


class _TypoIndex:
    """The deck's words, for finding the typos of one (:func:`_typo`) without a scan.

    Two words at most ``k`` edits apart (OSA: a swap of neighbours is one edit) share
    a string made by deleting letters from each: a substitution or a swap deletes one
    letter from both, an insertion one from the longer word. So every word is filed
    under its deletion variants (:func:`_depth` says how many letters), and the
    words filed under one variant are each other's candidates: a few buckets a word,
    however large the vocabulary. Before, a long word was compared with every word
    of its first letter and a near length, a scan that grew with the vocabulary (a
    50,000-word list spent 19 s there). A typo keeps its first letter, so the words
    are filed one first letter at a time and the filing is dropped once that
    letter's typos are known: the memory is one letter's. Words so long that a typo
    may have three edits (over 16 letters) are rare and keep the scan.
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._by_letter: dict[str, list[str]] = {}
        self._by_shape: dict[tuple[str, int], list[str]] = {}
        self._memo: dict[str, list[str]] = {}
        self.compared = 0
        """Candidates checked with :func:`_typo` so far (the tests hold it linear)."""
        for word in vocabulary:
            self._by_letter.setdefault(word[:1], []).append(word)
            self._by_shape.setdefault((word[:1], len(word)), []).append(word)

    def of(self, word: str) -> list[str]:
        """The other words of the deck that are typos of ``word``."""
        found = self._memo.get(word)
        if found is not None:
            return found
        if word[:1] in self._by_letter:
            self._file_letter(word[:1])
            found = self._memo.get(word)
            if found is not None:
                return found
        # a very long word (over 16 letters), or one the vocabulary does not have:
        # the words with its first letter and a length it allows, in C
        near: set[str] = set()
        most = _most_edits(len(word))
        for size in range(len(word) - most, len(word) + most + 1):
            pool = self._by_shape.get((word[:1], size), [])
            near.update(
                pool[at]
                for _w, _d, at in process.extract(
                    word, pool, scorer=OSA.distance, score_cutoff=most, limit=None
                )
            )
        found = self._memo[word] = self._typos(word, near)
        return found

    def _file_letter(self, letter: str) -> None:
        """The typos of every word of ``letter`` that files its variants, at once."""
        words = self._by_letter.pop(letter)
        filed = _filed(words)
        near: dict[str, set[str]] = {}
        for bucket in filed.values():
            if isinstance(bucket, list):  # one word is filed as a str
                for word in bucket:
                    found = near.get(word)
                    if found is None:
                        near[word] = set(bucket)
                    else:
                        found.update(bucket)
        for word in words:
            if _depth(len(word)) <= _MOST_FILED and word not in self._memo:
                self._memo[word] = self._typos(word, near.get(word, set()))

    def _typos(self, word: str, near: set[str]) -> list[str]:
        """Those of ``near`` that are typos of ``word`` (:func:`_typo`), measured in C."""
        near.discard(word)
        if not near:
            return []
        self.compared += len(near)
        pool = list(near)
        size, first = len(word), word[:1]
        return sorted(
            pool[at]
            for _w, edits, at in process.extract(
                word, pool, scorer=OSA.distance, score_cutoff=_depth(size), limit=None
            )
            if edits <= _limit(size, len(pool[at])) and pool[at][:1] == first
        )


_MOST_FILED = 2
"""Deletions filed per word: a word of up to 16 letters has typos of at most two edits
(:func:`_depth`); three would file ~C(20, 3) = 1,140 variants of a 20-letter word."""


def _filed(words: Iterable[str]) -> dict[str, str | list[str]]:
    """Each word's deletion variants -> the words filed there (a str for one word: most
    variants have one, and a list each would double the memory)."""
    filed: dict[str, str | list[str]] = {}
    for word in words:
        depth = _depth(len(word))
        if depth > _MOST_FILED:
            depth = _MOST_FILED  # found by its shorter partners; it scans for its own
        for variant in _variants(word, _filing_depth(len(word), depth)):
            held = filed.get(variant)
            if held is None:
                filed[variant] = word
            elif isinstance(held, str):
                filed[variant] = [held, word]
            else:
                held.append(word)
    return filed


@cache
def _limit(a: int, b: int) -> int:
    """The edits :func:`_typo` allows between words of lengths ``a`` and ``b``."""
    return max(1, max_typos(max(a, b)) - 1)


def _partners(length: int) -> Iterator[tuple[int, int]]:
    """(length, edits allowed) of every word that may be a typo of a word this long: a
    word more than four letters longer or shorter never is."""
    for other in range(max(1, length - 4), length + 5):
        if abs(length - other) <= _limit(length, other):
            yield other, _limit(length, other)


@cache
def _depth(length: int) -> int:
    """The most edits any typo of a word this long may have: the allowance grows with
    the longer word, so a longer partner may allow more (8 letters: 2, for a typo of
    10 letters)."""
    return max(edits for _other, edits in _partners(length))


@cache
def _filing_depth(length: int, most: int) -> int:
    """Letters to delete from a word this long to meet each partner (at most ``most``):
    the longer of two words ``k`` edits apart loses up to ``k``, the shorter only ``k``
    less the difference in length (an 8-letter word meets a 10-letter typo as it is)."""
    return min(most, max(edits - max(0, other - length) for other, edits in _partners(length)))


def _most_edits(length: int) -> int:
    """The most edits :func:`_typo` allows between a word this long and any other: the
    allowance grows with the longer word, and a word more edits longer is too far."""
    most = 1
    while max(1, max_typos(length + most + 1) - 1) > most:
        most += 1
    return most


def _variants(word: str, depth: int) -> set[str]:
    """``word`` and every string made from it by deleting up to ``depth`` (1 or 2) letters."""
    found = {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
    if depth >= 2:
        found.update(
            word[:i] + word[i + 1 : j] + word[j + 1 :]
            for i, j in itertools.combinations(range(len(word)), 2)
        )
    return found


def _near_pairs(items: Sequence[tuple[int, str]]) -> Iterable[tuple[int, int]]:
    """Pairs of entry indices whose questions differ only by typos or small words."""
    pairs, _compared = near_pairs([text for _i, text in items])
    for k, m in sorted(pairs):
        yield (items[k][0], items[m][0])


def _only_trivial_differences(wa: frozenset[str], wb: frozenset[str]) -> bool:
    left, right = wa - wb, wb - wa
    for word in left:
        if _has_digit(word) or not any(_typo(word, other) for other in right):
            return False
    for word in right:
        if _has_digit(word) or not any(_typo(word, other) for other in left):
            return False
    return True


def _has_digit(word: str) -> bool:
    return _DIGIT.search(word) is not None  # a decimal digit (str.isdecimal), in C


_DIGIT = re.compile(r"\d")


def _typo(a: str, b: str) -> bool:
    limit = max(1, max_typos(max(len(a), len(b))) - 1)
    return a[:1] == b[:1] and OSA.distance(a, b, score_cutoff=limit) <= limit
