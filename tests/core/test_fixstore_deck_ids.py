"""Two deck files with one deck id: the file named after the id keeps it, else neither
loads; never the first by file name (an impostor that would show the real deck's
progress). Each refused file is told where its id is, who else has it, and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.base.problems import DeckLoadError, Problem
from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.discovery import DeckSet, discover, load_all, load_card_keys

DECK = (
    "{head}id: {id}\ntitle: {title}\nentries:\n"
    "  - id: a\n    kind: qa\n    prompt: Q?\n    answer: A\n"
)


def write(folder: Path, name: str, deck_id: str, title: str = "", head: str = "") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DECK.format(id=deck_id, title=title or name, head=head), encoding="utf-8")
    return path


def refused(result: DeckSet) -> dict[str, Problem]:
    """The one problem of each refused file, by file name."""
    out: dict[str, Problem] = {}
    for failure in result.failures:
        (problem,) = failure.problems
        out[Path(problem.file).name] = problem
    return out


@pytest.mark.parametrize("cached", [False, True])
def test_the_file_named_after_the_id_keeps_it(tmp_path: Path, cached: bool) -> None:
    """The walk-through's case: dupdeck.yaml (first by name) took markup's id."""
    write(tmp_path, "markup.yaml", "markup", "The real one")
    write(tmp_path, "dupdeck.yaml", "markup", "Impostor", head="# a copy\n")
    cache = DeckCache(tmp_path.parent / f"cache-{cached}") if cached else None
    if cache is not None:
        load_all(sorted(tmp_path.glob("*.yaml")), cache=cache)  # the second load: from the index
    result = discover([str(tmp_path)], cache=cache, trust_stat=cached)
    assert [(d.deck_id, d.title) for d in result.decks] == [("markup", "The real one")]
    problem = refused(result)["dupdeck.yaml"]
    assert (problem.line, problem.col, problem.path) == (2, 5, "id")  # at the id's value
    assert str(problem).startswith(f"{problem.file}:2:5: id: deck id 'markup' is taken by ")
    assert "markup.yaml, the file named after it" in problem.message
    assert "give it an id of its own, e.g. 'dupdeck'" in problem.message


def test_no_file_named_after_the_id_loads_neither(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "same")
    write(tmp_path, "b.yaml", "same")
    write(tmp_path, "other.yaml", "other")
    result = discover([str(tmp_path)])
    assert [d.deck_id for d in result.decks] == ["other"]
    problems = refused(result)
    assert sorted(problems) == ["a.yaml", "b.yaml"]
    assert "is also used by " in problems["a.yaml"].message
    assert problems["a.yaml"].message.split(";")[0].endswith("b.yaml")
    assert problems["b.yaml"].message.split(";")[0].endswith("a.yaml")
    assert "neither was loaded" in problems["a.yaml"].message
    assert "rename the file of the one to keep to same.yaml" in problems["a.yaml"].message
    assert (problems["b.yaml"].line, problems["b.yaml"].col) == (1, 5)


def test_two_files_named_after_the_id_load_none(tmp_path: Path) -> None:
    """markup.yaml in two folders (and a third file): no one file decides."""
    write(tmp_path, "markup.yaml", "markup")
    write(tmp_path / "old", "markup.yml", "markup")
    write(tmp_path, "zz.yaml", "markup")
    result = discover([str(tmp_path)])
    assert result.decks == []
    problems = refused(result)
    assert sorted(problems) == ["markup.yaml", "markup.yml", "zz.yaml"]
    message = problems["zz.yaml"].message
    assert "markup.yaml and " in message and "markup.yml; none of them was loaded" in message


def test_a_suggested_id_is_never_another_decks(tmp_path: Path) -> None:
    write(tmp_path, "markup.yaml", "markup")
    write(tmp_path, "dupdeck.yaml", "markup")
    write(tmp_path, "else.yaml", "dupdeck")  # 'dupdeck' is this deck's id
    result = discover([str(tmp_path)])
    assert sorted(d.deck_id for d in result.decks) == ["dupdeck", "markup"]
    assert refused(result)["dupdeck.yaml"].message.endswith("give it an id of its own")


def test_statistics_see_the_same_decks(tmp_path: Path) -> None:
    """``studyapp stats`` reads card keys by the same rule as the app."""
    write(tmp_path / "d", "dupdeck.yaml", "markup", "Impostor")
    write(tmp_path / "d", "markup.yaml", "markup", "The real one")
    failures: list[DeckLoadError] = []
    keys = load_card_keys([str(tmp_path / "d")], cache=DeckCache(tmp_path / "c"), failures=failures)
    assert [(k.deck_id, k.title) for k in keys] == [("markup", "The real one")]
    assert len(failures) == 1 and failures[0].file.endswith("dupdeck.yaml")
