"""A file given where the progress folder goes: one line saying so, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.cli import main

DECKS = str(Path(__file__).parents[2] / "decks")


@pytest.mark.parametrize(
    "command",
    [
        ["run", DECKS],
        ["stats", DECKS],
        ["progress"],
        ["results"],
        ["plan", "lee-midterm", DECKS],
        ["optimize", DECKS],
    ],
    ids=lambda c: c[0],
)
def test_the_progress_file_itself_is_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    progress = tmp_path / "progress.json"
    progress.write_text("{}", encoding="utf-8")
    assert main([*command, "--progress", str(progress)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("studyapp: the progress folder ") and "Traceback" not in err
    assert f"give its folder ({tmp_path})" in err
    assert progress.read_text(encoding="utf-8") == "{}"  # untouched


def test_the_environment_is_checked_for_the_bare_launch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text("id: x\n", encoding="utf-8")
    monkeypatch.setenv("STUDYAPP_PROGRESS", str(deck / "progress"))
    assert main([]) == 2
    assert f"{deck} is a file" in capsys.readouterr().err


def test_deck_tools_do_not_care_where_progress_would_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("STUDYAPP_PROGRESS", str(blocker))
    assert main(["validate", DECKS]) == 0
