"""How YAML scalar text becomes values: shared by both readers and the writer.

A plain (unquoted) scalar is typed the YAML 1.2 way (``no`` stays the text
"no"), while ``2025-06-03`` still becomes a date; a double-quoted scalar's
escapes are read as libyaml reads them. The event walker
(:mod:`studyapp.core.decks.yamlread`) and the fast reader of the common block
style (:mod:`studyapp.core.decks.yamlfast`) must agree to the character, so
both take their scalars from here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

__all__ = [
    "MAYBE_TYPED",
    "SpelledFloat",
    "SpelledInt",
    "resolve_plain",
    "spelling",
    "unescape_double",
]

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf")}
MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")
"""First characters of every plain scalar that is not text: the rest is text at once
(the fast reader makes such text a value without calling :func:`resolve_plain`)."""


class SpelledFloat(float):
    """A YAML float that remembers how the author wrote it ("1e3", "1.50", ".5"), for a
    text field that takes it back as text: "1e3" must not become "1000.0". Only made when
    the spelling differs from Python's; a number field keeps the plain float."""

    spelled: str

    def __new__(cls, value: float, text: str) -> SpelledFloat:
        number = super().__new__(cls, value)
        number.spelled = text
        return number

    def __reduce__(self) -> tuple[type[SpelledFloat], tuple[float, str]]:
        """Copied and pickled with its spelling (a draft's edit is deep-copied)."""
        return (SpelledFloat, (float(self), self.spelled))


class SpelledInt(int):
    """A YAML int written otherwise than Python writes it ("+5", "007"): see
    :class:`SpelledFloat`."""

    spelled: str

    def __new__(cls, value: int, text: str) -> SpelledInt:
        number = super().__new__(cls, value)
        number.spelled = text
        return number

    def __reduce__(self) -> tuple[type[SpelledInt], tuple[int, str]]:
        return (SpelledInt, (int(self), self.spelled))


def spelling(value: float) -> str | None:
    """How the author wrote a number read from YAML, when Python would write it otherwise."""
    return value.spelled if isinstance(value, SpelledFloat | SpelledInt) else None


def resolve_plain(text: str) -> Any:
    """Type a plain (unquoted) scalar as YAML 1.2's core schema would, plus dates."""
    if not text:
        return None
    if text[0] not in MAYBE_TYPED:
        return text
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if len(text) <= 40:
        if _INT.match(text):
            number = int(text)
            return number if str(number) == text else SpelledInt(number, text)
        if _FLOAT.match(text) and any(c.isdigit() for c in text):
            real = float(text)
            return real if repr(real) == text else SpelledFloat(real, text)
        if text.lower() in _SPECIAL_FLOATS:
            return SpelledFloat(_SPECIAL_FLOATS[text.lower()], text)
        if text.lower() == ".nan":
            return SpelledFloat(math.nan, text)
        if _DATE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return text
    return text


_SIMPLE_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}
_ESCAPE = re.compile(r"\\(?:([xuU])([0-9A-Fa-f]*)|(.))")


def unescape_double(body: str) -> str | None:
    """The value of a one-line double-quoted scalar's body, or None where libyaml would
    refuse it (an unknown escape, a short hex code, a surrogate or out-of-range code)."""
    if "\\" not in body:
        return body
    failed = False

    def one(m: re.Match[str]) -> str:
        nonlocal failed
        kind, digits, char = m.group(1), m.group(2), m.group(3)
        if kind is None:
            if char not in _SIMPLE_ESCAPES:
                failed = True
                return ""
            return _SIMPLE_ESCAPES[char]
        size = _HEX_LENGTH[kind]
        if len(digits) < size:
            failed = True
            return ""
        code = int(digits[:size], 16)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            failed = True
            return ""
        return chr(code) + digits[size:]

    value = _ESCAPE.sub(one, body)
    return None if failed else value
