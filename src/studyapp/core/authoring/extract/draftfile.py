"""A drafted deck as commented YAML that ``studyapp validate`` accepts.

Entries are grouped by kind under a comment, fields come in the order an
author reads them (``review: true`` right after the kind, so that accepting an
entry is deleting one line near its top), and what the draft leaves to the
author (quotations without a speaker, relative dates without the article's
date) is listed in comments at the end. What one entry leaves its author to check
is a comment right under its ``review: true`` (:data:`CHECK_MARK`): the review
shows it, no learner ever does, and accepting the entry deletes it with the flag.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from studyapp.core.authoring.extract.sentences import word_list
from studyapp.core.decks.model import Deck
from studyapp.core.decks.writer import SCHEMA_COMMENT, deck_to_data, yaml_text

__all__ = ["CHECK_MARK", "CHECK_MORE", "FIELD_ORDER", "check_lines", "draft_yaml", "dump_yaml"]

CHECK_MARK = "# to check: "
"""How a note for the author starts, under an entry's ``review: true``."""
CHECK_MORE = "#   "
"""How a note's further lines start."""


def check_lines(notes: Sequence[str], indent: int) -> list[str]:
    """The comment lines of ``notes`` at ``indent``, wrapped at 100 columns."""
    pad = " " * indent
    width = max(40, 100 - indent - len(CHECK_MARK))
    out: list[str] = []
    for note in notes:
        for n, line in enumerate(textwrap.wrap(" ".join(note.split()), width) or [""]):
            out.append(f"{pad}{CHECK_MARK if n == 0 else CHECK_MORE}{line}".rstrip())
    return out


def dump_yaml(data: object) -> str:
    """Block-style YAML for ``data`` as drafts are written (the review screen writes an
    edited field or entry with it, so an edit reads like the rest of the draft)."""
    return yaml_text(data)


FIELD_ORDER = word_list(
    "id kind review prompt event date measure value unit accept quote speaker speaker_aliases "
    "context text answer variants tags explanation source"
)
"""The order of an entry's fields in a draft: what it asks, its answer, then the rest."""

_GROUP_HEADINGS = {
    "date": "dates",
    "qa": "dates without a year the text gives",
    "figure": "figures",
    "quote": "statements: quoted, or reported (asked only as who said it)",
}


def draft_yaml(
    deck: Deck,
    *,
    origin: str = "",
    schema: str | None = None,
    notes: Sequence[str] = (),
    checks: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """The draft deck as commented YAML, with ``notes`` for the author at the end and each
    entry's ``checks`` (by default a drafted deck's own) under its ``review: true``."""
    if checks is None:
        checks = getattr(deck, "checks", None) or {}
    data = deck_to_data(deck)
    for entry in data["entries"]:
        ordered = {k: entry[k] for k in FIELD_ORDER if k in entry}
        ordered.update({k: v for k, v in entry.items() if k not in ordered})
        entry.clear()
        entry.update(ordered)
    body = dump_yaml(data)
    out: list[str] = []
    current = None
    kinds = iter(deck.entries)
    entry_id = ""
    for line in body.split("\n"):
        if line.startswith("- id: "):
            entry = next(kinds)
            entry_id = entry.id
            if entry.kind != current:
                count = sum(1 for e in deck.entries if e.kind == entry.kind)
                out += ["", f"# ---- {_GROUP_HEADINGS.get(entry.kind, entry.kind)} ({count})"]
                current = entry.kind
        out.append(line)
        if line == "  review: true" and checks.get(entry_id):
            out += check_lines(checks[entry_id], 2)
    schema_line = (
        f"# yaml-language-server: $schema={schema}" if schema else SCHEMA_COMMENT.rstrip("\n")
    )
    header = [
        schema_line,
        "#",
        f"# A DRAFT drafted by `studyapp extract`{' from ' + origin if origin else ''}.",
        "# Every `source` is the verbatim sentence; the prompts, events, measures and contexts",
        "# are first guesses, and every entry says `review: true` until you have checked it.",
        "# Edit them, delete what is not worth learning and each `review: true` you have",
        "# checked, then run `studyapp lint` and `studyapp validate` on this file.",
        "",
    ]
    footer = ["", "# ---- left to you", *(f"# {n}" for n in notes)] if notes else []
    text = "\n".join(header + out + footer)
    return text if text.endswith("\n") else text + "\n"
