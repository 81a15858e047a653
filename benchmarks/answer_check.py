"""How long one typed answer takes to judge: 10,000 random checks on the bundled deck.

Prints the median and the 99th percentile per check (the checker runs on the
answer path, between Enter and the verdict; the target is under 5 ms). The
answers are random mixes of the deck's own answers, near misses and noise,
from a seeded random.Random, so runs compare. Never fails on time.

    .venv/bin/python benchmarks/answer_check.py [N]
"""

from __future__ import annotations

import random
import statistics
import string
import sys
import time
from pathlib import Path

from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.loader import load_deck
from studyapp.core.quiz.answers.judge import check_card
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex

DECK = Path(__file__).parents[1] / "decks" / "lee-pragmatic-diplomacy.yaml"
NOISE = [
    "80th",
    "second",
    "a dozen",
    "June 3rd",
    "17 Jume 2025",
    "'65",
    "2O25",
    "US",
    "PM Abe",
    "Yoon Suk Yeol",
    "the",
    "teh",
    "Japan, South Korea",
    "three quarters",
    "6/9/2025",
]


def _mutate(rng: random.Random, text: str) -> str:
    if not text or rng.random() < 0.3:
        return text
    i = rng.randrange(len(text))
    op = rng.randrange(3)
    if op == 0:
        return text[:i] + text[i + 1 :]
    if op == 1:
        return text[:i] + rng.choice(string.ascii_letters) + text[i:]
    j = min(i + 1, len(text) - 1)
    chars = list(text)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def main(n: int = 10_000) -> None:
    deck = load_deck(DECK)
    index = AnswerKeyIndex(deck)
    cards = cards_for_deck(deck)
    rng = random.Random(16)
    pool = [c.answer for c in cards] + NOISE
    for card in cards:  # the first check of a card builds its key once: not what we measure
        check_card(card, "warm up", index)
    times: list[float] = []
    for _ in range(n):
        card = rng.choice(cards)
        source = rng.random()
        if source < 0.4:
            answer = _mutate(rng, card.answer)
        elif source < 0.8:
            answer = _mutate(rng, rng.choice(pool))
        else:
            answer = "".join(rng.choice(string.printable) for _ in range(rng.randrange(40)))
        start = time.perf_counter()
        check_card(card, answer, index)
        times.append(time.perf_counter() - start)
    times.sort()
    median = statistics.median(times) * 1000
    p99 = times[int(len(times) * 0.99) - 1] * 1000
    print(f"{n} checks on {len(cards)} cards of {DECK.name}")
    print(f"median {median:.3f} ms   p99 {p99:.3f} ms   max {times[-1] * 1000:.3f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
