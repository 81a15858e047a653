"""The progress store's fast paths: the columnar snapshot (version 3), the answer's
hand-written journal line, and the journal's background fsync."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from studyapp.core.base.clock import ManualClock
from studyapp.core.store import snapshot_decode
from studyapp.core.store.errors import ProgressError
from studyapp.core.store.journal import dumps, encode_line
from studyapp.core.store.journal_sync import JournalSync
from studyapp.core.store.layout import JOURNAL, SNAPSHOT
from studyapp.core.store.snapshot import FORMAT, OPTIONAL_COLUMNS, VERSION, snapshot_chunks
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def open_store(folder: Path, **kwargs: object) -> ProgressStore:
    return ProgressStore.open(folder, clock=ManualClock(NOW), **kwargs)  # type: ignore[arg-type]


moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
# (any state the schedulers can use: see state.unusable; the others are damage)
finite = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
states = st.builds(
    CardState,
    card_id=st.text(min_size=1, max_size=12).map(lambda s: f"d/{s}/v"),
    phase=st.sampled_from(Phase),
    due=st.none() | moments,
    last_review=st.none() | moments,
    step=st.none() | st.integers(0, 5),
    stability=st.none() | finite,
    difficulty=st.none() | st.floats(min_value=1.0, max_value=10.0),
    ease=st.none() | st.floats(min_value=1e-3, max_value=1000.0),
    interval=st.integers(0, 36500),
    reps=st.integers(0, 10000),
    lapses=st.integers(0, 100),
    suspended=st.booleans(),
    buried_until=st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    leech=st.booleans(),
)


# ------------------------------------------------------------------ snapshot v3


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cards=st.lists(states, max_size=8, unique_by=lambda s: s.card_id))
def test_every_field_survives_the_columnar_snapshot(tmp_path_factory, cards) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("store")
    with open_store(folder) as store:
        for state in cards:
            store.record_change(state, NOW, "test")
    data = json.loads((folder / SNAPSHOT).read_bytes())
    assert data["version"] == VERSION == 3
    assert data["cards"]["id"] == [s.card_id for s in cards]
    with open_store(folder) as store:
        assert store.problems == ()
        assert_same_states(store.states, {s.card_id: s for s in cards})


def assert_same_states(got: Mapping[str, CardState], want: Mapping[str, CardState]) -> None:
    """Equal states, and each value of the same type (a float is not an int, UTC is UTC)."""
    assert dict(got) == dict(want)
    for card_id, state in want.items():
        other = got[card_id]
        fields = CardState.__struct_fields__
        assert [type(getattr(other, f)) for f in fields] == [
            type(getattr(state, f)) for f in fields
        ]


def assert_reads_as_the_general_reader(raw: bytes, cards: Mapping[str, CardState]) -> None:
    general, bad = snapshot_decode._states_v3(json.loads(raw)["cards"])
    assert bad == []
    assert_same_states(cards, general)


def snapshot_bytes(cards: list[CardState]) -> bytes:
    header = {"format": FORMAT, "version": VERSION, "journal_seq": 0, "settings": {}}
    return b"".join(snapshot_chunks(header, {s.card_id: s for s in cards}))


@settings(max_examples=50, deadline=None)
@given(cards=st.lists(states, max_size=8, unique_by=lambda s: s.card_id))
def test_typed_decoding_reads_what_the_general_path_reads(cards: list[CardState]) -> None:
    """msgspec's typed decoding (the fast path at start) agrees with json.loads and the
    column checks, value for value and type for type."""
    raw = snapshot_bytes(cards)
    typed = snapshot_decode._parse_v3_typed(raw)
    assert typed is not None
    assert_reads_as_the_general_reader(raw, typed.cards)


@pytest.mark.parametrize(
    "change",
    [
        ("due", ["2026-03-05T14:00:00+02:00"]),  # another offset: converted by the careful path
        ("due", ["2026-03-05T14:00:00"]),  # naive
        ("stability", ["NaN"]),  # written as the NaN token below
        ("phase", [7]),
        ("flags", [9]),
        ("reps", [1.5]),
        ("id", [3]),
        ("version", 2),
    ],
    ids=["offset", "naive", "nan", "phase code", "flags", "float count", "int id", "version 2"],
)
def test_typed_decoding_leaves_the_unusual_to_the_general_path(
    change: tuple[str, object],
) -> None:
    cards: dict[str, object] = {"id": ["d/a/v"], "phase": [2], "stability": [1.0]}
    data: dict[str, object] = {"format": FORMAT, "version": VERSION, "cards": cards}
    name, value = change
    if name == "version":
        data["version"] = value
    else:
        cards[name] = value
    raw = json.dumps(data).replace('"NaN"', "NaN").encode()
    assert snapshot_decode._parse_v3_typed(raw) is None


def test_columns_of_defaults_are_left_out(tmp_path: Path) -> None:
    fresh = CardState("d/a/v", Phase.REVIEW, NOW, NOW, None, 2.5, 5.0, None, 3, 1)
    with open_store(tmp_path) as store:
        store.record_change(fresh, NOW, "test")
        store.record_change(CardState("d/b/v"), NOW, "test")
    cards = json.loads((tmp_path / SNAPSHOT).read_bytes())["cards"]
    assert set(cards) == {"id", "phase", "due", "last_review", "stability", "difficulty"} | {
        "interval",
        "reps",
    }
    assert cards["phase"] == [2, 0] and cards["due"] == ["2026-03-02T12:00:00Z", None]
    # the general reader (an older studyapp's too) reads that form of UTC as well
    assert datetime.fromisoformat(cards["due"][0]) == NOW


def columnar(cards: dict[str, list[object]]) -> bytes:
    data = {"format": FORMAT, "version": 3, "journal_seq": 0, "settings": {}, "cards": cards}
    return json.dumps(data).encode()


def test_unusual_values_are_read_card_by_card(tmp_path: Path) -> None:
    """An int for a float, another UTC offset: the careful path reads them as version 2 did."""
    raw = columnar(
        {
            "id": ["d/a/v", "d/b/v"],
            "phase": [2, 1],
            "due": ["2026-03-05T14:00:00+02:00", "2026-03-02T12:10:00+00:00"],
            "last_review": ["2026-03-01T12:00:00+00:00", "2026-03-02T12:00:00+00:00"],
            "stability": [3, 0.5],
            "difficulty": [5.0, 6.5],
            "reps": [4, 1],
            "flags": [3, 0],
            "buried_until": [None, "2026-03-02"],
        }
    )
    tmp_path.joinpath(SNAPSHOT).write_bytes(raw)
    with open_store(tmp_path) as store:
        assert store.problems == ()
        a, b = store.get("d/a/v"), store.get("d/b/v")
        assert a.due == datetime(2026, 3, 5, 12, tzinfo=UTC) and a.due.tzinfo is UTC
        assert a.stability == 3.0 and type(a.stability) is float
        assert a.suspended and a.leech and not b.suspended and not b.leech
        assert b.buried_until == date(2026, 3, 2) and b.phase is Phase.LEARNING


@pytest.mark.parametrize(
    "cards",
    [
        {"id": ["d/a/v"], "phase": [2, 2]},
        {"id": ["d/a/v"]},
        {"id": ["d/a/v"], "phase": [2], "reps": 3},
        {"id": "d/a/v", "phase": [2]},
    ],
    ids=["short column", "no phase", "not a column", "ids not a column"],
)
def test_malformed_columns_set_the_file_aside(tmp_path: Path, cards: dict[str, object]) -> None:
    raw = columnar(cards)  # type: ignore[arg-type]
    tmp_path.joinpath(SNAPSHOT).write_bytes(raw)
    with open_store(tmp_path) as store:
        (problem,) = store.problems
        assert problem.severity == "error" and problem.moved_to is not None
        assert problem.moved_to.name.startswith(f"{SNAPSHOT}.damaged-")
        assert problem.moved_to.read_bytes() == raw


def test_version_2_is_migrated_and_kept(tmp_path: Path) -> None:
    a = CardState("d/a/v", Phase.REVIEW, NOW, NOW, None, 2.5, 5.0, None, 3, 4, 1)
    b = CardState("d/b/v", Phase.NEW, suspended=True, buried_until=date(2026, 3, 2))
    data = {
        "format": FORMAT,
        "version": 2,
        "journal_seq": 0,
        "settings": {"x": 1},
        "recent": [],
        "cards": {a.card_id: a.to_dict(), b.card_id: b.to_dict()},
    }
    raw = json.dumps(data).encode()
    tmp_path.joinpath(SNAPSHOT).write_bytes(raw)
    with open_store(tmp_path) as store:
        assert store.get("d/a/v") == a and store.get("d/b/v") == b
        assert store.settings == {"x": 1}
        (problem,) = store.problems
        assert problem.severity == "info" and "version 2" in problem.message
        assert problem.moved_to is not None and problem.moved_to.read_bytes() == raw
    assert json.loads(tmp_path.joinpath(SNAPSHOT).read_bytes())["version"] == VERSION
    with open_store(tmp_path) as store:
        assert store.problems == () and store.get("d/a/v") == a and store.get("d/b/v") == b


# ------------------------------------------------------------ the journal line


@settings(max_examples=200, deadline=None)
@given(state=states)
def test_state_json_is_what_to_dict_gives(state: CardState) -> None:
    text = state.to_json()
    assert text is not None
    assert text.encode() == dumps(state.to_dict())
    assert CardState.from_dict(state.card_id, json.loads(text)) == state


@pytest.mark.parametrize(
    "odd",
    [
        {"stability": 3},
        {"due": datetime(2026, 3, 2, 14, tzinfo=timezone(timedelta(hours=2)))},
        {"reps": True},
        {"difficulty": float("nan")},
    ],
    ids=["int stability", "another offset", "bool reps", "nan"],
)
def test_state_json_leaves_odd_states_to_the_general_path(odd: dict[str, object]) -> None:
    assert replace(CardState("d/a/v", Phase.REVIEW), **odd).to_json() is None  # type: ignore[arg-type]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    previous=states,
    new=states,
    rating=st.sampled_from(Rating),
    took=st.none() | st.integers(0, 10**6).map(lambda ms: timedelta(milliseconds=ms)),
)
def test_an_answer_writes_the_line_encode_line_would(  # type: ignore[no-untyped-def]
    tmp_path_factory, previous, new, rating, took
) -> None:
    folder = tmp_path_factory.mktemp("store")
    with open_store(folder) as store:
        record = store.record_review(previous, new, rating, NOW, took)
        line = folder.joinpath(JOURNAL).read_bytes()
        expected: dict[str, object] = {
            "type": "review",
            "card": new.card_id,
            "at": NOW.isoformat(),
            "rating": int(rating),
            "phase": previous.phase.value,
            "state": new.to_dict(),
        }
        if took is not None:
            expected["ms"] = record.took_ms
        if new.phase is Phase.REVIEW:
            expected["ivl"] = new.interval
        expected["seq"] = record.seq
        assert line == encode_line(expected)
        assert store.get(new.card_id) == new
        store.close(fold=False)
    with open_store(folder) as store:
        assert store.get(new.card_id) == new


def test_an_odd_state_still_reads_back_as_on_disk(tmp_path: Path) -> None:
    odd = CardState("d/a/v", Phase.REVIEW, stability=3)  # type: ignore[arg-type]
    with open_store(tmp_path) as store:
        store.record_review(CardState("d/a/v"), odd, Rating.GOOD, NOW)
        got = store.get("d/a/v")
        assert got == odd and type(got.stability) is float


# ---------------------------------------------------------- background fsync


class FsyncSpy:
    """Records the fsyncs of the journal (by inode); can be told to fail them."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.journal_syncs: list[int] = []  # journal size at each fsync
        self.fail = False
        self.real = os.fsync
        monkeypatch.setattr(os, "fsync", self)

    def __call__(self, fd: int) -> None:
        info = os.fstat(fd)
        journal = self.folder / JOURNAL
        if journal.exists() and os.stat(journal).st_ino == info.st_ino:
            if self.fail:
                raise OSError(errno.EIO, "Input/output error")
            self.journal_syncs.append(info.st_size)
        self.real(fd)


def answer(store: ProgressStore, card_id: str) -> None:
    previous = store.get(card_id)
    new = replace(previous, phase=Phase.REVIEW, reps=previous.reps + 1, due=NOW, last_review=NOW)
    store.record_review(previous, new, Rating.GOOD, NOW)


def test_an_answer_is_written_at_once_and_fsynced_soon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = FsyncSpy(tmp_path, monkeypatch)
    with open_store(tmp_path) as store:
        answer(store, "d/a/v")
        size = (tmp_path / JOURNAL).stat().st_size
        assert size > 0  # in the file (the kernel's) on return: safe from kill -9
        sync = store._journal_sync
        assert sync is not None
        sync.idle()  # the thread fsyncs it moments later, without being asked
        assert spy.journal_syncs and spy.journal_syncs[-1] == size


def test_close_and_fold_fsync_what_the_thread_has_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(JournalSync, "GATHER", 3600.0)  # the thread would wait
    spy = FsyncSpy(tmp_path, monkeypatch)
    store = open_store(tmp_path)
    answer(store, "d/a/v")
    size = (tmp_path / JOURNAL).stat().st_size
    store.fold()  # folds only what is durable in the journal first
    assert spy.journal_syncs[0] == size
    answer(store, "d/b/v")
    size = (tmp_path / JOURNAL).stat().st_size
    sync = store._journal_sync
    assert sync is not None
    store.close(fold=False)  # cuts the thread's wait short, fsyncs, joins the thread
    assert spy.journal_syncs[-1] == size
    assert not sync._thread.is_alive()  # never to fsync the closed descriptor


def test_a_failed_fsync_is_raised_not_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = FsyncSpy(tmp_path, monkeypatch)
    store = open_store(tmp_path)
    answer(store, "d/a/v")
    sync = store._journal_sync
    assert sync is not None
    sync.idle()
    spy.fail = True
    answer(store, "d/b/v")  # written; its fsync fails in the background
    sync.idle()
    size = (tmp_path / JOURNAL).stat().st_size
    with pytest.raises(ProgressError, match="could not be saved to disk"):
        answer(store, "d/c/v")
    assert (tmp_path / JOURNAL).stat().st_size == size  # nothing more was written
    with pytest.raises(ProgressError):
        store.fold()
    with pytest.raises(ProgressError):
        store.close()
    spy.fail = False
    with open_store(tmp_path) as again:  # the lock was released; what was written is there
        assert again.get("d/a/v").reps == 1 and again.get("d/b/v").reps == 1
        assert "d/c/v" not in again.states


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=2)
    ),
    max_leaves=6,
)
column_names = st.sampled_from(["id", "phase", *OPTIONAL_COLUMNS, "extra"])
moments_text = moments.map(lambda d: d.isoformat()) | st.sampled_from(
    ["2026-03-02T12:00:00Z", "2026-03-02T12:00:00", "2026-03-02T14:00:00+02:00", "2026-13-01"]
)
cell = json_values | moments_text | st.integers(0, 4)


@settings(max_examples=300, deadline=None)
@given(
    cards=st.dictionaries(column_names, st.lists(cell, min_size=0, max_size=3) | cell, max_size=8)
)
def test_typed_decoding_agrees_with_the_general_reader_on_anything(
    cards: dict[str, object],
) -> None:
    """Whatever the columns hold, the fast path either declines or reads exactly what the
    general reader reads (same states, same types, nothing set aside)."""
    raw = json.dumps({"format": FORMAT, "version": VERSION, "cards": cards}).encode()
    typed = snapshot_decode._parse_v3_typed(raw)
    if typed is None:
        return
    assert_reads_as_the_general_reader(raw, typed.cards)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(0, 10_000), flip=st.integers(0, 10_000), byte=st.integers(0, 255))
def test_a_damaged_snapshot_never_raises_at_open(tmp_path_factory, cut, flip, byte) -> None:  # type: ignore[no-untyped-def]
    """A snapshot cut short or with a byte changed opens: read, or set aside and said.
    (Found: msgspec raises UnicodeDecodeError, not its DecodeError, on bad UTF-8.)"""
    folder = tmp_path_factory.mktemp("store")
    states = [
        CardState(f"d/e{i}/v", Phase.REVIEW, NOW, NOW, None, 2.5, 5.0, None, 3, 1) for i in range(5)
    ]
    raw = bytearray(snapshot_bytes(states))
    raw = raw[: max(1, cut % (len(raw) + 1))]
    raw[flip % len(raw)] = byte
    (folder / SNAPSHOT).write_bytes(bytes(raw))
    with open_store(folder) as store:
        assert len(store.states) <= 5
        assert all(p.severity in ("info", "warning", "error") for p in store.problems)


def test_bad_utf8_in_the_snapshot_is_set_aside_not_raised(tmp_path: Path) -> None:
    """msgspec raises UnicodeDecodeError (not its DecodeError) here: found by the test above."""
    tmp_path.joinpath(SNAPSHOT).write_bytes(b'{"format":"\x80tudyapp-progress"}')
    with open_store(tmp_path) as store:
        (problem,) = store.problems
        assert problem.severity == "error" and problem.moved_to is not None


@pytest.mark.parametrize("size", [1, 5, 6, 7, 12, 13])
def test_a_long_column_is_written_in_pieces_as_one_array(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column longer than a piece is encoded a piece at a time (the fold's peak memory)
    and reads back as the same JSON array, every boundary case included."""
    from studyapp.core.store import snapshot

    monkeypatch.setattr(snapshot, "_PIECE", 6)
    column: list[object] = [f"id-{n}" if n % 3 else None for n in range(size)]
    written = b"".join(snapshot._encode(column))
    assert json.loads(written) == column
    floats = [n / 7 for n in range(size)]
    assert json.loads(b"".join(snapshot._encode(floats, floats=True))) == floats
    odd = [float("nan"), *floats]  # not finite: json.dumps writes it whole, as NaN
    assert b"NaN" in b"".join(snapshot._encode(odd, floats=True))
