"""What ``studyapp plan`` computes and prints (see :mod:`studyapp.cli.plan`)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import TextIO

from studyapp.cli.given import missing_paths, say_settings, unreadable
from studyapp.cli.plan_options import UsageError, read_options
from studyapp.core.base import paths
from studyapp.core.base.clock import system_clock
from studyapp.core.base.listing import plural
from studyapp.core.base.problems import UserFileError
from studyapp.core.base.terminal import json_safe, terminal_out, terminal_safe
from studyapp.core.config import ExamPlanPrefs, load_config, save_config
from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.model import Deck
from studyapp.core.examday import DEFAULT_MINUTES, DEFAULT_TARGET
from studyapp.core.examday.calibration import Calibration, calibration
from studyapp.core.examday.report import ExamDayReport, PlanError, find_exam, report_for_exam
from studyapp.core.quiz.exam import ExamSpec, load_exam
from studyapp.core.quiz.results import list_results
from studyapp.core.store.errors import ProgressError
from studyapp.core.store.store import ProgressStore
from studyapp.core.workspace import load_decks, load_exams

__all__ = ["run_plan"]


def run_plan(args: argparse.Namespace, out: TextIO) -> int:
    try:
        args = read_options(args)
        report = _report(args)
    except UsageError as error:
        return _fail(args, out, str(error), 2)
    except (PlanError, UserFileError, ProgressError) as error:
        return _fail(args, out, str(error), 1)
    stored, _problems = list_results(paths.progress_dir(args.progress))
    calibrated = calibration(s.result for s in stored)
    if args.json:
        data = report.to_json() | {"calibration": calibrated.to_json()}
        out.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    else:
        terminal_out(out).write(_text(report) + _calibration_text(calibrated))
    return 0


def _fail(args: argparse.Namespace, out: TextIO, message: str, code: int) -> int:
    """Say what went wrong: ``{"error": ...}`` on stdout under ``--json`` (what a script
    reads), else a line on stderr; the exit code either way."""
    if args.json:
        out.write(json_safe(json.dumps({"error": message}, ensure_ascii=False)) + "\n")
    else:
        terminal_out(sys.stderr).write(f"studyapp plan: {message}\n")
    return code


def _report(args: argparse.Namespace) -> ExamDayReport:
    if missing := missing_paths(Path(p).expanduser() for p in args.decks):
        raise PlanError("\n".join(missing))  # a slip in the command: nothing is read
    found, cards = load_decks(args.decks or None, cache=DeckCache.default())
    decks = list(found.by_id().values())
    spec = _spec(args.exam, found.roots, decks)
    config_dir = paths.config_dir()
    config = say_settings(load_config(config_dir))  # (on stderr: --json's stdout unchanged)
    saved = config.exams.get(spec.id, ExamPlanPrefs())
    exam_date = args.date or (date.fromisoformat(saved.date) if saved.date else spec.date)
    if exam_date is None:
        raise PlanError(
            f"exam {spec.id!r} has no date: give --date YYYY-MM-DD (it is remembered), "
            "or add `date: YYYY-MM-DD` to the exam spec"
        )
    minutes = args.minutes_per_day or saved.minutes_per_day or DEFAULT_MINUTES
    target = args.target or saved.target or DEFAULT_TARGET
    store = ProgressStore.open(paths.progress_dir(args.progress), read_only=True)
    with store:
        report = report_for_exam(
            spec,
            decks,
            cards,
            store.states,
            store.recent_reviews(),
            config.study,
            now=system_clock(),
            exam_date=exam_date,
            minutes_per_day=minutes,
            target=target,
        )
    prefs = ExamPlanPrefs(
        (args.date.isoformat() if args.date else saved.date),
        args.minutes_per_day or saved.minutes_per_day,
        args.target or saved.target,
    )
    if prefs != saved:  # a change asked for: the same --date each run (a script) saves nothing
        try:  # (only the exam's values: a part of the file the app cannot use is kept)
            save_config(
                config_dir, config.with_exam(spec.id, prefs), base=config, keep_bad_parts=True
            )
        except OSError as error:  # the answer stands; only remembering it failed
            terminal_out(sys.stderr).write(f"studyapp plan: not remembered: {error}\n")
    return report


def _spec(name: str | None, roots: list[Path], decks: list[Deck]) -> ExamSpec:
    """The exam ``name`` names (a file, an exam id or a deck id); none named is the only
    exam found beside the decks, and a usage error when there are none or several."""
    if name is not None:
        path = Path(name)
        if name.endswith((".yaml", ".yml")) or path.is_file():
            if problem := unreadable(path, "give an exam file (.exam.yaml)"):
                raise PlanError(problem)
            return load_exam(path)
    specs, _failures = load_exams(roots)
    if name is not None:
        return find_exam(name, specs, decks)
    if len(specs) == 1:
        return specs[0]
    which = (
        "one of " + ", ".join(repr(s.id) for s in specs[:8]) + (" ..." if len(specs) > 8 else "")
        if specs
        else "no exam file (.exam.yaml) was found beside the decks"
    )
    raise UsageError(
        f"give the exam ({which}): an exam file (.exam.yaml), an exam id or a deck id "
        "(usage: studyapp plan [EXAM_SPEC] [DECK ...] [--date YYYY-MM-DD])"
    )


def _calibration_text(found: Calibration) -> str:
    """Past forecasts beside results: what makes the numbers above worth trusting."""
    if not found.attempts and not found.bins:
        return ""
    lines = ["", "Forecasts beside results (quizzes and exams taken in the app):"]
    for attempt in found.attempts[-8:]:
        when = attempt.taken_at.date().isoformat() if attempt.taken_at else "?"
        lines.append(
            f"  {when}  {terminal_safe(attempt.title)[:40]:40}  forecast "
            f"{attempt.predicted:3.0f}%  scored {attempt.actual:3.0f}%"
        )
    if found.left_out:
        lines.append(
            f"  ({found.left_out} ended with questions unanswered: not listed, the forecast "
            "was for answering them all)"
        )
    if found.bins:
        lines.append(
            f"  By forecast ({plural(found.questions, 'question')} answered; recall and a guess "
            "among the options):"
        )
        for b in found.bins:
            bar = "#" * round(20 * b.actual)
            lines.append(
                f"    forecast {100 * b.low:3.0f}-{100 * b.high:3.0f}%: right "
                f"{100 * b.actual:3.0f}% of {b.questions:4d}  {bar}"
            )
    return "\n".join(lines) + "\n"


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def _text(report: ExamDayReport) -> str:
    r, p = report.readiness, report.plan
    days = (r.exam_date - r.today).days
    lines = [
        f"{terminal_safe(report.title)}: exam on {r.exam_date.isoformat()} "
        f"({plural(days, 'day')} from today)",
        "",
        f"If the exam were today:          {_pct(r.predicted_score_today)}",
        f"On exam day, studying no more:   {_pct(r.predicted_score)}",
        f"On exam day, following the plan: {_pct(p.predicted_score_with_plan)}"
        f"  (target {_pct(p.target)} on every card; {p.cards_at_target} of "
        f"{plural(p.cards, 'card')})",
    ]
    if r.unstudied_entries:
        lines.append(
            f"{r.unstudied_entries} of {plural(r.entries, 'entry', 'entries')} "
            f"{'was' if r.unstudied_entries == 1 else 'were'} never studied: "
            "they count as not known until you learn them."
        )
    lines += [
        "",
        f"Plan ({report.minutes_per_day} min a day, ~{report.seconds_per_answer:g} s an answer),",
        "picked for the exam, besides the cards due on your schedule (studyapp stats):",
    ]
    for day in p.days:
        if day.reviews or day.new or day.day == r.today:  # (today always: what is left)
            lines.append(
                f"  {day.day.isoformat()}  {day.reviews:4d} reviews  {day.new:4d} new  "
                f"{day.minutes:5.1f} min" + ("  (left today)" if day.day == r.today else "")
            )
    if not any(d.reviews or d.new for d in p.days):
        lines.append("  nothing to do: every card is at the target on the day already")
    if p.held_back:
        lines += [
            "",
            f"The daily limit of new cards leaves {p.held_back} new "
            f"card{'s' if p.held_back != 1 else ''} unlearned by the exam: raise "
            "“New cards a day” in Settings to plan them in.",
        ]
    if not p.reaches_target:
        needed = report.minutes_per_day_needed
        lines.append("")
        if needed is not None and needed > report.minutes_per_day:
            lines.append(
                f"The target needs about {needed:g} minutes a day; with "
                f"{report.minutes_per_day} you reach {_pct(p.predicted_score_with_plan)}."
            )
        elif p.held_back:
            lines.append(
                "Within the new-card limit, some cards cannot reach the target by then, "
                "whatever the time."
            )
        else:
            lines.append(
                "Some cards cannot reach the target by then, whatever the time: "
                "learn them now, or expect less on those."
            )
    weakest = r.weakest(5)
    if weakest:
        lines += ["", "Weakest on exam day:"]
        lines += [f"  {_pct(f.exam_day):>4}  {_shorten(f.card.prompt)}" for f in weakest]
    return "\n".join(lines) + "\n"


def _shorten(prompt: str, width: int = 70) -> str:
    """A prompt on one line of at most ``width`` characters, cut between words with "…"
    (cut mid-word, with no mark, a learner could not tell it was cut)."""
    return textwrap.shorten(terminal_safe(prompt), width, placeholder=" …")
