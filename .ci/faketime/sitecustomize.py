"""Loaded only by .ci/any-hour (PYTHONPATH), in every Python process of that run.

libfaketime 0.9.10 (Debian 12) fakes the wall clock well but breaks sleeping: with the
monotonic clock faked, timed waits (threading.Condition.wait(timeout)) never return;
with FAKETIME_DONT_FAKE_MONOTONIC=1 they work, but every time.sleep() fails with EINVAL
(it rewrites clock_nanosleep's absolute deadline). So the monotonic clock is left alone
and time.sleep waits in select(), whose relative timeout libfaketime does not touch.
Nothing here changes what the tests check: only the wall clock is moved.
"""

import select
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    select.select([], [], [], seconds)


time.sleep = _sleep
