"""The one-off deck tools end without the interpreter's teardown (``studyapp.launch``):
what they print and write must still arrive whole, with the command's exit code."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from studyapp.core.authoring.export.markdown import to_markdown
from studyapp.core.authoring.export.spreadsheet import csv_losses, to_csv
from studyapp.core.decks.loader import load_deck
from tests.conftest import REPO

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
BROKEN = Path(__file__).parents[1] / "core" / "decks" / "fixtures" / "broken"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A cold deck cache and no real progress or settings."""
    return dict(
        os.environ,
        STUDYAPP_CACHE=str(tmp_path / "cache"),
        STUDYAPP_PROGRESS=str(tmp_path / "progress"),
        STUDYAPP_CONFIG=str(tmp_path / "config"),
    )


def studyapp(
    env: dict[str, str], *args: str, stdout: int = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    """``python -m studyapp ARGS`` with its output read through a pipe."""
    return subprocess.run(
        [sys.executable, "-m", "studyapp", *args],
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )


def test_export_csv_and_markdown_write_the_whole_file_and_report_it(
    tmp_path: Path, env: dict[str, str]
) -> None:
    deck = load_deck(DECK)
    for fmt, render, name in (("csv", to_csv, "out.csv"), ("markdown", to_markdown, "out.md")):
        target = tmp_path / name
        result = studyapp(env, "export", str(DECK), "--to", fmt, "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        first = result.stdout.splitlines()[0]
        assert first.startswith("wrote ") and first.endswith(f": 102 entries as {fmt}")
        assert target.read_bytes() == render(deck).encode("utf-8")


def test_export_csv_notes_all_arrive(tmp_path: Path, env: dict[str, str]) -> None:
    result = studyapp(env, "export", str(DECK), "--to", "csv", "-o", str(tmp_path / "o.csv"))
    lines = result.stdout.splitlines()
    assert lines[0].startswith("wrote ")
    notes = csv_losses(load_deck(DECK))
    assert len(notes) >= 2 and lines[1:] == [f"note: {note}" for note in notes]


def test_export_anki_writes_a_complete_package(tmp_path: Path, env: dict[str, str]) -> None:
    target = tmp_path / "deck.apkg"
    result = studyapp(env, "export", str(DECK), "--to", "anki", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "102 notes" in result.stdout
    with zipfile.ZipFile(target) as package:
        assert package.testzip() is None
        (tmp_path / "c.anki2").write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        assert db.execute("select count(*) from notes").fetchone() == (102,)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_failure_keeps_its_exit_code_and_message(
    tmp_path: Path, env: dict[str, str]
) -> None:
    missing = tmp_path / "no-such-folder" / "o.csv"
    result = studyapp(env, "export", str(DECK), "--to", "csv", "-o", str(missing))
    assert result.returncode == 1
    assert "no such folder" in result.stderr and ":1:1" not in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_through_a_pipe_gives_every_line_and_the_verdict(
    tmp_path: Path, env: dict[str, str]
) -> None:
    ok = studyapp(env, "validate", str(REPO / "decks"))
    assert ok.returncode == 0 and ok.stdout.count("ok: ") == 2
    # far more output than a pipe's buffer: the last line (the count) still arrives
    folder = tmp_path / "many"
    folder.mkdir()
    bad = BROKEN / "09-unknown-kind.yaml"
    for n in range(400):
        shutil.copy(bad, folder / f"bad-{n:03}.yaml")
    result = studyapp(env, "validate", str(folder))
    assert result.returncode == 1
    assert result.stdout.count("unknown kind 'dat'") == 400
    assert result.stdout.splitlines()[-1].startswith("400 of 400 files invalid")
    assert len(result.stdout) > 64 * 1024


def test_lint_keeps_its_exit_code(tmp_path: Path, env: dict[str, str]) -> None:
    result = studyapp(env, "lint", str(BROKEN / "09-unknown-kind.yaml"))
    assert result.returncode == 1
    assert "1 error" in result.stdout.splitlines()[-1]


def test_a_reader_that_went_away_gets_no_traceback(env: dict[str, str]) -> None:
    read, write = os.pipe()
    os.close(read)  # like `| head` that has already quit
    try:
        result = studyapp(env, "validate", str(REPO / "decks"), stdout=write)
    finally:
        os.close(write)
    assert result.returncode == 0  # the CLI's answer to a broken pipe, kept
    assert result.stderr == ""


RETURNS = "import sys; from studyapp.launch import main; code = main(); print('returned', code)"


def test_only_the_one_off_tools_skip_teardown(env: dict[str, str]) -> None:
    """The entry point returns for other commands (the app's clean exit depends on it);
    a one-off tool ends in ``exit_now`` and never comes back."""
    schema = subprocess.run(
        [sys.executable, "-c", RETURNS, "schema"], env=env, capture_output=True, text=True
    )
    assert schema.returncode == 0 and schema.stdout.rstrip().endswith("returned 0")
    validate = subprocess.run(
        [sys.executable, "-c", RETURNS, "validate", str(DECK)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert validate.returncode == 0 and validate.stdout.startswith("ok: ")
    assert "returned" not in validate.stdout
