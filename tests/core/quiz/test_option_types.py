"""Options are of the answer's type: an invariant over every generated question.

For the bundled article deck and for decks written here on other subjects
(history, biology), for many seeds, every multiple-choice option is of the
answer's semantic type (a country for a country, a person for a person, a
percentage of similar size, a date near the date at its precision, a quote by
another speaker), no option equals the answer, options are distinct, and every
false true/false statement asserts an option of the right type. Hypothesis
drives the same invariant with free text.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from studyapp.core.decks.loader import load_deck
from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answer_types import SemanticType, deck_names, question_type
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.gazetteer import country_code
from studyapp.core.quiz.questions import (
    FALSE,
    QuestionFormat,
    Variant,
    make_question,
    variants,
)
from tests.core.quiz.option_checks import check_question

ARTICLE = Path(__file__).resolve().parents[3] / "decks" / "lee-pragmatic-diplomacy.yaml"
SEEDS = range(25)


def _qa(i: str, prompt: str, answer: str, **more: Any) -> dict[str, Any]:
    return {"id": i, "kind": "qa", "prompt": prompt, "answer": answer, **more}


HISTORY: dict[str, Any] = {
    "id": "history",
    "title": "Modern European history",
    "entries": [
        {"id": "d-waterloo", "kind": "date", "event": "The Battle of Waterloo", "date": 1815},
        {
            "id": "d-bastille",
            "kind": "date",
            "event": "The storming of the Bastille",
            "date": "1789-07-14",
        },
        {
            "id": "d-versailles",
            "kind": "date",
            "event": "The Treaty of Versailles is signed",
            "date": "1919-06-28",
        },
        {"id": "d-wall", "kind": "date", "event": "The Berlin Wall falls", "date": "1989-11"},
        {"id": "d-un", "kind": "date", "event": "The United Nations is founded", "date": 1945},
        {"id": "d-ww1", "kind": "date", "event": "The First World War begins", "date": 1914},
        {
            "id": "f-turnout",
            "kind": "figure",
            "measure": "Turnout in the 1919 election",
            "value": 83.0,
            "unit": "%",
            "as_of": "1919",
        },
        {
            "id": "f-women",
            "kind": "figure",
            "measure": "Share of women voting in 1919",
            "value": 82.3,
            "unit": "%",
            "as_of": "1919",
        },
        {
            "id": "f-wall",
            "kind": "figure",
            "measure": "Length of the Berlin Wall",
            "value": 155,
            "unit": "km",
        },
        {
            "id": "q-churchill",
            "kind": "quote",
            "quote": "We shall fight on the beaches",
            "speaker": "Winston Churchill",
            "speaker_aliases": ["Churchill"],
        },
        {
            "id": "q-kennedy",
            "kind": "quote",
            "quote": "Ich bin ein Berliner",
            "speaker": "John F. Kennedy",
            "speaker_aliases": ["Kennedy", "JFK"],
        },
        {
            "id": "q-thatcher",
            "kind": "quote",
            "quote": "The lady's not for turning",
            "speaker": "Margaret Thatcher",
            "speaker_aliases": ["Thatcher"],
        },
        {
            "id": "q-churchill-2",
            "kind": "quote",
            "quote": "An iron curtain has descended",
            "speaker": "Winston Churchill",
        },
        _qa("qa-napoleon-invaded", "Which country did Napoleon invade in 1812?", "Russia"),
        _qa(
            "qa-versailles-host", "In which country was the Treaty of Versailles signed?", "France"
        ),
        _qa(
            "qa-wall-leader",
            "Which leader was told to tear down this wall?",
            "Mikhail Gorbachev",
            accept=["Gorbachev"],
        ),
        _qa(
            "qa-un-successor",
            "Which organisation did the United Nations replace?",
            "The League of Nations",
        ),
        _qa(
            "qa-allies",
            "Which two countries declared war on Germany in September 1939?",
            "The United Kingdom and France",
        ),
        _qa(
            "qa-marshall",
            "What was the Marshall Plan meant to do?",
            "To rebuild the economies of Western Europe",
        ),
        _qa("qa-lenin", "Who led the Bolsheviks in 1917?", "Vladimir Lenin", accept=["Lenin"]),
        {
            "id": "c-congress",
            "kind": "cloze",
            "text": "The Congress of {{Vienna}} redrew the map of Europe after {{Napoleon}} fell.",
        },
        {
            "id": "c-entente",
            "kind": "cloze",
            "text": "The Entente Cordiale joined {{France}} and {{the United Kingdom}} in 1904.",
        },
        {
            "id": "ch-capital",
            "kind": "choice",
            "prompt": "Which city was divided by a wall?",
            "answer": "Berlin",
            "distractors": ["Vienna", "Prague", "Warsaw"],
        },
    ],
}

BIOLOGY: dict[str, Any] = {
    "id": "biology",
    "title": "Cell biology",
    "entries": [
        _qa("qa-atp", "Which organelle makes most of a cell's ATP?", "The mitochondrion"),
        _qa("qa-dna", "Which molecule carries genetic information?", "DNA"),
        _qa(
            "qa-darwin",
            "Who proposed evolution by natural selection with Wallace?",
            "Charles Darwin",
            accept=["Darwin"],
        ),
        _qa(
            "qa-mendel",
            "Who founded the study of heredity with pea plants?",
            "Gregor Mendel",
            accept=["Mendel"],
        ),
        _qa(
            "qa-who",
            "Which organisation coordinates international public health?",
            "The World Health Organization",
            accept=["WHO"],
        ),
        _qa("qa-membrane", "What is a cell membrane made of?", "A phospholipid bilayer"),
        {
            "id": "f-water",
            "kind": "figure",
            "measure": "Share of water in the human body",
            "value": 60,
            "unit": "%",
        },
        {
            "id": "f-genes",
            "kind": "figure",
            "measure": "Human protein-coding genes",
            "value": 20000,
        },
        {
            "id": "f-cells",
            "kind": "figure",
            "measure": "Share of cells that are red blood cells",
            "value": 84,
            "unit": "%",
        },
        {
            "id": "d-dna",
            "kind": "date",
            "event": "The structure of DNA is published",
            "date": "1953-04-25",
        },
        {
            "id": "d-origin",
            "kind": "date",
            "event": "On the Origin of Species is published",
            "date": "1859-11-24",
        },
        {
            "id": "d-genome",
            "kind": "date",
            "event": "The human genome draft is announced",
            "date": "2000-06-26",
        },
        {
            "id": "q-dobzhansky",
            "kind": "quote",
            "quote": "Nothing in biology makes sense except in the light of evolution",
            "speaker": "Theodosius Dobzhansky",
        },
        {
            "id": "q-darwin",
            "kind": "quote",
            "quote": "It is not the strongest of the species that survives",
            "speaker": "Charles Darwin",
        },
        {
            "id": "c-photo",
            "kind": "cloze",
            "text": "{{Photosynthesis}} turns light into chemical energy in the {{chloroplast}}.",
        },
        {"id": "c-nucleus", "kind": "cloze", "text": "The {{nucleus}} holds the chromosomes."},
        {
            "id": "ch-base",
            "kind": "choice",
            "prompt": "Which base pairs with adenine in DNA?",
            "answer": "Thymine",
            "distractors": ["Cytosine", "Guanine", "Uracil"],
        },
    ],
}


def _decks() -> list[Deck]:
    decks = [Deck.model_validate(HISTORY), Deck.model_validate(BIOLOGY)]
    if ARTICLE.exists():
        decks.insert(0, load_deck(ARTICLE))
    return decks


@pytest.fixture(scope="module")
def decks() -> list[tuple[Deck, AnswerKeyIndex]]:
    return [(d, AnswerKeyIndex(d)) for d in _decks()]


_CHOICE_OR_TF = (QuestionFormat.CHOICE, QuestionFormat.TRUE_FALSE)


def test_every_option_of_every_question_is_of_the_answers_type(
    decks: list[tuple[Deck, AnswerKeyIndex]],
) -> None:
    asked = 0
    for deck, index in decks:
        for seed in SEEDS:
            rng = random.Random(seed)
            for entry in deck.entries:
                for variant in variants(entry):
                    if variant.format not in _CHOICE_OR_TF:
                        continue
                    question = make_question(entry, index, variant, rng)
                    if question is not None:
                        check_question(question, deck, index, (deck.id, entry.id, seed))
                        asked += 1
    assert asked > 2000  # most entries can still be asked with options


def test_most_entries_can_still_be_asked_with_options(
    decks: list[tuple[Deck, AnswerKeyIndex]],
) -> None:
    """Type-true options must not cost the quiz its multiple choice: a few entries whose
    answer has no peer in the deck are asked typed only, most keep their options."""
    for deck, index in decks:
        choice = [v for e in deck.entries for v in variants(e) if v.format is QuestionFormat.CHOICE]
        made = [
            make_question(e, index, v, random.Random(0))
            for e in deck.entries
            for v in variants(e)
            if v.format is QuestionFormat.CHOICE
        ]
        assert sum(q is not None for q in made) >= 0.75 * len(choice), deck.id


def _entry(deck: Deck, entry_id: str) -> Any:
    return next(e for e in deck.entries if e.id == entry_id)


def _choice(deck: Deck, index: AnswerKeyIndex, entry_id: str, seed: int, blank: int = 0) -> Any:
    entry = _entry(deck, entry_id)
    variant = next(
        v for v in variants(entry) if v.format is QuestionFormat.CHOICE and v.blank == blank
    )
    return make_question(entry, index, variant, random.Random(seed))


@pytest.mark.skipif(not ARTICLE.exists(), reason="the article deck is not bundled")
def test_the_issues_examples(decks: list[tuple[Deck, AnswerKeyIndex]]) -> None:
    """The absurd options the issue quotes are gone."""
    deck, index = decks[0]
    for seed in SEEDS:
        countries = _choice(deck, index, "qa-moon-first-calls", seed)  # two countries
        assert "A South Korean think tank" not in countries.options
        assert all(o.count(" and ") == 1 for o in countries.options), countries.options
        japan = _choice(deck, index, "cloze-polarization-japan-north-korea", seed)
        assert all(country_code(o) for o in japan.options), japan.options
        assert "North Korea" not in japan.options  # the other blank, already in the sentence
        think_tank = _choice(deck, index, "qa-east-asia-institute", seed)
        assert all(o.startswith(("A South Korean", "An South")) for o in think_tank.options)
        entry = _entry(deck, "qa-pacta-sunt-servanda")
        tf = make_question(entry, index, Variant(entry_target(entry), _TF), random.Random(seed))
        assert tf is None or "administration" not in (tf.statement or "")


_TF = QuestionFormat.TRUE_FALSE


def entry_target(entry: Any) -> Any:
    return variants(entry)[0].target


def test_the_history_decks_options_read_right(decks: list[tuple[Deck, AnswerKeyIndex]]) -> None:
    deck, index = next((d, i) for d, i in decks if d.id == "history")
    for seed in SEEDS:
        russia = _choice(deck, index, "qa-napoleon-invaded", seed)
        assert all(country_code(o) for o in russia.options), russia.options
        allies = _choice(deck, index, "qa-allies", seed)
        assert all(" and " in o for o in allies.options) and "Germany" not in str(allies.options)
        lenin = _choice(deck, index, "qa-lenin", seed)
        assert set(lenin.options) <= {
            "Vladimir Lenin",
            "Winston Churchill",
            "John F. Kennedy",
            "Margaret Thatcher",
            "Mikhail Gorbachev",
        }, lenin.options
        league = _choice(deck, index, "qa-un-successor", seed)
        assert "The United Nations" not in league.options  # named in the question
        quote = make_question(
            _entry(deck, "q-churchill"),
            index,
            next(
                v
                for v in variants(_entry(deck, "q-churchill"))
                if v.target.value == "quote" and v.format is QuestionFormat.CHOICE
            ),
            random.Random(seed),
        )
        assert quote is not None and "An iron curtain has descended" not in quote.options


def test_a_false_statement_never_asserts_an_answer_of_another_type(
    decks: list[tuple[Deck, AnswerKeyIndex]],
) -> None:
    for deck, index in decks:
        names = deck_names(index)
        for seed in SEEDS:
            for entry in deck.entries:
                for variant in variants(entry):
                    if variant.format is not _TF:
                        continue
                    question = make_question(entry, index, variant, random.Random(seed))
                    if question is None or question.answer != FALSE:
                        continue
                    like = question_type(entry, variant.target, question.key, names)
                    assert like.kind is not SemanticType.PHRASE or question.shown, question.id
                    check_question(question, deck, index, (deck.id, entry.id, seed))


# ------------------------------------------------------------------- hypothesis

_WORDS = (
    st.text(
        alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs"), max_codepoint=0x2FF),
        min_size=1,
        max_size=40,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
_PICKS = st.sampled_from(
    [
        "Japan",
        "the United States",
        "Brazil and Argentina",
        "NATO",
        "Charles Darwin",
        "A Danish newspaper",
        "the Baltic Sea",
        "1848",
        "12.5%",
        "To keep the peace",
        "That it failed",
        "low",
        "phospholipid bilayer",
        "Ada Lovelace",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=st.lists(st.one_of(_WORDS, _PICKS), min_size=2, max_size=8),
    blank=st.one_of(_WORDS, _PICKS),
    seed=st.integers(0, 2**16),
)
def test_free_text_answers_keep_the_invariant(answers: list[str], blank: str, seed: int) -> None:
    entries: list[dict[str, Any]] = [
        _qa(f"qa{i}", f"Who or what is number {i}?", a) for i, a in enumerate(answers)
    ]
    entries.append({"id": "cz", "kind": "cloze", "text": f"It was {{{{{blank}}}}} then."})
    entries.append({"id": "q1", "kind": "quote", "quote": answers[0], "speaker": "Ada Lovelace"})
    entries.append({"id": "q2", "kind": "quote", "quote": blank, "speaker": "Alan Turing"})
    try:
        deck = Deck.model_validate({"id": "free", "title": "Free", "entries": entries})
    except ValidationError:
        assume(False)
        raise
    index = AnswerKeyIndex(deck)
    rng = random.Random(seed)
    for entry in deck.entries:
        for variant in variants(entry):
            if variant.format in _CHOICE_OR_TF:
                question = make_question(entry, index, variant, rng)
                if question is not None:
                    check_question(question, deck, index, (entry.id, variant))
