"""How long ``studyapp extract`` takes on a 2,000-word article and a 100,000-word text.

    .venv/bin/python benchmarks/extract_speed.py [--runs N] [--rules-only]

Issue 23 asks for at most 1 s of the extractor's own work for a 2,000-word
article and at most 60 s for a 100,000-word text (a book chapter, a 50-page
report). The texts are built from the tuning articles of the corpus (never the
held-out ones), repeated to length with their paragraphs in order; the time is
``extract`` plus ``draft_deck`` (start-up and file writing aside), the median of
``--runs`` runs for the article and one run for the long text, whose progress
callback is counted too; then the long text again as one line without a sentence
break (each of its sentences must stay readable, and the time linear). With the sentence
parse installed (``studyapp[parse]``) it runs as ``studyapp extract`` runs it, and the
model's one-time load is timed apart (start-up); ``--rules-only`` leaves it out. Prints
figures; never fails.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import yaml

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.parsed import available

PARSE = [False]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "articles"


def tuning_paragraphs() -> list[str]:
    """The body paragraphs of the tuning articles (held-out ones are never read)."""
    out: list[str] = []
    for key_path in sorted(CORPUS.glob("*/key.yaml")):
        if yaml.safe_load(key_path.read_text(encoding="utf-8")).get("held_out"):
            continue
        text = (key_path.parent / "article.txt").read_text(encoding="utf-8")
        out += [p for p in text.split("\n") if len(p.split()) >= 12]
    return out


def text_of(words: int, paragraphs: list[str]) -> str:
    """A text of about ``words`` words: a title, then the paragraphs over and over.

    Each round shifts the small numbers and years, so that a long text drafts as many
    entries as a real one would, not the same few again (drafting compares entries).
    """
    body: list[str] = []
    count = 0
    i = 0
    while count < words:
        paragraph = paragraphs[i % len(paragraphs)]
        shift = i // len(paragraphs)
        if shift:

            def shifted(m: re.Match[str], by: int = shift) -> str:
                return str(int(m.group(1)) + by)

            paragraph = re.sub(r"(?<![\d,.])(\d{1,3}|1[0-9]{3})(?![\d,])", shifted, paragraph)
        body.append(paragraph)
        count += len(paragraph.split())
        i += 1
    return "A long report\n\n" + "\n\n".join(body) + "\n"


def timed(text: str) -> tuple[float, int, int]:
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1

    start = time.perf_counter()
    found = extract(text, progress=progress, parse=PARSE[0], parse_progress=progress)
    deck = draft_deck(found, deck_id="speed")
    return time.perf_counter() - start, len(deck.entries), calls


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of the 2,000-word article")
    parser.add_argument("--rules-only", action="store_true", help="without the sentence parse")
    args = parser.parse_args(argv)
    if not args.rules_only:
        start = time.perf_counter()
        PARSE[0] = available()  # (loads the model once: start-up, not the article's work)
        if PARSE[0]:
            print(f"sentence parse: model loaded in {time.perf_counter() - start:.2f} s")
    print("statements: rules and the sentence parse" if PARSE[0] else "statements: rules only")
    paragraphs = tuning_paragraphs()
    article = text_of(2000, paragraphs)
    times = []
    for _ in range(max(1, args.runs)):
        seconds, entries, _calls = timed(article)
        times.append(seconds)
    print(
        f"2,000-word article ({len(article.split()):,} words): "
        f"median {statistics.median(times):.3f} s "
        f"of {len(times)} runs (min {min(times):.3f}, max {max(times):.3f}); {entries} entries; "
        "target <= 1 s"
    )
    book = text_of(100_000, paragraphs)
    seconds, entries, calls = timed(book)
    print(
        f"100,000-word text ({len(book.split()):,} words): {seconds:.1f} s; {entries} entries; "
        f"{calls} progress updates; target <= 60 s"
    )
    line = one_line(book)
    seconds, entries, calls = timed(line)
    print(
        f"100,000 words on one line, no sentence break ({len(line) / 1e6:.1f} MB): "
        f"{seconds:.1f} s; {entries} entries; {calls} progress updates; target <= 60 s"
    )
    return 0


def one_line(text: str) -> str:
    """``text`` as one line without a sentence break (a pasted list, a text whose punctuation
    was lost): the splitter cuts it into pieces of at most ``MAX_SENTENCE`` characters."""
    return re.sub(r"[.!?…]+(?=[\s”\"’')\]]|$)", "", " ".join(text.split())) + "\n"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
