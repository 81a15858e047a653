"""One sitting of a quiz or exam: where the learner is, what they answered, flagged, and time.

Exam software lets a learner go back to an earlier question, flag one to come
back to, and review every answer before submitting. :class:`Sitting` holds that
state as an immutable value (each move returns a new one, as
``fsrs.Scheduler.review_card`` does), so the quiz screen only draws it and tests
drive it without a terminal. Time is never read here: every call that depends
on it takes ``now`` from the caller's clock.

Time is counted two ways. The sitting's *elapsed* time is the wall time from
the start to the end (capped at the time limit when it ran out): what a
proctor's clock shows, and what the result reports. A question's *seconds* are
the time it was open before it was answered, over every visit: what the
results list beside each missed question.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum

from msgspec import Struct, structs

from studyapp.core.quiz.answers.verdict import Verdict
from studyapp.core.quiz.questions import Question
from studyapp.core.quiz.scoring import QuestionResult, QuizResult, grade_answer, score_quiz

__all__ = ["Ending", "Response", "Sitting", "score_sitting"]

Given = str | int | bool | tuple[str, ...]
"""A response as :func:`~studyapp.core.quiz.scoring.grade_answer` takes it: typed text,
an option's index, true/false, or the events in the order given."""


class Response(Struct, frozen=True):
    """What the learner answered to one question, and how it reads back to them."""

    given: Given
    shown: str
    """As the learner gave it: the text typed, the option picked, True or False, or the
    numbers typed for an ordering (so the answer field can be filled in again)."""
    verdict: Verdict | None = None
    """``check_question``'s verdict on ``given`` when it was answered (the quiz checks a
    typed answer then, to ask again if it cannot be read), so that grading it, at once
    or when the sitting is scored, does not check it again; None: checked when graded."""


class Ending(StrEnum):
    """How a sitting ended: the results say so, with what was left unanswered."""

    SUBMITTED = "submitted"
    """Every question was answered, or the learner submitted from the review."""
    EARLY = "early"
    """The learner ended it before the last question."""
    TIME = "time"
    """The time limit ran out."""


class Sitting(Struct, frozen=True):
    """The state of one sitting; the screen keeps the current one and replaces it on each move."""

    started: datetime
    responses: tuple[Response | None, ...]
    spent: tuple[float, ...]
    """Seconds each question was open before being answered, over every visit."""
    position: int = 0
    flagged: frozenset[int] = frozenset()
    opened_at: datetime | None = None
    """When the current question was opened; None once it was answered in this visit."""

    @classmethod
    def start(cls, count: int, now: datetime) -> Sitting:
        """A new sitting of ``count`` questions, on the first one."""
        if count < 1:
            raise ValueError("a sitting needs at least one question")
        return cls(now, (None,) * count, (0.0,) * count, opened_at=now)

    # ------------------------------------------------------------------ reading

    @property
    def count(self) -> int:
        return len(self.responses)

    @property
    def response(self) -> Response | None:
        """The answer given to the current question, if any."""
        return self.responses[self.position]

    @property
    def answered(self) -> int:
        return sum(1 for r in self.responses if r is not None)

    @property
    def unanswered(self) -> list[int]:
        """Indices of the questions with no answer, in order."""
        return [i for i, r in enumerate(self.responses) if r is None]

    @property
    def is_last(self) -> bool:
        return self.position == self.count - 1

    def is_flagged(self, index: int | None = None) -> bool:
        return (self.position if index is None else index) in self.flagged

    def elapsed(self, now: datetime, limit_seconds: float | None = None) -> float:
        """Seconds since the start, never more than the time limit (if there is one)."""
        seconds = max(0.0, (now - self.started).total_seconds())
        return seconds if limit_seconds is None else min(seconds, float(limit_seconds))

    def time_left(self, now: datetime, limit_seconds: float) -> float:
        return max(0.0, limit_seconds - self.elapsed(now))

    def seconds_on(self, index: int, now: datetime) -> float:
        """Time spent on one question so far, counting the visit under way."""
        spent = self.spent[index]
        if index == self.position and self.opened_at is not None:
            spent += max(0.0, (now - self.opened_at).total_seconds())
        return spent

    # ------------------------------------------------------------------- moving

    def _closed(self, now: datetime) -> Sitting:
        """The current visit's time added to its question, and the visit closed."""
        if self.opened_at is None:
            return self
        spent = list(self.spent)
        spent[self.position] = self.seconds_on(self.position, now)
        return structs.replace(self, spent=tuple(spent), opened_at=None)

    def go(self, index: int, now: datetime) -> Sitting:
        """Open question ``index`` (clamped to the sitting), closing the current visit."""
        index = min(max(index, 0), self.count - 1)
        return structs.replace(self._closed(now), position=index, opened_at=now)

    def next(self, now: datetime) -> Sitting:
        return self.go(self.position + 1, now)

    def previous(self, now: datetime) -> Sitting:
        return self.go(self.position - 1, now)

    def answer(self, response: Response | None, now: datetime) -> Sitting:
        """Record (or, with None, clear) the current question's answer.

        The time until the answer counts for the question; time spent after it,
        reading feedback or idling before moving on, does not.
        """
        closed = self._closed(now)
        responses = list(closed.responses)
        responses[self.position] = response
        return structs.replace(closed, responses=tuple(responses))

    def toggle_flag(self) -> Sitting:
        """Flag the current question to come back to, or unflag it."""
        return structs.replace(self, flagged=self.flagged ^ {self.position})

    def next_unanswered(self) -> int | None:
        """The first unanswered question after the current one, wrapping round; or None."""
        order = list(range(self.position + 1, self.count)) + list(range(self.position + 1))
        return next((i for i in order if self.responses[i] is None), None)


def score_sitting(
    sitting: Sitting,
    questions: Sequence[Question],
    now: datetime,
    *,
    title: str,
    pass_mark: float,
    exam_id: str | None = None,
    close_credit: float = 0.5,
    limit_seconds: float | None = None,
    predicted: Mapping[str, float] | None = None,
    ending: Ending | None = None,
) -> QuizResult:
    """Grade every answer of the sitting and score it (``predicted``: see ``score_quiz``;
    ``ending``: how it ended, kept with the result so that a sitting ended early is
    never charted as a score: see ``examday.calibration``).

    The result's ``seconds`` is the sitting's elapsed time (what the learner
    took, capped at the limit), not the sum of the answered questions' times,
    which leaves out the unanswered ones and the time between questions.
    """
    if len(questions) != sitting.count:
        raise ValueError(f"{len(questions)} questions for a sitting of {sitting.count}")
    final = sitting._closed(now)
    results: dict[str, QuestionResult] = {}
    for index, (question, response) in enumerate(zip(questions, final.responses, strict=True)):
        if response is not None:
            results[question.id] = grade_answer(
                question,
                response.given,
                final.spent[index],
                close_credit=close_credit,
                verdict=response.verdict,
            )
    scored = score_quiz(
        questions,
        results,
        title=title,
        pass_mark=pass_mark,
        exam_id=exam_id,
        taken_at=now,
        close_credit=close_credit,
        predicted=predicted,
    )
    update: dict[str, object] = {"seconds": sitting.elapsed(now, limit_seconds)}
    if ending is not None:
        update["ending"] = ending.value
    return scored.model_copy(update=update)
