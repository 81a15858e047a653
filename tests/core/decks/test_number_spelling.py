"""A number written in a text field stays as the author wrote it ("1e3", not "1000.0")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.cache import decode, encode
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import FigureEntry, QaEntry
from studyapp.core.decks.writer import yaml_text
from studyapp.core.decks.yamlread import read_yaml

_DECK = """\
id: n
title: Numbers
entries:
  - id: a
    kind: qa
    prompt: What number?
    answer: {scalar}
    accept: [{scalar}, x]
  - id: f
    kind: figure
    measure: Share
    value: 55.5
"""

NUMBER_LIKE = st.one_of(
    st.from_regex(
        r"[-+]?(?:[0-9]{1,12}(?:\.[0-9]{0,6})?|\.[0-9]{1,6})(?:[eE][-+]?[0-9]{1,3})?",
        fullmatch=True,
    ),
    st.from_regex(r"0[xXoO][0-9A-Fa-f]{1,8}|[0-9]{1,3}(?:_[0-9]{3}){1,3}", fullmatch=True),
    st.sampled_from([".inf", "-.inf", ".nan", ".NaN", "+.INF", "-0", "+0.0", "1e999", "0e0"]),
)


def _answer(scalar: str) -> QaEntry:
    entry = parse_deck(_DECK.format(scalar=scalar), "n.yaml").entries[0]
    assert isinstance(entry, QaEntry)
    return entry


def test_the_repro_spellings_come_back_as_written() -> None:
    for scalar in ("1e3", "1.50", "0x1F", "1_000", "+5", "007", ".5", "1E3", "-0"):
        entry = _answer(scalar)
        assert (entry.answer, entry.accept) == (scalar, [scalar, "x"])


@settings(max_examples=300, deadline=None)
@given(NUMBER_LIKE)
def test_any_number_like_scalar_in_a_text_field_comes_back_as_written(scalar: str) -> None:
    entry = _answer(scalar)
    assert entry.answer == scalar  # block style: the fast reader
    assert entry.accept[0] == scalar  # flow style: the event walker


def test_a_number_field_still_holds_a_plain_number_and_the_deck_caches() -> None:
    deck = parse_deck(
        _DECK.format(scalar="1e3").replace("value: 55.5", "value: 1.50e2\n    tolerance: +1"),
        "n.yaml",
    )
    figure = deck.entries[1]
    assert isinstance(figure, FigureEntry)
    assert (figure.value, type(figure.value)) == (150.0, float)
    assert (figure.tolerance, type(figure.tolerance)) == (1.0, float)
    again = decode(encode(deck))
    assert again == deck


@settings(max_examples=100, deadline=None)
@given(NUMBER_LIKE)
def test_a_number_read_from_yaml_is_written_back_as_spelled(scalar: str) -> None:
    """The review screen writes an edited entry's raw data back (``value: 1.50``)."""
    read = read_yaml(f"value: {scalar}\nlist: [{scalar}]\n", "x.yaml").data
    for fast in (False, True):
        again = read_yaml(yaml_text(read, fast=fast), "x.yaml").data
        assert repr(again) == repr(read)  # (nan is not equal to itself)
        assert getattr(again["value"], "spelled", None) == getattr(read["value"], "spelled", None)
        assert getattr(again["list"][0], "spelled", None) == getattr(
            read["list"][0], "spelled", None
        )
