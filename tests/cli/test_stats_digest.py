"""``studyapp stats`` keeps the history digest although it opens the store read-only,
also while the app has the folder open: the next run reads only what was added."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.core.base.clock import system_clock
from studyapp.core.store import history_summary
from studyapp.core.store.layout import DIGEST, HISTORY
from studyapp.core.store.state import Rating
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings
from studyapp.core.workspace import open_workspace
from tests.conftest import REPO

DECKS = str(REPO / "decks")


def study(progress: Path, ratings: list[Rating]) -> None:
    workspace = open_workspace([DECKS], progress=progress)
    session = Session(
        workspace.store,
        workspace.cards,
        StudySettings(),
        clock=system_clock,
        rng=random.Random(len(ratings)),
    )
    for rating in ratings:
        session.answer(rating, timedelta(seconds=4))
    workspace.close()  # folds: the answers reach the history


def stats(progress: Path, capsys: pytest.CaptureFixture[str]) -> str:
    history_summary._memory.clear()  # as a new process
    assert main(["stats", DECKS, "--progress", str(progress)]) == 0
    return capsys.readouterr().out


def test_stats_keeps_the_digest_and_reads_it_next_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    progress = tmp_path / "progress"
    study(progress, [Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.GOOD])
    assert not (progress / DIGEST).exists()
    assert "Reviews: 4 " in stats(progress, capsys)
    digest = history_summary._load(progress / DIGEST)
    assert digest is not None and digest.covered == (progress / HISTORY).stat().st_size
    kept = (progress / DIGEST).stat()
    assert "Reviews: 4 " in stats(progress, capsys)
    again = (progress / DIGEST).stat()
    assert (again.st_ino, again.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)  # read only
    study(progress, [Rating.HARD, Rating.GOOD])
    assert "Reviews: 6 " in stats(progress, capsys)
    digest = history_summary._load(progress / DIGEST)
    assert digest is not None and digest.total == 6  # brought up to date, and kept


def test_stats_keeps_the_digest_while_the_app_has_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    progress = tmp_path / "progress"
    study(progress, [Rating.GOOD] * 3)
    app = open_workspace([DECKS], progress=progress)  # holds the folder's lock
    try:
        session = Session(
            app.store, app.cards, StudySettings(), clock=system_clock, rng=random.Random(2)
        )
        session.answer(Rating.GOOD, timedelta(seconds=4))  # in the app's journal
        assert "Reviews: 4 " in stats(progress, capsys)
        digest = history_summary._load(progress / DIGEST)
        assert digest is not None and digest.total == 3  # the history's; the journal apart
    finally:
        app.close()
    assert "Reviews: 4 " in stats(progress, capsys)


def test_stats_from_the_cache_index_match_stats_from_whole_cards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI reads only card ids and kinds from the deck cache: the figures are those
    of whole cards, whether the cache hits or misses (first run)."""
    from studyapp.cli import study as cli_study
    from studyapp.core.decks.cache import DeckCache
    from studyapp.core.workspace import load_decks

    progress = tmp_path / "progress"
    study(progress, [Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.GOOD, Rating.HARD])
    cache = DeckCache.default()
    for entry in cache.directory.glob("*.entry"):
        entry.unlink()  # the first run misses
    missed = stats(progress, capsys)
    assert list(cache.directory.glob("*.entry"))  # and caches the decks, as before
    hit = stats(progress, capsys)

    def whole_cards(deck_paths: list[str] | None) -> tuple[list[object], dict[str, str]]:
        found, cards = load_decks(deck_paths or None, cache=None)
        return list(cards), {d.deck_id: d.title for d in found.decks}

    monkeypatch.setattr(cli_study, "_cards", whole_cards)
    whole = stats(progress, capsys)
    assert missed == hit == whole
    assert "Accuracy by kind" in whole and "(no answers yet)" not in whole
