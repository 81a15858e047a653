"""The fast deck writer writes exactly what the deck writer writes, in chunks or not."""

from __future__ import annotations

from typing import Any

import pytest

from studyapp.core.authoring.anki import deckyaml
from studyapp.core.authoring.anki.deckyaml import deck_yaml
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import Deck
from studyapp.core.decks.writer import dump_deck
from tests.core.authoring.test_export import BUNDLED


def words(count: int) -> Deck:
    entries: list[dict[str, Any]] = []
    for n in range(count):
        entries.append(
            {
                "id": f"w{n}",
                "kind": "qa",
                "prompt": f"word {n}: yes" if n % 3 else "no",
                "answer": f"line one {n}\nline two" if n % 2 else "1965",
                "reverse": True if n % 4 == 0 else None,
                "tags": ["a", f"t{n % 5}"],
            }
        )
    return Deck.model_validate(
        {"id": "w", "title": "Words: a list", "language": "fr", "entries": entries}
    )


@pytest.mark.parametrize("chunk", [1, 3, 1000])
def test_the_same_text_as_dump_deck(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deckyaml, "_CHUNK", chunk)
    for deck in (words(10), load_deck(BUNDLED)):
        text = deck_yaml(deck)
        assert text == dump_deck(deck, schema_comment=False)
        assert parse_deck(text, "x.yaml") == deck


def test_a_schema_line_heads_it() -> None:
    text = deck_yaml(words(2), schema="deck.schema.json")
    assert text.startswith("# yaml-language-server: $schema=deck.schema.json\nid: w\n")
