"""The first start after a big deck is imported or edited says it is reading it: the
deck is read and checked before the app's screen appears, seconds for 50,000 entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.cli import BIG_DECK, _say_reading
from studyapp.core.workspace import open_workspace


def _deck(entries: int) -> str:
    lines = ["id: big", "title: Big deck", "entries:"]
    for n in range(entries):
        lines += [f"  - id: e{n:05d}", "    kind: qa", f"    prompt: What is item {n}?"]
        lines += [f"    answer: Answer number {n}", f"    source: Item {n} is answer {n}."]
    return "\n".join(lines) + "\n"


def test_a_deck_the_cache_does_not_hold_is_announced_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYAPP_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "big.yaml").write_text(_deck(200), encoding="utf-8")
    told: list[tuple[str, int]] = []
    for _ in range(2):  # the second start finds it in the cache: nothing to say
        workspace = open_workspace(
            [str(folder)], progress=tmp_path / "p", defer=True, on_read=lambda *a: told.append(a)
        )
        workspace.close()
    assert len(told) == 1
    shown, size = told[0]
    assert shown.endswith("big.yaml") and size == (folder / "big.yaml").stat().st_size


def test_only_a_big_deck_is_worth_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    _say_reading("decks/small.yaml", BIG_DECK - 1)
    assert capsys.readouterr().err == ""
    _say_reading("decks/big.yaml", 15 * BIG_DECK)
    err = capsys.readouterr().err
    assert err.startswith("studyapp: reading decks/big.yaml (15.0 MB)") and err.endswith("\n")
