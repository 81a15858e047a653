"""Whether a text could state a date at all: a cheap test before the date finder.

:func:`~studyapp.core.authoring.extract.dates.find_dates` costs a few
microseconds per text with digits and lint asks it of every date entry's
question and source. Without an anchor (the article's own date) a relative
date ("yesterday") resolves to nothing, so a date is only found where the
text has a digit, a full month name (the finder's month words without a
number are full names, case as written: "in June", "June, ...") or the
word "century" ("the twentieth century"). A text with none of them states
no date; ``tests/core/authoring/test_lint_datehint.py`` holds this against
the finder on the article corpus, so a finder that learns new forms fails
there first.
"""

from __future__ import annotations

import re

from studyapp.core.decks.model import MONTH_NAMES

__all__ = ["may_state_a_date"]

_HINT = re.compile(r"\d|[Cc]entury|" + "|".join(MONTH_NAMES))


def may_state_a_date(text: str) -> bool:
    """False only when ``find_dates(text, year)`` (no anchor) can find no date in ``text``."""
    return _HINT.search(text) is not None
