"""``studyapp import PACKAGE`` and ``studyapp progress --json``, end to end."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.cli.ankiimport import Progress, is_package
from studyapp.core.decks.loader import load_deck
from studyapp.core.store.store import ProgressStore
from tests.core.authoring.anki.packages import genanki_package, zip_package


@pytest.fixture(scope="module")
def anki_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")
    from tests.core.authoring.anki import ankigen

    folder = tmp_path_factory.mktemp("ankicli")
    with ankigen.utc():
        col = ankigen.build(folder / "collection", seed=3, copies=2)
        try:
            yield ankigen.export(col, folder / "mine.apkg", legacy=False)
        finally:
            col.close()


def progress_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["progress", "--json", "--progress", str(folder)]) == 0
    doc: dict[str, object] = json.loads(capsys.readouterr().out)
    return doc


def test_import_writes_decks_and_history(
    anki_package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decks, progress = tmp_path / "decks", tmp_path / "progress"
    decks.mkdir()
    code = main(
        ["import", str(anki_package), "-o", str(decks / "fr.yaml"), "--progress", str(progress)]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    written = sorted(p.name for p in decks.glob("fr-*.yaml"))
    assert written == ["fr-default.yaml", "fr-history.yaml", "fr-languages-french.yaml"]
    for name in written:
        load_deck(decks / name)
    assert "Basic (and reversed card): 2 note(s) -> 2 qa entries" in out
    assert "review history:" in out
    doc = progress_json(progress, capsys)
    assert doc["suspended"] == 2
    assert isinstance(doc["cards_with_progress"], int) and doc["cards_with_progress"] > 10
    reviews = doc["reviews_in_history"]
    assert isinstance(reviews, int) and reviews > 20
    # again, without --force: refused, nothing changed
    before = (decks / "fr-history.yaml").read_text()
    again = ["import", str(anki_package), "-o", str(decks / "fr.yaml"), "--progress", str(progress)]
    assert main(again) == 1
    assert "already exists; pass --force" in capsys.readouterr().out
    # with --force: the same decks, no answer twice
    assert main([*again, "--force"]) == 0
    assert "were imported before: not added again" in capsys.readouterr().out
    assert (decks / "fr-history.yaml").read_text() == before
    assert progress_json(progress, capsys)["reviews_in_history"] == reviews


def test_one_deck_notes_only(
    anki_package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    progress = tmp_path / "progress"
    target = tmp_path / "history.yaml"
    argv = ["import", str(anki_package), "-o", str(target), "--deck", "History", "--no-history"]
    assert main([*argv, "--progress", str(progress)]) == 0
    assert load_deck(target).id == "history"
    assert not progress.exists()
    doc = progress_json(progress, capsys)
    assert doc["exists"] is False and doc["cards_with_progress"] == 0


def test_a_hostile_package_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = zip_package(tmp_path / "evil.apkg", {"../../escape": b"x", "collection.anki2": b"x"})
    target, progress = tmp_path / "out.yaml", tmp_path / "progress"
    assert main(["import", str(package), "-o", str(target), "--progress", str(progress)]) == 1
    err = capsys.readouterr().err  # the package as a whole: no line in it, a slip said so
    assert err.startswith(f"studyapp: {package}: the package holds a file named '../../escape'")
    assert not target.exists() and not progress.exists()


def test_a_busy_progress_folder_writes_no_deck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = genanki_package(tmp_path)
    target, progress = tmp_path / "small.yaml", tmp_path / "progress"
    with ProgressStore.open(progress):
        assert main(["import", str(package), "-o", str(target), "--progress", str(progress)]) == 1
    said = capsys.readouterr()  # a slip about the command's folder: on stderr, as the others
    assert said.out == "" and said.err.startswith("studyapp: The progress folder ")
    assert "in use by another studyapp" in said.err
    assert said.err.endswith("; or pass --no-history to import the notes only\n")
    assert not target.exists()
    assert main(["import", str(package), "-o", str(target), "--progress", str(progress)]) == 0
    assert [e.kind for e in load_deck(target).entries] == ["qa", "cloze"]


def test_packages_are_told_from_text(tmp_path: Path) -> None:
    text = tmp_path / "cards.txt"
    text.write_text("front,back\n")
    assert not is_package(text)
    assert is_package(tmp_path / "missing.apkg")
    assert is_package(genanki_package(tmp_path, "renamed.zip"))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_for_big_packages_only() -> None:
    quiet, shown, log = io.StringIO(), _Terminal(), io.StringIO()
    for stream, big in ((quiet, False), (shown, True), (log, True)):
        progress = Progress(stream, big=big)
        progress.phase("reading 60,000 notes")
        progress.step("notes", 60_000, 60_000)
        progress.done()
    assert quiet.getvalue() == ""
    assert "notes [####################] 60,000/60,000" in shown.getvalue()
    assert log.getvalue() == "reading 60,000 notes\n"
