"""A deck as CSV for spreadsheets and other tools: one row per entry.

The first columns read on their own (prompt, answer, accepted answers); the
columns after them hold each kind's own fields (a date's event and date, a
figure's measure, value and unit, a quotation's speaker, a choice's wrong
options ...) so that ``studyapp import`` rebuilds every entry as it was. Lists
(accepted answers, options, events, tags aside) are one item per line of the
cell. What a CSV cannot hold is listed by :func:`csv_losses`.

Cells that a spreadsheet would run as a formula are prefixed with ``'``;
:func:`spreadsheet_safe` is also used by the gradebook's CSV.
"""

from __future__ import annotations

import csv
import io
import re

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

__all__ = ["CSV_COLUMNS", "KIND_COLUMNS", "csv_losses", "spreadsheet_safe", "to_csv"]

KIND_COLUMNS = (
    "variants",
    "event",
    "date",
    "measure",
    "value",
    "unit",
    "as_of",
    "tolerance",
    "quote",
    "speaker",
    "context",
    "distractors",
    "events",
    "members",
    "check",
)
"""The columns of each kind's own fields (empty where a kind has no such field); a
cloze's text is its prompt."""

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
    *KIND_COLUMNS,
)

_GUARDED = frozenset("=+-@\t\r'")
"""First characters that get a ``'``: a formula's (``=+-@``, tab, CR) and ``'`` itself."""


def spreadsheet_safe(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (``=HYPERLINK(...)``).

    A cell that starts with ``'`` gets one more, so that removing one on import
    (see ``studyapp import``) always gives the text back.
    """
    return f"'{cell}" if cell[:1] in _GUARDED else cell


def _lines(items: list[str] | None) -> str:
    return "\n".join(items or ())


def csv_losses(deck: Deck) -> list[str]:
    """What a CSV export of ``deck`` cannot give back on import, one line each."""
    lost = [
        name
        for name, value in (
            ("description", deck.description),
            ("author", deck.author),
            ("version", deck.version),
            ("document", deck.document),
        )
        if value is not None
    ]
    if deck.language != "en":
        lost.append("language")
    if getattr(deck, "check", None) is not None:
        lost.append("check")
    notes = []
    if lost:
        notes.append(
            f"the deck's {', '.join(lost)} (and its title) are not in the CSV: import gives "
            "the deck a new title and id"
        )
    for entry in deck.entries:
        if any("\n" in item for item in _list_items(entry)):
            notes.append(f"entry {entry.id!r}: a list item with a line break reads as two")
        if entry.checks:
            notes.append(f"entry {entry.id!r}: its expected verdicts (checks) are not in the CSV")
        if isinstance(entry, QaEntry) and entry.reverse:
            notes.append(
                f"entry {entry.id!r}: its reverse card (reverse: true) is not in the CSV; "
                "add the line again after importing it"
            )
    return notes


def _list_items(entry: AnyEntry) -> list[str]:
    """The items of ``entry``'s lists that a CSV cell holds one per line."""
    if isinstance(entry, QaEntry):
        return [*entry.accept, *(entry.members or ())]
    if isinstance(entry, FigureEntry):
        return entry.accept
    if isinstance(entry, QuoteEntry):
        return entry.speaker_aliases
    if isinstance(entry, ChoiceEntry):
        return entry.distractors
    if isinstance(entry, OrderEntry):
        return entry.events
    return []


def _prompt_answer(entry: AnyEntry) -> tuple[str, str, list[str]]:
    if isinstance(entry, DateEntry):
        return entry.prompt or "", entry.date.isoformat(), []
    if isinstance(entry, FigureEntry):
        return entry.prompt or "", figure_value(entry), list(entry.accept)
    if isinstance(entry, QuoteEntry):
        return f"Who said: “{entry.quote}”", entry.speaker, list(entry.speaker_aliases)
    if isinstance(entry, QaEntry):
        return entry.prompt, entry.answer, list(entry.accept)
    if isinstance(entry, ClozeEntry):
        return entry.text, "; ".join(entry.blanks), []
    if isinstance(entry, ChoiceEntry):
        return entry.prompt, entry.answer, []
    assert isinstance(entry, OrderEntry)
    return entry.prompt or "", " | ".join(entry.events), []


_NO_CELLS = ("",) * len(KIND_COLUMNS)
_CELL_START = re.compile("\x00[" + re.escape("".join(sorted(_GUARDED))) + "]")
"""How a cell that a spreadsheet would run as a formula starts, in a row joined with NUL
(one more NUL before it): a row with none (nearly all) is written as it is, any other
cell by cell (a NUL inside a cell would only cost time)."""


def _kind_cells(entry: AnyEntry) -> list[str]:
    """The kind-specific columns of ``entry`` (:data:`KIND_COLUMNS`), exactly as the deck
    says them; empty where its kind has no such field."""
    cells = list(_NO_CELLS)
    cells[0] = "\n".join(entry.variants) if entry.variants else ""
    cells[14] = entry.check or ""
    if isinstance(entry, DateEntry):
        cells[1] = entry.event
        cells[2] = entry.date.isoformat()
    elif isinstance(entry, FigureEntry):
        cells[3] = entry.measure
        cells[4] = repr(entry.value)
        cells[5] = entry.unit or ""
        cells[6] = entry.as_of.isoformat() if entry.as_of else ""
        cells[7] = "" if entry.tolerance is None else repr(entry.tolerance)
    elif isinstance(entry, QuoteEntry):
        cells[8] = entry.quote
        cells[9] = entry.speaker
        cells[10] = entry.context or ""
    elif isinstance(entry, ChoiceEntry):
        cells[11] = _lines(entry.distractors)
    elif isinstance(entry, OrderEntry):
        cells[12] = _lines(entry.events)
    elif isinstance(entry, QaEntry):
        cells[13] = _lines(entry.members)
    return cells


def _row(deck_id: str, entry: AnyEntry) -> list[str]:
    """``entry``'s cells in :data:`CSV_COLUMNS` order, not yet made spreadsheet-safe."""
    prompt, answer, accept = _prompt_answer(entry)
    return [
        deck_id,
        entry.id,
        entry.kind,
        prompt,
        answer,
        "\n".join(accept),
        " ".join(entry.tags),
        entry.explanation or "",
        entry.source or "",
        *_kind_cells(entry),
    ]


def to_csv(deck: Deck) -> str:
    """One row per entry: deck, id, kind, prompt, answer, accept, tags, explanation,
    source, then each kind's own fields (:data:`KIND_COLUMNS`)."""
    rows = [_row(deck.id, entry) for entry in deck.entries]
    guarded = _CELL_START.search
    for at, row in enumerate(rows):
        if guarded("\x00" + "\x00".join(row)):
            rows[at] = [spreadsheet_safe(cell) for cell in row]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    return out.getvalue()
