"""Our intervals equal Anki's own, driven live (the ``anki`` package, headless).

Each sequence is a list of grades, each optionally given a number of days after
the previous review (``Good@100``: answered 100 days after the last review, a
long gap; without ``@`` the card is answered when due). Anki cannot be told the
time, so elapsed days are faked by moving the card's ``due`` and
``last_review_time`` back, as in ``reference/anki_fsrs_parity.py``. Fuzz is off
on both sides (``ANKI_TEST_MODE=1`` for Anki).
"""

from __future__ import annotations

import os

os.environ["ANKI_TEST_MODE"] = "1"  # before the Rust backend reads it: disables Anki's fuzz

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")

from anki.collection import Collection
from anki.scheduler.v3 import CardAnswer

from studyapp.core.store.state import CardState, Rating
from studyapp.core.study.fsrs6 import fsrs_parameters
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.study.settings import SchedulerSettings

SEQUENCES = [
    "Good,Good,Good",
    "Again,Good,Easy",
    "Good,Good,Good,Good,Good,Good",
    "Easy,Easy,Easy,Easy",
    "Hard,Hard,Good,Good",
    "Good,Good,Again,Good,Good,Good",
    "Good,Good,Hard,Hard,Good",
    "Good,Good,Good,Again,Again,Good,Easy",
    "Good,Good,Good@100,Good,Again,Good,Hard@3,Easy@400",
    "Easy,Good@1,Hard,Again,Hard,Good,Good@50,Again,Good,Easy",
    "Good,Good,Again,Again,Again,Good,Good,Good@2,Hard,Easy@900",
    "Hard,Good,Good,Good@30,Again,Hard,Good,Good@365,Again,Again,Good,Good@1000",
    "Good,Good,Easy,Easy,Easy,Easy,Easy,Easy,Good,Good",
]
ANKI_RATING = {
    Rating.AGAIN: CardAnswer.AGAIN,
    Rating.HARD: CardAnswer.HARD,
    Rating.GOOD: CardAnswer.GOOD,
    Rating.EASY: CardAnswer.EASY,
}
DEFAULT = SchedulerSettings(enable_fuzz=False)
CUSTOM = SchedulerSettings(
    enable_fuzz=False,
    desired_retention=0.85,
    learning_steps=(timedelta(minutes=2), timedelta(minutes=30), timedelta(hours=3)),
    relearning_steps=(timedelta(minutes=5), timedelta(minutes=20)),
    maximum_interval=400,
)
CONFIGS = {
    "fsrs-default": DEFAULT,
    "fsrs-custom": CUSTOM,
    "sm2-default": replace(DEFAULT, algorithm="sm2"),
    "sm2-custom": replace(CUSTOM, algorithm="sm2"),
}

Step = tuple[Rating, int | None]


def parse(sequence: str) -> list[Step]:
    steps: list[Step] = []
    for token in sequence.split(","):
        name, _, gap = token.partition("@")
        steps.append((Rating[name.upper()], int(gap) if gap else None))
    return steps


def show(seconds: float) -> str:
    return f"{seconds / 60:.1f}m" if seconds < 86400 else f"{round(seconds / 86400)}d"


def ours(settings: SchedulerSettings, steps: list[Step]) -> list[str]:
    scheduler = make_scheduler(settings)
    state = CardState("deck/entry/when")
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    out = []
    for rating, gap in steps:
        if state.due is not None:
            assert state.last_review is not None
            now = state.due if gap is None else state.last_review + timedelta(days=gap)
        state = scheduler.answer(state, rating, now)
        assert state.due is not None
        out.append(show((state.due - now).total_seconds()))
    return out


def configure(col: Any, settings: SchedulerSettings) -> int:
    did: int = col.decks.id("Default")
    conf = col.decks.config_dict_for_deck_id(did)
    conf["new"]["delays"] = [s.total_seconds() / 60 for s in settings.learning_steps]
    conf["lapse"]["delays"] = [s.total_seconds() / 60 for s in settings.relearning_steps]
    conf["rev"]["maxIvl"] = settings.maximum_interval
    conf["fsrsParams6"] = list(fsrs_parameters(settings))
    conf["desiredRetention"] = settings.desired_retention
    col.decks.update_config(conf)
    col.set_config("fsrs", settings.algorithm == "fsrs")
    return did


def anki(col: Any, did: int, steps: list[Step]) -> list[str]:
    note = col.new_note(col.models.by_name("Basic"))
    note["Front"], note["Back"] = "q", "a"
    col.add_note(note, did)
    cid = note.card_ids()[0]
    out = []
    for index, (rating, gap) in enumerate(steps):
        if index:
            card = col.get_card(cid)
            days = (card.ivl if card.queue == 2 else 0) if gap is None else gap
            if days:  # time travel: pretend `days` days passed since the last answer
                card.due -= days if card.queue in (2, 3) else days * 86400
                card.last_review_time -= days * 86400
                col.update_card(card, skip_undo_entry=True)
        card = col.get_card(cid)
        states = col._backend.get_scheduling_states(cid)
        card.start_timer()
        col.sched.answer_card(
            col.sched.build_answer(card=card, states=states, rating=ANKI_RATING[rating])
        )
        out.append(chosen_interval(states, rating))
    return out


def chosen_interval(states: Any, rating: Rating) -> str:
    """The interval Anki chose for `rating`, read from its scheduling state.

    Never from ``due`` against the wall clock: ``ANKI_TEST_MODE`` shifts Anki's
    clock between midnight and 04:00, so ``due - last_review_time`` is wrong then.
    """
    chosen = getattr(states, rating.name.lower()).normal
    kind = chosen.WhichOneof("kind")
    if kind == "review":
        return f"{chosen.review.scheduled_days}d"
    if kind == "learning":
        return show(chosen.learning.scheduled_secs)
    if kind == "relearning":
        return show(chosen.relearning.learning.scheduled_secs)
    raise AssertionError(f"Anki chose an unexpected state: {kind}")


@pytest.fixture(scope="module", params=list(CONFIGS))
def collection(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, int, SchedulerSettings]]:
    settings = CONFIGS[request.param]
    path: Path = tmp_path_factory.mktemp("anki") / "collection.anki2"
    col = Collection(str(path))
    try:
        yield col, configure(col, settings), settings
    finally:
        col.close()


def test_at_least_eight_sequences_with_lapses_and_long_gaps() -> None:
    with_lapse = [s for s in SEQUENCES if "Again" in s.split(",", 1)[1]]
    with_gap = [s for s in SEQUENCES if "@" in s]
    assert len(SEQUENCES) >= 8 and len(with_lapse) >= 4 and len(with_gap) >= 4


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_intervals_equal_ankis(
    collection: tuple[Any, int, SchedulerSettings], sequence: str
) -> None:
    col, did, settings = collection
    steps = parse(sequence)
    assert ours(settings, steps) == anki(col, did, steps)
