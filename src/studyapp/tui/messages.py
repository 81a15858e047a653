"""Words more than one screen says, kept in one place and cheap to import (home is on
the start-up path: a message must not pull in what a screen needs)."""

from __future__ import annotations

__all__ = ["READ_ONLY_MESSAGE"]

READ_ONLY_MESSAGE = (
    "Progress is open in another studyapp window; studying here would not be saved. "
    "Close the other window first."
)
"""What home and the study screen say in a read-only window."""
