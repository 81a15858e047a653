"""The draft of the bundled article against its hand-made deck (``extract.quality``)."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.draftfile import draft_yaml
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.quality import measure_quality
from studyapp.core.decks.loader import load_deck, parse_deck
from tests.conftest import REPO

ARTICLE = REPO.parent / "shared" / "source" / "lee-pragmatic-diplomacy.txt"
DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the bundled article is not beside the repo")
def test_article_recall_and_precision() -> None:
    draft = draft_deck(extract(ARTICLE.read_text(encoding="utf-8")), deck_id="draft")
    quality = measure_quality(draft, load_deck(DECK))
    assert quality.recall >= 0.95, quality.missed
    assert quality.precision >= 0.6
    assert quality.covered >= 0.9
    assert quality.speakers >= 0.85
    parse_deck(draft_yaml(draft), "draft.yaml")
