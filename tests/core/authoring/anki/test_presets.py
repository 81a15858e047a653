"""Anki's own FSRS settings: read from either schema, reported, and replayed with."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.core.authoring.anki.importer import anki_collection, build_decks
from studyapp.core.authoring.anki.run import ImportOptions, run_import, usable_presets
from studyapp.core.config import load_config
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.settings import StudySettings
from tests.core.authoring.anki.packages import changed_package

WEIGHTS = [0.3, 1.2, 2.5, 9.0, 6.5, 0.6, 1.9, 0.01, 1.6, 0.15, 1.0, 1.9, 0.1, 0.3, 2.3]
WEIGHTS += [0.23, 3.0, 0.5, 0.65, 0.1, 0.2]
NOW = datetime(2026, 3, 20, 15, 30, tzinfo=UTC)


def with_preset(**fields: object) -> Callable[[sqlite3.Connection], None]:
    def change(db: sqlite3.Connection) -> None:
        dconf = json.loads(db.execute("SELECT dconf FROM col").fetchone()[0])
        for conf in dconf.values():
            conf.update(fields)
        db.execute("UPDATE col SET dconf = ?", (json.dumps(dconf),))

    return change


def test_schema_11_presets_are_read_and_reported(tmp_path: Path) -> None:
    package = changed_package(
        tmp_path,
        with_preset(fsrsParams6=WEIGHTS, desiredRetention=0.85),
    )
    with anki_collection(package) as collection:
        result = build_decks(collection, deck_id="small")
    fsrs = result.decks[0].fsrs
    assert fsrs is not None and fsrs.parameters == tuple(WEIGHTS)
    assert fsrs.desired_retention == 0.85 and fsrs.version == 6
    assert usable_presets(result) == {"small": fsrs}
    text = "\n".join(result.summary())
    assert "Anki preset “Default” of deck small: FSRS-6 parameters, desired retention 0.85" in text


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"fsrsParams5": WEIGHTS[:19]}, (*WEIGHTS[:19], 0.0, 0.5)),  # FSRS-5 as FSRS-6
        ({"fsrsWeights": WEIGHTS[:17]}, None),  # FSRS-4.5: reported, not used
        ({"fsrsParams6": [*WEIGHTS[:20], 99.0]}, "out of bounds"),
        ({"fsrsParams6": "junk", "desiredRetention": 7}, None),
    ],
)
def test_other_sets(tmp_path: Path, fields: dict[str, object], expected: object) -> None:
    package = changed_package(tmp_path, with_preset(**fields))
    with anki_collection(package) as collection:
        result = build_decks(collection, deck_id="small")
    fsrs = result.decks[0].fsrs
    assert fsrs is not None
    if expected == "out of bounds":
        assert fsrs.parameters is not None and usable_presets(result) == {}
    else:
        assert fsrs.parameters == expected and fsrs.desired_retention is None
    if "fsrsWeights" in fields:
        assert "FSRS-4.5 parameters (not used" in "\n".join(result.summary())


def reviewed(weights: list[float]) -> Callable[[sqlite3.Connection], None]:
    """A package whose first card has four answers, under a preset with ``weights``."""

    def change(db: sqlite3.Connection) -> None:
        with_preset(fsrsParams6=weights)(db)
        cid = db.execute("SELECT id FROM cards ORDER BY id LIMIT 1").fetchone()[0]
        start = int(datetime(2026, 1, 5, 12, tzinfo=UTC).timestamp() * 1000)
        for n, ease in enumerate((3, 3, 1, 3)):
            db.execute(
                "INSERT INTO revlog VALUES (?, ?, -1, ?, 5, 0, 2500, 3000, ?)",
                (start + n * 5 * 86_400_000, cid, ease, 0 if n == 0 else 1),
            )
        db.execute("UPDATE cards SET type = 2, queue = 2, due = 4200, ivl = 5 WHERE id = ?", (cid,))

    return change


def test_the_replay_uses_ankis_parameters(tmp_path: Path) -> None:
    """The same answers give another memory under Anki's weights than under the defaults."""
    stabilities = []
    for name, weights in (("anki", WEIGHTS), ("plain", [])):
        package = changed_package(tmp_path, reviewed(weights), f"{name}.apkg")
        folder = tmp_path / name
        outcome = run_import(
            ImportOptions(package, tmp_path / f"{name}.yaml"),
            open_store=lambda folder=folder: ProgressStore.open(folder),  # type: ignore[misc]
            settings=StudySettings(),
            now=NOW,
        )
        assert bool(outcome.presets) == bool(weights)
        with ProgressStore.open(folder, read_only=True) as store:
            remembered = [s.stability for _, s in store.states.items() if s.stability]
        assert len(remembered) == 1
        stabilities.append(remembered[0])
    assert stabilities[0] != stabilities[1]


def test_cli_keeps_them_as_the_decks_preset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("STUDYAPP_CONFIG", str(config))
    package = changed_package(
        tmp_path,
        with_preset(fsrsParams6=WEIGHTS, desiredRetention=0.85),
    )
    target = tmp_path / "small.yaml"
    args = ["import", str(package), "-o", str(target), "--progress", str(tmp_path / "p")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "deck small: Anki's FSRS parameters and desired retention 0.85 kept as its preset" in out
    study = load_config(config).config.study
    deck = study.for_deck("small").scheduler
    assert deck.parameters == tuple(WEIGHTS) and deck.desired_retention == 0.85
    assert load_config(config).config.previous_parameters == {"deck:small": None}
    assert main(["optimize", "--undo", "--deck", "small", "--progress", str(tmp_path / "p")]) == 0
    assert load_config(config).config.study.for_deck("small").scheduler.parameters is None


def test_cli_without_history_prints_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("STUDYAPP_CONFIG", str(config))
    package = changed_package(tmp_path, with_preset(fsrsParams6=WEIGHTS))
    assert main(["import", str(package), "-o", str(tmp_path / "s.yaml"), "--no-history"]) == 0
    out = capsys.readouterr().out
    assert "deck s: Anki's FSRS parameters not applied" in out and "0.3, 1.2, 2.5" in out
    assert load_config(config).config.study.decks == {}


def test_schema_18_presets_as_anki_writes_them(tmp_path: Path) -> None:
    """Anki's own export (current and legacy formats): a subdeck's own preset is read."""
    pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")
    from tests.core.authoring.anki import ankigen

    col = ankigen.Collection(str(tmp_path / "collection.anki2"))
    try:
        french = col.decks.id("Languages::French")
        preset = col.decks.add_config_returning_id("Vocabulary")
        deck = col.decks.get(french)
        deck["conf"] = preset
        col.decks.save(deck)
        conf = col.decks.get_config(preset)
        conf["fsrsParams6"], conf["desiredRetention"] = WEIGHTS, 0.85
        col.decks.update_config(conf)
        for deck_id in (1, french):
            note = col.new_note(col.models.by_name("Basic"))
            note.fields[0], note.fields[1] = f"front {deck_id}", "back"
            col.add_note(note, deck_id)
        packages = [ankigen.export(col, tmp_path / f"{n}.apkg", legacy=n) for n in (False, True)]
    finally:
        col.close()
    for package in packages:
        with anki_collection(package) as collection:
            result = build_decks(collection, deck_id="mine")
        presets = {d.anki_name: d.fsrs for d in result.decks}
        french_preset = presets["Languages::French"]
        assert french_preset is not None and french_preset.preset == "Vocabulary"
        assert french_preset.parameters == tuple(WEIGHTS)
        assert french_preset.desired_retention == 0.85  # Anki's float32, read as it shows it
        default = presets["Default"]
        assert default is not None and default.parameters is None
        assert usable_presets(result) == {"mine-languages-french": french_preset}
