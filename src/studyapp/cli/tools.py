"""The instructor and interop commands: new, lint, extract, import, export, gradebook.

The CLI root (:mod:`studyapp.cli`) wires them in with two lines::

    tools.register(sub)                       # in build_parser()
    if (code := tools.run(args, out)) is not None: return code   # in main()

(and adds :data:`COMMANDS` to the command names it recognises). The logic
lives in ``studyapp.core``; this module parses arguments, prints, and writes
output files atomically (temporary file in the same folder, then ``os.replace``).
Every user-facing error is a message, never a traceback: ``file:line:col: ...`` for a
place in a file, ``studyapp: PATH: ...`` on stderr for a slip in the command itself (a
file to read that is a folder, a file to write that exists; see :mod:`.given`). And
everything printed goes through :func:`~studyapp.core.base.terminal.terminal_out`
(JSON through :func:`~studyapp.core.base.terminal.json_for_terminal`): messages
quote file names and keys that strangers chose.
"""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from studyapp.cli.given import (
    RefusedError,
    empty_folders,
    is_folder,
    looping_paths,
    missing_paths,
    not_a_deck_name,
    readable,
    refuse,
    unwritable,
    whole_file,
)
from studyapp.core.base.atomic import atomic_write, kept_mode
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.listing import plural
from studyapp.core.base.problems import DeckLoadError, Problem
from studyapp.core.base.terminal import json_for_terminal, terminal_out
from studyapp.core.decks.discovery import display_name, expand, is_exam_file

if TYPE_CHECKING:
    import argparse

    from studyapp.core.authoring.lint.rules import LintReport
    from studyapp.core.decks.model import AnyEntry

COMMANDS = ("new", "lint", "extract", "import", "export", "gradebook")


def register(subparsers: Any) -> None:
    """Add the instructor commands to ``subparsers`` (from ``add_subparsers``)."""
    new = subparsers.add_parser("new", help="write a commented skeleton deck (never overwrites)")
    new.add_argument("deck", metavar="DECK.yaml", help="the deck file to create")
    new.add_argument("--title", help="deck title (default: from the file name)")
    new.add_argument("--id", dest="deck_id", help="deck id (default: from the file name)")

    lint = subparsers.add_parser(
        "lint", help="find quality problems in decks (exit 1 on errors; --strict: on warnings)"
    )
    lint.add_argument("paths", nargs="+", metavar="PATH", help="deck files or folders")
    lint.add_argument("--format", choices=("text", "json"), default="text")
    lint.add_argument("--strict", action="store_true", help="warnings fail too")
    lint.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list the info findings too (what lint saw but needs no change, e.g. a source "
        "that shows another entry's answer); by default they are counted in one line",
    )
    lint.add_argument("--fix", action="store_true", help="apply safe fixes (missing ids)")
    lint.add_argument(
        "--ignore", default="", metavar="CODES", help="rule codes to skip, e.g. S001,D002"
    )
    lint.add_argument(
        "--no-cache",
        action="store_true",
        help="lint every deck afresh (by default a deck unchanged since its last lint, "
        "under the same studyapp, has its report read back from the cache)",
    )

    extract = subparsers.add_parser(
        "extract",
        help="draft a deck from an article's plain text (dates, figures, quotes); "
        "--review DRAFT: accept, edit or drop its entries one by one",
        usage="%(prog)s ARTICLE.txt -o DRAFT.yaml [options]\n       %(prog)s --review DRAFT.yaml",
    )
    extract.add_argument("article", metavar="ARTICLE.txt", nargs="?")
    extract.add_argument("-o", "--output", metavar="DRAFT.yaml")
    extract.add_argument(
        "--review",
        metavar="DRAFT.yaml",
        help="review a draft in the terminal: each entry still marked `review: true`, one by "
        "one (accept, edit, drop, skip, undo); written back with its comments kept",
    )
    extract.add_argument("--id", dest="deck_id", help="deck id (default: from the output name)")
    extract.add_argument("--title", help="deck title (default: 'Draft: ' + the article's title)")
    extract.add_argument(
        "--year", type=int, help="year of dates that omit it (default: from the text)"
    )
    extract.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the article's own date, for 'yesterday', 'last month' and dates without a year "
        "(default: its date line)",
    )
    extract.add_argument("--force", action="store_true", help="overwrite the output file")
    extract.add_argument(
        "--no-parse",
        action="store_true",
        help="statements from the rules alone, without the sentence parse (installed with "
        "pip install 'studyapp[parse]')",
    )

    imp = subparsers.add_parser(
        "import",
        help="make decks from an Anki package (.apkg/.colpkg, with its review history), "
        "CSV, TSV or Anki's text export",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("-o", "--output", required=True, metavar="DECK.yaml")
    imp.add_argument(
        "--deck", metavar="NAME", help="Anki package: import only this deck (and its subdecks)"
    )
    imp.add_argument(
        "--progress", metavar="DIR", help="Anki package: progress folder for its review history"
    )
    imp.add_argument(
        "--no-history",
        action="store_true",
        help="Anki package: import the notes only, not the review history",
    )
    imp.add_argument(
        "--format", dest="import_format", choices=("auto", "csv", "tsv", "anki"), default="auto"
    )
    imp.add_argument("--separator", help="field separator (default: from the file)")
    imp.add_argument(
        "--html",
        choices=("auto", "yes", "no"),
        default="auto",
        help="whether fields are HTML (default: the file's #html: header, else guess)",
    )
    imp.add_argument("--id", dest="deck_id", help="deck id (default: from the file name)")
    imp.add_argument("--title", help="deck title")
    imp.add_argument("--force", action="store_true", help="overwrite the output file")

    export = subparsers.add_parser(
        "export", help="export a deck to Anki (.apkg), CSV or a Markdown study sheet"
    )
    export.add_argument("deck", metavar="DECK", help="the deck file (.yaml) to export")
    export.add_argument(
        "--to",
        required=True,
        choices=("anki", "csv", "markdown"),
        help="anki: a package Anki imports (again: updates the notes); csv: one row an "
        "entry, for a spreadsheet (studyapp import reads it back); markdown: a study sheet",
    )
    export.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file to write (replaced)"
    )

    grades = subparsers.add_parser(
        "gradebook", help="merge students' exam result files into a CSV and a Markdown summary"
    )
    grades.add_argument("results", nargs="+", metavar="RESULT.json", help="files or folders")
    grades.add_argument("-o", "--output", required=True, metavar="OUT.csv")
    grades.add_argument(
        "--summary", metavar="OUT.md", help="Markdown summary (default: OUT with .md)"
    )


def run(args: argparse.Namespace, out: TextIO) -> int | None:
    """Run the command in ``args`` if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    handlers = {
        "new": _new,
        "lint": _lint,
        "extract": _extract,
        "import": _import,
        "export": _export,
        "gradebook": _gradebook,
    }
    handler = handlers.get(command or "")
    if handler is None:
        return None
    out = terminal_out(out)
    try:
        return handler(args, out)
    except _FailedError as failed:
        for line in failed.lines:
            out.write(f"{line}\n")
        return 1
    except RefusedError as refused:
        return refuse(refused.lines)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one instructor command on its own (for tests and until ``cli.py`` wires us in)."""
    import argparse

    parser = argparse.ArgumentParser(prog="studyapp")
    register(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    code = run(args, out or sys.stdout)
    return 2 if code is None else code


def bad_deck_id(deck_id: str | None) -> str | None:
    """Why ``--id`` cannot name a deck (said before any file is read); None if it can."""
    from studyapp.core.decks.model import ID_PATTERN

    if deck_id is None or re.fullmatch(ID_PATTERN, deck_id):
        return None
    return f"--id: {deck_id!r} is not a valid deck id (lowercase letters, digits, . _ -)"


def _said(exc: Exception) -> str:
    """An exception's message as a clause: no full stop at its end."""
    return str(exc).rstrip(". ")


class _FailedError(Exception):
    def __init__(self, *lines: str) -> None:
        self.lines = lines


# -------------------------------------------------------------------- files


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Replace ``path`` with ``data`` so a crash leaves the old file or the new, never half.
    A path that cannot be written is a slip in the command: :class:`RefusedError`."""
    if problem := unwritable(path, overwrite=overwrite):
        raise RefusedError(problem)
    try:
        atomic_write(path, data, mode=kept_mode(path))
    except OSError as exc:
        raise RefusedError(whole_file(path, f"cannot write: {exc.strerror or exc}")) from None


def _problems(problems: Sequence[Problem]) -> list[str]:
    return [str(p) for p in problems]


# ------------------------------------------------------------------ commands


def _new(args: argparse.Namespace, out: TextIO) -> int:
    from studyapp.core.authoring.scaffold import SCHEMA_FILE, ScaffoldError, create_deck

    path = Path(args.deck)
    if looping := looping_paths([path]):
        raise RefusedError(*looping)
    if is_folder(path):
        raise RefusedError(whole_file(path, "a folder; give the deck file to create (DECK.yaml)"))
    try:
        text = create_deck(path, title=args.title, deck_id=args.deck_id)
    except OSError as exc:  # a name too long ...
        raise RefusedError(whole_file(path, f"cannot write: {exc.strerror or exc}")) from None
    except ScaffoldError as exc:
        message = str(exc)
        if args.deck_id is not None and message.startswith(repr(args.deck_id)):
            raise RefusedError(f"--id: {message}") from None  # an option, not a file
        if message.startswith(f"{path}: "):
            raise RefusedError(whole_file(path, _strip_prefix(message, path))) from None
        raise RefusedError(message) from None  # about another path (the folder, the schema)
    out.write(f"wrote {path}: a skeleton deck with one example entry of each kind\n")
    schema = path.parent / SCHEMA_FILE
    if schema.is_file() and f"$schema={SCHEMA_FILE}\n" in text:
        out.write(f"the deck's $schema line names {schema}, for editors to complete and check it\n")
    out.write(f"next: edit it, then `studyapp lint {path}` and `studyapp validate {path}`\n")
    return 0


def _schema_for(target: Path) -> tuple[str, Path | None]:
    """The ``$schema`` line's reference for a deck written at ``target``, and the schema
    file to write beside it once the deck is written (None: an up-to-date one exists)."""
    from studyapp.core.authoring.scaffold import plan_schema, schema_reference

    if not target.parent.is_dir() and str(target.parent):
        return schema_reference(target), None  # write_atomic reports the missing folder
    return plan_schema(target)


def _write_schema(schema_file: Path | None, out: TextIO) -> None:
    """Write the schema a new deck's ``$schema`` line names; a failure is only a note."""
    from studyapp.core.authoring.scaffold import write_schema

    if schema_file is None:
        return
    try:
        write_schema(schema_file)
    except OSError as exc:
        name = display_name(schema_file)
        note = f"cannot write the deck schema ({exc.strerror or exc}); `studyapp schema > {name}`"
        refuse([whole_file(name, f"{note} makes it")])
        return
    out.write(f"wrote {display_name(schema_file)}: the deck schema, for editors\n")


def _strip_prefix(message: str, path: Path) -> str:
    return message.removeprefix(f"{path}: ")


def _lint(args: argparse.Namespace, out: TextIO) -> int:
    from studyapp.core.authoring.lint.reportcache import ReportCache
    from studyapp.core.authoring.lint.rules import RULES, LintReport
    from studyapp.core.authoring.lint.runner import lint_file

    ignore = {c.strip().upper() for c in args.ignore.split(",") if c.strip()}
    if unknown := sorted(ignore - set(RULES)):  # a slip in the command: before any deck
        codes = "codes" if len(unknown) > 1 else "code"
        raise RefusedError(
            f"--ignore: unknown rule {codes} {', '.join(unknown)}; give codes from: "
            f"{', '.join(RULES)} (studyapp lint --format json lists their names)"
        )
    roots = [Path(p) for p in args.paths]
    if missing := missing_paths(roots):  # a slip in the command, not a deck's problem
        return refuse(missing)
    files = expand(roots)
    if not files:
        return refuse(empty_folders(roots))
    reports = []
    exams: list[LintReport] = []
    cache = None if args.no_cache else ReportCache.default()
    for path in files:
        shown = display_name(path)
        if is_exam_file(path):  # named with the decks (decks/*.yaml): not a deck
            skipped = LintReport(shown)
            skipped.notes.append(
                f"{shown}: an exam spec, not a deck: not linted (studyapp validate checks it)"
            )
            exams.append(skipped)
            continue
        report = lint_file(path, shown, fix=args.fix, cache=cache, parallel=True)
        if report.fixed_text is not None:
            write_atomic(path, report.fixed_text.encode("utf-8"))
            report = lint_file(path, shown, cache=cache, parallel=True)
            report.notes.append(f"{shown}: fixed (added missing ids)")
        report.findings = [f for f in report.findings if f.rule not in ignore]
        reports.append(report)
    errors = sum(r.errors for r in reports)
    warnings = sum(r.warnings for r in reports)
    infos = sum(r.infos for r in reports)
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.format == "json":
        doc = {
            "ok": not failed,
            "errors": errors,
            "warnings": warnings,
            "infos": infos,
            "strict": args.strict,
            "files": [
                {
                    "file": r.file,
                    "findings": [f.to_dict() for f in r.findings],
                    "notes": r.notes,
                }
                for r in [*reports, *exams]
            ],
            "rules": {c: {"name": r.name, "severity": r.severity} for c, r in RULES.items()},
        }
        out.write(json_for_terminal(doc) + "\n")
        return 1 if failed else 0
    for report in [*reports, *exams]:
        for finding in report.findings:
            if args.verbose or finding.severity != "info":
                out.write(f"{finding}\n")
        for note in report.notes:
            out.write(f"{note}\n")
    out.write(
        f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {_files(len(reports))}"
        + (" (--strict: warnings fail)" if args.strict and warnings and not errors else "")
        + "\n"
    )
    for line in _info_lines(reports, listed=args.verbose):
        out.write(f"{line}\n")
    return 1 if failed else 0


def _info_lines(reports: Sequence[LintReport], *, listed: bool) -> list[str]:
    """One line a rule for the info findings: what they are, and that nothing need change.

    An author who met 68 warnings they could not act on (verbatim sources naming other
    entries' answers) learns to skip lint's output; counted here, and listed only with
    ``--verbose``, they no longer hide the warnings that do need a change.
    """
    counts: dict[str, int] = {}
    for report in reports:
        for finding in report.findings:
            if finding.severity == "info":
                counts[finding.rule] = counts.get(finding.rule, 0) + 1
    more = "listed above" if listed else "--verbose lists them"
    lines = []
    for rule, count in sorted(counts.items()):
        if rule == "L001":
            many = count != 1
            lines.append(
                f"info: {count} source{'s' if many else ''} show{'' if many else 's'} other "
                f"entries' answers ({rule}): verbatim text, nothing to reword; the study queue "
                f"spaces those entries apart ({more})"
            )
        else:  # pragma: no cover - L001 is the only rule with info findings today
            lines.append(f"info: {count} {rule} finding{'s' if count != 1 else ''} ({more})")
    return lines


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    if args.review is not None:
        if mixed := _not_with_review(args):
            raise RefusedError(
                f"--review takes the draft alone, not {mixed}; run studyapp extract "
                "--review DRAFT.yaml (and draft a deck apart: studyapp extract ARTICLE.txt "
                "-o DRAFT.yaml)"
            )
        return _review(Path(args.review), out)
    if args.article is None or args.output is None:
        wanted = "no draft to write (-o DRAFT.yaml)" if args.article else "no article"
        raise RefusedError(
            f"{wanted} given; run studyapp extract ARTICLE.txt -o DRAFT.yaml (or review "
            "a draft: studyapp extract --review DRAFT.yaml)"
        )
    from studyapp.core.authoring.extract.draft import draft_deck, draft_notes
    from studyapp.core.authoring.extract.draftfile import draft_yaml
    from studyapp.core.authoring.extract.extraction import extract
    from studyapp.core.authoring.extract.sentences import slug
    from studyapp.core.base.userfile import Limits
    from studyapp.core.decks.loader import decode_utf8, parse_deck, read_bytes
    from studyapp.core.decks.model import PartialDate

    anchor = None
    if args.date is not None:
        try:
            anchor = PartialDate.parse(args.date)
        except ValueError as exc:
            said = _said(exc)
            if "write" not in said:  # (what to write is said once)
                said += "; write the article's date as YYYY-MM-DD"
            raise RefusedError(f"--date: {said}") from None
    if args.year is not None and not 1 <= args.year <= 9999:
        raise RefusedError(f"--year: {args.year} is not a year; give one such as 2025")
    if problem := bad_deck_id(args.deck_id):
        raise RefusedError(problem)
    source = Path(args.article)
    target = Path(args.output)
    readable(source, "extract reads one article, a plain-text file (ARTICLE.txt)")
    if problem := unwritable(target, overwrite=args.force) or not_a_deck_name(target):
        raise RefusedError(problem)  # before the article is read: it may take a while
    shown = display_name(source)
    raw, problems = read_bytes(source, Limits(max_bytes=ARTICLE_MAX_BYTES), shown)
    if raw is None:
        if (size := _size(source)) > ARTICLE_MAX_BYTES:
            raise _FailedError(whole_file(shown, _too_long(size)))
        raise _FailedError(*_problems(problems))
    text, problems = decode_utf8(raw, shown)
    if text is None:
        raise _FailedError(*_problems(problems))
    bar = _ExtractProgress(sys.stderr, big=len(text) > 200_000)
    from studyapp.core.authoring.extract.parsed import available

    parse = not args.no_parse and available()
    found = extract(
        text,
        year=args.year,
        anchor=anchor,
        progress=bar.step,
        parse=parse,
        parse_progress=bar.parsing,
    )
    bar.done()
    stem = target.name.rsplit(".", 1)[0]
    deck_id = args.deck_id or slug(stem, max_len=80) or "draft"
    try:
        deck = draft_deck(found, deck_id=deck_id, title=args.title)
    except ValueError as exc:  # nothing found: the article as a whole
        raise RefusedError(whole_file(shown, f"{exc}; nothing written")) from None
    reference, schema_file = _schema_for(target)
    yaml_text = draft_yaml(deck, origin=source.name, schema=reference, notes=draft_notes(found))
    try:
        parse_deck(yaml_text, display_name(target))  # the draft must pass validate
    except DeckLoadError as exc:  # pragma: no cover - a bug, reported not raised
        raise _FailedError(*_problems(exc.problems)) from None
    write_atomic(target, yaml_text.encode("utf-8"), overwrite=args.force)
    _write_schema(schema_file, out)
    counts: dict[str, int] = {}
    for entry in deck.entries:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    detail = ", ".join(f"{n} {k}" for k, n in counts.items())
    if found.anchor is not None:
        dated = f"; the article's date: {found.anchor} ({'--date' if anchor else 'date line'})"
    else:
        dated = "; no date line: relative dates left out (give --date YYYY-MM-DD)"
    out.write(
        f"wrote {display_name(target)}: {len(deck.entries)} draft entries ({detail}){dated}\n"
    )
    if not parse and not args.no_parse:
        out.write(
            "note: statements from the rules alone; pip install 'studyapp[parse]' adds a "
            "sentence parse that finds about a fifth more (see the README)\n"
        )
    out.write(
        f"next: `studyapp extract --review {shlex.quote(display_name(target))}` to accept, "
        "edit or drop each entry (or delete each `review: true` by hand), then `studyapp lint` and "
        "`studyapp validate` the draft\n"
    )
    return 0


def _not_with_review(args: argparse.Namespace) -> str:
    """What else was given with ``--review`` (nothing of it applies to a review), as said."""
    given = {
        "ARTICLE.txt": args.article,
        "-o": args.output,
        "--id": args.deck_id,
        "--title": args.title,
        "--year": args.year,
        "--date": args.date,
        "--force": args.force or None,
        "--no-parse": args.no_parse or None,
    }
    return ", ".join(name for name, value in given.items() if value is not None)


def _review(path: Path, out: TextIO) -> int:
    """Open the review screen on a draft; print what was done when the author quits."""
    from studyapp.core.authoring.review.session import ReviewError, ReviewSession

    readable(path, "--review takes one draft deck file (DRAFT.yaml)")
    shown = display_name(path)
    if not path.name.lower().endswith((".yaml", ".yml")):
        raise RefusedError(
            whole_file(
                shown,
                "not a draft deck: --review takes the .yaml draft that "
                "`studyapp extract ARTICLE.txt -o DRAFT.yaml` wrote",
            )
        )
    try:
        session = ReviewSession.open(path, shown)
    except ReviewError as exc:
        raise _FailedError(*exc.lines) from None
    if session.total == 0:
        out.write(f"{shown}: no entry is marked `review: true`: nothing to review\n")
        return 0
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise _FailedError(
            f"{shown}: --review opens a screen and needs a terminal "
            f"({plural(session.total, 'entry is', 'entries are')} marked `review: true`; "
            f"`studyapp lint {shown}` "
            "lists them)"
        )
    from studyapp.tui.draft_review_app import DraftReviewApp

    DraftReviewApp(session).run()
    out.write(session.summary() + "\n")
    if session.left == 0:
        out.write(f"next: `studyapp lint {shown}` and `studyapp validate {shown}`\n")
    return 0


ARTICLE_MAX_BYTES = 4 * 1024 * 1024
"""The longest article ``extract`` reads: about 650,000 words, a book. Its own limit, not
a deck's (a deck is capped at 2 MB): a longer text would take minutes and give a draft of
many thousands of entries, more than anyone reviews entry by entry."""


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _too_long(size: int) -> str:
    return (
        f"the article is {size / 1048576:.1f} MB; extract reads articles of up to "
        f"{ARTICLE_MAX_BYTES / 1048576:.0f} MB (about 650,000 words: a longer text takes "
        "minutes and drafts more entries than anyone reviews). Split it into parts (a "
        "chapter each) and extract each into its own draft"
    )


class _ExtractProgress:
    """A progress bar on stderr while a long text is read (a terminal only; silent otherwise)."""

    def __init__(self, stream: TextIO, *, big: bool) -> None:
        self.stream = stream
        self.on = big and stream.isatty()
        self.shown = False

    def step(self, done: int, total: int) -> None:
        """The rules' pass, a sentence at a time."""
        self._draw("reading", done, total, "sentences")

    def parsing(self, done: int, total: int) -> None:
        """The second pass, the sentence parse (studyapp[parse]), a paragraph at a time."""
        self._draw("parsing", done, total, "paragraphs")

    def _draw(self, doing: str, done: int, total: int, of: str) -> None:
        if not self.on or total == 0:
            return
        bar = "#" * (30 * done // total)
        self.stream.write(f"\r\x1b[K{doing} [{bar:<30}] {done:,}/{total:,} {of}")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from studyapp.cli import ankiimport

    readable(Path(args.file), "import takes one file (.apkg, .colpkg, .csv, .tsv or .txt)")
    package = ankiimport.is_package(Path(args.file))
    if problem := bad_deck_id(args.deck_id) or _import_option_slip(args, package=package):
        raise RefusedError(problem)
    if package:
        return ankiimport.run(args, out)
    from studyapp.core.authoring.extract.sentences import slug
    from studyapp.core.authoring.importer import ImportFileError, import_file

    source = Path(args.file)
    target = Path(args.output)
    shown = display_name(source)
    html = {"auto": None, "yes": True, "no": False}[args.html]
    stem = target.name.rsplit(".", 1)[0]
    separator = args.separator
    if separator is not None:
        separator = _SEPARATORS.get(separator, separator)
    if problem := unwritable(target, overwrite=args.force) or not_a_deck_name(target):
        raise RefusedError(problem)
    try:
        result = import_file(
            source,
            display=shown,
            deck_id=args.deck_id or slug(stem, max_len=80) or "imported",
            title=args.title,
            fmt=args.import_format,
            html=html,
            separator=separator,
        )
    except ImportFileError as exc:
        raise _FailedError(*_problems(exc.problems)) from None
    for line in _problems(result.problems):
        out.write(f"{line}\n")
    from studyapp.core.decks.writer import dump_deck

    reference, schema_file = _schema_for(target)
    text = f"# yaml-language-server: $schema={reference}\n" + dump_deck(
        result.deck, schema_comment=False
    )
    write_atomic(target, text.encode("utf-8"), overwrite=args.force)
    _write_schema(schema_file, out)
    skipped = len(result.problems)
    out.write(
        f"wrote {display_name(target)}: {plural(len(result.deck.entries), 'entry', 'entries')} "
        f"from {plural(result.rows, 'row')}"
        + (f" ({plural(skipped, 'problem')} above)" if skipped else "")
        + "\n"
    )
    return 1 if result.problems else 0


def _import_option_slip(args: argparse.Namespace, *, package: bool) -> str | None:
    """An option that does not fit the file imported (a separator for an Anki package,
    an Anki deck to pick from a CSV): said, rather than silently not applied."""
    shown = display_name(Path(args.file))
    if package:
        for name, given in (
            ("--separator", args.separator is not None),
            ("--format", args.import_format != "auto"),
            ("--html", args.html != "auto"),
        ):
            if given:
                return (
                    f"{name}: for CSV, TSV and Anki's text export, and {shown} is an Anki "
                    f"package; leave {name} out"
                )
        return None
    for name, given in (
        ("--deck", args.deck is not None),
        ("--no-history", args.no_history),
        ("--progress", args.progress is not None),
    ):
        if given:
            return (
                f"{name}: for an Anki package (.apkg, .colpkg), and {shown} is a text file "
                f"(CSV, TSV or Anki's text export); leave {name} out"
            )
    separator = args.separator
    if separator is not None and len(_SEPARATORS.get(separator, separator)) != 1:
        return (
            f"--separator: {separator!r} is not one character; give one character, or tab, "
            "comma or semicolon"
        )
    return None


_SEPARATORS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
"""``--separator``'s words for the characters a shell makes awkward to type."""


_EXPORTED: list[object] = []
"""The deck the running ``export`` read, and what it made of it (see :func:`_export`)."""


def _export(args: argparse.Namespace, out: TextIO) -> int:
    """The deck read and written out with the collector paused: its million objects all
    live until the command ends, and every collection would only scan them again.

    In a process that freezes what it keeps to its end (the ``studyapp`` command froze
    its start-up, see :func:`~studyapp.core.base.gcpause.end_start_pause`, and ends a
    one-off tool with ``os._exit``, see :mod:`studyapp.launch`), the deck (and an Anki
    export's rows) is kept and frozen too: neither freed object by object (~85 ms at
    50,000 entries, ~15 ms more for Anki) nor scanned by the collection that would
    follow (~75 ms), for a process about to end. Elsewhere (tests, library use) it is
    freed here, the collector still paused, as it always was.
    """
    import gc

    with paused_gc():
        try:
            return _export_deck(args, out)
        finally:
            if gc.get_freeze_count():
                gc.freeze()
            else:
                _EXPORTED.clear()


def _export_deck(args: argparse.Namespace, out: TextIO) -> int:
    from studyapp.core.decks.cache import DeckCache
    from studyapp.core.decks.loader import load_deck

    source = Path(args.deck)
    target = Path(args.output)
    readable(source, "export takes one deck file (DECK.yaml)")  # a slip, not the deck's
    if problem := unwritable(target):  # before a big deck is read
        raise RefusedError(problem)
    shown = display_name(source)
    try:
        # bytes validated before (by the app) skip YAML and pydantic; a miss is not kept
        deck = load_deck(source, display=shown, cache=DeckCache.default(), keep=False)
    except DeckLoadError as exc:
        raise _FailedError(*_problems(exc.problems)) from None
    _EXPORTED[:] = [deck]
    if args.to == "anki":
        from studyapp.core.authoring.export.anki import ExportError, write_anki  # genanki: 50 ms

        try:
            count = write_anki(deck, target, keep=_EXPORTED)
        except ExportError as exc:  # (the folder was checked: a full disk, ...)
            raise RefusedError(whole_file(target, _strip_prefix(str(exc), target))) from None
        out.write(
            f"wrote {display_name(target)}: {plural(count, 'note')} (importing it again "
            "updates them)\n"
        )
        _note_drafts(deck.entries, shown)
        return 0
    if args.to == "csv":
        from studyapp.core.authoring.export.spreadsheet import to_csv

        text = to_csv(deck)
    else:
        from studyapp.core.authoring.export.markdown import to_markdown

        text = to_markdown(deck)
    write_atomic(target, text.encode("utf-8"))
    entries = plural(len(deck.entries), "entry", "entries")
    out.write(f"wrote {display_name(target)}: {entries} as {args.to}\n")
    if args.to == "csv":
        from studyapp.core.authoring.export.spreadsheet import csv_losses

        for note in csv_losses(deck):
            out.write(f"note: {note}\n")
    _note_drafts(deck.entries, shown)
    return 0


def _files(count: int) -> str:
    return plural(count, "file")


def _note_drafts(entries: Sequence[AnyEntry], shown: str) -> None:
    """Say on stderr that the deck exported is still a draft: its learners would study
    entries nobody checked against their sources (the export itself is fine: exit 0)."""
    drafts = sum(1 for entry in entries if entry.review)
    if drafts:
        sys.stderr.write(
            f"note: {drafts} of {plural(len(entries), 'entry', 'entries')} "
            f"{'is' if drafts == 1 else 'are'} still marked review: true (a draft): "
            f"studyapp extract --review {shlex.quote(shown)} to check them\n"
        )


def _gradebook(args: argparse.Namespace, out: TextIO) -> int:
    from studyapp.core.authoring.gradebook import merge_files

    given = [Path(raw) for raw in args.results]
    if missing := missing_paths(given):  # a slip in the command, not a result's problem
        raise RefusedError(*missing)
    target = Path(args.output)
    summary = Path(args.summary) if args.summary else target.with_suffix(".md")
    if problems := [p for p in (unwritable(target), unwritable(summary)) if p]:
        raise RefusedError(*problems)  # before anything is read or written
    files: list[Path] = []
    for path in given:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            files.append(path)
    if not files:  # every path given is a folder without one
        raise RefusedError(
            *(
                whole_file(
                    path,
                    "no result files (*.json) in this folder or its subfolders; "
                    "give the .json files the students sent, or their folder",
                )
                for path in given
            )
        )
    book = merge_files(files, [display_name(p) for p in files])
    for problem in book.problems:
        out.write(f"{problem}\n")
    if not book.students:
        raise _FailedError("no result could be merged; nothing written")
    write_atomic(target, book.to_csv().encode("utf-8"))
    write_atomic(summary, book.to_markdown().encode("utf-8"))
    out.write(
        f"wrote {display_name(target)} and {display_name(summary)}: "
        f"{plural(len(book.students), 'student')}, {plural(len(book.questions), 'question')}"
        + (f"; {_files(len(files) - len(book.students))} left out" if book.problems else "")
        + "\n"
    )
    return 1 if book.problems else 0
