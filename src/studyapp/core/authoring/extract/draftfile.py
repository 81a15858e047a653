"""A drafted deck as commented YAML that ``studyapp validate`` accepts.

Entries are grouped by kind under a comment, fields come in the order an
author reads them (``review: true`` right after the kind, so that accepting an
entry is deleting one line near its top), and what the draft leaves to the
author (quotations without a speaker, relative dates without the article's
date) is listed in comments at the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from studyapp.core.authoring.extract.sentences import word_list
from studyapp.core.decks.model import Deck
from studyapp.core.decks.writer import SCHEMA_COMMENT, deck_to_data, yaml_text

__all__ = ["FIELD_ORDER", "draft_yaml", "dump_yaml"]


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
    deck: Deck, *, origin: str = "", schema: str | None = None, notes: Sequence[str] = ()
) -> str:
    """The draft deck as commented YAML, with ``notes`` for the author at the end."""
    data = deck_to_data(deck)
    for entry in data["entries"]:
        ordered = {k: entry[k] for k in FIELD_ORDER if k in entry}
        ordered.update({k: v for k, v in entry.items() if k not in ordered})
        entry.clear()
        entry.update(ordered)
    body = dump_yaml(data)
    out: list[str] = []
    current = None
    kinds = iter(e.kind for e in deck.entries)
    for line in body.split("\n"):
        if line.startswith("- id: "):
            kind = next(kinds)
            if kind != current:
                count = sum(1 for e in deck.entries if e.kind == kind)
                out += ["", f"# ---- {_GROUP_HEADINGS.get(kind, kind)} ({count})"]
                current = kind
        out.append(line)
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
