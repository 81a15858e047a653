"""A deck as CSV for spreadsheets and other tools: one row per entry.

Cells that a spreadsheet would run as a formula are prefixed with ``'``;
:func:`spreadsheet_safe` is also used by the gradebook's CSV.
"""

from __future__ import annotations

import csv
import io

from studyapp.core.authoring.export.values import figure_value
from studyapp.core.decks.model import (
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    QaEntry,
    QuoteEntry,
)

__all__ = ["CSV_COLUMNS", "spreadsheet_safe", "to_csv"]

CSV_COLUMNS = (
    "deck",
    "id",
    "kind",
    "prompt",
    "answer",
    "accept",
    "tags",
    "explanation",
    "source",
)

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (``=HYPERLINK(...)``)."""
    return f"'{cell}" if cell.startswith(_FORMULA) else cell


def _prompt_answer(entry: AnyEntry) -> tuple[str, str, list[str]]:
    if isinstance(entry, DateEntry):
        return entry.prompt or entry.event, entry.date.isoformat(), []
    if isinstance(entry, FigureEntry):
        return entry.prompt or entry.measure, figure_value(entry), list(entry.accept)
    if isinstance(entry, QuoteEntry):
        return f"Who said: “{entry.quote}”", entry.speaker, list(entry.speaker_aliases)
    if isinstance(entry, QaEntry):
        return entry.prompt, entry.answer, list(entry.accept)
    if isinstance(entry, ClozeEntry):
        return entry.text, "; ".join(entry.blanks), []
    if isinstance(entry, ChoiceEntry):
        return entry.prompt, entry.answer, []
    assert isinstance(entry, OrderEntry)
    return entry.prompt or "Put these in chronological order", " | ".join(entry.events), []


def to_csv(deck: Deck) -> str:
    """One row per entry: deck, id, kind, prompt, answer, accept, tags, explanation, source."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in deck.entries:
        prompt, answer, accept = _prompt_answer(entry)
        row = [
            deck.id,
            entry.id,
            entry.kind,
            prompt,
            answer,
            "; ".join(accept),
            " ".join(entry.tags),
            entry.explanation or "",
            entry.source or "",
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue()
