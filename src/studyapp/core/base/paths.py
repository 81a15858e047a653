"""Where studyapp keeps things on disk, in one place.

Locations follow the platform conventions (XDG on Linux) through platformdirs;
environment variables override them so tests and users can point elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "studyapp"


def progress_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The learner's progress folder: ``--progress``, ``STUDYAPP_PROGRESS``, else user data."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("STUDYAPP_PROGRESS")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def progress_dir_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot hold progress, said so that the learner can act; None if it can.

    Checked before anything opens the store, so that ``--progress progress.json`` (the
    file, not its folder) is a one-line message, not a traceback from ``mkdir``.
    """
    if folder.exists():
        if folder.is_dir():
            return None
        hint = f"give its folder ({folder.parent})" if folder.name.endswith(".json") else ""
        return (
            f"the progress folder {folder} is a file, not a folder: "
            + (hint or "give a folder, or the name of a new one")
            + " with --progress or STUDYAPP_PROGRESS"
        )
    for parent in folder.parents:
        if parent.exists():
            if not parent.is_dir():
                return (
                    f"the progress folder {folder} cannot be made: {parent} is a file, "
                    "not a folder (give another place with --progress or STUDYAPP_PROGRESS)"
                )
            return None
    return None


def config_dir() -> Path:
    """Settings and key bindings: ``STUDYAPP_CONFIG``, else the user config dir."""
    env = os.environ.get("STUDYAPP_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Disposable caches (validated decks): ``STUDYAPP_CACHE``, else the user cache dir."""
    env = os.environ.get("STUDYAPP_CACHE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
