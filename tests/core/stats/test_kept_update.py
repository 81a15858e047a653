"""The pieces ``stats.kept`` is brought up to date with: the dues taken out and put in,
the per-card counts that moved, a state's part of the figures."""

from __future__ import annotations

from array import array
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.stats.kept_rows import (
    DUE_BIT,
    LEARNING,
    MATURE,
    NEW,
    SUSPENDED_BIT,
    YOUNG,
    _row_codes,
    _row_dues,
    code_of,
    ids_crc,
    micros,
    pack,
)
from studyapp.core.stats.kept_update import _moved, _new_dues
from studyapp.core.stats.report import due_micros
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import StateColumns

values = st.lists(st.integers(-(2**40), 2**40), max_size=300)


@given(values, st.data())
def test_dues_taken_out_and_put_in_stay_sorted_and_exact(
    dues: list[int], data: st.DataObject
) -> None:
    dues.sort()
    out = data.draw(st.lists(st.sampled_from(dues))) if dues else []
    # each value taken out at most as many times as it is there
    kept_out: list[int] = []
    left = list(dues)
    for value in out:
        if value in left:
            left.remove(value)
            kept_out.append(value)
    into = data.draw(values)
    new = _new_dues(array("q", dues), kept_out, into)
    assert new is not None
    assert list(new) == sorted(left + into)


def test_a_due_that_is_not_there_cannot_be_taken_out() -> None:
    assert _new_dues(array("q", [1, 2, 2, 5]), [3], []) is None
    assert _new_dues(array("q", [1, 2, 2, 5]), [2, 2, 2], []) is None
    assert _new_dues(array("q", [1, 2, 2, 5]), [2, 2], [0]) == array("q", [0, 1, 5])


@given(st.lists(st.integers(0, 9), min_size=0, max_size=400), st.data())
def test_moved_finds_every_count_that_differs(old: list[int], data: st.DataObject) -> None:
    new = [data.draw(st.sampled_from([v, v, v + 1])) for v in old]
    assert _moved(pack(new), pack(old)) == [
        i for i, (a, b) in enumerate(zip(new, old, strict=True)) if a != b
    ]


def test_ids_crc_goes_on_from_a_prefix() -> None:
    ids = ["a", "b", "c\u00e9", "d"]
    assert ids_crc(ids) == ids_crc(ids[2:], ids_crc(ids[:2]))
    assert ids_crc(["ab", "c"]) != ids_crc(["a", "bc"])


NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _state(
    phase: Phase, interval: int = 0, *, suspended: bool = False, due: bool = True
) -> CardState:
    return CardState(
        "c1",
        phase,
        NOW + timedelta(days=interval) if due else None,
        interval=interval,
        suspended=suspended,
    )


def test_a_states_code_is_how_mastery_and_the_forecast_count_it() -> None:
    cases = {
        _state(Phase.NEW): NEW,
        _state(Phase.LEARNING): LEARNING | DUE_BIT,
        _state(Phase.RELEARNING, due=False): LEARNING,
        _state(Phase.REVIEW, 20): YOUNG | DUE_BIT,
        _state(Phase.REVIEW, 21): MATURE | DUE_BIT,
        _state(Phase.REVIEW, 30, suspended=True): MATURE | SUSPENDED_BIT,
    }
    for state, expected in cases.items():
        code, due = code_of(state)
        assert code == expected
        counted = list(due_micros([state]))
        assert counted == ([micros(state.due)] if code & DUE_BIT and state.due else [])
        assert due == (counted[0] if counted else 0)


states = st.builds(
    CardState,
    st.just("c"),
    st.sampled_from(list(Phase)),
    st.none() | st.integers(-(10**4), 10**5).map(lambda m: NOW + timedelta(minutes=m)),
    interval=st.integers(0, 60),
    suspended=st.booleans(),
)


@given(st.lists(states, max_size=60))
def test_the_columns_codes_are_each_states_code(rows: list[CardState]) -> None:
    columns = StateColumns.of(rows)
    codes = _row_codes(columns)
    dues = _row_dues(columns)
    for i, state in enumerate(rows):
        code, due = code_of(state)
        assert codes[i] == code
        if code & DUE_BIT:
            assert dues[i] == due
