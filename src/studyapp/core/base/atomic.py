"""Replacing a file so that a crash leaves either the old one or the new one, never half.

Temp file in the same folder, flush, fsync, ``os.replace``, then fsync the folder so
the rename itself is durable. The folder's fsync is, with the progress folder's lock
(:mod:`~studyapp.core.store.lock`), the only place where the operating system matters.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
"""Temp files are ``.<name>.<random>.tmp`` beside their target: one left by a crash is
recognised (and removed) by its owner."""


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def kept_mode(path: Path) -> int:
    """The permissions to replace ``path`` with: an existing file keeps its own, a new one
    gets what the user's umask gives (as ``open`` would; temp files are owner-only)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)  # the only way to read it: set it, then put it back
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, data: bytes | Iterable[bytes], *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    ``data`` may come in chunks (a big snapshot is never held in memory whole).
    ``mode``: the new file's permissions (else those of a temp file: owner only).
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                for chunk in data:
                    handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
