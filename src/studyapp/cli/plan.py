"""``studyapp plan``: how ready you are for an exam, and a plan to be ready on the day.

Headless and scriptable: ``--json`` prints one object (``exam_date``,
``predicted_score``, ``predicted_score_today``, ``plan``,
``predicted_score_with_plan``, ...). A date, minutes a day or target given here
is remembered for that exam in the learner's settings, as the app remembers it (and
only then is the settings file written: a plan alone, or the same values again, leave
it as it was). What is wrong with the settings file is said on stderr, as the app says it.
Under ``--json`` an error is printed as one object too, ``{"error": "..."}`` on
stdout, with the same exit code (2: the command line is wrong, 1: the rest).

The options' values are read in :func:`run`, not by argparse: argparse's errors are
plain text on stderr, which a script reading ``--json`` could not parse.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from studyapp.cli.plan_options import TARGET_FORMS
from studyapp.core.examday import DEFAULT_MINUTES, DEFAULT_TARGET

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    plan = sub.add_parser(
        "plan",
        help="readiness for an exam and a day-by-day plan to reach your target",
        usage="%(prog)s EXAM_SPEC [DECK ...] [--date YYYY-MM-DD] [--minutes-per-day N] "
        "[--target R] [--progress DIR] [--json]",
    )
    plan.add_argument(  # (optional to argparse: a missing one is reported by run)
        "exam",
        nargs="?",
        metavar="EXAM_SPEC",
        help="an exam file (.exam.yaml), an exam id or a deck id (default: the only exam "
        "found beside the decks)",
    )
    plan.add_argument("decks", nargs="*", metavar="DECK", help="deck files or folders")
    plan.add_argument("--date", help="the exam day, YYYY-MM-DD (remembered)")
    plan.add_argument("--minutes-per-day", help=f"time you have a day (default {DEFAULT_MINUTES})")
    plan.add_argument(
        "--target",
        metavar="R",
        help="recall to reach on the day, a share or a percent: "  # (%% : argparse's %)
        f"{TARGET_FORMS.replace('%', '%%')} are the same (a number above 1 is a percent; "
        f"default {DEFAULT_TARGET}; remembered)",
    )
    plan.add_argument("--progress", metavar="DIR")
    plan.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Imported here, not at start: every ``studyapp`` command builds this parser."""
    from studyapp.cli.plan_report import run_plan

    return run_plan(args, out)
