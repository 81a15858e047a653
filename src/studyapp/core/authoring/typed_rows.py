"""Rows of a studyapp CSV export back into entries of their own kind.

``studyapp export --to csv`` writes each kind's own fields in columns of their
own (see :mod:`studyapp.core.authoring.export.spreadsheet`). When a file to
import has a ``kind`` column and those columns, each row is rebuilt as the
entry it was (a date with its event and date, a choice with its options ...)
instead of a front/back ``qa`` card. The cells were deck text already, so they
are taken as written (the spreadsheet-safety ``'`` removed); the deck model
then checks them like any deck file, and a row it refuses is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from studyapp.core.authoring.export.spreadsheet import KIND_COLUMNS
from studyapp.core.decks.model import KINDS

__all__ = ["KIND_COLUMNS", "is_typed_header", "typed_data", "unquote"]

_FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")


def unquote(cell: str) -> str:
    """A cell as written before export made it spreadsheet-safe (one ``'`` less)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA) else cell


def is_typed_header(roles: list[str]) -> bool:
    """Whether a header names ``kind`` and the kind columns of a studyapp export."""
    return "kind" in roles and any(r.startswith("k:") for r in roles)


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("\n") if item.strip()]


def _number(cell: str) -> Any:
    text = cell.strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    try:
        return float(text)
    except ValueError:
        return text  # the model says "expected a number", with the row's line


def typed_data(
    kind: str, values: Mapping[str, str], typed: Mapping[str, str], text: Callable[[str], str]
) -> dict[str, Any] | None:
    """The entry fields (no id, tags, explanation or source) of one typed row, or None
    if ``kind`` is not a kind. ``text`` cleans a cell (plain, or HTML reduced)."""
    if kind not in KINDS:
        return None

    def cell(name: str) -> str:
        return text(unquote(typed.get(name, "")))

    def own(name: str) -> str:
        return text(unquote(values.get(name, "")))

    def optional(value: str) -> str | None:
        return value if value.strip() else None

    data: dict[str, Any] = {"kind": kind}
    prompt, answer = own("prompt"), own("answer")
    accept = _items(own("accept"))
    if kind == "date":
        data |= {"event": cell("event"), "date": cell("date").strip() or answer.strip()}
        data["prompt"] = optional(prompt)
    elif kind == "figure":
        data |= {"measure": cell("measure"), "value": _number(cell("value"))}
        data |= {"unit": optional(cell("unit")), "as_of": optional(cell("as_of").strip())}
        tolerance = cell("tolerance").strip()
        data["tolerance"] = _number(tolerance) if tolerance else None
        data |= {"prompt": optional(prompt), "accept": accept}
    elif kind == "quote":
        data |= {"quote": cell("quote"), "speaker": cell("speaker") or answer}
        data |= {"speaker_aliases": accept, "context": optional(cell("context"))}
    elif kind == "qa":
        data |= {"prompt": prompt, "answer": answer, "accept": accept}
        data["members"] = _items(cell("members")) or None
    elif kind == "cloze":
        data["text"] = prompt
    elif kind == "choice":
        data |= {"prompt": prompt, "answer": answer, "distractors": _items(cell("distractors"))}
    else:
        data |= {"prompt": optional(prompt), "events": _items(cell("events"))}
    variants = _items(cell("variants"))
    if variants:
        data["variants"] = variants
    data["check"] = optional(cell("check").strip())
    return {k: v for k, v in data.items() if v is not None}
