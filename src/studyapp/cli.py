"""The ``studyapp`` command: parse arguments, wire the services, run a command.

A bare ``studyapp [DECK...]`` opens the app on the decks found; the other
commands are headless and print plain text (or JSON with ``--format json``)
so they work in scripts and CI.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from studyapp import __version__, cli_tools
from studyapp.core.deckcache import DeckCache
from studyapp.core.discovery import (
    DeckSet,
    deck_roots,
    discover,
    display_name,
    exam_files,
    expand,
    is_exam_file,
    load_all,
)
from studyapp.core.gcpause import end_start_pause
from studyapp.core.problems import Problem, UserFileError

if TYPE_CHECKING:
    import argparse

    from studyapp.core.exam import ExamSpec

COMMANDS = (
    "run",
    "validate",
    "schema",
    "decks",
    "stats",
    "progress",
    "results",
    *cli_tools.COMMANDS,
)
MAX_PROBLEMS_SHOWN = 50


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not at import: ``studyapp`` alone never needs it

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

    cli_tools.register(sub)
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
    given = list(sys.argv[1:] if argv is None else argv)
    out = sys.stdout
    if not given:  # the everyday launch: straight to the app, no parser to build
        try:
            return cmd_run([], None, out)
        except KeyboardInterrupt:
            return 130
    args = build_parser().parse_args(_normalise(given))
    if args.command != "run":
        end_start_pause()  # headless: start-up is over (the app ends it after its first frame)
    try:
        if (code := cli_tools.run(args, out)) is not None:
            return code
        if args.command == "validate":
            return cmd_validate(args.paths, args.format, out)
        if args.command == "schema":
            from studyapp.core.deck import deck_json_schema

            json.dump(deck_json_schema(), out, indent=2, ensure_ascii=False)
            out.write("\n")
            return 0
        if args.command == "decks":
            return cmd_decks(args.paths, out)
        if args.command in ("stats", "progress", "results"):
            from studyapp import cli_study  # imported on demand: the app does not need it

            if args.command == "stats":
                return cli_study.cmd_stats(args.decks, args.progress, out)
            if args.command == "progress":
                return cli_study.cmd_progress(args.progress, out)
            return cli_study.cmd_results(args.progress, args.format, args.output, out)
        return cmd_run(args.decks, args.progress, out)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _cache() -> DeckCache:
    return DeckCache.default()


def print_failures(result: DeckSet, out: TextIO) -> None:
    for failure in result.failures:
        _print_problems(failure, out)


def _print_problems(failure: UserFileError, out: TextIO) -> None:
    problems = failure.problems
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        out.write(f"{problem}\n")
    if len(problems) > MAX_PROBLEMS_SHOWN:
        more = len(problems) - MAX_PROBLEMS_SHOWN
        out.write(f"{failure.file}: ... and {more} more problems\n")


def cmd_validate(targets: list[str], fmt: str, out: TextIO) -> int:
    """Check decks and exam specs without the cache: the answer must come from the files."""
    roots, _origin = deck_roots(targets or None)
    files = [f for f in expand(roots) if not is_exam_file(f)]
    result = load_all(files, cache=None)
    exams = exam_files(roots)
    exam_ok, exam_failures = validate_exams(exams, {d.deck.id for d in result.decks})
    failures: list[UserFileError] = [*result.failures, *exam_failures]
    checked = len(files) + len(exams)
    if fmt == "json":
        report = {
            "valid": not failures and checked > 0,
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
                {"file": str(path), "valid": True, "exam": spec.id, "problems": []}
                for path, spec in exam_ok
            ]
            + [
                {
                    "file": failure.file,
                    "valid": False,
                    "problems": [p.to_dict() for p in failure.problems],
                }
                for failure in failures
            ],
        }
        json.dump(report, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0 if report["valid"] else 1
    if not checked:
        out.write("no deck files found (give a .yaml file or a folder of them)\n")
        return 1
    for failure in failures:
        _print_problems(failure, out)
    for loaded in result.decks:
        out.write(f"ok: {display_name(loaded.path)} ({len(loaded.deck.entries)} entries)\n")
    for path, spec in exam_ok:
        out.write(f"ok: {display_name(path)} (exam '{spec.id}', {spec.questions} questions)\n")
    problems = sum(len(f.problems) for f in failures)
    if failures:
        out.write(
            f"{len(failures)} of {checked} files invalid, "
            f"{problems} problem{'s' if problems != 1 else ''}\n"
        )
        return 1
    out.write(f"all {checked} file{'s' if checked != 1 else ''} valid\n")
    return 0


def validate_exams(
    paths: list[Path], deck_ids: set[str]
) -> tuple[list[tuple[Path, ExamSpec]], list[UserFileError]]:
    """Load exam specs; also check that the decks they name were found beside them."""
    from studyapp.core.exam import ExamLoadError, ExamSpec
    from studyapp.core.loader import load_model
    from studyapp.core.yamlread import read_yaml

    good: list[tuple[Path, ExamSpec]] = []
    bad: list[UserFileError] = []
    for path in paths:
        shown = display_name(path)
        try:
            spec = load_model(path, ExamSpec, display=shown, error=ExamLoadError)
        except UserFileError as error:
            bad.append(error)
            continue
        missing = [d for d in spec.decks if d not in deck_ids]
        if missing and deck_ids:
            doc = read_yaml(path.read_text(encoding="utf-8"), shown)
            problems = []
            for index, deck_id in enumerate(spec.decks):
                if deck_id in missing:
                    line, col = doc.position(("decks", index))
                    problems.append(
                        Problem(
                            shown,
                            line,
                            col,
                            f"decks[{index}]",
                            f"no deck with id {deck_id!r} was found; "
                            f"known: {', '.join(sorted(deck_ids))}",
                        )
                    )
            bad.append(ExamLoadError(shown, problems))
            continue
        good.append((path, spec))
    return good, bad


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
    from studyapp.core.progress import ProgressError
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
