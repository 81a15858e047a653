"""A problem of the whole file (line 0) is not given a place in it."""

from __future__ import annotations

from pathlib import Path

from studyapp.core.base.problems import Problem
from studyapp.core.decks import discovery


def test_a_problem_of_the_whole_file_names_the_file_alone() -> None:
    assert str(Problem("gone.yaml", 0, 0, "", "no such file or folder")) == (
        "gone.yaml: no such file or folder"
    )
    assert str(Problem("d.yaml", 3, 5, "entries[0]", "bad")) == "d.yaml:3:5: entries[0]: bad"


def test_a_deck_path_that_is_not_there_is_not_a_syntax_error_on_line_1(tmp_path: Path) -> None:
    """The app and `studyapp decks` said 'gone.yaml:1:1: no such file or folder'."""
    failures: list[discovery.DeckLoadError] = []
    discovery._each([tmp_path / "gone.yaml"], lambda _p, _s: None, failures)
    ((problem,),) = [f.problems for f in failures]
    assert problem.where == str(tmp_path / "gone.yaml") or problem.where.endswith("gone.yaml")
    assert ":1:1" not in str(problem)
