"""Deck files of tens of thousands of entries, written with libyaml's emitter.

:func:`~studyapp.core.decks.writer.dump_deck` emits with PyYAML's pure-Python emitter:
fine for a draft, a minute for the 50,000 entries of an Anki collection. This writes
the same text (a test holds the two to it) through ``yaml.CSafeDumper`` when PyYAML
was built with libyaml, with the writer's rules for strings: several lines as a
``|`` block, and quoted where our YAML 1.2 reader would read something else than
the text. Without libyaml it is ``dump_deck`` itself.
"""

from __future__ import annotations

from typing import Any

import yaml

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.model import Deck
from studyapp.core.decks.writer import deck_to_data, dump_deck
from studyapp.core.decks.yamlread import resolve_plain

__all__ = ["deck_yaml"]

_FAST = getattr(yaml, "__with_libyaml__", False)


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        node: yaml.ScalarNode = dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
        return node
    if resolve_plain(value) != value:
        quoted: yaml.ScalarNode = dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
        return quoted
    plain: yaml.ScalarNode = dumper.represent_scalar("tag:yaml.org,2002:str", value)
    return plain


if _FAST:

    class _Dumper(yaml.CSafeDumper):
        """libyaml's emitter, the deck writer's strings."""

    _Dumper.add_representer(str, _represent_str)


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
            parts.append(_dump(data["entries"]))
    return "".join(parts)


_CHUNK = 1000


def _dump(data: object) -> str:
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text
