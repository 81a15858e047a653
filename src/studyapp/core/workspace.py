"""Everything one run of studyapp works on: decks, their cards, progress, settings.

The CLI builds a Workspace and hands it to the app or to a headless command;
nothing else opens stores or reads config, so there is one place to look.
"""

from __future__ import annotations

import gc
import itertools
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field

from studyapp.core.base import paths
from studyapp.core.base.clock import Clock, system_clock
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.problems import DeckLoadError, UserFileError
from studyapp.core.config import AppConfig, load_config, save_config
from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.card import Card
from studyapp.core.decks.discovery import DeckSet, ReadNotice, discover, exam_files
from studyapp.core.store.errors import ProgressError, ProgressLocked
from studyapp.core.store.lock import FolderLock
from studyapp.core.store.store import ProgressStore

if TYPE_CHECKING:
    from studyapp.core.decks.model import Deck
    from studyapp.core.quiz.exam import ExamSpec
    from studyapp.core.study.settings import StudySettings


class _Unread(Struct):
    """The progress folder of a workspace whose card states are not read yet."""

    folder: Path
    claimed: FolderLock | None
    """Its lock, held since the workspace opened; None: read-only (another holds it)."""


class Workspace(Struct):
    decks: DeckSet
    config: AppConfig
    config_dir: Path
    clock: Clock = system_clock
    messages: list[str] = field(default_factory=list)
    """Things the learner should know at start (settings fell back to defaults, ...)."""
    read_only_reason: str | None = None
    """Why progress is read-only (another instance holds it, or the folder cannot be
    written), or None."""
    read_only_elsewhere: bool = False
    """Whether it is read-only because another studyapp holds it (the usual case, which the
    screens word with what to do: close the other window)."""
    deck_paths: list[str] | None = None
    """The deck paths asked for (None: the default search), for reloading."""
    _cards: list[Card] | None = None
    _store: ProgressStore | None = None
    _unread: _Unread | None = None
    """Set while the cards and card states are left for later (see :meth:`finish_opening`)."""
    _opening: threading.Lock = field(default_factory=threading.Lock)
    _exams: list[ExamSpec] | None = None
    _exam_failures: list[UserFileError] | None = None

    @property
    def cards(self) -> list[Card]:
        """Every card of the decks, in deck order."""
        cards = self._cards
        if cards is None:
            self.finish_opening()
            cards = self._cards
            if cards is None:
                raise ProgressError("this workspace is closed")
        return cards

    @cards.setter
    def cards(self, cards: list[Card]) -> None:
        self._cards = cards

    @property
    def store(self) -> ProgressStore:
        """The progress store (its card states read on first use if start-up left them)."""
        store = self._store
        if store is None:
            self.finish_opening()
            store = self._store
            if store is None:
                raise ProgressError("this workspace is closed")
        return store

    @property
    def card_count(self) -> int:
        """How many cards the decks have, without making them."""
        if self._cards is not None:
            return len(self._cards)
        return sum(loaded.size for loaded in self.decks.decks)

    @property
    def read_only(self) -> bool:
        unread = self._unread
        if unread is not None:
            return unread.claimed is None
        return self.store.read_only

    @property
    def opened(self) -> bool:
        """Whether the cards are made and the card states read (see :meth:`finish_opening`)."""
        return self._unread is None

    def finish_opening(self) -> list[str]:
        """Make the cards and read the card states, if :func:`open_workspace` left them
        for later (the app's first frame needs neither: with 200,000 cards they are
        ~0.1 s each). Returns what the learner should now be told (also added to
        :attr:`messages`): a damaged progress file set aside, states rebuilt. Any thread
        may ask first; the others wait for it."""
        with self._opening:
            unread = self._unread
            if unread is None:
                return []
            with paused_gc():
                cards = cards_of(self.decks)
                store = ProgressStore.open(
                    unread.folder,
                    read_only=unread.claimed is None,
                    clock=self.clock,
                    claimed=unread.claimed,
                )
            try:
                added = _store_messages(store, cards, self.config.study)
            except BaseException:
                # (a rebuild that failed: the store is closed, its lock given back, and
                # the workspace says so from now on rather than half-open)
                self._unread = None
                store.close(fold=False)
                raise
            if len(cards) + store.states.table.size_bound >= FREEZE_FROM:
                # What was just loaded lives as long as the app. Left to the cyclic
                # collector, the next few collections would each rescan all of it
                # (hundreds of thousands of objects, ~0.5 s at start with 50,000
                # cards); frozen, they are skipped. Small workspaces (and tests) are
                # not worth it.
                gc.freeze()
            self.messages += added
            # published last: another thread sees the store once it is whole
            self._cards, self._store, self._unread = cards, store, None
            return added

    # Exam specs are read on first use: only the quiz needs them, and reading them
    # means importing the exam and quiz models (~0.1 s of every start otherwise).

    def _read_exams(self) -> None:
        specs, failures = load_exams(self.decks.roots)
        if self._exams is None:
            self._exams = specs
        if self._exam_failures is None:
            self._exam_failures = failures

    @property
    def exams(self) -> list[ExamSpec]:
        """Exam specs found beside the decks."""
        if self._exams is None:
            self._read_exams()
        assert self._exams is not None
        return self._exams

    @exams.setter
    def exams(self, specs: list[ExamSpec]) -> None:
        self._exams = specs

    @property
    def exam_failures(self) -> list[UserFileError]:
        """Exam spec files beside the decks that could not be read."""
        if self._exam_failures is None:
            self._read_exams()
        assert self._exam_failures is not None
        return self._exam_failures

    @exam_failures.setter
    def exam_failures(self, failures: list[UserFileError]) -> None:
        self._exam_failures = failures

    def reload_decks(self) -> None:
        """Look for decks and exams again (after the learner fixed or added a file)."""
        decks, self.cards = load_decks(self.deck_paths, cache=DeckCache.default())
        self.decks = decks
        self._exams = self._exam_failures = None  # read again on first use

    def deck(self, deck_id: str) -> Deck | None:
        """The deck with this id; None if there is none, or it can no longer be read (its
        file changed since start and its cache entry is gone: reloading reads it again)."""
        loaded = self.decks.find(deck_id)
        if loaded is None:
            return None
        try:
            return loaded.deck
        except DeckLoadError:
            return None

    def save_config(self, config: AppConfig) -> None:
        """Save what this window changed, merged with what another window saved since
        (read-only windows included: the progress lock does not cover settings)."""
        self.config = save_config(self.config_dir, config, base=self.config, clock=self.clock)

    def retry_claim(self) -> list[str] | None:
        """Try again to take the progress (a read-only window, after the other window
        closed): on success this window saves from now on, its card states read afresh
        by a writable store, and what opening it found is returned for the learner (as
        :meth:`finish_opening` returns it). Nothing is lost: a read-only store was never
        written to, and the other window folded its answers before it let the lock go.
        None, nothing changed: read-only for another reason (a read-only disk), or the
        other window still has the progress. From the UI thread: a worker still reading
        the old store reads on (it is only memory: a read-only store holds no file)."""
        if not self.read_only_elsewhere:
            return None
        with self._opening:
            unread, old = self._unread, self._store
            folder = unread.folder if unread is not None else old.folder if old else None
            if folder is None:
                return None  # closed
            try:
                claimed = ProgressStore.claim(folder)
            except ProgressLocked:
                return None
            added: list[str] = []
            if unread is not None:  # states not read yet: read later, writable
                self._unread = _Unread(folder, claimed)
            else:
                try:
                    store = ProgressStore.open(folder, clock=self.clock, claimed=claimed)
                except BaseException:
                    claimed.release()  # (a claim stays its owner's when open fails)
                    raise
                try:
                    added = _store_messages(store, self.cards, self.config.study)
                except BaseException:
                    store.close(fold=False)
                    raise
                self._store = store
            self.read_only_reason, self.read_only_elsewhere = None, False
        if old is not None and unread is None:
            old.close()
        return added

    def close(self) -> None:
        """Close the store (or, if its states were never read, give its lock back)."""
        with self._opening:
            unread, self._unread = self._unread, None
        if unread is not None:
            if unread.claimed is not None:
                unread.claimed.release()
            return
        if self._store is not None:
            self._store.close()


def all_cards(decks: Sequence[Deck]) -> list[Card]:
    """Every card of the decks (honouring each entry's ``variants``)."""
    from studyapp.core.decks.cards import cards_for_deck

    return [card for deck in decks for card in cards_for_deck(deck)]


FREEZE_FROM = 5_000
"""Cards + card states from which the loaded workspace is frozen out of the cyclic GC."""


def load_decks(
    deck_paths: Sequence[str | os.PathLike[str]] | None,
    *,
    cache: DeckCache | None,
    trust_stat: bool = False,
) -> tuple[DeckSet, list[Card]]:
    """Find and load the decks, and make their cards (``trust_stat``: see
    :func:`~studyapp.core.decks.discovery.load_all`; the app's start trusts a deck
    file's ``stat``, a reload reads every file again).

    With 50,000 cards that is hundreds of thousands of objects that live as long
    as the app, so the cyclic collector is paused while they are built (each
    collection would only rescan them).
    """
    with paused_gc():
        decks = discover(deck_paths, cache=cache, trust_stat=trust_stat)
        return decks, cards_of(decks)


def cards_of(decks: DeckSet) -> list[Card]:
    """Every card of the decks that loaded, in deck order (each deck's made on first use)."""
    return list(itertools.chain.from_iterable(d.cards() for d in decks.decks))


def open_workspace(
    deck_paths: Sequence[str | os.PathLike[str]] | None = None,
    *,
    progress: str | os.PathLike[str] | None = None,
    clock: Clock = system_clock,
    use_cache: bool = True,
    defer: bool = False,
    on_read: ReadNotice | None = None,
) -> Workspace:
    """Find decks, open progress (read-only if another instance holds it), read settings.

    ``defer``: take the progress folder's lock now but make the cards and read the card
    states on first use (:meth:`Workspace.finish_opening`): the app paints its first
    frame (the deck list) before them. ``on_read``: told before a deck the cache does
    not hold is read (see :data:`~studyapp.core.decks.discovery.ReadNotice`).
    """
    cache = DeckCache.default() if use_cache else None
    folder = paths.progress_dir(progress)
    reason, elsewhere = None, False
    # The decks, their cards and the card states live as long as the app (with
    # 50,000 cards, hundreds of thousands of objects): no cyclic collection while
    # they are built, each would only rescan them (see FREEZE_FROM).
    with paused_gc():
        decks = discover(deck_paths, cache=cache, trust_stat=True, on_read=on_read)
    config_dir = paths.config_dir()
    loaded = load_config(config_dir, clock)
    claimed: FolderLock | None  # taken last: nothing between here and the workspace raises
    try:
        claimed = ProgressStore.claim(folder)
    except ProgressLocked as error:  # another window, or a folder that cannot be written
        reason, elsewhere = error.reason, error.elsewhere
        claimed = None
    workspace = Workspace(
        decks=decks,
        config=loaded.config,
        config_dir=config_dir,
        clock=clock,
        messages=list(loaded.messages),
        read_only_reason=reason,
        read_only_elsewhere=elsewhere,
        deck_paths=[str(p) for p in deck_paths] if deck_paths else None,
        _unread=_Unread(folder, claimed),
    )
    if not defer:
        try:
            workspace.finish_opening()
        except BaseException:
            workspace.close()  # the claim given back
            raise
    return workspace


def _store_messages(store: ProgressStore, cards: Sequence[Card], study: StudySettings) -> list[str]:
    """What opening the store found wrong (damaged files set aside), and, when the
    snapshot was lost, the card states rebuilt from the history."""
    messages = [str(p) for p in store.problems]
    if store.snapshot_lost:
        # Cards only the damaged snapshot held: their answers are in the history.
        from studyapp.core.repair import recover_lost_states

        deck_ids = {card.id: card.deck_id for card in cards}
        rebuilt = recover_lost_states(store, deck_ids, study)
        if rebuilt is not None:
            messages.append(rebuilt)
    return messages


def load_exams(roots: Sequence[Path]) -> tuple[list[ExamSpec], list[UserFileError]]:
    """Every exam spec beside the decks; a broken one is reported, the others load."""
    from studyapp.core.quiz.exam import load_exam  # not at import: see Workspace.exams

    specs: list[ExamSpec] = []
    failures: list[UserFileError] = []
    for path in exam_files(roots):
        try:
            specs.append(load_exam(path))
        except UserFileError as error:
            failures.append(error)
    return specs, failures
