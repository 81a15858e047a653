"""The history digest gives exactly what a full pass over the history gives.

``store_stats`` / ``store_streak`` / ``card_history`` against ``compute_stats``
over ``store.history()`` (the reference), on random histories written through a
real store (answers, undos, folds in between, journal records not folded), in
several time zones and rollover hours; and a digest that is damaged, stale or
missing is rebuilt, and kept by any store (read-only ones too) without ever being
half-written or written over a newer one.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.stats.report import compute_stats, store_stats, store_streak
from studyapp.core.store import history_summary
from studyapp.core.store.check import check_folder
from studyapp.core.store.history_summary import card_history, summarize
from studyapp.core.store.journal import encode_line
from studyapp.core.store.layout import DIGEST, HISTORY
from studyapp.core.store.lock import FolderLock
from studyapp.core.store.quarters import EPOCH, QUARTER, day_runs
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.queue import study_day

START = datetime(2026, 1, 20, 3, 7, tzinfo=UTC)


def _deck() -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": "q1", "kind": "qa", "prompt": "One?", "answer": "1"},
        {"id": "d1", "kind": "date", "event": "It happened", "date": "2020"},
        {"id": "f1", "kind": "figure", "measure": "Share", "value": 52, "unit": "%"},
    ]
    return Deck.model_validate({"id": "k", "title": "K", "entries": entries})


CARDS = cards_for_deck(_deck())
IDS = [c.id for c in CARDS] + ["gone/x/y", 'k/é"odd\\id/1']
ZONES: list[tzinfo] = [
    UTC,
    ZoneInfo("Asia/Kathmandu"),  # +5:45
    ZoneInfo("America/St_Johns"),  # -3:30, with summer time
    ZoneInfo("Europe/Paris"),
    ZoneInfo("Australia/Lord_Howe"),  # a 30-minute summer time
    timezone(timedelta(hours=5, minutes=45)),
    timezone(-timedelta(hours=3, minutes=30)),
]


@pytest.fixture(autouse=True)
def _forget_memory() -> Iterator[None]:
    history_summary._memory.clear()
    yield
    history_summary._memory.clear()


def _state(card: str, phase: Phase) -> CardState:
    return CardState(card, phase=phase)


def assert_same(store: ProgressStore, now: datetime, hour: int, tz: tzinfo) -> None:
    """Every figure of the fast path equals the full pass's (and it is the fast path)."""
    assert summarize(store) is not None
    options: dict[str, Any] = {"day_starts_at": hour, "tz": tz}
    expected = compute_stats(store.history(), store.states, CARDS, now, days=40, **options)
    assert store_stats(store, store.states, CARDS, now, days=40, **options) == expected
    assert store_streak(store, now, **options) == expected.streak
    history = list(store.history())
    for card in IDS[::2]:
        assert card_history(store, card) == [r for r in history if r.card_id == card]


# One step of a learner's history: answer (card, minutes after START, rating,
# phase before, took), undo an earlier answer, or fold the journal.
# When: minutes after START, or (days, microseconds) from ``now`` less that many days
# (near the ends of the retention windows, which cut through quarter-hours).
when = st.one_of(
    st.integers(0, 60 * 24 * 50),
    st.tuples(st.sampled_from([0, 1, 7, 30]), st.integers(-1_800_000_000, 1_800_000_000)),
)
answer = st.tuples(
    st.just("answer"),
    st.sampled_from(IDS),
    when,
    st.sampled_from(list(Rating)),
    st.sampled_from(list(Phase)),
    st.one_of(st.none(), st.integers(0, 60_000)),
)
undo = st.tuples(st.just("undo"), st.integers(0, 10_000))
fold = st.tuples(st.just("fold"))
check = st.tuples(st.just("check"))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    steps=st.lists(st.one_of(answer, answer, answer, undo, fold, check), min_size=1, max_size=40),
    now_minutes=st.integers(0, 60 * 24 * 52),
    now_micros=st.integers(0, 60_000_000 - 1),
    hour=st.sampled_from([0, 4, 23]),
    tz=st.sampled_from(ZONES),
    fold_after=st.sampled_from([3, 1000]),
)
def test_fast_path_equals_full_pass(
    steps: list[tuple[Any, ...]],
    now_minutes: int,
    now_micros: int,
    hour: int,
    tz: tzinfo,
    fold_after: int,
) -> None:
    now = START + timedelta(minutes=now_minutes, microseconds=now_micros)
    with tempfile.TemporaryDirectory() as folder:
        history_summary._memory.clear()
        with ProgressStore.open(folder, clock=lambda: now, fold_after=fold_after) as store:
            seqs: list[int] = []
            for step in steps:
                if step[0] == "answer":
                    _, card, moment, rating, phase, took = step
                    if isinstance(moment, int):
                        at = START + timedelta(minutes=moment, seconds=moment % 59)
                    else:
                        at = now - timedelta(days=moment[0], microseconds=moment[1])
                    took_delta = None if took is None else timedelta(milliseconds=took)
                    review = store.record_review(
                        _state(card, phase), _state(card, Phase.NEW), rating, at, took_delta
                    )
                    seqs.append(review.seq)
                elif step[0] == "undo" and seqs:
                    target = seqs.pop(step[1] % len(seqs))
                    store.record_undo(target, CardState(IDS[0]), START)
                elif step[0] == "fold":
                    store.fold()
                elif step[0] == "check":
                    assert_same(store, now, hour, tz)  # builds or extends the digest
            assert_same(store, now, hour, tz)
            store.fold()
            assert_same(store, now, hour, tz)
        # reopened read-only (the digest on disk, the memory forgotten)
        history_summary._memory.clear()
        with ProgressStore.open(folder, read_only=True) as view:
            assert_same(view, now, hour, tz)


def test_retention_windows_cut_through_quarter_hours(tmp_path: Path) -> None:
    """Answers a few seconds either side of ``now`` and of the windows' starts."""
    now = datetime(2026, 3, 10, 12, 7, 30, 250_000, tzinfo=UTC)
    moments = [now, now + timedelta(seconds=1), now - timedelta(microseconds=1)]
    for days in (1, 7, 30):
        start = now - timedelta(days=days)
        moments += [start, start + timedelta(microseconds=1), start - timedelta(seconds=3)]
    with ProgressStore.open(tmp_path, clock=lambda: now) as store:
        for i, at in enumerate(moments):
            rating = Rating.AGAIN if i % 3 == 0 else Rating.GOOD
            store.record_review(
                _state(IDS[i % 3], Phase.REVIEW), _state(IDS[i % 3], Phase.NEW), rating, at
            )
        store.fold()
        for i, at in enumerate(moments[:4]):  # the same again, in the journal
            store.record_review(
                _state(IDS[i % 3], Phase.REVIEW), _state(IDS[i % 3], Phase.NEW), Rating.HARD, at
            )
        for tz in ZONES[:3]:
            assert_same(store, now, 4, tz)


def test_day_runs_match_study_day() -> None:
    """Quarter-hours over two years around summer time changes, in many zones."""
    base = (datetime(2024, 1, 1, tzinfo=UTC) - EPOCH) // QUARTER
    keys = sorted({base + (i * 7919) % (96 * 730) for i in range(20_000)} | {base + 1, base + 2})
    zones: list[tzinfo | None] = [
        *ZONES,
        ZoneInfo("America/New_York"),
        ZoneInfo("Pacific/Chatham"),
        ZoneInfo("America/Sao_Paulo"),
        None,
    ]
    for tz in zones:
        for hour in (0, 4, 23):
            days: list[int] = [0] * len(keys)
            for i, j, day in day_runs(keys, hour, tz):
                days[i:j] = [day] * (j - i)
            for key, day in zip(keys, days, strict=True):
                moment = EPOCH + key * QUARTER
                expected = study_day(moment, hour, tz)
                assert day == (expected - datetime(1970, 1, 1).date()).days, (tz, hour, moment)


# ---------------------------------------------------------------- the digest as a cache


def _history(folder: Path, n: int = 30, *, fold: bool = True) -> ProgressStore:
    store = ProgressStore.open(folder, clock=lambda: START)
    for i in range(n):
        card = IDS[i % len(IDS)]
        store.record_review(
            _state(card, Phase.REVIEW if i % 2 else Phase.LEARNING),
            _state(card, Phase.NEW),
            Rating.AGAIN if i % 4 == 0 else Rating.GOOD,
            START - timedelta(hours=7 * i),
            timedelta(seconds=i),
        )
    if fold:
        store.fold()
    return store


NOW = START + timedelta(hours=1)


def _expected(store: ProgressStore) -> Any:
    return compute_stats(store.history(), store.states, CARDS, NOW, tz=UTC)


def _fast(store: ProgressStore) -> Any:
    history_summary._memory.clear()  # as a new process would
    return store_stats(store, store.states, CARDS, NOW, tz=UTC)


def test_digest_is_written_and_extended_by_reading_the_tail(tmp_path: Path) -> None:
    with _history(tmp_path) as store:
        assert _fast(store) == _expected(store)
        digest = history_summary._load(tmp_path / DIGEST)
        assert digest is not None and digest.covered == (tmp_path / HISTORY).stat().st_size
        first = digest.total
        store.record_review(_state(IDS[0], Phase.REVIEW), _state(IDS[0], Phase.NEW), 3, START)
        store.fold()
        assert _fast(store) == _expected(store)
        digest = history_summary._load(tmp_path / DIGEST)
        assert digest is not None and digest.total == first + 1


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json at all\n",
        b'{"format":"studyapp-history-digest","version":1}\n',
        encode_line({"format": "studyapp-history-digest", "version": 1, "covered": 5}),
        encode_line({"format": "studyapp-history-digest", "version": 99}),
    ],
)
def test_damaged_digest_is_recomputed(tmp_path: Path, damage: bytes) -> None:
    with _history(tmp_path) as store:
        expected = _expected(store)
        (tmp_path / DIGEST).write_bytes(damage)
        assert _fast(store) == expected
        assert history_summary._load(tmp_path / DIGEST) is not None  # rewritten


def test_digest_with_a_flipped_byte_is_recomputed(tmp_path: Path) -> None:
    with _history(tmp_path) as store:
        expected = _fast(store)
        raw = bytearray((tmp_path / DIGEST).read_bytes())
        raw[len(raw) // 2] ^= 1
        (tmp_path / DIGEST).write_bytes(bytes(raw))
        assert _fast(store) == expected == _expected(store)


def test_stale_digest_of_another_history_is_recomputed(tmp_path: Path) -> None:
    with _history(tmp_path / "a", 40) as a:
        _fast(a)
    with _history(tmp_path / "b", 50) as b:
        os.replace(tmp_path / "a" / DIGEST, tmp_path / "b" / DIGEST)
        assert _fast(b) == _expected(b)


def test_shorter_history_is_recomputed(tmp_path: Path) -> None:
    with _history(tmp_path) as store:
        _fast(store)
        path = tmp_path / HISTORY
        lines = path.read_bytes().splitlines(keepends=True)
        path.write_bytes(b"".join(lines[:10]))
        assert _fast(store) == _expected(store)
        assert _expected(store).total_reviews == 10


def test_torn_and_unterminated_last_lines(tmp_path: Path) -> None:
    with _history(tmp_path) as store:
        path = tmp_path / HISTORY
        lines = path.read_bytes().splitlines(keepends=True)
        path.write_bytes(b"".join(lines[:-1]) + lines[-1].rstrip(b"\n"))  # whole, no newline
        assert _fast(store) == _expected(store)
        assert _expected(store).total_reviews == 30
        path.write_bytes(b"".join(lines[:-1]) + lines[-1][:20])  # torn
        assert _fast(store) == _expected(store)
        store.record_review(_state(IDS[1], Phase.REVIEW), _state(IDS[1], Phase.NEW), 1, START)
        store.fold()  # a fresh line after the torn one
        assert _fast(store) == _expected(store)
        assert card_history(store, IDS[1]) == [r for r in store.history() if r.card_id == IDS[1]]


def test_undo_of_a_folded_review(tmp_path: Path) -> None:
    """Undone after the fold: in the journal, then (folded) in the history file."""
    with _history(tmp_path) as store:
        _fast(store)
        target = next(r for r in store.history() if r.card_id == IDS[2])
        store.record_undo(target.seq, CardState(IDS[2]), START)
        assert _fast(store) == _expected(store)
        assert card_history(store, IDS[2]) == [r for r in store.history() if r.card_id == IDS[2]]
        store.fold()
        assert _fast(store) == _expected(store)
        assert b'"undo"' in (tmp_path / HISTORY).read_bytes()


def test_history_written_otherwise_is_read_in_full(tmp_path: Path) -> None:
    """Lines whose seq or card the byte search cannot find (valid, but not as the store
    writes them): an undo of one of them, or one card's history, reads it all."""
    with _history(tmp_path, 10) as store:
        at = (START - timedelta(days=2)).isoformat()
        body = (
            f'{{"type": "review", "card": "{IDS[0]}", "at": "{at}", "rating": 3, '
            '"phase": "review", "seq": 5000}'
        ).encode()
        line = body[:-1] + b',"crc":"%08x"}\n' % zlib.crc32(body)
        with open(tmp_path / HISTORY, "ab") as handle:
            handle.write(line)
        assert _fast(store) == _expected(store)
        assert card_history(store, IDS[0]) == [r for r in store.history() if r.card_id == IDS[0]]
        store.record_undo(5000, CardState(IDS[0]), START)
        assert _fast(store) == _expected(store)
        assert summarize(store) is None  # read in full


def test_read_only_store_keeps_the_digest(tmp_path: Path) -> None:
    """``studyapp stats`` opens the store read-only: the digest is kept all the same."""
    _history(tmp_path).close()
    with ProgressStore.open(tmp_path, read_only=True) as view:
        assert _fast(view) == _expected(view)
        assert card_history(view, IDS[0])
        assert store_streak(view, NOW)
    digest = history_summary._load(tmp_path / DIGEST)
    assert digest is not None and digest.covered == (tmp_path / HISTORY).stat().st_size
    (tmp_path / DIGEST).write_bytes(b"stale")
    with ProgressStore.open(tmp_path, read_only=True) as view:
        assert _fast(view) == _expected(view)
    assert history_summary._load(tmp_path / DIGEST) is not None  # damaged: replaced


def test_a_reader_keeps_the_digest_while_the_app_runs(tmp_path: Path) -> None:
    with _history(tmp_path) as app:  # holds the store's lock, answers, folds
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert _fast(view) == _expected(view)
        first = history_summary._load(tmp_path / DIGEST)
        assert first is not None
        for i in range(5):
            app.record_review(_state(IDS[i], Phase.REVIEW), _state(IDS[i], Phase.NEW), 3, START)
        app.fold()
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert _fast(view) == _expected(view)  # brought up to date from the tail
        second = history_summary._load(tmp_path / DIGEST)
        assert second is not None and second.total == first.total + 5
        assert second.covered == (tmp_path / HISTORY).stat().st_size
        assert _fast(app) == _expected(app)  # the app reads what the reader wrote


def test_a_reader_never_writes_over_a_newer_digest(tmp_path: Path) -> None:
    with _history(tmp_path) as app:
        _fast(app)
        older = history_summary._load(tmp_path / DIGEST)
        seen = history_summary._file_id(tmp_path / DIGEST)
        app.record_review(_state(IDS[0], Phase.REVIEW), _state(IDS[0], Phase.NEW), 3, START)
        app.fold()
        _fast(app)  # another writer brings it up to date meanwhile
        newer = (tmp_path / DIGEST).read_bytes()
        assert older is not None
        with open(tmp_path / HISTORY, "rb") as handle:  # the slow reader saves its own now
            history_summary._save(tmp_path, older, seen, handle)
        assert (tmp_path / DIGEST).read_bytes() == newer


def test_no_digest_is_written_while_another_writer_holds_its_lock(tmp_path: Path) -> None:
    _history(tmp_path).close()
    with FolderLock(tmp_path / history_summary.DIGEST_LOCK):  # e.g. another process saving
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert _fast(view) == _expected(view)
        assert not (tmp_path / DIGEST).exists()
    with ProgressStore.open(tmp_path, read_only=True) as view:
        assert _fast(view) == _expected(view)
    assert (tmp_path / DIGEST).exists()


def test_no_digest_is_written_for_a_history_replaced_meanwhile(tmp_path: Path) -> None:
    with _history(tmp_path / "a", 20) as a:
        _fast(a)
        digest = history_summary._load(tmp_path / "a" / DIGEST)
    (tmp_path / "a" / DIGEST).unlink()
    assert digest is not None
    with open(tmp_path / "a" / HISTORY, "rb") as handle:
        _history(tmp_path / "b", 25).close()
        os.replace(tmp_path / "b" / HISTORY, tmp_path / "a" / HISTORY)  # e.g. restored
        history_summary._save(tmp_path / "a", digest, None, handle)
    assert not (tmp_path / "a" / DIGEST).exists()


def test_a_read_only_folder_is_read_without_a_digest(tmp_path: Path) -> None:
    _history(tmp_path).close()
    os.chmod(tmp_path, 0o555)
    try:
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert _fast(view) == _expected(view)
    finally:
        os.chmod(tmp_path, 0o755)
    assert not (tmp_path / DIGEST).exists() or os.geteuid() == 0  # (root writes anyway)


def test_no_history_no_digest(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path, clock=lambda: START) as store:
        assert _fast(store) == _expected(store)
        store.record_review(_state(IDS[0], Phase.NEW), _state(IDS[0], Phase.NEW), 3, START)
        assert _fast(store) == _expected(store)
        assert card_history(store, IDS[0]) == list(store.history())
    assert not (tmp_path / DIGEST).exists()


def test_integrity_check_does_not_report_the_digest(tmp_path: Path) -> None:
    with _history(tmp_path) as store:
        _fast(store)
    report = check_folder(tmp_path)
    assert report.ok and not report.problems
    assert DIGEST in report.files


def test_leftover_digest_temp_file_is_removed(tmp_path: Path) -> None:
    _history(tmp_path).close()
    stray = tmp_path / f".{DIGEST}.abc.tmp"
    stray.write_bytes(b"half")
    with ProgressStore.open(tmp_path):
        pass
    assert not stray.exists()


def test_an_answer_recorded_among_later_ones_is_counted_once() -> None:
    """Found by the property test above: the history is in answer order, so one
    quarter-hour's span of lines can hold another's (here an answer at yesterday's
    window edge, recorded between two of today's). Reading both spans counted it twice."""
    now = START
    with tempfile.TemporaryDirectory() as folder:
        history_summary._memory.clear()
        with ProgressStore.open(folder, clock=lambda: now, fold_after=3) as store:
            card = IDS[0]
            for at, phase in [
                (now, Phase.NEW),
                (now, Phase.NEW),
                (now - timedelta(days=1, microseconds=-1), Phase.REVIEW),
                (now, Phase.REVIEW),
            ]:
                store.record_review(_state(card, phase), _state(card, Phase.NEW), Rating.AGAIN, at)
            store.fold()
            assert_same(store, now, 0, UTC)
