"""Commands on a damaged deck cache, a progress folder that cannot be read or written, and
a deck with an absurdly long title: a plain message, never a traceback or megabytes of
padding (a prober's findings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.core.store.layout import SNAPSHOT
from tests.conftest import REPO
from tests.core.store.test_disk_failures import _read_only_disk

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"


def test_a_damaged_cache_entry_is_read_past_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["decks", str(DECK)]) == 0
    first = capsys.readouterr().out
    (entry,) = (tmp_path / "cache").rglob("*.entry")
    with open(entry, "r+b") as handle:
        handle.write(b"\xff" * 8)
    for _ in range(2):  # the first run replaces the entry, the second reads it
        assert main(["decks", str(DECK)]) == 0
        assert capsys.readouterr().out == first
    assert entry.read_bytes()[:8] != b"\xff" * 8


@pytest.mark.parametrize("as_json", [False, True])
def test_progress_names_a_folder_where_the_snapshot_should_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: bool
) -> None:
    progress = tmp_path / "progress"
    (progress / SNAPSHOT).mkdir(parents=True)
    assert main(["progress", *(["--json"] if as_json else [])]) == 1
    said = capsys.readouterr()
    text = said.out if as_json else said.err
    assert "progress.json is a folder" in text and "move it aside" in text
    assert "Traceback" not in said.err + said.out


def test_progress_reads_a_read_only_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    progress = tmp_path / "progress"
    progress.mkdir()
    _read_only_disk(monkeypatch, progress)
    assert main(["progress"]) == 0
    assert "everything is consistent" in capsys.readouterr().out


def test_stats_cuts_a_long_deck_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "long.yaml"
    title = "T" * 200_000
    deck.write_text(
        f"id: long\ntitle: {title}\nentries:\n"
        "  - {id: a, kind: qa, prompt: Capital of France?, answer: Paris}\n",
        encoding="utf-8",
    )
    assert main(["stats", str(deck)]) == 0
    out = capsys.readouterr().out
    assert len(out) < 5_000
    (row,) = [line for line in out.splitlines() if line.startswith("TT")]
    assert row.startswith("T" * 39 + "…  ")
