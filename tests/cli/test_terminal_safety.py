"""No command prints a stranger's escape codes raw: every message path, text and JSON.

Each test runs a command on a deck, key, value or file name made of ESC, OSC (title,
clipboard), CSI (clear screen), C1, DEL and bidi controls, and checks the output holds
none of them raw and names each with a visible escape.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studyapp.cli import main
from tests.hostile import ALL, GOOD_DECK, KEY_DECK, assert_inert, write_hostile_decks


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # file names shown relative, as an author sees them
    return write_hostile_decks(tmp_path / "decks")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_validate_text(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "validate", str(hostile))
    assert code == 1
    assert "unknown field 'x\\x1b]0;PWNED\\x07" in out
    assert "ok: decks/g\\x1b]0;PWNED\\x07" in out  # a good deck's hostile file name
    assert "decks/f\\x1b]0;PWNED\\x07" in out and "<U+202E><U+2066>.yaml:1:1" in out
    assert_inert(out)


def test_validate_json(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "validate", "--format", "json", str(hostile))
    assert code == 1
    assert_inert(out)
    report = json.loads(out)
    files = {f["file"] for f in report["files"]}
    assert str(hostile / f"g{ALL}.yaml") in files  # a valid file's path: exact, escaped JSON
    messages = [p["message"] for f in report["files"] for p in f["problems"]]
    assert any(m.startswith("unknown field 'x\\x1b]0;PWNED") for m in messages)


def test_decks(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "decks", str(hostile))
    assert code == 0 and "Decks that failed to load:" in out
    assert_inert(out)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_lint(hostile: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out = run(capsys, "lint", "--format", fmt, str(hostile))
    assert code == 1
    assert_inert(out)
    if fmt == "json":
        json.loads(out)


def test_export_of_a_hostile_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / f"d{ALL}.yaml"
    deck.write_text(KEY_DECK, encoding="utf-8")
    code, out = run(capsys, "export", str(deck), "--to", "csv", "-o", str(tmp_path / "o.csv"))
    assert code == 1 and "unknown field" in out
    assert_inert(out)


def test_export_into_a_hostile_folder_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "good.yaml"
    deck.write_text(GOOD_DECK, encoding="utf-8")
    for to in ("csv", "anki"):
        code, out = run(capsys, "export", str(deck), "--to", to, "-o", str(tmp_path / ALL / "o"))
        assert code == 1 and "no such folder" in out
        assert_inert(out)


def test_import_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / f"m{ALL}.csv"
    code, out = run(capsys, "import", str(missing), "-o", str(tmp_path / "out.yaml"))
    assert code == 1
    assert_inert(out)
    bad = tmp_path / f"b{ALL}.csv"
    bad.write_bytes(b"front,back\n\xff\xfe,x\n")
    code, out = run(capsys, "import", str(bad), "-o", str(tmp_path / "out.yaml"))
    assert code == 1
    assert_inert(out)


def test_extract_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / f"a{ALL}.txt"
    bad.write_bytes(b"\xff\xfe not UTF-8")
    code, out = run(capsys, "extract", str(bad), "-o", str(tmp_path / "out.yaml"))
    assert code == 1 and "UTF-8" in out
    assert_inert(out)


def test_new_in_a_hostile_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "new", str(tmp_path / ALL / "deck.yaml"))
    assert code == 0 and "wrote" in out
    assert_inert(out)


def test_progress_and_stats_with_a_hostile_folder_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / f"p{ALL}"
    code, out = run(capsys, "progress", "--progress", str(folder))
    assert code == 0 and "no progress yet" in out
    assert_inert(out)
    code, out = run(capsys, "stats", "--progress", str(folder), str(tmp_path / f"x{ALL}.yaml"))
    assert_inert(out, named=False)  # stats names no file; nothing raw either way


def test_gradebook_with_a_hostile_result_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = tmp_path / f"r{ALL}.json"
    result.write_text('{"format": "nope"}', encoding="utf-8")
    code, out = run(capsys, "gradebook", str(result), "-o", str(tmp_path / "g.csv"))
    assert code == 1
    assert_inert(out)
