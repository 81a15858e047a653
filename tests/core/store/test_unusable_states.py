"""Card states the schedulers cannot use (stability 0 or below, a difficulty outside
FSRS's 1 to 10, a negative interval, step or count, a date a century away) are damage:
left out at open with a message, reported by ``studyapp progress``, never a traceback
in the middle of a session (before: ZeroDivisionError, or recall as a complex number)."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.repair import recover_lost_states
from studyapp.core.store.check import check_folder
from studyapp.core.store.journal import encode_line
from studyapp.core.store.layout import JOURNAL, SNAPSHOT
from studyapp.core.store.snapshot import FORMAT
from studyapp.core.store.snapshot_decode import parse_snapshot
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
LAST = "2026-03-01T12:00:00+00:00"
DUE = "2026-03-03T12:00:00+00:00"
GOOD: dict[str, Any] = {
    "phase": 2,
    "due": DUE,
    "last_review": LAST,
    "stability": 2.5,
    "difficulty": 5.0,
    "interval": 2,
    "reps": 3,
}

DAMAGE: dict[str, dict[str, Any]] = {
    "negative stability": {"stability": -5.0},
    "zero stability": {"stability": 0.0},
    "huge stability": {"stability": 1e308},
    "difficulty below 1": {"difficulty": 0.5},
    "difficulty above 10": {"difficulty": 11.0},
    "negative ease": {"ease": -2.5},
    "zero ease": {"ease": 0.0},
    "negative interval": {"interval": -3},
    "interval of centuries": {"interval": 99999},
    "negative step": {"step": -1},
    "negative reps": {"reps": -1},
    "negative lapses": {"lapses": -2},
    "due at the end of time": {"due": "9999-12-31T00:00:00+00:00"},
    "both at the end of time": {
        "due": "9999-12-31T00:00:00+00:00",
        "last_review": "9999-12-30T00:00:00+00:00",
    },
    "review centuries after the file was saved": {
        "due": "2526-03-03T12:00:00+00:00",
        "last_review": "2526-03-01T12:00:00+00:00",
    },
    "buried until the end of time": {"buried_until": "9999-12-31"},
}


def snapshot(cards: dict[str, dict[str, Any]], *, version: int = 3) -> bytes:
    """A snapshot as a (hand-edited) file holds it: version 3 by column, or version 2."""
    header: dict[str, Any] = {
        "format": FORMAT,
        "version": version,
        "saved_at": NOW.isoformat(),
        "journal_seq": 0,
        "settings": {},
        "recent": [],
    }
    if version == 2:
        return json.dumps({**header, "cards": cards}).encode()
    names = ["phase", "due", "last_review", "step", "stability", "difficulty", "ease"]
    names += ["interval", "reps", "lapses", "buried_until"]
    columns: dict[str, list[Any]] = {"id": list(cards)}
    for name in names:
        default = 0 if name in ("phase", "interval", "reps", "lapses") else None
        columns[name] = [card.get(name, default) for card in cards.values()]
    return json.dumps({**header, "cards": columns}).encode()


@pytest.mark.parametrize("version", [2, 3])
@pytest.mark.parametrize("what", list(DAMAGE))
def test_an_unusable_state_is_left_out_and_the_others_kept(what: str, version: int) -> None:
    good = {**GOOD, "phase": "review"} if version == 2 else GOOD  # (v2 names phases)
    raw = snapshot({"a": good, "bad": {**good, **DAMAGE[what]}, "z": good}, version=version)
    snap, bad, _ = parse_snapshot(raw)
    assert bad == ["bad"]
    assert sorted(snap.cards) == ["a", "z"]


def test_usable_states_at_the_edges_are_kept() -> None:
    edges = {
        "tiny": {**GOOD, "stability": 0.001, "difficulty": 1.0},
        "hard": {**GOOD, "difficulty": 10.0, "ease": 1.3},
        "long": {
            **GOOD,
            "interval": 36500,
            "due": "2126-02-05T12:00:00+00:00",
        },
        "late": {**GOOD, "due": "2026-02-01T12:00:00+00:00"},  # due before its review
        "overdue": {**GOOD, "due": "1900-01-01T00:00:00+00:00"},  # (only very late)
        "sm2": {"phase": 2, "due": DUE, "last_review": LAST, "ease": 2.5, "interval": 2},
        "new": {"phase": 0},
    }
    snap, bad, _ = parse_snapshot(snapshot(edges))
    assert bad == []
    assert sorted(snap.cards) == sorted(edges)


def test_from_dict_says_why() -> None:
    with pytest.raises(ValueError, match=r"card c: stability -5\.0 is not between 0"):
        CardState.from_dict("c", {**GOOD, "phase": "review", "stability": -5.0})
    with pytest.raises(ValueError, match="due date more than 100 years"):
        CardState.from_dict(
            "c", {"phase": "review", "last_review": LAST, "due": "2300-01-01T00:00Z"}
        )


def _deck() -> Deck:
    entries = [{"id": f"q{i}", "kind": "qa", "prompt": f"{i}?", "answer": str(i)} for i in range(3)]
    return Deck.model_validate({"id": "k", "title": "K", "entries": entries})


@pytest.mark.parametrize("what", ["negative stability", "zero stability", "huge stability"])
def test_study_goes_on_and_progress_says_what_was_wrong(tmp_path: Path, what: str) -> None:
    """The prober's repro: learning cards with stability -5 or 0, due long ago."""
    cards = cards_for_deck(_deck())
    damaged = {
        **GOOD,
        "phase": 1,
        "step": 1,
        "due": "2000-01-01T00:00:00+00:00",
        **DAMAGE[what],
    }
    (tmp_path / SNAPSHOT).write_bytes(snapshot({card.id: damaged for card in cards}))
    report = check_folder(tmp_path)
    assert not report.ok
    assert any("3 card state(s)" in p.message for p in report.problems)
    clock = ManualClock(NOW)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        assert any("could not be read" in str(p) for p in store.problems)
        session = Session(store, cards, StudySettings(), clock=clock, rng=random.Random(1), tz=UTC)
        for _ in range(3):
            assert session.current() is not None
            session.answer(Rating.GOOD, timedelta(seconds=3))
    with ProgressStore.open(tmp_path, clock=clock) as store:
        assert store.problems == ()
        assert all(s.stability is not None and s.stability > 0 for s in store.states.values())


def test_a_left_out_state_is_rebuilt_from_the_history(tmp_path: Path) -> None:
    cards = cards_for_deck(_deck())
    clock = ManualClock(NOW)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        session = Session(store, cards, StudySettings(), clock=clock, rng=random.Random(1), tz=UTC)
        for _ in range(3):
            session.answer(Rating.GOOD, timedelta(seconds=3))
        store.fold()
        answered = dict(store.states)
    data = json.loads((tmp_path / SNAPSHOT).read_bytes())
    data["cards"]["stability"] = [-5.0] * len(data["cards"]["id"])
    (tmp_path / SNAPSHOT).write_text(json.dumps(data))
    with ProgressStore.open(tmp_path, clock=clock) as store:
        assert store.snapshot_lost
        message = recover_lost_states(store, {c.id: c.deck_id for c in cards}, StudySettings())
        assert message is not None and "3 card state(s) were rebuilt" in message
        assert dict(store.states) == answered
        assert all(s.phase is not Phase.NEW for s in store.states.values())


@pytest.mark.parametrize(
    "memory",
    [
        {"stability": -5.0},
        {"stability": 0.0},
        {"stability": 1e308},
        {"difficulty": 0.0},
        {"difficulty": 50.0},
        {"step": -3},
    ],
)
@pytest.mark.parametrize("phase", [Phase.LEARNING, Phase.REVIEW, Phase.RELEARNING])
def test_the_scheduler_takes_a_state_made_in_memory_past_the_readers(
    memory: dict[str, Any], phase: Phase
) -> None:
    """A state no file reader lets in may still be made in memory (an import, a test):
    FSRS estimates its memory from the interval, as for a card reviewed under SM-2."""
    from studyapp.core.study.fsrs6 import FSRSScheduler

    state = CardState(
        "c",
        phase,
        due=NOW - timedelta(days=1),
        last_review=NOW - timedelta(days=3),
        step=memory.get("step", 0 if phase is not Phase.REVIEW else None),
        stability=memory.get("stability", 2.5),
        difficulty=memory.get("difficulty", 5.0),
        interval=2,
    )
    scheduler = FSRSScheduler()
    outcomes = scheduler.outcomes(state, NOW)
    assert all(0 < s.stability <= 1e6 for s in outcomes.values() if s.stability is not None)
    recall = scheduler.retrievability(state, NOW)
    assert recall is not None and 0 <= recall <= 1


def test_an_unusable_state_in_the_journal_is_a_damaged_line(tmp_path: Path) -> None:
    """The journal is read through the same check: the line is skipped with a message,
    the others kept; and the store refuses to write one."""
    good = CardState("a", Phase.REVIEW, NOW + timedelta(days=2), NOW, None, 2.5, 5.0, None, 2)
    bad = CardState("b", Phase.REVIEW, NOW + timedelta(days=2), NOW, None, 0.0, 5.0, None, 2)
    lines = [
        encode_line(
            {
                "seq": seq,
                "type": "set",
                "card": state.card_id,
                "at": NOW.isoformat(),
                "reason": "test",
                "state": state.to_dict(),
            }
        )
        for seq, state in enumerate([bad, good], start=1)  # (a bad last line is a torn write)
    ]
    (tmp_path / JOURNAL).write_bytes(b"".join(lines))
    clock = ManualClock(NOW)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        assert set(store.states) == {"a"}
        assert any("damaged line" in str(p) for p in store.problems)
        with pytest.raises(ValueError, match=r"stability 0\.0"):
            store.record_change(bad, NOW, "test")
        assert set(store.states) == {"a"}


def _reads_back(state: CardState) -> None:
    assert CardState.from_dict(state.card_id, state.to_dict()) == state


def test_what_the_schedulers_write_at_the_edges_reads_back() -> None:
    """Every answer's state is read back as it is written (the store does, at once): no
    scheduler may make one the readers refuse, or answering would raise."""
    import fsrs

    from studyapp.core.study.fsrs6 import FSRSScheduler
    from studyapp.core.study.settings import SchedulerSettings
    from studyapp.core.study.sm2 import SM2Scheduler

    steep = SchedulerSettings(parameters=tuple(fsrs.scheduler.UPPER_BOUNDS_PARAMETERS))
    old = NOW - timedelta(days=36000)
    mature = CardState("c", Phase.REVIEW, old + timedelta(days=100), old, None, 1e6, 1.0, None, 100)
    for rating in Rating:
        answered = FSRSScheduler(steep).answer(mature, rating, NOW)
        assert answered.stability is not None and answered.stability <= 1e6
        _reads_back(answered)
    eased = CardState("c", Phase.REVIEW, NOW, NOW - timedelta(days=9), None, None, None, 1000.0, 9)
    for rating in Rating:
        _reads_back(SM2Scheduler(SchedulerSettings(algorithm="sm2")).answer(eased, rating, NOW))


def test_a_step_longer_than_a_century_is_refused_in_the_settings() -> None:
    from studyapp.core.study.settings import SchedulerSettings

    with pytest.raises(ValueError, match="at most 36500 days"):
        SchedulerSettings(learning_steps=(timedelta(days=40000),))
