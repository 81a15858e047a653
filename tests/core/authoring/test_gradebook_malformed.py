"""``studyapp gradebook``: a result file whose numbers are impossible is left out, with why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.authoring.gradebook import merge_files
from studyapp.core.quiz.resultfile import result_document
from tests.core.authoring.test_gradebook import sitting


def _document(student: str, **changes: Any) -> dict[str, Any]:
    doc = result_document(student, sitting(5), seed=2025)
    doc["result"].update(changes)
    return doc


@pytest.mark.parametrize(
    ("changes", "field", "said"),
    [
        ({"score": "NaN"}, "result.score", "the score nan is not a percentage"),
        ({"score": 250.0}, "result.score", "the score 250.0 is not a percentage"),
        ({"score": "-Infinity"}, "result.score", "not a percentage"),
        ({"max_points": 0, "points": 1e308}, "result.max_points", "max_points is 0"),
        ({"points": 1e308}, "result.points", "the points 1e+308 are not between 0 and 8"),
        ({"points": -1.0}, "result.points", "not between 0 and 8"),
        ({"pass_mark": "NaN"}, "result.pass_mark", "not a percentage"),
        ({"seconds": -5.0}, "result.seconds", "is not a duration"),
    ],
)
def test_a_malformed_result_is_left_out_and_the_others_merged(
    tmp_path: Path, changes: dict[str, Any], field: str, said: str
) -> None:
    good = [_document("Ana"), _document("Ben")]
    docs = [*good, _document("Bob", **changes)]
    files = []
    for i, doc in enumerate(docs):
        path = tmp_path / f"{i}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        files.append(path)
    book = merge_files(files, ["ana.json", "ben.json", "bob.json"])
    assert [s.student for s in book.students] == ["Ana", "Ben"]
    (problem,) = book.problems
    assert (problem.file, problem.path) == ("bob.json", field)
    assert said in problem.message and problem.message.endswith("not merged")
    summary = book.to_markdown()
    assert "nan" not in summary.replace("Ana", "").lower().split("## files left out")[0]
    assert "- mean score: 62.5%" in summary
    assert "1e+308" not in book.to_csv()
