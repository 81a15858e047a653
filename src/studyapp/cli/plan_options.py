"""Reading ``studyapp plan``'s options into values, with messages a script can parse.

Kept apart from :mod:`studyapp.cli.plan` (the parser every command builds) and used by
:mod:`studyapp.cli.plan_report` (what the command computes), so neither imports the other.
"""

from __future__ import annotations

import argparse
from datetime import date

__all__ = ["UsageError", "read_options"]


class UsageError(ValueError):
    """The command line is wrong (exit code 2, as argparse's own errors)."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date: {text!r} is not a date: write YYYY-MM-DD") from None


def _target(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        raise UsageError(f"--target: {text!r} is not a number such as 0.9") from None
    if not 0 < value < 1:
        raise UsageError(f"--target: {text!r}: the target is between 0 and 1 (0.9 = 90%)")
    return value


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"--minutes-per-day: {text!r} is not a whole number of minutes") from None
    if not 1 <= value <= 24 * 60:
        raise UsageError(f"--minutes-per-day: {text!r}: minutes a day are between 1 and 1440")
    return value


def read_options(args: argparse.Namespace) -> argparse.Namespace:
    """``args`` with ``--date``, ``--minutes-per-day`` and ``--target`` read into values;
    UsageError with a message to show otherwise. (No exam given is the only exam found:
    see ``plan_report``.)"""
    return argparse.Namespace(
        **{
            **vars(args),
            "date": _date(args.date) if args.date is not None else None,
            "minutes_per_day": (
                _minutes(args.minutes_per_day) if args.minutes_per_day is not None else None
            ),
            "target": _target(args.target) if args.target is not None else None,
        }
    )
