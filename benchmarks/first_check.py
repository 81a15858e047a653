"""How long a big deck's first answer checks take: each card's first check, again, a typo.

    .venv/bin/python benchmarks/first_check.py [DECK.yaml] [--entries N] [--warm]

Without DECK.yaml, writes the generated deck of ``deck_tools.py`` (50,000 entries by
default) to a temporary folder. Loads it, makes its cards and one answer index (as the
study screen does), then checks 30 random cards (seeded): each card's first check (its
key built), the same check again, and a one-letter typo. ``--warm`` first gathers the
index's deck-wide values (``AnswerKeyIndex.warm``, what the study screen runs in a worker
for a big deck) and prints how long that took. Prints medians and the worst; never fails.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("STUDYAPP_MAX_DECK_MB", "100")

from deck_tools import generate

from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.loader import load_deck
from studyapp.core.quiz.answers.judge import check_card
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex


def _ms(xs: list[float]) -> str:
    return f"median {statistics.median(xs) * 1000:7.2f} ms   worst {max(xs) * 1000:8.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("deck", nargs="?", type=Path)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--warm", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.deck
        if path is None:
            path = Path(folder) / "generated.yaml"
            path.write_text(generate(args.entries), encoding="utf-8")
        started = time.perf_counter()
        deck = load_deck(path)
        print(f"deck: {len(deck.entries):,} entries, read in {time.perf_counter() - started:.2f} s")
        cards = cards_for_deck(deck)
        index = AnswerKeyIndex(deck)
        if args.warm:
            started = time.perf_counter()
            index.warm()
            print(f"warm: {time.perf_counter() - started:.2f} s")
        picked = random.Random(7).sample([c for c in cards if c.entry is not None], 30)
        first: list[float] = []
        again: list[float] = []
        typo: list[float] = []
        for card in picked:
            for times, given in (
                (first, card.answer),
                (again, card.answer),
                (typo, card.answer[:-1] + ("y" if card.answer.endswith("x") else "x")),
            ):
                started = time.perf_counter()
                check_card(card, given, index)
                times.append(time.perf_counter() - started)
        print(f"first check per card  {_ms(first)}")
        print(f"the same check again  {_ms(again)}")
        print(f"a one-letter typo     {_ms(typo)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
