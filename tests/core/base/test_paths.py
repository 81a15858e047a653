"""Where progress goes: a folder given as a file is named as such, never a traceback."""

from __future__ import annotations

from pathlib import Path

from studyapp.core.base.paths import progress_dir, progress_dir_problem


def test_a_folder_or_a_new_one_is_fine(tmp_path: Path) -> None:
    assert progress_dir_problem(tmp_path) is None
    assert progress_dir_problem(tmp_path / "new" / "deeper") is None


def test_the_progress_file_itself_is_named_with_its_folder(tmp_path: Path) -> None:
    progress = tmp_path / "progress.json"
    progress.write_text("{}", encoding="utf-8")
    problem = progress_dir_problem(progress)
    assert problem is not None
    assert "is a file, not a folder" in problem
    assert f"give its folder ({tmp_path})" in problem


def test_a_folder_under_a_file_cannot_be_made(tmp_path: Path) -> None:
    deck = tmp_path / "good.yaml"
    deck.write_text("id: x\n", encoding="utf-8")
    problem = progress_dir_problem(deck / "progress")
    assert problem is not None
    assert f"{deck} is a file" in problem


def test_the_override_wins_over_the_environment(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("STUDYAPP_PROGRESS", str(tmp_path / "env"))
    assert progress_dir(None) == tmp_path / "env"
    assert progress_dir(str(tmp_path / "flag")) == tmp_path / "flag"
