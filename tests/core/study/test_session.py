"""The study session: answer, undo, bury, suspend, leeches, day rollover, crashes."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cards import Card, cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.store.layout import JOURNAL
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.queue import study_day
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.study.session import NoCardError, Session
from studyapp.core.study.settings import StudySettings

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def deck() -> Deck:
    entries: list[dict[str, Any]] = [
        {"id": "q1", "kind": "qa", "prompt": "One?", "answer": "1"},
        {"id": "q2", "kind": "qa", "prompt": "Two?", "answer": "2"},
        {"id": "d1", "kind": "date", "event": "Something happens", "date": "2025-06-03"},
        {"id": "s1", "kind": "quote", "quote": "Hello", "speaker": "Kim"},
        {"id": "q3", "kind": "qa", "prompt": "Three?", "answer": "3"},
    ]
    return Deck.model_validate({"id": "k", "title": "K", "entries": entries})


CARDS = cards_for_deck(deck())
PLAIN = StudySettings.from_dict({"scheduler": {"enable_fuzz": False}})


class Harness:
    """A store + session on a temp folder with a manual clock."""

    def __init__(
        self, folder: Path, settings: StudySettings = PLAIN, cards: list[Card] = CARDS
    ) -> None:
        self.folder = folder
        self.settings = settings
        self.cards = cards
        self.clock = ManualClock(START)
        self.open()

    def open(self) -> None:
        self.store = ProgressStore.open(self.folder, clock=self.clock)
        self.session = Session(
            self.store, self.cards, self.settings, clock=self.clock, rng=random.Random(5), tz=UTC
        )

    def reopen(self, crash: bool = False) -> None:
        self.store.close(fold=not crash)
        self.open()

    def disk(self) -> ProgressStore:
        return ProgressStore.open(self.folder, read_only=True)


@pytest.fixture
def h(tmp_path: Path) -> Harness:
    harness = Harness(tmp_path)
    yield harness  # type: ignore[misc]
    harness.store.close()


def test_first_cards_are_new_cards_in_deck_order_one_per_entry(h: Harness) -> None:
    counts = h.session.counts()
    assert (counts.new, counts.learning, counts.review) == (5, 0, 0)  # 7 cards, 5 entries
    card = h.session.current()
    assert card is not None and card.id == "k/q1/answer"
    assert h.session.current() is card  # stable until answered


def test_learning_steps_within_the_session(h: Harness) -> None:
    first = h.session.current()
    assert first is not None
    outcome = h.session.answer(Rating.GOOD, timedelta(seconds=4))
    assert outcome.state.phase is Phase.LEARNING and outcome.interval == 10 * MIN
    assert h.session.current() != first
    for _ in range(4):  # the other new cards
        h.session.answer(Rating.GOOD)
    # only learning cards remain; within learn-ahead (20 min) they are shown early
    card = h.session.current()
    assert card is not None and card.id == first.id
    h.clock.advance(10 * MIN)
    assert h.session.counts().learning == 5
    h.session.answer(Rating.GOOD)
    assert h.store.get(first.id).phase is Phase.REVIEW


def test_preview_matches_the_answer(h: Harness) -> None:
    preview = h.session.preview()
    outcome = h.session.answer(Rating.EASY)
    assert outcome.interval == preview[Rating.EASY]


def test_answer_is_on_disk_before_it_returns(h: Harness) -> None:
    card = h.session.current()
    assert card is not None
    h.session.answer(Rating.GOOD)
    with h.disk() as view:
        assert view.get(card.id).reps == 1
        assert [r.card_id for r in view.recent_reviews()] == [card.id]


def test_multi_level_undo_restores_memory_and_disk(h: Harness) -> None:
    answered = []
    for rating in (Rating.GOOD, Rating.AGAIN, Rating.EASY):
        card = h.session.current()
        assert card is not None
        answered.append(card.id)
        h.session.answer(rating)
    assert h.session.can_undo
    for card_id in reversed(answered):
        back = h.session.undo()
        assert back is not None and back.id == card_id
        assert h.session.current() == back  # shown again
        assert h.store.get(card_id).phase is Phase.NEW
        with h.disk() as view:
            assert view.get(card_id).phase is Phase.NEW
    assert h.session.undo() is None and not h.session.can_undo
    assert h.session.summary().answered == 0
    h.reopen(crash=True)
    assert all(h.store.get(c).phase is Phase.NEW for c in answered)
    assert list(h.store.history()) == []
    assert h.session.counts().new == 5  # the daily limit is not used up by undone answers


def test_bury_until_tomorrow_and_undo(h: Harness) -> None:
    card = h.session.bury()
    assert h.session.current() != card
    assert h.session.counts().new == 4
    assert h.session.undo() == card
    assert h.session.counts().new == 5
    h.session.bury()
    h.clock.advance(timedelta(days=1))
    assert h.session.counts().new == 5  # a new day: the buried card is back


def test_suspend_and_unsuspend(h: Harness) -> None:
    card = h.session.suspend()
    h.clock.advance(timedelta(days=3))
    assert card.id not in {c for c in h.session._new}
    assert h.store.get(card.id).suspended
    h.session.unsuspend(card.id)
    assert h.session.current() == card
    assert h.session.summary().suspended == 1


def test_siblings_are_buried_after_an_answer(tmp_path: Path) -> None:
    date_cards = [c for c in CARDS if c.entry_id == "d1"]
    h = Harness(tmp_path, cards=date_cards)
    # both variants reviewed long ago and due today
    for card in date_cards:
        state = CardState(
            card.id,
            Phase.REVIEW,
            due=START - timedelta(days=1),
            last_review=START - timedelta(days=5),
            stability=4.0,
            difficulty=5.0,
            interval=4,
            reps=3,
        )
        h.store.record_change(state, START, "test")
    h.reopen()
    assert h.session.counts().review == 1  # one sibling per day
    h.session.answer(Rating.GOOD)
    assert h.session.current() is None
    h.clock.advance(timedelta(days=1))
    assert h.session.current() is not None  # the other one, the next day
    h.store.close()


def leech_harness(tmp_path: Path, action: str) -> Harness:
    settings = PLAIN.with_deck_overrides("k", leech_action=action)
    h = Harness(tmp_path, settings=settings, cards=CARDS[:1])
    state = CardState(
        CARDS[0].id,
        Phase.REVIEW,
        due=START,
        last_review=START - timedelta(days=3),
        stability=3.0,
        difficulty=8.0,
        interval=3,
        reps=20,
        lapses=7,
    )
    h.store.record_change(state, START, "test")
    h.reopen()
    return h


@pytest.mark.parametrize("action", ["tag", "suspend"])
def test_eighth_lapse_makes_a_leech(tmp_path: Path, action: str) -> None:
    h = leech_harness(tmp_path, action)
    outcome = h.session.answer(Rating.AGAIN)
    assert outcome.became_leech and outcome.state.lapses == 8 and outcome.state.leech
    assert outcome.state.suspended is (action == "suspend")
    assert h.session.summary().leeches == (CARDS[0].id,)
    if action == "suspend":
        h.clock.advance(10 * MIN)
        assert h.session.current() is None
    h.session.undo()
    assert not h.store.get(CARDS[0].id).leech
    h.store.close()


def test_day_rollover_resets_limits(tmp_path: Path) -> None:
    settings = PLAIN.with_deck_overrides("k", new_per_day=2)
    h = Harness(tmp_path, settings=settings)
    h.session.answer(Rating.EASY)
    h.session.answer(Rating.EASY)
    assert h.session.current() is None and h.session.counts().new == 0
    h.clock.now = datetime(2026, 3, 3, 3, 59, tzinfo=UTC)
    assert h.session.counts().new == 0  # still the 2nd: the day starts at 4 am
    h.clock.now = datetime(2026, 3, 3, 4, 0, tzinfo=UTC)
    assert h.session.counts().new == 2
    h.store.close()


def test_nothing_to_study(tmp_path: Path) -> None:
    h = Harness(tmp_path, cards=[])
    assert h.session.current() is None
    assert h.session.next_due() is None
    with pytest.raises(NoCardError):
        h.session.answer(Rating.GOOD)
    with pytest.raises(NoCardError):
        h.session.bury()
    h.store.close()


def test_summary(h: Harness) -> None:
    h.session.answer(Rating.GOOD, timedelta(seconds=3))
    h.session.answer(Rating.AGAIN, timedelta(seconds=7))
    h.session.bury()
    summary = h.session.summary()
    assert summary.answered == 2 and summary.correct == 1 and summary.accuracy == 0.5
    assert summary.by_rating == {Rating.GOOD: 1, Rating.AGAIN: 1}
    assert summary.by_phase == {Phase.NEW: 2}
    assert summary.time_spent == timedelta(seconds=10)
    assert summary.buried == 1
    assert summary.remaining.new == 2
    assert h.session.next_due() == START + MIN


def test_per_deck_scheduler_settings(tmp_path: Path) -> None:
    settings = PLAIN.with_deck_overrides("k", learning_steps=[120, 3600])
    h = Harness(tmp_path, settings=settings)
    assert h.session.answer(Rating.AGAIN).interval == 2 * MIN
    h.store.close()


# ------------------------------------------------------------- property test

rating = st.sampled_from(list(Rating))
operation = st.one_of(
    st.tuples(st.just("answer"), rating),
    st.tuples(st.just("undo"), st.none()),
    st.tuples(st.just("bury"), st.none()),
    st.tuples(st.just("wait"), st.sampled_from([1, 10, 60, 60 * 24, 60 * 24 * 5])),
    st.tuples(st.just("crash"), st.booleans()),
    st.tuples(st.just("restart"), st.none()),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, max_size=40))
def test_random_sessions_with_crashes_match_a_simple_model(ops: list[tuple[str, Any]]) -> None:
    """After every restart (clean or kill-like), the stored states equal a plain model.

    The model applies each acknowledged answer with the scheduler and each undo by
    restoring the previous state; a crash may leave a torn, unacknowledged line.
    """
    folder = Path(tempfile.mkdtemp(prefix="studyapp-prop-"))
    settings_ = StudySettings.from_dict({"queue": {"leech_threshold": 0}})
    scheduler = make_scheduler(settings_.for_deck("k").scheduler)
    h = Harness(folder, settings=settings_)
    model: dict[str, CardState] = {}
    stack: list[tuple[str, CardState, dict[str, CardState]]] = []
    """(card, its state before, its siblings' states before a bury)"""

    def check() -> None:
        for cid in set(model) | set(h.store.states):
            assert h.store.get(cid) == model.get(cid, CardState(cid)), cid

    try:
        for kind, arg in ops:
            if kind == "answer":
                card = h.session.current()
                if card is None:
                    continue
                before = model.get(card.id, CardState(card.id))
                expected = scheduler.answer(before, arg, h.clock.now)
                assert h.session.answer(arg, timedelta(seconds=2)).state == expected
                model[card.id] = expected
                stack.append((card.id, before, {}))
            elif kind == "undo":
                back = h.session.undo()
                if stack:
                    cid, before, siblings = stack.pop()
                    assert back is not None and back.id == cid
                    model[cid] = before
                    model.update(siblings)
                else:
                    assert back is None
            elif kind == "bury":
                card = h.session.current()
                if card is None:
                    continue
                before = model.get(card.id, CardState(card.id))
                h.session.bury()
                today = study_day(h.clock.now, 4, UTC)
                model[card.id] = replace(before, buried_until=today)
                # its siblings that would come today are buried with it (bury_siblings)
                tomorrow = datetime.combine(today + timedelta(days=1), time(4), tzinfo=UTC)
                siblings: dict[str, CardState] = {}
                for other in CARDS:
                    if other.sibling_key != card.sibling_key or other.id == card.id:
                        continue
                    was = model.get(other.id, CardState(other.id))
                    hidden = was.suspended or (
                        was.buried_until is not None and was.buried_until >= today
                    )
                    due_today = was.phase is Phase.NEW or (
                        was.due is not None and was.due < tomorrow
                    )
                    if due_today and not hidden:
                        siblings[other.id] = was
                        model[other.id] = replace(was, buried_until=today)
                stack.append((card.id, before, siblings))
            elif kind == "wait":
                h.clock.advance(timedelta(minutes=arg))
            else:
                if kind == "crash":
                    h.store.close(fold=False)
                    if arg:  # killed in the middle of writing an answer
                        with open(folder / JOURNAL, "ab") as journal:
                            journal.write(b'{"seq": 99999, "type": "rev')
                    h.open()
                else:
                    h.reopen()
                stack.clear()  # undo does not survive a restart
                assert not [p for p in h.store.problems if p.severity == "error"]
                check()
            for cid, state in model.items():
                assert h.store.get(cid) == state
        h.reopen()
        check()
    finally:
        h.store.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_a_failed_card_counts_as_learning_at_once_as_in_anki_and_on_home(h: Harness) -> None:
    """Anki 26.9 counts a card failed a moment ago (due in 1 min, inside the 20-minute
    learn-ahead window) as learning straight away; so do the session and the home
    screen's overview, which once disagreed (the session counted only cards due now)."""
    from studyapp.core.stats.overview import deck_overviews

    h.session.answer(Rating.AGAIN)
    counts = h.session.counts()
    assert (counts.new, counts.learning) == (4, 1)
    home = deck_overviews(
        h.cards, h.store.states, h.store.recent_reviews(), h.settings, h.clock(), tz=UTC
    )
    assert home["k"].left == counts
    h.clock.advance(30 * MIN)  # long past due: still one
    assert h.session.counts().learning == 1


@pytest.mark.parametrize("how", ["bury", "suspend"])
def test_bury_and_suspend_keep_siblings_out_of_today_until_undone(h: Harness, how: str) -> None:
    """Burying the "when" card of a date entry used to leave its "what happened then?"
    card free to come next (after any rebuild of the queue: an undo, a restart, going
    home and back). As in Anki, a card put away takes its entry's siblings with it for
    the day; undo brings them all back."""
    while (card := h.session.current()) is not None and card.entry_id != "d1":
        h.session.answer(Rating.EASY)
    assert card is not None and card.id == "k/d1/when"
    getattr(h.session, how)()
    today = study_day(h.clock.now, 4, UTC)
    assert h.store.get("k/d1/what").buried_until == today
    assert not h.store.get("k/d1/what").suspended  # only the card itself is suspended
    h.reopen()  # a new session from what is stored: the sibling stays out
    seen = set()
    while (card := h.session.current()) is not None:
        seen.add(card.entry_id)
        h.session.answer(Rating.EASY)
    assert "d1" not in seen
    h.clock.advance(timedelta(days=1))  # tomorrow the entry is back
    h.session.counts()
    back = "k/d1/when" if how == "bury" else "k/d1/what"  # a suspended card stays out
    assert back in h.session._new


def test_undoing_a_bury_brings_the_siblings_back(h: Harness) -> None:
    while (card := h.session.current()) is not None and card.entry_id != "d1":
        h.session.answer(Rating.EASY)
    h.session.bury()
    assert h.store.get("k/d1/what").buried_until is not None
    back = h.session.undo()
    assert back is not None and back.id == "k/d1/when" and h.session.current() == back
    assert h.store.get("k/d1/when").buried_until is None
    assert h.store.get("k/d1/what").buried_until is None
    with h.disk() as view:
        assert view.get("k/d1/what").buried_until is None


def test_siblings_are_not_buried_with_bury_siblings_off(tmp_path: Path) -> None:
    h = Harness(tmp_path, settings=PLAIN.with_deck_overrides("k", bury_siblings=False))
    while (card := h.session.current()) is not None and card.entry_id != "d1":
        h.session.answer(Rating.EASY)
    h.session.bury()
    assert h.store.get("k/d1/what").buried_until is None
    h.store.close()


@pytest.mark.parametrize("undos", [2, 3])
def test_every_undone_card_is_asked_again_last_undone_first(tmp_path: Path, undos: int) -> None:
    """Two undos in a row at the daily new limit: the queue, rebuilt with the limit's
    room freed, filled it with a fresh card in deck order, so answering the card shown
    brought that one and the first undone card never came back (and "0 new")."""
    limit = StudySettings.from_dict(
        {"scheduler": {"enable_fuzz": False}, "queue": {"new_per_day": 3}}
    )
    h = Harness(tmp_path, settings=limit)
    answered = []
    for _ in range(3):
        card = h.session.current()
        assert card is not None
        answered.append(card.id)
        h.session.answer(Rating.GOOD)
    assert h.session.counts().new == 0
    undone = [h.session.undo() for _ in range(undos)]
    assert [c.id for c in undone if c is not None] == answered[::-1][:undos]
    assert h.session.counts().new == undos  # as the home screen counts: room for them
    asked = []
    for _ in range(undos):
        card = h.session.current()
        assert card is not None
        asked.append(card.id)
        h.session.answer(Rating.GOOD)
    assert asked == answered[-undos:]  # a stack: the last undone first, then the others
    assert h.session.counts().new == 0
    assert h.store.get(answered[-undos]).phase is Phase.LEARNING
    h.store.close()


def test_an_undone_card_comes_back_after_a_rebuild(tmp_path: Path) -> None:
    """A bury in between rebuilds the queue: the undone card keeps its place."""
    limit = StudySettings.from_dict(
        {"scheduler": {"enable_fuzz": False}, "queue": {"new_per_day": 2}}
    )
    h = Harness(tmp_path, settings=limit)
    first = h.session.current()
    assert first is not None
    h.session.answer(Rating.GOOD)
    second = h.session.current()
    assert second is not None
    h.session.answer(Rating.GOOD)
    h.session.undo()
    h.session.undo()
    assert h.session.current() == first
    h.session.bury()  # the first put away: the second (undone earlier) comes next
    assert h.session.current() == second
    assert h.session.planned == ()  # undone cards are not an exam plan's
    h.store.close()


def test_unsuspend_lifts_a_suspension_not_a_burial(h: Harness) -> None:
    card = h.session.bury()
    h.session.unsuspend(card.id)  # not suspended: nothing to do
    assert h.store.get(card.id).buried_until is not None
    assert card.id not in h.session._new
    h.store.record_change(replace(h.store.get(card.id), suspended=True), h.clock(), "suspend")
    h.session.unsuspend(card.id)
    state = h.store.get(card.id)
    assert not state.suspended and state.buried_until is not None  # still buried today


def test_a_new_session_counts_todays_earlier_answers_as_done(h: Harness) -> None:
    """Back for more after three answers: the new session starts from 3
    done today, not 0; the next study day starts from 0 again."""
    assert h.session.answered_before == 0
    for rating in (Rating.AGAIN, Rating.GOOD):
        h.session.answer(rating)
    h.clock.advance(MIN)
    h.session.answer(Rating.GOOD)
    h.reopen()
    assert h.session.answered_before == 3
    h.clock.advance(timedelta(days=1))
    h.reopen()
    assert h.session.answered_before == 0
