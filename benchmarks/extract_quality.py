"""How well ``studyapp extract`` drafts the bundled article deck.

    python benchmarks/extract_quality.py [ARTICLE.txt] [DECK.yaml]

Runs extract on the bundled article and compares the draft with the
hand-made article deck (decks/lee-pragmatic-diplomacy.yaml):

* recall: of the deck's date, figure and quote entries, the share the draft
  has (same date or value, or the same quoted words, from the same sentence);
* precision: of the draft's entries, the share that are one of them;
* covered: of the draft's entries, the share the deck teaches in some entry
  (a qa, cloze, order entry or an as_of counts);
* speakers: of the quotes found, the share drafted with the right speaker.

Prints figures; never fails. For articles the extractor was not written on,
see ``benchmarks/extract_corpus.py`` (the corpus of issue 23).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.quality import measure_quality
from studyapp.core.decks.loader import load_deck

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "source" / "lee-pragmatic-diplomacy.txt"
DECK = ROOT / "decks" / "lee-pragmatic-diplomacy.yaml"


def main(argv: list[str]) -> int:
    article = Path(argv[0]) if argv else ARTICLE
    deck_path = Path(argv[1]) if len(argv) > 1 else DECK
    if not article.is_file():
        print(f"article not found: {article} (give its path as the first argument)")
        return 0
    text = article.read_text(encoding="utf-8")
    start = time.perf_counter()
    found = extract(text)
    draft = draft_deck(found, deck_id="draft")
    seconds = time.perf_counter() - start
    q = measure_quality(draft, load_deck(deck_path))
    ref, got = sum(q.reference.values()), sum(q.found.values())
    drafted, matched = sum(q.drafted.values()), sum(q.matched.values())
    print(f"article: {article.name}; reference deck: {deck_path.name}")
    print(f"extract: {len(draft.entries)} draft entries in {seconds * 1000:.0f} ms")
    print(f"recall:    {q.recall:6.1%}  ({got} of {ref} dates, figures and quotes of the deck)")
    print(f"precision: {q.precision:6.1%}  ({matched} of {drafted} draft entries are deck items)")
    print(f"covered:   {q.covered:6.1%}  (draft entries the deck teaches in some entry)")
    print(f"speakers:  {q.speakers:6.1%}  (quotes found with the right speaker)")
    for kind in ("date", "figure", "quote"):
        print(
            f"  {kind:7} recall {q.recall_of(kind):6.1%} ({q.found[kind]}/{q.reference[kind]})"
            f"  precision {q.precision_of(kind):6.1%} ({q.matched[kind]}/{q.drafted[kind]})"
        )
    for missed in q.missed:
        print(f"  missed: {missed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
