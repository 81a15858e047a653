"""A question's result keeps the verdict's note, so the quiz never checks an answer again to
say what the checker found; result files written before the note was kept still load."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.authoring.gradebook import merge_files
from studyapp.core.decks.model import Deck
from studyapp.core.quiz import scoring
from studyapp.core.quiz.answers.verdict import Outcome, Verdict
from studyapp.core.quiz.exam import ExamSpec, FormatMix, build_exam
from studyapp.core.quiz.questions import Question
from studyapp.core.quiz.resultfile import load_result, result_document
from studyapp.core.quiz.results import read_result, save_result
from studyapp.core.quiz.scoring import QuizResult, check_question, grade_answer, score_quiz
from studyapp.core.quiz.sitting import Response, Sitting, score_sitting

WHEN = datetime(2027, 5, 3, 9, 0, tzinfo=UTC)


def _questions() -> list[Question]:
    deck = Deck.model_validate(
        {
            "id": "caps",
            "title": "Capitals",
            "entries": [
                {"id": "au", "kind": "qa", "prompt": "Canberra is the capital of?",
                 "answer": "Australia"},
                {"id": "kr", "kind": "qa", "prompt": "Seoul is the capital of?",
                 "answer": "South Korea"},
            ],
        }
    )  # fmt: skip
    spec = ExamSpec(id="caps", title="Caps", questions=2, formats=FormatMix(typed=1), seed=1)
    questions = sorted(build_exam(spec, [deck], random.Random(0)), key=lambda q: q.id)
    assert [q.solution for q in questions] == ["Australia", "South Korea"]
    return questions


def _attempt() -> QuizResult:
    australia, korea = _questions()
    results = [grade_answer(australia, "Austrlia"), grade_answer(korea, "Australia")]
    return score_quiz(
        [australia, korea], results, title="Caps", pass_mark=50, exam_id="caps", taken_at=WHEN
    )


@pytest.mark.parametrize(
    ("given", "outcome", "note"),
    [
        ("Austrlia", Outcome.CLOSE, "typo: you wrote 'Austrlia'"),
        ("South Korea", Outcome.WRONG, "'South Korea' is a different answer in this deck"),
        ("Austria", Outcome.WRONG, "'Austria' is a different place"),
        ("Australia", Outcome.CORRECT, ""),
        (None, Outcome.WRONG, "not answered"),
    ],
)
def test_a_typed_answers_result_carries_the_verdicts_note(
    given: str | None, outcome: Outcome, note: str
) -> None:
    australia = _questions()[0]
    result = grade_answer(australia, given)
    assert (result.outcome, result.note) == (outcome, note)
    assert result.note == check_question(australia, given).note
    assert "Australia" not in result.note  # the answer has a line of its own
    assert result.reason.startswith(note)  # the reason still says it all, as before


def test_the_note_survives_saving_and_reading(tmp_path: Path) -> None:
    path = save_result(tmp_path, _attempt(), WHEN)
    notes = [r.note for r in read_result(path).results]
    assert notes == ["typo: you wrote 'Austrlia'", "'Australia' is a different answer in this deck"]


def _without_notes(data: Any) -> Any:
    """A document as a build from before notes wrote it: no ``note`` anywhere."""
    if isinstance(data, dict):
        return {k: _without_notes(v) for k, v in data.items() if k != "note"}
    if isinstance(data, list):
        return [_without_notes(v) for v in data]
    return data


def test_an_old_result_file_without_notes_still_loads(tmp_path: Path) -> None:
    attempt = _attempt()
    new = result_document("Ana", attempt, seed=1)
    assert all("note" in r for r in new["result"]["results"])
    old = _without_notes(new)
    assert old != new and "note" not in json.dumps(old)
    (tmp_path / "ana.json").write_text(json.dumps(old), encoding="utf-8")
    (tmp_path / "ben.json").write_text(json.dumps(new).replace("Ana", "Ben"), encoding="utf-8")
    (tmp_path / "bare.json").write_text(json.dumps(old["result"]), encoding="utf-8")

    loaded = load_result(tmp_path / "ana.json").result
    assert [r.note for r in loaded.results] == ["", ""]
    assert [r.reason for r in loaded.results] == [r.reason for r in attempt.results]
    assert [r.note for r in read_result(tmp_path / "bare.json").results] == ["", ""]

    book = merge_files([tmp_path / "ana.json", tmp_path / "ben.json"], ["ana.json", "ben.json"])
    assert book.problems == []
    assert sorted(s.student for s in book.students) == ["Ana", "Ben"]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every check_question call grading makes, kept in the list returned."""
    calls: list[object] = []
    real = scoring.check_question

    def counted(question: Question, given: object) -> Verdict:
        calls.append(given)
        return real(question, given)

    monkeypatch.setattr(scoring, "check_question", counted)
    return calls


def test_a_response_checked_when_given_is_not_checked_again_when_scored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    questions = _questions()
    typed = ["Austrlia", "Australia"]
    checked = [check_question(q, t) for q, t in zip(questions, typed, strict=True)]
    calls = _counting(monkeypatch)
    sitting = Sitting.start(2, WHEN)
    for index, (text, verdict) in enumerate(zip(typed, checked, strict=True)):
        sitting = sitting.go(index, WHEN).answer(Response(text, text, verdict), WHEN)
    result = score_sitting(sitting, questions, WHEN, title="Caps", pass_mark=50)
    assert calls == []
    assert [r.note for r in result.results] == [v.note for v in checked]
    assert result.results[0].outcome is Outcome.CLOSE

    unchecked = Sitting.start(2, WHEN).answer(Response("Austrlia", "Austrlia"), WHEN)
    again = score_sitting(unchecked, questions, WHEN, title="Caps", pass_mark=50)
    assert calls == ["Austrlia", None]  # one check each: the answer, and the unanswered one
    assert [r.note for r in again.results] == ["typo: you wrote 'Austrlia'", "not answered"]
