"""Reading a file a user wrote: a size cap before reading, strict UTF-8 after.

Kept free of YAML and pydantic so that start-up can read deck files (to look
them up in the deck cache) without importing either.
"""

from __future__ import annotations

import os
from pathlib import Path

from msgspec import Struct

from studyapp.core.base.problems import Problem


class Limits(Struct, frozen=True):
    """What an untrusted file may cost us. Generous for real decks, fatal for bombs."""

    max_bytes: int = 2 * 1024 * 1024
    max_depth: int = 24
    max_nodes: int = 400_000


DEFAULT_LIMITS = Limits()


def limits_from_env() -> Limits:
    """Default limits, with ``STUDYAPP_MAX_DECK_MB`` raising the size cap for big decks."""
    raw = os.environ.get("STUDYAPP_MAX_DECK_MB")
    if not raw:
        return DEFAULT_LIMITS
    try:
        megabytes = float(raw)
    except ValueError:
        return DEFAULT_LIMITS
    if megabytes <= 0:
        return DEFAULT_LIMITS
    size = int(megabytes * 1024 * 1024)
    return Limits(max_bytes=size, max_nodes=max(DEFAULT_LIMITS.max_nodes, size // 5))


def read_text(path: Path, limits: Limits, display: str) -> tuple[str | None, list[Problem]]:
    """Read a user file as UTF-8 under the size cap; problems instead of exceptions."""
    raw, problems = read_bytes(path, limits, display)
    if raw is None:
        return None, problems
    return decode_utf8(raw, display)


def read_bytes(path: Path, limits: Limits, display: str) -> tuple[bytes | None, list[Problem]]:
    """Read a user file's bytes, refusing it before reading when it is over the cap. Its
    problems are the whole file's (line 0): no line of it is at fault."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(display, 0, 0, "", f"cannot read the file: {exc.strerror or exc}")]
    if size > limits.max_bytes:
        return None, [
            Problem(
                display,
                0,
                0,
                "",
                f"the file is {size / 1048576:.1f} MB; decks are capped at "
                f"{limits.max_bytes / 1048576:.1f} MB. Split it into several decks, or raise "
                "the cap with STUDYAPP_MAX_DECK_MB if you trust the file",
            )
        ]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(display, 0, 0, "", f"cannot read the file: {exc.strerror or exc}")]
    if len(raw) > limits.max_bytes:  # it grew between stat and read
        return None, [Problem(display, 0, 0, "", "the file is over the size cap")]
    return raw, []


def decode_utf8(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Strict UTF-8 (a BOM is allowed); an invalid byte is reported with its line:col."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        byte = raw[exc.start]
        return None, [
            Problem(
                display,
                line,
                col,
                "",
                f"invalid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8 in your editor",
            )
        ]
