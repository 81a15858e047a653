"""Judging responses to quiz questions, and scoring an attempt.

A response may be typed text, an option (index, letter or text), true/false,
or an ordering. Results are pydantic models with ``to_dict``/``from_dict`` so
they can be kept in the progress history and exported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.answers.verdict import Outcome, Verdict
from studyapp.core.quiz.questions import FALSE, TRUE, Question, QuestionFormat

__all__ = [
    "QuestionResult",
    "QuizResult",
    "Tally",
    "check_question",
    "grade_answer",
    "score_quiz",
]


# --------------------------------------------------------------------- checking

_TRUE_WORDS = {"true", "t", "yes", "y", "vrai", "1"}
_FALSE_WORDS = {"false", "f", "no", "n", "faux", "2"}


def _as_text(given: object) -> str:
    if isinstance(given, str):
        return given
    if isinstance(given, Sequence):
        return " → ".join(str(g) for g in given)
    return str(given)


def _option_index(question: Question, given: object) -> int | None:
    """Which option ``given`` names: an index, a letter (a-d), a number (1-4) or its text."""
    options = question.options
    if isinstance(given, bool):
        return None
    if isinstance(given, int):
        return given if 0 <= given < len(options) else None
    if not isinstance(given, str):
        return None
    text = given.strip()
    wanted = fold(text)
    for i, option in enumerate(options):
        if fold(option) == wanted:
            return i  # the option's own text wins: "1" is the option "1", not the first one
    if len(text) == 1 and text.isalpha():
        i = ord(text.lower()) - ord("a")
        return i if 0 <= i < len(options) else None
    if text.isdigit():
        i = int(text) - 1
        return i if 0 <= i < len(options) else None
    return None


def check_question(question: Question, given: object) -> Verdict:
    """Judge a response: text for typed; index, letter or text for choice; bool or text for
    true/false; a list of events (or of option indices) for ordering.
    """
    fmt = question.format
    if given is None or (isinstance(given, str) and not given.strip()):
        return Verdict(
            outcome=Outcome.WRONG,
            reason="not answered",
            expected=question.solution,
            given="",
            grade=1,
            note="not answered",
        )
    if fmt is QuestionFormat.TYPED:
        return question.key.check(given if isinstance(given, str) else _as_text(given))
    if fmt is QuestionFormat.ORDERING:
        items: list[str] = []
        if isinstance(given, str):
            items = [line for line in given.splitlines() if line.strip()]
        elif isinstance(given, Sequence):
            for item in given:
                if isinstance(item, int) and not isinstance(item, bool):
                    if not 0 <= item < len(question.options):
                        break
                    items.append(question.options[item])
                else:
                    items.append(str(item))
        return question.key.check(items)
    if fmt is QuestionFormat.TRUE_FALSE:
        if isinstance(given, bool):
            choice: bool | None = given
        else:
            word = fold(_as_text(given))
            choice = True if word in _TRUE_WORDS else False if word in _FALSE_WORDS else None
        shown = _as_text(given)
        if choice is None:
            return Verdict(
                outcome=Outcome.WRONG,
                reason="answer true or false",
                expected=question.solution,
                given=shown,
                grade=1,
                note="answer true or false",
            )
        right = (question.answer == TRUE) == choice
        reason = "correct" if right else f"it is {question.answer.lower()}"
        if question.answer == FALSE:
            reason += f": the answer is {question.key.answer}"
        return Verdict(
            outcome=Outcome.CORRECT if right else Outcome.WRONG,
            reason=reason,
            expected=question.solution,
            given=TRUE if choice else FALSE,
            grade=3 if right else 1,
        )
    picked = _option_index(question, given)
    if picked is None:
        # Typed instead of picked: judge the text against the fact itself.
        return question.key.check(_as_text(given))
    right = picked == question.answer_index
    return Verdict(
        outcome=Outcome.CORRECT if right else Outcome.WRONG,
        reason="correct" if right else f"the answer is {question.answer}",
        expected=question.answer,
        given=question.options[picked],
        grade=3 if right else 1,
    )


# ---------------------------------------------------------------------- scoring


class QuestionResult(BaseModel):
    """How one question went, with what is needed to review it later."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question_id: str
    deck_id: str
    entry_ids: tuple[str, ...]
    kind: str
    format: QuestionFormat
    tags: tuple[str, ...] = ()
    prompt: str
    answer: str
    given: str | None = None
    outcome: Outcome
    reason: str
    note: str = ""
    """What the checker found beyond the outcome and the answer (the verdict's ``note``),
    shown beside the mark; empty when there is nothing to add, and in results saved
    before it was kept."""
    credit: float = Field(ge=0, le=1)
    seconds: float = Field(default=0.0, ge=0)
    source: str | None = None
    explanation: str | None = None
    predicted: float | None = Field(default=None, ge=0, le=1)
    """The predicted probability of recalling this question's entries when the sitting
    began (the memory model's), kept to show how well predictions match results."""


def grade_answer(
    question: Question,
    given: object,
    seconds: float = 0.0,
    *,
    close_credit: float = 0.5,
    verdict: Verdict | None = None,
) -> QuestionResult:
    """Judge one response and record it (``given=None``: not answered).

    ``verdict`` is :func:`check_question`'s verdict on this very question and response
    when the caller already has it (the quiz checks a typed answer on submission to see
    whether it can be read at all): it is used instead of checking the answer again.
    """
    if verdict is None:
        verdict = check_question(question, given)
    credit = {Outcome.CORRECT: 1.0, Outcome.CLOSE: close_credit, Outcome.WRONG: 0.0}
    return QuestionResult(
        question_id=question.id,
        deck_id=question.deck_id,
        entry_ids=question.entry_ids,
        kind=question.kind,
        format=question.format,
        tags=question.tags,
        prompt=question.prompt,
        answer=question.solution,
        given=None if given is None else verdict.given,
        outcome=verdict.outcome,
        reason=verdict.reason,
        note=verdict.note,
        credit=credit[verdict.outcome],
        seconds=max(0.0, seconds),
        source=question.source,
        explanation=question.explanation,
    )


class Tally(BaseModel):
    """Counts for one slice of an attempt (a kind, a tag, a format)."""

    model_config = ConfigDict(extra="forbid")

    questions: int = 0
    correct: int = 0
    close: int = 0
    wrong: int = 0
    points: float = 0.0

    @property
    def score(self) -> float:
        """Percent of the points available in this slice."""
        return 100.0 * self.points / self.questions if self.questions else 0.0

    def add(self, result: QuestionResult) -> None:
        self.questions += 1
        self.points += result.credit
        if result.outcome is Outcome.CORRECT:
            self.correct += 1
        elif result.outcome is Outcome.CLOSE:
            self.close += 1
        else:
            self.wrong += 1


class QuizResult(BaseModel):
    """A finished attempt: score, pass/fail, breakdowns and every question's result."""

    model_config = ConfigDict(extra="forbid")

    title: str
    exam_id: str | None = None
    taken_at: dt.datetime | None = None
    pass_mark: float
    score: float
    points: float
    max_points: int
    passed: bool
    seconds: float
    results: tuple[QuestionResult, ...]
    by_kind: dict[str, Tally]
    by_tag: dict[str, Tally]
    by_format: dict[str, Tally]
    predicted_score: float | None = Field(default=None, ge=0, le=100)
    """The score predicted when the sitting began (percent), where every question had a
    prediction: set beside :attr:`score` over time, it shows whether forecasts hold."""
    ending: Literal["submitted", "early", "time"] | None = None
    """How the sitting ended (``sitting.Ending``); None when not known (a result written
    before it was kept, or scored outside a sitting)."""

    @property
    def answered(self) -> int:
        return sum(1 for r in self.results if r.given is not None)

    @property
    def complete(self) -> bool:
        """Every question was answered, and the sitting was not ended early: the only
        attempts whose score is set beside their forecast (the forecast is for answering
        every question; an exam ended after 1 answer of 20 did not "score 5%")."""
        return self.ending != "early" and self.answered == len(self.results)

    @property
    def missed(self) -> list[QuestionResult]:
        """Questions not fully right, with the right answer and source."""
        return [r for r in self.results if r.outcome is not Outcome.CORRECT]

    def missed_entries(self) -> list[tuple[str, str]]:
        """(deck id, entry id) of missed items, for pushing into the next study session."""
        out: list[tuple[str, str]] = []
        for result in self.missed:
            for entry_id in result.entry_ids:
                if (result.deck_id, entry_id) not in out:
                    out.append((result.deck_id, entry_id))
        return out

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuizResult:
        return cls.model_validate(data)


def score_quiz(
    questions: Sequence[Question],
    results: Mapping[str, QuestionResult] | Sequence[QuestionResult],
    *,
    title: str,
    pass_mark: float,
    exam_id: str | None = None,
    taken_at: dt.datetime | None = None,
    close_credit: float = 0.5,
    predicted: Mapping[str, float] | None = None,
) -> QuizResult:
    """Score an attempt; questions without a result count as not answered.

    ``pass_mark`` and the score are percentages (0-100). ``predicted`` (question id ->
    probability of recall when the sitting began) is kept with each question.
    """
    by_id = results if isinstance(results, Mapping) else {r.question_id: r for r in results}
    ordered = [
        by_id.get(q.id) or grade_answer(q, None, close_credit=close_credit) for q in questions
    ]
    forecast: float | None = None
    if predicted:
        ordered = [
            r.model_copy(update={"predicted": min(1.0, max(0.0, float(predicted[r.question_id])))})
            if r.question_id in predicted
            else r
            for r in ordered
        ]
        if ordered and all(r.predicted is not None for r in ordered):
            forecast = round(100 * sum(r.predicted or 0.0 for r in ordered) / len(ordered), 2)
    by_kind: dict[str, Tally] = {}
    by_tag: dict[str, Tally] = {}
    by_format: dict[str, Tally] = {}
    for result in ordered:
        by_kind.setdefault(result.kind, Tally()).add(result)
        by_format.setdefault(result.format.value, Tally()).add(result)
        for tag in result.tags:
            by_tag.setdefault(tag, Tally()).add(result)
    points = sum(r.credit for r in ordered)
    score = 100.0 * points / len(ordered) if ordered else 0.0
    return QuizResult(
        title=title,
        exam_id=exam_id,
        taken_at=taken_at,
        pass_mark=pass_mark,
        score=round(score, 2),
        points=points,
        max_points=len(ordered),
        passed=bool(ordered) and score + 1e-9 >= pass_mark,
        seconds=sum(r.seconds for r in ordered),
        results=tuple(ordered),
        by_kind=by_kind,
        by_tag=by_tag,
        by_format=by_format,
        predicted_score=forecast,
    )
