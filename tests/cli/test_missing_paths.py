"""A path that is not there, or a folder with no deck, said plainly: ``studyapp: PATH: ...``
on stderr, exit 1, nothing checked, never a ``PATH:1:1:`` position (it read as a syntax
error in a file that does not exist) and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.cli import main
from tests.conftest import REPO

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"

COMMANDS = {
    "validate": ["validate"],
    "validate-json": ["validate", "--format", "json"],
    "lint": ["lint"],
    "lint-json": ["lint", "--format", "json"],
}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # names shown relative, as the learner typed them
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_path_is_said_plainly(
    command: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*COMMANDS[command], "nonexist.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "studyapp: nonexist.yaml: no such file or folder\n"
    assert captured.out == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_every_missing_path_is_named_and_nothing_is_checked(
    command: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*COMMANDS[command], str(DECK), "gone.yaml", "gone/"]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "studyapp: gone.yaml: no such file or folder\nstudyapp: gone: no such file or folder\n"
    )
    assert captured.out == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_with_no_decks_says_so(
    command: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "empty" / "sub").mkdir(parents=True)
    (here / "empty" / "notes.txt").write_text("not a deck\n", encoding="utf-8")
    assert main([*COMMANDS[command], "empty"]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "studyapp: empty: no deck files (*.yaml, *.yml) in this folder or its subfolders\n"
    )
    assert captured.out == ""


def test_a_folder_with_no_decks_beside_a_deck_is_no_problem(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "empty").mkdir()
    assert main(["validate", "--format", "json", "empty", str(DECK)]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True


def test_export_of_a_missing_deck_or_a_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "nonexist.yaml", "--to", "csv", "-o", "out.csv"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "studyapp: nonexist.yaml: no such file or folder\n"
    assert captured.out == ""
    (here / "decks").mkdir()
    assert main(["export", "decks", "--to", "anki", "-o", "out.apkg"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "studyapp: decks: a folder; export takes one deck file (DECK.yaml)\n"
    assert not (here / "out.csv").exists() and not (here / "out.apkg").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "nonexist.yaml"],
        ["lint", "nonexist.yaml"],
        ["export", "nonexist.yaml", "--to", "csv", "-o", "o.csv"],
        ["validate", "empty"],
    ],
)
def test_the_command_itself_gives_no_traceback(here: Path, argv: list[str]) -> None:
    (here / "empty").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "studyapp", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=here,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"studyapp: {argv[1]}: ")
    assert "Traceback" not in result.stderr and ":1:1:" not in result.stderr + result.stdout
