"""A cached deck holds each string and list once, and its entries hold their cards' strings.

What 200,000 cards fit in: equal values read back from the cache are one object, the
entries keep no ``__dict__`` of their own until asked for one, and the answer is the
same deck either way (``model_dump`` and ``==`` as validated).
"""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.discovery import LoadedDeck, discover
from studyapp.core.decks.model import ClozeEntry, QaEntry

DECK = """\
id: shared
title: Sharing
entries:
  - id: a
    kind: qa
    prompt: First?
    answer: One
    tags: [alpha, beta]
  - id: b
    kind: qa
    prompt: Second?
    answer: Two
    tags: [alpha, beta]
    accept: [Deux]
  - id: c
    kind: qa
    prompt: Third?
    answer: Three
    tags: [gamma]
  - id: d
    kind: cloze
    text: The {{sky}} is blue.
"""


def _cold_and_warm(tmp_path: Path) -> tuple[LoadedDeck, LoadedDeck]:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "shared.yaml").write_text(DECK, encoding="utf-8")
    cache = DeckCache(tmp_path / "cache")
    (cold,) = discover([tmp_path / "decks"], cache=cache).decks
    (warm,) = discover([tmp_path / "decks"], cache=cache).decks
    assert cold.is_read and not warm.is_read
    return cold, warm


def test_a_cached_deck_reads_back_equal_to_the_validated_one(tmp_path: Path) -> None:
    cold, warm = _cold_and_warm(tmp_path)
    assert warm.deck == cold.deck
    assert warm.deck.model_dump() == cold.deck.model_dump()
    assert [e.model_dump() for e in warm.deck.entries] == [
        e.model_dump() for e in cold.deck.entries
    ]


def test_equal_strings_and_lists_read_back_as_one_object(tmp_path: Path) -> None:
    _, warm = _cold_and_warm(tmp_path)
    a, b, c, d = warm.deck.entries
    assert isinstance(a, QaEntry) and isinstance(b, QaEntry) and isinstance(c, QaEntry)
    assert isinstance(d, ClozeEntry)
    assert a.kind is b.kind is c.kind
    assert a.tags is b.tags  # the same tags: one list
    assert a.tags == ["alpha", "beta"] and c.tags == ["gamma"]
    assert a.accept is c.accept == []  # no accepted answers: one empty list
    assert b.accept == ["Deux"]
    assert d.kind == "cloze"


def test_entries_hold_their_cards_strings(tmp_path: Path) -> None:
    _, warm = _cold_and_warm(tmp_path)
    cards = warm.cards()
    entries = {entry.id: entry for entry in warm.deck.entries}
    for card in cards:
        entry = entries[card.entry_id]
        assert entry.id is card.entry_id
        if isinstance(entry, QaEntry) and card.variant == cards[0].variant:
            assert entry.prompt is card.prompt
            assert entry.answer is card.answer
    assert [card.entry for card in cards] == [entries[card.entry_id] for card in cards]


def test_an_entry_built_without_a_dict_still_gives_one(tmp_path: Path) -> None:
    """Its fields live in the object's own value array (keys shared by the class), a
    third of a dict's size; asking for ``__dict__`` still gives every field."""
    cold, warm = _cold_and_warm(tmp_path)
    entry = warm.deck.entries[0]
    assert isinstance(entry, QaEntry)
    assert entry.prompt == "First?"
    assert set(entry.__dict__) == set(cold.deck.entries[0].__dict__)
    assert entry.model_copy(update={"prompt": "Other?"}).prompt == "Other?"
    assert entry.prompt == "First?"


@pytest.mark.parametrize("code", [-1, 99])
def test_a_kind_or_variant_out_of_the_names_is_a_miss(tmp_path: Path, code: int) -> None:
    cold, _ = _cold_and_warm(tmp_path)
    (entry,) = (tmp_path / "cache").iterdir()
    blob = entry.read_bytes()
    index_end = 8 + int.from_bytes(blob[:8], "little")
    index = msgspec.msgpack.decode(blob[8:index_end])
    index["cards"]["kind"][0] = code
    packed = msgspec.msgpack.encode(index)
    entry.write_bytes(len(packed).to_bytes(8, "little") + packed + blob[index_end:])
    (again,) = discover([tmp_path / "decks"], cache=DeckCache(tmp_path / "cache")).decks
    assert again.is_read  # validated from the file, not built from the index
    assert again.cards() == cold.cards()
