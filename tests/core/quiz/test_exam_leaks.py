"""The exam builder never seats two questions where one shows the other's answer."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.decks.leaks import LeakFinder
from studyapp.core.decks.loader import load_deck
from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.exam import ExamSpec, assemble_exam, load_exam
from studyapp.core.quiz.exam_leaks import ASKED_TARGETS, question_texts
from studyapp.core.quiz.questions import Question

DECKS_DIR = Path(__file__).resolve().parents[3] / "decks"
SEEDS = range(300)


def _survey_deck() -> Deck:
    """The bundled deck's old fault: every share's prompt prints the survey's month."""
    shares: list[dict[str, Any]] = [
        {
            "id": f"share-{n}",
            "kind": "figure",
            "measure": f"Share of respondents who chose {topic}",
            "prompt": (
                f"In the East Asia Institute's January 2025 survey, what share chose {topic}?"
            ),
            "value": 10 + 7 * n,
            "unit": "%",
        }
        for n, topic in enumerate(["history issues", "cooperation", "security", "exchanges"])
    ]
    others: list[dict[str, Any]] = [
        {"id": f"year-{n}", "kind": "date", "event": f"Treaty number {n} is signed", "date": y}
        for n, y in enumerate([1965, 1998, 2015, 2018, 2023])
    ]
    when = {
        "id": "survey-date",
        "kind": "date",
        "event": "The East Asia Institute conducts its survey",
        "prompt": "When did the East Asia Institute conduct its survey?",
        "date": "2025-01",
    }
    return Deck.model_validate(
        {"id": "survey", "title": "Survey", "entries": [when, *shares, *others]}
    )


def _spec(**fields: Any) -> ExamSpec:
    return ExamSpec.model_validate({"id": "e", "title": "E", **fields})


def test_the_survey_date_and_a_question_printing_it_never_sit_together() -> None:
    deck = _survey_deck()
    spec = _spec(questions=6, formats={"typed": 1, "choice": 1})
    asked_date = with_a_share = 0
    for seed in SEEDS:
        built = assemble_exam(spec, [deck], random.Random(seed))
        ids = {e for q in built.questions for e in q.entry_ids}
        dated = any(
            q.entry_ids == ("survey-date",) and q.target.value == "date" for q in built.questions
        )
        shares = {e for e in ids if e.startswith("share-")}
        assert not (dated and shares), (seed, sorted(ids))
        asked_date += dated
        with_a_share += bool(shares)
        assert len(built.questions) == 6, seed  # the deck holds enough without the pair
    assert asked_date and with_a_share  # both are asked, in different sittings


def _givers(finder: LeakFinder, question: Question) -> set[str]:
    return {leak.taker for leak in finder.in_question(question.entry_ids, question_texts(question))}


def test_the_bundled_exam_never_gives_an_answer_away_for_any_seed() -> None:
    deck_path = DECKS_DIR / "lee-pragmatic-diplomacy.yaml"
    if not deck_path.exists():  # pragma: no cover - a copy without the article deck
        pytest.skip("the article deck is not bundled")
    deck = load_deck(deck_path)
    finder = LeakFinder(deck.entries)
    base = load_exam(DECKS_DIR / "lee-pragmatic-diplomacy.exam.yaml")
    spec = base.model_copy(update={"seed": None})
    indexes = {deck.id: AnswerKeyIndex(deck)}
    for seed in range(200):
        built = assemble_exam(spec, [deck], random.Random(seed), indexes=indexes)
        assert len(built.questions) == base.questions, (seed, built.note)
        givers = {q.id: _givers(finder, q) for q in built.questions}
        for one, other in itertools.permutations(built.questions, 2):
            if other.target in ASKED_TARGETS:
                shown = givers[one.id] & set(other.entry_ids)
                assert not shown, (seed, one.id, other.id, shown)
