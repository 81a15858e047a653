"""Words more than one screen says, kept in one place and cheap to import (home is on
the start-up path: a message must not pull in what a screen needs)."""

from __future__ import annotations

__all__ = ["READ_ONLY_MESSAGE", "read_only_message"]

READ_ONLY_MESSAGE = (
    "Progress is open in another studyapp window; studying here would not be saved. "
    "Close the other window first."
)
"""What home and the study screen say in a read-only window."""


def read_only_message(reason: str | None, *, elsewhere: bool) -> str:
    """What a read-only window says: another window holds the progress (``elsewhere``, the
    usual case), or the workspace's reason (a read-only disk, a folder without permission)."""
    if elsewhere or reason is None:
        return READ_ONLY_MESSAGE
    return f"{reason[:1].upper()}{reason[1:]}."
