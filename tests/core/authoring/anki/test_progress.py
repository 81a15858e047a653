"""Review history in: the same answers, the same due days, and next intervals equal Anki's.

The oracle is the ``anki`` package itself: the package Anki exported is imported by
Anki into a fresh collection and by us into a fresh progress folder; then every
review card is answered on its due day on both sides (fuzz off), and the intervals
must agree for at least 99% of the cards. Those that differ are printed with their
memory states, so a failure says why.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.authoring.anki.importer import DeckImport, anki_collection, build_decks
from studyapp.core.authoring.anki.memory import MemoryReplay, anki_day
from studyapp.core.authoring.anki.progress import ProgressReport, import_progress
from studyapp.core.store.bulk import BulkHistory, latest_answers
from studyapp.core.store.journal import encode_line
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.queue import study_day
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.study.settings import SchedulerSettings, StudySettings
from tests.core.authoring.anki.conftest import AnkiPackages

SETTINGS = StudySettings(scheduler=SchedulerSettings(enable_fuzz=False))


def deck_of(card_id: str) -> str:
    return card_id.split("/", 1)[0]


class Imported:
    def __init__(self, decks: DeckImport, states: dict[str, CardState], report: ProgressReport):
        self.decks, self.states, self.report = decks, states, report


def import_into(package: Path, folder: Path, now: datetime) -> Imported:
    with anki_collection(package) as collection, ProgressStore.open(folder) as store:
        decks = build_decks(collection, deck_id="fr")
        with BulkHistory(store, now) as history:
            states, report = import_progress(
                collection, decks.card_ids, history, SETTINGS, deck_of=deck_of, now=now
            )
            history.commit(states)
    return Imported(decks, states, report)


@pytest.fixture(params=["current", "legacy"])
def package(request: pytest.FixtureRequest, anki_packages: AnkiPackages) -> Path:
    path: Path = getattr(anki_packages, request.param)
    return path


@pytest.fixture
def anki_side(package: Path, tmp_path: Path) -> Any:
    """Anki's own import of the same package, in a fresh collection."""
    from tests.core.authoring.anki import ankigen

    with ankigen.utc():
        col = ankigen.anki_import(package, tmp_path / "anki")
        try:
            yield col
        finally:
            col.close()


def anki_next_intervals(col: Any, cid: int) -> dict[Rating, int]:
    """Hard/Good/Easy intervals Anki gives the card answered on its due day."""
    card = col.get_card(cid)
    shift = card.due - col.sched.today
    card.due -= shift
    if card.last_review_time:
        card.last_review_time -= shift * 86400
    col.update_card(card, skip_undo_entry=True)
    states = col._backend.get_scheduling_states(cid)
    out = {}
    for rating in (Rating.HARD, Rating.GOOD, Rating.EASY):
        chosen = getattr(states, rating.name.lower()).normal
        if chosen.WhichOneof("kind") == "review":
            out[rating] = chosen.review.scheduled_days
    return out


def test_next_intervals_and_due_days_equal_ankis(
    package: Path, anki_side: Any, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    ours = import_into(package, tmp_path / "progress", now)
    by_guid_ord = {
        (guid, ord_): cid
        for cid, guid, ord_ in anki_side.db.all(
            "SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON c.nid = n.id"
        )
    }
    with anki_collection(package) as collection:
        guids = {note.id: note.guid for note in collection.notes()}
        source = {card.id: (guids[card.nid], card.ord) for card in collection.cards()}
    scheduler = make_scheduler(SETTINGS.scheduler)
    today = study_day(now)
    compared, same_due, same_next, differ = 0, 0, 0, []
    for anki_id, card_id in ours.decks.card_ids.items():
        target = by_guid_ord[source[anki_id]]
        anki_card = anki_side.get_card(target)
        if anki_card.queue != 2:
            continue
        state = ours.states[card_id]
        assert state.phase is Phase.REVIEW and state.due is not None
        compared += 1
        our_days = (study_day(state.due) - today).days
        same_due += our_days == anki_card.due - anki_side.sched.today
        wanted = anki_next_intervals(anki_side, target)
        got = {
            r: scheduler.answer(state, r, state.due).interval
            for r in (Rating.HARD, Rating.GOOD, Rating.EASY)
        }
        if got == wanted:
            same_next += 1
        else:
            memory = json.loads(anki_card.data or "{}")
            differ.append(
                f"{card_id}: ours {got} (S={state.stability}, D={state.difficulty}); Anki "
                f"{wanted} (S={memory.get('s')}, D={memory.get('d')})"
            )
    print(f"{compared} review cards: due day {same_due}/{compared}, next {same_next}/{compared}")
    print("\n".join(differ))
    assert compared >= 30
    assert same_due == compared
    assert same_next >= 0.99 * compared, differ


def test_history_holds_every_answer_as_anki_logged_it(package: Path, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    ours = import_into(package, tmp_path / "progress", now)
    with anki_collection(package) as collection:
        rows = [r for r in collection.revlog() if r.cid in ours.decks.card_ids and r.ease]
    with ProgressStore.open(tmp_path / "progress", read_only=True) as store:
        history = list(store.history())
    assert len(history) == len(rows) == ours.report.answers
    for row, review in zip(rows, history, strict=True):
        assert review.card_id == ours.decks.card_ids[row.cid]
        assert review.at == datetime.fromtimestamp(row.id / 1000, UTC)
        assert int(review.rating) == row.ease
        assert review.took_ms == row.time
        assert review.interval == (row.ivl if row.ivl > 0 else None)
    firsts = {}
    for review in history:
        firsts.setdefault(review.card_id, review)
    assert all(r.phase is Phase.NEW for r in firsts.values())


def test_suspended_and_buried_stay_so(package: Path, anki_side: Any, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    ours = import_into(package, tmp_path / "progress", now)
    assert ours.report.suspended == 2 and ours.report.buried == 2
    with anki_collection(package) as collection:
        queues = {card.id: card.queue for card in collection.cards()}
    for anki_id, card_id in ours.decks.card_ids.items():
        state = ours.states.get(card_id)
        if queues[anki_id] == -1:
            assert state is not None and state.suspended
        elif queues[anki_id] in (-2, -3):
            assert state is not None and state.buried_until == study_day(now)
        elif state is not None:
            assert not state.suspended and state.buried_until is None


def test_importing_again_adds_nothing_twice(anki_packages: AnkiPackages, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    first = import_into(anki_packages.current, tmp_path / "progress", now)
    with (
        anki_collection(anki_packages.current) as collection,
        ProgressStore.open(tmp_path / "progress") as store,
    ):
        decks = build_decks(collection, deck_id="fr")
        known = latest_answers(store, set(decks.card_ids.values()))
        with BulkHistory(store, now) as history:
            states, report = import_progress(
                collection,
                decks.card_ids,
                history,
                SETTINGS,
                deck_of=deck_of,
                now=now,
                known=known,
                current=dict(store.states.items()),
            )
            history.commit(states)
        assert report.answers == 0 and report.already == first.report.answers
        assert sum(1 for _ in store.history()) == first.report.answers
        assert states == first.states


def test_memory_replay_is_the_schedulers_own() -> None:
    """Answers a whole number of days apart: the replay's memory equals what answering
    through our scheduler leaves (no learning steps, so every answer moves the memory)."""
    settings = SchedulerSettings(enable_fuzz=False, learning_steps=(), relearning_steps=())
    scheduler = make_scheduler(settings)
    replay = MemoryReplay(settings)
    start = datetime(2026, 3, 2, 12, tzinfo=UTC)
    for sequence in ([3, 3, 1, 3, 4], [1, 1, 2, 3], [4, 4, 4, 2, 1, 3]):
        state, memory, at = CardState("d/e/answer"), None, start
        for gap, rating in zip([0, 0, 3, 10, 1, 40], sequence, strict=False):
            at += timedelta(days=gap)
            state = scheduler.answer(state, Rating(rating), at)
            memory = replay.answer(memory, rating, anki_day(at.timestamp(), 4 * 3600))
            assert (memory.stability, memory.difficulty) == (state.stability, state.difficulty)


def test_bulk_history_is_all_or_nothing(tmp_path: Path) -> None:
    now = datetime(2026, 3, 2, 12, tzinfo=UTC)
    folder = tmp_path / "progress"
    with ProgressStore.open(folder, clock=lambda: now) as store:
        before = store.record_review(
            CardState("d/a/answer"),
            CardState("d/a/answer", Phase.LEARNING, now, now),
            Rating.GOOD,
            now,
        )
        with pytest.raises(RuntimeError), BulkHistory(store, now) as history:
            history.add("d/b/answer", now - timedelta(days=9), Rating.GOOD, Phase.NEW)
            raise RuntimeError("the package was damaged half-way")
        assert [r.card_id for r in store.history()] == ["d/a/answer"]
        assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
        with BulkHistory(store, now) as history:
            history.add("d/b/answer", now - timedelta(days=9), Rating.GOOD, Phase.NEW, 1500, 3)
            history.add("d/b/answer", now - timedelta(hours=2), Rating.AGAIN, Phase.REVIEW)
            history.commit({"d/b/answer": CardState("d/b/answer", Phase.RELEARNING, now, now)})
        after = store.record_review(
            CardState("d/a/answer"), CardState("d/a/answer"), Rating.EASY, now
        )
        assert [r.seq for r in store.history()] == [
            before.seq,
            before.seq + 1,
            before.seq + 2,
            after.seq,
        ]
        assert after.seq == before.seq + 3
        recent = [(r.card_id, r.rating) for r in store.recent_reviews()]
        assert ("d/b/answer", Rating.AGAIN) in recent  # today's counts know of it
        assert ("d/b/answer", Rating.GOOD) not in recent  # nine days ago: not recent
    with ProgressStore.open(folder, read_only=True) as store:
        reviews = list(store.history())
        assert [r.took_ms for r in reviews] == [None, 1500, None, None]
        lines = (folder / "history.jsonl").read_bytes().splitlines(keepends=True)
        assert lines == [encode_line(r.to_dict()) for r in reviews]  # the store's own lines
        assert store.get("d/b/answer").phase is Phase.RELEARNING
