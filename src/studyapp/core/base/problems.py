"""Problems found in a user's file, reported as ``file:line:col: path: message``.

Every mistake in a deck or exam file becomes a :class:`Problem`; a file that
has any is refused with a :class:`UserFileError` error that carries all of
them. Nothing a user writes should ever surface as a traceback.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct, structs


class Problem(Struct, frozen=True, order=True):
    """One thing wrong in a file, with a 1-based line and column."""

    file: str
    line: int
    col: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return structs.asdict(self)


class UserFileError(Exception):
    """A file could not be loaded; ``problems`` lists every reason, in file order."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = sorted(problems, key=lambda p: (p.line, p.col))
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class DeckLoadError(UserFileError):
    """A deck file could not be loaded."""
