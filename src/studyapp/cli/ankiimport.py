"""``studyapp import PACKAGE.apkg|.colpkg``: an Anki package's decks, and its history.

Reached from ``studyapp import`` (:mod:`studyapp.cli.tools`) when the file is a zip.
The import itself is :func:`~studyapp.core.authoring.anki.run.run_import` (the app's
import dialog runs the same): the package is read in full before anything is
written, then the deck files (one per Anki deck, or the one ``--deck`` names), then
the review history goes into the progress folder (unless ``--no-history``). A big
package shows how far it got on stderr. Anki's FSRS parameters and desired retention,
when a deck's preset has them, become that deck's preset here (``studyapp optimize
--undo --deck ID`` goes back).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from studyapp.cli.given import not_a_deck_name, refuse, say_settings, unwritable
from studyapp.core.base.terminal import terminal_out, terminal_safe
from studyapp.core.decks.discovery import display_name

if TYPE_CHECKING:
    import argparse

    from studyapp.core.authoring.anki.collection import AnkiFsrs
    from studyapp.core.authoring.anki.run import ImportOptions, ImportOutcome

__all__ = ["is_package", "run"]

_ZIP_MAGIC = b"PK\x03\x04"
_BIG = 5000
"""Notes from which an import shows how far it got."""


def is_package(path: Path) -> bool:
    """Whether ``path`` is (meant to be) an Anki package: by its name, or a zip inside."""
    if path.suffix.lower() in (".apkg", ".colpkg"):
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == _ZIP_MAGIC
    except OSError:
        return False


class Progress:
    """How far a big import got, on stderr: one line redrawn on a terminal, a line per
    phase otherwise (logs stay short). Silent for small packages."""

    def __init__(self, stream: TextIO, *, big: bool = False) -> None:
        self.stream = stream
        """Raw: the line is redrawn with its own control codes; the text in it is made
        inert with terminal_safe (it quotes file and deck names)."""
        self.big = big
        self.tty = stream.isatty()
        self.last = 0.0
        self.shown = False

    def start(self, notes: int) -> None:
        self.big = self.big or notes >= _BIG

    def phase(self, text: str) -> None:
        if not self.big:
            return
        if self.tty:
            self.stream.write(f"\r\x1b[K{terminal_safe(text)}")
        else:
            self.stream.write(f"{terminal_safe(text)}\n")
        self.stream.flush()
        self.shown = True

    def step(self, what: str, done: int, total: int) -> None:
        if not (self.big and self.tty):
            return
        now = time.monotonic()
        if now - self.last < 0.1 and done < total:
            return
        self.last = now
        bar = "#" * (20 * done // max(total, 1))
        self.stream.write(f"\r\x1b[K{terminal_safe(what)} [{bar:<20}] {done:,}/{total:,}")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown and self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Import the package ``args.file`` (see ``studyapp import --help``)."""
    from studyapp.core.authoring.anki.package import AnkiPackageError, limits_from_env
    from studyapp.core.authoring.anki.run import ImportOptions

    out = terminal_out(out)
    source, target = Path(args.file), Path(args.output)
    if problem := unwritable(target) or not_a_deck_name(target):  # (one there: --force)
        return refuse([problem])
    options = ImportOptions(
        source,
        target,
        deck_id=args.deck_id,
        title=args.title,
        pick=args.deck,
        force=args.force,
        history=not args.no_history,
        limits=limits_from_env(),
    )
    progress = Progress(sys.stderr)
    try:
        notes: list[str] = []
        outcome = _import(args, options, progress, out, notes)
    except AnkiPackageError as exc:
        progress.done()
        if all(not problem.line for problem in exc.problems):  # the package as a whole
            return refuse(str(problem) for problem in exc.problems)
        out.write(exc.render() + "\n")
        return 1
    progress.done()
    if outcome is None:
        return 1
    if outcome.existing and not outcome.written:
        for path in outcome.existing:
            out.write(
                f"{display_name(path)}: already exists; pass --force to update it "
                "(entries keep their ids: progress is kept)\n"
            )
        return 1
    report = outcome.report.lines() if outcome.report is not None else []
    for line in [*outcome.written, *notes, *outcome.summary, *report]:
        out.write(f"{line}\n")
    return 0


def _import(
    args: argparse.Namespace,
    options: ImportOptions,
    progress: Progress,
    out: TextIO,
    notes: list[str],
) -> ImportOutcome | None:
    """Run the import (with the progress folder when the history comes too); None when
    the folder is busy. What became of the progress and Anki's presets goes to ``notes``."""
    from studyapp.core.authoring.anki.run import run_import
    from studyapp.core.base import paths
    from studyapp.core.base.clock import system_clock
    from studyapp.core.config import load_config
    from studyapp.core.store.errors import ProgressError
    from studyapp.core.store.store import ProgressStore

    settings = say_settings(load_config(paths.config_dir())).study
    if not options.history:
        outcome = run_import(
            options, open_store=None, settings=settings, now=system_clock(), reporter=progress
        )
        if outcome.presets and outcome.written:
            notes += _not_applied(outcome.presets)
        return outcome
    folder = paths.progress_dir(args.progress)
    try:
        outcome = run_import(
            options,
            open_store=lambda: ProgressStore.open(folder),
            settings=settings,
            now=system_clock(),
            reporter=progress,
        )
    except ProgressError as error:
        progress.done()
        said = str(error).rstrip(". ")
        refuse([f"{said}; or pass --no-history to import the notes only"])
        return None
    if outcome.written:
        notes.append(f"progress saved in {folder}")
        if outcome.presets:
            notes += _keep_presets(paths.config_dir(), outcome.presets)
    return outcome


def _keep_presets(config_dir: Path, presets: dict[str, AnkiFsrs]) -> list[str]:
    """Anki's parameters and desired retention as each deck's preset, in the settings
    file (the set replaced is kept for ``studyapp optimize --undo``); what was done."""
    from msgspec import structs

    from studyapp.core.config import load_config, save_config
    from studyapp.core.tuning.presets import Preset, adopt

    loaded = load_config(config_dir)
    if loaded.study_unread:
        # (adopting over the defaults would lose the learner's parameters: see LoadedConfig)
        return [
            f"Anki's FSRS parameters not kept as presets: the study settings in "
            f"{loaded.path} could not be read; mend them, then import again to keep them"
        ]
    config = loaded.config
    study, previous = config.study, dict(config.previous_parameters)
    lines = []
    for deck_id, preset in presets.items():
        assert preset.parameters is not None
        study, previous = adopt(study, previous, Preset(deck_id), preset.parameters)
        if preset.desired_retention is not None:
            study = study.with_deck_overrides(deck_id, desired_retention=preset.desired_retention)
        lines.append(
            f"deck {deck_id}: Anki's FSRS parameters"
            + (
                f" and desired retention {preset.desired_retention:.2f}"
                if preset.desired_retention is not None
                else ""
            )
            + f" kept as its preset (studyapp optimize --undo --deck {deck_id} goes back)"
        )
    try:
        save_config(
            config_dir,
            structs.replace(config, study=study, previous_parameters=previous),
            base=config,
            keep_bad_parts=True,  # (what was wrong was said when the settings were read)
        )
    except OSError as error:
        return [f"studyapp: Anki's FSRS parameters not kept: {error}", *_not_applied(presets)]
    return lines


def _not_applied(presets: dict[str, AnkiFsrs]) -> list[str]:
    lines = []
    for deck_id, preset in presets.items():
        weights = ", ".join(f"{w:g}" for w in preset.parameters or ())
        lines.append(
            f"deck {deck_id}: Anki's FSRS parameters not applied (they come with the review "
            f"history: import without --no-history, or fit this deck's own with "
            f"studyapp optimize --deck {deck_id}): {weights}"
        )
    return lines
