"""``studyapp export`` of a draft says on stderr how many entries are still unreviewed."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.cli import main

DRAFT = """\
id: week
title: Week
entries:
  - id: a
    kind: qa
    prompt: What is the capital of South Korea?
    answer: Seoul
    review: true
  - id: b
    kind: qa
    prompt: What is the capital of Japan?
    answer: Tokyo
    review: true
  - id: c
    kind: qa
    prompt: What is the capital of France?
    answer: Paris
"""


@pytest.fixture(autouse=True)
def _temp_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PROGRESS", "CONFIG", "CACHE"):
        monkeypatch.setenv(f"STUDYAPP_{name}", str(tmp_path / name.lower()))


@pytest.mark.parametrize(("to", "suffix"), [("anki", "apkg"), ("csv", "csv"), ("markdown", "md")])
def test_a_draft_exported_says_how_many_entries_are_unreviewed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str, suffix: str
) -> None:
    deck = tmp_path / "week.yaml"
    deck.write_text(DRAFT, encoding="utf-8")
    target = tmp_path / f"out.{suffix}"
    assert main(["export", str(deck), "--to", to, "-o", str(target)]) == 0
    assert target.is_file()
    captured = capsys.readouterr()
    assert captured.out.startswith("wrote ")
    notes = [line for line in captured.err.splitlines() if "review: true" in line]
    assert notes == [
        f"note: 2 of 3 entries are still marked review: true (a draft): "
        f"studyapp extract --review {deck} to check them"
    ]


def test_a_reviewed_deck_exports_without_the_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "week.yaml"
    deck.write_text(DRAFT.replace("    review: true\n", ""), encoding="utf-8")
    assert main(["export", str(deck), "--to", "csv", "-o", str(tmp_path / "out.csv")]) == 0
    assert "review" not in capsys.readouterr().err
