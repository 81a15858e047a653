"""``folded`` returns text that is already in folded form as it is: the same as
folding it again, on the corpus's folded sentences and on random text of the
characters folded text is made of, and never for text that folding changes."""

from __future__ import annotations

import random

from studyapp.core.authoring.lint import wording
from studyapp.core.quiz.answers.normalise import fold
from tests.conftest import REPO


def test_folding_folded_corpus_text_changes_nothing() -> None:
    corpus = [
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "tests" / "fixtures" / "articles").glob("*/article.txt"))
    ]
    lines = [line for text in corpus for line in text.splitlines() if line.strip()]
    taken = 0
    for line in lines:
        once = fold(line)
        if wording._ALREADY_FOLDED.fullmatch(once):
            taken += 1
            assert fold(once) == once
            assert wording.folded(once) == once
    assert taken > len(lines) // 2  # most folded text is ASCII: the shortcut applies


def test_random_text_is_left_alone_only_when_folding_would_leave_it() -> None:
    rng = random.Random(7)
    alphabet = "abz09% .-,&'A_é\t"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        if wording._ALREADY_FOLDED.fullmatch(text):
            assert fold(text) == text, text
        assert wording.folded(text) == fold(text), text
