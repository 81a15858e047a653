"""Commands about deck files: ``validate``, ``schema`` and ``decks``.

What they print quotes files that strangers wrote (keys, values, file names), so
text goes out through :func:`~studyapp.core.base.terminal.terminal_out` and JSON
through :func:`~studyapp.core.base.terminal.json_for_terminal`.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from studyapp.cli.given import empty_folders, looping_paths, missing_paths, refuse
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.listing import plural
from studyapp.core.base.problems import Problem, UserFileError
from studyapp.core.base.terminal import json_for_terminal, terminal_out
from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.discovery import (
    DeckSet,
    deck_roots,
    discover,
    display_name,
    exam_files,
    expand,
    is_exam_file,
    load_all,
)

if TYPE_CHECKING:
    from studyapp.core.decks.model import Deck
    from studyapp.core.quiz.exam import ExamSpec

MAX_PROBLEMS_SHOWN = 50


def cmd_schema(out: TextIO) -> int:
    """Print the deck JSON Schema, for editors (yaml-language-server) to complete decks."""
    from studyapp.core.decks.model import deck_json_schema

    json.dump(deck_json_schema(), out, indent=2, ensure_ascii=False)
    out.write("\n")
    return 0


def _cache() -> DeckCache:
    return DeckCache.default()


def print_failures(result: DeckSet, out: TextIO) -> None:
    out = terminal_out(out)
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
    """Check decks and exam specs; every problem of every changed file is reported.

    The deck cache is read, never written: it holds only decks that passed, keyed by
    their exact bytes and this build's model, so a hit is a file checked before,
    unchanged, and valid (50,000 entries: well under a second instead of ~3.5 s). Any
    other file is read and checked in full. Entries are read only when an exam needs them.
    The collector stays paused: a deck read is a million objects that all live until the
    command ends, and every collection would only scan them again.
    """
    with paused_gc():
        return _validate(targets, fmt, out)


def _validate(targets: list[str], fmt: str, out: TextIO) -> int:
    out = terminal_out(out)
    roots, _origin = deck_roots(targets or None)
    if missing := missing_paths(roots):  # a slip in the command, not a deck's problem
        return refuse(missing)
    files = [f for f in expand(roots) if not is_exam_file(f)]
    exams = exam_files(roots)
    if not files and not exams:
        return refuse(empty_folders(roots))
    result = load_all(files, cache=_cache(), keep=False)
    decks = [d.deck for d in result.decks] if exams else []
    exam_ok, exam_failures = validate_exams(exams, decks)
    failures: list[UserFileError] = [*result.failures, *exam_failures]
    checked = len(files) + len(exams)
    if fmt == "json":
        report = {
            "valid": not failures and checked > 0,
            "files": [
                {
                    "file": str(loaded.path),
                    "valid": True,
                    "deck": loaded.deck_id,
                    "entries": loaded.entries,
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
        out.write(json_for_terminal(report) + "\n")
        return 0 if report["valid"] else 1
    for failure in failures:
        _print_problems(failure, out)
    for loaded in result.decks:
        shown = display_name(loaded.path)
        drafted = ""
        if loaded.drafts:  # valid, and still a draft: say so, as `studyapp decks` does
            many = "entry" if loaded.drafts == 1 else "entries"
            drafted = (
                f"; a draft: {loaded.drafts:,} {many} still marked `review: true` "
                f"(studyapp extract --review {shlex.quote(shown)})"
            )
        out.write(f"ok: {shown} ({plural(loaded.entries, 'entry', 'entries')}){drafted}\n")
    for path, spec in exam_ok:
        questions = plural(spec.questions, "question")
        out.write(f"ok: {display_name(path)} (exam '{spec.id}', {questions})\n")
    problems = sum(len(f.problems) for f in failures)
    if failures:
        out.write(
            f"{len(failures)} of {plural(checked, 'file')} invalid, {plural(problems, 'problem')}\n"
        )
        return 1
    out.write(f"all {plural(checked, 'file')} valid\n")
    return 0


def validate_exams(
    paths: list[Path], decks: list[Deck]
) -> tuple[list[tuple[Path, ExamSpec]], list[UserFileError]]:
    """Load exam specs; check that the decks they name were found beside them, and that
    those decks hold as many questions as the spec asks for without repeating one."""
    if not paths:
        return [], []  # (and no import of the exam model: ~0.1 s)
    from studyapp.core.decks.loader import load_model
    from studyapp.core.decks.yamlread import read_yaml
    from studyapp.core.quiz.exam import ExamLoadError, ExamSpec

    deck_ids = {d.id for d in decks}
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
        problems: list[Problem] = []
        if missing and deck_ids:
            doc = read_yaml(path.read_text(encoding="utf-8"), shown)
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
        elif decks:
            problems += _too_many_questions(path, shown, spec, decks)
        if problems:
            bad.append(ExamLoadError(shown, problems))
            continue
        good.append((path, spec))
    return good, bad


def _too_many_questions(path: Path, shown: str, spec: ExamSpec, decks: list[Deck]) -> list[Problem]:
    """A problem at ``questions:`` when the decks cannot give that many without a repeat."""
    from studyapp.core.decks.yamlread import read_yaml
    from studyapp.core.quiz.exam import ExamError, exam_capacity

    try:
        capacity = exam_capacity(spec, decks)
    except ExamError as error:  # two decks with one id: at the decks it names, else the file
        line, col = (0, 0)
        if spec.decks:
            line, col = read_yaml(path.read_text(encoding="utf-8"), shown).position(("decks",))
        return [Problem(shown, line, col, "decks", str(error))]
    if spec.questions <= capacity:
        return []
    doc = read_yaml(path.read_text(encoding="utf-8"), shown)
    line, col = doc.position(("questions",))
    drawn = ", ".join(spec.decks) if spec.decks else "every deck found"
    narrowed = " (with its tags, kinds and formats)" if spec.tags or spec.kinds else ""
    if capacity == 0:
        change = "choose other decks, tags, kinds or formats"
    else:
        change = f"set questions to {capacity} or fewer, or add decks or entries"
    return [
        Problem(
            shown,
            line,
            col,
            "questions",
            f"asks for {plural(spec.questions, 'question')}, but {drawn}{narrowed} can give only "
            f"{capacity} without asking an entry twice; {change}",
        )
    ]


def cmd_decks(targets: list[str], out: TextIO) -> int:
    if looping := looping_paths(Path(p).expanduser() for p in targets):
        return refuse(looping)  # (a path not there is listed with the decks that failed)
    out = terminal_out(out)
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
        entries = plural(len(deck.entries), "entry", "entries")
        out.write(f"  {deck.id}: {deck.title} ({entries}: {detail})\n")
        out.write(f"    {display_name(loaded.path)}\n")
        if loaded.drafts:  # as home marks it: studied like any other, its author checks it
            many = "entry" if loaded.drafts == 1 else "entries"
            out.write(
                f"    draft · {loaded.drafts:,} {many} to check "
                f"(studyapp extract --review {shlex.quote(display_name(loaded.path))})\n"
            )
    if not result.decks:
        out.write("  (none)\n")
    if result.failures:
        out.write("Decks that failed to load:\n")
        print_failures(result, out)
