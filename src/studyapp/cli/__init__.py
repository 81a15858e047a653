"""The ``studyapp`` command: parse arguments, then hand over to a command group.

One module per group: :mod:`.decks` (validate, schema, decks), :mod:`.study`
(stats, progress, results), :mod:`.tools` (the instructor's tools), :mod:`.judge`
(the answer checker, for deck authors), :mod:`.plan` (exam readiness and a plan),
:mod:`.optimize` (FSRS parameters fitted to the learner). Each is imported only when one
of its commands runs.

A bare ``studyapp [DECK...]`` opens the app on the decks found; the other
commands are headless and print plain text (or JSON with ``--format json``)
so they work in scripts and CI.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from studyapp import __version__
from studyapp.cli import tools as cli_tools
from studyapp.core.base.gcpause import end_start_pause
from studyapp.core.base.terminal import terminal_safe

if TYPE_CHECKING:
    import argparse

COMMANDS = (
    "run",
    "validate",
    "schema",
    "decks",
    "stats",
    "progress",
    "results",
    "judge",
    "plan",
    "optimize",
    *cli_tools.COMMANDS,
)


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
    progress.add_argument(
        "--repair",
        action="store_true",
        help="rebuild card states from the review history (the old snapshot is kept)",
    )
    progress.add_argument("decks", nargs="*", help="deck files or folders (for --repair)")
    progress.add_argument("--json", action="store_true", help="print one JSON object")

    results = sub.add_parser("results", help="export quiz and exam results (CSV or JSON)")
    results.add_argument("--progress", metavar="DIR")
    results.add_argument("--format", choices=("csv", "json"), default="csv")
    results.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    cli_tools.register(sub)
    from studyapp.cli import judge as cli_judge  # small: argparse set-up only

    cli_judge.register(sub)
    from studyapp.cli import plan as cli_plan

    cli_plan.register(sub)
    from studyapp.cli import optimize as cli_optimize  # argparse only; the fit on demand

    cli_optimize.register(sub)
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
    if (problem := _progress_problem(args)) is not None:
        sys.stderr.write(f"studyapp: {problem}\n")
        return 2
    try:
        if (code := cli_tools.run(args, out)) is not None:
            return code
        if args.command == "judge":
            from studyapp.cli import judge as cli_judge

            return cli_judge.run(args, out)
        if args.command == "plan":
            from studyapp.cli import plan as cli_plan

            return cli_plan.run(args, out)
        if args.command == "optimize":
            from studyapp.cli import optimize as cli_optimize

            return cli_optimize.run(args, out)
        if args.command in ("validate", "schema", "decks"):
            from studyapp.cli import decks as cli_decks  # on demand, like the others

        if args.command == "validate":
            return cli_decks.cmd_validate(args.paths, args.format, out)
        if args.command == "schema":
            return cli_decks.cmd_schema(out)
        if args.command == "decks":
            return cli_decks.cmd_decks(args.paths, out)
        if args.command in ("stats", "progress", "results"):
            from studyapp.cli import study as cli_study  # on demand: the app does not need it

            if args.command == "stats":
                return cli_study.cmd_stats(args.decks, args.progress, out)
            if args.command == "progress":
                if slip := _progress_option_slip(args):
                    from studyapp.cli.given import refuse

                    return refuse([slip])
                if args.repair:
                    return cli_study.cmd_repair(args.decks, args.progress, out)
                return cli_study.cmd_progress(args.progress, out, as_json=args.json)
            return cli_study.cmd_results(args.progress, args.format, args.output, out)
        return cmd_run(args.decks, args.progress, out)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _progress_option_slip(args: argparse.Namespace) -> str | None:
    """``progress`` options that do not go together (said, rather than silently not used)."""
    if args.repair and args.json:
        return (
            "--json: not with --repair, whose report is text; leave --json out (then "
            "studyapp progress --json checks the progress repaired)"
        )
    if args.decks and not args.repair:
        return (
            f"{terminal_safe(' '.join(args.decks))}: decks are read by --repair only; add "
            "--repair to rebuild their cards' states from the history, or leave them out"
        )
    return None


def _progress_problem(args: argparse.Namespace) -> str | None:
    """Why the progress folder a command would use cannot be one (a file given for it),
    before anything tries to make it: a message, never a traceback from ``mkdir``."""
    if args.command not in (None, "run") and not hasattr(args, "progress"):
        return None  # (the deck tools never touch progress)
    return progress_folder_problem(getattr(args, "progress", None))


def progress_folder_problem(progress: str | None) -> str | None:
    """Why the progress folder cannot be one (a file, a symbolic link that loops ...)."""
    from studyapp.cli.given import looping_paths
    from studyapp.core.base import paths

    folder = paths.progress_dir(progress)
    if looping_paths([folder]):
        return (
            f"the progress folder {folder} is a symbolic link that leads round in a loop: "
            "give a folder, or the name of a new one with --progress or STUDYAPP_PROGRESS"
        )
    return paths.progress_dir_problem(folder)


def cmd_run(targets: list[str], progress: str | None, out: TextIO) -> int:
    """Open the app. Textual is imported only here, so headless commands start fast."""
    from studyapp.core.store.errors import ProgressError
    from studyapp.core.workspace import open_workspace
    from studyapp.tui.app import StudyApp

    if (problem := progress_folder_problem(progress)) is not None:
        sys.stderr.write(f"studyapp: {problem}\n")
        return 2
    if targets:  # (a deck not there is shown on the home screen, with the others)
        from pathlib import Path

        from studyapp.cli.given import looping_paths, refuse

        if looping := looping_paths(Path(t).expanduser() for t in targets):
            return refuse(looping)
    try:
        workspace = open_workspace(
            targets or None, progress=progress, defer=True, on_read=_say_reading
        )
    except ProgressError as error:
        sys.stderr.write(f"studyapp: {error}\n")
        return 1
    app = StudyApp(workspace)
    app.run()
    if app.failure is not None:  # the progress could not be read just after the first frame
        sys.stderr.write(terminal_safe(app.failure) + "\n")
        return 1
    return app.return_code or 0


BIG_DECK = 1 << 20
"""A deck file from this size (1 MiB: ~3,000 entries) takes a noticeable time to read
and check the first time (a 50,000-entry deck: ~5 s), so the command says it is on it."""


def _say_reading(shown: str, size: int) -> None:
    """Before the app's screen: a big deck the cache does not hold is being read (first
    start after an import or an edit), so a blank terminal is not taken for a hang."""
    if size >= BIG_DECK:
        sys.stderr.write(
            f"studyapp: reading {shown} ({size / (1 << 20):.1f} MB), new or changed since "
            "the last start: this takes a few seconds once\n"
        )
        sys.stderr.flush()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
