"""Deck problems and file names are terminal-safe however the deck came to be broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.base.problems import DeckLoadError
from studyapp.core.decks.discovery import discover, display_name, expand, load_all
from studyapp.core.decks.loader import parse_deck
from tests.hostile import ALL, HOSTILE_NAME, KEY_DECK, VALUE_DECK, assert_inert, write_hostile_decks


def test_an_unknown_key_made_of_escape_sequences_is_reported_inert() -> None:
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(KEY_DECK, "key.yaml")
    (problem,) = caught.value.problems
    assert problem.message.startswith("unknown field 'x\\x1b]0;PWNED\\x07")
    assert problem.path.startswith("entries[0].x\\x1b]0;PWNED\\x07")
    assert_inert(problem.path)
    assert_inert(problem.message)


def test_a_value_made_of_escape_sequences_is_quoted_inert() -> None:
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(VALUE_DECK, "value.yaml")
    assert_inert(str(caught.value))


def test_a_file_name_made_of_escape_sequences_is_shown_inert(tmp_path: Path) -> None:
    path = tmp_path / HOSTILE_NAME
    shown = display_name(path, cwd=tmp_path)
    assert shown == (
        "f\\x1b]0;PWNED\\x07\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J\\x9b\\x9d\\x7f<U+202E><U+2066>.yaml"
    )
    assert_inert(shown)


def test_every_failure_of_a_hostile_folder_is_inert(tmp_path: Path) -> None:
    folder = write_hostile_decks(tmp_path / "decks")
    result = load_all(expand([folder]))
    assert [d.deck_id for d in result.decks] == ["good"]
    assert len(result.failures) == 4
    text = "\n".join(f"{f.file}\n{p}" for f in result.failures for p in f.problems)
    assert_inert(text)
    assert f"f{ALL}" not in text


def test_the_deck_cache_keeps_problems_inert(tmp_path: Path) -> None:
    from studyapp.core.decks.cache import DeckCache

    folder = write_hostile_decks(tmp_path / "decks")
    cache = DeckCache(tmp_path / "cache")
    for _ in range(2):  # a miss, then whatever the cache serves
        result = discover([str(folder)], cache=cache)
        assert_inert("\n".join(str(p) for f in result.failures for p in f.problems))
