"""What goes wrong with a progress folder: the errors a store raises, and the problems
it finds (and works around) while opening one.

A :class:`StoreProblem` is about a file of the progress folder and what was done
about it (e.g. moved aside); not to be confused with
:class:`~studyapp.core.base.problems.Problem`, a mistake at a line of a user's file.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Literal

from msgspec import Struct


class ProgressError(Exception):
    """Something is wrong with the progress folder."""


class ProgressLocked(ProgressError):  # noqa: N818  (the name says what happened)
    """Another studyapp has this progress folder open."""

    elsewhere = True
    """Held by another studyapp (a window can be closed); False: the folder itself refuses."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"The progress folder {folder} is in use by another studyapp. "
            "Close the other one first, or open this one read-only."
        )

    @property
    def reason(self) -> str:
        """Why a window opened on this folder is read-only, said to the learner."""
        return (
            f"another studyapp is using the progress in {self.folder}; "
            "this window is read-only (answers are not saved)"
        )


class FolderReadOnly(ProgressLocked):
    """The progress folder cannot be written (a read-only disk, or no permission): it can
    be opened read-only, as when another studyapp holds it, never for saving."""

    elsewhere = False

    def __init__(self, folder: Path, error: OSError) -> None:
        self.error = error
        super().__init__(folder)
        self.args = (f"the progress folder {folder} {_unwritable(error)}",)

    @property
    def reason(self) -> str:
        return f"the progress folder {self.folder} {_unwritable(self.error)}"


def _unwritable(error: OSError) -> str:
    if error.errno == errno.EROFS:
        return "is read-only: answers will not be saved"
    return f"cannot be written ({error.strerror or error}): answers will not be saved"


_NO_SPACE_OR_DISK = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)


def why_not_written(error: OSError) -> str:
    """What a failed write means, said plainly, with what to do about it."""
    if error.errno == errno.ENOSPC:
        return "the disk is full: free some space"
    if error.errno == errno.EDQUOT:
        return "your disk quota is used up: free some space"
    if error.errno == errno.EROFS:
        return "the disk is read-only now: check it, or restart studyapp"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: check the progress folder's permissions"
    return f"{error.strerror or error}: check the disk"


class NotSavedError(ProgressError):
    """A change could not be written (a full disk...): nothing of it is on disk, the store
    is as it was before the call, and the same change may be tried again later."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.error = error
        super().__init__(f"could not write to {path.name} ({why_not_written(error)})")


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


class ProgressUnreadableError(ProgressError, OSError):
    """A file of the progress folder cannot be read (or made): named, with what to do.
    An OSError still, for what catches the one it stands for."""

    def __init__(self, message: str, error: OSError) -> None:
        super().__init__(message)
        self.error = error


def unreadable(folder: Path, error: OSError) -> ProgressUnreadableError:
    """A file of the progress folder that cannot be read (or made), named, with what to do."""
    name = Path(error.filename) if error.filename else folder
    if isinstance(error, IsADirectoryError):
        return ProgressUnreadableError(
            f"{name} is a folder, where studyapp keeps a file: move it aside (rename it, "
            "or move it out of the progress folder), then start studyapp again",
            error,
        )
    why = why_not_written(error) if error.errno in _NO_SPACE_OR_DISK else error.strerror
    return ProgressUnreadableError(
        f"{name} cannot be opened ({why or error}): fix that, or move it aside, "
        "then start studyapp again",
        error,
    )
