"""The note types ``studyapp export --to anki`` writes, read back as the entries they were.

Each entry kind is exported as a note type ``studyapp KIND (v1)`` whose fields carry
the entry's own values (:mod:`~studyapp.core.authoring.export.anki`) and, in ``Entry``,
its ``deck/entry`` ids. Reading them back gives the same kind, the same id (so the
progress exported with it lands on the same cards) and the values as far as a
rendered field tells them: a date's "3 June 2025" is a date again, a figure's "52%"
a value and a unit, a choice's list its options. Blanks a deck did not ask were
exported as plain text and stay so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from studyapp.core.authoring.anki.fields import cloze_text, field_text, list_items
from studyapp.core.quiz.answers.dates import parse_date

__all__ = ["OWN_NOTETYPE", "OwnEntry", "own_entry"]

OWN_NOTETYPE = re.compile(
    r"studyapp (date|figure|quote|qa|cloze|choice|order)( reversed)? \(v\d+\)"
)
"""The name of a note type our export writes; group 1 is the entry kind, group 2 says
a qa entry has its ``reverse`` card (``studyapp qa reversed``)."""
_ORDS = {"date": ("when", "what"), "quote": ("who", "what")}
_SINGLE = {"figure": "value", "qa": "answer", "choice": "choose", "order": "order"}
_NUMBER = re.compile(r"(?P<pre>[^\d\-]*)(?P<num>-?\d[\d,]*(?:\.\d+)?)(?P<post>.*)", re.DOTALL)

OwnEntry = tuple[dict[str, Any], dict[int, str]]
"""An entry's fields (no id or tags) and the variant each card template asks."""


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(", ") if item.strip()]


def _value(text: str) -> tuple[Any, str | None]:
    match = _NUMBER.fullmatch(text.strip())
    if match is None:
        return text, None
    digits = match["num"].replace(",", "")
    number: Any = float(digits) if "." in digits else int(digits)
    unit = (match["pre"].strip() or match["post"].strip()) or None
    return number, unit


def _date(text: str) -> str:
    readings, _ = parse_date(text)
    if len(readings) != 1 or readings[0][0] is None:
        return text
    year, month, day = readings[0]
    return "-".join(
        part for part in (f"{year:04d}", month and f"{month:02d}", day and f"{day:02d}") if part
    )


def own_entry(kind: str, raw: Mapping[str, str]) -> OwnEntry:
    """The entry a note of note type ``studyapp KIND`` holds (its raw HTML fields by name)."""

    def text(name: str) -> str:
        return field_text(raw.get(name, ""))

    def optional(name: str) -> str | None:
        return text(name) or None

    data: dict[str, Any] = {"kind": kind}
    ords: dict[int, str] = {0: _SINGLE.get(kind, "answer")}
    if kind in _ORDS:
        ords = dict(enumerate(_ORDS[kind]))
    if kind == "date":
        data |= {"event": text("Event"), "date": _date(text("Date")), "prompt": optional("Prompt")}
        asked = [v for v, f in (("when", "AskWhen"), ("what", "AskWhat")) if text(f)]
        data["variants"] = asked if asked and len(asked) < 2 else None
    elif kind == "figure":
        value, unit = _value(text("Value"))
        data |= {"measure": text("Measure"), "value": value, "unit": unit}
        data |= {"prompt": optional("Prompt"), "accept": _split(text("Accept"))}
    elif kind == "quote":
        data |= {"quote": text("Quote"), "speaker": text("Speaker")}
        data |= {"speaker_aliases": _split(text("Aliases")), "context": optional("Context")}
        asked = [v for v, f in (("who", "AskWho"), ("what", "AskWhat")) if text(f)]
        data["variants"] = asked if asked and len(asked) < 2 else None
    elif kind == "qa":
        data |= {"prompt": text("Prompt"), "answer": text("Answer")}
        data["accept"] = _split(text("Accept"))
        if "AskReverse" in raw:  # studyapp qa reversed: two templates, two variants
            ords = {0: "answer", 1: "reverse"}
            asked = [v for v, f in (("answer", "AskAnswer"), ("reverse", "AskReverse")) if text(f)]
            data["reverse"] = True
            data["variants"] = asked if asked and len(asked) < 2 else None
    elif kind == "cloze":
        cloze = cloze_text(raw.get("Text", ""))
        data["text"] = cloze.text
        ords = {number - 1: f"blank-{index}" for index, number in enumerate(cloze.numbers, 1)}
    elif kind == "choice":
        answer = text("Answer")
        options = list_items(raw.get("Options", ""))
        data |= {"prompt": text("Prompt"), "answer": answer}
        data["distractors"] = [o for o in options if o.casefold() != answer.casefold()]
    else:
        data |= {"prompt": optional("Prompt"), "events": list_items(raw.get("Events", ""))}
    data |= {"explanation": optional("Explanation"), "source": optional("Source")}
    return {k: v for k, v in data.items() if v is not None}, ords
