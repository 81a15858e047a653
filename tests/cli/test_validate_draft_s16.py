"""`studyapp validate` on a draft says it is one (session 16's walk-through: "ok" alone read
as if the deck were finished)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.cli import main

DRAFT = (
    "id: d\ntitle: D\nentries:\n"
    "  - {id: a, kind: qa, prompt: Capital of France?, answer: Paris, review: true}\n"
    "  - {id: b, kind: qa, prompt: Capital of Peru?, answer: Lima}\n"
)


def test_validate_says_how_many_entries_a_draft_still_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my draft.yaml").write_text(DRAFT, encoding="utf-8")
    assert main(["validate", "my draft.yaml"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "ok: my draft.yaml (2 entries); a draft: 1 entry still marked `review: true` "
        "(studyapp extract --review 'my draft.yaml')\n"
    )


def test_validate_of_a_finished_deck_is_plain_ok(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.yaml").write_text(DRAFT.replace(", review: true", ""), encoding="utf-8")
    assert main(["validate", "d.yaml"]) == 0
    assert capsys.readouterr().out.startswith("ok: d.yaml (2 entries)\n")
