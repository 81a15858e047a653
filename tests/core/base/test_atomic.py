"""Replacing a file whole: the old or the new one after a crash, and its permissions kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studyapp.core.base.atomic import TEMP_SUFFIX, atomic_write, kept_mode


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write(path, b"new", mode=kept_mode(path))
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o7777 == 0o640


def test_a_new_file_gets_the_users_umask_not_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        path = tmp_path / "new.yaml"
        atomic_write(path, [b"a", b"b"], mode=kept_mode(path))
        assert path.stat().st_mode & 0o7777 == 0o640
        assert os.umask(0o027) == 0o027  # reading the umask put it back
    finally:
        os.umask(old)
    assert path.read_bytes() == b"ab"


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_text("old")

    def chunks() -> list[bytes]:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(path, (c for c in chunks()))
    assert path.read_text() == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
