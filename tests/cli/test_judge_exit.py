"""``studyapp judge --batch`` exit status: a script sees when any line was an error."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from studyapp.cli import main

DECK = """\
id: judge-exit
title: Judge exit
entries:
  - id: capital
    kind: qa
    prompt: What is the capital of South Korea?
    answer: Seoul
"""


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "judge-exit.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def batch(
    deck_file: Path, lines: list[str], capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
) -> tuple[int, list[dict[str, object]]]:
    mp.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    code = main(["judge", str(deck_file), "--batch"])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines()]


def test_every_line_an_error_exits_1_and_still_answers_each_line(
    deck_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, results = batch(
        deck_file,
        ["not json", json.dumps({"card": "missing", "answer": "x"})],
        capsys,
        monkeypatch,
    )
    assert code == 1
    assert [r["line"] for r in results] == [1, 2]
    assert all("error" in r for r in results)


def test_one_error_among_verdicts_exits_1_and_keeps_the_lines_unchanged(
    deck_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = json.dumps({"card": "capital", "answer": "Seoul"})
    code, results = batch(deck_file, [good, "[1]", good], capsys, monkeypatch)
    assert code == 1
    assert [r.get("verdict", "error") for r in results] == ["correct", "error", "correct"]
    assert set(results[0]) == set(results[2])  # a verdict line has the same fields as before
    assert results[1] == {"line": 2, "error": 'expected an object {"card": ..., "answer": ...}'}


def test_only_verdicts_exit_0_even_when_wrong(
    deck_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [json.dumps({"card": "capital", "answer": a}) for a in ("Seoul", "Busan")]
    code, results = batch(deck_file, lines, capsys, monkeypatch)
    assert code == 0
    assert [r["verdict"] for r in results] == ["correct", "wrong"]


def test_help_says_how_batch_errors_exit(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["judge", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "1 when any line was an error" in text
