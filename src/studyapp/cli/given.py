"""What is wrong with the paths and values a command was given, said plainly.

A path that does not exist is a slip in the command, not a problem inside a deck: it is
said as ``studyapp: PATH: no such file or folder``, on stderr as the other messages about
the command itself are, and never positioned (``PATH:1:1:`` reads as a syntax error on the
first line of a file that is not there). So is a folder with no deck in it, a folder where
a file is wanted, a file that cannot be written, and so on: :func:`whole_file` words them
as a :class:`~studyapp.core.base.problems.Problem` of the whole file (line 0), and
:func:`refuse` (or :class:`RefusedError`, raised where the slip is found) says them. Nothing is
checked then: the command exits 1 with the message alone, whatever the output format.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from studyapp.core.base.problems import Problem
from studyapp.core.base.terminal import terminal_out, terminal_safe
from studyapp.core.decks.discovery import display_name

if TYPE_CHECKING:
    from studyapp.core.config import AppConfig, LoadedConfig

__all__ = [
    "NO_DECKS",
    "RefusedError",
    "empty_folders",
    "is_folder",
    "looping_paths",
    "missing_paths",
    "named",
    "not_a_deck_name",
    "readable",
    "refuse",
    "say",
    "say_settings",
    "unreadable",
    "unwritable",
    "whole_file",
]

NO_DECKS = "no deck files found (give a .yaml file or a folder of them)"
"""When no path was given and none was found (no ./decks, no bundled decks)."""

LOOP = "a symbolic link that leads round in a loop; give the file it should point to"


class RefusedError(Exception):
    """A slip in the command found where it is used (the file to write is a folder ...):
    ``lines`` are said by :func:`refuse` where the command is run."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def whole_file(path: Path | str, message: str) -> str:
    """``PATH: message``: about the file as a whole (or the command), never at a line."""
    name = path if isinstance(path, str) else named(path)
    return str(Problem(name, 0, 0, "", message))


def named(path: Path) -> str:
    """:func:`display_name`, or the path as given when it cannot be resolved (a symbolic
    link that loops): a message about a bad path must not fail on it."""
    try:
        return display_name(path)
    except (OSError, RuntimeError):
        return terminal_safe(str(path))


def missing_paths(paths: Iterable[Path]) -> list[str]:
    """``PATH: no such file or folder`` for each path that does not exist."""
    return [
        whole_file(path, LOOP if _loops(path) else "no such file or folder")
        for path in paths
        if not _exists(path)
    ]


def looping_paths(paths: Iterable[Path]) -> list[str]:
    """``PATH: a symbolic link that ...`` for each path that cannot be followed."""
    return [whole_file(path, LOOP) for path in paths if _loops(path)]


def empty_folders(roots: Sequence[Path]) -> list[str]:
    """Why nothing was found under ``roots``: each folder has no deck file in it."""
    found = [
        whole_file(root, "no deck files (*.yaml, *.yml) in this folder or its subfolders")
        for root in roots
        if root.is_dir()
    ]
    return found or [NO_DECKS]


def unwritable(path: Path, *, overwrite: bool = True) -> str | None:
    """Why a file cannot be written at ``path`` (a folder there, no such folder, a file
    there and no ``--force``), before anything is read or computed; None if it can."""
    try:
        if _loops(path):
            return whole_file(path, LOOP)
        if path.is_dir():
            return whole_file(path, "a folder; give the name of a file to write")
        if not overwrite and path.exists():
            return whole_file(path, "already exists; pass --force to overwrite it")
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            what = "not a folder" if folder.exists() else "no such folder"
            return whole_file(path, f"{what}: {named(folder)}; make the folder first")
    except OSError as exc:  # a name too long, a folder that cannot be searched
        return whole_file(path, f"cannot write here: {exc.strerror or exc}")
    return None


def is_folder(path: Path) -> bool:
    """``path.is_dir()``, False for a path that cannot even be looked up (a name too long)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def not_a_deck_name(path: Path) -> str | None:
    """Why a deck cannot be written under this name (discovery reads *.yaml, *.yml only:
    a deck saved as ``out.txt`` would never be found); None if it can."""
    if path.name.lower().endswith((".yaml", ".yml")):
        return None
    return whole_file(path, f"a deck file name ends in .yaml (e.g. {path.name}.yaml)")


def unreadable(path: Path, what: str) -> str | None:
    """Why the one file a command reads cannot be read: not there, a link that loops, a
    folder (``what``: the file the command takes, e.g. "export takes one deck file
    (DECK.yaml)"), or a file that will not open (no permission, a socket); None if it can."""
    if missing := missing_paths([path]):
        return missing[0]
    if is_folder(path):
        return whole_file(path, f"a folder; {what}")
    try:  # (non-blocking: a named pipe would wait for a writer)
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    except OSError as exc:
        return whole_file(path, f"cannot read the file: {exc.strerror or exc}")
    return None


def readable(path: Path, what: str) -> None:
    """:func:`unreadable`, raised as :class:`RefusedError`."""
    if problem := unreadable(path, what):
        raise RefusedError(problem)


def say(lines: Iterable[str], err: TextIO | None = None) -> None:
    """Say each line as ``studyapp: LINE`` on stderr (a warning: the command goes on)."""
    out = terminal_out(err if err is not None else sys.stderr)
    for line in lines:
        out.write(f"studyapp: {line}\n")


def refuse(lines: Iterable[str], err: TextIO | None = None) -> int:
    """Say each line as :func:`say` does; the exit status of a refused command."""
    say(lines, err)
    return 1


def say_settings(loaded: LoadedConfig, err: TextIO | None = None) -> AppConfig:
    """The settings read, after saying on stderr what was wrong with the file (a damaged
    one set aside, a bad part replaced by its default), as the app says it on its first
    screen: a command must not use other settings than the learner's without a word."""
    say(loaded.messages, err)
    return loaded.config


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long, a folder that cannot be searched
        return False


def _loops(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False
