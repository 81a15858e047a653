"""The article's own date: its dateline, the anchor of every relative date.

News and press releases print it near the top: "Monday, July 28, 2014",
"Headquarters, Washington, DC — August 30, 2000", "WASHINGTON, April 6, 1993 —
The ...". :func:`find_dateline` reads it from the first lines; an article
without one has no anchor unless the author gives it (``extract --date``).
"""

from __future__ import annotations

import re

from msgspec import Struct

from studyapp.core.authoring.extract.dates import find_dates
from studyapp.core.decks.model import PartialDate

__all__ = ["Dateline", "find_dateline"]


class Dateline(Struct, frozen=True):
    """The article's date and the line that gives it."""

    date: PartialDate
    line: str
    line_no: int
    start: int
    end: int
    """Where the date sits in the line."""


_LABELS = re.compile(
    r"^\s*(?:published|posted|updated|date|dated|released|issued|for\s+release)\b[:\s]",
    re.IGNORECASE,
)
_HEAD = 300
"""How much of a line is searched for its date: the lead ("WASHINGTON, April 6, 1993 —")
holds at most 61 characters before the date."""
_LEAD = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,60}[,—–-]\s*$")


def find_dateline(text: str, *, lines_to_read: int = 8) -> Dateline | None:
    """The date the article gives itself in its first lines, or None.

    A short line holding a full date ("Monday, July 28, 2014") or a first body
    line that opens with one ("WASHINGTON, April 6, 1993 — ..."); a date inside a
    sentence of the body is an event, not the article's date.
    """
    seen = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen += 1
        if seen > lines_to_read:
            break
        # a date line's date is in its first words (a short line, or "WASHINGTON, April 6,
        # 1993 — ..."): a long line is read no further, so one giant line costs no more
        head = line if len(line) <= _HEAD else line[:_HEAD]
        for mention in find_dates(head):
            date = mention.date
            if date is None or date.precision != "day" or mention.relative:
                continue
            before = line[: mention.start]
            others = len(re.findall(r"[A-Za-z]{2,}", before + line[mention.end :]))
            # "The White House, Office of the Press Secretary, April 15, 1993": a longer
            # line is a date line too when the date ends it (a sentence goes on after it)
            last = not re.search(r"\w", line[mention.end :])
            short = (others <= 7 or (last and others <= 14)) and not line.rstrip().endswith(
                ("?", "!")
            )
            if short and (not line.rstrip().endswith(".") or _LABELS.match(line)):
                return Dateline(date, line, line_no, mention.start, mention.end)
            if _LEAD.match(before) or _LABELS.match(before):
                after = line[mention.end :]
                if re.match(r"^\s*(?:\([^)]{1,30}\)\s*)?[—–-]", after) or _LABELS.match(before):
                    return Dateline(date, line, line_no, mention.start, mention.end)
    return None
