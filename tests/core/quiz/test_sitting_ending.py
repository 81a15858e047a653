"""A sitting keeps how it ended: one ended after 1 answer of 20 is saved as ended early
and never set beside its forecast as a score (its answer still counts on its own)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp.core.decks.model import Deck
from studyapp.core.examday.calibration import calibration
from studyapp.core.quiz.exam import ExamSpec, FormatMix, build_exam
from studyapp.core.quiz.questions import Question
from studyapp.core.quiz.results import list_results, save_result
from studyapp.core.quiz.sitting import Ending, Response, Sitting, score_sitting

START = datetime(2027, 5, 3, 9, 0, tzinfo=UTC)


def _questions(count: int) -> list[Question]:
    deck = Deck.model_validate(
        {
            "id": "caps",
            "title": "Capitals",
            "entries": [
                {"id": f"c{i}", "kind": "qa", "prompt": f"Capital {i}?", "answer": f"City{i}"}
                for i in range(count)
            ],
        }
    )
    spec = ExamSpec(id="t", title="T", questions=count, formats=FormatMix(typed=1), seed=1)
    return list(build_exam(spec, [deck], random.Random(0)))


def test_an_exam_ended_early_is_saved_as_such_and_kept_out_of_the_comparison(
    tmp_path: Path,
) -> None:
    questions = _questions(20)
    forecast = {q.id: 0.6 for q in questions}
    first = questions[0]
    sitting = Sitting.start(20, START).answer(Response(first.answer, first.answer), START)
    ended = score_sitting(
        sitting, questions, START + timedelta(minutes=1), title="T", pass_mark=50,
        exam_id="t", predicted=forecast, ending=Ending.EARLY,
    )  # fmt: skip
    assert ended.score == 5.0 and ended.ending == "early" and not ended.complete
    save_result(tmp_path, ended, START)
    (stored,) = [s.result for s in list_results(tmp_path)[0]]
    assert stored.ending == "early" and stored.answered == 1
    found = calibration([stored])
    assert found.attempts == () and found.left_out == 1  # not "scored 5%"
    assert [b.questions for b in found.bins] == [1]  # its one answer, on its own
    assert found.to_json()["attempts_left_out"] == 1

    whole = Sitting.start(20, START)
    for index, question in enumerate(questions):
        whole = whole.go(index, START).answer(Response(question.answer, question.answer), START)
    done = score_sitting(
        whole, questions, START, title="T", pass_mark=50, exam_id="t", predicted=forecast,
        ending=Ending.SUBMITTED,
    )  # fmt: skip
    assert done.complete and [a.actual for a in calibration([done]).attempts] == [100.0]
