"""``studyapp import PACKAGE.apkg|.colpkg``: an Anki package's decks, and its history.

Reached from ``studyapp import`` (:mod:`studyapp.cli.tools`) when the file is a zip.
The package is read in full before anything is written: a package that cannot be
imported leaves no deck file and no progress behind. Then the deck files are written
(one per Anki deck, or the one ``--deck`` names), then the review history goes into
the progress folder (unless ``--no-history``). A big package shows how far it got
on stderr.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from studyapp.core.base.atomic import atomic_write
from studyapp.core.base.terminal import terminal_out, terminal_safe
from studyapp.core.decks.discovery import display_name

if TYPE_CHECKING:
    import argparse

    from studyapp.core.authoring.anki.collection import Collection
    from studyapp.core.authoring.anki.importer import DeckImport
    from studyapp.core.authoring.anki.progress import ProgressReport

__all__ = ["is_package", "run"]

_ZIP_MAGIC = b"PK\x03\x04"


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

    def __init__(self, stream: TextIO, *, big: bool) -> None:
        self.stream = stream
        """Raw: the line is redrawn with its own control codes; the text in it is made
        inert with terminal_safe (it quotes file and deck names)."""
        self.big = big
        self.tty = stream.isatty()
        self.last = 0.0
        self.shown = False

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


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _targets(result: DeckImport, target: Path) -> list[Path]:
    if len(result.decks) == 1:
        return [target]
    return [target.with_name(f"{d.deck.id}.yaml") for d in result.decks]


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Import the package ``args.file`` (see ``studyapp import --help``)."""
    from studyapp.core.authoring.anki.importer import anki_collection, build_decks
    from studyapp.core.authoring.anki.package import AnkiPackageError, limits_from_env
    from studyapp.core.authoring.extract.sentences import slug

    out = terminal_out(out)
    source, target = Path(args.file), Path(args.output)
    shown = display_name(source)
    stem = target.name.rsplit(".", 1)[0]
    deck_id = args.deck_id or slug(stem, max_len=60) or "imported"
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        out.write(f"{display_name(target)}: no such folder: {folder}\n")
        return 1
    try:
        with anki_collection(source, shown, limits_from_env()) as collection:
            notes = collection.one("SELECT count(*) FROM notes")
            total = int(notes[0]) if notes else 0
            progress = Progress(sys.stderr, big=total >= 5000)
            progress.phase(f"reading {total:,} notes from {shown}")
            result = build_decks(
                collection,
                deck_id=deck_id,
                title=args.title,
                pick=args.deck,
                source_name=source.name,
                progress=lambda done: progress.step("notes", done, total),
            )
            targets = _targets(result, target)
            existing = [p for p in targets if p.exists()]
            if existing and not args.force:
                progress.done()
                for path in existing:
                    out.write(
                        f"{display_name(path)}: already exists; pass --force to update it "
                        "(entries keep their ids: progress is kept)\n"
                    )
                return 1
            if args.no_history:
                progress.phase("writing decks")
                _write_decks(result, targets, out)
                report = None
            else:
                report = _with_history(args, collection, result, targets, progress, out)
                if report is None:
                    return 1
            progress.done()
    except AnkiPackageError as exc:
        out.write(exc.render() + "\n")
        return 1
    for line in result.summary():
        out.write(f"{line}\n")
    for line in report.lines() if report is not None else ():
        out.write(f"{line}\n")
    return 0


def _with_history(
    args: argparse.Namespace,
    collection: Collection,
    result: DeckImport,
    targets: list[Path],
    progress: Progress,
    out: TextIO,
) -> ProgressReport | None:
    """Read the review log into the progress folder's history (held back until the
    decks are written), then save the card states; None if the folder is busy."""
    from studyapp.core.authoring.anki.progress import import_progress
    from studyapp.core.base import paths
    from studyapp.core.base.clock import system_clock
    from studyapp.core.config import load_config
    from studyapp.core.store.bulk import BulkHistory, latest_answers
    from studyapp.core.store.errors import ProgressError
    from studyapp.core.store.store import ProgressStore

    folder = paths.progress_dir(args.progress)
    settings = load_config(paths.config_dir()).config.study
    try:
        store = ProgressStore.open(folder)
    except ProgressError as error:
        out.write(f"studyapp: {error} (or pass --no-history to import the notes only)\n")
        return None
    with store:
        now = system_clock()
        card_ids = result.card_ids
        ours = set(card_ids.values())
        known = latest_answers(store, ours) if (folder / "history.jsonl").exists() else {}
        current = {card: state for card in ours if (state := store.states.get(card))}
        total = collection.revlog_count()
        progress.phase(f"reading {total:,} reviews")
        with BulkHistory(store, now) as history:
            states, report = import_progress(
                collection,
                card_ids,
                history,
                settings,
                deck_of=lambda card_id: card_id.split("/", 1)[0],
                now=now,
                known=known,
                current=current,
                progress=lambda done: progress.step("reviews", done, total),
            )
            progress.phase("writing decks")
            _write_decks(result, targets, out)
            progress.phase("saving progress")
            history.commit(states)
    out.write(f"progress saved in {folder}\n")
    return report


def _write_decks(result: DeckImport, targets: list[Path], out: TextIO) -> None:
    from studyapp.core.authoring.anki.deckyaml import deck_yaml
    from studyapp.core.authoring.scaffold import plan_schema, write_schema

    schema_files: set[Path] = set()
    for imported, path in zip(result.decks, targets, strict=True):
        reference, schema_file = plan_schema(path)
        text = deck_yaml(imported.deck, schema=reference)
        atomic_write(path, text.encode("utf-8"), mode=_mode(path))
        if schema_file is not None and schema_file not in schema_files:
            write_schema(schema_file)
            schema_files.add(schema_file)
        size = len(text.encode("utf-8"))
        note = ""
        if size > 2 * 1024 * 1024:
            note = (
                f" ({size / 1048576:.1f} MB: over the 2 MB deck cap; set "
                f"STUDYAPP_MAX_DECK_MB={int(size / 1048576) + 1} to study it)"
            )
        out.write(
            f"wrote {display_name(path)}: {len(imported.deck.entries):,} entries from Anki deck "
            f"“{imported.anki_name}”{note}\n"
        )
