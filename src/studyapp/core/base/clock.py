"""Time as a dependency: the core never calls ``datetime.now()`` itself.

Everything that depends on the time takes ``now`` or a :data:`Clock`, so tests
run on fixed datetimes and never sleep, and the App can hand one clock to every
service.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]
"""A function returning the current time as a UTC-aware datetime."""


def system_clock() -> datetime:
    """The real time, in UTC (what the App passes as its clock)."""
    return datetime.now(UTC)


def ensure_utc(moment: datetime) -> datetime:
    """Return ``moment`` in UTC; refuse naive datetimes, which are ambiguous."""
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise ValueError(f"naive datetime {moment!r}: pass a timezone-aware datetime")
    if moment.tzinfo is UTC:
        return moment
    return moment.astimezone(UTC)


class ManualClock:
    """A clock that only moves when told to: for tests and benchmarks."""

    def __init__(self, start: datetime) -> None:
        self.now = ensure_utc(start)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        """Move the clock forward (or back, with a negative delta)."""
        self.now = self.now + delta
        return self.now
