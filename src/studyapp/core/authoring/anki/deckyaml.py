"""Deck files of tens of thousands of entries, written with libyaml's emitter.

:func:`~studyapp.core.decks.writer.dump_deck` emits with PyYAML's pure-Python emitter:
fine for a draft, a minute for the 50,000 entries of an Anki collection. This writes
the same text (a test holds the two to it) through ``yaml.CSafeDumper`` when PyYAML
was built with libyaml, with the writer's rules for strings: several lines as a
``|`` block, and quoted where our YAML 1.2 reader would read something else than
the text. Most entries skip PyYAML altogether: :func:`~.entrytext.entry_text` writes
the text the emitter would, where it is certain. Without libyaml it is ``dump_deck``
itself.
"""

from __future__ import annotations

from typing import Any

import yaml

from studyapp.core.authoring.anki.entrytext import entry_text
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.model import Deck
from studyapp.core.decks.writer import deck_to_data, dump_deck, yaml_text

__all__ = ["deck_yaml"]

_FAST = getattr(yaml, "__with_libyaml__", False)


def deck_yaml(deck: Deck, *, schema: str | None = None) -> str:
    """The deck as YAML (what ``dump_deck`` writes), headed by a ``$schema`` line if given.

    The entries are turned into plain data and emitted a thousand at a time: the data
    of 50,000 entries at once was as big again as the entries themselves.
    """
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    if not _FAST:
        return head + dump_deck(deck, schema_comment=False)
    parts = [head]
    with paused_gc():
        entries = deck.entries
        for start in range(0, len(entries), _CHUNK):
            chunk = deck.model_copy(update={"entries": entries[start : start + _CHUNK]})
            data = deck_to_data(chunk)
            if start == 0:  # the deck's own keys, then "entries:" (always the last key)
                parts.append(_dump({k: v for k, v in data.items() if k != "entries"}))
                parts.append("entries:\n")
            _entries(data["entries"], parts)
    return "".join(parts)


def _entries(entries: list[dict[str, Any]], parts: list[str]) -> None:
    """The entries' text onto ``parts``: written directly where :func:`entry_text` can,
    the others (a run of them at a time) by the emitter."""
    others: list[dict[str, Any]] = []
    for entry in entries:
        text = entry_text(entry)
        if text is None:
            others.append(entry)
            continue
        if others:
            parts.append(_dump(others))
            others = []
        parts.append(text)
    if others:
        parts.append(_dump(others))


_CHUNK = 1000


def _dump(data: object) -> str:
    return yaml_text(data, fast=True)
