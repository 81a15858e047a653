"""Where each entry of a deck, and each field of an entry, sits in the file's lines.

The loader remembers the line and column where every key and value starts
(:class:`~studyapp.core.decks.yamlread.Document`); where they end is not
recorded, so a span runs from its start to the last line of content before
the next entry (or field): a comment is inside a span only when content of
the same entry (or field) follows it, so comments after an entry, such as the
draft's ``# ---- figures`` headings, belong to no entry and stay. Layouts this
does not cover (a flow ``[...]`` list of entries, an entry split oddly) raise
:class:`LayoutError`; :mod:`~studyapp.core.authoring.review.textedit` reads
every change back, so a span that was wrong can never reach the file.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from msgspec import Struct

from studyapp.core.decks.yamlread import Document

__all__ = [
    "LayoutError",
    "Span",
    "block_text_rows",
    "entry_spans",
    "field_spans",
    "split_lines",
]


class LayoutError(Exception):
    """The file is laid out in a way the text edits do not handle; nothing was changed."""


class Span(Struct, frozen=True):
    """Lines ``start`` to ``end`` (0-based, end excluded) of one entry or field."""

    start: int
    end: int
    col: int
    """The column (0-based) of the entry's ``-``, or of the field's key."""
    own_line: bool = True
    """A field: nothing but spaces before its key (it is not on the entry's ``-`` line)."""


_DASH_PREFIX = re.compile(r"( *)- +")
_LONE_DASH = re.compile(r"( *)-[ \t]*(?:#.*)?(?:\r?\n)?")
_ODD_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, each with its line end (``\\n`` or ``\\r\\n``).

    YAML also breaks lines at a lone CR, NEL and the Unicode separators; the
    loader's line numbers would then not be ours, so such a file is refused.
    """
    if _ODD_BREAKS.search(text):
        raise LayoutError(
            "the file has line breaks other than LF or CRLF (a lone CR, NEL or U+2028); "
            "save it with ordinary line ends"
        )
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip()


def _comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _entries(doc: Document) -> list[Any]:
    entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        raise LayoutError("the file has no list of entries")
    return entries


def block_text_rows(lines: list[str], doc: Document) -> set[int]:
    """Rows inside the entries' ``|`` and ``>`` blocks: text, even when it reads ``# ...``."""
    rows: set[int] = set()
    for path, (line, col) in doc.values.items():
        if len(path) < 3 or path[0] != "entries":
            continue
        row, column = line - 1, col - 1
        if lines[row][column : column + 1] not in ("|", ">"):
            continue
        if path in doc.keys:  # a field's value: its text is indented deeper than its key
            owner = doc.keys[path][1] - 1
        else:  # a list item: deeper than its dash
            before = lines[row][:column].rstrip()
            owner = len(before) - 1 if before.endswith("-") else _indent(lines[row])
        below = row + 1
        while below < len(lines) and (_blank(lines[below]) or _indent(lines[below]) > owner):
            rows.add(below)
            below += 1
    return rows


def entry_spans(lines: list[str], doc: Document) -> list[Span]:
    """The span of every entry, in order; ``doc`` is the loader's reading of ``lines``."""
    starts: list[tuple[int, int]] = []
    for index in range(len(_entries(doc))):
        line, col = doc.values[("entries", index)]
        row, prefix = line - 1, lines[line - 1][: col - 1]
        item = _DASH_PREFIX.fullmatch(prefix)
        if item is not None:
            starts.append((row, len(item.group(1))))
            continue
        if prefix.strip():
            raise LayoutError(f"entry {index + 1} is not an item of a block list ('- ...')")
        above = row - 1
        while above >= 0 and (_blank(lines[above]) or _comment(lines[above])):
            above -= 1
        lone = _LONE_DASH.fullmatch(lines[above]) if above >= 0 else None
        if lone is None:
            raise LayoutError(f"entry {index + 1}: cannot find the '-' that starts it")
        starts.append((above, len(lone.group(1))))
    for (first, _), (second, _) in itertools.pairwise(starts):
        if second <= first:
            raise LayoutError("entries share a line (a flow list [...]); write one entry a block")
    text_rows = block_text_rows(lines, doc)
    spans = []
    for index, (start, dash) in enumerate(starts):
        is_last = index + 1 == len(starts)
        limit = len(lines) if is_last else starts[index + 1][0]
        last = start
        for row in range(start + 1, limit):
            text = lines[row]
            if _blank(text):
                continue
            if _comment(text) and row not in text_rows:
                continue
            if _indent(text) <= dash and is_last:
                break  # the next key of the deck, after its entries
            last = row
        spans.append(Span(start, last + 1, dash))
    return spans


def field_spans(
    lines: list[str], doc: Document, index: int, entry: Span, text_rows: set[int] | None = None
) -> dict[str, Span]:
    """The span of each field of entry ``index``; LayoutError when two share a line.

    ``text_rows``: :func:`block_text_rows` of ``lines``, when the caller has it.
    """
    if text_rows is None:
        text_rows = block_text_rows(lines, doc)
    data = _entries(doc)[index]
    if not isinstance(data, dict):
        raise LayoutError(f"entry {index + 1} is not a mapping of fields")
    keys = sorted((doc.keys[("entries", index, name)], name) for name in data)
    rows = [line for (line, _), _ in keys]
    if len(set(rows)) != len(rows):
        raise LayoutError(f"entry {index + 1} has fields sharing a line ({{...}} style)")
    out: dict[str, Span] = {}
    for k, ((line, col), name) in enumerate(keys):
        row, column = line - 1, col - 1
        if not entry.start <= row < entry.end:
            raise LayoutError(f"entry {index + 1}: field {name!r} is outside the entry")
        limit = rows[k + 1] - 1 if k + 1 < len(keys) else entry.end
        last = row
        for below in range(row + 1, limit):
            text = lines[below]
            if _blank(text) or (_comment(text) and below not in text_rows):
                continue
            last = below
        own = not lines[row][:column].strip()
        out[name] = Span(row, last + 1, column, own)
    return out
