"""What goes wrong with a progress folder: the errors a store raises, and the problems
it finds (and works around) while opening one.

A :class:`StoreProblem` is about a file of the progress folder and what was done
about it (e.g. moved aside); not to be confused with
:class:`~studyapp.core.base.problems.Problem`, a mistake at a line of a user's file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from msgspec import Struct


class ProgressError(Exception):
    """Something is wrong with the progress folder."""


class ProgressLocked(ProgressError):  # noqa: N818  (the name says what happened)
    """Another studyapp has this progress folder open."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"The progress folder {folder} is in use by another studyapp. "
            "Close the other one first, or open this one read-only."
        )


class ReadOnlyError(ProgressError):
    """A change was attempted on a store opened read-only."""


Severity = Literal["info", "warning", "error"]


class StoreProblem(Struct, frozen=True):
    """Something found while opening, told to the learner (nothing is silently lost)."""

    path: Path
    message: str
    severity: Severity = "warning"
    moved_to: Path | None = None

    def __str__(self) -> str:
        text = f"{self.path.name}: {self.message}"
        if self.moved_to is not None:
            text += f" (kept as {self.moved_to.name})"
        return text
