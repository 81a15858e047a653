"""Which deck files to load, and loading all of them without one spoiling the rest.

Order of precedence: paths given on the command line, else ``STUDYAPP_DECKS``
(``os.pathsep``-separated), else ``./decks`` when it exists, else the decks
bundled with the installed package. A broken deck is reported; the others load.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from studyapp.core.deck import Deck
from studyapp.core.deckcache import DeckCache
from studyapp.core.loader import load_deck
from studyapp.core.problems import DeckLoadError, Problem

DECK_SUFFIXES = (".yaml", ".yml")
EXAM_SUFFIXES = (".exam.yaml", ".exam.yml")


def bundled_decks_dir() -> Path | None:
    """The decks shipped with studyapp: inside the wheel, or ``decks/`` of a source checkout."""
    packaged = Path(str(resources.files("studyapp"))) / "bundled_decks"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "decks"
    if checkout.is_dir():
        return checkout
    return None


def deck_roots(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> tuple[list[Path], str]:
    """The folders/files to search and a word on where they came from."""
    env = dict(os.environ) if env is None else env
    cwd = cwd or Path.cwd()
    if paths:
        return [Path(p).expanduser() for p in paths], "command line"
    if env.get("STUDYAPP_DECKS"):
        parts = [p for p in env["STUDYAPP_DECKS"].split(os.pathsep) if p]
        return [Path(p).expanduser() for p in parts], "STUDYAPP_DECKS"
    local = cwd / "decks"
    if local.is_dir():
        return [local], "./decks"
    bundled = bundled_decks_dir()
    return ([bundled] if bundled else []), "bundled decks"


def is_deck_file(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(DECK_SUFFIXES) and not name.endswith(EXAM_SUFFIXES) and name[0] != "."


def is_exam_file(path: Path) -> bool:
    return path.name.lower().endswith(EXAM_SUFFIXES)


def expand(roots: Iterable[Path]) -> list[Path]:
    """Deck files under ``roots`` (folders are searched recursively), sorted, no repeats."""
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found.extend(p for p in sorted(root.rglob("*")) if p.is_file() and is_deck_file(p))
        else:
            found.append(root)  # a file named explicitly is loaded whatever its name
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve() if path.exists() else path, path)
    return list(unique.values())


@dataclass(frozen=True)
class LoadedDeck:
    path: Path
    deck: Deck


@dataclass
class DeckSet:
    """The outcome of loading many decks: the good ones and what was wrong with the rest."""

    decks: list[LoadedDeck] = field(default_factory=list)
    failures: list[DeckLoadError] = field(default_factory=list)
    origin: str = ""
    roots: list[Path] = field(default_factory=list)
    """Where the decks were looked for (exam specs are looked for there too)."""

    @property
    def ok(self) -> bool:
        return not self.failures

    def by_id(self) -> dict[str, Deck]:
        return {loaded.deck.id: loaded.deck for loaded in self.decks}


def display_name(path: Path, cwd: Path | None = None) -> str:
    """Show paths relative to the working folder when they are under it."""
    cwd = cwd or Path.cwd()
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)


def load_all(files: Iterable[Path], *, cache: DeckCache | None = None) -> DeckSet:
    """Load every file; one deck's problems never stop the others from loading."""
    result = DeckSet()
    seen: dict[str, Path] = {}
    for path in files:
        shown = display_name(path)
        if not path.exists():
            problem = Problem(shown, 1, 1, "", "no such file or folder")
            result.failures.append(DeckLoadError(shown, [problem]))
            continue
        try:
            deck = load_deck(path, display=shown, cache=cache)
        except DeckLoadError as error:
            result.failures.append(error)
            continue
        if deck.id in seen:
            problem = Problem(
                shown,
                1,
                1,
                "id",
                f"deck id {deck.id!r} is already used by {display_name(seen[deck.id])}; "
                "deck ids must be unique (progress is keyed by them)",
            )
            result.failures.append(DeckLoadError(shown, [problem]))
            continue
        seen[deck.id] = path
        result.decks.append(LoadedDeck(path, deck))
    return result


def discover(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    *,
    cache: DeckCache | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> DeckSet:
    """Find and load the decks the user means (see the module docstring)."""
    roots, origin = deck_roots(paths, env=env, cwd=cwd)
    result = load_all(expand(roots), cache=cache)
    result.origin = origin
    result.roots = roots
    return result


def exam_files(roots: Iterable[Path]) -> list[Path]:
    """``*.exam.yaml`` files under the deck roots (folders searched recursively), sorted."""
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found.extend(p for p in sorted(root.rglob("*")) if p.is_file() and is_exam_file(p))
        elif is_exam_file(root):
            found.append(root)
    return found
