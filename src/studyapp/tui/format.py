"""Small text formats shared by the screens (intervals, times, percentages)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from rich.cells import cell_len, set_cell_size

ELLIPSIS = "…"
TRAILING = ",;:"
"""Punctuation not left before the ellipsis ("takes office,…" reads "takes office…")."""


def interval(delta: timedelta) -> str:
    """Anki-style short interval: 45s, 10m, 3h, 5d, 2.5mo, 1.2y."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return f"{max(0, round(seconds))}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


def duration(delta: timedelta) -> str:
    """A session length: 45s, 4m 30s, 1h 05m."""
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


def percent(rate: float | None) -> str:
    """A share as a whole percent, halves rounded up as people round them: 1 of 8 is
    13% (Python's own rounding, to even, said 12%)."""
    if rate is None:
        return "–"
    return f"{math.floor(round(rate * 100, 9) + 0.5)}%"


def ago(moment: datetime | None, now: datetime) -> str:
    """When something last happened, relative to now: today, yesterday, 3 days ago."""
    if moment is None:
        return "never"
    local_then = moment.astimezone().date()
    local_now = now.astimezone().date()
    days = (local_now - local_then).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def clock_time(moment: datetime) -> str:
    """Local wall-clock time of a moment (for "next card at 14:20")."""
    return moment.astimezone().strftime("%H:%M")


def join_fitting(parts: Sequence[str], width: int, sep: str = " · ") -> str:
    """``parts`` joined by ``sep``, a part that would pass ``width`` starting a new line:
    a phrase is never split mid-way (the stats sections do not wrap, to keep their
    charts' shape; home's summary line would split "1 / deck")."""
    lines = [parts[0]]
    for part in parts[1:]:
        if len(lines[-1]) + len(sep) + len(part) <= width:
            lines[-1] += sep + part
        else:
            lines.append(part)
    return "\n".join(lines)


def shorten(text: str, width: int) -> str:
    """``text`` on one line in at most ``width`` cells: whole words and "…" when cut.

    Browse cut prompts mid-word ("Moon Jae-in takes o…"). The start is kept and cut
    between words; only a first word wider than the room is cut inside (it has no
    boundary to cut at).
    """
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    room = width - cell_len(ELLIPSIS)
    kept = words_within(text, room).rstrip(TRAILING)
    if not kept:  # the first word alone is too wide: its first cells
        kept = set_cell_size(text.split(" ")[0], room).rstrip()
    return kept + ELLIPSIS


def words_within(text: str, width: int) -> str:
    """The longest start of ``text`` (words one space apart) made of whole words that
    takes at most ``width`` cells; empty when the first word is wider."""
    kept = ""
    for word in text.split(" "):
        longer = f"{kept} {word}" if kept else word
        if cell_len(longer) > width:
            break
        kept = longer
    return kept
