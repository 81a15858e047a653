"""Property tests: the loader only ever raises DeckLoadError, and decks round-trip."""

from __future__ import annotations

import string
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.base.problems import DeckLoadError
from studyapp.core.decks.loader import Limits, decode_utf8, parse_deck
from studyapp.core.decks.model import (
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
    SourceDocument,
)
from studyapp.core.decks.textsafety import find_unsafe, is_blank
from studyapp.core.decks.writer import dump_deck

VALID = """\
id: demo
title: Demo
entries:
  - id: a
    kind: quote
    quote: Taking a consistent approach is extremely important in diplomacy
    speaker: Lee Jae-myung
    speaker_aliases: [Lee, President Lee]
  - id: b
    kind: figure
    measure: Share
    value: 55.5
    unit: "%"
"""

WHOLE_FILE = ("the file is empty", "the text is larger than ")
"""The problems of a text as a whole: at line 0 (shown as the file's name alone)."""

SMALL = Limits(max_bytes=64 * 1024, max_depth=24, max_nodes=5_000)


def load_or_problems(text: str, limits: Limits | None = None) -> None:
    """Either a Deck or a DeckLoadError whose problems are well formed: nothing else."""
    try:
        deck = parse_deck(text, "h.yaml", limits=limits)
    except DeckLoadError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message
            if problem.message.startswith(WHOLE_FILE):  # no line of it is at fault
                assert (problem.line, problem.col) == (0, 0)
            else:
                assert problem.line >= 1 and problem.col >= 1
    else:
        assert isinstance(deck, Deck)


yaml_chars = st.sampled_from(list("-:[]{}&*!|>'\"%@`#,?\n\t ") + list("abc019.")) | st.characters()


@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=yaml_chars, max_size=300))
def test_arbitrary_text_never_escapes_as_another_exception(text: str) -> None:
    load_or_problems(text)


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_mutated_valid_decks_never_escape(data: st.DataObject) -> None:
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = data.draw(st.text(alphabet=yaml_chars, min_size=1, max_size=8))
        if action == "insert":
            text = text[:pos] + chunk + text[pos:]
        elif action == "delete":
            text = text[:pos] + text[pos + len(chunk) :]
        else:
            text = text[:pos] + chunk + text[pos + len(chunk) :]
    load_or_problems(text)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=6)
        | st.dictionaries(st.text(string.ascii_lowercase, max_size=8), children, max_size=6)
    ),
    max_leaves=60,
)


@settings(max_examples=400, deadline=None)
@given(json_like)
def test_any_yaml_structure_never_escapes(value: Any) -> None:
    load_or_problems(yaml.safe_dump(value, allow_unicode=True))
    load_or_problems(yaml.safe_dump({"id": "x", "title": "T", "entries": value}))


@settings(max_examples=200, deadline=None)
@given(
    depth=st.integers(1, 3000),
    opener=st.sampled_from(["[", "{a: ", "- ", "[{b: "]),
)
def test_deep_inputs_built_on_purpose_never_escape(depth: int, opener: str) -> None:
    if opener == "- ":
        text = "".join("  " * i + "-\n" for i in range(min(depth, 400)))
    else:
        text = opener * depth
    load_or_problems(text, SMALL)


@settings(max_examples=100, deadline=None)
@given(count=st.integers(100, 20_000), item=st.sampled_from(["1", "a", "{}", "[]", "'x'"]))
def test_large_inputs_built_on_purpose_never_escape(count: int, item: str) -> None:
    load_or_problems("entries: [" + ", ".join([item] * count) + "]", SMALL)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_report(raw: bytes) -> None:
    text, problems = decode_utf8(raw, "b.yaml")
    if text is None:
        assert len(problems) == 1 and "invalid UTF-8" in problems[0].message
    else:
        load_or_problems(text)


# ------------------------------------------------------------------ round trip

safe_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda s: not is_blank(s) and find_unsafe(s) is None and "\r" not in s and "\x85" not in s)
ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,15}", fullmatch=True)
tags = st.lists(
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,8}", fullmatch=True), unique=True, max_size=3
)
dates = st.builds(
    PartialDate.parse,
    st.dates().map(lambda d: d.isoformat())
    | st.integers(1, 9999).map(lambda y: f"{y:04d}")
    | st.tuples(st.integers(1, 9999), st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
)
common = {"tags": tags, "explanation": st.none() | safe_text, "source": st.none() | safe_text}


def entry(entry_id: str) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.builds(
            DateEntry,
            id=st.just(entry_id),
            kind=st.just("date"),
            event=safe_text,
            date=dates,
            **common,
        ),
        st.builds(
            FigureEntry,
            id=st.just(entry_id),
            kind=st.just("figure"),
            measure=safe_text,
            value=st.integers(-(10**6), 10**6) | st.floats(allow_nan=False, allow_infinity=False),
            unit=st.none() | safe_text,
            as_of=st.none() | dates,
            **common,
        ),
        st.builds(
            QuoteEntry,
            id=st.just(entry_id),
            kind=st.just("quote"),
            quote=safe_text,
            speaker=safe_text,
            speaker_aliases=st.lists(safe_text, max_size=3),
            context=st.none() | safe_text,
            **common,
        ),
        st.builds(
            QaEntry,
            id=st.just(entry_id),
            kind=st.just("qa"),
            prompt=safe_text,
            answer=safe_text,
            **common,
        ),
        st.builds(
            ClozeEntry,
            id=st.just(entry_id),
            kind=st.just("cloze"),
            text=st.tuples(safe_text, safe_text)
            .map(lambda t: f"{t[0]} {{{{{t[1]}}}}}")
            .filter(
                lambda s: (
                    s.count("{{") == 1 and s.count("}}") == 1 and s[s.index("{{") + 2 :].strip("} ")
                )
            ),
            **common,
        ),
        st.builds(
            ChoiceEntry,
            id=st.just(entry_id),
            kind=st.just("choice"),
            prompt=safe_text,
            answer=st.just("The answer"),
            distractors=st.lists(
                safe_text, min_size=1, max_size=3, unique_by=lambda s: s.strip().casefold()
            ).filter(lambda opts: all(o.strip().casefold() != "the answer" for o in opts)),
            **common,
        ),
        st.builds(
            OrderEntry,
            id=st.just(entry_id),
            kind=st.just("order"),
            events=st.lists(
                safe_text, min_size=2, max_size=4, unique_by=lambda s: s.strip().casefold()
            ),
            **common,
        ),
    )


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    entry_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    return Deck(
        id=draw(ids),
        title=draw(safe_text),
        description=draw(st.none() | safe_text),
        language=draw(st.sampled_from(["en", "ja", "pt-BR"])),
        document=draw(
            st.none() | st.builds(SourceDocument, title=safe_text, published=st.none() | dates)
        ),
        entries=[draw(entry(i)) for i in entry_ids],
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decks())
def test_model_to_yaml_to_load_is_unchanged(deck: Deck) -> None:
    text = dump_deck(deck)
    assert parse_deck(text, "rt.yaml") == deck
