"""Accept, drop or edit one entry by changing only its lines of the deck's text.

Every other byte of the file stays as it was: its comments, blank lines and
the layout of the other entries. An edited field is written in the draft's
own YAML style (:func:`~studyapp.core.authoring.extract.draftfile.dump_yaml`)
at the field's indent; when an entry is laid out so that one field cannot be
cut out alone (``{...}`` style, a field to remove on the ``-`` line), the whole
entry is written again, and only its own comments are lost.

Each function reads its result back and compares it with the data the change
should give (every other entry equal, this one changed as asked): a text the
spans got wrong raises :class:`~studyapp.core.authoring.review.spans.LayoutError`
instead of being returned.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from msgspec import Struct

from studyapp.core.authoring.extract.draftfile import (
    CHECK_MARK,
    CHECK_MORE,
    FIELD_ORDER,
    dump_yaml,
)
from studyapp.core.authoring.review.spans import (
    LayoutError,
    Span,
    entry_spans,
    field_spans,
    split_lines,
)
from studyapp.core.decks.yamlread import Document, read_yaml

__all__ = ["REMOVE", "Edited", "accept_entry", "drop_entry", "entry_checks", "set_fields"]

REMOVE = None
"""A field's new value that removes the field."""


class Edited(Struct, frozen=True):
    """The deck's new text, and the loader's reading of it (read once, used again)."""

    text: str
    doc: Document


class _Text:
    """A deck's lines, ready to be cut: a missing final line end is added, then taken off."""

    def __init__(self, text: str) -> None:
        self.newline = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
        self.ended = text.endswith("\n") or not text
        self.lines = split_lines(text if self.ended else text + self.newline)

    def joined(self, lines: list[str]) -> str:
        text = "".join(lines)
        if not self.ended and text.endswith(self.newline):
            text = text[: -len(self.newline)]
        return text

    def render(self, data: object, prefix: str, indent: int) -> list[str]:
        """``data`` as YAML lines, the first after ``prefix``, the rest shifted by ``indent``."""
        body = dump_yaml(data).rstrip("\n").split("\n")
        rest = [(" " * indent + line if line else line) for line in body[1:]]
        return [line + self.newline for line in [prefix + body[0], *rest]]


def _entry(doc: Document, index: int) -> dict[str, Any]:
    entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list) or not 0 <= index < len(entries):
        raise LayoutError(f"there is no entry {index + 1}")
    entry = entries[index]
    if not isinstance(entry, dict):
        raise LayoutError(f"entry {index + 1} is not a mapping of fields")
    return entry


def _read_back(text: str, expected: Any, what: str) -> Edited:
    """``text`` if it reads as ``expected``; LayoutError (nothing written) otherwise."""
    doc = read_yaml(text, "<edited>")
    if doc.problems or not doc.complete or doc.data != expected:
        raise LayoutError(
            f"{what}: the change would have touched more than this entry (an unusual layout); "
            "nothing was written, edit the file by hand"
        )
    return Edited(text, doc)


def _with_entries(doc: Document, entries: list[Any]) -> dict[str, Any]:
    """The document's data with another entries list (nothing else copied: nothing changes)."""
    return {**doc.data, "entries": entries}


def drop_entry(text: str, doc: Document, index: int) -> Edited:
    """``text`` without entry ``index`` (its lines; comments around it stay)."""
    cut = _Text(text)
    span = entry_spans(cut.lines, doc)[index]
    entries = list(doc.data["entries"])
    del entries[index]
    expected = _with_entries(doc, entries)
    lines = cut.lines[: span.start] + cut.lines[span.end :]
    return _read_back(cut.joined(lines), expected, f"dropping entry {index + 1}")


def _check_rows(lines: list[str], doc: Document, index: int) -> range:
    """The rows of the draft's notes for the author right under entry ``index``'s
    ``review`` line (:data:`~studyapp.core.authoring.extract.draftfile.CHECK_MARK`)."""
    span = entry_spans(lines, doc)[index]
    review = field_spans(lines, doc, index, span).get("review")
    if review is None or not review.own_line:
        return range(0)
    row = review.end
    while row < len(lines):
        line = lines[row].lstrip(" ")
        if not (line.startswith(CHECK_MARK) or (row > review.end and line.startswith(CHECK_MORE))):
            break
        row += 1
    return range(review.end, row)


def entry_checks(text: str, doc: Document, index: int) -> list[str]:
    """What the draft leaves the author of entry ``index`` to check (the comments under its
    ``review: true``), one note a string; [] when none, or the layout is not a draft's."""
    try:
        lines = _Text(text).lines
        rows = _check_rows(lines, doc, index)
    except LayoutError:
        return []
    notes: list[str] = []
    for row in rows:
        line = lines[row].strip()
        mark = CHECK_MARK.rstrip()
        if line.startswith(mark):
            notes.append(line[len(mark) :].strip())
        elif notes:
            notes[-1] += " " + line[1:].strip()
    return notes


def accept_entry(text: str, doc: Document, index: int) -> Edited:
    """``text`` with entry ``index``'s ``review`` field deleted (its line, usually), and the
    draft's notes for the author under it: once accepted, nothing is left to check."""
    if "review" not in _entry(doc, index):
        return Edited(text, doc)
    cut = _Text(text)
    try:
        rows = _check_rows(cut.lines, doc, index)
    except LayoutError:  # not a draft's layout: set_fields copes, or says why not
        rows = range(0)
    if rows:
        lines = cut.lines[: rows.start] + cut.lines[rows.stop :]
        trimmed = _read_back(cut.joined(lines), doc.data, f"accepting entry {index + 1}")
        text, doc = trimmed.text, trimmed.doc
    return set_fields(text, doc, index, {"review": REMOVE})


def set_fields(text: str, doc: Document, index: int, changes: Mapping[str, Any]) -> Edited:
    """``text`` with entry ``index``'s fields set to ``changes`` (REMOVE: deleted).

    A changed field's lines are replaced, a new field goes after the field that
    precedes it in a draft's order; the rest of the entry is untouched.
    """
    cut = _Text(text)
    old = _entry(doc, index)
    entry = _updated(old, changes)
    entries = list(doc.data["entries"])
    entries[index] = entry
    expected = _with_entries(doc, entries)
    what = f"changing entry {index + 1}"
    span = entry_spans(cut.lines, doc)[index]
    try:
        lines = _edit_fields(cut, doc, index, span, changes)
    except LayoutError:
        lines = None
    if lines is None:  # the whole entry, written again at its own indent
        fresh = cut.render([entry], " " * span.col, span.col)
        lines = cut.lines[: span.start] + fresh + cut.lines[span.end :]
    return _read_back(cut.joined(lines), expected, what)


def _order(name: str) -> int:
    return FIELD_ORDER.index(name) if name in FIELD_ORDER else len(FIELD_ORDER)


def _updated(old: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    entry = {k: v for k, v in old.items() if k not in changes or changes[k] is not REMOVE}
    for name, value in changes.items():
        if value is not REMOVE:
            entry[name] = copy.deepcopy(value)
    return entry


def _edit_fields(
    cut: _Text,
    doc: Document,
    index: int,
    span: Span,
    changes: Mapping[str, Any],
) -> list[str] | None:
    """The lines with only the changed fields rewritten; None: rewrite the whole entry.

    Comments indented deeper than the fields right after a field would become text
    of a ``|`` block written there, so a field of more than one line goes below them.
    """
    lines = cut.lines
    fields = field_spans(lines, doc, index, span)
    if not fields:
        return None
    body_col = min(f.col for f in fields.values())

    def below_comments(end: int) -> int:
        at = row = end
        while row < len(lines):
            text = lines[row]
            if text.strip() and not (text.lstrip().startswith("#") and _indent(text) > body_col):
                break
            row += 1
            at = row if text.strip() else at
        return at

    # (start, end) -> new lines; an insertion is an empty range
    edits: dict[tuple[int, int], list[str]] = {}
    for name, value in changes.items():
        if name in fields:
            field = fields[name]
            if value is REMOVE:
                if not field.own_line:
                    return None
                edits[(field.start, field.end)] = []
                continue
            prefix = lines[field.start][: field.col]
            new = cut.render({name: value}, prefix, field.col)
            at = below_comments(field.end) if len(new) > 1 else field.end
            if at == field.end:
                edits[(field.start, field.end)] = new
            elif not field.own_line:
                return None
            else:
                edits[(field.start, field.end)] = []
                edits.setdefault((at, at), []).extend(new)
        elif value is not REMOVE:
            before = [f for f in fields if _order(f) <= _order(name)]
            anchor = fields[max(before, key=lambda f: fields[f].start)] if before else None
            if anchor is None:
                anchor = min(fields.values(), key=lambda f: f.start)
            at = below_comments(anchor.end)
            new = cut.render({name: value}, " " * body_col, body_col)
            edits.setdefault((at, at), []).extend(new)
    out = list(lines)
    for (start, end), new in sorted(edits.items(), reverse=True):
        out[start:end] = new
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
