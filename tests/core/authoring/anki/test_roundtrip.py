"""Our own export with progress, imported into a fresh progress folder: everything comes back.

The bundled deck (every entry kind) is studied through our scheduler under a fixed
clock, exported with ``write_anki`` plus its progress
(:mod:`~studyapp.core.authoring.export.anki_progress`), and imported again: every
entry with its id and kind, every card's phase, due date, suspension and memory.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from studyapp.core.authoring.anki.importer import DeckImport, anki_collection, build_decks
from studyapp.core.authoring.anki.progress import import_progress
from studyapp.core.authoring.export.anki import note_guid, write_anki
from studyapp.core.authoring.export.anki_progress import add_progress, anki_card_of
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import Deck
from studyapp.core.store.bulk import BulkHistory
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.queue import study_day
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.study.settings import SchedulerSettings, StudySettings
from tests.core.authoring.test_export import BUNDLED

SETTINGS = StudySettings(scheduler=SchedulerSettings(enable_fuzz=False))
NOW = datetime(2026, 3, 20, 15, 30, tzinfo=UTC)
PATTERNS = ([3], [3, 3], [3, 3, 3, 3], [1, 3, 3, 4], [3, 3, 3, 1], [4, 4, 2, 3], [2, 3, 3, 3, 1, 3])


def study(deck: Deck, folder: Path) -> dict[str, CardState]:
    """Every card but one in five answered a few times, days apart; some suspended."""
    scheduler = make_scheduler(SETTINGS.scheduler)
    with ProgressStore.open(folder, clock=lambda: NOW) as store:
        for index, card in enumerate(cards_for_deck(deck)):
            if index % 5 == 0:
                continue
            state, at = CardState(card.id), NOW - timedelta(days=200 - index % 50)
            for rating in PATTERNS[index % len(PATTERNS)]:
                if state.due is not None:
                    at = max(at, state.due)
                new = scheduler.answer(state, Rating(rating), at)
                store.record_review(state, new, Rating(rating), at, timedelta(seconds=index % 9))
                state = new
            if index % 11 == 0:
                store.record_change(replace(state, suspended=True), at, "suspend")
        return dict(store.states.items())


REVERSED = """\
id: words
title: Words
entries:
  - id: chat
    kind: qa
    prompt: chat
    answer: cat
    accept: [a cat]
    reverse: true
  - id: chien
    kind: qa
    prompt: chien
    answer: dog
    reverse: true
    variants: [reverse]
  - id: maison
    kind: qa
    prompt: maison
    answer: house
  - id: arbre
    kind: qa
    prompt: arbre
    answer: tree
    reverse: true
  - id: pomme
    kind: qa
    prompt: pomme
    answer: apple
    reverse: true
"""


def roundtrip(
    tmp_path: Path, deck: Deck | None = None
) -> tuple[Deck, dict[str, CardState], DeckImport, dict[str, Any]]:
    deck = deck or load_deck(BUNDLED)
    states = study(deck, tmp_path / "studied")
    package = tmp_path / "deck.apkg"
    write_anki(deck, package)
    with ProgressStore.open(tmp_path / "studied", read_only=True) as store:
        done = add_progress(
            package, deck, store.states, store.history(), now=NOW, settings=SETTINGS
        )
    assert done.cards == len(states)
    with anki_collection(package) as collection, ProgressStore.open(tmp_path / "fresh") as store:
        decks = build_decks(collection, deck_id=deck.id)
        with BulkHistory(store, NOW) as history:
            back, report = import_progress(
                collection,
                decks.card_ids,
                history,
                SETTINGS,
                deck_of=lambda card_id: card_id.split("/", 1)[0],
                now=NOW,
            )
            history.commit(back)
        assert report.answers == done.reviews
        guids = {note.id: note.guid for note in collection.notes()}
        where = {(guids[c.nid], c.ord): c.id for c in collection.cards()}
    return deck, states, decks, {"back": back, "where": where}


@pytest.mark.parametrize("which", ["bundled", "reversed"])
def test_every_entry_kind_and_due_date_comes_back(tmp_path: Path, which: str) -> None:
    given = parse_deck(REVERSED, "words.yaml") if which == "reversed" else None
    deck, states, decks, found = roundtrip(tmp_path, given)
    back, where = found["back"], found["where"]
    entries = {e.id: e for e in decks.decks[0].deck.entries}
    assert entries.keys() == {e.id for e in deck.entries}
    assert {e.id: e.kind for e in deck.entries} == {i: e.kind for i, e in entries.items()}
    assert len({s.phase for s in states.values()}) >= 3  # learning, review, relearning
    for card_id, state in states.items():
        at = anki_card_of(card_id)
        assert at is not None
        target = decks.card_ids[where[(note_guid(deck.id, at[1]), at[2])]]
        got = back[target]
        assert got.phase is state.phase, card_id
        assert got.suspended == state.suspended, card_id
        assert state.due is not None and got.due is not None
        if state.phase is Phase.REVIEW:
            assert study_day(got.due) == study_day(state.due), card_id
            assert got.interval == state.interval
        assert abs((got.due - state.due).total_seconds()) < 1, card_id
        assert (got.stability, got.difficulty) == (state.stability, state.difficulty), card_id
        assert (got.reps, got.lapses) == (state.reps, state.lapses)


def test_reverse_cards_come_back_as_the_reverse_variant(tmp_path: Path) -> None:
    deck, states, decks, found = roundtrip(tmp_path, parse_deck(REVERSED, "words.yaml"))
    assert decks.decks[0].deck.entries == deck.entries  # reverse: true, variants and all
    assert "studyapp qa reversed (v1): 4 note(s) -> 4 qa entries, with their reverse card" in (
        "\n".join(decks.summary())
    )
    reverse = {c for c in states if c.endswith("/reverse")}
    assert reverse and reverse <= set(found["back"])
    assert set(decks.card_ids.values()) == {c.id for c in cards_for_deck(deck)}
    for card_id in reverse:  # its own schedule, not the forward card's
        forward = card_id.removesuffix("reverse") + "answer"
        if forward in states:
            assert found["back"][card_id] != found["back"][forward]


@pytest.mark.parametrize("which", ["bundled", "reversed"])
def test_anki_reads_the_same_schedule(tmp_path: Path, which: str) -> None:
    """Anki itself imports the package with the same due days (``anki`` installed)."""
    pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")
    from tests.core.authoring.anki import ankigen

    given = parse_deck(REVERSED, "words.yaml") if which == "reversed" else None
    deck, states, _, _ = roundtrip(tmp_path, given)
    with ankigen.utc():
        col = ankigen.anki_import(tmp_path / "deck.apkg", tmp_path / "anki")
        try:
            today = study_day(datetime.now(UTC))
            rows = col.db.all(
                "SELECT n.guid, c.ord, c.queue, c.due FROM cards c JOIN notes n ON c.nid = n.id"
            )
            due = {(guid, ord_): (queue, number) for guid, ord_, queue, number in rows}
            checked = 0
            for card_id, state in states.items():
                at = anki_card_of(card_id)
                assert at is not None and state.due is not None
                queue, number = due[(note_guid(deck.id, at[1]), at[2])]
                if state.suspended:
                    assert queue == -1
                elif state.phase is Phase.REVIEW:
                    days = (study_day(state.due) - today).days
                    assert number - col.sched.today == days, card_id
                    checked += 1
            assert checked > (20 if which == "bundled" else 2)
            assert col.db.scalar("SELECT count() FROM revlog") > (100 if which == "bundled" else 10)
        finally:
            col.close()
