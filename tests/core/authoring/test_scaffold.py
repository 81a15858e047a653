"""``studyapp new``: the skeleton validates, lints clean, and never overwrites."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.authoring.scaffold import (
    ScaffoldError,
    create_deck,
    deck_id_for,
    schema_reference,
    schema_text,
    skeleton,
)
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import KINDS


@pytest.fixture(autouse=True)
def _schemas_only_inside_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The nearest schema is looked for in every parent folder; a ``deck.schema.json``
    left in /tmp by another run (``studyapp extract -o /tmp/x.yaml`` writes one) must not
    change what these tests see."""
    from studyapp.core.authoring import scaffold

    real = scaffold._candidates

    def inside(folder: Path) -> list[Path]:
        return [c for c in real(folder) if c.is_relative_to(tmp_path)]

    monkeypatch.setattr(scaffold, "_candidates", inside)


def test_skeleton_validates_with_one_entry_of_each_kind() -> None:
    text = skeleton("week-3", "Week 3: Korea and Japan")
    deck = parse_deck(text, "new.yaml")
    assert [e.kind for e in deck.entries] == list(KINDS)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=deck.schema.json"
    assert deck.id == "week-3" and deck.title == "Week 3: Korea and Japan"


def test_skeleton_is_lint_clean() -> None:
    report = lint_text(skeleton("x", "X"), "new.yaml")
    assert report.findings == []


@pytest.mark.parametrize("title", ["yes", "a: b", 'He said "no"', "1965", "# not a comment"])
def test_awkward_titles_stay_text(title: str) -> None:
    assert parse_deck(skeleton("x", title), "new.yaml").title == title


def test_create_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "Week 3 – Korea.yaml"
    create_deck(path)
    deck = load_deck(path)
    assert deck.id == "week-3-korea"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        create_deck(path)
    assert path.read_text(encoding="utf-8") == "mine"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([path.name, "deck.schema.json"])  # no temp file left


def test_create_refuses_bad_names_and_folders(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match=r"ends in \.yaml"):
        create_deck(tmp_path / "deck.txt")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="cannot make the folder"):
        create_deck(tmp_path / "file" / "deck.yaml")
    with pytest.raises(ScaffoldError, match="not a valid deck id"):
        create_deck(tmp_path / "deck.yaml", deck_id="Not Valid")


def test_schema_line_points_at_the_nearest_schema(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "deck.schema.json").write_text(schema_text(), encoding="utf-8")
    (tmp_path / "decks" / "week").mkdir(parents=True)
    deck = tmp_path / "decks" / "week" / "one.yaml"
    assert schema_reference(deck) == "../../schema/deck.schema.json"
    text = create_deck(deck)
    assert text.startswith("# yaml-language-server: $schema=../../schema/deck.schema.json\n")
    assert sorted(p.name for p in deck.parent.iterdir()) == ["one.yaml"]  # none written beside


def test_new_in_an_empty_folder_makes_the_folder_and_the_schema_its_line_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`studyapp new decks/bio.yaml` from an empty folder: the deck, and its schema."""
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(["new", "decks/bio.yaml"], out) == 0
    deck = tmp_path / "decks" / "bio.yaml"
    assert load_deck(deck).id == "bio"
    first = deck.read_text(encoding="utf-8").splitlines()[0]
    reference = first.removeprefix("# yaml-language-server: $schema=")
    schema = deck.parent / reference
    assert schema.is_file()  # where an editor looks: relative to the deck
    assert schema.read_text(encoding="utf-8") == schema_text()
    assert json.loads(schema.read_text(encoding="utf-8"))["title"] == "studyapp deck"
    assert "deck.schema.json" in out.getvalue()


def test_an_outdated_schema_beside_the_deck_is_replaced(tmp_path: Path) -> None:
    stale = tmp_path / "deck.schema.json"
    stale.write_text('{"title": "an old studyapp deck"}', encoding="utf-8")
    text = create_deck(tmp_path / "a.yaml")
    assert text.startswith("# yaml-language-server: $schema=deck.schema.json\n")
    assert stale.read_text(encoding="utf-8") == schema_text()
    before = stale.stat().st_mtime_ns
    create_deck(tmp_path / "b.yaml")  # up to date: left alone
    assert stale.stat().st_mtime_ns == before


def test_deck_id_from_file_name() -> None:
    assert deck_id_for(Path("Séance 2 (Korea).yml")) == "seance-2-korea"
    assert deck_id_for(Path("!!!.yaml")) == "my-deck"


def test_cli_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    target = tmp_path / "deck.yaml"
    assert main(["new", str(target), "--title", "My class"], out) == 0
    assert load_deck(target).title == "My class"
    out = io.StringIO()
    assert main(["new", str(target)], out) == 1
    assert out.getvalue() == ""  # a slip in the command: on stderr (tests/cli/test_command_slips)
    assert "already exists; studyapp new never overwrites a file" in capsys.readouterr().err
