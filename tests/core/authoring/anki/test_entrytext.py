"""Entries written directly are what the emitter writes, or left to it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.authoring.anki import deckyaml
from studyapp.core.authoring.anki.entrytext import entry_text

pytestmark = pytest.mark.skipif(not deckyaml._FAST, reason="PyYAML without libyaml")

# the characters that decide quoting, folding and block styles, with plain letters
_ALPHABET = st.sampled_from(
    [
        *"aZé 0 1:#-?'\"\\|>!&*%@`,[]{}~.+yYnNoOtTfF\n\t\r",
        *("\x85", "\u2028", "\ufeff", "\xa0", "\U0001f600", "\x7f", "\x00", "语"),
    ]
)
_TEXT = st.one_of(
    st.text(_ALPHABET, max_size=12),
    st.text(_ALPHABET, min_size=80, max_size=130),
    st.sampled_from(["yes", "No", "on", "1965", "1_000", "0x1F", "3.5", "null", "true", "n"]),
)
_VALUE = st.one_of(_TEXT, st.booleans(), st.integers(-5, 10**6), st.lists(_TEXT, max_size=3))


def emitted(entry: dict[str, Any]) -> str:
    return deckyaml._dump([entry])


@settings(max_examples=3000, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["id", "kind", "prompt", "answer", "tags", "on", "x_y"]), _VALUE
    )
)
def test_written_text_is_the_emitters(entry: dict[str, Any]) -> None:
    text = entry_text(entry)
    if text is not None:
        assert text == emitted(entry)


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "a-1", "kind": "qa", "prompt": "Question 5 about something", "answer": "x\ny"},
        {"id": "é", "answer": "line\n\nafter an empty one\n", "reverse": True, "n": 3},
        {"id": "c", "tags": ["Korea::History", "set1"], "text": "{{c1::Seoul}} is: a city"},
        {"id": "q", "answer": "1965", "prompt": "yes", "hint": " it's", "x": "", "y": 'a "b"'},
        {"id": "d", "prompt": "a " * 44 + "b"},
        {"id": "e", "prompt": "Wie heißt 语? C# or a#b, 50% ok"},
    ],
)
def test_common_entries_are_written_directly(entry: dict[str, Any]) -> None:
    assert entry_text(entry) == emitted(entry)


@pytest.mark.parametrize(
    "value",
    ["tab\there", "\nlead", " \nlead", "two\n\n", "sp \nx", "a " * 60, "emoji \U0001f600", "\x85"],
)
def test_what_the_emitter_would_escape_or_fold_is_left_to_it(value: str) -> None:
    assert entry_text({"id": "x", "prompt": value}) is None
