"""The exports' per-deck shortcuts (GUIDs from one copied hash, note fields escaped once
per note, card ordinals without a generator, entries grouped in one pass) give what the
plain per-field way gives."""

from __future__ import annotations

import hashlib
import itertools

import genanki  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.authoring.export.anki import (
    _fields,
    _h,
    _models,
    _Note,
    _shuffled,
    note_guid,
    note_guids,
)
from studyapp.core.authoring.export.anki_package import _CardOrds
from studyapp.core.authoring.export.markdown import to_markdown
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import Deck

TEXT = st.text(alphabet=st.sampled_from(list("ab é😀&<>\"'{}\n\t\\`*_[]|#~!=+-@;,")), max_size=8)
WORDS = TEXT.map(lambda t: "w" + t)  # (deck text must not be empty or blank)


@given(st.lists(st.text(max_size=12), max_size=8), st.text(max_size=12))
def test_guids_of_a_deck_are_each_entrys_guid(entry_ids: list[str], deck_id: str) -> None:
    expected = [genanki.guid_for("studyapp", deck_id, e) for e in entry_ids]
    assert note_guids(deck_id, entry_ids) == expected
    assert [note_guid(deck_id, e) for e in entry_ids] == expected


@given(st.lists(st.text(min_size=1, max_size=6), min_size=2, max_size=6, unique=True), TEXT)
def test_shuffled_order_is_the_seeded_hash_order(items: list[str], seed: str) -> None:
    def key(item: str) -> str:
        return hashlib.sha256(f"{seed}\x1f{item}".encode()).hexdigest()

    plain = sorted(items, key=key)
    if plain == items:
        plain = [*plain[1:], plain[0]]
    assert _shuffled(items, seed) == plain


def _deck(entry: dict[str, object]) -> Deck:
    return Deck.model_validate({"id": "d", "title": "T", "entries": [{"id": "e", **entry}]})


@settings(max_examples=60)
@given(WORDS, WORDS, st.lists(WORDS, max_size=3), st.none() | WORDS, st.none() | WORDS)
def test_text_only_fields_are_each_escaped(
    prompt: str, answer: str, accept: list[str], source: str | None, note: str | None
) -> None:
    extra = {"source": source, "explanation": note}
    decks = [
        _deck({"kind": "qa", "prompt": prompt, "answer": answer, "accept": accept, **extra}),
        _deck({"kind": "qa", "prompt": prompt, "answer": answer, "reverse": True, **extra}),
        _deck({"kind": "date", "event": prompt, "date": "1969-07-20", "prompt": answer, **extra}),
        _deck(
            {"kind": "quote", "quote": prompt, "speaker": answer, "speaker_aliases": accept}
            | {"context": note, "source": source}
        ),
        _deck({"kind": "figure", "measure": prompt, "value": 3.5, "accept": accept, **extra}),
    ]
    for deck in decks:
        (entry,) = deck.entries
        fields = _fields(deck, entry)
        tail = [_h(source), _h(note), "d/e"]
        if entry.kind == "qa":
            head = [_h(prompt), _h(answer), _h(", ".join(entry.accept))]
            if entry.reverse:
                head += ["1", "1"]
            assert fields == [*head, *tail]
        elif entry.kind == "quote":
            aliases = _h(", ".join(entry.speaker_aliases))
            who = [_h(prompt), _h(answer), aliases, _h(note)]
            assert fields == [*who, "1", "1", _h(source), "", "d/e"]
        elif entry.kind == "date":
            assert fields[0] == _h(prompt) and fields[2] == _h(answer) and fields[-3:] == tail
        else:
            assert fields[0] == _h(prompt) and fields[3] == _h(", ".join(accept))


def test_card_ordinals_are_genankis_for_every_pattern_of_empty_fields() -> None:
    for name, model in _models().items():
        if model.model_type == genanki.Model.CLOZE:
            continue
        ords = _CardOrds(model)
        for filled in itertools.product(["", "x"], repeat=len(model.fields)):
            note = _Note(model=model, fields=list(filled))
            expected = [card.ord for card in note.cards]
            assert list(ords(list(filled))) == expected, (name, filled)


def test_markdown_keeps_questions_and_choices_in_deck_order() -> None:
    deck = parse_deck(
        "id: m\ntitle: M\nentries:\n"
        "  - {id: a, kind: qa, prompt: First, answer: A}\n"
        "  - {id: b, kind: choice, prompt: Second, answer: B, distractors: [C]}\n"
        "  - {id: d2, kind: date, event: Later, date: 2001}\n"
        "  - {id: c, kind: qa, prompt: Third, answer: D}\n"
        "  - {id: d1, kind: date, event: Earlier, date: 1999}\n",
        "m.yaml",
    )
    text = to_markdown(deck)
    assert "1. First  \n   **A**" in text
    assert "2. Second  \n   **B**" in text
    assert "3. Third  \n   **D**" in text
    assert text.index("Earlier") < text.index("Later")
