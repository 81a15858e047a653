"""Lint's quicker folding and word matching give the quiz's own answers.

``wording.fold`` folds ASCII text by a shorter road than the quiz's ``fold``, and
``words_in`` skips folding a text that cannot hold the words: both are checked
here against the slow definitions, on random text made of the characters that
matter (case, apostrophes, backticks, ``&``, decimal marks, controls, accents).
"""

from __future__ import annotations

import random
import re

from studyapp.core.authoring.lint import wording
from studyapp.core.quiz.answers.normalise import fold
from tests.conftest import REPO


def test_ascii_folding_is_the_quiz_folding_on_random_text() -> None:
    rng = random.Random(11)
    every = [chr(c) for c in range(128)]
    tricky = "aZq09.,'`&_% -\t\x00\x1f\x7f"
    for _ in range(40_000):
        text = "".join(
            rng.choice(tricky if rng.random() < 0.7 else every) for _ in range(rng.randint(0, 16))
        )
        assert wording.fold(text) == fold(text), repr(text)


def test_ascii_folding_is_the_quiz_folding_on_article_text() -> None:
    corpus = [
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "tests" / "fixtures" / "articles").glob("*/article.txt"))
    ]
    lines = [line for text in corpus for line in text.splitlines() if line.strip()]
    assert lines
    for line in lines:
        assert wording.fold(line) == fold(line)


TYPOGRAPHIC = "‘’‚‛′‹›“”„‟«»「」『』‐‑‒–—―−\u00a0\u2009\u202f\u3000\u200b\u200c\u200d\ufeff\u00ad…§"
OTHER = "é\u0301´″ßİıﬁＡ½øÆ"  # what the quiz's fold must handle itself


def test_typographic_text_is_folded_as_the_quiz_folds_it() -> None:
    rng = random.Random(13)
    tricky = "aZ09.,'`&_% -" + TYPOGRAPHIC
    plain = 0
    for _ in range(40_000):
        text = "".join(
            rng.choice(tricky if rng.random() < 0.97 else OTHER) for _ in range(rng.randint(0, 12))
        )
        plain += text.translate(wording._TO_ASCII).isascii()
        assert wording.fold(text) == fold(text), repr(text)
    assert 10_000 < plain < 39_000  # both roads are taken


def test_non_ascii_text_is_folded_by_the_quiz() -> None:
    for text in ["Café ‘Zürich’ – 3,5 %", "Æsir & Øresund", "か が", "Ｆｕｌｌ width"]:
        assert wording.fold(text) == fold(text)
        assert wording.folded(text) == fold(text)


def _words_in_by_pattern(needle: str, haystack: str) -> bool:
    """The definition ``words_in`` stands for: a regular expression per needle."""
    n = fold(needle)
    if not n:
        return False
    return re.search(rf"(?<![\w.]){re.escape(n)}(?!\w|\.\d)", fold(haystack)) is not None


def test_words_in_matches_its_pattern_on_random_text() -> None:
    rng = random.Random(5)
    words = [
        "lee",
        "Lee's",
        "Lee’s",
        "abe",
        "A&B",
        "and",
        "1,5",
        "1.5",
        "15",
        "5%",
        "x",
        "Éa",
        "ea",
    ]
    seps = [" ", "  ", "'", "`", "&", ",", ".", "-", "_", "\t", "—", "…", "\u00ad", "§"]
    found = 0
    for _ in range(20_000):
        haystack = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 6)))
        needle = rng.choice(seps).join(rng.choice(words) for _ in range(rng.randint(1, 2)))
        expected = _words_in_by_pattern(needle, haystack)
        found += expected
        assert wording.words_in(needle, haystack) is expected, (needle, haystack)
    assert 1_000 < found < 19_000  # both answers are well exercised


def test_words_in_finds_words_the_raw_text_spells_otherwise() -> None:
    """The look before folding must not miss what only folding makes equal."""
    assert wording.words_in("lees", "Ask Lee's team")
    assert wording.words_in("rock and roll", "the Rock & Roll hall")
    assert wording.words_in("rockn", "Rock`n roll")  # a backtick is an apostrophe
    assert not wording.words_in("rock", "Rock`n roll")  # ... so "rockn" is one word
    assert wording.words_in("1.5", "about 1,5 metres")
    assert wording.words_in("cafe", "the Café")  # needle ASCII, text not
    assert wording.words_in("café", "the CAFE")  # text ASCII, needle not
    assert not wording.words_in("ab", "abc")
