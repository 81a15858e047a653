"""Multiple-choice options a walk-through of the bundled exam found wanting (session 18).

A question that says "the Japanese leader" names Japan; a two-option question is a coin
toss (and two questions offered each other's answers as their only wrong one); a small
figure got two or three options for lack of near values; a "which two ...?" question
offered single things beside the only pair; a quote's speaker had no peer where the deck's
"who ...?" questions name people. Each is checked on the bundled deck and on a small deck
written here, for many seeds.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.decks.loader import load_deck
from studyapp.core.decks.model import AnyEntry, Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.distractors import MIN_WRONG, distractors
from studyapp.core.quiz.exam import assemble_exam, load_exam
from studyapp.core.quiz.gazetteer import country_code, find_countries, find_nationalities
from studyapp.core.quiz.questions import (
    Question,
    QuestionFormat,
    Variant,
    make_question,
    variants,
)

DECKS = Path(__file__).resolve().parents[3] / "decks"
ARTICLE = DECKS / "lee-pragmatic-diplomacy.yaml"
EXAM = DECKS / "lee-pragmatic-diplomacy.exam.yaml"
SEEDS = range(40)


@pytest.fixture(scope="module")
def article() -> tuple[Deck, AnswerKeyIndex]:
    deck = load_deck(ARTICLE)
    return deck, AnswerKeyIndex(deck)


def _entry(deck: Deck, entry_id: str) -> AnyEntry:
    return next(e for e in deck.entries if e.id == entry_id)


def _choice(index: AnswerKeyIndex, entry: AnyEntry, seed: int, target: Target | None = None):
    variant = next(
        v
        for v in variants(entry)
        if v.format is QuestionFormat.CHOICE and (target is None or v.target is target)
    )
    return make_question(entry, index, variant, random.Random(seed))


def _deck(entries: list[dict[str, Any]]) -> tuple[Deck, AnswerKeyIndex]:
    deck = Deck.model_validate({"id": "small", "title": "Small", "entries": entries})
    return deck, AnswerKeyIndex(deck)


def _qa(i: str, prompt: str, answer: str) -> dict[str, Any]:
    return {"id": i, "kind": "qa", "prompt": prompt, "answer": answer}


# ------------------------------------------------------------ 1. nationalities


def test_a_nationality_names_its_country() -> None:
    assert find_nationalities("before speaking to the Japanese leader") == ["JP"]
    assert find_nationalities("the South Korean and North Korean leaders") == ["KR", "KP"]
    assert find_nationalities("American and Chinese officials") == ["US", "CN"]
    assert find_nationalities("Korean") == ["KR"]
    # lower case is a word, not a nationality; country names are find_countries' work
    assert find_nationalities("japanese knotweed, us, Japan") == []


def test_pycountry_has_no_demonyms_so_the_table_is_ours() -> None:
    """Why a table: the registry's country data has names and codes only."""
    import pycountry

    japan = pycountry.countries.get(alpha_2="JP")
    assert japan is not None and not hasattr(japan, "demonym")
    assert find_countries("the Japanese leader") == []


def test_no_option_names_the_country_the_question_names_by_nationality(
    article: tuple[Deck, AnswerKeyIndex],
) -> None:
    """Q20: "... before speaking to the Japanese leader?" never offers "... and Japan"."""
    deck, index = article
    entry = _entry(deck, "qa-moon-first-calls")
    for seed in SEEDS:
        question = _choice(index, entry, seed)
        assert question is not None and len(question.options) == 4
        for option in question.options:
            assert "JP" not in find_countries(option), (seed, question.options)


def test_a_nationality_in_a_small_decks_question_keeps_its_country_out() -> None:
    deck, index = _deck(
        [
            _qa("calls", "Which country hosted the summit after the French one?", "Germany"),
            _qa("a", "Where did they meet?", "France"),
            _qa("b", "Who hosted?", "Italy"),
            _qa("c", "Who else came?", "Spain"),
            _qa("d", "And then?", "Poland"),
        ]
    )
    for seed in SEEDS:
        question = _choice(index, _entry(deck, "calls"), seed)
        assert question is not None
        assert "France" not in question.options, (seed, question.options)


# ------------------------------------------------------------ 2. enough options


def _choices(deck: Deck, index: AnswerKeyIndex, seed: int) -> list[Question]:
    rng = random.Random(seed)
    out = []
    for entry in deck.entries:
        for variant in variants(entry):
            if variant.format is QuestionFormat.CHOICE:
                question = make_question(entry, index, variant, rng)
                if question is not None:
                    out.append(question)
    return out


def test_no_question_of_the_bundled_deck_has_two_options(
    article: tuple[Deck, AnswerKeyIndex],
) -> None:
    deck, index = article
    for seed in range(8):
        for question in _choices(deck, index, seed):
            assert len(question.options) >= MIN_WRONG + 1, (seed, question.id, question.options)


def test_the_bundled_exam_has_four_options_to_every_choice_question(
    article: tuple[Deck, AnswerKeyIndex],
) -> None:
    """Q19 had two options; the 300-seed sample had 2- and 3-option questions."""
    deck, index = article
    spec = load_exam(EXAM)
    for seed in range(30):
        built = assemble_exam(
            spec.model_copy(update={"seed": seed}), [deck], indexes={deck.id: index}
        )
        assert len(built.questions) == spec.questions
        for question in built.questions:
            if question.format is QuestionFormat.CHOICE:
                assert len(question.options) == 4, (seed, question.id, question.options)


@pytest.mark.parametrize(
    "entry_id",
    [
        "qa-lee-trump-drawdown",  # each had the other's answer as its only wrong option
        "qa-lee-fighting-and-winning",
        "qa-pragmatic-diplomacy-test",  # Q19: two options
        "qa-polarization-predecessor-initiatives",  # "what can be very difficult ...": two
    ],
)
def test_an_entry_with_one_wrong_option_is_not_multiple_choice(
    article: tuple[Deck, AnswerKeyIndex], entry_id: str
) -> None:
    deck, index = article
    entry = _entry(deck, entry_id)
    for seed in range(10):
        assert _choice(index, entry, seed) is None
    # ... but one wrong option still makes a false true/false statement
    assert len(distractors(entry, index, Target.ANSWER, random.Random(0), 1)) == 1
    tf = Variant(Target.ANSWER, QuestionFormat.TRUE_FALSE)
    assert make_question(entry, index, tf, random.Random(0)) is not None


def test_two_answers_of_a_shape_are_not_offered_as_each_others_only_option() -> None:
    deck, index = _deck(
        [
            _qa("a", "What did the minister fear?", "That the talks would collapse"),
            _qa("b", "What did the envoy say?", "That a deal was within reach"),
            _qa("c", "Who chaired?", "The host"),
        ]
    )
    for seed in SEEDS:
        assert _choice(index, _entry(deck, "a"), seed) is None
        assert distractors(_entry(deck, "a"), index, Target.ANSWER, random.Random(seed)) == []


def test_an_authors_short_list_is_still_asked_as_written() -> None:
    deck, index = _deck(
        [
            {
                "id": "pick",
                "kind": "choice",
                "prompt": "Which base pairs with adenine in DNA?",
                "answer": "Thymine",
                "distractors": ["Uracil"],
            }
        ]
    )
    question = _choice(index, _entry(deck, "pick"), 0)
    assert question is not None and set(question.options) == {"Thymine", "Uracil"}


@pytest.mark.parametrize("entry_id", ["fig-ishiba-call-position", "fig-yoon-administration-years"])
def test_a_small_figure_gets_a_full_set_of_options(
    article: tuple[Deck, AnswerKeyIndex], entry_id: str
) -> None:
    """ "In what position ... Ishiba" (2) and "how many years ... Yoon" (3) had 2-3 options."""
    deck, index = article
    entry = _entry(deck, entry_id)
    for seed in range(100):
        question = _choice(index, entry, seed)
        assert question is not None and len(question.options) == 4, (seed, question)
        assert "1 years" not in question.options and "0" not in question.options


def test_the_next_steps_stay_in_a_percentages_range() -> None:
    deck, index = _deck(
        [{"id": "f", "kind": "figure", "measure": "Share who agree", "value": 99, "unit": "%"}]
    )
    for seed in SEEDS:
        question = _choice(index, _entry(deck, "f"), seed)
        assert question is not None and len(question.options) == 4
        assert all(float(o.rstrip("%")) <= 100 for o in question.options), question.options


# ------------------------------------------------------------ 3. the answer's shape


def test_a_question_asking_for_two_things_offers_no_single_things(
    article: tuple[Deck, AnswerKeyIndex],
) -> None:
    """ "Which two developments shaped ...?" offered one development beside the only pair:
    it is asked neither as multiple choice nor as a (visibly false) true/false."""
    deck, index = article
    entry = _entry(deck, "qa-global-alliance-shaped-by")
    for seed in range(10):
        assert distractors(entry, index, Target.ANSWER, random.Random(seed)) == []
        assert distractors(entry, index, Target.ANSWER, random.Random(seed), 1) == []


def test_a_small_deck_question_for_two_things_is_not_multiple_choice() -> None:
    deck, index = _deck(
        [
            _qa(
                "two",
                "Which two reforms shaped the new budget rules?",
                "The pension reform, and the new tax on fuel",
            ),
            _qa("a", "What ended the talks?", "A dispute over fishing rights"),
            _qa("b", "What began the crisis?", "The collapse of the main bank"),
            _qa("c", "What did the court block?", "The sale of the state airline"),
        ]
    )
    for seed in SEEDS:
        assert _choice(index, _entry(deck, "two"), seed) is None


def test_a_list_of_countries_still_gets_lists_of_countries(
    article: tuple[Deck, AnswerKeyIndex],
) -> None:
    deck, index = article
    entry = _entry(deck, "qa-moon-first-calls")
    for seed in range(10):
        question = _choice(index, entry, seed)
        assert question is not None
        for option in question.options:
            items = option.split(" and ")
            assert len(items) == 2 and all(country_code(i) for i in items), question.options


# ------------------------------------------------------------ speakers


def test_a_speaker_gets_the_people_the_decks_who_questions_name() -> None:
    deck, index = _deck(
        [
            {"id": "q1", "kind": "quote", "quote": "Nothing makes sense", "speaker": "Ada Byron"},
            {
                "id": "q2",
                "kind": "quote",
                "quote": "It is not the strongest",
                "speaker": "Cy Young",
            },
            _qa("who", "Who founded the study of heredity?", "Gregor Mendel"),
        ]
    )
    for seed in SEEDS:
        question = _choice(index, _entry(deck, "q1"), seed, Target.SPEAKER)
        assert question is not None
        assert set(question.options) == {"Ada Byron", "Cy Young", "Gregor Mendel"}
