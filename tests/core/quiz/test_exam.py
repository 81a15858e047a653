"""Exam specs: strict validation, loading through the hardened loader, building exams."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from studyapp.core.decks.loader import load_deck
from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.exam import (
    ExamError,
    ExamLoadError,
    ExamSpec,
    apportion,
    assemble_exam,
    build_exam,
    exam_capacity,
    load_exam,
    parse_exam,
)
from studyapp.core.quiz.questions import QuestionFormat

DECKS_DIR = Path(__file__).resolve().parents[3] / "decks"
F = QuestionFormat


def _dates(n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"d{i}",
            "kind": "date",
            "event": f"Event {i}",
            "date": 1990 + i,
            "tags": ["dates", "even" if i % 2 == 0 else "odd"],
        }
        for i in range(n)
    ]


def _figures(n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"f{i}",
            "kind": "figure",
            "measure": f"Share {i}",
            "value": 10.5 + 3 * i,
            "unit": "%",
            "tags": ["figures"],
        }
        for i in range(n)
    ]


DECK_A = Deck.model_validate(
    {
        "id": "deck-a",
        "title": "A",
        "entries": [
            *_dates(10),
            *_figures(8),
            {
                "id": "order",
                "kind": "order",
                "events": ["first", "second", "third"],
                "tags": ["dates"],
            },
        ],
    }
)
DECK_B = Deck.model_validate(
    {
        "id": "deck-b",
        "title": "B",
        "entries": [
            {"id": "qa1", "kind": "qa", "prompt": "Capital of Japan?", "answer": "Tokyo"},
            {"id": "qa2", "kind": "qa", "prompt": "Capital of Korea?", "answer": "Seoul"},
            {"id": "qa3", "kind": "qa", "prompt": "Capital of Canada?", "answer": "Ottawa"},
        ],
    }
)


def _spec(**fields: Any) -> ExamSpec:
    base: dict[str, Any] = {"id": "exam", "title": "Exam", "seed": 1}
    return ExamSpec.model_validate(base | fields)


# ------------------------------------------------------------------- validation


def test_defaults() -> None:
    spec = ExamSpec(id="e", title="E")
    assert spec.questions == 20
    assert spec.pass_mark == 70
    assert spec.feedback == "end"
    assert spec.seed is None and spec.time_limit_seconds is None
    assert spec.formats.weights()[F.CHOICE] == 2
    assert _spec(time_limit_minutes=15).time_limit_seconds == 900


@pytest.mark.parametrize(
    "fields",
    [
        {"questions": "20"},  # strict: no text for numbers
        {"questions": 0},
        {"questions": 501},
        {"pass_mark": 101},
        {"pass_mark": -1},
        {"feedback": "later"},
        {"kinds": ["essay"]},
        {"formats": {"typed": 0, "choice": 0}},
        {"formats": {"multiple": 1}},
        {"formats": {"choice": -1}},
        {"tags": ["a", "a"]},
        {"tags": ["a"], "exclude_tags": ["a"]},
        {"decks": ["Not An Id"]},
        {"time_limit_minutes": 0},
        {"seed": 1.5},
        {"colour": "blue"},
        {"close_credit": 2},
    ],
)
def test_invalid_specs_are_refused(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        _spec(**fields)


def test_spec_is_frozen() -> None:
    spec = _spec()
    with pytest.raises(ValidationError):
        spec.questions = 3  # type: ignore[misc]


EXAM_YAML = """\
# yaml-language-server: $schema=../schema/exam.schema.json
id: lee-midterm
title: Lee Jae-myung's diplomacy — midterm
decks: [lee-pragmatic-diplomacy]
questions: 20
formats: {typed: 1, choice: 2, true_false: 1, ordering: 1}
time_limit_minutes: 20
pass_mark: 70
feedback: end
seed: 2025
"""


def test_parse_exam_yaml() -> None:
    spec = parse_exam(EXAM_YAML, "midterm.exam.yaml")
    assert spec.id == "lee-midterm"
    assert spec.formats.weights() == {F.TYPED: 1, F.CHOICE: 2, F.TRUE_FALSE: 1, F.ORDERING: 1}
    assert spec.time_limit_seconds == 1200 and spec.seed == 2025


def test_exam_yaml_problems_have_positions() -> None:
    bad = EXAM_YAML.replace("questions: 20", "questions: lots").replace(
        "feedback: end", "feedbak: end"
    )
    with pytest.raises(ExamLoadError) as caught:
        parse_exam(bad, "midterm.exam.yaml")
    text = str(caught.value)
    assert "midterm.exam.yaml:5:" in text and "questions" in text
    assert "feedbak" in text and "did you mean 'feedback'" in text


def test_load_exam_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "midterm.exam.yaml"
    path.write_text(EXAM_YAML, encoding="utf-8")
    assert load_exam(path).title.startswith("Lee Jae-myung")
    path.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(ExamLoadError):
        load_exam(path)


def test_exam_yaml_refuses_unsafe_yaml() -> None:
    with pytest.raises(ExamLoadError):
        parse_exam("id: e\ntitle: !!python/object/apply:os.system ['true']\n")


# --------------------------------------------------------------------- building


@pytest.mark.parametrize("total", [1, 5, 20, 23, 100])
def test_apportion(total: int) -> None:
    weights = {F.TYPED: 1, F.CHOICE: 2, F.TRUE_FALSE: 1, F.ORDERING: 0}
    counts = apportion(total, weights)
    assert sum(counts.values()) == total
    assert counts[F.ORDERING] == 0
    assert counts[F.CHOICE] >= counts[F.TYPED] >= counts[F.CHOICE] // 2 - 1
    assert apportion(20, weights) == {F.TYPED: 5, F.CHOICE: 10, F.TRUE_FALSE: 5, F.ORDERING: 0}


def test_build_follows_the_format_mix() -> None:
    spec = _spec(questions=12, formats={"typed": 1, "choice": 2, "true_false": 1})
    questions = build_exam(spec, [DECK_A])
    assert len(questions) == 12
    assert Counter(q.format for q in questions) == {F.CHOICE: 6, F.TYPED: 3, F.TRUE_FALSE: 3}


def test_no_entry_is_asked_twice_while_others_remain() -> None:
    spec = _spec(questions=15, formats={"typed": 1, "choice": 1, "true_false": 1})
    questions = build_exam(spec, [DECK_A])
    entries = [q.entry_id for q in questions]
    assert len(entries) == len(set(entries))


def test_same_seed_same_exam_for_everyone() -> None:
    spec = _spec(questions=10, formats={"typed": 1, "choice": 1, "true_false": 1, "ordering": 1})
    first = [q.to_dict() for q in build_exam(spec, [DECK_A, DECK_B])]
    # the caller's rng (and the deck order) do not matter when the spec has a seed
    again = [q.to_dict() for q in build_exam(spec, [DECK_B, DECK_A], random.Random(99))]
    assert first == again
    other = [q.to_dict() for q in build_exam(spec.model_copy(update={"seed": 2}), [DECK_A])]
    assert first != other


def test_without_a_seed_the_rng_decides() -> None:
    spec = ExamSpec(id="e", title="E", questions=5)
    with pytest.raises(ExamError, match="no seed"):
        build_exam(spec, [DECK_A])
    a = [q.id for q in build_exam(spec, [DECK_A], random.Random(1))]
    b = [q.id for q in build_exam(spec, [DECK_A], random.Random(1))]
    assert a == b


def test_filters_decks_tags_and_kinds() -> None:
    only_b = build_exam(_spec(decks=["deck-b"], questions=3), [DECK_A, DECK_B])
    assert {q.deck_id for q in only_b} == {"deck-b"}
    figures = build_exam(_spec(kinds=["figure"], questions=8), [DECK_A, DECK_B])
    assert {q.kind for q in figures} == {"figure"}
    even = build_exam(_spec(tags=["even"], questions=5, formats={"choice": 1}), [DECK_A, DECK_B])
    assert all(int(q.entry_id.removeprefix("d")) % 2 == 0 for q in even)
    no_dates = build_exam(_spec(exclude_tags=["dates"], questions=5), [DECK_A])
    assert all(q.kind == "figure" for q in no_dates)


def test_ordering_uses_order_entries_and_chronologies() -> None:
    spec = _spec(questions=3, formats={"ordering": 1})
    questions = build_exam(spec, [DECK_A])
    assert len(questions) == 3  # one order entry, two chronologies of ten dates
    assert all(q.format is F.ORDERING for q in questions)
    assert {q.kind for q in questions} == {"order", "date"}
    chronologies = [q for q in questions if q.kind == "date"]
    assert not set(chronologies[0].entry_ids) & set(chronologies[1].entry_ids)


def test_a_format_that_runs_dry_is_made_up_by_the_others() -> None:
    spec = _spec(questions=6, formats={"ordering": 5, "typed": 1}, kinds=["qa"])
    questions = build_exam(spec, [DECK_B])
    assert len(questions) == 3  # qa cannot be ordered; three typed questions are all there is
    assert {q.format for q in questions} == {F.TYPED}


def test_asking_for_more_than_exists_gives_what_exists() -> None:
    spec = _spec(questions=50, formats={"typed": 1}, decks=["deck-b"])
    assert len(build_exam(spec, [DECK_B])) == 3


def test_build_errors() -> None:
    with pytest.raises(ExamError, match="not loaded: deck-z"):
        build_exam(_spec(decks=["deck-z"]), [DECK_A])
    with pytest.raises(ExamError, match="no entries match"):
        build_exam(_spec(tags=["nothing"]), [DECK_A])
    with pytest.raises(ExamError, match="two decks"):
        build_exam(_spec(), [DECK_A, DECK_A])


def test_indexes_can_be_reused() -> None:
    index = {"deck-a": AnswerKeyIndex(DECK_A)}
    spec = _spec(questions=8)
    assert [q.id for q in build_exam(spec, [DECK_A], indexes=index)] == [
        q.id for q in build_exam(spec, [DECK_A])
    ]


def test_unshuffled_exams_group_by_format() -> None:
    spec = _spec(questions=8, shuffle=False, formats={"typed": 1, "choice": 1})
    formats = [q.format for q in build_exam(spec, [DECK_A])]
    assert formats == sorted(formats, key=list(QuestionFormat).index)


def test_the_article_exam() -> None:
    """The 20-question mixed exam on the bundled article deck builds, and is the same each time."""
    deck_path = DECKS_DIR / "lee-pragmatic-diplomacy.yaml"
    if not deck_path.exists():
        pytest.skip("the article deck is not bundled")
    deck = load_deck(deck_path)
    shipped = sorted(DECKS_DIR.glob("*.exam.y*ml"))
    spec = load_exam(shipped[0]) if shipped else parse_exam(EXAM_YAML)
    questions = build_exam(spec, [deck])
    assert len(questions) == spec.questions
    assert {q.format for q in questions} == set(QuestionFormat) or not spec.formats.ordering
    assert [q.id for q in build_exam(spec, [deck])] == [q.id for q in questions]


# ------------------------------------------------------------- never repeat


def test_an_exam_never_asks_an_entry_twice() -> None:
    """Three qa entries cannot make nine questions: asking one twice (typed, then as a
    choice) gives the first answer away. The exam is as long as the decks allow, and says so."""
    spec = _spec(questions=10, formats={"typed": 1, "choice": 1, "true_false": 1})
    built = assemble_exam(spec, [DECK_B])
    entries = [e for q in built.questions for e in q.entry_ids]
    assert len(entries) == len(set(entries)) == 3
    assert built.capacity == exam_capacity(spec, [DECK_B]) == 3
    assert built.note == (
        "This exam asks for 10 questions, but its decks hold only 3 without repeating one, "
        "so it has 3."
    )
    assert [q.id for q in build_exam(spec, [DECK_B])] == [q.id for q in built.questions]


@pytest.mark.parametrize(
    "formats",
    [
        {"typed": 1, "choice": 2, "true_false": 1, "ordering": 1},
        {"ordering": 1},
        {"choice": 1},
    ],
)
def test_every_length_up_to_the_capacity_is_built_without_repeats(formats: dict[str, int]) -> None:
    capacity = exam_capacity(_spec(formats=formats), [DECK_A, DECK_B])
    assert capacity > 0
    for total in (1, capacity // 2, capacity - 1, capacity, capacity + 7):
        if total < 1:
            continue
        for seed in range(5):
            spec = _spec(questions=total, formats=formats, seed=seed)
            built = assemble_exam(spec, [DECK_A, DECK_B])
            entries = [(q.deck_id, e) for q in built.questions for e in q.entry_ids]
            assert len(entries) == len(set(entries)), (total, seed)
            assert len(built.questions) == min(total, capacity), (formats, total, seed)
            assert (built.note is None) == (total <= capacity)


def test_the_bundled_exam_fits_its_deck() -> None:
    deck = load_deck(DECKS_DIR / "lee-pragmatic-diplomacy.yaml")
    spec = load_exam(DECKS_DIR / "lee-pragmatic-diplomacy.exam.yaml")
    assert exam_capacity(spec, [deck]) >= spec.questions
    assert assemble_exam(spec, [deck]).note is None
