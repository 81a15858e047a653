"""The settings file: a damaged one is set aside (never a crash), and two windows share it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from studyapp.core.base.clock import ManualClock
from studyapp.core.config import (
    CONFIG_FILE,
    AppConfig,
    load_config,
    merged_settings,
    save_config,
)
from studyapp.core.workspace import open_workspace

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ASIDE = f"{CONFIG_FILE}.damaged-20260302T120000Z"


def write(folder: Path, data: Any) -> bytes:
    folder.mkdir(parents=True, exist_ok=True)
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    (folder / CONFIG_FILE).write_bytes(raw)
    return raw


@pytest.mark.parametrize(
    "content",
    [
        {"format": "studyapp-config", "version": None},
        {"format": "studyapp-config", "version": "1"},
        {"format": "studyapp-config", "version": [1]},
        {"format": "studyapp-config", "version": 99},
        [],
        [1, 2],
        "text",
        None,
        b"[" * 5_000,
        b"[" * 1_000 + b"]" * 1_000,
        b'{"format": "studyapp-config", "keys": ' + b"[" * 100 + b"]" * 100 + b"}",
        b"\xff\xfe garbage",
        b'{"format": "studyapp-config", "vers',
    ],
    ids=lambda c: repr(c)[:40],
)
def test_unreadable_settings_are_set_aside_and_defaults_used(tmp_path: Path, content: Any) -> None:
    raw = write(tmp_path, content)
    loaded = load_config(tmp_path, ManualClock(NOW))
    assert loaded.config == AppConfig()
    (message,) = loaded.messages
    assert f"moved aside to {ASIDE}, using defaults" in message
    assert (tmp_path / ASIDE).read_bytes() == raw
    assert not (tmp_path / CONFIG_FILE).exists()


@pytest.mark.parametrize(
    "study",
    [[], "x", 3, {"scheduler": []}, {"queue": "x"}, {"decks": 5}, {"scheduler": {"w": None}}],
    ids=repr,
)
def test_a_bad_part_falls_back_to_its_default(tmp_path: Path, study: Any) -> None:
    write(tmp_path, {"format": "studyapp-config", "version": 1, "theme": "nord", "study": study})
    loaded = load_config(tmp_path)
    assert loaded.config.theme == "nord"
    assert loaded.config.study == AppConfig().study
    assert loaded.messages


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = st.sampled_from(
    ["format", "version", "theme", "keys", "study", "scheduler", "queue", "decks"]
)


@st.composite
def settings_like(draw: st.DrawFn) -> Any:
    """Arbitrary JSON, often shaped like a settings file (so the deeper parts are reached)."""
    if draw(st.booleans()):
        return draw(JSON)
    data: dict[str, Any] = {"format": "studyapp-config"}
    data.update(draw(st.dictionaries(KEYS, JSON, max_size=4)))
    if draw(st.booleans()):
        data["study"] = draw(
            st.dictionaries(KEYS, JSON | st.dictionaries(st.text(max_size=12), JSON))
        )
    return data


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=settings_like())
def test_arbitrary_json_never_raises(tmp_path: Path, data: Any) -> None:
    write(tmp_path, json.dumps(data, allow_nan=True).encode())
    loaded = load_config(tmp_path)
    assert isinstance(loaded.config, AppConfig)
    save_config(tmp_path, loaded.config, base=loaded.config)  # and what was read saves


def test_workspace_opens_with_a_damaged_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYAPP_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("STUDYAPP_CACHE", str(tmp_path / "cache"))
    write(tmp_path / "config", {"format": "studyapp-config", "version": None})
    workspace = open_workspace(
        [str(tmp_path / "nodecks")], progress=tmp_path / "p", clock=ManualClock(NOW)
    )
    try:
        assert workspace.config == AppConfig()
        assert any(ASIDE in message for message in workspace.messages)
    finally:
        workspace.close()


# ------------------------------------------------------------------ two windows


def test_two_windows_on_one_folder_keep_each_others_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Window B (read-only on progress) saves its theme after window A saved 50 new
    cards a day: both changes are kept, and B now works with A's limit too."""
    monkeypatch.setenv("STUDYAPP_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("STUDYAPP_CACHE", str(tmp_path / "cache"))
    decks, progress = [str(tmp_path / "nodecks")], tmp_path / "p"
    a = open_workspace(decks, progress=progress)
    b = open_workspace(decks, progress=progress)
    try:
        assert not a.read_only and b.read_only
        study = a.config.study
        a.save_config(
            a.config.with_study(replace(study, queue=replace(study.queue, new_per_day=50)))
        )
        b.save_config(replace(b.config, theme="nord"))
        on_disk = load_config(tmp_path / "config").config
        assert on_disk.study.queue.new_per_day == 50  # was 20: B wrote its stale copy
        assert on_disk.theme == "nord"
        assert b.config == on_disk
        # and A's next save keeps B's theme
        a.save_config(replace(a.config, keys={"study.reveal": "r"}))
        on_disk = load_config(tmp_path / "config").config
        assert (on_disk.theme, on_disk.keys, on_disk.study.queue.new_per_day) == (
            "nord",
            {"study.reveal": "r"},
            50,
        )
    finally:
        b.close()
        a.close()


def test_merge_applies_only_what_changed() -> None:
    base = {"theme": "a", "study": {"queue": {"new": 20, "rev": 200}, "decks": {"d": {"x": 1}}}}
    mine = {"theme": "b", "study": {"queue": {"new": 20, "rev": 200}, "decks": {}}}
    disk = {"theme": "a", "study": {"queue": {"new": 50, "rev": 200}, "decks": {"d": {"x": 1}}}}
    assert merged_settings(base, mine, disk) == {
        "theme": "b",
        "study": {"queue": {"new": 50, "rev": 200}, "decks": {"d": {}}},
    }


def test_a_damaged_file_found_while_saving_is_set_aside(tmp_path: Path) -> None:
    base = AppConfig()
    write(tmp_path, b"[[[")
    saved = save_config(tmp_path, replace(base, theme="nord"), base, clock=ManualClock(NOW))
    assert saved.theme == "nord"
    assert (tmp_path / ASIDE).read_bytes() == b"[[["
    assert load_config(tmp_path).config.theme == "nord"
