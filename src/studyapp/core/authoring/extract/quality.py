"""How a drafted deck compares with a hand-made deck of the same text.

Used by ``benchmarks/extract_quality.py`` and the article test to measure the
extractor: recall and precision per kind, how much of the draft the reference
deck teaches, and how often quotes get the right speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from msgspec import Struct

from studyapp.core.authoring.extract.figures import numbers_in
from studyapp.core.authoring.extract.sentences import fold_text
from studyapp.core.decks.model import (
    AnyEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    QaEntry,
    QuoteEntry,
)

__all__ = ["Quality", "measure_quality"]


class Quality(Struct, frozen=True):
    """How a draft compares with a hand-made deck of the same text.

    The reference items are the deck's date, figure and quote entries.
    ``recall`` is the share of them the draft has (same date or value, or the
    same quoted words, from the same sentence); ``precision`` the share of
    draft entries that are one of them; ``covered`` the share of draft entries
    that the deck teaches in some entry (a qa, cloze, order or as_of included).
    ``speakers`` is the share of the found quotes drafted with the right speaker.
    """

    reference: dict[str, int]
    found: dict[str, int]
    drafted: dict[str, int]
    matched: dict[str, int]
    covered_count: int
    speakers_right: int
    missed: tuple[str, ...]

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def recall(self) -> float:
        return self._ratio(sum(self.found.values()), sum(self.reference.values()))

    @property
    def precision(self) -> float:
        return self._ratio(sum(self.matched.values()), sum(self.drafted.values()))

    @property
    def covered(self) -> float:
        return self._ratio(self.covered_count, sum(self.drafted.values()))

    @property
    def speakers(self) -> float:
        return self._ratio(self.speakers_right, self.found.get("quote", 0))

    def recall_of(self, kind: str) -> float:
        return self._ratio(self.found.get(kind, 0), self.reference.get(kind, 0))

    def precision_of(self, kind: str) -> float:
        return self._ratio(self.matched.get(kind, 0), self.drafted.get(kind, 0))


def _fragments(text: str) -> list[str]:
    return [f for f in (fold_text(p) for p in re.split(r"…|\.\.\.", text)) if f]


def _same_passage(a: str | None, b: str | None) -> bool:
    """Whether two sources share a sentence (either holds a fragment of the other)."""
    if not a or not b:
        return False
    fa, fb = _fragments(a), _fragments(b)
    return any(x in y or y in x for x in fa for y in fb)


def _speaker_ok(given: str, entry: QuoteEntry) -> bool:
    tokens = set(fold_text(given).split())
    for form in (entry.speaker, *entry.speaker_aliases):
        known = set(fold_text(form).split())
        if tokens and (tokens <= known or known <= tokens):
            return True
    return False


def _draft_kind(entry: AnyEntry) -> str:
    if isinstance(entry, DateEntry) or (isinstance(entry, QaEntry) and "dates" in entry.tags):
        return "date"
    if isinstance(entry, FigureEntry):
        return "figure"
    return "quote"


def _quoted(entry: AnyEntry) -> str | None:
    if isinstance(entry, QuoteEntry):
        return entry.quote
    if isinstance(entry, ClozeEntry):
        return entry.blanks[0] if entry.blanks else None
    return None


def _fields_text(entry: AnyEntry) -> str:
    data = entry.model_dump(mode="json", exclude={"source", "id", "tags", "variants"})
    return " ".join(str(v) for v in _flatten(data))


def _flatten(value: Any) -> Iterable[Any]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _flatten(v)
    elif isinstance(value, list):
        for v in value:
            yield from _flatten(v)
    elif value is not None:
        yield value


def _teaches(reference: Deck, draft_entry: AnyEntry) -> bool:
    """Whether some entry of the reference deck teaches what ``draft_entry`` holds."""
    for entry in reference.entries:
        if not _same_passage(entry.source, draft_entry.source):
            continue
        fields = _fields_text(entry)
        if isinstance(draft_entry, DateEntry):
            date = draft_entry.date
            if date.isoformat() in fields or str(date.year) in fields:
                return True
        elif isinstance(draft_entry, FigureEntry):
            if Decimal(str(draft_entry.value)) in numbers_in(fields):
                return True
        else:
            quoted = _quoted(draft_entry)
            if quoted and fold_text(quoted) in fold_text(fields):
                return True
            if quoted and _teaches_part(entry, quoted):
                return True
            if isinstance(draft_entry, QaEntry) and fold_text(draft_entry.answer) in fold_text(
                fields
            ):
                return True
    return False


def _teaches_part(entry: AnyEntry, quoted: str) -> bool:
    """Whether the deck's quote or answer (three words or more) is part of a drafted
    statement: reported speech holds the deck's quotation inside its clause."""
    taught = entry.quote if isinstance(entry, QuoteEntry) else None
    if isinstance(entry, QaEntry):
        taught = entry.answer
    folded = fold_text(taught or "")
    return len(folded.split()) >= 3 and folded in fold_text(quoted)


def measure_quality(draft: Deck, reference: Deck) -> Quality:
    """Compare a drafted deck with a hand-made ``reference`` deck of the same text."""
    ref_dates = [e for e in reference.entries if isinstance(e, DateEntry)]
    ref_figures = [e for e in reference.entries if isinstance(e, FigureEntry)]
    ref_quotes = [e for e in reference.entries if isinstance(e, QuoteEntry)]
    d_dates = [e for e in draft.entries if isinstance(e, DateEntry)]
    d_figures = [e for e in draft.entries if isinstance(e, FigureEntry)]
    d_quotes = [e for e in draft.entries if isinstance(e, QuoteEntry | ClozeEntry)]

    def date_match(d: DateEntry, r: DateEntry) -> bool:
        return d.date == r.date and _same_passage(d.source, r.source)

    def figure_match(d: FigureEntry, r: FigureEntry) -> bool:
        same = Decimal(str(d.value)) == Decimal(str(r.value))
        return same and _same_passage(d.source, r.source)

    # a drafted quotation may join fragments the deck quotes apart, or the other way round
    drafted_fragments = {id(d): set(_fragments(_quoted(d) or "")) for d in d_quotes}

    def quote_hits(r: QuoteEntry) -> list[AnyEntry]:
        hits: list[AnyEntry] = []
        for fragment in _fragments(r.quote):
            hit = next((d for d in d_quotes if fragment in drafted_fragments[id(d)]), None)
            if hit is None:
                return []
            hits.append(hit)
        return hits

    missed: list[str] = []
    found = {"date": 0, "figure": 0, "quote": 0}
    speakers_right = 0
    for r in ref_dates:
        if any(date_match(d, r) for d in d_dates):
            found["date"] += 1
        else:
            missed.append(f"{r.id} ({r.date})")
    for f in ref_figures:
        if any(figure_match(d, f) for d in d_figures):
            found["figure"] += 1
        else:
            missed.append(f"{f.id} ({f.value})")
    for q in ref_quotes:
        hits = quote_hits(q)
        if hits:
            found["quote"] += 1
            if all(isinstance(h, QuoteEntry) and _speaker_ok(h.speaker, q) for h in hits):
                speakers_right += 1
        else:
            missed.append(f"{q.id} ({q.quote})")
    ref_fragments = {f for q in ref_quotes for f in _fragments(q.quote)}
    drafted = {"date": 0, "figure": 0, "quote": 0}
    matched = {"date": 0, "figure": 0, "quote": 0}
    covered = 0
    for entry in draft.entries:
        kind = _draft_kind(entry)
        drafted[kind] += 1
        if isinstance(entry, DateEntry):
            hit = any(date_match(entry, r) for r in ref_dates)
        elif isinstance(entry, FigureEntry):
            hit = any(figure_match(entry, r) for r in ref_figures)
        else:
            parts = _fragments(_quoted(entry) or "")
            hit = bool(parts) and all(p in ref_fragments for p in parts)
        matched[kind] += hit
        covered += hit or _teaches(reference, entry)
    return Quality(
        reference={"date": len(ref_dates), "figure": len(ref_figures), "quote": len(ref_quotes)},
        found=found,
        drafted=drafted,
        matched=matched,
        covered_count=covered,
        speakers_right=speakers_right,
        missed=tuple(missed),
    )
