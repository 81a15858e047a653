"""One import from start to end: deck files staged, then published with the history, or
removed when anything fails on the way."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyapp.core.authoring.anki.run import ImportOptions, run_import
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.settings import StudySettings
from tests.core.authoring.anki.packages import changed_package, genanki_package
from tests.core.authoring.anki.test_presets import reviewed

NOW = datetime(2026, 3, 20, 15, 30, tzinfo=UTC)


class Failing:
    """A reporter that stops the import when the review log begins."""

    def start(self, notes: int) -> None:
        pass

    def phase(self, text: str) -> None:
        if text.endswith("reviews"):
            raise KeyboardInterrupt

    def step(self, what: str, done: int, total: int) -> None:
        pass


def test_an_import_stopped_half_way_leaves_nothing(tmp_path: Path) -> None:
    package = changed_package(tmp_path, reviewed([]), "words.apkg")
    decks = tmp_path / "decks"
    decks.mkdir()
    with pytest.raises(KeyboardInterrupt):
        run_import(
            ImportOptions(package, decks / "words.yaml"),
            open_store=lambda: ProgressStore.open(tmp_path / "progress"),
            settings=StudySettings(),
            now=NOW,
            reporter=Failing(),
        )
    assert list(decks.iterdir()) == []  # no deck file, no staged one, no schema
    with ProgressStore.open(tmp_path / "progress", read_only=True) as store:
        assert list(store.history()) == [] and dict(store.states.items()) == {}


def test_published_with_the_history(tmp_path: Path) -> None:
    package = changed_package(tmp_path, reviewed([]), "words.apkg")
    decks = tmp_path / "decks"
    decks.mkdir()
    outcome = run_import(
        ImportOptions(package, decks / "words.yaml"),
        open_store=lambda: ProgressStore.open(tmp_path / "progress"),
        settings=StudySettings(),
        now=NOW,
    )
    assert sorted(p.name for p in decks.iterdir()) == ["deck.schema.json", "words.yaml"]
    assert outcome.written[0].endswith("words.yaml: 2 entries from Anki deck “Small deck”")
    assert outcome.report is not None and outcome.report.answers == 4
    assert outcome.lines()[: len(outcome.written)] == outcome.written


def test_an_existing_deck_is_left_alone_without_force(tmp_path: Path) -> None:
    package = genanki_package(tmp_path)
    target = tmp_path / "small.yaml"
    target.write_text("mine", encoding="utf-8")
    outcome = run_import(
        ImportOptions(package, target, history=False),
        open_store=None,
        settings=StudySettings(),
        now=NOW,
    )
    assert outcome.existing == [target] and outcome.written == []
    assert target.read_text(encoding="utf-8") == "mine"
