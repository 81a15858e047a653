"""Problems found in a user's file, reported as ``file:line:col: path: message``.

Every mistake in a deck or exam file becomes a :class:`Problem`; a file that
has any is refused with a :class:`UserFileError` error that carries all of
them. Nothing a user writes should ever surface as a traceback, nor reach a
terminal raw: a problem's fields are made :func:`terminal_safe` when it is made,
so every screen and command that shows one shows a safe one.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct, structs

from studyapp.core.base.terminal import terminal_safe


class Problem(Struct, frozen=True, order=True):
    """One thing wrong in a file, with a 1-based line and column; line 0: the file as a
    whole (one that is not there has no first line for the mistake to be on)."""

    file: str
    line: int
    col: int
    path: str
    message: str

    def __post_init__(self) -> None:
        # A key, a file name or a YAML snippet may hold ESC or bidi controls; one place
        # makes them visible escapes. A message may span lines (a YAML error's snippet).
        structs.force_setattr(self, "file", terminal_safe(self.file))
        structs.force_setattr(self, "path", terminal_safe(self.path))
        structs.force_setattr(self, "message", terminal_safe(self.message, multiline=True))

    @property
    def where(self) -> str:
        """``file:line:col``, or the file alone for a problem of the whole file."""
        return f"{self.file}:{self.line}:{self.col}" if self.line else self.file

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return structs.asdict(self)


class UserFileError(Exception):
    """A file could not be loaded; ``problems`` lists every reason, in file order."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = terminal_safe(file)
        self.problems = sorted(problems, key=lambda p: (p.line, p.col))
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class DeckLoadError(UserFileError):
    """A deck file could not be loaded."""
