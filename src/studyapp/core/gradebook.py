"""``studyapp gradebook``: many students' exam results merged into one CSV and a summary.

An exam result file is JSON. The format this module defines (and
:func:`result_document` writes) wraps the :class:`~studyapp.core.quiz.QuizResult`
that ``quiz.score_quiz`` returns with who took it and which sitting it was::

    {
      "format": "studyapp-exam-result",
      "version": 1,
      "student": "Ana Lima",
      "exam": {"id": "lee-week-3", "seed": 2025},
      "result": { ... QuizResult.to_dict() ... }
    }

A bare ``QuizResult.to_dict()`` is read too (the student is then the file's
name, the seed unknown). Files are untrusted: a file that is not JSON, not a
result, or from another exam, seed or question set is reported with
``file:line:col`` and left out; the others are merged.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from msgspec import Struct, field
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from studyapp.core.answers import Outcome
from studyapp.core.export import md, spreadsheet_safe
from studyapp.core.extract import safe_text
from studyapp.core.loader import limits_from_env, read_text
from studyapp.core.problems import Problem
from studyapp.core.quiz import QuestionResult, QuizResult
from studyapp.core.yamlread import Path_, format_path, read_yaml

__all__ = [
    "RESULT_FORMAT",
    "RESULT_VERSION",
    "ExamRef",
    "Gradebook",
    "ResultFile",
    "StudentResult",
    "load_result",
    "merge",
    "parse_result",
    "result_document",
]

RESULT_FORMAT = "studyapp-exam-result"
RESULT_VERSION = 1


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


def _clean(text: str) -> str:
    return " ".join(safe_text(text).split())


def parse_result(text: str, display: str) -> StudentResult:
    """Read one result file's text; raises :class:`ResultError` with file:line:col problems."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResultError(
            [Problem(display, exc.lineno, exc.colno, "", f"not valid JSON: {exc.msg}")]
        ) from None
    except RecursionError:
        raise ResultError([Problem(display, 1, 1, "", "the JSON is nested too deeply")]) from None
    if not isinstance(data, dict):
        raise ResultError([Problem(display, 1, 1, "", "expected a JSON object (a result file)")])
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
        _clean(parsed.student) or stem,
        _clean(parsed.student_id) if parsed.student_id else None,
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


class QuestionStats(Struct):
    """How one question went across the class."""

    number: int
    question_id: str
    entry_ids: tuple[str, ...]
    kind: str
    format: str
    prompt: str
    answer: str
    answered: int = 0
    credit: float = 0.0
    wrong: int = 0
    wrong_answers: Counter[str] = field(default_factory=Counter)

    @property
    def right_share(self) -> float:
        return self.credit / self.answered if self.answered else 0.0

    @property
    def label(self) -> str:
        return f"q{self.number} ({'+'.join(self.entry_ids)})"


class Gradebook(Struct):
    """The merged results: who was merged, the questions, and what was left out and why."""

    students: list[StudentResult]
    questions: list[QuestionStats]
    problems: list[Problem]
    exam_id: str | None
    seed: int | None
    title: str

    def to_csv(self) -> str:
        """One row per student: totals, then each question's credit (1, 0.5 or 0)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        header = ["student", "student_id", "file", "exam", "seed", "taken_at", "score"]
        header += ["points", "max_points", "passed", "seconds"]
        writer.writerow(header + [q.label for q in self.questions])
        for s in self.students:
            by_id = {r.question_id: r for r in s.result.results}
            row: list[str] = [
                s.student,
                s.student_id or "",
                s.file,
                s.exam_id or "",
                "" if s.seed is None else str(s.seed),
                s.result.taken_at.isoformat() if s.result.taken_at else "",
                f"{s.result.score:.2f}",
                _num(s.result.points),
                str(s.result.max_points),
                "yes" if s.result.passed else "no",
                f"{s.result.seconds:.0f}",
            ]
            for q in self.questions:
                r = by_id.get(q.question_id)
                row.append("" if r is None else _num(r.credit))
            writer.writerow([spreadsheet_safe(cell) for cell in row])
        return out.getvalue()

    def to_markdown(self) -> str:
        """A summary for the instructor: scores per student, then questions hardest first."""
        lines = [f"# Gradebook: {md(self.title)}", ""]
        lines.append(
            f"Exam `{md(self.exam_id or '?')}`"
            + (f", seed {self.seed}" if self.seed is not None else "")
            + f": {len(self.students)} student{'s' if len(self.students) != 1 else ''}, "
            f"{len(self.questions)} questions."
        )
        lines.append("")
        scores = [s.result.score for s in self.students]
        if scores:
            passed = sum(s.result.passed for s in self.students)
            lines += [
                f"- mean score: {statistics.fmean(scores):.1f}%",
                f"- median: {statistics.median(scores):.1f}%, lowest {min(scores):.1f}%, "
                f"highest {max(scores):.1f}%",
                f"- passed: {passed} of {len(scores)} (pass mark "
                f"{self.students[0].result.pass_mark:g}%)",
                "",
            ]
        lines += ["## Students", "", "| Student | Score | Points | Passed | Time |"]
        lines.append("| --- | ---: | ---: | --- | ---: |")
        for s in sorted(self.students, key=lambda s: (-s.result.score, s.student.casefold())):
            r = s.result
            lines.append(
                f"| {md(s.student)} | {r.score:.1f}% | {_num(r.points)}/{r.max_points} | "
                f"{'yes' if r.passed else 'no'} | {_duration(r.seconds)} |"
            )
        lines += ["", "## Questions, hardest first", ""]
        lines.append("| Question | Kind | Format | Right | Wrong | Most common wrong answer |")
        lines.append("| --- | --- | --- | ---: | ---: | --- |")
        for q in sorted(self.questions, key=lambda q: (q.right_share, q.number)):
            common = q.wrong_answers.most_common(1)
            wrong = f"{md(common[0][0])} ({common[0][1]})" if common else ""
            prompt = q.prompt if len(q.prompt) <= 90 else q.prompt[:87] + "..."
            lines.append(
                f"| q{q.number}: {md(prompt)} | {q.kind} | {q.format} | "
                f"{100 * q.right_share:.0f}% | {q.wrong} | {wrong} |"
            )
        if self.problems:
            lines += ["", "## Files left out", ""]
            lines += [f"- {md(str(p))}" for p in self.problems]
        return "\n".join(lines) + "\n"


def _num(value: float) -> str:
    return f"{value:g}"


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def _most_common(values: Sequence[Any]) -> Any:
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def merge(results: Sequence[StudentResult], problems: Sequence[Problem] = ()) -> Gradebook:
    """Merge the results of one exam sitting; other exams, seeds or question sets are left out.

    The sitting is the one most files are from. A student who appears twice
    keeps their latest attempt.
    """
    problems = list(problems)
    if not results:
        return Gradebook([], [], problems, None, None, "no results")
    exam_id = _most_common([r.exam_id for r in results])
    same_exam = [r for r in results if r.exam_id == exam_id]
    seed = _most_common([r.seed for r in same_exam])
    same_seed = [r for r in same_exam if r.seed == seed]
    questions = _most_common([r.question_ids for r in same_seed])
    kept: list[StudentResult] = []
    for r in results:
        if r.exam_id != exam_id:
            problems.append(
                Problem(
                    r.file,
                    1,
                    1,
                    "exam",
                    f"exam {r.exam_id!r} is not {exam_id!r}, the exam of the other files; "
                    "not merged",
                )
            )
        elif r.seed != seed:
            problems.append(
                Problem(
                    r.file,
                    1,
                    1,
                    "exam.seed",
                    f"seed {r.seed} is not {seed}: another sitting of the exam, with other "
                    "questions; not merged",
                )
            )
        elif r.question_ids != questions:
            problems.append(
                Problem(
                    r.file,
                    1,
                    1,
                    "result.results",
                    "its questions differ from the other files' (another version of the "
                    "exam or decks); not merged",
                )
            )
        else:
            kept.append(r)
    by_student: dict[str, StudentResult] = {}
    for r in kept:
        key = r.student_id or r.student.casefold()
        if key in by_student:
            old = by_student[key]
            newer = _later(r, old)
            problems.append(
                Problem(
                    (old if newer is r else r).file,
                    1,
                    1,
                    "student",
                    f"{r.student!r} also has {(newer.file)!r}; keeping the later attempt",
                )
            )
            by_student[key] = newer
        else:
            by_student[key] = r
    students = sorted(by_student.values(), key=lambda s: s.student.casefold())
    stats = _question_stats(students, questions)
    title = students[0].result.title if students else "no results"
    return Gradebook(students, stats, problems, exam_id, seed, title)


def _later(a: StudentResult, b: StudentResult) -> StudentResult:
    ta, tb = a.result.taken_at, b.result.taken_at
    if ta is not None and tb is not None and ta != tb:
        try:
            return a if ta > tb else b
        except TypeError:  # naive and aware datetimes: keep file order
            return a
    return a


def _question_stats(
    students: Sequence[StudentResult], question_ids: Sequence[str]
) -> list[QuestionStats]:
    if not students:
        return []
    first: dict[str, QuestionResult] = {r.question_id: r for r in students[0].result.results}
    stats = [
        QuestionStats(
            number=n,
            question_id=qid,
            entry_ids=first[qid].entry_ids,
            kind=first[qid].kind,
            format=first[qid].format.value,
            prompt=_clean(first[qid].prompt),
            answer=_clean(first[qid].answer),
        )
        for n, qid in enumerate(question_ids, start=1)
    ]
    for s in students:
        by_id = {r.question_id: r for r in s.result.results}
        for q in stats:
            r = by_id.get(q.question_id)
            if r is None:
                continue
            q.answered += 1
            q.credit += r.credit
            if r.outcome is not Outcome.CORRECT:
                q.wrong += 1
                q.wrong_answers[_clean(r.given or "(no answer)") or "(no answer)"] += 1
    return stats


def merge_files(paths: Sequence[Path], display: Sequence[str] | None = None) -> Gradebook:
    """Read every file, keep the good ones, report the rest; never stops at a bad file."""
    shown = list(display) if display is not None else [str(p) for p in paths]
    results: list[StudentResult] = []
    problems: list[Problem] = []
    for path, name in zip(paths, shown, strict=True):
        try:
            results.append(load_result(path, name))
        except ResultError as exc:
            problems += exc.problems
    return merge(results, problems)
