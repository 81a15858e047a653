"""Lint reports kept for decks that did not change, as ruff keeps a file's diagnostics.

Why: lint of a 50,000-entry deck takes seconds, and a folder of decks is linted whole
each time (a pre-commit hook, a course's CI) though most of its files did not change.
A report depends only on the deck's text, the size limits and this build's code, so it
is kept under a key made of all three and read back while they are the same: a hash of
the text instead of every check. The cache is disposable: a missing, damaged or
unreadable entry means linting again, never a wrong report, and nothing about it can
fail a lint.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from functools import cache
from pathlib import Path

import msgspec
from msgspec import Struct

from studyapp import __version__
from studyapp.core.authoring.lint.rules import Finding, Severity
from studyapp.core.base.atomic import atomic_write
from studyapp.core.base.paths import cache_dir
from studyapp.core.base.userfile import Limits

__all__ = ["ReportCache"]

_FORMAT = 2
"""The kept reports' format, in every key: 2 added the ``info`` severity (L001 in a
source), so a report kept before it, with those findings as warnings, is never read back."""

_KEPT = 64
"""Reports kept; the least recently used go first (a 50,000-entry deck's is ~1-5 MB)."""


class _Kept(Struct, array_like=True):
    """One finding without its file (the same deck may be shown under another name)."""

    line: int
    col: int
    path: str
    rule: str
    message: str
    severity: Severity
    fixable: bool


class _Report(Struct, array_like=True):
    key: str
    findings: list[_Kept]


_DECODER = msgspec.msgpack.Decoder(_Report)
_ENCODER = msgspec.msgpack.Encoder()


@cache
def _code() -> str:
    """A digest of every module of the core: lint's checks use the decks' model, the
    answer checker and the leak finder, so a change to any may change a report."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parents[2]  # studyapp/core
    try:
        for source in sorted(root.rglob("*.py")):
            digest.update(source.relative_to(root).as_posix().encode())
            digest.update(source.read_bytes())
    except OSError:  # e.g. running from a zip: nothing to key the reports by
        return ""
    return digest.hexdigest()


class ReportCache:
    """Reports of decks linted before, one file each under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def default(cls) -> ReportCache:
        """``<user cache dir>/lint`` (``STUDYAPP_CACHE`` moves it)."""
        return cls(cache_dir() / "lint")

    @staticmethod
    def key(text: str, limits: Limits) -> str | None:
        """What a report depends on: the text, the limits, this build's code and the
        format it is kept in (None when the code cannot be read, so that nothing is kept)."""
        code = _code()
        if not code:
            return None
        digest = hashlib.sha256(f"{_FORMAT} {code} {limits.max_bytes} ".encode())
        digest.update(f"{limits.max_depth} ".encode())
        digest.update(f"{limits.max_nodes}\n".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str, display: str) -> list[Finding] | None:
        """The findings kept under ``key``, shown as ``display``'s; None if none are."""
        path = self.directory / f"{key[:40]}.lint"
        try:
            kept = _DECODER.decode(path.read_bytes())
        except (OSError, msgspec.DecodeError, ValueError):
            return None
        if kept.key != key:
            return None
        with contextlib.suppress(OSError):  # read now: pruning keeps the reports last used
            os.utime(path)
        return [
            Finding(display, f.line, f.col, f.path, f.rule, f.message, f.severity, f.fixable)
            for f in kept.findings
        ]

    def put(self, key: str, findings: list[Finding]) -> None:
        """Keep ``findings`` under ``key``, and forget the oldest reports past
        :data:`_KEPT`. A cache that cannot be written is skipped."""
        report = _Report(
            key,
            [
                _Kept(f.line, f.col, f.path, f.rule, f.message, f.severity, f.fixable)
                for f in findings
            ],
        )
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            path = self.directory / f"{key[:40]}.lint"
            atomic_write(path, _ENCODER.encode(report))
            os.utime(path)  # timed as a read is (`get`), by the same clock, for `_prune`
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        kept = sorted(self.directory.glob("*.lint"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[_KEPT:]:
            try:
                os.unlink(old)
            except OSError:  # another lint removed it first
                continue
