"""Which deck files to load, and loading all of them without one spoiling the rest.

Order of precedence: paths given on the command line, else ``STUDYAPP_DECKS``
(``os.pathsep``-separated), else ``./decks`` when it exists, else the decks
bundled with the installed package. A broken deck is reported; the others load.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Protocol, TypeVar

from msgspec import Struct, field

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.problems import DeckLoadError, Problem
from studyapp.core.base.terminal import terminal_safe
from studyapp.core.base.userfile import Limits, limits_from_env, read_bytes
from studyapp.core.decks.cache import CardKeys, DeckCache, DeckIndex
from studyapp.core.decks.card import Card, EntrySource, new_card, with_leaks

if TYPE_CHECKING:
    from studyapp.core.decks.model import AnyEntry, Deck

DECK_SUFFIXES = (".yaml", ".yml")
EXAM_SUFFIXES = (".exam.yaml", ".exam.yml")


def bundled_decks_dir() -> Path | None:
    """The decks shipped with studyapp: inside the wheel, or ``decks/`` of a source checkout."""
    # The package's own folder (not importlib.resources: its import, with zipfile's,
    # is ~6 ms of every start, and a zipped install could not be read as a Path anyway).
    packaged = Path(__file__).resolve().parents[2] / "bundled_decks"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[4] / "decks"
    if checkout.is_dir():
        return checkout
    return None


def deck_roots(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> tuple[list[Path], str]:
    """The folders/files to search and a word on where they came from."""
    env = dict(os.environ) if env is None else env
    cwd = cwd or Path.cwd()
    if paths:
        return [Path(p).expanduser() for p in paths], "command line"
    if env.get("STUDYAPP_DECKS"):
        parts = [p for p in env["STUDYAPP_DECKS"].split(os.pathsep) if p]
        return [Path(p).expanduser() for p in parts], "STUDYAPP_DECKS"
    local = cwd / "decks"
    if local.is_dir():
        return [local], "./decks"
    bundled = bundled_decks_dir()
    return ([bundled] if bundled else []), "bundled decks"


def is_deck_file(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(DECK_SUFFIXES) and not name.endswith(EXAM_SUFFIXES) and name[0] != "."


def is_exam_file(path: Path) -> bool:
    return path.name.lower().endswith(EXAM_SUFFIXES)


def expand(roots: Iterable[Path]) -> list[Path]:
    """Deck files under ``roots`` (folders are searched recursively), sorted, no repeats."""
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found.extend(p for p in sorted(root.rglob("*")) if p.is_file() and is_deck_file(p))
        else:
            found.append(root)  # a file named explicitly is loaded whatever its name
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve() if path.exists() else path, path)
    return list(unique.values())


class LoadedDeck(EntrySource):
    """A deck file that loaded: its id, title and cards at once, the validated deck on demand.

    From the deck cache only the index is read at start (see
    :mod:`studyapp.core.decks.cache`): the home screen needs ids and counts, and
    reading the entries means importing pydantic and the deck model. The deck is
    read the first time :attr:`deck` (or a card's entry) is asked for, once, by
    whichever thread asks first; the app asks from a worker right after its first
    frame, so no action has to wait for it.
    """

    __slots__ = (
        "_by_id",
        "_cards",
        "_deck",
        "_index",
        "_lock",
        "_source",
        "deck_id",
        "drafts",
        "entries",
        "path",
        "title",
    )

    def __init__(self, path: Path, deck: Deck) -> None:
        self.path = path
        self.deck_id = deck.id
        self.title = deck.title
        self.entries = len(deck.entries)
        self.drafts = deck.drafts
        """Entries still marked ``review: true``: a draft deck (see ``Deck.drafts``)."""
        self._deck: Deck | None = deck
        self._by_id: dict[str, AnyEntry] | None = None
        self._source: tuple[str, str, DeckCache] | None = None
        self._cards: list[Card] | None = None
        self._index: DeckIndex | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_index(
        cls, path: Path, index: DeckIndex, shown: str, key: str, cache: DeckCache
    ) -> LoadedDeck:
        """A deck known to be valid (the cache holds it under ``key``), not read yet.

        Its file's bytes are not kept (23 MB at 200,000 cards): the deck is read from the
        cache entry, or, should that vanish, from the file once more if it still hashes
        to ``key`` (see :meth:`_read`)."""
        loaded = cls.__new__(cls)
        loaded.path = path
        loaded.deck_id = index.deck_id
        loaded.title = index.title
        loaded.entries = index.entries
        loaded.drafts = index.drafts
        loaded._deck = None
        loaded._by_id = None
        loaded._source = (shown, key, cache)
        loaded._lock = threading.Lock()
        loaded._cards = None
        loaded._index = index  # its cards are made on first use (see cards)
        return loaded

    @property
    def size(self) -> int:
        """How many cards the deck has (without making them)."""
        index = self._index
        if self._cards is None and index is not None:
            return index.size
        return len(self.cards())

    def _cards_of_index(self, index: DeckIndex) -> list[Card]:
        deck_id, columns = index.deck_id, index.cards
        # one map() over the columns: 50,000 cards in a few tens of milliseconds
        cards = list(
            map(
                new_card,
                columns.id,
                itertools.repeat(deck_id),
                columns.entry,
                columns.variants(),
                columns.kinds(),
                columns.prompt,
                columns.answer,
                columns.accepted,
                columns.options,
                itertools.repeat(self),
            )
        )
        if index.leaks:  # the few cards whose entries a leak links (see decks.leaks)
            cards = with_leaks(cards, index.leaks)
        return cards

    @property
    def deck(self) -> Deck:
        """The validated deck (read from the cache, or the file's bytes, on first use)."""
        deck = self._deck
        if deck is None:
            with self._lock:
                deck = self._deck
                if deck is None:
                    deck = self._deck = self._read()
        return deck

    @property
    def is_read(self) -> bool:
        """Whether :attr:`deck` is in memory already."""
        return self._deck is not None

    def entry(self, entry_id: str) -> AnyEntry | None:
        """The entry with this id (reads the deck on first use); None if the deck can no
        longer be read (its file changed, and its cache entry is gone: see :meth:`_read`):
        a card is then judged without its entry, until the decks are reloaded."""
        by_id = self._by_id
        if by_id is None:
            try:
                deck = self.deck
            except DeckLoadError:
                return None
            by_id = self._by_id = {entry.id: entry for entry in deck.entries}
        return by_id.get(entry_id)

    def _read(self) -> Deck:
        assert self._source is not None
        shown, key, cache = self._source
        # From the cache entry the cards came from; if it vanished since (removed by
        # hand, damaged), from the file, validated again, if its bytes are still those.
        deck = cache.get(key)
        if deck is None:
            deck = _validated_again(self.path, shown, key, cache)
        self._source = None
        if self._cards is not None:
            share_strings(deck.entries, self._cards)
        return deck

    def cards(self) -> list[Card]:
        """Every card of the deck, in entry order (as ``cards.cards_for_deck`` makes them):
        from the cache's index when the deck came from it (see :meth:`from_index`). Two
        threads asking at once may both make them; the first one's are kept."""
        cards = self._cards
        if cards is None:
            index = self._index
            if index is not None:
                cards = self._cards_of_index(index)
            else:
                from studyapp.core.decks.cards import cards_for_deck

                cards = cards_for_deck(self.deck)
            with self._lock:
                if self._cards is None:
                    self._cards, self._index = cards, None
                cards = self._cards
        return cards

    def __repr__(self) -> str:
        return f"LoadedDeck({self.path!s}, {self.deck_id!r}, read={self.is_read})"


def _validated_again(path: Path, shown: str, key: str, cache: DeckCache) -> Deck:
    """The deck of ``path`` read and validated again, if the file still holds the bytes
    whose cache entry was ``key``; else a DeckLoadError saying to reload (the cards in
    memory came from those bytes: entries from other ones could contradict them)."""
    from studyapp.core.decks.loader import deck_from_bytes

    limits = limits_from_env()
    raw, problems = read_bytes(path, limits, shown)
    if raw is None:
        raise DeckLoadError(shown, problems)
    if DeckCache.key(raw) != key:
        message = (
            "the file changed since studyapp read it, and its cached copy is gone: "
            "reload the decks (r on the home screen) to read it again"
        )
        raise DeckLoadError(shown, [Problem(shown, 0, 0, "", message)])  # (the whole file)
    return deck_from_bytes(raw, shown, limits=limits, cache=cache, key=key)


_SHARED = ("prompt", "answer")
"""The fields of an entry its cards often repeat (a question's prompt and answer)."""


def share_strings(entries: Sequence[AnyEntry], cards: Sequence[Card]) -> None:
    """Make each entry hold its cards' strings where they are equal (its id, and often
    its prompt and answer), rather than its own copies: the cards were built from the
    cache's index, the entries read later from the deck, each with strings of its own
    (200,000 entries: ~35 MB). Cards come in their entries' order; an entry whose cards
    are not where expected keeps its own strings (equal either way)."""
    set_attribute = object.__setattr__
    position, count = 0, len(cards)
    for entry in entries:
        if position >= count or cards[position].entry_id != entry.id:
            continue
        card = cards[position]
        set_attribute(entry, "id", card.entry_id)
        for name in _SHARED:
            value = getattr(entry, name, None)
            if value is not None and value == getattr(card, name):
                set_attribute(entry, name, getattr(card, name))
        while position < count and cards[position].entry_id == card.entry_id:
            position += 1


class DeckSet(Struct):
    """The outcome of loading many decks: the good ones and what was wrong with the rest."""

    decks: list[LoadedDeck] = field(default_factory=list)
    failures: list[DeckLoadError] = field(default_factory=list)
    origin: str = ""
    roots: list[Path] = field(default_factory=list)
    """Where the decks were looked for (exam specs are looked for there too)."""

    @property
    def ok(self) -> bool:
        return not self.failures

    def by_id(self) -> dict[str, Deck]:
        """Every deck by id (reads any deck not read yet)."""
        return {loaded.deck_id: loaded.deck for loaded in self.decks}

    def find(self, deck_id: str) -> LoadedDeck | None:
        """The loaded deck with this id (without reading it), or None."""
        return next((loaded for loaded in self.decks if loaded.deck_id == deck_id), None)

    def read_all(self) -> None:
        """Read every deck now (the app does this off the UI thread after its first frame)."""
        with paused_gc():
            for loaded in self.decks:
                _ = loaded.deck


def display_name(path: Path, cwd: Path | None = None) -> str:
    """How a file is named in messages: relative to the working folder when under it,
    and :func:`terminal_safe` (a file named ``f\x1b]0;x\x07.yaml`` must not set the
    window title when it is listed). For showing only: never open what this returns."""
    cwd = cwd or Path.cwd()
    try:
        shown = str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        shown = str(path)
    return terminal_safe(shown)


def load_all(
    files: Iterable[Path],
    *,
    cache: DeckCache | None = None,
    keep: bool = True,
    trust_stat: bool = False,
    on_read: ReadNotice | None = None,
) -> DeckSet:
    """Load every file; one deck's problems never stop the others from loading.

    ``keep=False`` reads the cache without writing what it misses (see
    :func:`~studyapp.core.decks.loader.deck_from_bytes`). ``trust_stat=True`` finds a
    file unchanged since it was last read by its ``stat`` alone, without reading it
    (:meth:`DeckCache.known_key`): the app's start does, a reload or a tool does not.
    """
    result = DeckSet()
    result.decks = _each(
        files,
        lambda path, shown: _load_one(
            path, shown, cache, keep=keep, trust_stat=trust_stat, on_read=on_read
        ),
        result.failures,
    )
    return result


class _HasId(Protocol):
    @property
    def deck_id(self) -> str: ...


_D = TypeVar("_D", bound=_HasId)


def _each(
    files: Iterable[Path], load: Callable[[Path, str], _D], failures: list[DeckLoadError]
) -> list[_D]:
    """``load`` of each file; what fails (or shares its deck id) goes to ``failures``.

    Decks sharing an id are settled by :func:`_settle_shared_ids`, after every file is
    loaded: which file comes first by name must not decide whose progress a deck gets.
    """
    loaded: list[tuple[Path, str, _D]] = []
    for path in files:
        shown = display_name(path)
        if not path.exists():
            problem = Problem(shown, 0, 0, "", "no such file or folder")  # not a place in it
            failures.append(DeckLoadError(shown, [problem]))
            continue
        try:
            loaded.append((path, shown, load(path, shown)))
        except DeckLoadError as error:
            failures.append(error)
    sharing: dict[str, list[Path]] = {}
    for path, _shown, deck in loaded:
        sharing.setdefault(deck.deck_id, []).append(path)
    done: list[_D] = []
    for path, shown, deck in loaded:
        paths = sharing[deck.deck_id]
        refused = (
            None
            if len(paths) == 1
            else _settle_shared_ids(deck.deck_id, path, shown, paths, taken=sharing.keys())
        )
        if refused is None:
            done.append(deck)
        else:
            failures.append(DeckLoadError(shown, [refused]))
    return done


def _file_id(path: Path) -> str:
    """The deck id a file's name suggests: its name less the ``.yaml``/``.yml`` suffix."""
    name = path.name
    suffix = next((s for s in DECK_SUFFIXES if name.lower().endswith(s)), None)
    return name[: -len(suffix)] if suffix else path.stem


def _settle_shared_ids(
    deck_id: str, path: Path, shown: str, paths: list[Path], *, taken: Collection[str]
) -> Problem | None:
    """Whether the deck of ``path``, one of several files (``paths``) giving the same
    deck id, is refused (the problem, placed on its ``id``) or loads (None); ``taken``:
    the ids of every deck that loaded (not to be suggested as a new one).

    The rule, one a learner can predict and fix: the one file named after the id keeps
    it (``markup.yaml`` is deck ``markup``; a copy or a new deck that took its id is
    refused); when no file, or more than one, is named so, none loads, since any of
    them could be shown with another deck's progress, and each message names the others.
    """
    named = [p for p in paths if _file_id(p) == deck_id]
    line, col = _id_position(path, shown)
    if len(named) == 1:
        if named[0] == path:
            return None
        message = (
            f"deck id {deck_id!r} is taken by {display_name(named[0])}, the file named after "
            "it (its progress is that deck's); this file was not loaded: give it an id of "
            f"its own{_own_id_hint(path, paths, taken)}"
        )
        return Problem(shown, line, col, "id", message)
    others = [display_name(p) for p in paths if p != path]
    fix = (
        "give each deck an id of its own (when one file is named after an id, that one keeps it)"
        if named
        else f"give each deck an id of its own, or rename the file of the one to keep to "
        f"{deck_id}.yaml"
    )
    neither = (
        "neither was loaded, as either could take the other's progress"
        if len(others) == 1
        else "none of them was loaded, as any could take another's progress"
    )
    message = f"deck id {deck_id!r} is also used by {_listed(others)}; {neither}: {fix}"
    return Problem(shown, line, col, "id", message)


def _own_id_hint(path: Path, paths: list[Path], taken: Collection[str]) -> str:
    """``, e.g. 'x' (its file name)`` when that is a valid id no other deck has, nor
    another of these files is named (it would then be theirs by the same rule)."""
    from studyapp.core.decks.model import ID_PATTERN  # pydantic: only for this message

    own = _file_id(path)
    clash = own in taken or any(_file_id(p) == own for p in paths if p != path)
    if clash or re.match(ID_PATTERN, own) is None:
        return ""
    return f", e.g. {own!r} (its file name)"


def _listed(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _id_position(path: Path, shown: str) -> tuple[int, int]:
    """Where the deck's ``id`` is written (``line, col``), to point the message at it;
    1:1 if the file cannot be read again. Read again only here: a deck loaded from the
    cache has no positions, and files sharing an id are rare."""
    from studyapp.core.decks.yamlread import read_yaml  # YAML: only for this message

    raw, _problems = read_bytes(path, limits_from_env(), shown)
    if raw is None:
        return (1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return (1, 1)
    return read_yaml(text, shown, limits_from_env()).position(("id",))


class CardKey(Struct, frozen=True, gc=False):
    """A card's id, deck and kind: all that ``studyapp stats`` needs of it (made at C
    speed, 200,000 in a few milliseconds, and never scanned by the cyclic GC)."""

    id: str
    deck_id: str
    kind: str


class DeckKeys(Struct, frozen=True):
    """A deck that loads, as statistics see it: its id, title and its cards' keys."""

    deck_id: str
    title: str
    cards: list[CardKey]


def load_card_keys(
    paths: Sequence[str | os.PathLike[str]] | None,
    *,
    cache: DeckCache,
    failures: list[DeckLoadError] | None = None,
) -> list[DeckKeys]:
    """The decks :func:`discover` finds (the same ones: what fails is left out, and put in
    ``failures`` if given), each from its cache entry's ids and kinds alone; a deck the
    cache misses is loaded and cached as :func:`discover` does."""
    roots, _origin = deck_roots(paths)
    failed = failures if failures is not None else []
    with paused_gc():
        return _each(expand(roots), lambda path, shown: _keys_of_one(path, shown, cache), failed)


def _keys_of_one(path: Path, shown: str, cache: DeckCache) -> DeckKeys:
    limits = limits_from_env()
    stat = _stat_within(path, limits)
    known = cache.known_key(path, stat) if stat is not None else None
    if known is not None and (found := cache.get_keys(known)) is not None:
        return _deck_keys(found)
    raw, problems = read_bytes(path, limits, shown)
    if raw is None:
        raise DeckLoadError(shown, problems)
    key = DeckCache.key(raw)
    found = cache.get_keys(key)
    if found is not None:
        _stamp(cache, path, stat, key)
        return _deck_keys(found)
    from studyapp.core.decks.loader import deck_from_bytes  # YAML + pydantic: only on a miss

    loaded = LoadedDeck(path, deck_from_bytes(raw, shown, limits=limits, cache=cache, key=key))
    cards = [CardKey(c.id, c.deck_id, c.kind) for c in loaded.cards()]
    return DeckKeys(loaded.deck_id, loaded.title, cards)


def _deck_keys(found: CardKeys) -> DeckKeys:
    deck_id = found.deck_id
    keys = list(map(CardKey, found.cards.id, itertools.repeat(deck_id), found.kinds()))
    return DeckKeys(deck_id, found.title, keys)


def _stat_within(path: Path, limits: Limits) -> os.stat_result | None:
    """The file's ``stat``, if it is a file within the size cap (else reading it says why)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat if S_ISREG(stat.st_mode) and stat.st_size <= limits.max_bytes else None


def _stamp(cache: DeckCache, path: Path, before: os.stat_result | None, key: str) -> None:
    """Remember the key of the bytes just read, if the file did not change while they
    were (its ``stat`` before and after alike)."""
    if before is None:
        return
    try:
        after = path.stat()
    except OSError:
        return
    if _same_file(before, after):
        cache.remember(path, after, key)


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns, a.st_ctime_ns) == (
        b.st_dev,
        b.st_ino,
        b.st_size,
        b.st_mtime_ns,
        b.st_ctime_ns,
    )


ReadNotice = Callable[[str, int], None]
"""Told (the file as shown, its size in bytes) before a deck the cache does not hold is
read and validated: for a big deck, seconds (the app's command says so meanwhile)."""


def _load_one(
    path: Path,
    shown: str,
    cache: DeckCache | None,
    *,
    keep: bool,
    trust_stat: bool = False,
    on_read: ReadNotice | None = None,
) -> LoadedDeck:
    """A cached deck by its index alone (cheap; with ``trust_stat``, and the file as it
    was, without reading it either); anything else read and validated."""
    limits = limits_from_env()
    stat = _stat_within(path, limits) if cache is not None and trust_stat else None
    if cache is not None and stat is not None:
        known = cache.known_key(path, stat)
        if known is not None and (index := cache.get_index(known)) is not None:
            return LoadedDeck.from_index(path, index, shown, known, cache)
    raw, problems = read_bytes(path, limits, shown)
    if raw is None:
        raise DeckLoadError(shown, problems)
    key = None
    if cache is not None:
        key = DeckCache.key(raw)
        index = cache.get_index(key)
        if index is not None:
            _stamp(cache, path, stat, key)
            return LoadedDeck.from_index(path, index, shown, key, cache)
    from studyapp.core.decks.loader import deck_from_bytes  # YAML + pydantic: only on a miss

    if on_read is not None:
        on_read(shown, len(raw))
    deck = deck_from_bytes(raw, shown, limits=limits, cache=cache, key=key, keep=keep)
    if cache is not None and key is not None and keep:
        _stamp(cache, path, stat, key)  # (a stamp whose entry was not written is a miss)
    return LoadedDeck(path, deck)


def discover(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    *,
    cache: DeckCache | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    trust_stat: bool = False,
    on_read: ReadNotice | None = None,
) -> DeckSet:
    """Find and load the decks the user means (see the module docstring; ``trust_stat``
    and ``on_read`` as in :func:`load_all`)."""
    roots, origin = deck_roots(paths, env=env, cwd=cwd)
    result = load_all(expand(roots), cache=cache, trust_stat=trust_stat, on_read=on_read)
    result.origin = origin
    result.roots = roots
    return result


def exam_files(roots: Iterable[Path]) -> list[Path]:
    """``*.exam.yaml`` files under the deck roots (folders searched recursively), sorted."""
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found.extend(p for p in sorted(root.rglob("*")) if p.is_file() and is_exam_file(p))
        elif is_exam_file(root):
            found.append(root)
    return found
