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
