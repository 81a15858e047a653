"""One Anki import from start to end, for ``studyapp import`` and the app's import dialog.

The package is read in full before anything is written: a package that cannot be
imported leaves no deck file and no progress behind. Then, with the review history,
the answers go to a temporary file beside the history while the log is read, the
deck files are written (one per Anki deck), and the history and card states are
committed in one go. Without it, the deck files only.

Anki's own FSRS settings ride along: each deck's preset, when it holds parameters
that FSRS-6 takes, schedules the replay of that deck's memory states (so the memory
is the one Anki computed), and is handed back for the caller to keep as the deck's
preset (the settings file is the caller's: :mod:`studyapp.core.config` sits above
this package).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from msgspec import Struct, field

from studyapp.core.authoring.anki.collection import AnkiFsrs, Collection
from studyapp.core.authoring.anki.deckyaml import deck_yaml
from studyapp.core.authoring.anki.importer import (
    DeckImport,
    ImportedDeck,
    anki_collection,
    build_decks,
)
from studyapp.core.authoring.anki.package import DEFAULT_LIMITS, PackageLimits
from studyapp.core.authoring.anki.progress import ProgressReport, import_progress
from studyapp.core.authoring.extract.sentences import slug
from studyapp.core.authoring.scaffold import plan_schema, write_schema
from studyapp.core.base.atomic import TEMP_SUFFIX, fsync_dir, kept_mode
from studyapp.core.decks.discovery import display_name
from studyapp.core.store.bulk import BulkHistory, latest_answers
from studyapp.core.store.layout import HISTORY
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.fsrs6 import check_parameters
from studyapp.core.study.settings import StudySettings

__all__ = [
    "ImportOptions",
    "ImportOutcome",
    "Reporter",
    "StagedDecks",
    "deck_targets",
    "run_import",
    "usable_presets",
    "with_presets",
]

_T = TypeVar("_T")
DECK_CAP_BYTES = 2 * 1024 * 1024
"""The loader's default deck size cap: a bigger deck file says how to study it."""


class ImportOptions(Struct, frozen=True):
    """What to import where (``studyapp import``'s arguments)."""

    source: Path
    target: Path
    """The deck file, or the name the deck files of several Anki decks are made from."""
    deck_id: str | None = None
    title: str | None = None
    pick: str | None = None
    """Only this Anki deck (and its subdecks)."""
    force: bool = False
    """Update deck files that exist (entries keep their ids: progress is kept)."""
    history: bool = True
    limits: PackageLimits = DEFAULT_LIMITS


class ImportOutcome(Struct):
    """What an import did (``written`` empty and ``existing`` set: refused, nothing done).

    The decks themselves are not kept: tens of thousands of entries are let go once
    their files are staged, before the review log is read.
    """

    summary: list[str]
    """How each note type was mapped, media, Anki's presets (``DeckImport.summary``)."""
    report: ProgressReport | None = None
    written: list[str] = field(default_factory=list)
    """One line per deck file written."""
    existing: list[Path] = field(default_factory=list)
    """Deck files that exist (without ``force``): nothing was written."""
    presets: dict[str, AnkiFsrs] = field(default_factory=dict)
    """Deck id -> Anki's FSRS settings that deck was replayed with, for the caller to keep."""

    def lines(self) -> list[str]:
        """The summary: decks written, how notes were mapped, the history."""
        out = [*self.written, *self.summary]
        if self.report is not None:
            out += self.report.lines()
        return out


class Reporter(Protocol):
    """How far an import got: ``phase`` names a step, ``step`` counts through one."""

    def start(self, notes: int) -> None:
        """The import begins: the package holds ``notes`` notes."""

    def phase(self, text: str) -> None:
        """A new step begins."""

    def step(self, what: str, done: int, total: int) -> None:
        """``done`` of ``total`` things of the step."""


class _Silent:
    def start(self, notes: int) -> None:
        pass

    def phase(self, text: str) -> None:
        pass

    def step(self, what: str, done: int, total: int) -> None:
        pass


def _direct(call: Callable[[], _T]) -> _T:
    return call()


def deck_targets(result: DeckImport, target: Path) -> list[Path]:
    """The deck file of each deck: ``target`` for one, ``DECK-ID.yaml`` beside it for more."""
    if len(result.decks) == 1:
        return [target]
    return [target.with_name(f"{d.deck.id}.yaml") for d in result.decks]


def _check(parameters: tuple[float, ...]) -> bool:
    """Whether the scheduler takes ``parameters`` (``check_parameters``'s rule)."""
    try:
        check_parameters(parameters)
    except ValueError:
        return False
    return True


def usable_presets(result: DeckImport) -> dict[str, AnkiFsrs]:
    """Deck id -> its Anki preset, for the decks whose preset has FSRS-6 parameters (or
    FSRS-5's, made FSRS-6's) within the scheduler's bounds."""
    return {
        imported.deck.id: imported.fsrs
        for imported in result.decks
        if imported.fsrs is not None
        and imported.fsrs.parameters is not None
        and _check(imported.fsrs.parameters)
    }


def with_presets(settings: StudySettings, presets: dict[str, AnkiFsrs]) -> StudySettings:
    """``settings`` with each deck's Anki parameters and desired retention as its override."""
    for deck_id, preset in presets.items():
        overrides: dict[str, Any] = {"parameters": list(preset.parameters or ())}
        if preset.desired_retention is not None:
            overrides["desired_retention"] = preset.desired_retention
        settings = settings.with_deck_overrides(deck_id, **overrides)
    return settings


class _Staged(Struct):
    temp: Path
    path: Path
    line: str


class StagedDecks:
    """Deck files written beside their targets under temporary names: made public
    (renamed, the folder fsynced) by :meth:`publish`, or removed by :meth:`discard`."""

    def __init__(self, result: DeckImport, targets: list[Path]) -> None:
        self.files: list[_Staged] = []
        self.schemas: list[Path] = []
        plans: dict[Path, tuple[str, Path | None]] = {}  # per folder: a schema takes 0.1 s
        try:
            for imported, path in zip(result.decks, targets, strict=True):
                folder = path.resolve().parent
                if folder not in plans:
                    plans[folder] = plan_schema(path)
                    schema_file = plans[folder][1]
                    if schema_file is not None:
                        self.schemas.append(schema_file)
                data = deck_yaml(imported.deck, schema=plans[folder][0]).encode("utf-8")
                self.files.append(_Staged(_stage(path, data), path, _line(imported, path, data)))
        except BaseException:
            self.discard()
            raise

    def publish(self) -> list[str]:
        """Give the files their names (and the schema, if none is near); a line for each."""
        folders: set[Path] = set()
        for staged in self.files:
            os.replace(staged.temp, staged.path)
            folders.add(staged.path.parent)
        for schema_file in self.schemas:
            write_schema(schema_file)
        for folder in folders:
            fsync_dir(folder)
        lines = [staged.line for staged in self.files]
        self.files = []
        return lines

    def discard(self) -> None:
        for staged in self.files:
            staged.temp.unlink(missing_ok=True)
        self.files = []


def _stage(path: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, kept_mode(path))
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _line(imported: ImportedDeck, path: Path, data: bytes) -> str:
    note = ""
    if len(data) > DECK_CAP_BYTES:
        note = (
            f" ({len(data) / 1048576:.1f} MB: over the 2 MB deck cap; set "
            f"STUDYAPP_MAX_DECK_MB={int(len(data) / 1048576) + 1} to study it)"
        )
    return (
        f"wrote {display_name(path)}: {len(imported.deck.entries):,} entries from Anki deck "
        f"“{imported.anki_name}”{note}"
    )


def write_decks(result: DeckImport, targets: list[Path]) -> list[str]:
    """Write each deck file (atomically), and the schema beside them if none is near;
    a line for each."""
    return StagedDecks(result, targets).publish()


def run_import(
    options: ImportOptions,
    *,
    open_store: Callable[[], AbstractContextManager[ProgressStore]] | None,
    settings: StudySettings,
    now: datetime,
    reporter: Reporter | None = None,
    on_store: Callable[[Callable[[], Any]], Any] = _direct,
) -> ImportOutcome:
    """Import ``options.source`` (see the module's docstring).

    ``open_store`` gives the progress store that takes the history (needed when
    ``options.history``), opened only once the package has been read; ``on_store`` runs
    the two calls that change it (the journal folded first, the states saved last) where
    the store's owner wants them (the app: on its own thread).

    Raises:
        AnkiPackageError: the package cannot be imported (nothing was written).
        ProgressError, OSError: the progress folder or a deck file cannot be written.
    """
    reporter = reporter or _Silent()
    shown = display_name(options.source)
    deck_id = options.deck_id or slug(options.target.name.rsplit(".", 1)[0], max_len=60)
    with anki_collection(options.source, shown, options.limits) as collection:
        notes = collection.one("SELECT count(*) FROM notes")
        total = int(notes[0]) if notes else 0
        reporter.start(total)
        reporter.phase(f"reading {total:,} notes from {shown}")
        result = build_decks(
            collection,
            deck_id=deck_id or "imported",
            title=options.title,
            pick=options.pick,
            source_name=options.source.name,
            progress=lambda done: reporter.step("notes", done, total),
        )
        outcome = ImportOutcome(result.summary(), presets=usable_presets(result))
        targets = deck_targets(result, options.target)
        outcome.existing = [p for p in targets if p.exists()]
        if outcome.existing and not options.force:
            return outcome
        reporter.phase("writing decks")
        if not options.history:
            outcome.written = write_decks(result, targets)
            return outcome
        if open_store is None:
            raise ValueError("an import with its history needs the progress store")
        card_ids = result.card_ids
        staged = StagedDecks(result, targets)
        del result  # the entries are in the staged files: let them go before the log
        try:
            with open_store() as store:
                _with_history(
                    collection, outcome, card_ids, staged, store, settings, now, reporter, on_store
                )
        finally:
            staged.discard()  # (nothing left once published)
    return outcome


def _with_history(
    collection: Collection,
    outcome: ImportOutcome,
    card_ids: dict[int, str],
    staged: StagedDecks,
    store: ProgressStore,
    settings: StudySettings,
    now: datetime,
    reporter: Reporter,
    on_store: Callable[[Callable[[], Any]], Any],
) -> None:
    known = {}
    if (store.folder / HISTORY).exists():
        known = latest_answers(store, set(card_ids.values()))
    held = store.states
    current = on_store(
        lambda: {card: state for card in card_ids.values() if (state := held.get(card))}
    )
    total = collection.revlog_count()
    reporter.phase(f"reading {total:,} reviews")
    history: BulkHistory = on_store(lambda: BulkHistory(store, now))
    with history:
        states, outcome.report = import_progress(
            collection,
            card_ids,
            history,
            with_presets(settings, outcome.presets),
            deck_of=lambda card_id: card_id.split("/", 1)[0],
            now=now,
            known=known,
            current=current,
            progress=lambda done: reporter.step("reviews", done, total),
        )
        reporter.phase("saving progress")
        outcome.written = staged.publish()
        on_store(lambda: history.commit(states))
