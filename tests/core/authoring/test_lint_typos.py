"""Lint's index of typos (D002) finds exactly what a scan of every word finds, and its
work grows with the vocabulary, not with its square."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.authoring.lint.duplicates import _typo, _TypoIndex

# Few letters, so that typos are dense; lengths up to 24, so that every allowance of
# edits (1 up to 16 letters, 2, and 3 from 17) meets words on both sides of it.
_WORD = st.text(alphabet="aabcd", min_size=1, max_size=24)


def _scan(vocabulary: list[str], word: str) -> list[str]:
    return sorted(o for o in set(vocabulary) if o != word and _typo(word, o))


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=40), st.lists(_WORD, max_size=5))
def test_the_index_finds_what_a_scan_finds(vocabulary: list[str], strangers: list[str]) -> None:
    index = _TypoIndex(vocabulary)
    for word in [*vocabulary, *strangers]:  # a word it was not given is found too
        assert index.of(word) == _scan(vocabulary, word)


def _near_words(rng: random.Random, word: str) -> list[str]:
    """A typo or two of ``word`` (first letter kept): a swap, a letter in, a letter out."""
    out = []
    for _ in range(rng.randint(0, 2)):
        i = rng.randrange(1, len(word))
        change = rng.choice(("swap", "in", "out", "sub"))
        if change == "swap" and i + 1 < len(word):
            out.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        elif change == "in":
            out.append(word[:i] + rng.choice("aeiou") + word[i:])
        elif change == "out":
            out.append(word[:i] + word[i + 1 :])
        else:
            out.append(word[:i] + rng.choice("xyz") + word[i + 1 :])
    return out


def test_the_index_finds_long_words_typos_at_every_length() -> None:
    rng = random.Random(4)
    vocabulary: list[str] = []
    for length in range(3, 31):
        for _ in range(6):
            word = "k" + "".join(rng.choice("abcdefghij") for _ in range(length - 1))
            vocabulary += [word, *_near_words(rng, word)]
    index = _TypoIndex(vocabulary)
    found = 0
    for word in vocabulary:
        typos = index.of(word)
        assert typos == _scan(vocabulary, word)
        found += len(typos)
    assert found > len(vocabulary) / 2  # the deck is full of them: the test tests something


def _word_list(n: int, seed: int) -> list[str]:
    """``n`` words as a big word list has them: lengths 6 to 16, one in ten a typo of
    another word; a bigger list brings new words, not denser ones."""
    rng = random.Random(seed)
    words: list[str] = []
    while len(words) < n:
        if words and rng.random() < 0.1:
            words += _near_words(rng, rng.choice(words))[:1]
        else:
            words.append("".join(rng.choice("etaoinshrdlucmfw") for _ in range(rng.randint(6, 16))))
    return sorted(set(words))


def _compared(vocabulary: list[str]) -> tuple[int, int]:
    index = _TypoIndex(vocabulary)
    found = sum(len(index.of(word)) for word in vocabulary)
    return index.compared, found


def test_candidates_grow_with_the_vocabulary_not_its_square() -> None:
    """A scan compared each long word with every word of its first letter and a near
    length: twice the words, four times the comparisons."""
    small, found = _compared(_word_list(5_000, seed=1))
    large, _found = _compared(_word_list(10_000, seed=1))
    assert found > 500  # typos are there to be found
    assert large < 2.6 * small
