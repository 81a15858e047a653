"""The article corpus of issue 23 and the benchmark's matcher (``benchmarks/extract_corpus.py``).

Every article has a key that parses and points at its own words, and a source
with a licence; the matcher finds what a reader would call the same item and
nothing else. No threshold on the extractor's score: that is the benchmark's job.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from benchmarks.extract_corpus import (
    CORPUS,
    Key,
    corpus_folders,
    counts_as_held_out,
    load_key,
    mentions,
    parse_key,
    score_article,
    unit_class,
)

from studyapp.core.decks.model import (
    AnyEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)

FOLDERS = corpus_folders()
GENRES = {
    "news",
    "analysis",
    "commentary",
    "history",
    "science news",
    "interview",
    "press release",
    "survey report",
}


def test_the_corpus_is_large_and_keeps_articles_out_of_tuning() -> None:
    assert len(FOLDERS) >= 12
    assert len(list(CORPUS.glob("*/article.txt"))) == len(FOLDERS)  # no article without a key
    assert sum(load_key(f / "key.yaml").held_out for f in FOLDERS) >= 4


def test_a_spent_held_out_key_is_reported_apart_from_the_one_that_counts() -> None:
    base = {"article": "a", "genre": "news", "held_out": True, "anchor": None}
    assert counts_as_held_out(parse_key(base))
    spent = parse_key({**base, "spent": "2026-12-06: tuned on from then"})
    assert spent.held_out and not counts_as_held_out(spent)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_each_article_has_a_key_of_its_own_words(folder: Path) -> None:
    text = (folder / "article.txt").read_text(encoding="utf-8")
    assert 250 <= len(text.split()) <= 2000
    key = load_key(folder / "key.yaml")
    assert key.article == folder.name
    assert key.genre in GENRES
    texts = [words for d in key.dates for words in d.texts]
    texts += [words for f in key.figures for words in f.texts]
    for words in texts:
        assert mentions(text, words), f"{words!r} is not in the article"
    for date in key.dates:
        assert date.end is None or date.date < date.end
    for statement in key.statements:
        assert statement.words.strip() and statement.speaker.strip()


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_each_article_says_where_it_comes_from_and_its_licence(folder: Path) -> None:
    source = (folder / "SOURCE.md").read_text(encoding="utf-8")
    licence = [line for line in source.splitlines() if line.startswith("Licence:")]
    assert licence and ("public domain" in licence[0] or "CC BY" in licence[0])
    assert "Read from:" in source and "Published:" in source
    if load_key(folder / "key.yaml").held_out:
        assert "before the extractor" in source


def test_a_key_with_a_wrong_field_is_refused() -> None:
    good = {"article": "a", "genre": "news", "held_out": False, "anchor": None}
    assert parse_key(good).dates == ()
    for bad in (
        {**good, "held_out": "yes"},
        {**good, "spent": "2026-12-06"},  # only a held-out key can be spent
        {**good, "dates": [{"event": "x", "date": "1948-13", "text": "June"}]},
        {**good, "figures": [{"what": "x", "value": "many", "text": "many"}]},
        {**good, "statements": [{"speaker": "X", "kind": "said", "words": "y"}]},
        {**good, "dates": [{"event": "x", "date": 1948, "text": ""}]},
    ):
        with pytest.raises(ValueError):
            parse_key(bad)


# ---------------------------------------------------------------- the matcher

KEY = parse_key(
    yaml.safe_load(
        """
article: example
genre: news
held_out: false
anchor: 2011-04-13
dates:
  - {event: blockade starts, date: 1948-06-24, text: June 24, 1948}
  - {event: Endeavour launches, date: 2011-04-29, text: on April 29, how: year from date line}
  - {event: second insurrection, date: 1987, end: 1990, text: 1987-1990}
figures:
  - {what: IMF program, value: 3, unit: billion USD, text: $3 billion}
  - {what: vote share, value: 42, unit: "%", text: 42%}
  - {what: smokers among users, value: 0.25, unit: fraction, text: one fourth}
  - {what: pages, value: 10, end: 32, unit: pages, text: ten to 32 pages}
statements:
  - speaker: Chris Gregoire
    aliases: [Gregoire]
    kind: quoted
    words: The Museum of Flight put a tremendous amount of effort into landing a retired shuttle.
  - speaker: Daniel S. Goldin
    aliases: [Goldin]
    kind: reported
    words: the Russian participation will be accomplished through the East-West Space Science Center
"""
    )
)


def _date(n: int, date: str, source: str) -> DateEntry:
    return DateEntry(
        id=f"d{n}", kind="date", event="e", date=PartialDate.parse(date), source=source
    )


def _figure(n: int, value: float, unit: str | None, source: str) -> FigureEntry:
    return FigureEntry(
        id=f"f{n}", kind="figure", measure="m", value=value, unit=unit, source=source
    )


def _quote(n: int, speaker: str, quote: str) -> QuoteEntry:
    return QuoteEntry(id=f"q{n}", kind="quote", quote=quote, speaker=speaker, source="s")


def _score(key: Key, entries: list[AnyEntry]) -> dict[str, tuple[int, int, int, int]]:
    result = score_article(key, entries)
    return {k: (s.found, s.total, s.matched, s.drafted) for k, s in result.scores.items()}


def test_dates_match_at_their_precision_in_their_own_sentence() -> None:
    blockade = "The crisis started on June 24, 1948, when Soviet forces blockaded Berlin."
    entries: list[AnyEntry] = [
        _date(1, "1948-06-24", blockade),  # right
        _date(2, "1948-06", blockade),  # less precise than the key: wrong
        _date(3, "2011-04-29", "It will launch on April 29."),  # year inferred right
        _date(4, "1990", "They rose in 1971 and 1987-1990."),  # the end of a range
        _date(5, "1948-06-24", "Clay cabled on June 13, 1948."),  # right date, other sentence
        QaEntry(id="q", kind="qa", prompt="When?", answer="April 29", tags=["dates"]),
    ]
    assert _score(KEY, entries)["date"] == (3, 3, 3, 6)


def test_figures_match_by_value_scale_and_unit_class() -> None:
    entries: list[AnyEntry] = [
        _figure(1, 3, "billion dollars", "Its $3 billion IMF program."),  # right
        _figure(2, 42, None, "He won 42% of the vote."),  # a count is not a percent
        _figure(3, 25, "%", "Nearly one fourth of users smoke."),  # fraction as percent
        _figure(4, 32, "pages", "It runs ten to 32 pages."),  # the top of a range
        _figure(5, 3, None, "Its $3 billion IMF program."),  # 3 is not 3 billion
    ]
    assert _score(KEY, entries)["figure"] == (3, 4, 3, 5)
    assert unit_class("US$ million") == ("USD", 10**6)
    assert unit_class("percentage points") == ("points", 1)


def test_statements_need_the_speaker_and_the_words() -> None:
    cloze = ClozeEntry(id="c", kind="cloze", text="They gave {{full consideration}} to it.")
    entries: list[AnyEntry] = [
        _quote(1, "Governor of Washington Chris Gregoire", "put a tremendous amount of effort"),
        _quote(2, "Bolden", "The Museum of Flight put a tremendous amount of effort"),  # speaker
        _quote(3, "Gregoire", "a retired shuttle in Seattle"),  # two shared words: too few
        _quote(
            4, "NASA Administrator Daniel S. Goldin", "accomplished through the East-West Center"
        ),
        cloze,  # no speaker: never a statement
    ]
    assert _score(KEY, entries)["statement"] == (2, 2, 2, 5)


def test_a_quotation_is_found_by_a_statement_that_holds_it_word_for_word() -> None:
    import benchmarks.extract_corpus as corpus

    key = parse_key(
        {
            "article": "a",
            "genre": "news",
            "held_out": False,
            "anchor": None,
            "statements": [
                {"speaker": "Marco Rubio", "kind": "quoted", "words": "willing to do everything"},
                {"speaker": "Marco Rubio", "kind": "reported", "words": "ties will grow"},
                {"speaker": "Ann Ray", "kind": "quoted", "words": "a [new] start … for all"},
            ],
        }
    )
    entries: list[AnyEntry] = [
        # the quotation inside the clause it was said in, by its speaker: found
        _quote(1, "Rubio", 'the country is "willing to do everything" in law to carry out raids'),
        # a reported key needs its own words: more than it says finds nothing
        _quote(2, "Rubio", "ties will grow once the talks end and trade returns to the port"),
        # the parts of a quotation cut by an ellipsis or a bracket, in order
        _quote(3, "Ray", "she called it a fresh start that is for all of them"),
        _quote(4, "Ray", "for all of them, a fresh start"),  # out of order: not held
    ]
    assert _score(key, entries)["statement"] == (2, 3, 2, 4)
    corpus.STRICT_OVERLAP = True
    try:
        assert _score(key, entries)["statement"] == (0, 3, 0, 4)
    finally:
        corpus.STRICT_OVERLAP = False
