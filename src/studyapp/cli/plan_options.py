"""Reading ``studyapp plan``'s options into values, with messages a script can parse.

Kept apart from :mod:`studyapp.cli.plan` (the parser every command builds) and used by
:mod:`studyapp.cli.plan_report` (what the command computes), so neither imports the other.
"""

from __future__ import annotations

import argparse
from datetime import date

__all__ = ["TARGET_FORMS", "UsageError", "read_options"]


class UsageError(ValueError):
    """The command line is wrong (exit code 2, as argparse's own errors)."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date: {text!r} is not a date: write YYYY-MM-DD") from None


TARGET_FORMS = "0.9, 90 or 90%"
"""How a target of 90% may be written, in the help and in every message about one."""


def _target(text: str) -> float:
    """The recall to reach, as a share: ``0.9``, ``90%``, or a bare ``90`` (above 1, a
    number can only be meant as a percent: a share is at most 1). A target of 0 or less,
    or of 100% or more (no forecast of recall reaches it: the plan refuses it), is
    refused here, in words that say both ways of writing one."""
    number = text.strip()
    percent = number.endswith("%")
    try:
        value = float(number.removesuffix("%"))
    except ValueError:
        raise UsageError(f"--target: {text!r} is not a number such as {TARGET_FORMS}") from None
    if not percent and 1 < value <= 100:
        percent = True
    share = value / 100 if percent else value
    if not 0 < share < 1:  # (NaN and infinities included)
        raise UsageError(
            f"--target: {text!r}: the target is a share between 0 and 1 (0.9) or a percent "
            "between 0 and 100 (90 or 90%); 100% itself cannot be reached"
        )
    return share


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
