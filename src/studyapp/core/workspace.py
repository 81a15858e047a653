"""Everything one run of studyapp works on: decks, their cards, progress, settings.

The CLI builds a Workspace and hands it to the app or to a headless command;
nothing else opens stores or reads config, so there is one place to look.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.core import paths
from studyapp.core.cards import Card, cards_for_deck
from studyapp.core.clock import Clock, system_clock
from studyapp.core.config import AppConfig, load_config, save_config
from studyapp.core.deck import Deck
from studyapp.core.deckcache import DeckCache
from studyapp.core.discovery import DeckSet, discover, exam_files
from studyapp.core.exam import ExamSpec, load_exam
from studyapp.core.problems import UserFileError
from studyapp.core.progress import ProgressLocked, ProgressStore


@dataclass
class Workspace:
    decks: DeckSet
    cards: list[Card]
    store: ProgressStore
    config: AppConfig
    config_dir: Path
    clock: Clock = system_clock
    messages: list[str] = field(default_factory=list)
    """Things the learner should know at start (settings fell back to defaults, ...)."""
    read_only_reason: str | None = None
    """Why progress is read-only (another instance holds it), or None."""
    exams: list[ExamSpec] = field(default_factory=list)
    """Exam specs found beside the decks."""
    exam_failures: list[UserFileError] = field(default_factory=list)
    deck_paths: list[str] | None = None
    """The deck paths asked for (None: the default search), for reloading."""

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def reload_decks(self) -> None:
        """Look for decks and exams again (after the learner fixed or added a file)."""
        decks = discover(self.deck_paths, cache=DeckCache(paths.cache_dir() / "decks"))
        self.decks = decks
        self.cards = all_cards([d.deck for d in decks.decks])
        self.exams, self.exam_failures = load_exams(decks.roots)

    def deck(self, deck_id: str) -> Deck | None:
        return self.decks.by_id().get(deck_id)

    def save_config(self, config: AppConfig) -> None:
        save_config(self.config_dir, config)
        self.config = config

    def close(self) -> None:
        self.store.close()


def all_cards(decks: Sequence[Deck]) -> list[Card]:
    """Every card of the decks (honouring each entry's ``variants``)."""
    return [card for deck in decks for card in cards_for_deck(deck)]


def open_workspace(
    deck_paths: Sequence[str | os.PathLike[str]] | None = None,
    *,
    progress: str | os.PathLike[str] | None = None,
    clock: Clock = system_clock,
    use_cache: bool = True,
) -> Workspace:
    """Find decks, open progress (read-only if another instance holds it), read settings."""
    cache = DeckCache(paths.cache_dir() / "decks") if use_cache else None
    decks = discover(deck_paths, cache=cache)
    folder = paths.progress_dir(progress)
    reason = None
    try:
        store = ProgressStore.open(folder, clock=clock)
    except ProgressLocked:
        reason = (
            f"another studyapp is using the progress in {folder}; "
            "this window is read-only (answers are not saved)"
        )
        store = ProgressStore.open(folder, read_only=True, clock=clock)
    exams, exam_failures = load_exams(decks.roots)
    config_dir = paths.config_dir()
    loaded = load_config(config_dir)
    messages = list(loaded.messages)
    messages += [str(p) for p in store.problems]
    return Workspace(
        decks=decks,
        cards=all_cards([d.deck for d in decks.decks]),
        store=store,
        config=loaded.config,
        config_dir=config_dir,
        clock=clock,
        messages=messages,
        read_only_reason=reason,
        exams=exams,
        exam_failures=exam_failures,
        deck_paths=[str(p) for p in deck_paths] if deck_paths else None,
    )


def load_exams(roots: Sequence[Path]) -> tuple[list[ExamSpec], list[UserFileError]]:
    """Every exam spec beside the decks; a broken one is reported, the others load."""
    specs: list[ExamSpec] = []
    failures: list[UserFileError] = []
    for path in exam_files(roots):
        try:
            specs.append(load_exam(path))
        except UserFileError as error:
            failures.append(error)
    return specs, failures
