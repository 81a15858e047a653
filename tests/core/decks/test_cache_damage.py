"""A damaged deck cache entry is a miss, replaced by the next read: never an exception, and
never a read of more bytes than the file holds (a header once claimed 16 EiB)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.discovery import discover, load_card_keys
from tests.conftest import REPO

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"


def _cached(tmp_path: Path) -> tuple[Path, DeckCache, Path]:
    folder = tmp_path / "decks"
    folder.mkdir(exist_ok=True)
    (folder / "a.yaml").write_bytes(DECK.read_bytes())
    cache = DeckCache(tmp_path / "cache")
    discover([folder], cache=cache)
    (entry,) = cache.directory.glob("*.entry")
    return folder, cache, entry


def _titles(folder: Path, cache: DeckCache) -> list[tuple[str, int]]:
    return [(d.title, len(d.cards())) for d in discover([folder], cache=cache).decks]


@pytest.mark.parametrize(
    "header",
    [
        b"\xff" * 8,  # 16 EiB: an OverflowError from read()
        (4 << 30).to_bytes(8, "little"),  # 4 GiB: allocated by read() before reading
        b"\x01",  # shorter than a header
    ],
)
def test_a_header_claiming_more_than_the_file_is_a_miss_and_is_replaced(
    tmp_path: Path, header: bytes
) -> None:
    folder, cache, entry = _cached(tmp_path)
    expected = _titles(folder, DeckCache(tmp_path / "elsewhere"))
    good = entry.read_bytes()
    entry.write_bytes(header + good[len(header) :] if len(header) == 8 else header)

    tracemalloc.start()
    try:
        keys = [(d.title, len(d.cards)) for d in load_card_keys([folder], cache=cache)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert keys == expected
    assert peak < 64 * len(good) + (16 << 20)  # nothing near the size the header claims
    assert entry.read_bytes() == good  # the damaged entry was replaced by a good one
    assert _titles(folder, cache) == expected  # and reads as a hit again


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.binary(max_size=300) | st.binary(min_size=8, max_size=8).map(lambda b: b * 3))
def test_any_bytes_as_an_entry_are_a_miss_never_an_exception(tmp_path: Path, data: bytes) -> None:
    cache = DeckCache(tmp_path / "fuzz")
    key = "0" * 64
    cache.directory.mkdir(exist_ok=True)
    entry = cache.directory / f"{key}.entry"
    for read in (cache.get_index, cache.get_keys, cache.get):
        entry.write_bytes(data)
        assert read(key) is None
