"""``may_state_a_date`` is only ever a safe "no": where it says a text states no date,
the date finder (without an anchor) finds none, on every sentence of the article
corpus and every text of the bundled deck. A finder that learns a new form without
digits, month names or "century" fails here, before lint misses a date."""

from __future__ import annotations

import re

import pytest

from studyapp.core.authoring.extract.dates import find_dates
from studyapp.core.authoring.lint.datehint import may_state_a_date
from studyapp.core.decks.loader import limits_from_env, parse_deck
from tests.conftest import REPO


def _texts() -> list[str]:
    corpus = " ".join(
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "tests" / "fixtures" / "articles").glob("*/article.txt"))
    )
    texts = re.split(r"(?<=[.!?])\s+|\n+", corpus)
    deck_text = (REPO / "decks" / "lee-pragmatic-diplomacy.yaml").read_text(encoding="utf-8")
    deck = parse_deck(deck_text, "deck.yaml", limits=limits_from_env())
    for entry in deck.entries:
        texts += [str(v) for v in entry.model_dump().values() if isinstance(v, str)]
    return [t for t in texts if t.strip()]


def test_a_text_without_hints_has_no_date_the_finder_would_give() -> None:
    texts = _texts()
    skipped = [t for t in texts if not may_state_a_date(t)]
    assert len(skipped) > 1_000  # most sentences: the shortcut is worth having
    for text in skipped:
        for year in (None, 2001):
            found = [(m.date, m.month, m.day) for m in find_dates(text, year)]
            assert all(f == (None, None, None) for f in found), text


@pytest.mark.parametrize(
    ("text", "hinted"),
    [
        ("It opened in June after the war.", True),
        ("Built in the nineteenth century.", True),
        ("Signed on 3/4/99.", True),
        ("May they win.", True),  # a month name, even when it is not one: still safe
        ("It opened yesterday, they said.", False),  # no anchor: resolves to nothing
        ("The war lasted three years.", False),
    ],
)
def test_hints(text: str, hinted: bool) -> None:
    assert may_state_a_date(text) is hinted
