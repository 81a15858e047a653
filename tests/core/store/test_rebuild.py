"""A damaged snapshot no longer resets the schedule: states are rebuilt from the history."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.repair import recover_lost_states, repair
from studyapp.core.store.layout import SNAPSHOT
from studyapp.core.store.state import CardState, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def deck(n: int = 40) -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": f"q{i}", "kind": "qa", "prompt": f"{i}?", "answer": str(i)} for i in range(n)
    ]
    return Deck.model_validate({"id": "k", "title": "K", "entries": entries})


CARDS = cards_for_deck(deck())
DECK_IDS = {card.id: card.deck_id for card in CARDS}


def stripped(state: CardState) -> CardState:
    """What a replay can give back: suspends and burials are not answers."""
    return replace(state, suspended=False, buried_until=None)


def study(
    folder: Path, study_settings: StudySettings, ops: list[tuple[str, Any]], *, fold_after: int
) -> tuple[dict[str, CardState], set[str]]:
    """Answer through the real session with an injected clock; the states as stored at
    the end, and the cards ever buried or suspended."""
    clock = ManualClock(START)
    store = ProgressStore.open(folder, clock=clock, fold_after=fold_after)
    session = Session(
        store,
        CARDS,
        study_settings.with_deck_overrides("k"),
        clock=clock,
        rng=random.Random(1),
        tz=UTC,
    )
    touched: set[str] = set()
    for kind, arg in ops:
        card = session.current()
        if kind == "answer" and card is not None:
            session.answer(arg, timedelta(seconds=3))
        elif kind == "undo":
            session.undo()
        elif kind in ("bury", "suspend") and card is not None:
            getattr(session, kind)()
            touched.add(card.id)
        elif kind == "wait":
            clock.advance(arg)
            session = Session(
                store, CARDS, study_settings, clock=clock, rng=random.Random(1), tz=UTC
            )
    lost = dict(store.states)
    store.close()
    return lost, touched


def damage_and_recover(folder: Path, study_settings: StudySettings) -> ProgressStore:
    (folder / SNAPSHOT).write_bytes(b'{"format": "studyapp-progress", "version": 3, "cards": [')
    store = ProgressStore.open(folder, clock=ManualClock(START + timedelta(days=400)))
    assert store.snapshot_lost
    recover_lost_states(store, DECK_IDS, study_settings)
    return store


operation = st.one_of(
    st.tuples(st.just("answer"), st.sampled_from(list(Rating))),
    st.tuples(st.just("answer"), st.sampled_from(list(Rating))),
    st.tuples(st.just("answer"), st.sampled_from(list(Rating))),
    st.tuples(st.just("undo"), st.none()),
    st.tuples(st.just("bury"), st.none()),
    st.tuples(st.just("suspend"), st.none()),
    st.tuples(
        st.just("wait"),
        st.sampled_from([timedelta(minutes=1), timedelta(minutes=10), timedelta(days=1)])
        | st.integers(1, 60).map(lambda d: timedelta(days=d)),
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    ops=st.lists(operation, max_size=80),
    fuzz=st.booleans(),
    retention=st.sampled_from([0.8, 0.9, 0.95]),
    fold_after=st.sampled_from([3, 1000]),
)
def test_rebuilt_states_equal_the_lost_ones(
    ops: list[tuple[str, Any]], fuzz: bool, retention: float, fold_after: int
) -> None:
    """Random histories answered through the session, snapshot damaged: every card with
    answers gets back its lost state, field by field (less suspends and burials)."""
    study_settings = StudySettings.from_dict(
        {
            "scheduler": {"enable_fuzz": fuzz, "desired_retention": retention},
            "queue": {"leech_threshold": 4},
        }
    )
    folder = Path(tempfile.mkdtemp(prefix="studyapp-rebuild-"))
    try:
        lost, touched = study(folder, study_settings, ops, fold_after=fold_after)
        with damage_and_recover(folder, study_settings) as store:
            for card_id, state in lost.items():
                got = store.get(card_id)
                if card_id in touched or state.reps == 0:  # bury/suspend: not an answer
                    assert stripped(got) == stripped(state), card_id
                else:
                    assert got == state, card_id
            assert set(store.states) <= set(lost)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_forty_cards_come_back(tmp_path: Path) -> None:
    """The issue's case: 40 cards answered and folded, the snapshot damaged (30 of 40
    restarted as new before): all 40 come back as they were."""
    plain = StudySettings.from_dict({"queue": {"new_per_day": 100}})
    ops: list[tuple[str, Any]] = [("answer", Rating.GOOD)] * 40 + [("wait", timedelta(days=3))]
    ops += [("answer", Rating.GOOD)] * 40
    lost, _ = study(tmp_path, plain, ops, fold_after=1000)
    assert sum(1 for s in lost.values() if s.reps) == 40
    with damage_and_recover(tmp_path, plain) as store:
        assert {cid: store.get(cid) for cid in lost} == lost
        (problem,) = [p for p in store.problems if p.severity == "error"]
        assert problem.moved_to is not None


def test_settings_changed_since_are_reported(tmp_path: Path) -> None:
    before = StudySettings.from_dict({"scheduler": {"desired_retention": 0.8}})
    ops = [("answer", Rating.GOOD)] * 5 + [("wait", timedelta(days=2))]
    ops += [("answer", Rating.GOOD)] * 5
    study(tmp_path, before, ops, fold_after=1000)
    (tmp_path / SNAPSHOT).write_bytes(b"garbage")
    after = StudySettings.from_dict({"scheduler": {"desired_retention": 0.97}})
    with ProgressStore.open(tmp_path, clock=ManualClock(START)) as store:
        message = recover_lost_states(store, DECK_IDS, after)
    assert message is not None
    assert "were rebuilt" in message and "differ from what the history recorded" in message


def test_repair_on_purpose_keeps_suspends_and_resets(tmp_path: Path) -> None:
    plain = StudySettings()
    lost, _ = study(tmp_path, plain, [("answer", Rating.GOOD)] * 6, fold_after=1000)
    clock = ManualClock(START)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        ids = sorted(lost)
        store.record_change(replace(lost[ids[0]], suspended=True), START, "suspend")
        store.record_change(CardState(ids[1]), START, "reset")
        damaged = replace(lost[ids[2]], stability=99.0)  # e.g. a bad edit
        store.record_change(damaged, START, "edit")
        report = repair(store, DECK_IDS, plain, START)
        assert report.changed == 1 and report.kept_as is not None
        assert store.get(ids[0]) == replace(lost[ids[0]], suspended=True)
        assert store.get(ids[1]) == CardState(ids[1])
        assert store.get(ids[2]) == lost[ids[2]]
    assert (tmp_path / report.kept_as).exists()


@pytest.mark.parametrize("read_only", [True])
def test_a_read_only_view_does_not_rebuild(tmp_path: Path, read_only: bool) -> None:
    study(tmp_path, StudySettings(), [("answer", Rating.GOOD)] * 3, fold_after=1000)
    (tmp_path / SNAPSHOT).write_bytes(b"garbage")
    with ProgressStore.open(tmp_path, read_only=read_only) as store:
        assert recover_lost_states(store, DECK_IDS, StudySettings()) is None
