"""``studyapp gradebook``: many result files into one CSV and a summary; bad files reported."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from functools import cache
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.gradebook import merge, merge_files
from studyapp.core.decks.loader import load_deck
from studyapp.core.quiz.exam import ExamSpec, build_exam
from studyapp.core.quiz.questions import Question
from studyapp.core.quiz.resultfile import ResultError, load_result, parse_result, result_document
from studyapp.core.quiz.scoring import QuizResult, grade_answer, score_quiz
from tests.conftest import REPO

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
WHEN = dt.datetime(2025, 9, 1, 10, 0, tzinfo=dt.UTC)


@cache
def exam(seed: int = 2025, exam_id: str = "week-3") -> tuple[Question, ...]:
    spec = ExamSpec(id=exam_id, title="Week 3", questions=8, seed=seed)
    return tuple(build_exam(spec, [load_deck(DECK)]))


def sitting(right: int, *, seed: int = 2025, exam_id: str = "week-3", hour: int = 10) -> QuizResult:
    questions = exam(seed, exam_id)
    results = [
        grade_answer(q, q.answer if i < right else "no idea", seconds=12.0)
        for i, q in enumerate(questions)
    ]
    return score_quiz(
        questions,
        results,
        title="Week 3",
        pass_mark=70,
        exam_id=exam_id,
        taken_at=WHEN.replace(hour=hour),
    )


def write(folder: Path, name: str, student: str, result: QuizResult, seed: int = 2025) -> Path:
    path = folder / name
    path.write_text(json.dumps(result_document(student, result, seed=seed)), encoding="utf-8")
    return path


def test_merge_scores_per_student_and_difficulty_per_question(tmp_path: Path) -> None:
    files = [
        write(tmp_path, "ana.json", "Ana", sitting(8)),
        write(tmp_path, "ben.json", "Ben", sitting(4)),
        write(tmp_path, "cleo.json", "=Cléo\x1b[31m", sitting(6)),
    ]
    book = merge_files(files, ["ana.json", "ben.json", "cleo.json"])
    assert book.problems == []
    rows = list(csv.DictReader(io.StringIO(book.to_csv())))
    assert [(r["student"], r["score"], r["passed"]) for r in rows] == [
        ("'=Cléo[31m", "75.00", "yes"),  # a spreadsheet will not run it as a formula
        ("Ana", "100.00", "yes"),
        ("Ben", "50.00", "no"),
    ]
    q_columns = [c for c in rows[0] if c.startswith("q")]
    assert len(q_columns) == 8 and q_columns[0].startswith("q1 (")
    assert [rows[2][c] for c in q_columns] == ["1"] * 4 + ["0"] * 4
    summary = book.to_markdown()
    assert "Exam `week-3`, seed 2025: 3 students, 8 questions." in summary
    assert "- passed: 2 of 3 (pass mark 70%)" in summary
    hardest = summary.split("## Questions, hardest first")[1].splitlines()[4]
    assert "| 33% | 2 | no idea (2) |" in hardest
    assert "\x1b" not in summary


def test_mismatched_and_bad_files_are_reported_not_fatal(tmp_path: Path) -> None:
    good = [write(tmp_path, f"s{i}.json", f"S{i}", sitting(i + 3)) for i in range(3)]
    other_seed = write(tmp_path, "seed.json", "Seed", sitting(5, seed=7), seed=7)
    other_exam = write(tmp_path, "exam.json", "Exam", sitting(5, exam_id="week-4"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "studyapp-exam-result",\n  "student": }', encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    doc = result_document("W", sitting(3))
    doc["result"]["score"] = "high"
    wrong.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**doc, "version": 9}), encoding="utf-8")
    files = [*good, other_seed, other_exam, broken, wrong, newer]
    book = merge_files(files, [p.name for p in files])
    assert [s.student for s in book.students] == ["S0", "S1", "S2"]
    messages = sorted(str(p) for p in book.problems)
    assert messages == [
        "broken.json:2:14: not valid JSON: Expecting value",
        "exam.json:1:1: exam: exam 'week-4' is not 'week-3', the exam of the other files; "
        "not merged",
        "newer.json:1:47: version: written by a newer studyapp (version 9); update studyapp",
        "seed.json:1:1: exam.seed: seed 7 is not 2025: another sitting of the exam, with other "
        "questions; not merged",
        "wrong.json:15:14: result.score: Input should be a valid number, unable to parse string "
        "as a number",
    ]


def test_a_student_twice_keeps_the_later_attempt(tmp_path: Path) -> None:
    first = write(tmp_path, "a1.json", "Ana", sitting(2, hour=9))
    second = write(tmp_path, "a2.json", "ana", sitting(7, hour=11))
    book = merge_files([second, first], ["a2.json", "a1.json"])
    (student,) = book.students
    assert student.file == "a2.json"
    (problem,) = book.problems
    assert str(problem) == "a1.json: student: 'Ana' also has 'a2.json'; keeping the later attempt"


def test_bare_quiz_results_are_read_too(tmp_path: Path) -> None:
    path = tmp_path / "Dana Kim.json"
    path.write_text(json.dumps(sitting(5).to_dict()), encoding="utf-8")
    result = load_result(path, "Dana Kim.json")
    assert (result.student, result.exam_id, result.seed) == ("Dana Kim", "week-3", None)


def test_not_a_result() -> None:
    with pytest.raises(ResultError, match=r"x.json: expected a JSON object"):  # (whole file)
        parse_result("[1, 2]", "x.json")
    with pytest.raises(ResultError, match=r"x.json:1:12: format: format 'other'"):
        parse_result('{"format": "other", "result": {}}', "x.json")
    with pytest.raises(ResultError, match=r"x.json:1:1: title: Field required"):
        parse_result("{}", "x.json")


def test_merge_of_nothing() -> None:
    book = merge([])
    assert book.students == [] and book.questions == []


def test_cli_gradebook(tmp_path: Path) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    write(folder, "ana.json", "Ana", sitting(8))
    write(folder, "ben.json", "Ben", sitting(4))
    out = io.StringIO()
    target = tmp_path / "grades.csv"
    assert main(["gradebook", str(folder), "-o", str(target)], out) == 0
    assert "2 students, 8 questions" in out.getvalue()
    assert target.read_text(encoding="utf-8").startswith("student,student_id,file,exam,seed")
    assert (tmp_path / "grades.md").read_text(encoding="utf-8").startswith("# Gradebook: Week 3")
    (folder / "junk.json").write_text("nope", encoding="utf-8")
    out = io.StringIO()
    assert main(["gradebook", str(folder), "-o", str(target)], out) == 1
    assert "junk.json:1:1: not valid JSON" in out.getvalue()
    out = io.StringIO()
    assert main(["gradebook", str(folder / "junk.json"), "-o", str(target)], out) == 1
    assert out.getvalue().endswith("no result could be merged; nothing written\n")
