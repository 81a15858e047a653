"""True/false statements that cannot be true of another entry.

A match report drafts five figures measured "Which minute" (one per goal). "Which
minute: 62." is true of one goal and false of another: a learner cannot judge it, and
the wrong option may be another entry's right answer. Such a statement is made from
the entry's own prompt, which says which one is meant.
"""

from __future__ import annotations

import random

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.questions import FALSE, TRUE, QuestionFormat, Variant, make_question

GOALS = [
    ("kane-first", "Kane scores his first goal from a penalty in the ____th minute.", 11),
    ("kane-second", "Kane heads in the winner in the ____th minute of stoppage time.", 91),
    ("baluta", "Baluta's shot is deflected into his own net in the ____th minute.", 54),
    ("lingard", "Lingard curls the ball into the top corner in the ____th minute", 36),
]


def _deck(extra: list[dict[str, object]] | None = None) -> Deck:
    entries: list[dict[str, object]] = [
        {"id": i, "kind": "figure", "measure": "Which minute", "prompt": p, "value": v}
        for i, p, v in GOALS
    ]
    entries += extra or []
    return Deck.model_validate({"id": "match", "title": "A match", "entries": entries})


def _statements(deck: Deck, entry_id: str) -> dict[str, set[str]]:
    index = AnswerKeyIndex(deck)
    entry = next(e for e in deck.entries if e.id == entry_id)
    variant = Variant(Target.VALUE, QuestionFormat.TRUE_FALSE)
    found: dict[str, set[str]] = {TRUE: set(), FALSE: set()}
    for seed in range(40):
        question = make_question(entry, index, variant, random.Random(seed))
        assert question is not None and question.statement is not None
        found[question.answer].add(question.statement)
    return found


def test_a_shared_measure_is_stated_through_the_entrys_own_prompt() -> None:
    found = _statements(_deck(), "baluta")
    assert found[TRUE] == {"Baluta's shot is deflected into his own net in the 54th minute."}
    assert found[FALSE]
    for statement in found[FALSE]:
        assert statement.startswith("Baluta's shot is deflected into his own net in the ")
        assert "Which minute" not in statement and "54" not in statement


def test_a_shared_measure_without_a_gap_in_the_prompt_names_the_answer_after_it() -> None:
    found = _statements(_deck(), "lingard")  # (its prompt has a gap: the one without below)
    assert all(s.startswith("Lingard curls the ball") for s in found[TRUE] | found[FALSE])
    deck = _deck(
        [
            {
                "id": "no-gap",
                "kind": "figure",
                "measure": "Which minute",
                "prompt": "In which minute did Stones score?",
                "value": 40,
            }
        ]
    )
    found = _statements(deck, "no-gap")
    assert found[TRUE] == {"In which minute did Stones score? Answer: 40."}


def test_a_measure_of_its_own_is_stated_as_before() -> None:
    deck = _deck(
        [
            {
                "id": "crowd",
                "kind": "figure",
                "measure": "Spectators at the Volgograd Arena",
                "prompt": "How many watched in Volgograd?",
                "value": 41064,
            }
        ]
    )
    found = _statements(deck, "crowd")
    assert all(s.startswith("Spectators at the Volgograd Arena: ") for s in found[TRUE])
