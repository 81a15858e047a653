"""``studyapp extract`` with and without the sentence parse (``studyapp[parse]``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from studyapp.cli import main
from studyapp.core.authoring.extract import parsed

ARTICLE = (
    "Farm aid in 2031\n\n"
    "On May 4, 2031, the department announced new rules for farm aid.\n\n"
    "Speaking to farmers in Iowa last week, the secretary promised the subsidies would "
    "continue.\n"
)


def _statements(draft: Path) -> list[str]:
    deck = yaml.safe_load(draft.read_text(encoding="utf-8"))
    return [e["quote"] for e in deck["entries"] if e["kind"] == "quote"]


@pytest.mark.skipif(not parsed.available(), reason="spaCy's model not installed")
def test_extract_uses_the_parse_unless_told_not_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", "a.txt", "-o", "with.yaml"]) == 0
    assert main(["extract", "a.txt", "-o", "without.yaml", "--no-parse"]) == 0
    out = capsys.readouterr().out
    assert "note:" not in out  # (the parse is installed, or was turned off: nothing to say)
    assert "the subsidies would continue" in _statements(tmp_path / "with.yaml")
    assert "the subsidies would continue" not in _statements(tmp_path / "without.yaml")


def test_extract_without_the_parse_installed_says_how_to_add_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(parsed, "_pipeline", lambda: None)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", "a.txt", "-o", "d.yaml"]) == 0
    out = capsys.readouterr().out
    assert "note: statements from the rules alone; pip install 'studyapp[parse]'" in out
    assert "the subsidies would continue" not in _statements(tmp_path / "d.yaml")


def test_no_parse_is_refused_with_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.yaml").write_text("id: d\ntitle: D\nentries: []\n", encoding="utf-8")
    assert main(["extract", "--review", "d.yaml", "--no-parse"]) == 1
    assert "not --no-parse" in capsys.readouterr().err
