"""``studyapp stats`` from what the last run kept (``stats.kept``): the very same output
as counting everything, and anything stale, missing or damaged counted again."""

from __future__ import annotations

import io
import random
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from studyapp.cli import study as cli_study
from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cache import DeckCache
from studyapp.core.stats import kept
from studyapp.core.stats.report import Stats, compute_stats
from studyapp.core.store import history_summary, source
from studyapp.core.store.layout import JOURNAL, KEPT_STATS, SNAPSHOT
from studyapp.core.store.state import Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings
from studyapp.core.workspace import open_workspace
from tests.conftest import REPO

DECKS = str(REPO / "decks")
START = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
NOW = START + timedelta(days=12, hours=5)
RATINGS = [Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.HARD, Rating.GOOD, Rating.AGAIN]


def _study(progress: Path, clock: ManualClock, answers: int, seed: int) -> Session:
    workspace = open_workspace([DECKS], progress=progress, clock=clock)
    session = Session(
        workspace.store, workspace.cards, StudySettings(), clock=clock, rng=random.Random(seed)
    )
    for i in range(answers):
        if session.current is None:
            break
        session.answer(RATINGS[(i + seed) % len(RATINGS)], timedelta(seconds=3 + i % 5))
        clock.advance(timedelta(minutes=7))
    return session


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Ten days of answers in the history, and a journal with answers not folded yet
    (copied while the app had it open)."""
    monkeypatch.setattr(source, "RACY_SECONDS", -1.0)  # a snapshot of this instant is trusted
    progress = tmp_path / "app"
    clock = ManualClock(START)
    for day in range(10):
        session = _study(progress, clock, 12, day)
        session.store.close()
        clock.advance(timedelta(days=1))
    session = _study(progress, clock, 5, 99)
    copy = tmp_path / "progress"
    shutil.copytree(progress, copy)
    session.store.close()
    assert (copy / JOURNAL).stat().st_size > 0
    return copy


def _run(folder: Path, *, at: datetime = NOW) -> str:
    history_summary._memory.clear()  # as a new process
    out = io.StringIO()
    assert cli_study.cmd_stats([DECKS], str(folder), out, clock=lambda: at) == 0
    return out.getvalue()


def _counted(
    folder: Path, monkeypatch: pytest.MonkeyPatch, *, at: datetime = NOW
) -> tuple[str, list[str]]:
    """The output counting everything (the kept file not looked at), and what it kept."""
    with monkeypatch.context() as patch:
        patch.setattr(kept, "kept_stats", lambda *a, **k: None)
        text = _run(folder, at=at)
    keys = kept.deck_keys([DECKS], DeckCache.default())
    assert keys is not None
    return text, keys


def _fast(
    folder: Path, keys: list[str], *, at: datetime = NOW
) -> tuple[Stats, dict[str, str]] | None:
    history_summary._memory.clear()
    return kept.kept_stats(folder, keys, at)


def test_kept_figures_give_the_output_of_counting_everything(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(folder)  # the deck cache learns the decks' files
    full, keys = _counted(folder, monkeypatch)
    assert (folder / KEPT_STATS).exists()
    assert _fast(folder, keys) is not None  # the next run takes the kept figures
    assert _run(folder) == full
    later = NOW + timedelta(days=3, hours=20)  # another day: the forecast moves on
    assert _run(folder, at=later) == _counted(folder, monkeypatch, at=later)[0]


def test_kept_figures_equal_a_pass_over_the_whole_history(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(folder)
    _, keys = _counted(folder, monkeypatch)
    found = _fast(folder, keys)
    assert found is not None
    stats, titles = found
    workspace = open_workspace([DECKS], progress=folder)
    try:
        reference = compute_stats(
            workspace.store.history(), workspace.store.states, workspace.cards, NOW
        )
        assert titles == {d.deck_id: d.title for d in workspace.decks.decks}
    finally:
        workspace.close()
    assert stats == reference
    assert stats.total_reviews > 100 and stats.accuracy_by_kind and stats.mastery_by_deck


def _flip_byte(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x20
    path.write_bytes(bytes(raw))


def _rewrite(path: Path, change: Callable[[kept._Kept], kept._Kept]) -> None:
    """The kept file with a change, its CRC made right again (damage a CRC cannot see)."""
    raw = path.read_bytes()
    payload = raw[len(kept._MAGIC) + 4 :]
    old = msgspec.msgpack.decode(payload, type=kept._Kept)
    path.write_bytes(kept._encode(change(old)))


DAMAGE: dict[str, Callable[[Path], object]] = {
    "missing": lambda p: p.unlink(),
    "empty": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:-100]),
    "a flipped byte": _flip_byte,
    "another format": lambda p: p.write_bytes(b'{"format": "studyapp-stats-kept"}'),
    "another build": lambda p: _rewrite(p, lambda k: msgspec.structs.replace(k, build="0.0")),
    "dues out of order": lambda p: _rewrite(
        p, lambda k: msgspec.structs.replace(k, dues=k.dues[8:] + k.dues[:8])
    ),
    "dues cut": lambda p: _rewrite(p, lambda k: msgspec.structs.replace(k, dues=k.dues[:-3])),
    "another history": lambda p: _rewrite(
        p, lambda k: msgspec.structs.replace(k, history=[k.history[0] + 1, *k.history[1:]])
    ),
    "another deck": lambda p: _rewrite(
        p, lambda k: msgspec.structs.replace(k, decks=[*k.decks[:-1], "0" * 64])
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_or_missing_kept_file_is_counted_again_and_rewritten(
    folder: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    _run(folder)
    full, keys = _counted(folder, monkeypatch)
    DAMAGE[damage](folder / KEPT_STATS)
    assert _fast(folder, keys) is None  # never trusted
    assert _run(folder) == full  # counted again...
    assert _fast(folder, keys) is not None  # ...and kept again


def test_new_answers_or_a_fold_bring_the_kept_figures_up_to_date(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After studying, the kept figures are brought up to date from what changed (the
    journal's new answers, then the fold's note) and equal a full count every time."""
    _run(folder)
    _, keys = _counted(folder, monkeypatch)
    assert _fast(folder, keys) is not None
    clock = ManualClock(NOW - timedelta(hours=1))
    session = _study(folder, clock, 3, 7)  # answers in the journal: the states moved on
    assert _fast(folder, keys) is not None  # the journal's new answers applied...
    brought = _run(folder)  # (while the app has the folder open)
    with monkeypatch.context() as patch:
        patch.setattr(kept, "kept_stats", lambda *a, **k: None)
        assert _run(folder) == brought  # ...equal to counting every card
    session.store.close()  # folded: a new snapshot, an empty journal, a fold note
    assert _fast(folder, keys) is not None
    brought = _run(folder)
    with monkeypatch.context() as patch:
        patch.setattr(kept, "kept_stats", lambda *a, **k: None)
        full = _run(folder)
    assert "Reviews: " in full and brought == full


def test_other_decks_are_not_the_kept_decks(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _run(folder)
    _, keys = _counted(folder, monkeypatch)
    assert kept.kept_stats(folder, [*keys, "0" * 64], NOW) is None
    assert kept.kept_stats(folder, [], NOW) is None
    assert kept.kept_stats(folder, None, NOW) is None
    one = sorted(Path(DECKS).glob("*.yaml"))[0]
    unread = tmp_path / "copy.yaml"
    shutil.copy(one, unread)  # a file the deck cache has not read: it must be read
    assert kept.deck_keys([str(unread)], DeckCache.default()) is None


def test_a_snapshot_written_this_instant_is_not_kept_by_its_stat(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "RACY_SECONDS", 3.0)
    (folder / SNAPSHOT).write_bytes((folder / SNAPSHOT).read_bytes())  # changed just now
    _run(folder)
    _run(folder)
    assert not (folder / KEPT_STATS).exists()


def test_only_a_read_only_store_names_its_source(folder: Path) -> None:
    with ProgressStore.open(folder, read_only=True) as view:
        named = view.source
        assert named is not None
        assert named == source.read_source(folder)[0]
    with ProgressStore.open(folder) as owner:
        assert owner.source is None
