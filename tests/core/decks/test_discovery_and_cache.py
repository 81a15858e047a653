"""Finding decks, loading many without one spoiling the rest, and the deck cache."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import msgspec
import pytest

from studyapp.core.decks.cache import KEEP_UNUSED_DAYS, DeckCache
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.discovery import LoadedDeck, bundled_decks_dir, deck_roots, discover
from studyapp.core.decks.loader import load_deck
from studyapp.core.decks.model import Deck

GOOD = (
    "id: {id}\ntitle: Deck {id}\nentries:\n  - id: a\n    kind: qa\n    prompt: Q?\n    answer: A\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_precedence_paths_then_env_then_local_then_bundled(tmp_path: Path) -> None:
    local = tmp_path / "work"
    (local / "decks").mkdir(parents=True)
    env = {"STUDYAPP_DECKS": f"/a{os.pathsep}/b"}
    assert deck_roots(["x.yaml"], env=env, cwd=local) == ([Path("x.yaml")], "command line")
    assert deck_roots(None, env=env, cwd=local) == ([Path("/a"), Path("/b")], "STUDYAPP_DECKS")
    assert deck_roots(None, env={}, cwd=local) == ([local / "decks"], "./decks")
    roots, origin = deck_roots(None, env={}, cwd=tmp_path / "empty")
    assert origin == "bundled decks" and roots == [bundled_decks_dir()]


def test_bundled_decks_are_found_and_valid() -> None:
    folder = bundled_decks_dir()
    assert folder is not None
    result = discover([str(folder)])
    assert result.ok, [str(p) for f in result.failures for p in f.problems]
    assert "lee-pragmatic-diplomacy" in result.by_id()


def test_a_broken_deck_is_reported_and_the_others_load(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD.format(id="alpha"))
    write(tmp_path, "b.yaml", "id: beta\ntitle: [oops\n")
    write(tmp_path / "sub", "c.yml", GOOD.format(id="gamma"))
    write(tmp_path, "final.exam.yaml", "title: not a deck\n")
    write(tmp_path, "notes.txt", "ignored")
    result = discover([str(tmp_path)])
    assert sorted(result.by_id()) == ["alpha", "gamma"]
    assert len(result.failures) == 1 and result.failures[0].file.endswith("b.yaml")


def test_two_decks_with_one_id_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD.format(id="same"))
    write(tmp_path, "b.yaml", GOOD.format(id="same"))
    result = discover([str(tmp_path)])
    assert not result.decks  # neither file is named after the id: neither loads
    assert "is also used by" in result.failures[0].problems[0].message


def test_a_missing_path_is_reported(tmp_path: Path) -> None:
    result = discover([str(tmp_path / "nope.yaml")])
    assert not result.decks and "no such file" in result.failures[0].problems[0].message


def test_cache_gives_back_an_equal_deck_and_misses_on_edit(tmp_path: Path) -> None:
    deck_file = Path(str(bundled_decks_dir())) / "lee-pragmatic-diplomacy.yaml"
    cache = DeckCache(tmp_path / "cache")
    fresh = load_deck(deck_file, cache=cache)
    assert len(list((tmp_path / "cache").iterdir())) == 1
    cached = load_deck(deck_file, cache=cache)
    assert cached == fresh and cached.entries[0].__class__ is fresh.entries[0].__class__
    assert cached.model_dump() == fresh.model_dump()
    edited = write(tmp_path, "edited.yaml", GOOD.format(id="edited"))
    assert load_deck(edited, cache=cache).id == "edited"
    assert len(list((tmp_path / "cache").iterdir())) == 2


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x80\x05K\x01."])
def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path, damage: bytes) -> None:
    path = write(tmp_path, "d.yaml", GOOD.format(id="delta"))
    cache = DeckCache(tmp_path / "cache")
    load_deck(path, cache=cache)
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(damage)
    assert load_deck(path, cache=cache).id == "delta"


class _Evil:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_cache_that_would_run_code_is_refused(tmp_path: Path) -> None:
    import pickle

    path = write(tmp_path, "d.yaml", GOOD.format(id="delta"))
    cache = DeckCache(tmp_path / "cache")
    load_deck(path, cache=cache)
    (entry,) = (tmp_path / "cache").iterdir()
    marker = tmp_path / "pwned"
    entry.write_bytes(pickle.dumps(_Evil(marker)))
    assert load_deck(path, cache=cache).id == "delta"
    assert not marker.exists()


def test_an_unwritable_cache_never_fails_a_load(tmp_path: Path) -> None:
    path = write(tmp_path, "d.yaml", GOOD.format(id="delta"))
    blocker = write(tmp_path, "blocker", "a file where the cache folder should be")
    assert load_deck(path, cache=DeckCache(blocker / "cache")).id == "delta"


def _bundled_twice(tmp_path: Path) -> tuple[LoadedDeck, Deck]:
    """The bundled deck loaded cold (validated, cached), then warm (from the index)."""
    folder = bundled_decks_dir()
    assert folder is not None
    cache = DeckCache(tmp_path / "cache")
    (cold,) = discover([str(folder)], cache=cache).decks
    assert cold.is_read
    (warm,) = discover([str(folder)], cache=cache).decks
    return warm, cold.deck


def test_a_warm_deck_has_its_cards_before_its_entries_are_read(tmp_path: Path) -> None:
    warm, deck = _bundled_twice(tmp_path)
    assert not warm.is_read
    assert (warm.deck_id, warm.title, warm.entries) == (deck.id, deck.title, len(deck.entries))
    made = cards_for_deck(deck)
    cards = warm.cards()
    assert not warm.is_read  # ids, prompts and answers come from the index
    assert cards == made  # every field but the entry (which compares as equal anyway)
    assert [c.accepted for c in cards] == [c.accepted for c in made]
    assert [c.options for c in cards] == [c.options for c in made]
    assert [c.entry for c in cards] == [c.entry for c in made]
    assert warm.is_read and warm.deck == deck


def test_a_warm_deck_whose_cache_entry_vanished_is_validated_again(tmp_path: Path) -> None:
    warm, deck = _bundled_twice(tmp_path)
    for entry in (tmp_path / "cache").iterdir():
        entry.unlink()
    assert warm.deck == deck  # from the bytes read at start, not the (maybe edited) file
    assert len(list((tmp_path / "cache").iterdir())) == 1


def test_a_cache_entry_with_a_damaged_deck_half_is_a_miss(tmp_path: Path) -> None:
    warm, deck = _bundled_twice(tmp_path)
    (entry,) = (tmp_path / "cache").iterdir()
    blob = entry.read_bytes()
    index_end = 8 + int.from_bytes(blob[:8], "little")
    msgspec.msgpack.decode(blob[8:index_end])  # the index is intact; cut the deck short
    entry.write_bytes(blob[: index_end + 10])
    assert warm.deck == deck


@pytest.mark.parametrize(
    "tamper",
    [
        lambda index: index["cards"]["prompt"].__setitem__(0, 7),  # not a string
        lambda index: index["cards"]["options"].__setitem__(0, [1]),  # not strings
        lambda index: index["cards"]["answer"].pop(),  # one column shorter
        lambda index: index["cards"].__setitem__("extra", []),  # a column we do not know
        lambda index: index.__setitem__("entries", "many"),
    ],
    ids=["int prompt", "int option", "short column", "extra column", "entries"],
)
def test_a_tampered_index_is_a_miss(tmp_path: Path, tamper: Any) -> None:
    """The index is checked to the last value as it is decoded: a tampered one gives a
    miss (the deck is validated again), never a card that breaks a screen later."""
    folder = bundled_decks_dir()
    assert folder is not None
    cache = DeckCache(tmp_path / "cache")
    (cold,) = discover([str(folder)], cache=cache).decks
    (entry,) = (tmp_path / "cache").iterdir()
    blob = entry.read_bytes()
    index_end = 8 + int.from_bytes(blob[:8], "little")
    index = msgspec.msgpack.decode(blob[8:index_end])
    tamper(index)
    packed = msgspec.msgpack.encode(index)
    entry.write_bytes(len(packed).to_bytes(8, "little") + packed + blob[index_end:])
    (again,) = discover([str(folder)], cache=cache).decks
    assert again.is_read  # validated from the file, not built from the index
    assert again.cards() == cold.cards()


def test_threads_asking_for_a_deck_at_once_read_it_once(tmp_path: Path) -> None:
    warm, _ = _bundled_twice(tmp_path)
    with ThreadPoolExecutor(max_workers=4) as pool:
        decks = list(pool.map(lambda _: warm.deck, range(8)))
    assert all(d is decks[0] for d in decks)


def test_entries_unused_for_a_month_are_removed_when_one_is_written(tmp_path: Path) -> None:
    """Editing a deck or upgrading leaves entries that are never read again: they go."""
    folder = tmp_path / "cache"
    cache = DeckCache(folder)
    kept = write(tmp_path, "kept.yaml", GOOD.format(id="kept"))
    load_deck(kept, cache=cache)
    (kept_entry,) = folder.iterdir()
    month_ago = time.time() - (KEEP_UNUSED_DAYS + 1) * 86400
    stale = [folder / "0123.pickle", folder / "4567.entry", folder / ".tmp-x.entry"]
    for path in [*stale, folder / "notes.txt"]:
        path.write_bytes(b"old")
        os.utime(path, (month_ago, month_ago))
    os.utime(kept_entry, (month_ago, month_ago))
    assert load_deck(kept, cache=cache).id == "kept"  # a hit: the entry is in use again
    assert kept_entry.stat().st_mtime > month_ago

    load_deck(write(tmp_path, "new.yaml", GOOD.format(id="new")), cache=cache)  # a write
    left = {path.name for path in folder.iterdir()}
    assert kept_entry.name in left and "notes.txt" in left  # not ours: left alone
    assert not any(path.name in left for path in stale)
    assert len(left) == 3  # kept, new, notes.txt


def test_the_cache_key_reads_the_modules_that_make_cards() -> None:
    """A renamed module must not silently turn the model fingerprint into "unknown"
    (a dev build would then read cards cached by an older model)."""
    from studyapp.core.decks import cache

    assert cache._model_fingerprint() != "unknown"
