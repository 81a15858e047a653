"""``stats.kept`` brought up to date after studying (answers in the journal, undos,
suspensions, folds): every figure equal to a full recount, at every step of random
study sessions; and anything the kept rows cannot account for counted in full."""

from __future__ import annotations

import io
import random
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from studyapp.cli import study as cli_study
from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.discovery import load_card_keys
from studyapp.core.stats import kept
from studyapp.core.stats.kept_rows import Rows
from studyapp.core.stats.report import Stats, compute_stats
from studyapp.core.store import folding, history_summary, source
from studyapp.core.store import store as store_module
from studyapp.core.store.layout import JOURNAL, KEPT_STATS
from studyapp.core.store.state import Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings
from studyapp.core.workspace import open_workspace
from tests.conftest import REPO

DECKS = str(REPO / "decks")
START = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
NOW = START + timedelta(days=12, hours=5)
RATINGS = [Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.HARD]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A progress folder with ten days of answers, the folds noted (by the store)."""

    monkeypatch.setattr(source, "RACY_SECONDS", -1.0)  # a snapshot of this instant is trusted
    progress = tmp_path / "progress"
    clock = ManualClock(START)
    for day in range(10):
        session = _session(progress, clock, day)
        _answer(session, clock, 12, random.Random(day))
        session.store.close()
        clock.advance(timedelta(days=1))
    return progress


def _session(progress: Path, clock: ManualClock, seed: int) -> Session:
    workspace = open_workspace([DECKS], progress=progress, clock=clock)
    return Session(
        workspace.store, workspace.cards, StudySettings(), clock=clock, rng=random.Random(seed)
    )


def _answer(session: Session, clock: ManualClock, n: int, rng: random.Random) -> None:
    for _ in range(n):
        if session.current is None:
            return
        session.answer(rng.choice(RATINGS), timedelta(seconds=rng.randint(2, 9)))
        clock.advance(timedelta(minutes=rng.randint(1, 9)))


def _run(folder: Path) -> str:
    history_summary._memory.clear()  # as a new process
    out = io.StringIO()
    assert cli_study.cmd_stats([DECKS], str(folder), out, clock=lambda: NOW) == 0
    return out.getvalue()


def _keys() -> list[str]:
    keys = kept.deck_keys([DECKS], DeckCache.default())
    assert keys is not None
    return keys


def _since(folder: Path) -> tuple[Stats, dict[str, str]] | None:
    history_summary._memory.clear()
    return kept.kept_stats(folder, _keys(), NOW)


def _recount(folder: Path) -> Stats:
    """Every figure from a pass over the whole history and every card."""
    cards = [c for d in load_card_keys([DECKS], cache=DeckCache.default()) for c in d.cards]
    with ProgressStore.open(folder, read_only=True) as view:
        return compute_stats(view.history(), view.states, cards, NOW)


def _kept_by_a_full_count(folder: Path) -> None:
    _run(folder)  # the deck cache learns the decks
    (folder / KEPT_STATS).unlink(missing_ok=True)
    _run(folder)
    assert (folder / KEPT_STATS).exists()


def _steps(rng: random.Random, n: int) -> Iterator[str]:
    actions = ["answer", "answer", "answer", "undo", "suspend", "fold", "close", "check"]
    for _ in range(n):
        yield rng.choice(actions)


@pytest.mark.parametrize("seed", range(6))
def test_random_study_gives_the_figures_of_a_full_recount(folder: Path, seed: int) -> None:
    _kept_by_a_full_count(folder)
    rng = random.Random(seed)
    clock = ManualClock(NOW - timedelta(hours=3))
    session = _session(folder, clock, seed)
    brought = 0
    try:
        for step in _steps(rng, 14):
            if step == "answer":
                _answer(session, clock, rng.randint(1, 6), rng)
            elif step == "undo" and session.can_undo:
                session.undo()
            elif step == "suspend" and session.current is not None:
                session.suspend()
            elif step == "fold":
                session.store.fold()
            elif step == "close":
                session.store.close()
                session = _session(folder, clock, rng.randint(0, 99))
            elif step == "check":  # the CLI's output too, once brought up to date
                _run(folder)
            found = _since(folder)  # with the app open: as a learner runs it meanwhile
            assert found is not None, step
            assert found[0] == _recount(folder), step
            brought += 1
    finally:
        session.store.close()
    found = _since(folder)
    assert found is not None and found[0] == _recount(folder)
    assert brought == 14


def test_the_output_equals_counting_everything(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kept_by_a_full_count(folder)
    clock = ManualClock(NOW - timedelta(hours=2))
    session = _session(folder, clock, 3)
    _answer(session, clock, 8, random.Random(3))
    session.store.close()  # folded: a new snapshot, an empty journal
    session = _session(folder, clock, 4)
    _answer(session, clock, 5, random.Random(4))
    session.store.close(fold=False)  # answers left in the journal
    before = (folder / KEPT_STATS).read_bytes()
    text = _run(folder)
    assert (folder / KEPT_STATS).read_bytes() != before  # brought up to date, and kept
    with monkeypatch.context() as patch:
        patch.setattr(kept, "kept_stats", lambda *a, **k: None)
        assert _run(folder) == text
    assert _since(folder) is not None  # the very same states now: the kept figures


def _study_and_fold(folder: Path, *, noted: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = ManualClock(NOW - timedelta(hours=1))
    with monkeypatch.context() as patch:
        if not noted:  # a fold that writes no note (as a store's `_dirty` one)
            patch.setattr(folding, "note_fold", lambda *a, **k: None)
            patch.setattr(store_module, "note_fold", lambda *a, **k: None)
        session = _session(folder, clock, 5)
        _answer(session, clock, 4, random.Random(5))
        session.store.close()


def test_a_fold_not_noted_is_counted_in_full(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _kept_by_a_full_count(folder)
    _study_and_fold(folder, noted=False, monkeypatch=monkeypatch)
    assert _since(folder) is None
    (folder / source.FOLDS).unlink()
    assert _since(folder) is None


def test_notes_that_do_not_chain_are_not_followed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kept_by_a_full_count(folder)
    _study_and_fold(folder, noted=True, monkeypatch=monkeypatch)
    _study_and_fold(folder, noted=False, monkeypatch=monkeypatch)
    _study_and_fold(folder, noted=True, monkeypatch=monkeypatch)  # a gap in the chain
    assert _since(folder) is None
    assert _run(folder) and _since(folder) is not None  # counted in full, kept again


def test_a_damaged_fold_note_is_not_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _kept_by_a_full_count(folder)
    _study_and_fold(folder, noted=True, monkeypatch=monkeypatch)
    notes = folder / source.FOLDS
    raw = bytearray(notes.read_bytes())
    raw[-5] ^= 0x01
    notes.write_bytes(bytes(raw))
    assert source.read_folds(folder) == []
    assert _since(folder) is None


JOURNAL_CHANGES: dict[str, Callable[[bytes], bytes]] = {
    "shortened": lambda raw: raw[: raw.rindex(b"\n", 0, len(raw) - 1) + 1],
    "a byte flipped before the kept length": lambda raw: bytes([raw[0] ^ 0x01]) + raw[1:],
    "a damaged line appended": lambda raw: raw + b'{"seq":999999,"type":"set"}\n' * 2,
    "replaced": lambda raw: b"",
}


@pytest.mark.parametrize("change", list(JOURNAL_CHANGES))
def test_a_journal_that_did_not_only_grow_is_counted_in_full(
    folder: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = ManualClock(NOW - timedelta(hours=1))
    session = _session(folder, clock, 6)
    _answer(session, clock, 6, random.Random(6))
    session.store.close(fold=False)
    _kept_by_a_full_count(folder)
    journal = folder / JOURNAL
    journal.write_bytes(JOURNAL_CHANGES[change](journal.read_bytes()))
    assert _since(folder) is None
    assert _run(folder) and _since(folder) is not None


def test_kept_rows_that_do_not_fit_are_counted_in_full(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kept_by_a_full_count(folder)
    path = folder / KEPT_STATS
    raw = path.read_bytes()
    old = kept._decode(raw)
    assert old is not None
    rows = msgspec.msgpack.decode(old.rows, type=Rows)
    wrong = msgspec.structs.replace(rows, due=rows.due[:-8])  # a due column cut short
    assert len(rows.due) == 8 * len(rows.code)
    path.write_bytes(
        kept._encode(msgspec.structs.replace(old, rows=msgspec.Raw(msgspec.msgpack.encode(wrong))))
    )
    clock = ManualClock(NOW - timedelta(hours=1))
    session = _session(folder, clock, 7)
    _answer(session, clock, 3, random.Random(7))
    session.store.close(fold=False)
    assert _since(folder) is None


def test_a_snapshot_of_other_bytes_than_noted_is_counted_in_full(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kept_by_a_full_count(folder)
    _study_and_fold(folder, noted=True, monkeypatch=monkeypatch)
    notes = source.read_folds(folder)
    bent = [*notes[:-1], msgspec.structs.replace(notes[-1], ends=notes[-1].ends ^ 1)]
    payload = msgspec.msgpack.encode(bent)
    (folder / source.FOLDS).write_bytes(
        source._FOLDS_MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload
    )
    assert source.read_folds(folder) == bent
    assert _since(folder) is None
