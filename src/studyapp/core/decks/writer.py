"""Write a Deck back to YAML that people can read and edit, and that loads back unchanged.

Used wherever studyapp drafts decks for a person to finish (import, extract,
``new``). Fields come out in the order an author would write them, empty
optional fields are left out, and long text uses block scalars.
"""

from __future__ import annotations

from typing import Any

import yaml

from studyapp.core.decks.model import Deck
from studyapp.core.decks.yamlread import resolve_plain

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/deck.schema.json\n"


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line text as ``|`` blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:  # the emitter falls back to quotes when a block cannot hold it
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if resolve_plain(value) != value:
        # PyYAML would write "08" or "1_000" plain; our YAML 1.2 reader would see numbers.
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def deck_to_data(deck: Deck) -> dict[str, Any]:
    """Plain data for a deck, leaving out what is empty or default."""
    data: dict[str, Any] = deck.model_dump(mode="json", exclude_none=True)
    if data.get("language") == "en":
        data.pop("language")
    for entry in data["entries"]:
        for key in [k for k, v in entry.items() if v == []]:
            del entry[key]
        # put id and kind first, as people write them
        ordered = {"id": entry.pop("id"), "kind": entry.pop("kind"), **entry}
        entry.clear()
        entry.update(ordered)
    return data


def dump_deck(deck: Deck, *, schema_comment: bool = True) -> str:
    """YAML text for ``deck``; ``load``-ing it gives back an equal Deck."""
    text = yaml.dump(
        deck_to_data(deck),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return (SCHEMA_COMMENT if schema_comment else "") + text
