"""Quiz questions: distractors that tempt but are never right, and scoring.

The big test builds 1,000 seeded exams from the bundled decks (plus a small
deck with every entry kind) and checks the invariants the issue asks for: the
answer is among the options exactly once, options are distinct, and no option
is equivalent to the answer by the answer checker.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.decks.loader import load_deck
from studyapp.core.decks.model import Deck, PartialDate
from studyapp.core.quiz.answers.dates import parse_date
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Mode, Target
from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.distractors import OPTION_COUNT, distractors
from studyapp.core.quiz.exam import ExamSpec, FormatMix, build_exam
from studyapp.core.quiz.questions import (
    FALSE,
    TRUE,
    Question,
    QuestionFormat,
    Variant,
    chronology_question,
    make_question,
    questions_for_deck,
    variants,
)
from studyapp.core.quiz.scoring import QuizResult, check_question, grade_answer, score_quiz

DECKS_DIR = Path(__file__).resolve().parents[3] / "decks"

KINDS: dict[str, Any] = {
    "id": "kinds",
    "title": "Every entry kind",
    "entries": [
        {
            "id": "d1",
            "kind": "date",
            "event": "Lee is elected",
            "date": "2025-06-03",
            "tags": ["dates", "lee"],
        },
        {
            "id": "d2",
            "kind": "date",
            "event": "Lee calls world leaders",
            "date": "2025-06-09",
            "tags": ["dates", "lee"],
        },
        {
            "id": "d3",
            "kind": "date",
            "event": "Lee meets Ishiba at the G7",
            "date": "2025-06-17",
            "tags": ["dates", "lee"],
        },
        {
            "id": "d4",
            "kind": "date",
            "event": "The comfort women agreement",
            "date": 2015,
            "tags": ["dates"],
        },
        {"id": "d5", "kind": "date", "event": "GSOMIA is signed", "date": 2016, "tags": ["dates"]},
        {
            "id": "d6",
            "kind": "date",
            "event": "The US-ROK alliance is redefined",
            "date": "2023-04",
            "tags": ["dates"],
        },
        {
            "id": "d7",
            "kind": "date",
            "event": "The Camp David Principles",
            "date": "2023-08",
            "tags": ["dates"],
        },
        {
            "id": "f1",
            "kind": "figure",
            "measure": "Progressives preferring cooperation",
            "value": 26.8,
            "unit": "%",
            "as_of": "2025-01",
            "tags": ["figures"],
        },
        {
            "id": "f2",
            "kind": "figure",
            "measure": "Progressives for the US-ROK alliance",
            "value": 26.6,
            "unit": "%",
            "as_of": "2025-01",
            "tags": ["figures"],
        },
        {
            "id": "f3",
            "kind": "figure",
            "measure": "Progressives for trilateral cooperation",
            "value": 55.1,
            "unit": "%",
            "as_of": "2025-01",
            "tags": ["figures"],
        },
        {
            "id": "f4",
            "kind": "figure",
            "measure": "Conservatives for cooperation",
            "value": 55.5,
            "unit": "%",
            "as_of": "2025-01",
            "tags": ["figures"],
        },
        {
            "id": "f5",
            "kind": "figure",
            "measure": "A distance with a tolerance",
            "value": 12.5,
            "unit": "km",
            "tolerance": 1,
            "tags": ["figures"],
        },
        {
            "id": "f6",
            "kind": "figure",
            "measure": "Position of Ishiba in the calls",
            "value": 2,
            "tags": ["figures"],
        },
        {"id": "f7", "kind": "figure", "measure": "A share of zero", "value": 0.0, "unit": "%"},
        {
            "id": "q1",
            "kind": "quote",
            "quote": "pragmatic diplomacy",
            "speaker": "Lee Jae-myung",
            "speaker_aliases": ["Lee", "President Lee"],
            "tags": ["quotes"],
            "source": "Prime Minister Ishiba Shigeru and former President Yoon Suk Yeol.",
        },
        {
            "id": "q2",
            "kind": "quote",
            "quote": "balanced diplomacy",
            "speaker": "Moon Jae-in",
            "speaker_aliases": ["Moon"],
            "tags": ["quotes"],
        },
        {
            "id": "qa1",
            "kind": "qa",
            "prompt": "What does IP4 stand for?",
            "answer": "Indo-Pacific Partners",
            "tags": ["terms"],
        },
        {
            "id": "qa2",
            "kind": "qa",
            "prompt": "Which term did Lee never mention?",
            "answer": "Indo-Pacific",
            "tags": ["terms"],
        },
        {
            "id": "qa3",
            "kind": "qa",
            "prompt": "Year of the Treaty on Basic Relations?",
            "answer": "1965",
            "tags": ["terms"],
        },
        {
            "id": "qa4",
            "kind": "qa",
            "prompt": "Who was first in Lee's calls?",
            "answer": "Donald Trump",
            "accept": ["Trump"],
        },
        {
            "id": "qa5",
            "kind": "qa",
            "prompt": "Share of conservatives for cooperation?",
            "answer": "55.5%",
        },
        {"id": "c1", "kind": "cloze", "text": "Taiwan is {{far away}}; the risk is {{low}}."},
        {"id": "c2", "kind": "cloze", "text": "The summit was held in {{Canada}}."},
        {
            "id": "ch1",
            "kind": "choice",
            "prompt": "Where was the G7 Summit?",
            "answer": "Canada",
            "distractors": ["Germany", "Italy", "Japan", "France"],
        },
        {
            "id": "ch2",
            "kind": "choice",
            "prompt": "Which year?",
            "answer": "2015",
            "distractors": ["2016"],
        },
        {"id": "o1", "kind": "order", "events": ["Murayama", "Kan", "Abe"]},
    ],
}


def _bundled() -> list[Deck]:
    paths = sorted(p for p in DECKS_DIR.glob("*.y*ml") if ".exam." not in p.name)
    return [load_deck(p) for p in paths]


@pytest.fixture(scope="module")
def kinds_deck() -> Deck:
    return Deck.model_validate(KINDS)


@pytest.fixture(scope="module")
def all_decks(kinds_deck: Deck) -> list[Deck]:
    return [*_bundled(), kinds_deck]


@pytest.fixture(scope="module")
def indexes(all_decks: list[Deck]) -> dict[str, AnswerKeyIndex]:
    return {d.id: AnswerKeyIndex(d) for d in all_decks}


def _assert_well_formed(question: Question) -> None:
    """The invariants every generated question keeps."""
    key = question.key
    fmt = question.format
    if fmt is QuestionFormat.CHOICE:
        options = question.options
        assert 2 <= len(options) <= OPTION_COUNT, question.id
        assert options.count(question.answer) == 1, question.id
        assert question.answer_index is not None
        assert options[question.answer_index] == question.answer
        assert len({fold(o) for o in options}) == len(options), (question.id, options)
        assert key.check(question.answer).outcome is Outcome.CORRECT, (question.id, question.answer)
        for option in options:
            if option != question.answer:
                verdict = key.check(option)
                assert verdict.outcome is Outcome.WRONG, (question.id, option, verdict.reason)
                assert not check_question(question, option).correct
        assert check_question(question, question.answer_index).correct
    elif fmt is QuestionFormat.TRUE_FALSE:
        assert question.options == (TRUE, FALSE)
        assert question.answer in (TRUE, FALSE)
        assert question.statement and question.statement in question.prompt
    elif fmt is QuestionFormat.ORDERING:
        assert sorted(question.options) == sorted(key.accept)
        assert list(question.options) != list(key.accept), question.id
        assert len(set(question.options)) == len(question.options)
        assert check_question(question, list(key.accept)).correct
    else:
        assert not question.options
        assert key.check(question.answer).outcome is Outcome.CORRECT, (question.id, question.answer)


def test_a_thousand_seeded_exams(all_decks: list[Deck], indexes: dict[str, AnswerKeyIndex]) -> None:
    spec = ExamSpec(
        id="property",
        title="Property",
        questions=20,
        formats=FormatMix(typed=1, choice=3, true_false=1, ordering=1),
    )
    seen: Counter[QuestionFormat] = Counter()
    truths: Counter[str] = Counter()
    for seed in range(1000):
        questions = build_exam(spec, all_decks, random.Random(seed), indexes=indexes)
        assert len(questions) == 20
        assert len({q.id for q in questions}) == 20
        for question in questions:
            _assert_well_formed(question)
            seen[question.format] += 1
            if question.format is QuestionFormat.TRUE_FALSE:
                truths[question.answer] += 1
    assert set(seen) == set(QuestionFormat)
    share_true = truths[TRUE] / (truths[TRUE] + truths[FALSE])
    assert 0.4 < share_true < 0.6  # a distractor is swapped in about half the time


def test_every_variant_of_every_entry(
    all_decks: list[Deck], indexes: dict[str, AnswerKeyIndex]
) -> None:
    rng = random.Random(5)
    for deck in all_decks:
        index = indexes[deck.id]
        for entry in deck.entries:
            for variant in variants(entry):
                question = make_question(entry, index, variant, rng)
                if question is None:
                    # Only options need peers: an entry whose answer has no other of its type
                    # in the deck is asked typed, never with an absurd option.
                    assert variant.format in (QuestionFormat.CHOICE, QuestionFormat.TRUE_FALSE)
                    wrong = distractors(entry, index, variant.target, rng, blank=variant.blank)
                    assert wrong == [], (deck.id, entry.id, variant, wrong)
                    continue
                _assert_well_formed(question)
                assert Question.from_dict(json.loads(json.dumps(question.to_dict()))) == question


def test_same_seed_same_questions(kinds_deck: Deck) -> None:
    first = [q.to_dict() for q in questions_for_deck(kinds_deck, random.Random(3))]
    again = [q.to_dict() for q in questions_for_deck(kinds_deck, random.Random(3))]
    other = [q.to_dict() for q in questions_for_deck(kinds_deck, random.Random(4))]
    assert first == again
    assert first != other


# ------------------------------------------------------------------ distractors


def _options(deck: Deck, entry_id: str, target: Target | None = None, seed: int = 1) -> Question:
    index = AnswerKeyIndex(deck)
    entry = next(e for e in deck.entries if e.id == entry_id)
    variant = next(
        v
        for v in variants(entry)
        if v.format is QuestionFormat.CHOICE and (target is None or v.target is target)
    )
    question = make_question(entry, index, variant, random.Random(seed))
    assert question is not None
    return question


def test_date_options_share_the_answers_precision(kinds_deck: Deck) -> None:
    for entry_id in ("d1", "d4", "d6"):
        question = _options(kinds_deck, entry_id)
        precisions = set()
        for option in question.options:
            readings, error = parse_date(option)
            assert error is None and len(readings) == 1
            year, month, day = readings[0]
            assert year is not None
            precisions.add(PartialDate(year, month, day).precision)
        assert len(precisions) == 1, question.options


def test_deck_dates_come_before_made_up_ones(kinds_deck: Deck) -> None:
    for seed in range(20):
        question = _options(kinds_deck, "d3", seed=seed)  # 17 June 2025
        assert {"3 June 2025", "9 June 2025"} <= set(question.options)


def test_figure_options_are_formatted_like_the_answer(kinds_deck: Deck) -> None:
    for seed in range(20):
        question = _options(kinds_deck, "f1", seed=seed)  # 26.8 %
        assert all(re.fullmatch(r"\d+\.\d%", o) for o in question.options), question.options
        assert "26.6%" in question.options  # same survey first
    zero = _options(kinds_deck, "f7")
    assert all(re.fullmatch(r"\d+\.\d%", o) for o in zero.options), zero.options


def test_tolerance_keeps_near_values_out(kinds_deck: Deck) -> None:
    for seed in range(20):
        question = _options(kinds_deck, "f5", seed=seed)  # 12.5 km ± 1
        for option in question.options:
            if option != question.answer:
                assert abs(float(option.removesuffix(" km")) - 12.5) > 1, question.options


def test_speaker_options_are_people(kinds_deck: Deck) -> None:
    question = _options(kinds_deck, "q1", Target.SPEAKER)
    assert "Moon Jae-in" in question.options
    people = {"Lee Jae-myung", "Moon Jae-in", "Ishiba Shigeru", "Yoon Suk Yeol", "Yoon"}
    assert set(question.options) <= people, question.options


def test_person_answers_get_people_as_options(kinds_deck: Deck) -> None:
    question = _options(kinds_deck, "qa4")  # Donald Trump
    others = [o for o in question.options if o != "Donald Trump"]
    assert "Trump" not in question.options  # an accepted alternative, never an option
    assert others and all(
        o in {"Lee Jae-myung", "Moon Jae-in", "Ishiba Shigeru", "Yoon Suk Yeol"} for o in others[:2]
    )


def test_numeric_and_date_free_text_answers_get_numeric_and_date_options(
    kinds_deck: Deck,
) -> None:
    year = _options(kinds_deck, "qa3")  # "1965"
    assert year.key.mode is Mode.DATE
    assert all(re.fullmatch(r"\d{4}", o) for o in year.options)
    share = _options(kinds_deck, "qa5")  # "55.5%"
    assert share.key.mode is Mode.NUMBER
    assert all(re.fullmatch(r"\d+\.\d%", o) for o in share.options), share.options


def test_author_distractors_are_used_first(kinds_deck: Deck) -> None:
    question = _options(kinds_deck, "ch1")
    assert set(question.options) <= {"Canada", "Germany", "Italy", "Japan", "France"}
    short = _options(kinds_deck, "ch2")  # one author distractor: padded from the deck
    assert "2016" in short.options and len(short.options) == OPTION_COUNT


def test_event_options_exclude_events_that_could_be_the_same_day(kinds_deck: Deck) -> None:
    deck = Deck.model_validate(
        {
            "id": "same-day",
            "title": "Same day",
            "entries": [
                {"id": "a", "kind": "date", "event": "A", "date": "2025-06-17"},
                {"id": "b", "kind": "date", "event": "B", "date": "2025-06-17"},
                {"id": "c", "kind": "date", "event": "C", "date": "2025-06"},
                {"id": "d", "kind": "date", "event": "D", "date": "2024-01-01"},
                {"id": "e", "kind": "date", "event": "E", "date": 2010},
            ],
        }
    )
    question = _options(deck, "a", Target.EVENT)
    assert not {"B", "C"} & set(question.options)
    assert set(question.options) == {"A", "D", "E"}


def test_distractors_respect_n(kinds_deck: Deck) -> None:
    index = AnswerKeyIndex(kinds_deck)
    entry = next(e for e in kinds_deck.entries if e.id == "f1")
    assert len(distractors(entry, index, Target.VALUE, random.Random(0), 1)) == 1
    assert len(distractors(entry, index, Target.VALUE, random.Random(0), 6)) == 6


def test_chronology_only_combines_certain_orders(kinds_deck: Deck) -> None:
    index = AnswerKeyIndex(kinds_deck)
    for seed in range(50):
        question = chronology_question(index, random.Random(seed))
        assert question is not None
        assert question.kind == "date" and len(question.entry_ids) == 4
        dates = [next(e for e in index.dates if e.id == i).date for i in question.entry_ids]
        keys = [(d.year, d.month or 0, d.day or 0) for d in dates]
        assert keys == sorted(keys) and len(set(keys)) == 4
    tiny = Deck.model_validate({**KINDS, "id": "tiny", "entries": KINDS["entries"][:2]})
    assert chronology_question(AnswerKeyIndex(tiny), random.Random(0)) is None


# -------------------------------------------------------------------- checking


def test_choice_answers_by_index_letter_number_or_text(kinds_deck: Deck) -> None:
    question = _options(kinds_deck, "ch1")
    i = question.answer_index
    assert i is not None
    letter = "abcd"[i]
    for given in (i, letter, letter.upper(), str(i + 1), question.answer, question.answer.upper()):
        assert check_question(question, given).correct, given
    wrong = (i + 1) % len(question.options)
    assert not check_question(question, wrong).correct
    assert check_question(question, "Canda").outcome is Outcome.CLOSE  # typed, judged by the key
    assert not check_question(question, None).correct
    assert check_question(question, "").reason == "not answered"


def test_true_false_answers(kinds_deck: Deck) -> None:
    index = AnswerKeyIndex(kinds_deck)
    entry = next(e for e in kinds_deck.entries if e.id == "f1")
    variant = Variant(Target.VALUE, QuestionFormat.TRUE_FALSE)
    questions = [make_question(entry, index, variant, random.Random(s)) for s in range(30)]
    answers = {q.answer for q in questions if q is not None}
    assert answers == {TRUE, FALSE}
    for question in questions:
        assert question is not None
        truth = question.answer == TRUE
        assert check_question(question, truth).correct
        assert check_question(question, "true" if truth else "F").correct
        assert not check_question(question, not truth).correct
        assert not check_question(question, "maybe").correct
        if not truth:
            assert question.solution.startswith("False: it is ")  # (shown after "Answer:")
            assert "26.8%" in question.solution
            assert "26.8%" not in (question.statement or "")


def test_ordering_answers(kinds_deck: Deck) -> None:
    index = AnswerKeyIndex(kinds_deck)
    entry = next(e for e in kinds_deck.entries if e.id == "o1")
    question = make_question(
        entry, index, Variant(Target.ORDER, QuestionFormat.ORDERING), random.Random(1)
    )
    assert question is not None
    right = [question.options.index(e) for e in ("Murayama", "Kan", "Abe")]
    assert check_question(question, right).correct
    assert check_question(question, "Murayama\nKan\nAbe").correct
    assert not check_question(question, list(reversed(right))).correct


def test_typed_answers_use_the_checker(kinds_deck: Deck) -> None:
    index = AnswerKeyIndex(kinds_deck)
    entry = next(e for e in kinds_deck.entries if e.id == "f1")
    question = make_question(
        entry, index, Variant(Target.VALUE, QuestionFormat.TYPED), random.Random(0)
    )
    assert question is not None
    assert "[answer in %]" in question.prompt
    assert check_question(question, "26.8 percent").correct
    assert check_question(question, "26.6").outcome is Outcome.WRONG


# --------------------------------------------------------------------- scoring


def _attempt(kinds_deck: Deck) -> tuple[list[Question], QuizResult]:
    index = AnswerKeyIndex(kinds_deck)
    entries = {e.id: e for e in kinds_deck.entries}
    questions = [
        make_question(
            entries["f1"], index, Variant(Target.VALUE, QuestionFormat.TYPED), random.Random(0)
        ),
        make_question(
            entries["d3"], index, Variant(Target.DATE, QuestionFormat.TYPED), random.Random(0)
        ),
        make_question(
            entries["q1"], index, Variant(Target.SPEAKER, QuestionFormat.TYPED), random.Random(0)
        ),
        make_question(
            entries["qa1"], index, Variant(Target.ANSWER, QuestionFormat.TYPED), random.Random(0)
        ),
    ]
    assert all(q is not None for q in questions)
    qs = [q for q in questions if q is not None]
    results = [
        grade_answer(qs[0], "26.8%", 4.5),
        grade_answer(qs[1], "June 2025", 10.0),  # close: the day is missing
        grade_answer(qs[2], "Moon", 3.0),  # wrong: another speaker
    ]  # the fourth is not answered
    result = score_quiz(
        qs,
        results,
        title="Practice",
        pass_mark=60,
        exam_id="practice",
        taken_at=dt.datetime(2025, 7, 1, 9, 30, tzinfo=dt.UTC),
    )
    return qs, result


def test_score_breakdown_and_missed(kinds_deck: Deck) -> None:
    _, result = _attempt(kinds_deck)
    assert result.max_points == 4
    assert result.points == pytest.approx(1.5)
    assert result.score == pytest.approx(37.5)
    assert not result.passed
    assert result.seconds == pytest.approx(17.5)
    assert result.by_kind["figure"].correct == 1
    assert result.by_kind["date"].close == 1
    assert result.by_kind["quote"].wrong == 1
    assert result.by_kind["qa"].wrong == 1
    assert result.by_tag["dates"].score == pytest.approx(50.0)
    assert result.by_format["typed"].questions == 4
    missed = result.missed
    assert [m.kind for m in missed] == ["date", "quote", "qa"]
    assert missed[1].answer == "Lee Jae-myung" and missed[1].given == "Moon"
    assert missed[1].source and "Ishiba" in missed[1].source
    assert missed[2].given is None and missed[2].reason == "not answered"
    assert result.missed_entries() == [("kinds", "d3"), ("kinds", "q1"), ("kinds", "qa1")]


def test_results_round_trip_through_json(kinds_deck: Deck) -> None:
    _, result = _attempt(kinds_deck)
    text = json.dumps(result.to_dict())
    again = QuizResult.from_dict(json.loads(text))
    assert again == result
    assert again.taken_at == dt.datetime(2025, 7, 1, 9, 30, tzinfo=dt.UTC)


def test_pass_mark_and_close_credit(kinds_deck: Deck) -> None:
    qs, _ = _attempt(kinds_deck)
    perfect = [grade_answer(q, q.answer) for q in qs]
    result = score_quiz(qs, perfect, title="t", pass_mark=100)
    assert result.passed and result.score == 100
    generous = [grade_answer(qs[1], "June 2025", close_credit=1.0)]
    assert generous[0].credit == 1.0
    empty = score_quiz([], [], title="t", pass_mark=0)
    assert not empty.passed and empty.score == 0


def test_self_graded_and_long_answers_are_not_asked_typed() -> None:
    """A quiz cannot check a definition word for word either: choice and true/false only."""
    from studyapp.core.decks.model import Deck
    from studyapp.core.quiz.questions import QuestionFormat, variants

    long_answer = "the set of processes by which a cell turns nutrients into energy and waste"
    deck = Deck.model_validate(
        {
            "id": "bio",
            "title": "Bio",
            "entries": [
                {
                    "id": "long",
                    "kind": "qa",
                    "prompt": "What is metabolism?",
                    "answer": long_answer,
                },
                {
                    "id": "chosen",
                    "kind": "qa",
                    "prompt": "Define osmosis.",
                    "answer": "diffusion",
                    "check": "self",
                },
                {
                    "id": "short",
                    "kind": "qa",
                    "prompt": "Powerhouse of the cell?",
                    "answer": "mitochondria",
                },
            ],
        }
    )
    formats = {e.id: {v.format for v in variants(e)} for e in deck.entries}
    assert QuestionFormat.TYPED not in formats["long"]
    assert QuestionFormat.TYPED not in formats["chosen"]
    assert QuestionFormat.TYPED in formats["short"]
