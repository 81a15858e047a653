"""UTC quarter-hours, the history digest's unit of time, and the study days they fall on.

Every time zone offset is a multiple of 15 minutes and study days start on the hour,
so a quarter-hour never straddles two study days, whatever the zone and the
rollover hour: counters per quarter-hour add up to counters per study day.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
QUARTER = timedelta(minutes=15)


def quarter(moment: datetime) -> int:
    """The UTC quarter-hour of ``moment``: whole quarter-hours since 1970 (floored)."""
    return (moment - EPOCH) // QUARTER


_RUN = 48
"""Quarter-hours in a run of :func:`day_runs` (12 hours)."""
_SECOND = timedelta(seconds=1)


def day_runs(
    keys: Sequence[int], day_starts_at: int, tz: tzinfo | None
) -> list[tuple[int, int, int]]:
    """The study days of the UTC quarter-hours ``keys`` (sorted), as runs
    ``(i, j, day)``: ``keys[i:j]`` all fall on ``day`` (days since 1970-01-01).

    What ``study_day`` gives for each (the local date ``day_starts_at`` hours
    earlier), with one time zone conversion per 12 hours of quarter-hours, not one
    per quarter-hour: within 12 hours whose two ends have the same UTC offset,
    every moment has it (in the tz database an offset never changes and changes
    back within less than 95 hours); where the ends differ, each one is converted.
    """
    runs: list[tuple[int, int, int]] = []
    shift = day_starts_at * 3600

    def offset(key: int) -> int:
        utcoffset = (EPOCH + key * QUARTER).astimezone(tz).utcoffset()
        return 0 if utcoffset is None else utcoffset // _SECOND

    def push(i: int, j: int, day: int) -> None:
        if runs and runs[-1][2] == day and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], j, day)
        else:
            runs.append((i, j, day))

    count, i = len(keys), 0
    while i < count:
        first = keys[i]
        j = bisect.bisect_right(keys, first + _RUN - 1, i)  # keys[i:j]: 12 hours at most
        base = offset(first) - shift
        if j - 1 == i or offset(keys[j - 1]) - shift == base:
            day = (first * 900 + base) // 86400
            last_day = (keys[j - 1] * 900 + base) // 86400
            if day == last_day:
                push(i, j, day)
            else:  # one day boundary in 12 hours: the first quarter-hour past it
                cut = bisect.bisect_left(keys, -(-(last_day * 86400 - base) // 900), i, j)
                push(i, cut, day)
                push(cut, j, last_day)
        else:
            for k in range(i, j):
                push(k, k + 1, (keys[k] * 900 + offset(keys[k]) - shift) // 86400)
        i = j
    return runs
