"""Small text formats shared by the screens (intervals, times, percentages)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta


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
    return "–" if rate is None else f"{rate * 100:.0f}%"


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
