"""Every broken-deck fixture reports exactly the problems it declares, at exact line:col.

A fixture ends with ``# expect: LINE:COL: [PATH: ]MESSAGE-START`` lines (``# expect:
MESSAGE-START`` for a problem of the file as a whole, at line 0), one per problem the
loader must report; the loader must report no others.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.base.problems import DeckLoadError
from studyapp.core.decks.loader import load_deck

FIXTURES = Path(__file__).parent / "fixtures" / "broken"
FILES = sorted(FIXTURES.glob("*.yaml"))


def expectations(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return [
        line.removeprefix("# expect: ")
        for line in text.splitlines()
        if line.startswith("# expect: ")
    ]


def test_there_are_at_least_25_fixtures() -> None:
    assert len(FILES) >= 25


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_broken_deck_reports_exact_positions(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} declares no '# expect:' line"
    with pytest.raises(DeckLoadError) as caught:
        load_deck(path, display=path.name)
    reported = [str(p).removeprefix(f"{path.name}:").lstrip() for p in caught.value.problems]
    for want in expected:
        assert any(line.startswith(want) for line in reported), (want, reported)
    assert len(reported) == len(expected), reported


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_problem_has_the_documented_shape(path: Path) -> None:
    with pytest.raises(DeckLoadError) as caught:
        load_deck(path, display="deck.yaml")
    for problem in caught.value.problems:
        if problem.line == 0:  # the file as a whole (an empty one): its name alone
            assert problem.col == 0 and str(problem) == f"deck.yaml: {problem.message}"
        else:
            assert problem.line >= 1 and problem.col >= 1
            assert str(problem).startswith(f"deck.yaml:{problem.line}:{problem.col}: ")
        assert "Traceback" not in str(problem)
