"""File stamps: an unchanged deck found by its ``stat`` alone, and every way that is refused."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from studyapp.core.base.fsclock import file_system_now
from studyapp.core.base.problems import DeckLoadError
from studyapp.core.decks import discovery
from studyapp.core.decks.cache import RACY_SECONDS, DeckCache
from studyapp.core.decks.discovery import discover, load_card_keys

DECK = (
    "id: {id}\ntitle: Deck {id}\nentries:\n  - id: a\n    kind: qa\n    prompt: {q}\n"
    "    answer: A\n"
)
LATER = 10 * RACY_SECONDS
"""How far ahead the tests' cache clock runs: the files written now are then old."""


def later_cache(tmp_path: Path) -> DeckCache:
    """A cache whose clock is the file system's, :data:`LATER` ahead (never the process's:
    under faketime that can be hours behind the times files are given)."""

    def later() -> float:
        now = file_system_now(tmp_path)
        assert now is not None
        return now + LATER

    return DeckCache(tmp_path / "cache", clock=later)


def write(path: Path, deck_id: str = "d", q: str = "Q?") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DECK.format(id=deck_id, q=q), encoding="utf-8")
    return path


def stamps(cache: DeckCache) -> list[Path]:
    folder = cache.directory / "files"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the deck file was read")

    monkeypatch.setattr(discovery, "read_bytes", refuse)


def test_an_unchanged_deck_is_found_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "decks" / "d.yaml")
    cache = later_cache(tmp_path)
    (cold,) = discover([str(path)], cache=cache, trust_stat=True).decks  # validated, cached
    discover([str(path)], cache=cache, trust_stat=True)  # read, hashed, stamped
    assert len(stamps(cache)) == 1
    no_reading(monkeypatch)
    (again,) = discover([str(path)], cache=cache, trust_stat=True).decks
    assert again.cards() == cold.cards()
    assert again.deck == cold.deck  # from the cache entry
    (keys,) = load_card_keys([str(path)], cache=cache)  # `studyapp stats` too
    assert [k.id for k in keys.cards] == [c.id for c in cold.cards()]


def test_without_trust_the_file_is_read_whatever_the_stamp_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload, or a tool, reads every file: a stamp pointing elsewhere is not followed."""
    path = write(tmp_path / "decks" / "d.yaml", q="Now?")
    other = write(tmp_path / "other" / "e.yaml", deck_id="e")
    cache = later_cache(tmp_path)
    discover([str(other)], cache=cache)
    e_key = DeckCache.key(other.read_bytes())
    assert cache.remember(path, path.stat(), e_key)  # a stamp that lies about d.yaml
    (trusting,) = discover([str(path)], cache=cache, trust_stat=True).decks
    assert trusting.deck_id == "e"  # (trusted, as the app's start does)
    (read,) = discover([str(path)], cache=cache).decks
    assert read.deck_id == "d" and read.cards()[0].prompt == "Now?"


def test_a_file_replaced_since_its_stamp_is_read_again(tmp_path: Path) -> None:
    """An editor saving by writing a new file and renaming it over the old one."""
    path = write(tmp_path / "decks" / "d.yaml", q="Old?")
    cache = later_cache(tmp_path)
    for _ in range(2):
        discover([str(path)], cache=cache, trust_stat=True)
    assert stamps(cache)
    old = path.stat()
    new = write(tmp_path / "decks" / "new.tmp", q="New?")  # same size
    os.utime(new, ns=(old.st_atime_ns, old.st_mtime_ns))  # and modification time
    os.replace(new, path)
    (loaded,) = discover([str(path)], cache=cache, trust_stat=True).decks
    assert loaded.cards()[0].prompt == "New?"


def test_a_stamp_must_match_every_part_of_the_stat(tmp_path: Path) -> None:
    path = write(tmp_path / "d.yaml")
    cache = later_cache(tmp_path)
    stat = path.stat()
    assert cache.remember(path, stat, "k" * 64)
    assert cache.known_key(path, stat) == "k" * 64
    times = {"st_mtime_ns": stat.st_mtime_ns, "st_ctime_ns": stat.st_ctime_ns}
    for place in (1, 2, 6):  # inode, device, size (of: mode, ino, dev, nlink, uid, gid, size...)
        changed = list(stat)
        changed[place] += 1
        assert cache.known_key(path, os.stat_result(changed, times)) is None
    assert cache.known_key(path, os.stat_result(tuple(stat), times)) == "k" * 64
    assert cache.known_key(tmp_path / "elsewhere.yaml", stat) is None
    for name in times:  # (a restored modification time still changes the change time)
        moved = dict(times, **{name: times[name] + 1})
        assert cache.known_key(path, os.stat_result(tuple(stat), moved)) is None


def test_a_file_changed_just_now_is_not_stamped(tmp_path: Path) -> None:
    """Two writes within one tick of a coarse file clock would look alike: a file is
    stamped only once it is a few seconds old, and read again until then."""
    path = write(tmp_path / "decks" / "d.yaml")
    now = DeckCache(tmp_path / "cache")  # the file system's clock, as the app's cache
    assert not now.remember(path, path.stat(), "k" * 64)
    for _ in range(2):
        discover([str(path)], cache=now, trust_stat=True)
    assert stamps(now) == []


def test_the_file_systems_clock_decides_not_the_processs(tmp_path: Path) -> None:
    """A file is old or new by the clock that stamped it. The Python binary was installed
    long ago by any clock: it is stamped, even with the process's clock set back (the
    suite runs under faketime hours behind the file system)."""
    old = Path(os.path.realpath(sys.executable))
    cache = DeckCache(tmp_path / "cache")
    assert cache.remember(old, old.stat(), "k" * 64)
    assert cache.known_key(old, old.stat()) == "k" * 64
    fresh = write(tmp_path / "decks" / "d.yaml")
    assert not cache.remember(fresh, fresh.stat(), "k" * 64)


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b'{"path": 1}', b"[]"],
    ids=["empty", "not json", "wrong type", "not an object"],
)
def test_a_damaged_stamp_is_a_miss(tmp_path: Path, damage: bytes) -> None:
    path = write(tmp_path / "decks" / "d.yaml")
    cache = later_cache(tmp_path)
    for _ in range(2):
        discover([str(path)], cache=cache, trust_stat=True)
    (stamp,) = stamps(cache)
    stamp.write_bytes(damage)
    assert cache.known_key(path, path.stat()) is None
    (loaded,) = discover([str(path)], cache=cache, trust_stat=True).decks
    assert loaded.deck_id == "d"
    assert cache.known_key(path, path.stat()) is not None  # stamped again


def test_a_stamp_of_another_build_is_a_miss(tmp_path: Path) -> None:
    path = write(tmp_path / "decks" / "d.yaml")
    cache = later_cache(tmp_path)
    for _ in range(2):
        discover([str(path)], cache=cache, trust_stat=True)
    (stamp,) = stamps(cache)
    stamp.write_bytes(stamp.read_bytes().replace(b'"salt":"studyapp ', b'"salt":"studyapp 0'))
    assert cache.known_key(path, path.stat()) is None


def test_a_deck_whose_cache_entry_vanished_and_file_changed_says_to_reload(
    tmp_path: Path,
) -> None:
    """The cards in memory came from the bytes read at start; entries from other bytes
    could contradict them, so the deck is not read from the edited file."""
    path = write(tmp_path / "decks" / "d.yaml", q="Old?")
    cache = later_cache(tmp_path)
    discover([str(path)], cache=cache)
    (warm,) = discover([str(path)], cache=cache, trust_stat=True).decks
    assert not warm.is_read
    for entry in cache.directory.glob("*.entry"):
        entry.unlink()
    write(path, q="New?")
    with pytest.raises(DeckLoadError) as raised:
        _ = warm.deck
    (problem,) = raised.value.problems
    assert "changed since studyapp read it" in problem.message and "reload" in problem.message
    assert warm.cards()[0].entry is None  # a card is judged without its entry meanwhile
    (reloaded,) = discover([str(path)], cache=cache).decks  # what reloading does
    assert reloaded.cards()[0].prompt == "New?" and reloaded.cards()[0].entry is not None


def test_old_stamps_are_pruned_with_old_entries(tmp_path: Path) -> None:
    path = write(tmp_path / "decks" / "d.yaml")
    cache = later_cache(tmp_path)
    for _ in range(2):
        discover([str(path)], cache=cache, trust_stat=True)
    (stamp,) = stamps(cache)
    removed = cache.prune(now=later_cache(tmp_path).clock() + 31 * 86400)  # type: ignore[misc]
    assert stamp in removed and not stamp.exists()
