"""Card states kept as the snapshot's columns (``statetable``): the same states as a dict
of them, whatever was set since, and written back and read again unchanged."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.base.clock import ManualClock
from studyapp.core.store.layout import SNAPSHOT
from studyapp.core.store.snapshot import FORMAT, VERSION, snapshot_chunks
from studyapp.core.store.snapshot_decode import parse_snapshot
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import StateColumns, StateTable
from studyapp.core.store.store import ProgressStore

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
IDS = [f"d/e{i}/v" for i in range(12)]

moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
# (any state the schedulers can use: see state.unusable; the others are damage)
finite = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)


def states_of(ids: st.SearchStrategy[str]) -> st.SearchStrategy[CardState]:
    return st.builds(
        CardState,
        card_id=ids,
        phase=st.sampled_from(Phase),
        due=st.none() | moments,
        last_review=st.none() | moments,
        step=st.none() | st.integers(0, 5),
        stability=st.none() | finite,
        difficulty=st.none() | st.floats(min_value=1.0, max_value=10.0),
        ease=st.none() | st.floats(min_value=1e-3, max_value=1000.0),
        interval=st.integers(0, 400),
        reps=st.integers(0, 100),
        lapses=st.integers(0, 10),
        suspended=st.booleans(),
        buried_until=st.none() | st.dates(date(2020, 1, 1), date(2030, 1, 1)),
        leech=st.booleans(),
    )


some_states = st.lists(states_of(st.sampled_from(IDS)), max_size=10)


def as_dict(states: list[CardState]) -> dict[str, CardState]:
    return {s.card_id: s for s in states}


@settings(max_examples=100, deadline=None)
@given(rows=some_states, later=some_states)
def test_a_table_reads_as_the_dict_of_its_states(
    rows: list[CardState], later: list[CardState]
) -> None:
    """Rows (a repeated id's last row counts, as in a dict) and states set since, over
    them: every way of reading the table gives what the plain dict gives."""
    table = StateTable([s.card_id for s in rows], StateColumns.of(rows))
    expected = as_dict(rows)
    for state in later:
        table[state.card_id] = state
        expected[state.card_id] = state
    assert len(table) == len(expected)
    assert sorted(table) == sorted(expected)
    for card_id in IDS:
        assert table.get(card_id) == expected.get(card_id)
        assert (card_id in table) == (card_id in expected)
    copy = table.copy()
    assert table.everything() == expected
    assert table.getter()("d/none/v") is None
    table["d/e0/v"] = CardState("d/e0/v", phase=Phase.REVIEW, interval=3)  # after building all
    assert table["d/e0/v"].interval == 3
    assert copy == expected  # a copy is left alone by later changes


@settings(max_examples=60, deadline=None)
@given(rows=some_states, later=some_states)
def test_a_table_written_and_read_back_holds_the_same_states(
    rows: list[CardState], later: list[CardState]
) -> None:
    """The snapshot is written from the columns with the states set since over their rows
    (no state built): it reads back as the dict of every state."""
    table = StateTable([s.card_id for s in rows], StateColumns.of(rows))
    for state in later:
        table[state.card_id] = state
    header = {"format": FORMAT, "version": VERSION, "journal_seq": 0, "settings": {}}
    raw = b"".join(snapshot_chunks(header, table))
    snapshot, bad, migrated = parse_snapshot(raw)
    assert (bad, migrated) == ([], None)
    assert snapshot.cards == table.everything()
    assert raw == b"".join(snapshot_chunks(header, table.everything()))


def test_the_store_builds_no_state_to_open_and_keeps_answers_over_the_rows(
    tmp_path: Path,
) -> None:
    """Opening reads the columns (no state built until one is asked for); answers and a
    fold write the rows back with the changed states over them."""
    clock = ManualClock(NOW)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        for i, card_id in enumerate(IDS):
            state = CardState(card_id, phase=Phase.REVIEW, due=NOW, interval=i + 1)
            store.record_change(state, NOW, "test")
    store = ProgressStore.open(tmp_path, clock=clock)
    table = store.states.table
    assert table.ids == IDS and not table.changed
    assert store.get(IDS[3]).interval == 4
    store.record_change(CardState(IDS[3], phase=Phase.LEARNING, due=NOW), NOW, "test")
    store.record_change(CardState("d/new/v", phase=Phase.LEARNING, due=NOW), NOW, "test")
    assert set(table.changed) == {IDS[3], "d/new/v"}
    assert len(store.states) == len(IDS) + 1
    store.close()
    raw = (tmp_path / SNAPSHOT).read_bytes()
    states = parse_snapshot(raw)[0].cards
    assert states[IDS[3]].phase is Phase.LEARNING and states[IDS[4]].interval == 5
    assert list(states) == [*IDS, "d/new/v"]


def test_a_snapshot_written_before_the_columns_were_kept_opens_the_same(tmp_path: Path) -> None:
    """A version 3 file as the earlier writer made it (json.dumps' floats, isoformat dates,
    rows in answer order) opens with the same states, and is written back in the order of
    the decks' cards only once a reader joined them (here: none did, so as it was)."""
    (tmp_path / SNAPSHOT).write_bytes(
        b'{"format":"studyapp-progress","version":3,"journal_seq":0,"settings":{},'
        b'"recent":[],"cards":{"id":["d/b/v","d/a/v"],"phase":[2,1],'
        b'"due":["2026-03-05T12:00:00+00:00","2026-03-02T12:10:00+00:00"],'
        b'"stability":[1e+05,0.5],"interval":[3,0],"flags":[1,0]}}\n'
    )
    with ProgressStore.open(tmp_path, clock=ManualClock(NOW)) as store:
        assert store.get("d/b/v") == CardState(
            "d/b/v",
            phase=Phase.REVIEW,
            due=datetime(2026, 3, 5, 12, tzinfo=UTC),
            stability=1e5,
            interval=3,
            suspended=True,
        )
        assert store.get("d/a/v").due == datetime(2026, 3, 2, 12, 10, tzinfo=UTC)
        store.set_settings({"x": 1})  # a fold: rewritten by columns
    again = parse_snapshot((tmp_path / SNAPSHOT).read_bytes())[0].cards
    assert again.ids == ["d/b/v", "d/a/v"] and again["d/b/v"].suspended
