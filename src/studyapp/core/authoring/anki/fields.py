"""Anki field HTML as deck text: tags out, entities decoded, cloze deletions as blanks.

A field is HTML written by an editor (``<b>``, ``<br>``, ``&nbsp;``, images, sounds).
It becomes plain text the deck model accepts (:mod:`~studyapp.core.authoring.importtext`
does the reduction, never interpreting anything). A cloze field's deletions
``{{c1::answer::hint}}`` become our blanks ``{{answer}}`` and we remember which Anki
cloze number each blank came from, so card ``c2`` keeps its history as the right
blank; hints are dropped (the deck model has none) and counted.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from studyapp.core.authoring.importtext import clean_text, html_to_text

__all__ = ["ClozeText", "cloze_text", "field_text", "list_items"]

_OPEN, _CLOSE = "\ue000", "\ue001"  # placeholders for deletions while HTML is reduced
_DELETION = re.compile(r"\{\{c(\d{1,3})::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_LIST_ITEM = re.compile(r"<li\b[^>]*>(.*?)</li>", re.DOTALL | re.IGNORECASE)


_ATTRIBUTE = r"""(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*"""
_SIMPLE_TAG = re.compile(
    rf"<(/?)(b|i|u|s|em|strong|span|font|sub|sup|small|big|mark|br|div|p){_ATTRIBUTE}\s*/?>",
    re.IGNORECASE,
)
_BLOCK = frozenset({"br", "div", "p"})
_HAS_BLOCK = re.compile(r"</?(?:br|div|p)", re.IGNORECASE)
"""A field that may hold a tag that breaks the line (a superset: ``<pre`` too)."""


def _simple_tag(match: re.Match[str]) -> str:
    return "\n" if match.group(2).lower() in _BLOCK else ""


def field_text(raw: str) -> str:
    """A field as plain deck text.

    Most fields hold no markup, or only the editor's inline tags, line breaks and
    entities: those are reduced here, as :func:`html_to_text` would reduce them (a
    test holds the two to the same text) and several times faster; anything else
    (lists, images, scripts, comments, a stray ``<``) goes through the parser.
    """
    if "<" not in raw:
        return clean_text(html.unescape(raw)) if "&" in raw else clean_text(raw)
    # without a line-breaking tag every match goes: no call per tag
    reduced = _SIMPLE_TAG.sub(_simple_tag if _HAS_BLOCK.search(raw) else "", raw)
    if "<" in reduced:
        return html_to_text(raw)
    return clean_text(html.unescape(reduced))


def _defuse(text: str) -> str:
    """Braces the deck model would read as blanks, made harmless."""
    return text.replace("{{", "{ {").replace("}}", "} }")


class ClozeText(NamedTuple):
    """A cloze field as deck text, and the Anki cloze number of each of its blanks."""

    text: str
    numbers: list[int]
    """``numbers[i]`` is the ``cN`` of blank ``i + 1``."""
    hints: int
    """Hints dropped."""


def cloze_text(raw: str) -> ClozeText:
    """Anki cloze syntax to our blanks, read before the HTML is reduced (so that an
    entity such as ``&#58;&#58;`` inside a deletion is not taken for a hint)."""
    raw = raw.replace(_OPEN, "").replace(_CLOSE, "")
    found: list[tuple[int, str]] = []
    hints = 0

    def mark(match: re.Match[str]) -> str:
        nonlocal hints
        hints += match.group(3) is not None
        found.append((int(match.group(1)), match.group(2)))
        return f"{_OPEN}{len(found) - 1}{_CLOSE}"

    text = _defuse(field_text(_DELETION.sub(mark, raw)))
    numbers: list[int] = []

    def unmark(match: re.Match[str]) -> str:
        number, inner = found[int(match.group(1))]
        answer = _defuse(field_text(inner)).replace("\n", " ").strip().strip("{}")
        if not answer:
            return ""
        numbers.append(number)
        return "{{" + answer + "}}"

    return ClozeText(_PLACEHOLDER.sub(unmark, text), numbers, hints)


def list_items(raw: str) -> list[str]:
    """The items of an HTML list (``<ul>``/``<ol>``), each as deck text."""
    return [text for text in (field_text(item) for item in _LIST_ITEM.findall(raw)) if text]
