"""The queue and home's counts read from the store's columns: the same answers as from
every state decoded, one pass over the cards shared by home and the session."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.cards import Card, cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.stats.overview import deck_overviews, deck_tallies_by_rows
from studyapp.core.stats.report import deck_tallies
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.snapshot import FORMAT, VERSION, snapshot_chunks
from studyapp.core.store.snapshot_decode import parse_snapshot
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.statetable import StateColumns, StateTable
from studyapp.core.store.store import ProgressStore
from studyapp.core.study import queue as queue_module
from studyapp.core.study.cardrows import card_rows
from studyapp.core.study.queue import StudyQueue, build_queue
from studyapp.core.study.session import Session
from studyapp.core.study.settings import StudySettings

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def deck(deck_id: str, size: int) -> Deck:
    """qa and date entries in turn (a date entry has two cards: siblings; two kinds)."""
    entries: list[dict[str, Any]] = []
    for i in range(size):
        if i % 2:
            entries.append({"id": f"d{i}", "kind": "date", "event": f"E{i}", "date": "2001"})
        else:
            entries.append({"id": f"q{i}", "kind": "qa", "prompt": f"Q{i}?", "answer": f"A{i}"})
    return Deck.model_validate({"id": deck_id, "title": deck_id, "entries": entries})


CARDS: list[Card] = [c for d in ("a", "b", "c") for c in cards_for_deck(deck(d, 8))]
IDS = [c.id for c in CARDS] + ["gone/x/answer"]  # a state whose card left the decks
SETTINGS = StudySettings.from_dict(
    {"queue": {"new_per_day": 3, "reviews_per_day": 4}, "decks": {"b": {"new_per_day": 1}}}
)

near = st.integers(-3 * 24 * 60, 3 * 24 * 60).map(lambda m: NOW + timedelta(minutes=m))
states = st.builds(
    CardState,
    card_id=st.sampled_from(IDS),
    phase=st.sampled_from(Phase),
    due=st.none() | near,
    last_review=st.none() | near,
    interval=st.integers(0, 40),
    suspended=st.booleans(),
    buried_until=st.none() | st.sampled_from([date(2026, 3, 1), date(2026, 3, 2)]),
)
some_states = st.lists(states, max_size=30)


ORDER = {card_id: i for i, card_id in enumerate(IDS)}


def table_of(rows: list[CardState], later: list[CardState], ordered: bool = False) -> StateTable:
    """Rows read from a snapshot, then states set since (the journal's, answers).
    ``ordered``: the rows in the cards' order, as the store writes them."""
    if ordered:
        rows = sorted({s.card_id: s for s in rows}.values(), key=lambda s: ORDER[s.card_id])
    table = StateTable([s.card_id for s in rows], StateColumns.of(rows))
    for state in later:
        table[state.card_id] = state
    return table


def queue_of(states: Any, decks: set[str] | None = None, cards: list[Card] = CARDS) -> StudyQueue:
    return build_queue(cards, states, [], SETTINGS, NOW, rng=random.Random(3), tz=UTC, decks=decks)


def same(a: StudyQueue, b: StudyQueue) -> None:
    assert (a.day, a.learning, a.reviews, a.new) == (b.day, b.learning, b.reviews, b.new)


@settings(max_examples=150, deadline=None)
@given(rows=some_states, later=some_states, ordered=st.booleans())
def test_the_queue_from_rows_and_changes_is_the_queue_from_every_state(
    rows: list[CardState], later: list[CardState], ordered: bool
) -> None:
    """The columns of the rows (at C speed) and the states set since (one by one) give
    the queue that the same states give as rows alone, or as changes alone."""
    table = table_of(rows, later, ordered)
    everything = table.everything()
    as_changes = StateTable()
    as_changes.update(everything)
    expected = queue_of(as_changes)
    same(queue_of(table), expected)
    same(queue_of(dict(everything)), expected)
    learning = (card_id for _, card_id in expected.learning)
    assert set(expected.cards) == {*expected.reviews, *expected.new, *learning}


@settings(max_examples=100, deadline=None)
@given(rows=some_states, later=some_states, decks=st.sets(st.sampled_from("abc"), min_size=1))
def test_some_decks_queue_is_the_queue_of_their_cards_alone(
    rows: list[CardState], later: list[CardState], decks: set[str]
) -> None:
    """A session of some decks takes every card (so that the pass over them is shared)
    and gets the queue those decks' cards alone would give, random order included."""
    table = table_of(rows, later)
    theirs = [c for c in CARDS if c.deck_id in decks]
    same(queue_of(table, decks), queue_of(table.everything(), cards=theirs))


@settings(max_examples=200, deadline=None)
@given(rows=some_states, later=some_states, ordered=st.booleans())
def test_home_counts_from_columns_are_the_counts_from_every_state(
    rows: list[CardState], later: list[CardState], ordered: bool
) -> None:
    """Mastery and last studied per deck, counted from the columns (and the states set
    since), equal ``report.deck_tallies`` over every state decoded: rows in the cards'
    order (read as slices) or not (looked up)."""
    table = table_of(rows, later, ordered)
    assert deck_tallies_by_rows(CARDS, table) == deck_tallies(CARDS, table.everything())
    if ordered:  # read as slices of the columns
        with_cards = [i for i in table.ids if i != "gone/x/answer"]
        assert card_rows(CARDS, table).ordered == len(with_cards)


@settings(max_examples=100, deadline=None)
@given(rows=some_states, later=some_states, ordered=st.booleans())
def test_the_snapshot_is_written_in_the_cards_order_and_joined_in_one_walk(
    rows: list[CardState], later: list[CardState], ordered: bool
) -> None:
    """Once joined to the cards, a table is written with its rows in the cards' order
    (those of no card last): read back, the same states, joined by walking both lists."""
    table = table_of(rows, later, ordered)
    card_rows(CARDS, table)
    header = {"format": FORMAT, "version": VERSION, "journal_seq": 0, "settings": {}}
    again = parse_snapshot(b"".join(snapshot_chunks(header, table)))[0].cards
    assert again == table.everything()
    if len(set(table.ids)) < len(table.ids):
        return  # an odd file (an id given twice): written as read, ordered the next time
    positions = [ORDER[i] for i in again.ids]
    with_cards = [p for p in positions if p < len(CARDS)]
    assert positions == sorted(with_cards) + positions[len(with_cards) :]
    join = card_rows(CARDS, again)
    assert join.ordered == len(with_cards)
    assert [join.row[p] for p in range(len(CARDS))] == [
        again.row_of.get(card.id, -1) for card in CARDS
    ]
    # the walk leaves the table holding the cards' own id strings (one copy of each)
    assert all(again.ids[join.row[p]] is CARDS[p].id for p in range(len(CARDS)) if join.row[p] >= 0)


def count_passes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    passes: list[int] = []
    real = queue_module._due

    def counted(*args: Any) -> Any:
        passes.append(1)
        return real(*args)

    monkeypatch.setattr(queue_module, "_due", counted)
    return passes


def test_home_and_the_session_after_it_share_one_pass_over_the_cards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At start home counts, then studying begins: the pass over every card is made once
    (and made again only once a state changed)."""
    clock = ManualClock(NOW)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        for card in CARDS[::3]:
            state = CardState(card.id, phase=Phase.REVIEW, due=NOW - timedelta(hours=1))
            store.record_change(state, NOW, "test")
    store = ProgressStore.open(tmp_path, clock=clock)
    passes = count_passes(monkeypatch)

    def home() -> None:
        deck_overviews(CARDS, store.states, store.recent_reviews(), SETTINGS, clock(), tz=UTC)

    home()
    session = Session(store, CARDS, SETTINGS, clock=clock, rng=random.Random(1), tz=UTC)
    one_deck = Session(
        store, CARDS, SETTINGS, clock=clock, rng=random.Random(1), tz=UTC, decks=["b"]
    )
    assert len(passes) == 1
    assert one_deck.counts().review <= session.counts().review
    session.answer(Rating.GOOD)
    home()
    assert len(passes) == 2
    clock.advance(timedelta(days=1))  # another day: today's candidates are not yesterday's
    home()
    assert len(passes) == 3
    store.close()


def test_the_recent_reviews_read_back_typed_as_written(tmp_path: Path) -> None:
    """The snapshot's reviews of the last days (today's limits count them) are decoded
    typed at open: the same records as answered, ratings and phases as enums."""
    clock = ManualClock(NOW)
    with ProgressStore.open(tmp_path, clock=clock) as store:
        made: list[ReviewRecord] = []
        for i, card in enumerate(CARDS[:5]):
            new = CardState(card.id, phase=Phase.LEARNING, due=NOW, last_review=NOW)
            took = timedelta(seconds=i)
            made.append(store.record_review(store.get(card.id), new, Rating(i % 4 + 1), NOW, took))
    with ProgressStore.open(tmp_path, clock=clock) as store:
        again = list(store.recent_reviews())
    assert again == made
    assert all(type(r.rating) is Rating and type(r.phase) is Phase for r in again)
