"""The learner's settings file: study settings, theme and key bindings.

Kept as JSON in the user config directory (``STUDYAPP_CONFIG`` overrides), so
settings survive restarts and can be edited by hand. A damaged file is moved
aside and reported, never silently overwritten; a bad value falls back to its
default with a message.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from msgspec import Struct, field, structs

from studyapp.core.base.atomic import atomic_write
from studyapp.core.study.settings import StudySettings

CONFIG_FORMAT = "studyapp-config"
CONFIG_VERSION = 1
CONFIG_FILE = "settings.json"
THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "tokyo-night", "solarized-light")


class AppConfig(Struct, frozen=True):
    """Everything the settings screen edits."""

    study: StudySettings = field(default_factory=StudySettings)
    theme: str = "textual-dark"
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> key(s), e.g. {"study.reveal": "space,r"} (Textual's set_keymap)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": CONFIG_FORMAT,
            "version": CONFIG_VERSION,
            "theme": self.theme,
            "keys": dict(self.keys),
            "study": self.study.to_dict(),
        }

    def with_study(self, study: StudySettings) -> AppConfig:
        return structs.replace(self, study=study)


class LoadedConfig(Struct):
    config: AppConfig
    path: Path
    messages: list[str] = field(default_factory=list)


def config_path(folder: Path) -> Path:
    return folder / CONFIG_FILE


def load_config(folder: Path) -> LoadedConfig:
    """Read the settings file; problems become messages, never exceptions."""
    path = config_path(folder)
    messages: list[str] = []
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedConfig(AppConfig(), path)
    except OSError as error:
        return LoadedConfig(AppConfig(), path, [f"{path}: cannot read ({error.strerror})"])
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != CONFIG_FORMAT:
            raise ValueError("not a studyapp settings file")
        if int(data.get("version", 0)) > CONFIG_VERSION:
            raise ValueError("written by a newer studyapp")
    except (ValueError, UnicodeDecodeError) as error:
        aside = _move_aside(path)
        messages.append(f"{path}: {error}; moved aside to {aside.name}, using defaults")
        return LoadedConfig(AppConfig(), path, messages)
    config = AppConfig()
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        config = structs.replace(config, theme=theme)
    keys = data.get("keys")
    if isinstance(keys, dict):
        clean = {str(k): str(v) for k, v in keys.items() if isinstance(v, str) and v}
        config = structs.replace(config, keys=clean)
    study = data.get("study")
    if isinstance(study, dict):
        try:
            config = config.with_study(StudySettings.from_dict(study))
        except ValueError as error:
            messages.append(f"{path}: study settings: {error}; using defaults")
    return LoadedConfig(config, path, messages)


def save_config(folder: Path, config: AppConfig) -> Path:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    folder.mkdir(parents=True, exist_ok=True)
    path = config_path(folder)
    text = json.dumps(config.to_dict(), indent=2, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode("utf-8"))
    return path


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    with contextlib.suppress(OSError):
        os.replace(path, aside)
    return aside
