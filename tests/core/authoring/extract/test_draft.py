"""Draft entries and the draft YAML (``extract.draft``), and ``studyapp extract``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.extract.draft import draft_deck, draft_yaml
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import ClozeEntry, DateEntry, FigureEntry, QuoteEntry
from tests.conftest import REPO

ARTICLE = REPO.parent / "shared" / "source" / "lee-pragmatic-diplomacy.txt"


def test_draft_validates_and_turns_unattributed_quotes_into_clozes() -> None:
    text = (
        "A headline\n"
        "This year, 2025, marks the sixtieth anniversary. On June 3, Lee said “we will "
        "cooperate.” The “swing state” label stuck, and 41.5% agreed.\n"
    )
    deck = draft_deck(extract(text), deck_id="draft")
    kinds = [type(e) for e in deck.entries]
    assert kinds == [DateEntry, DateEntry, FigureEntry, FigureEntry, QuoteEntry, ClozeEntry]
    (cloze,) = [e for e in deck.entries if isinstance(e, ClozeEntry)]
    assert cloze.text.startswith("The “{{swing state}}” label stuck,")
    quote = next(e for e in deck.entries if isinstance(e, QuoteEntry))
    assert "Lee" not in (quote.context or "")  # the who-said-it card does not name him
    text_yaml = draft_yaml(deck, origin="a.txt")
    assert text_yaml.startswith("# yaml-language-server: $schema=")
    assert parse_deck(text_yaml, "draft.yaml") == deck
    assert [f for f in lint_text(text_yaml, "draft.yaml").findings if f.severity == "error"] == []


def test_draft_without_a_known_year_asks_for_it() -> None:
    deck = draft_deck(extract("Short\nOn June 3 he was elected.\n"), deck_id="d")
    (entry,) = deck.entries
    assert entry.kind == "qa" and "needs-year" in entry.tags


def test_hostile_text_still_drafts_a_valid_deck() -> None:
    text = "T\nIn 2015 \x1b[31mred\x07 “{{c1::x}}” said\u202e Kim, 45%.\r\n\x00"
    deck = draft_deck(extract(text), deck_id="d")
    parse_deck(draft_yaml(deck), "d.yaml")


def test_nothing_found_is_an_error() -> None:
    with pytest.raises(ValueError, match="no dates, figures or quotations"):
        draft_deck(extract("Nothing to see here.\n"), deck_id="d")


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the bundled article is not beside the repo")
def test_cli_extract(tmp_path: Path) -> None:
    target = tmp_path / "draft.yaml"
    out = io.StringIO()
    assert main(["extract", str(ARTICLE), "-o", str(target)], out) == 0
    assert "draft entries" in out.getvalue()
    assert load_deck(target).id == "draft"
    out = io.StringIO()
    assert main(["extract", str(ARTICLE), "-o", str(target)], out) == 1
    assert "already exists; pass --force" in out.getvalue()
    assert main(["extract", str(ARTICLE), "-o", str(target), "--force"], io.StringIO()) == 0


def test_cli_extract_reports_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"ok\n\xff\xfe")
    out = io.StringIO()
    assert main(["extract", str(bad), "-o", str(tmp_path / "d.yaml")], out) == 1
    assert out.getvalue().startswith(f"{bad}:2:1: invalid UTF-8")
