"""The learner's settings file: study settings, theme and key bindings.

Kept as JSON in the user config directory (``STUDYAPP_CONFIG`` overrides), so
settings survive restarts and can be edited by hand. A damaged file is moved
aside and reported, never silently overwritten; a bad value falls back to its
default with a message. Several windows may share the file (the progress lock
does not cover it): a save writes only what that window changed, merged over
what is on disk (see :func:`save_config`).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from collections.abc import Mapping
from datetime import date as _date
from pathlib import Path
from typing import Any

from msgspec import Struct, field, structs

from studyapp.core.base.atomic import atomic_write
from studyapp.core.base.clock import Clock, system_clock
from studyapp.core.base.jsonread import JSONTooDeep, loads_limited
from studyapp.core.store.layout import aside_name
from studyapp.core.store.lock import FolderLock, LockBusyError
from studyapp.core.study.settings import QueueSettings, SchedulerSettings, StudySettings

CONFIG_FORMAT = "studyapp-config"
CONFIG_VERSION = 1
CONFIG_FILE = "settings.json"
CONFIG_LOCK = "settings.lock"
"""Held for the moment of a save: read, merge and write are one step."""
THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "tokyo-night", "solarized-light")


class ExamPlanPrefs(Struct, frozen=True):
    """What a learner set for one exam (or a deck studied for an exam): its date, the
    minutes a day they have, and the recall they aim for on the day."""

    date: str | None = None
    """ISO date (YYYY-MM-DD): set by the learner; an exam spec's own ``date:`` is the default."""
    minutes_per_day: int | None = None
    target: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.date is not None:
            out["date"] = self.date
        if self.minutes_per_day is not None:
            out["minutes_per_day"] = self.minutes_per_day
        if self.target is not None:
            out["target"] = self.target
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExamPlanPrefs:
        """Tolerant: a value of the wrong type or out of range is left unset."""
        raw_date, minutes, target = (
            data.get("date"),
            data.get("minutes_per_day"),
            data.get("target"),
        )
        day: str | None = None
        if isinstance(raw_date, str):
            with contextlib.suppress(ValueError):
                day = _date.fromisoformat(raw_date).isoformat()
        ok_minutes = type(minutes) is int and 0 < minutes <= 24 * 60
        target_value: float | None = None
        if isinstance(target, int | float) and not isinstance(target, bool):
            target_value = float(target)
        if target_value is not None and not 0 < target_value < 1:
            target_value = None
        return cls(day, minutes if ok_minutes else None, target_value)


class AppConfig(Struct, frozen=True):
    """Everything the settings screen edits."""

    study: StudySettings = field(default_factory=StudySettings)
    theme: str = "textual-dark"
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> key(s), e.g. {"study.reveal": "space,r"} (Textual's set_keymap)."""
    exams: dict[str, ExamPlanPrefs] = field(default_factory=dict)
    """Exam id (or ``deck:ID``) -> the learner's date, minutes a day and target for it."""
    previous_parameters: dict[str, tuple[float, ...] | None] = field(default_factory=dict)
    """FSRS preset (``global`` or ``deck:ID``) -> the parameters it had before a fitted set
    was adopted (None: none of its own), for ``studyapp optimize --undo``."""

    def to_dict(self) -> dict[str, Any]:
        out = {
            "format": CONFIG_FORMAT,
            "version": CONFIG_VERSION,
            "theme": self.theme,
            "keys": dict(self.keys),
            "study": self.study.to_dict(),
        }
        if self.exams:
            out["exams"] = {k: v.to_dict() for k, v in self.exams.items()}
        if self.previous_parameters:
            out["previous_parameters"] = {
                k: None if v is None else list(v) for k, v in self.previous_parameters.items()
            }
        return out

    def with_exam(self, exam_id: str, prefs: ExamPlanPrefs) -> AppConfig:
        return structs.replace(self, exams={**self.exams, exam_id: prefs})

    def with_study(self, study: StudySettings) -> AppConfig:
        return structs.replace(self, study=study)


class LoadedConfig(Struct):
    config: AppConfig
    path: Path
    messages: list[str] = field(default_factory=list)
    study_unread: bool = False
    """The file has study settings that could not be read: ``config.study`` is the defaults,
    not the learner's, and must not be the base of a change to them (a fit adopted over it
    would keep the defaults as "the set before" and lose the learner's for good)."""


def config_path(folder: Path) -> Path:
    return folder / CONFIG_FILE


def _reject(path: Path, reason: str, clock: Clock) -> LoadedConfig:
    """Set a settings file that cannot be read aside (as progress is) and use defaults."""
    aside = aside_name(path, "damaged", clock())
    try:
        os.replace(path, aside)
    except OSError as error:
        return LoadedConfig(
            AppConfig(),
            path,
            [f"{path}: {reason}; using defaults (could not set it aside: {error.strerror})"],
        )
    return LoadedConfig(
        AppConfig(), path, [f"{path}: {reason}; moved aside to {aside.name}, using defaults"]
    )


def read_settings_data(raw: bytes) -> dict[str, Any]:
    """The settings file's JSON object; ValueError (with a reason) for anything else.

    A list, a wrong format, a version that is not a whole number, a newer one,
    nesting deeper than any settings file has: none of it is a settings file.
    """
    try:
        data = loads_limited(raw)
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except JSONTooDeep as error:
        raise ValueError(str(error)) from None
    except ValueError as error:
        raise ValueError(f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != CONFIG_FORMAT:
        raise ValueError("not a studyapp settings file")
    version = data.get("version", CONFIG_VERSION)
    if type(version) is not int or version < 1:
        raise ValueError(f"unknown version {version!r}")
    if version > CONFIG_VERSION:
        raise ValueError(f"written by a newer studyapp (format version {version})")
    return data


def _parameter_list(value: Any) -> tuple[float, ...] | None:
    """A stored parameter set (a list of numbers); None if it is not one."""
    if isinstance(value, list) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in value
    ):
        return tuple(float(v) for v in value)
    return None


def parameters_problem(value: Any) -> str | None:
    """Why ``value`` is not a set of FSRS-6 weights the scheduler takes (the count, a
    non-number, NaN, a weight outside the package's bounds: ``check_parameters``'s rule);
    None if it is one.

    Checked at load: the ``fsrs`` package refuses such a set only when a card is
    first scheduled (a traceback in the middle of a session, or of ``plan``).
    """
    if not isinstance(value, list | tuple):
        return f"expected a list of numbers, got {type(value).__name__}"
    from studyapp.core.study.fsrs6 import check_parameters  # (fsrs: only when a set is given)

    try:
        check_parameters(value)
    except ValueError as error:
        return str(error)
    return None


def _without_bad_parameters(
    settings: Any, said: str, fallback: str, where: Path
) -> tuple[Any, list[str]]:
    """``settings`` (a scheduler's or a deck's) without a parameter set the scheduler cannot
    use, and the message that says so (``said``: whose; ``fallback``: what is used)."""
    if not isinstance(settings, dict) or settings.get("parameters") is None:
        return settings, []
    problem = parameters_problem(settings["parameters"])
    if problem is None:
        return settings, []
    kept = {k: v for k, v in settings.items() if k != "parameters"}
    return kept, [f"{where}: study settings: {said}: {problem}; using the {fallback} parameters"]


def _drop_bad_parameters(study: dict[str, Any], where: Path) -> tuple[dict[str, Any], list[str]]:
    """``study`` without parameter sets the scheduler cannot use, and a message for each:
    the global one falls back to the default weights, a deck's to the global ones; the
    other settings are kept."""
    scheduler, messages = _without_bad_parameters(
        study.get("scheduler"), "scheduler parameters", "default", where
    )
    if messages:
        study = {**study, "scheduler": scheduler}
    decks = study.get("decks")
    if isinstance(decks, dict):
        kept: dict[Any, Any] = {}
        for deck, overrides in decks.items():
            kept[deck], said = _without_bad_parameters(
                overrides, f"deck {deck}: parameters", "global", where
            )
            messages += said
        study = {**study, "decks": kept}
    return study, messages


_STUDY_PARTS = frozenset({"scheduler", "queue", "decks", "today"})
"""The keys of the study settings; a setting written beside them was read by no one."""


def _misplaced(key: str) -> str:
    """What to say of ``key`` written directly under "study" ("desired_retention" belongs
    under "study.scheduler"): where it goes, if it is a setting at all."""
    for part, fields in (("scheduler", SchedulerSettings), ("queue", QueueSettings)):
        if key in fields.__struct_fields__:
            return f"{key!r} belongs under study.{part}"
    return f"{key!r} is not a study setting (study holds scheduler, queue, decks)"


def config_from_data(data: dict[str, Any], where: Path) -> tuple[AppConfig, list[str]]:
    """The settings in a settings file's object; a bad part falls back to its default."""
    config, messages, _unread = _read_config(data, where)
    return config, messages


def _read_config(data: dict[str, Any], where: Path) -> tuple[AppConfig, list[str], bool]:
    """:func:`config_from_data`, and whether the study settings fell back whole."""
    messages: list[str] = []
    unread = False
    config = AppConfig()
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        config = structs.replace(config, theme=theme)
    keys = data.get("keys")
    if isinstance(keys, dict):
        clean = {str(k): v for k, v in keys.items() if isinstance(v, str) and v}
        config = structs.replace(config, keys=clean)
    exams = data.get("exams")
    if isinstance(exams, dict):
        prefs = {
            str(k): ExamPlanPrefs.from_dict(v) for k, v in exams.items() if isinstance(v, dict)
        }
        config = structs.replace(config, exams=prefs)
    previous = data.get("previous_parameters")
    if isinstance(previous, dict):
        kept: dict[str, tuple[float, ...] | None] = {}
        for key, value in previous.items():
            parameters = _parameter_list(value)
            if value is None or parameters is not None:  # (anything else is dropped)
                kept[str(key)] = parameters
        config = structs.replace(config, previous_parameters=kept)
    study = data.get("study")
    if study is not None and not isinstance(study, dict):
        messages.append(f"{where}: study settings are not an object; using defaults")
        unread = True
    elif isinstance(study, dict):
        study, dropped = _drop_bad_parameters(study, where)
        messages += dropped
        try:
            config = config.with_study(StudySettings.from_dict(study))
        except (ValueError, TypeError, AttributeError, KeyError, OverflowError) as error:
            messages.append(f"{where}: study settings: {error}; using defaults")
            unread = True
    return config, messages, unread


def load_config(folder: Path, clock: Clock = system_clock) -> LoadedConfig:
    """Read the settings file; problems become messages, never exceptions.

    A file that is not a settings file at all (damaged, a newer version, deep
    nesting) is set aside, renamed as a damaged progress file is, and the app
    opens with defaults; a bad part of a good file falls back to its default.
    """
    path = config_path(folder)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedConfig(AppConfig(), path)
    except OSError as error:
        return LoadedConfig(AppConfig(), path, [f"{path}: cannot read ({error.strerror})"])
    try:
        data = read_settings_data(raw)
    except ValueError as error:
        return _reject(path, str(error), clock)
    config, messages, unread = _read_config(data, path)
    study = data.get("study")
    if isinstance(study, dict):  # (said when read; a save keeps them as they are)
        for key in sorted(set(study) - _STUDY_PARTS):
            messages.append(f"{path}: study settings: {_misplaced(str(key))}; left out")
    return LoadedConfig(config, path, messages, study_unread=unread)


_Path = tuple[str, ...]
_LOCK_TRIES = 200
"""Tries (5 ms apart, a second in all) to take the settings lock from another window."""


def _leaves(data: Mapping[str, Any], prefix: _Path = ()) -> dict[_Path, Any]:
    """Every value of nested objects by its key path (lists are values, not objects)."""
    out: dict[_Path, Any] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):  # (an empty one has no leaves)
            out.update(_leaves(value, (*prefix, key)))
        else:
            out[(*prefix, key)] = value
    return out


def _put(data: dict[str, Any], path: _Path, value: Any) -> None:
    for key in path[:-1]:
        inner = data.get(key)
        if not isinstance(inner, dict):
            inner = data[key] = {}
        data = inner
    data[path[-1]] = value


def _drop(data: dict[str, Any], path: _Path) -> None:
    for key in path[:-1]:
        inner = data.get(key)
        if not isinstance(inner, dict):
            return
        data = inner
    data.pop(path[-1], None)


def merged_settings(
    base: Mapping[str, Any], mine: Mapping[str, Any], disk: Mapping[str, Any]
) -> dict[str, Any]:
    """``disk`` with only what this window changed (from ``base`` to ``mine``) applied.

    Another window's saves since ``base`` was read are kept, as a three-way merge
    keeps both sides' edits; where both changed the same value, this save wins
    (it is the later one).
    """
    before, after = _leaves(base), _leaves(mine)
    out: dict[str, Any] = json.loads(json.dumps(disk))  # a deep copy of plain JSON
    for path, value in after.items():
        if path not in before or before[path] != value:
            _put(out, path, value)
    for path in before.keys() - after.keys():
        _drop(out, path)
    return out


def save_config(
    folder: Path,
    config: AppConfig,
    base: AppConfig | None = None,
    *,
    clock: Clock = system_clock,
    keep_bad_parts: bool = False,
) -> AppConfig:
    """Save ``config``: atomically, and merged with what another window saved.

    Settings are shared by every window on this config folder, progress lock or
    not. With ``base`` (the settings this window read, or last saved), only the
    values that differ from it are written over what is on disk now, under a
    lock, so window B saving its theme does not undo the daily limit window A
    saved meanwhile. Returns what was saved: the settings both windows now share.
    Without ``base`` the file is replaced whole. A crash leaves the old file or
    the new one, never half of one.

    A part of the file on disk the settings could not use is replaced by this window's
    (its defaults: the app said so when it read the file); with ``keep_bad_parts`` it is
    kept as written, for its owner to mend: a command that changes one value (``plan
    --date``, ``optimize``) must not put defaults over the rest.
    """
    path = config_path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _not_saved(f"the settings folder {folder}", error, "made") from None
    lock = FolderLock(folder / CONFIG_LOCK)
    for attempt in range(_LOCK_TRIES):
        try:
            lock.acquire()
            break
        except LockBusyError:
            if attempt == _LOCK_TRIES - 1:
                raise OSError(f"{path} is being saved by another studyapp; try again") from None
            time.sleep(0.005)
        except OSError as error:  # (the lock beside it: a folder it may not write in)
            raise _not_saved(f"the settings folder {folder}", error, "written") from None
    try:
        data = config.to_dict()
        if base is not None:
            disk: dict[str, Any] = {}
            try:
                raw: bytes | None = path.read_bytes()
            except FileNotFoundError:
                raw = None
            except OSError as error:  # never replaced unread: it may hold another's saves
                raise _not_saved(f"the settings file {path}", error, "read") from None
            if raw is not None:
                try:
                    disk = read_settings_data(raw)
                except ValueError as error:  # unreadable: set aside, as at start
                    _reject(path, str(error), clock)
            merged = merged_settings(base.to_dict(), data, disk)
            merged.update(format=CONFIG_FORMAT, version=CONFIG_VERSION)
            shared, problems = config_from_data(merged, path)
            if not problems:  # (a bad part on disk: this window's settings, whole)
                data, config = merged, shared
            elif keep_bad_parts:
                data = merged
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        try:
            atomic_write(path, text.encode("utf-8"))
        except OSError as error:
            raise _not_saved(f"the settings file {path}", error, "written") from None
    finally:
        lock.release()
    return config


class SettingsNotSavedError(OSError):
    """The settings could not be saved, said as the other file errors are: which file,
    what went wrong in words, and what to do (the raw ``[Errno 13] Permission denied:
    '...'`` reached the learner before). An OSError still: every screen and command that
    saves settings catches one and shows its text."""

    def __init__(self, where: str, error: OSError, done: str) -> None:
        self.error = error
        super().__init__(f"{where} cannot be {done} ({_why(error)})")


def _not_saved(where: str, error: OSError, done: str) -> OSError:
    """A system's error (one with an errno, raw: "[Errno 13] ...") in words; one raised
    with words already (the lock's "being saved by another studyapp") as it is."""
    return error if error.errno is None else SettingsNotSavedError(where, error, done)


def _why(error: OSError) -> str:
    """What an OSError means for the settings file, and what to do about it."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: studyapp must read and write it; check its permissions"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full: free some space"
    if error.errno == errno.EROFS:
        return "the disk is read-only: set STUDYAPP_CONFIG to a folder that can be written"
    return f"{error.strerror or error}: check the disk"
