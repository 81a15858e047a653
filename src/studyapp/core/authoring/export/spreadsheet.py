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
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any

from studyapp.core.authoring.export.values import figure_value
from studyapp.core.base.listing import listed
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
    broken = _line_broken(deck.entries)
    checked = [e.id for e in deck.entries if e.checks]
    reversed_ = [e.id for e in deck.entries if isinstance(e, QaEntry) and e.reverse]
    for ids, loss in (
        (broken, "a list item with a line break reads as two"),
        (checked, "{its} expected verdicts (checks) are not in the CSV"),
        (
            reversed_,
            "{its} reverse card (reverse: true) is not in the CSV; add the line again after "
            "importing it",
        ),
    ):
        if ids:
            notes.append(
                f"{_entries_named(ids)}: " + loss.format(its="its" if len(ids) == 1 else "their")
            )
    return notes


_NAMED = 3
"""Entries named in one note; the rest are counted (a deck of checks would print one
line an entry otherwise)."""


def _entries_named(ids: list[str]) -> str:
    """ "entry 'a'", or "14 entries ('a', 'b', 'c' and 11 more)"."""
    if len(ids) == 1:
        return f"entry {ids[0]!r}"
    return f"{len(ids)} entries ({listed([repr(i) for i in ids[:_NAMED]], len(ids))})"


def _line_broken(entries: Sequence[AnyEntry]) -> list[str]:
    """The ids of the entries with a list item that holds a line break. Every item is
    searched in one joined text first: none has one in nearly every deck, and one search
    is cheaper than a generator per entry."""
    items = [_list_items(e) for e in entries]
    if "\n" not in "\x00".join(itertools.chain.from_iterable(items)):
        return []
    return [e.id for e, own in zip(entries, items, strict=True) if any("\n" in i for i in own)]


def _list_items(entry: AnyEntry) -> list[str]:
    """The items of ``entry``'s lists that a CSV cell holds one per line."""
    items = _ITEMS.get(type(entry))
    return [] if items is None else items(entry)


def _qa_items(entry: QaEntry) -> list[str]:
    return [*entry.accept, *entry.members] if entry.members else entry.accept


_ITEMS: dict[type, Callable[[Any], list[str]]] = {
    QaEntry: _qa_items,
    FigureEntry: lambda e: e.accept,
    QuoteEntry: lambda e: e.speaker_aliases,
    ChoiceEntry: lambda e: e.distractors,
    OrderEntry: lambda e: e.events,
}
"""Each kind's lists, by the entry's type: one look-up instead of a chain of type tests."""


# Each kind's cells, in CSV_COLUMNS order from "id" to "check": one function per kind and
# one list each (the fields every kind has read in the same call), instead of a chain of
# type tests per column group or a pass over the entries per shared column.


def _date_cells(e: DateEntry) -> list[str]:
    day = e.date.isoformat()
    return [
        e.id,
        "date",
        e.prompt or "",
        day,
        "",
        " ".join(e.tags),
        e.explanation or "",
        e.source or "",
        _v(e),
        e.event,
        day,
        *_FIGURE,
        *_QUOTE,
        "",
        "",
        "",
        e.check or "",
    ]


def _figure_cells(e: FigureEntry) -> list[str]:
    return [
        e.id,
        "figure",
        e.prompt or "",
        figure_value(e),
        "\n".join(e.accept),
        " ".join(e.tags),
        e.explanation or "",
        e.source or "",
        _v(e),
        "",
        "",
        e.measure,
        repr(e.value),
        e.unit or "",
        e.as_of.isoformat() if e.as_of else "",
        "" if e.tolerance is None else repr(e.tolerance),
        *_QUOTE,
        "",
        "",
        "",
        e.check or "",
    ]


def _quote_cells(e: QuoteEntry) -> list[str]:
    return [
        e.id,
        "quote",
        f"Who said: “{e.quote}”",
        e.speaker,
        "\n".join(e.speaker_aliases),
        " ".join(e.tags),
        e.explanation or "",
        e.source or "",
        _v(e),
        "",
        "",
        *_FIGURE,
        e.quote,
        e.speaker,
        e.context or "",
        "",
        "",
        "",
        e.check or "",
    ]


def _qa_cells(e: QaEntry) -> list[str]:
    return [
        e.id,
        "qa",
        e.prompt,
        e.answer,
        "\n".join(e.accept),
        " ".join(e.tags),
        e.explanation or "",
        e.source or "",
        _v(e),
        *_REST,
        _lines(e.members),
        e.check or "",
    ]


def _cloze_cells(e: ClozeEntry) -> list[str]:
    return [
        e.id,
        "cloze",
        e.text,
        "; ".join(e.blanks),
        "",
        " ".join(e.tags),
        e.explanation or "",
        e.source or "",
        _v(e),
        *_REST,
        "",
        e.check or "",
    ]


def _choice_cells(e: ChoiceEntry) -> list[str]:
    return [
        e.id,
        "choice",
        e.prompt,
        e.answer,
        "",
        " ".join(e.tags),
        e.explanation or "",
        e.source or "",
        _v(e),
        *_DATE,
        *_FIGURE,
        *_QUOTE,
        _lines(e.distractors),
        "",
        "",
        e.check or "",
    ]


def _order_cells(e: OrderEntry) -> list[str]:
    return [
        e.id,
        "order",
        e.prompt or "",
        " | ".join(e.events),
        "",
        " ".join(e.tags),
        e.explanation or "",
        e.source or "",
        _v(e),
        *_DATE,
        *_FIGURE,
        *_QUOTE,
        "",
        _lines(e.events),
        "",
        e.check or "",
    ]


def _v(entry: AnyEntry) -> str:
    return "\n".join(entry.variants) if entry.variants else ""


_DATE = ("", "")
_FIGURE = ("", "", "", "", "")
_QUOTE = ("", "", "")
_REST = (*_DATE, *_FIGURE, *_QUOTE, "", "")
"""The date, figure, quote, distractors and events columns."""

_CELLS: dict[type, Callable[[Any], list[str]]] = {
    DateEntry: _date_cells,
    FigureEntry: _figure_cells,
    QuoteEntry: _quote_cells,
    QaEntry: _qa_cells,
    ClozeEntry: _cloze_cells,
    ChoiceEntry: _choice_cells,
    OrderEntry: _order_cells,
}


def _row(deck_id: str, entry: AnyEntry) -> list[str]:
    """``entry``'s cells in :data:`CSV_COLUMNS` order, not yet made spreadsheet-safe."""
    return [deck_id, *_CELLS[type(entry)](entry)]


def _columns(deck_id: str, entries: Sequence[AnyEntry]) -> list[Sequence[str]]:
    """The entries' cells a column at a time, in :data:`CSV_COLUMNS` order, not yet made
    spreadsheet-safe: one call per entry gives its row, and one ``zip`` turns the rows
    into columns."""
    cells = _CELLS
    return [[deck_id] * len(entries), *zip(*[cells[type(e)](e) for e in entries], strict=True)]


_CELL_START = re.compile("\x00[" + re.escape("".join(sorted(_GUARDED))) + "]")
"""How a cell that a spreadsheet would run as a formula starts, in a column joined with
NUL (one more NUL before it): a column with none (nearly all) is left as it is."""


def _quoted_by_csv() -> str:
    """The characters that make :mod:`csv` quote a cell (minimal quoting, ``\\n`` line
    ends), asked of this Python's own writer: versions differ on ``\\r``."""
    quoted = ""
    for char in ',"\n\r\x00':
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow([f"a{char}b"])
        quoted += char if out.getvalue().startswith('"') else ""
    return quoted


_QUOTED = _quoted_by_csv()
_NEEDS_QUOTES = re.compile("[" + re.escape(_QUOTED) + "]")


def _quote(column: Sequence[str]) -> list[str]:
    """Each cell of ``column`` quoted as :mod:`csv` quotes it (minimal quoting). Three
    ``in`` tests take half the time of a regex search per cell; another Python's set of
    characters is searched for with :data:`_NEEDS_QUOTES`."""
    if set(_QUOTED) == set(',"\n'):
        return [
            '"' + cell.replace('"', '""') + '"'
            if "," in cell or "\n" in cell or '"' in cell
            else cell
            for cell in column
        ]
    needs = _NEEDS_QUOTES.search
    return ['"' + cell.replace('"', '""') + '"' if needs(cell) else cell for cell in column]


def to_csv(deck: Deck) -> str:
    """One row per entry: deck, id, kind, prompt, answer, accept, tags, explanation,
    source, then each kind's own fields (:data:`KIND_COLUMNS`)."""
    if not deck.entries:
        return _csv_text([])
    return _csv_columns(_columns(deck.id, deck.entries))


def _csv_text(rows: list[list[str]]) -> str:
    """The header and ``rows``, every cell :func:`spreadsheet_safe`, as :func:`csv.writer`
    writes them (a test holds them equal): see :func:`_csv_columns`."""
    if not rows:
        return ",".join(CSV_COLUMNS) + "\n"
    return _csv_columns(list(zip(*rows, strict=True)))


def _csv_columns(columns: list[Sequence[str]]) -> str:
    """The header and the rows of ``columns`` (at least one row), built a column at a
    time: a column with no cell to guard or quote (most) is one join and one search, and
    the lines are joined in C instead of copied character by character as the writer does."""
    for at, column in enumerate(columns):
        joined = "\x00" + "\x00".join(column)
        if _CELL_START.search(joined):  # a formula's start; a cell's own NUL may look so
            column = columns[at] = [spreadsheet_safe(cell) for cell in column]
            joined = "\x00".join(column)
        if _NEEDS_QUOTES.search(joined):  # a cell quoted as csv does (minimal)
            columns[at] = _quote(column)
    return "\n".join([",".join(CSV_COLUMNS), *map(",".join, zip(*columns, strict=True)), ""])
