"""An entry's fields as a form: which can be edited, as what text, and the text read back.

A form holds text; a deck holds text, numbers, yes/no values and lists. Each
field gets a shape from the deck model's annotation (a list is one item a
line, a number is digits), its value is shown as text, and what the author
typed is turned back into a value here, with a message naming the field when
it cannot be. Whether the value is *valid* (an id's pattern, a date, a
non-empty answer) is the deck model's to say, when the edited file is read
back (:mod:`~studyapp.core.authoring.review.session`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

from msgspec import Struct
from pydantic import BaseModel

from studyapp.core.decks.model import ENTRY_TYPES, PartialDate
from studyapp.core.decks.yamlscalar import resolve_plain, spelling

__all__ = ["FormField", "Shape", "field_text", "form_changes", "form_fields"]

Shape = Literal["line", "lines", "list", "number", "bool"]
"""``line``: one line of text; ``lines``: text that may wrap or hold line breaks; ``list``:
one item a line; ``number``: digits; ``bool``: true or false."""

LONG_TEXT = frozenset(
    {"source", "explanation", "quote", "text", "context", "prompt", "event", "measure"}
)
"""Text fields shown in a box of several lines (a source is a whole sentence or two); a
line break typed in one is kept (a draft's prompt has none; an explanation may)."""
NOT_IN_FORM = frozenset({"kind", "review", "checks"})
"""The kind decides the fields; review is what accept removes; checks are mappings
(answer and verdict), edited in the file."""


class FormField(Struct, frozen=True):
    """One editable field of an entry kind."""

    name: str
    shape: Shape
    required: bool
    hint: str
    """The model's description of the field, for a tooltip."""


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _members(tp: Any) -> tuple[Any, ...]:
    tp = _strip(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return tuple(_strip(a) for a in typing.get_args(tp) if a is not type(None))
    return (tp,)


def _shape(name: str, annotation: Any) -> Shape | None:
    members = _members(annotation)
    if len(members) == 1 and typing.get_origin(members[0]) is list:
        (item,) = typing.get_args(members[0]) or (str,)
        item = _strip(item)
        return None if isinstance(item, type) and issubclass(item, BaseModel) else "list"
    if bool in members:
        return "bool"
    if float in members or int in members:
        return "number"
    if any(isinstance(m, type) and issubclass(m, BaseModel) for m in members):
        return None
    return "lines" if name in LONG_TEXT else "line"


FORM_ORDER = (
    *("id", "prompt", "event", "date", "measure", "value", "unit", "as_of", "tolerance"),
    *("quote", "speaker", "speaker_aliases", "context", "text", "answer", "accept"),
    *("members", "distractors", "events", "reverse", "explanation", "source"),
    *("tags", "variants", "check"),
)
"""What the entry asks, its answer, what else counts, why, where from; then the labels.
A field the model gains later goes before ``tags``."""


def _rank(name: str) -> int:
    return FORM_ORDER.index(name) if name in FORM_ORDER else FORM_ORDER.index("tags")


def form_fields(kind: str) -> list[FormField]:
    """The fields of a ``kind`` entry an author can edit, in a draft's order."""
    model = ENTRY_TYPES[kind]
    out = []
    for name, info in model.model_fields.items():
        shape = None if name in NOT_IN_FORM else _shape(name, info.annotation)
        if shape is not None:
            hint = " ".join((info.description or "").split())
            out.append(FormField(name, shape, info.is_required(), hint))
    order = {f.name: i for i, f in enumerate(out)}
    return sorted(out, key=lambda f: (_rank(f.name), order[f.name]))


def field_text(value: Any, shape: Shape) -> str:
    """``value`` as the form shows it (None: empty)."""
    if value is None:
        return ""
    if shape == "list" and isinstance(value, list):
        return "\n".join(field_text(item, "line") for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | PartialDate):
        return value.isoformat()
    if isinstance(value, int | float) and (spelled := spelling(value)) is not None:
        return spelled  # "1e3" as the file writes it, not "1000.0"
    return str(value)


_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
"""A number written with thousands separators (1,000,000), read without them."""
_YES = frozenset({"true", "yes", "y", "on"})
_NO = frozenset({"false", "no", "n", "off"})


def _value(spec: FormField, text: str) -> Any:
    """What ``text`` means for ``spec``; None for an empty optional field; ValueError."""
    if spec.shape == "list":
        items = [line.strip() for line in text.splitlines() if line.strip()]
        if not items and spec.required:
            raise ValueError("needs at least one item (one a line)")
        return items or None
    text = text.strip()
    if not text:
        if spec.required:
            raise ValueError("must not be empty")
        return None
    if spec.shape == "number":
        number = resolve_plain(text.replace(",", "") if _GROUPED.fullmatch(text) else text)
        finite = isinstance(number, int) or (isinstance(number, float) and math.isfinite(number))
        if isinstance(number, bool) or not finite:
            raise ValueError(
                f"{text!r} is not a number; write digits only, e.g. 55.5 (the unit has its own "
                "field)"
            )
        return number
    if spec.shape == "bool":
        word = text.lower()
        if word in _YES or word in _NO:
            return word in _YES
        raise ValueError(f"{text!r}: write true or false (or leave it empty)")
    return text


def form_changes(
    kind: str, entry: Mapping[str, Any], texts: Mapping[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The fields ``texts`` change (None: remove the field), and a message per field it cannot.

    A field whose text is as the form showed it is left alone, so an ``answer: 1965``
    written as a number stays a number.
    """
    changes: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in form_fields(kind):
        if spec.name not in texts:
            continue
        text = texts[spec.name]
        if text == field_text(entry.get(spec.name), spec.shape):
            continue
        try:
            value = _value(spec, text)
        except ValueError as exc:
            errors[spec.name] = str(exc)
            continue
        if value is None and spec.name not in entry:
            continue
        changes[spec.name] = value
    return changes, errors
