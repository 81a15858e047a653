"""Lint grows with the deck, not with its square: the comparisons its checks make are
counted (never timed), at one size and at twice that size."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from studyapp.core.authoring.lint import speakers
from studyapp.core.authoring.lint.duplicates import near_pairs
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.authoring.lint.wording import folded

SYLLABLES = [
    "ka", "to", "ri", "mo", "sen", "dal", "ver", "un", "pi", "lo", "gar", "tes", "min",
    "or", "qua", "bel", "ni", "sho", "ra", "fen", "lu", "mar", "ost", "ben", "ik", "zo",
    "dru", "hal", "pen", "sai", "vo", "el", "tra", "gon", "fi",
]  # fmt: skip


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _questions(n: int, seed: int = 1) -> list[str]:
    """``n`` questions as a deck has them: templates, a few typos, and words drawn
    as in prose (a few common, most rare) from a vocabulary that grows with the
    deck, as real decks' do (each new topic brings its names and terms)."""
    rng = random.Random(seed)
    words = _vocabulary(rng, 2_000 + n)

    def word() -> str:
        return words[int(len(words) ** rng.random()) - 1]  # Zipf-like: rank ~ 1/frequency

    out: list[str] = []
    for _ in range(n):
        if out and rng.random() < 0.01:
            twin = rng.choice(out)
            out.append(twin.replace("the", "teh", 1) if "the" in twin else twin + " again")
            continue
        out.append(
            rng.choice(
                (
                    f"What is the {word()} {word()} of {word()}?",
                    f"Who led the {word()} in {rng.randint(1900, 2024)}?",
                    f"Which {word()} did the {word()} {word()}?",
                )
            )
        )
    return list(dict.fromkeys(folded(q) for q in out))


def test_near_duplicate_comparisons_grow_linearly() -> None:
    _pairs, small = near_pairs(_questions(8_000))
    _pairs, large = near_pairs(_questions(16_000))
    assert large < 2.6 * small


def test_near_duplicates_are_found_whatever_the_size() -> None:
    """The old check compared every pair up to 4,000 questions of a kind and only sorted
    neighbours above; now the same pairs are found at any size."""
    base = _questions(4_100, seed=2)
    typo = base[10].replace(base[10].split()[3], base[10].split()[3][:-1] + "x", 1)
    for n in (3_999, 4_000, 4_001):
        texts = [*base[:n], typo]
        pairs, _compared = near_pairs(texts)
        assert (10, n) in pairs


def _count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> Callable[[], int]:
    real = getattr(module, name)
    calls = [0]

    def counted(*args: object) -> object:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(module, name, counted)
    return lambda: calls[0]


def _quote_deck(n: int, seed: int = 3) -> str:
    """``n`` quotes by ``n // 4`` speakers, a few of them misspelled."""
    rng = random.Random(seed)
    words = _vocabulary(rng, 3000)
    people = [f"{rng.choice(words).title()} {rng.choice(words).title()}" for _ in range(n // 4)]
    lines = ["id: q", "title: Q", "entries:"]
    for k in range(n):
        speaker = rng.choice(people)
        if rng.random() < 0.02:
            speaker = speaker[:-1] + "x"
        lines += [
            f"  - id: q{k}",
            "    kind: quote",
            f"    quote: {rng.choice(words)} {rng.choice(words)} {rng.choice(words)}",
            f"    speaker: {speaker}",
        ]
    return "\n".join(lines) + "\n"


def test_speaker_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    compared = _count_calls(monkeypatch, speakers, "_same_person")
    lint_text(_quote_deck(600), "q.yaml")
    small = compared()
    lint_text(_quote_deck(1_200), "q.yaml")
    large = compared() - small
    assert small > 0
    assert large < 2.6 * small + 50


def test_every_check_on_a_mixed_deck_grows_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the checks fold is a measure of their work: each folds a text a few times."""
    from studyapp.core.authoring.lint import wording

    folds = _count_calls(monkeypatch, wording, "fold")
    wording.folded.cache_clear()
    lint_text(_quote_deck(600, seed=5), "q.yaml")
    small = folds()
    wording.folded.cache_clear()
    lint_text(_quote_deck(1_200, seed=5), "q.yaml")
    large = folds() - small
    assert large < 2.6 * small
