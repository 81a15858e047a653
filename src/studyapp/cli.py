"""The ``studyapp`` command: parse arguments, wire the services, run a command.

A bare ``studyapp [DECK...]`` opens the app on the decks found; the other
commands are headless and print plain text (or JSON with ``--format json``)
so they work in scripts and CI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from studyapp import __version__, cli_study
from studyapp.core import paths
from studyapp.core.deck import deck_json_schema
from studyapp.core.deckcache import DeckCache
from studyapp.core.discovery import (
    DeckSet,
    deck_roots,
    discover,
    display_name,
    expand,
    load_all,
)
from studyapp.core.progress import ProgressError

COMMANDS = ("run", "validate", "schema", "decks", "stats", "progress", "results")
MAX_PROBLEMS_SHOWN = 50


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studyapp",
        description="A terminal study app: YAML decks, FSRS spaced repetition, quizzes.",
        epilog=(
            "Decks come from the paths given, else $STUDYAPP_DECKS, else ./decks, "
            "else the bundled decks. Run 'studyapp COMMAND --help' for a command's options."
        ),
    )
    parser.add_argument("--version", action="version", version=f"studyapp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="open the app on the decks found (the default)")
    run.add_argument("decks", nargs="*", metavar="DECK", help="deck files or folders")
    run.add_argument("--progress", metavar="DIR", help="progress folder ($STUDYAPP_PROGRESS)")

    validate = sub.add_parser(
        "validate", help="check deck files; exit 0 when all are valid, 1 otherwise"
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help="deck files or folders")
    validate.add_argument("--format", choices=("text", "json"), default="text")

    sub.add_parser("schema", help="print the deck JSON Schema (for editor completion)")

    decks = sub.add_parser("decks", help="list the decks found and any that failed to load")
    decks.add_argument("paths", nargs="*", metavar="PATH")

    stats = sub.add_parser("stats", help="retention, reviews, forecast, accuracy, mastery")
    stats.add_argument("decks", nargs="*", metavar="DECK")
    stats.add_argument("--progress", metavar="DIR")

    progress = sub.add_parser(
        "progress", help="where progress is kept, counts, and an integrity check"
    )
    progress.add_argument("--progress", metavar="DIR")

    results = sub.add_parser("results", help="export quiz and exam results (CSV or JSON)")
    results.add_argument("--progress", metavar="DIR")
    results.add_argument("--format", choices=("csv", "json"), default="csv")
    results.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    return parser


def _normalise(argv: list[str]) -> list[str]:
    """``studyapp`` and ``studyapp DECK...`` mean ``studyapp run ...``."""
    if not argv:
        return ["run"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["run", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_normalise(list(sys.argv[1:] if argv is None else argv)))
    out = sys.stdout
    try:
        if args.command == "validate":
            return cmd_validate(args.paths, args.format, out)
        if args.command == "schema":
            json.dump(deck_json_schema(), out, indent=2, ensure_ascii=False)
            out.write("\n")
            return 0
        if args.command == "decks":
            return cmd_decks(args.paths, out)
        if args.command == "stats":
            return cli_study.cmd_stats(args.decks, args.progress, out)
        if args.command == "progress":
            return cli_study.cmd_progress(args.progress, out)
        if args.command == "results":
            return cli_study.cmd_results(args.progress, args.format, args.output, out)
        return cmd_run(args.decks, args.progress, out)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _cache() -> DeckCache:
    return DeckCache(paths.cache_dir() / "decks")


def print_failures(result: DeckSet, out: TextIO) -> None:
    for failure in result.failures:
        problems = failure.problems
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            out.write(f"{problem}\n")
        if len(problems) > MAX_PROBLEMS_SHOWN:
            more = len(problems) - MAX_PROBLEMS_SHOWN
            out.write(f"{failure.file}: ... and {more} more problems\n")


def cmd_validate(targets: list[str], fmt: str, out: TextIO) -> int:
    """Check decks without the cache: the answer must come from the file itself."""
    roots, _origin = deck_roots(targets or None)
    files = expand(roots)
    result = load_all(files, cache=None)
    if fmt == "json":
        report = {
            "valid": result.ok and bool(files),
            "files": [
                {
                    "file": str(loaded.path),
                    "valid": True,
                    "deck": loaded.deck.id,
                    "entries": len(loaded.deck.entries),
                    "problems": [],
                }
                for loaded in result.decks
            ]
            + [
                {
                    "file": failure.file,
                    "valid": False,
                    "problems": [p.to_dict() for p in failure.problems],
                }
                for failure in result.failures
            ],
        }
        json.dump(report, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0 if report["valid"] else 1
    if not files:
        out.write("no deck files found (give a .yaml file or a folder of them)\n")
        return 1
    print_failures(result, out)
    for loaded in result.decks:
        out.write(f"ok: {display_name(loaded.path)} ({len(loaded.deck.entries)} entries)\n")
    total = len(result.decks) + len(result.failures)
    problems = sum(len(f.problems) for f in result.failures)
    if result.failures:
        out.write(
            f"{len(result.failures)} of {total} deck files invalid, "
            f"{problems} problem{'s' if problems != 1 else ''}\n"
        )
        return 1
    out.write(f"all {total} deck file{'s' if total != 1 else ''} valid\n")
    return 0


def cmd_decks(targets: list[str], out: TextIO) -> int:
    result = discover(targets or None, cache=_cache())
    _list_decks(result, out)
    return 0 if result.decks else 1


def _list_decks(result: DeckSet, out: TextIO) -> None:
    out.write(f"Decks from {result.origin}:\n")
    for loaded in result.decks:
        deck = loaded.deck
        kinds: dict[str, int] = {}
        for entry in deck.entries:
            kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
        detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        out.write(f"  {deck.id}: {deck.title} ({len(deck.entries)} entries: {detail})\n")
        out.write(f"    {display_name(loaded.path)}\n")
    if not result.decks:
        out.write("  (none)\n")
    if result.failures:
        out.write("Decks that failed to load:\n")
        print_failures(result, out)


def cmd_run(targets: list[str], progress: str | None, out: TextIO) -> int:
    """Open the app. Textual is imported only here, so headless commands start fast."""
    from studyapp.core.workspace import open_workspace
    from studyapp.tui.app import StudyApp

    try:
        workspace = open_workspace(targets or None, progress=progress)
    except ProgressError as error:
        sys.stderr.write(f"studyapp: {error}\n")
        return 1
    StudyApp(workspace).run()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
