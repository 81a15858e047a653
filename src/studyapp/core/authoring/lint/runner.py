"""Lint a deck file or text: run every check and collect the report.

:func:`lint_text` reads the YAML, reports what does not load (E000, with
cloze and option problems under their own rules), checks ids, then runs the
per-entry, duplicate and speaker checks on a deck that loads, and computes
the ``--fix`` text when asked.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from studyapp.core.authoring.lint.checks import check_expected_verdicts
from studyapp.core.authoring.lint.duplicates import check_duplicates
from studyapp.core.authoring.lint.entries import check_giveaways, check_options, check_sources
from studyapp.core.authoring.lint.ids import check_duplicate_ids, fix_missing_ids, missing_ids
from studyapp.core.authoring.lint.leaks import check_leaks_shared
from studyapp.core.authoring.lint.lists import check_list_accepts
from studyapp.core.authoring.lint.reportcache import ReportCache
from studyapp.core.authoring.lint.review import check_review
from studyapp.core.authoring.lint.rules import Finding, Linter, LintReport
from studyapp.core.authoring.lint.speakers import check_speakers
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.problems import Problem
from studyapp.core.decks.loader import limits_from_env, read_text, translate
from studyapp.core.decks.model import Deck
from studyapp.core.decks.yamlread import read_yaml

__all__ = ["lint_file", "lint_text"]


def _validation_rule(problem: Problem) -> str:
    if "needs at least one {{blank}}" in problem.message:
        return "C001"
    if "equals the answer" in problem.message:
        return "O001"
    return "E000"


def lint_text(text: str, display: str, *, fix: bool = False, parallel: bool = False) -> LintReport:
    """Lint deck YAML ``text``; with ``fix``, also compute the fixed text; with
    ``parallel``, a big deck's leak check runs in a forked child meanwhile (:mod:`forked`:
    only from a process without threads, such as the command line's).

    The cyclic collector is paused throughout: the deck read is a million objects
    that live until the report is made, the checks' indexes as many again, and each
    collection would only scan them all again to free nothing (a 50,000-entry deck:
    20.5 -> 13.2 s CPU, the same peak memory).
    """
    with paused_gc():
        return _lint_text(text, display, fix=fix, parallel=parallel)


def _lint_text(text: str, display: str, *, fix: bool, parallel: bool) -> LintReport:
    limits = limits_from_env()
    report = LintReport(display)
    doc = read_yaml(text, display, limits) if len(text) <= limits.max_bytes else None
    if doc is None:
        report.findings.append(
            Finding(display, 0, 0, "", "E000", "the file is over the size cap", "error")
        )
        return report
    lint = Linter(display, doc)
    for problem in doc.problems:
        lint.findings.append(
            Finding(
                display, problem.line, problem.col, problem.path, "E000", problem.message, "error"
            )
        )
    if doc.problems or not doc.complete or not isinstance(doc.data, dict):
        if doc.data is not None and not isinstance(doc.data, dict) and not doc.problems:
            lint.add("E000", (), "expected a deck: a mapping of fields (id: ..., title: ...)")
        elif doc.data is None and not doc.problems:
            # (the whole file: line 0, as every whole-file problem)
            lint.findings.append(Finding(display, 0, 0, "", "E000", "the file is empty", "error"))
        report.findings = sorted(lint.findings)
        return report
    missing = missing_ids(doc)
    data = dict(doc.data)
    entries = data.get("entries")
    if isinstance(entries, list):
        entries = [
            {"id": missing[i], **e} if i in missing and isinstance(e, dict) else e
            for i, e in enumerate(entries)
        ]
        data["entries"] = entries
        for index, new_id in missing.items():
            lint.add(
                "I001",
                ("entries", index),
                f"entry has no id; add `id: {new_id}` (studyapp lint --fix does it)",
            )
        dup = check_duplicate_ids(lint, entries)
    else:
        dup = False
    deck: Deck | None = None
    try:
        deck = Deck.model_validate(data)
    except ValidationError as exc:
        for detail in exc.errors(include_url=False):
            problem = translate(detail, doc, Deck, display)
            lint.findings.append(
                Finding(
                    display,
                    problem.line,
                    problem.col,
                    problem.path,
                    _validation_rule(problem),
                    problem.message,
                    "error",
                )
            )
    if deck is not None and not dup:
        leaks = check_leaks_shared(lint, deck, fork=parallel)  # the slowest: on 2 cores
        try:
            check_sources(lint, deck)
            check_giveaways(lint, deck)
            check_duplicates(lint, deck)
            check_options(lint, deck)
            check_speakers(lint, deck)
            check_review(lint, deck)
            check_expected_verdicts(lint, deck)
            check_list_accepts(lint, deck)
            leaks.finish()  # (this process takes the parts left, then the child's come back)
        except BaseException:  # interrupted (^C) or failed: the child's work is not wanted
            leaks.abandon()
            raise
    report.findings = sorted(set(lint.findings), key=lambda f: (f.line, f.col, f.rule, f.message))
    if fix and missing:
        fixed, note = fix_missing_ids(text, missing)
        if fixed is None:
            report.notes.append(f"{display}: not fixed: {note}")
        else:
            report.fixed_text = fixed
            report.fixed = len(missing)
    return report


def lint_file(
    path: Path,
    display: str | None = None,
    *,
    fix: bool = False,
    cache: ReportCache | None = None,
    parallel: bool = False,
) -> LintReport:
    """Read and lint one deck file (problems reading it become E000 findings).

    With ``cache``, the report of a text linted before under the same limits and
    code is read back instead of made again (never when fixing: a fix needs the
    text's ids, and a fixed file is linted again anyway).
    """
    shown = display if display is not None else str(path)
    limits = limits_from_env()
    text, problems = read_text(path, limits, shown)
    if text is None:
        report = LintReport(shown)
        report.findings = [
            Finding(shown, p.line, p.col, p.path, "E000", p.message, "error") for p in problems
        ]
        return report
    key = cache.key(text, limits) if cache is not None and not fix else None
    if cache is not None and key is not None:
        kept = cache.get(key, shown)
        if kept is not None:
            return LintReport(shown, kept)
    report = lint_text(text, shown, fix=fix, parallel=parallel)
    if cache is not None and key is not None:
        cache.put(key, report.findings)
    return report
