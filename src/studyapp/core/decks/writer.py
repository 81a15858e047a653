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
from studyapp.core.decks.yamlscalar import SpelledFloat, SpelledInt

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/deck.schema.json\n"


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line text as ``|`` blocks."""


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if "\n" in value:  # the emitter falls back to quotes when a block cannot hold it
        style = "|"
    elif resolve_plain(value) != value:
        # PyYAML would write "08" or "1_000" plain; our YAML 1.2 reader would see numbers.
        style = '"'
    node: yaml.ScalarNode = dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)
    return node


def _represent_spelled(dumper: Any, value: SpelledFloat | SpelledInt) -> yaml.ScalarNode:
    """A number read from YAML (a review edits an entry whose ``value: 1.50``) is written
    as the author wrote it, plain: it reads back as the same number (or text)."""
    tag = dumper.resolve(yaml.ScalarNode, value.spelled, (True, False))
    node: yaml.ScalarNode = dumper.represent_scalar(tag, value.spelled)
    return node


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(SpelledFloat, _represent_spelled)
_Dumper.add_representer(SpelledInt, _represent_spelled)

if getattr(yaml, "__with_libyaml__", False):

    class _FastDumper(yaml.CSafeDumper):
        """libyaml's emitter with the same strings (an Anki import writes 50,000 entries)."""

    _FastDumper.add_representer(str, _represent_str)
    _FastDumper.add_representer(SpelledFloat, _represent_spelled)
    _FastDumper.add_representer(SpelledInt, _represent_spelled)
    _FAST: type[yaml.SafeDumper] | type[yaml.CSafeDumper] = _FastDumper
else:  # pragma: no cover - PyYAML built without libyaml
    _FAST = _Dumper


def yaml_text(data: object, *, fast: bool = False) -> str:
    """Block-style YAML as people write decks: fields in the given order, multi-line text
    as ``|`` blocks, text that would read as a number quoted. ``fast``: libyaml's emitter
    where PyYAML has it (the same text for deck data, several times quicker)."""
    text: str = yaml.dump(
        data,
        Dumper=_FAST if fast else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text


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
    return (SCHEMA_COMMENT if schema_comment else "") + yaml_text(deck_to_data(deck))
