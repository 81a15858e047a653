"""``studyapp new``: the skeleton validates, lints clean, and never overwrites."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.authoring.scaffold import (
    ScaffoldError,
    create_deck,
    deck_id_for,
    schema_reference,
    skeleton,
)
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import KINDS


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
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_create_refuses_bad_names_and_folders(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match=r"ends in \.yaml"):
        create_deck(tmp_path / "deck.txt")
    with pytest.raises(ScaffoldError, match="no such folder"):
        create_deck(tmp_path / "missing" / "deck.yaml")
    with pytest.raises(ScaffoldError, match="not a valid deck id"):
        create_deck(tmp_path / "deck.yaml", deck_id="Not Valid")


def test_schema_line_points_at_the_nearest_schema(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "deck.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "decks" / "week").mkdir(parents=True)
    deck = tmp_path / "decks" / "week" / "one.yaml"
    assert schema_reference(deck) == "../../schema/deck.schema.json"
    text = create_deck(deck)
    assert text.startswith("# yaml-language-server: $schema=../../schema/deck.schema.json\n")


def test_deck_id_from_file_name() -> None:
    assert deck_id_for(Path("Séance 2 (Korea).yml")) == "seance-2-korea"
    assert deck_id_for(Path("!!!.yaml")) == "my-deck"


def test_cli_new(tmp_path: Path) -> None:
    out = io.StringIO()
    target = tmp_path / "deck.yaml"
    assert main(["new", str(target), "--title", "My class"], out) == 0
    assert load_deck(target).title == "My class"
    out = io.StringIO()
    assert main(["new", str(target)], out) == 1
    assert out.getvalue() == f"{target}:1:1: already exists; studyapp new never overwrites a file\n"
