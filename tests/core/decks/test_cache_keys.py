"""Card keys (id, deck, kind) read from the deck cache's index for statistics: the same
decks and cards as :func:`discover` gives, on a hit, a miss or a damaged entry."""

from __future__ import annotations

from pathlib import Path

from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.discovery import discover, load_card_keys
from tests.conftest import REPO

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"


def _expected(folder: Path) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    found = discover([folder], cache=None)
    return [
        (d.deck_id, d.title, [(c.id, c.deck_id, c.kind) for c in d.cards()]) for d in found.decks
    ]


def _keys(folder: Path, cache: DeckCache) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    return [
        (d.deck_id, d.title, [(c.id, c.deck_id, c.kind) for c in d.cards])
        for d in load_card_keys([folder], cache=cache)
    ]


def test_keys_are_the_cards_of_discover_on_a_miss_a_hit_and_a_damaged_entry(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / DECK.name).write_bytes(DECK.read_bytes())  # named after its id: keeps it
    (folder / "b.yaml").write_bytes(DECK.read_bytes())  # the same deck id: left out
    (folder / "c.yaml").write_text("title: [unclosed\n", encoding="utf-8")  # broken: left out
    cache = DeckCache(tmp_path / "cache")
    expected = _expected(folder)
    assert len(expected) == 1 and len(expected[0][2]) > 10
    assert len({kind for _, _, kind in expected[0][2]}) > 1

    assert _keys(folder, cache) == expected  # a miss: read, validated and cached
    (entry,) = cache.directory.glob("*.entry")
    assert _keys(folder, cache) == expected  # a hit: the index's columns

    blob = bytearray(entry.read_bytes())
    blob[20:40] = b"\xff" * 20  # damaged inside the index
    entry.write_bytes(bytes(blob))
    assert _keys(folder, cache) == expected  # a miss again, never wrong keys


def test_keys_refuse_an_index_whose_kinds_point_past_its_names() -> None:
    import msgspec
    import pytest

    from studyapp.core.decks.cache import decode_keys

    index = msgspec.msgpack.encode(
        {"id": "d", "title": "t", "cards": {"id": ["d/e/v"], "kind": [3], "names": ["qa"]}}
    )
    with pytest.raises(ValueError):
        decode_keys(len(index).to_bytes(8, "little") + index)
