"""A sitting: moving back and forth, flags, time per question and in all, and its score."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from studyapp.core.decks.model import Deck
from studyapp.core.quiz.exam import ExamSpec, FormatMix, build_exam
from studyapp.core.quiz.questions import Question, QuestionFormat
from studyapp.core.quiz.sitting import Response, Sitting, score_sitting

START = datetime(2025, 6, 20, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def questions(count: int = 3) -> list[Question]:
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
    built = build_exam(spec, [deck], random.Random(0))
    assert [q.format for q in built] == [QuestionFormat.TYPED] * count
    return built


def test_moving_back_and_on_keeps_answers_and_clamps() -> None:
    sitting = Sitting.start(3, at(0))
    sitting = sitting.answer(Response("a", "a"), at(5)).next(at(5))
    assert sitting.position == 1 and sitting.answered == 1
    sitting = sitting.previous(at(6))
    assert sitting.position == 0 and sitting.response == Response("a", "a")
    assert sitting.previous(at(7)).position == 0  # nothing before the first
    assert sitting.go(99, at(7)).position == 2 and sitting.go(99, at(7)).is_last
    changed = sitting.answer(Response("b", "b"), at(8))
    assert changed.responses[0] == Response("b", "b")
    cleared = changed.answer(None, at(9))
    assert cleared.unanswered == [0, 1, 2]


def test_flags_toggle_per_question() -> None:
    sitting = Sitting.start(3, at(0)).toggle_flag().go(2, at(1)).toggle_flag()
    assert sitting.flagged == {0, 2}
    assert sitting.is_flagged() and sitting.is_flagged(0) and not sitting.is_flagged(1)
    assert sitting.toggle_flag().flagged == {0}


def test_next_unanswered_wraps_round() -> None:
    sitting = Sitting.start(4, at(0)).go(1, at(0)).answer(Response("x", "x"), at(1))
    sitting = sitting.go(3, at(1)).answer(Response("y", "y"), at(2))
    assert sitting.next_unanswered() == 0
    assert sitting.go(0, at(2)).next_unanswered() == 2


def test_time_counts_every_visit_until_the_answer() -> None:
    sitting = Sitting.start(2, at(0))
    sitting = sitting.next(at(10))  # 10 s on the first, unanswered
    sitting = sitting.answer(Response("x", "x"), at(13)).previous(at(40))  # 3 s; idle not counted
    assert sitting.spent == (10.0, 3.0)
    assert sitting.seconds_on(0, at(45)) == 15.0  # the visit under way counts
    assert sitting.elapsed(at(45)) == 45.0
    assert sitting.elapsed(at(700), limit_seconds=600) == 600.0
    assert sitting.time_left(at(590), 600) == 10.0 and sitting.time_left(at(700), 600) == 0.0


def test_score_reports_the_time_taken_not_the_sum_of_answered_questions() -> None:
    qs = questions(3)
    sitting = Sitting.start(3, at(0))
    right = qs[0].key.answer
    sitting = sitting.answer(Response(right, right), at(4)).next(at(4))
    result = score_sitting(sitting, qs, at(90), title="T", pass_mark=50)
    assert result.seconds == 90.0  # the real time, though one 4 s answer was all
    assert [r.given for r in result.results] == [right, None, None]
    assert result.results[0].seconds == 4.0 and result.score == pytest.approx(100 / 3, 0.01)
    timed_out = score_sitting(sitting, qs, at(75), title="T", pass_mark=50, limit_seconds=60)
    assert timed_out.seconds == 60.0  # never more than the limit


def test_a_sitting_needs_questions() -> None:
    with pytest.raises(ValueError):
        Sitting.start(0, at(0))
    with pytest.raises(ValueError):
        score_sitting(Sitting.start(2, at(0)), questions(3), at(1), title="T", pass_mark=0)
