"""The file system's clock: what "now" is to the times a file system gives its files.

Whether a file is too new to be known by its ``stat`` alone (two writes within one tick
of a coarse file clock look alike) must be asked of the clock that stamped it. That is
not always the process's wall clock: an NFS server stamps files with its own; a clock
set back (or a test run under libfaketime) leaves files stamped in the process's future.
So, as git does with its index, a new file is given a time and that time is read back.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def newest_time(st: os.stat_result) -> float:
    """The later of a file's modification and change times, in seconds."""
    return max(st.st_mtime_ns, st.st_ctime_ns) / 1e9


def file_system_now(folder: Path) -> float | None:
    """The present by the clock that stamps files in ``folder``: the time a file made there
    now is given. None if nothing can be made there (then no stamp can be trusted)."""
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".clock-")
    except OSError:
        return None
    try:
        return newest_time(os.fstat(fd))
    except OSError:
        return None
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(name)
