"""What is wrong with the paths a command was given, said plainly before anything is read.

A path that does not exist is a slip in the command, not a problem inside a deck: it is
said as ``studyapp: PATH: no such file or folder``, on stderr as the other messages about
the command itself are, and never positioned (``PATH:1:1:`` reads as a syntax error on the
first line of a file that is not there). So is a folder with no deck in it. Nothing is
checked then: the command exits 1 with the message alone, whatever the output format.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from studyapp.core.base.terminal import terminal_out
from studyapp.core.decks.discovery import display_name

__all__ = ["NO_DECKS", "empty_folders", "missing_paths", "refuse"]

NO_DECKS = "no deck files found (give a .yaml file or a folder of them)"
"""When no path was given and none was found (no ./decks, no bundled decks)."""


def missing_paths(paths: Iterable[Path]) -> list[str]:
    """``PATH: no such file or folder`` for each path that does not exist."""
    return [f"{display_name(path)}: no such file or folder" for path in paths if not _exists(path)]


def empty_folders(roots: Sequence[Path]) -> list[str]:
    """Why nothing was found under ``roots``: each folder has no deck file in it."""
    found = [
        f"{display_name(root)}: no deck files (*.yaml, *.yml) in this folder or its subfolders"
        for root in roots
        if root.is_dir()
    ]
    return found or [NO_DECKS]


def refuse(lines: Iterable[str], err: TextIO | None = None) -> int:
    """Say each line as ``studyapp: LINE`` on stderr; the exit status of a refused command."""
    out = terminal_out(err if err is not None else sys.stderr)
    for line in lines:
        out.write(f"studyapp: {line}\n")
    return 1


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long, a folder that cannot be searched
        return False
