"""A deck as a printable Markdown study sheet, grouped by kind.

Dates in chronological order, figures, quotes, questions, key sentences and
chronologies; all deck text is escaped with :func:`md` so it reads literally
(also used by the gradebook's Markdown report).
"""

from __future__ import annotations

import re
from typing import Any

from studyapp.core.authoring.export.values import figure_value
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers.dates import render_date

__all__ = ["md", "to_markdown"]

_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>|#~!&]")
"""A character that could format (or start an HTML entity): text without one (most) is
left as it is."""
_MD_ESCAPES = {ord(char): "\\" + char for char in "\\`*_[]<>|#~!"} | {ord("&"): "&amp;"}


def md(text: str | None) -> str:
    """Deck text as literal Markdown: every character that could format is escaped
    (:func:`_escape`, written out here: this runs a few times per entry)."""
    if not text:
        return ""
    if _MD_SPECIAL.search(text):
        text = text.translate(_MD_ESCAPES)
    return " ".join(text.split())


def _escape(text: str) -> str:
    return text.translate(_MD_ESCAPES) if _MD_SPECIAL.search(text) else text


def _filled(text: str) -> str:
    """A cloze with its blanks filled in bold, the spaces around each blank kept.

    The text between blanks is escaped whole and the spacing of the line tidied
    once at the end, so "a {{phospholipid}} bilayer" keeps its spaces and "the
    {{cell}}." keeps its full stop against the blank.
    """
    parts: list[str] = []
    last = 0
    for m in CLOZE_BLANK.finditer(text):
        parts.append(_escape(text[last : m.start()]))
        parts.append(f"**{md(m.group(1))}**")
        last = m.end()
    parts.append(_escape(text[last:]))
    return " ".join("".join(parts).split())


def to_markdown(deck: Deck) -> str:
    """A printable study sheet: dates in order, figures, quotes, then the other kinds."""
    lines = [f"# {md(deck.title)}", ""]
    if deck.description:
        lines += [md(deck.description), ""]
    doc = deck.document
    if doc is not None:
        credit = f"Source: *{md(doc.title)}*"
        extra = [md(x) for x in (doc.author, doc.publisher) if x]
        if doc.published is not None:
            extra.append(doc.published.isoformat())
        if extra:
            credit += ", " + ", ".join(extra)
        credit += "."
        if doc.note:
            credit += f" {md(doc.note)}"
        lines += [credit, ""]

    # one pass puts each entry with its kind (questions and choices together, in order)
    dates: list[DateEntry] = []
    figures: list[FigureEntry] = []
    quotes: list[QuoteEntry] = []
    qas: list[QaEntry | ChoiceEntry] = []
    clozes: list[ClozeEntry] = []
    orders: list[OrderEntry] = []
    kinds: dict[type, list[Any]] = {
        DateEntry: dates,
        FigureEntry: figures,
        QuoteEntry: quotes,
        QaEntry: qas,
        ChoiceEntry: qas,
        ClozeEntry: clozes,
        OrderEntry: orders,
    }
    for entry in deck.entries:
        kinds[type(entry)].append(entry)
    dates.sort(key=lambda e: e.date.sort_key)
    if dates:
        lines += ["## Dates", "", "| When | What |", "| --- | --- |"]
        lines += [f"| {md(render_date(e.date))} | {md(e.event)} |" for e in dates]
        lines.append("")
    if figures:
        lines += ["## Figures", "", "| Figure | What it measures |", "| --- | --- |"]
        lines += [f"| {md(figure_value(e))} | {md(e.measure)} |" for e in figures]
        lines.append("")
    if quotes:
        lines += ["## Who said what", ""]
        for q in quotes:
            who = f"**{md(q.speaker)}**" + (f", {md(q.context)}" if q.context else "")
            lines += [f"> “{md(q.quote)}”  ", f"> — {who}", ""]
    if qas:
        lines += ["## Questions", ""]
        for n, e in enumerate(qas, start=1):
            also = ""
            if isinstance(e, QaEntry) and e.accept:
                also = f" (also: {', '.join(md(a) for a in e.accept)})"
            lines += [f"{n}. {md(e.prompt)}  ", f"   **{md(e.answer)}**{also}"]
            if e.explanation:
                lines.append(f"   *{md(e.explanation)}*")
        lines.append("")
    if clozes:
        lines += ["## Key sentences", ""]
        for c in clozes:
            lines.append(f"- {_filled(c.text)}")
        lines.append("")
    if orders:
        lines += ["## Chronologies", ""]
        for o in orders:
            lines += [f"**{md(o.prompt or 'In chronological order')}**", ""]
            lines += [f"{n}. {md(event)}" for n, event in enumerate(o.events, start=1)]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
