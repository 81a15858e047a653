"""The exam result file: one attempt, who took it and which sitting it was.

The format (written by :func:`result_document`) wraps the
:class:`~studyapp.core.quiz.scoring.QuizResult` that scoring returns::

    {
      "format": "studyapp-exam-result",
      "version": 2,
      "student": "Ana Lima",
      "exam": {"id": "lee-week-3", "seed": 2025},
      "result": { ... QuizResult.to_dict() ... }
    }

A bare ``QuizResult.to_dict()`` is read too (the student is then the file's
name, the seed unknown). Files are untrusted: one that is not JSON or not a
result is reported with ``file:line:col``. The learner's app writes these
(:mod:`studyapp.core.quiz.results`); an instructor's gradebook merges them
(:mod:`studyapp.core.authoring.gradebook`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from msgspec import Struct
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from studyapp.core.base.jsonread import JSONTooDeep, loads_limited
from studyapp.core.base.problems import Problem
from studyapp.core.decks.loader import limits_from_env, read_text
from studyapp.core.decks.textsafety import one_line
from studyapp.core.decks.yamlread import Path_, format_path, read_yaml
from studyapp.core.quiz.scoring import QuizResult

RESULT_FORMAT = "studyapp-exam-result"
RESULT_VERSION = 2
"""2: each question keeps the checker's ``note`` (version 1 files, without it, are read
too). A build that knows only version 1 says "written by a newer studyapp; update
studyapp" of a version 2 file, instead of refusing a field it does not know."""


class ExamRef(BaseModel):
    """Which exam, and which sitting of it (same seed, same questions)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None = None
    seed: int | None = None


class ResultFile(BaseModel):
    """One student's result of one exam, as written to a file."""

    model_config = ConfigDict(extra="forbid")

    format: str = RESULT_FORMAT
    version: int = Field(default=RESULT_VERSION, ge=1)
    student: str = Field(min_length=1, max_length=200)
    student_id: str | None = Field(default=None, max_length=200)
    exam: ExamRef = Field(default_factory=ExamRef)
    result: QuizResult


def result_document(
    student: str,
    result: QuizResult,
    *,
    seed: int | None = None,
    student_id: str | None = None,
) -> dict[str, Any]:
    """The JSON document of a result file (``json.dumps`` it to write the file)."""
    return ResultFile(
        student=student,
        student_id=student_id,
        exam=ExamRef(id=result.exam_id, seed=seed),
        result=result,
    ).model_dump(mode="json")


class StudentResult(Struct, frozen=True):
    """A result file that was read: who, which sitting, and the result."""

    file: str
    student: str
    student_id: str | None
    exam_id: str | None
    seed: int | None
    result: QuizResult

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(r.question_id for r in self.result.results)


class ResultError(Exception):
    """A result file could not be read; ``problems`` say where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def parse_result(text: str, display: str) -> StudentResult:
    """Read one result file's text; raises :class:`ResultError` with file:line:col problems."""
    try:
        data = loads_limited(text)
    except json.JSONDecodeError as exc:
        raise ResultError(
            [Problem(display, exc.lineno, exc.colno, "", f"not valid JSON: {exc.msg}")]
        ) from None
    except JSONTooDeep as exc:
        raise ResultError([Problem(display, 0, 0, "", str(exc))]) from None
    if not isinstance(data, dict):
        raise ResultError([Problem(display, 0, 0, "", "expected a JSON object (a result file)")])
    stem = Path(display).name.removesuffix(".json")
    wrapped = "result" in data and "format" in data
    if wrapped and data.get("format") != RESULT_FORMAT:
        raise ResultError(
            [
                Problem(
                    display,
                    *_position(text, ("format",)),
                    "format",
                    f"format {data.get('format')!r} is not {RESULT_FORMAT!r}",
                )
            ]
        )
    if wrapped and isinstance(data.get("version"), int) and data["version"] > RESULT_VERSION:
        raise ResultError(
            [
                Problem(
                    display,
                    *_position(text, ("version",)),
                    "version",
                    f"written by a newer studyapp (version {data['version']}); update studyapp",
                )
            ]
        )
    try:
        if wrapped:
            parsed = ResultFile.model_validate(data)
        else:
            parsed = ResultFile(student=stem or "student", result=QuizResult.model_validate(data))
            parsed.exam = ExamRef(id=parsed.result.exam_id)
    except ValidationError as exc:
        problems = []
        for detail in exc.errors(include_url=False)[:20]:
            loc: Path_ = tuple(detail["loc"])
            problems.append(
                Problem(
                    display,
                    *_position(text, loc),
                    format_path(loc),
                    str(detail["msg"]).removeprefix("Value error, "),
                )
            )
        raise ResultError(problems) from None
    exam_id = parsed.exam.id if parsed.exam.id is not None else parsed.result.exam_id
    return StudentResult(
        display,
        one_line(parsed.student) or stem,
        one_line(parsed.student_id) if parsed.student_id else None,
        exam_id,
        parsed.exam.seed,
        parsed.result,
    )


def _position(text: str, path: Path_) -> tuple[int, int]:
    """Best-effort line:col of ``path`` in JSON text (JSON read as YAML for positions)."""
    try:
        doc = read_yaml(text, "<json>")
    except Exception:  # pragma: no cover - read_yaml reports instead of raising
        return (1, 1)
    return doc.position(path) if doc.complete else (1, 1)


def load_result(path: Path, display: str | None = None) -> StudentResult:
    """Read one result file from disk (size-capped, strict UTF-8)."""
    shown = display if display is not None else str(path)
    text, problems = read_text(path, limits_from_env(), shown)
    if text is None:
        raise ResultError(problems)
    return parse_result(text, shown)


# ------------------------------------------------------------------------ merge
