"""``studyapp gradebook``: many students' exam results merged into one CSV and a summary.

Each input is a result file (:mod:`studyapp.core.quiz.resultfile`). A file that
cannot be read, or is from another exam, seed or question set, is reported with
``file:line:col`` and left out; the others are merged.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from studyapp.core.authoring.export.markdown import md
from studyapp.core.authoring.export.spreadsheet import spreadsheet_safe
from studyapp.core.base.problems import Problem
from studyapp.core.decks.textsafety import one_line
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.resultfile import ResultError, StudentResult, load_result
from studyapp.core.quiz.scoring import QuestionResult

__all__ = ["Gradebook", "QuestionStats", "merge", "merge_files"]


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
    sound: list[StudentResult] = []
    for r in results:
        wrong = _malformed(r)
        if wrong is None:
            sound.append(r)
        else:
            where, what = wrong
            problems.append(Problem(r.file, 0, 0, where, f"{what}; not merged"))  # (no line)
    results = sound
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
                    0,  # (the whole file: no line of it is at fault)
                    0,
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


def _malformed(r: StudentResult) -> tuple[str, str] | None:
    """What makes a result file's numbers impossible (field, reason), or None.

    A file edited by hand or by a broken tool ("score": "NaN", "max_points": 0) would
    make the class mean "nan%" or a student's points "1e+308/0": it is left out instead.
    """
    q = r.result
    if not math.isfinite(q.score) or not 0 <= q.score <= 100:
        return "result.score", f"the score {q.score!r} is not a percentage (0 to 100)"
    if not math.isfinite(q.pass_mark) or not 0 <= q.pass_mark <= 100:
        return "result.pass_mark", f"the pass mark {q.pass_mark!r} is not a percentage (0 to 100)"
    if q.max_points <= 0:
        return "result.max_points", f"max_points is {q.max_points}: an exam has 1 point or more"
    if not math.isfinite(q.points) or not 0 <= q.points <= q.max_points:
        return "result.points", f"the points {q.points!r} are not between 0 and {q.max_points}"
    if not math.isfinite(q.seconds) or q.seconds < 0:
        return "result.seconds", f"the time {q.seconds!r} s is not a duration"
    return None  # (each question's credit is checked when the file is read)


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
            prompt=one_line(first[qid].prompt),
            answer=one_line(first[qid].answer),
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
                q.wrong_answers[one_line(r.given or "(no answer)") or "(no answer)"] += 1
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
