"""Run the finders over a whole article: :func:`extract` and its :class:`Extraction`.

The text is split into sentences; each sentence's dates, figures and
quotations are found (quotations attributed with the help of the sentence
before), and the title line is kept apart. Drafting works on the result.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct, structs

from studyapp.core.authoring.extract.dates import DateMention, context_year, find_dates
from studyapp.core.authoring.extract.figures import FigureMention, find_figures
from studyapp.core.authoring.extract.quotes import (
    People,
    QuoteMention,
    find_quotes,
    sentence_subject,
)
from studyapp.core.authoring.extract.sentences import Sentence, fold_text, sentences
from studyapp.core.decks.textsafety import safe_text

__all__ = ["Extraction", "extract"]


class Extraction(Struct):
    """What an article holds: its sentences and every date, figure and quotation."""

    title: str | None
    year: int | None
    sentences: list[Sentence]
    dates: list[DateMention]
    figures: list[FigureMention]
    quotes: list[QuoteMention]


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and not line.rstrip().endswith(".")


def extract(text: str, *, year: int | None = None) -> Extraction:
    """Find every date, figure and quotation in ``text`` (plain text, one paragraph a line).

    ``year`` is the year of dates that omit it ("June 3"); by default it is
    taken from the text (:func:`context_year`).
    """
    text = safe_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    title = first if _looks_like_title(first) else None
    year = year if year is not None else context_year(text)
    people = People(text)
    all_sentences = sentences(text)
    dates: list[DateMention] = []
    figures: list[FigureMention] = []
    quotes: list[QuoteMention] = []
    previous: tuple[str, tuple[str, ...]] | None = None
    for sentence in all_sentences:
        if people.regex is not None:
            for _s, _e, person in people.mentions(sentence.text, sentence.start):
                person.last_seen = max(person.last_seen, sentence.start)
        if sentence.line == 1 and title is not None:
            previous = None
            continue  # the title: its words come back in the body
        found_dates = find_dates(sentence.text, year)
        dates += [_with_sentence(d, sentence) for d in found_dates]
        figures += [_with_sentence(f, sentence) for f in find_figures(sentence.text, found_dates)]
        if not sentence.heading:
            quotes += find_quotes(sentence, people, previous)
        previous = sentence_subject(sentence, people)
    return Extraction(title, year, all_sentences, dates, figures, _dedupe_quotes(quotes))


def _with_sentence(item: Any, sentence: Sentence) -> Any:
    return structs.replace(item, sentence=sentence)


def _dedupe_quotes(quotes: list[QuoteMention]) -> list[QuoteMention]:
    """The same words quoted twice become one item (the attributed occurrence wins)."""
    best: dict[str, QuoteMention] = {}
    order: list[str] = []
    for quote in quotes:
        key = fold_text(quote.text)
        if key not in best:
            best[key] = quote
            order.append(key)
        elif best[key].speaker is None and quote.speaker is not None:
            best[key] = quote
    return [best[k] for k in order]
