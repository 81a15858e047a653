"""Decks are read without positions first; a deck with a problem reports exactly what
reading with positions from the start reported.

``parse_deck`` reads a deck with the fast reader's ``positions=False`` (the common
case: a valid deck, no position ever asked for) and notes where each value is only
when a problem needs a ``line:col``. These tests hold that shortcut to the old
behaviour: the same problems (file, line, col, path, message, in order) for decks
with one mistake injected, and the same deck for decks with none.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.base.problems import DeckLoadError
from studyapp.core.base.userfile import Limits
from studyapp.core.decks import loader
from studyapp.core.decks.yamlfast import read_block_yaml
from studyapp.core.decks.yamlread import Document, read_yaml

LIMITS = Limits(max_bytes=1 << 20, max_depth=24, max_nodes=100_000)
WORDS = ["treaty", "summit", "Seoul", "Tokyo", "alliance", "trade", "visit", "accord", "pact"]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _entry(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """(key, value as written) pairs of one valid entry."""
    kind = rng.choice(["qa", "date", "figure", "quote", "cloze", "choice"])
    pairs = [("id", f"e-{n}"), ("kind", kind)]
    if rng.random() < 0.6:
        pairs.append(("tags", f"[{', '.join(rng.sample(['a', 'b', 'c', 'x1'], 2))}]"))
    if kind == "qa":
        pairs += [("prompt", f"What {_words(rng, 3)}?"), ("answer", _words(rng, 2))]
    elif kind == "date":
        pairs += [
            ("event", _words(rng, 4)),
            ("date", rng.choice(["2025-06-03", "1965", "2023-04"])),
        ]
    elif kind == "figure":
        pairs += [("measure", _words(rng, 4)), ("value", "55.5"), ("unit", '"%"')]
    elif kind == "quote":
        pairs += [("quote", _words(rng, 6)), ("speaker", "Lee Jae-myung")]
    elif kind == "cloze":
        pairs.append(("text", f"The {{{{{_words(rng, 1)}}}}} of {_words(rng, 2)}"))
    else:
        pairs += [("prompt", f"Which {_words(rng, 2)}?"), ("answer", "one")]
        pairs.append(("distractors", "[two, three]"))
    if rng.random() < 0.4:
        pairs.append(("source", ">-\n      " + _words(rng, 5)))
    return pairs


MISTAKES: list[Callable[[random.Random, list[tuple[str, str]], list[list[tuple[str, str]]]], None]]


def _set(pairs: list[tuple[str, str]], key: str, value: str) -> None:
    for at, (name, _old) in enumerate(pairs):
        if name == key:
            pairs[at] = (key, value)
            return
    pairs.append((key, value))


def _unknown_kind(rng: random.Random, e: list[tuple[str, str]], _: Any) -> None:
    _set(e, "kind", rng.choice(["dat", "quizz", "Q&A"]))


def _misspelt_field(rng: random.Random, e: list[tuple[str, str]], _: Any) -> None:
    at = rng.randrange(2, len(e))
    e[at] = (e[at][0] + "x", e[at][1])


def _bad_id(rng: random.Random, e: list[tuple[str, str]], _: Any) -> None:
    _set(e, "id", rng.choice(["Bad Id", '"-x"', "a" * 90]))


def _empty_text(rng: random.Random, e: list[tuple[str, str]], _: Any) -> None:
    key = next((k for k, _v in e if k in ("answer", "event", "measure", "quote", "text")), "id")
    _set(e, key, rng.choice(['""', '"   "', "true", "[a, b]"]))


def _missing_field(rng: random.Random, e: list[tuple[str, str]], _: Any) -> None:
    del e[rng.randrange(1, len(e))]


def _duplicate_id(rng: random.Random, e: list[tuple[str, str]], entries: Any) -> None:
    _set(e, "id", rng.choice(entries)[0][1])


def _unsafe_text(rng: random.Random, e: list[tuple[str, str]], _: Any) -> None:
    _set(e, "explanation", rng.choice(['"bad \\e[31m red"', '"bidi \\u202e here"']))


def _bad_value(rng: random.Random, e: list[tuple[str, str]], _: Any) -> None:
    _set(
        e,
        rng.choice(["date", "value", "tags", "check"]),
        rng.choice(["2025-13-01", '"55"', "[a, a]", "maybe"]),
    )


MISTAKES = [
    _unknown_kind,
    _misspelt_field,
    _bad_id,
    _empty_text,
    _missing_field,
    _duplicate_id,
    _unsafe_text,
    _bad_value,
]


def _text(entries: list[list[tuple[str, str]]]) -> str:
    lines = ["id: generated", "title: A generated deck", "entries:"]
    for pairs in entries:
        for at, (key, value) in enumerate(pairs):
            lines.append(f"{'  - ' if at == 0 else '    '}{key}: {value}")
        lines.append("")
    return "\n".join(lines)


def deck_text(rng: random.Random, mistakes: int) -> str:
    entries = [_entry(rng, n) for n in range(rng.randint(2, 8))]
    for _ in range(mistakes):
        rng.choice(MISTAKES)(rng, rng.choice(entries), entries)
    return _text(entries)


def _outcome(text: str) -> Any:
    try:
        return loader.parse_deck(text, "g.yaml", limits=LIMITS)
    except DeckLoadError as error:
        return [str(problem) for problem in error.problems]


@pytest.fixture
def positions_first(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], Any]]:
    """The loader as it was: every position noted on the first read."""

    def outcome(text: str) -> Any:
        with monkeypatch.context() as patch:
            patch.setattr(
                loader,
                "read_yaml",
                lambda text, file, limits, positions=True: read_yaml(text, file, limits),
            )
            return _outcome(text)

    yield outcome


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False), st.integers(min_value=0, max_value=2))
def test_a_deck_with_mistakes_reports_what_it_did_when_read_with_positions(
    positions_first: Callable[[str], Any], rng: random.Random, mistakes: int
) -> None:
    text = deck_text(rng, mistakes)
    assert _outcome(text) == positions_first(text)


def test_the_generated_decks_take_the_fast_path_and_their_mistakes_are_found() -> None:
    rng = random.Random(18)
    fast = found = 0
    for _ in range(200):
        text = deck_text(rng, 1)
        fast += read_block_yaml(text, 24, 100_000, positions=False) is not None
        found += isinstance(_outcome(text), list)
    assert fast >= 190  # the shortcut is what these tests exercise, not the walker
    assert found >= 150  # (a few mistakes happen to be valid, e.g. a duplicated tag set)


def test_a_position_asked_for_is_the_one_read_with_positions() -> None:
    text = _text([[("id", "a"), ("kind", "qa"), ("prompt", "p?"), ("answer", "x")]])
    lean = read_yaml(text, "d.yaml", LIMITS, positions=False)
    full = read_yaml(text, "d.yaml", LIMITS)
    assert lean.values == {} and lean.keys == {} and lean.unplaced is not None
    assert lean.data == full.data
    assert lean.position(("entries", 0, "answer")) == full.position(("entries", 0, "answer"))
    assert lean.unplaced is None
    assert (lean.values, lean.keys) == (full.values, full.keys)


def test_a_valid_deck_is_never_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    placed: list[Document] = []
    original = Document.place

    def spy(self: Document) -> None:
        if self.unplaced is not None:
            placed.append(self)
        original(self)

    monkeypatch.setattr(Document, "place", spy)
    rng = random.Random(7)
    for _ in range(20):
        assert not isinstance(_outcome(deck_text(rng, 0)), list)
    assert placed == []
    _outcome(_text([[("id", "a"), ("kind", "qa"), ("prompt", "p?")]]))  # no answer
    assert len(placed) == 1


def test_a_walker_document_keeps_its_positions() -> None:
    """Text the fast reader leaves (here an anchor) is read by the walker, positions and all."""
    text = "id: d\ntitle: &t T\nentries: []\n"
    doc = read_yaml(text, "d.yaml", LIMITS, positions=False)
    assert doc.unplaced is None and doc.values and doc.problems
