"""Review history in: the same answers, the same due days, and next intervals equal Anki's.

The oracle is the ``anki`` package itself: the package Anki exported is imported by
Anki into a fresh collection and by us into a fresh progress folder; then every
review card is answered on its due day on both sides (fuzz off), and the intervals
must agree for at least 99% of the cards. Those that differ are printed with their
memory states, so a failure says why.
"""

from __future__ import annotations

import json
import random
import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.authoring.anki.importer import DeckImport, anki_collection, build_decks
from studyapp.core.authoring.anki.memory import MemoryReplay, anki_day
from studyapp.core.authoring.anki.progress import ProgressReport, import_progress
from studyapp.core.store import bulk
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


def f32(value: float) -> float:
    result: float = struct.unpack("<f", struct.pack("<f", value))[0]
    return result


def test_memory_states_are_the_ones_anki_stored(package: Path, tmp_path: Path) -> None:
    """Each card's state rebuilt from the log is the one Anki computed answer by answer
    and stored (single-precision numbers, as Anki keeps them)."""
    ours = import_into(package, tmp_path / "progress", datetime.now(UTC))
    with anki_collection(package) as collection:
        stored = {c.id: json.loads(c.data) for c in collection.cards() if '"s"' in c.data}
    same, differ = 0, []
    stored = {k: v for k, v in stored.items() if k in ours.decks.card_ids}
    for anki_id, data in stored.items():
        state = ours.states[ours.decks.card_ids[anki_id]]
        assert state.stability is not None and state.difficulty is not None
        if (f32(state.stability), f32(state.difficulty)) == (f32(data["s"]), f32(data["d"])):
            same += 1
        else:
            differ.append((state.stability, state.difficulty, data["s"], data["d"]))
    print(f"{same}/{len(stored)} states equal Anki's: {differ}")
    assert len(stored) >= 100
    assert same >= 0.99 * len(stored), differ


def test_replay_takes_fsrs_rs_or_falls_back_to_the_scheduler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = SchedulerSettings(enable_fuzz=False)
    assert MemoryReplay(settings).anki_arithmetic
    assert not MemoryReplay(settings, anki_arithmetic=False).anki_arithmetic

    def refuse(parameters: object) -> None:
        raise ValueError("InvalidParameters")

    with monkeypatch.context() as patch:
        patch.setattr("fsrs_rs_python.FSRS", refuse)
        fallback = MemoryReplay(settings)
    assert not fallback.anki_arithmetic
    assert fallback.answer(fallback.answer(None, 4, 1), 2, 9) == MemoryReplay(
        settings, anki_arithmetic=False
    ).answer(MemoryReplay(settings, anki_arithmetic=False).answer(None, 4, 1), 2, 9)
    rs, py = MemoryReplay(settings), MemoryReplay(settings, anki_arithmetic=False)
    first = rs.answer(None, 3, 100)
    assert first == py.answer(None, 3, 100)  # initial values: the same in both
    later = rs.answer(rs.answer(first, 3, 103), 1, 120)
    other = py.answer(py.answer(first, 3, 103), 1, 120)
    assert later.day == other.day == 120
    assert later.stability == pytest.approx(other.stability, rel=1e-3)
    assert later.difficulty == pytest.approx(other.difficulty, abs=2e-3)


def test_memory_replay_is_the_schedulers_own() -> None:
    """Answers a whole number of days apart: the fallback replay's memory equals what
    answering through our scheduler leaves (no learning steps, so every answer moves
    the memory)."""
    settings = SchedulerSettings(enable_fuzz=False, learning_steps=(), relearning_steps=())
    scheduler = make_scheduler(settings)
    replay = MemoryReplay(settings, anki_arithmetic=False)
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


def test_answers_dated_in_milliseconds_make_the_same_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``add_ms`` (the import's path) writes what ``add`` writes for the same time,
    and counts the same answers as recent."""
    monkeypatch.setattr(bulk, "_FLUSH_BYTES", 1 << 30)
    now = datetime(2026, 3, 2, 12, tzinfo=UTC)
    rng = random.Random(5)
    with ProgressStore.open(tmp_path / "p", clock=lambda: now) as store:
        by_time, by_ms = BulkHistory(store, now), BulkHistory(store, now)
        key = BulkHistory.key("d/é/answer")
        base = int(now.timestamp() * 1000)
        times = [base, base - 1, base - 999, base - 86_400_000 * 3 + 1, 946_684_800_000]
        times += [rng.randint(946_684_800_000, 7_258_118_400_000) for _ in range(2000)]
        times += [base - rng.randint(0, 86_400_000 * 10) for _ in range(2000)]
        for n, ms in enumerate(times):
            took, ivl = (n % 5000 or None), (n % 3 or None)
            rating, phase = Rating(n % 4 + 1), list(Phase)[n % len(Phase)]
            at = datetime.fromtimestamp(ms / 1000, UTC)
            by_time.add("d/é/answer", at, rating, phase, took, ivl, key)
            by_ms.add_ms("d/é/answer", ms, rating, phase, took, ivl, key)
        assert by_ms._buffer == by_time._buffer
        assert len(by_ms._recent) > 1000
        assert by_ms._recent == by_time._recent
        by_time.abort()
        by_ms.abort()


def test_a_first_history_is_the_answers_file_itself(tmp_path: Path) -> None:
    """Into a folder with no history yet, the answers' file becomes the history
    (renamed, not copied): the same lines, no temporary file left, the usual mode."""
    now = datetime(2026, 3, 2, 12, tzinfo=UTC)
    folder = tmp_path / "fresh"
    with ProgressStore.open(folder, clock=lambda: now) as store:
        with BulkHistory(store, now) as history:
            history.add("d/b/answer", now - timedelta(days=9), Rating.GOOD, Phase.NEW, 1500, 3)
            history.add("d/b/answer", now - timedelta(hours=2), Rating.AGAIN, Phase.REVIEW)
            history.commit({"d/b/answer": CardState("d/b/answer", Phase.RELEARNING, now, now)})
        after = store.record_review(
            CardState("d/a/answer"), CardState("d/a/answer"), Rating.EASY, now
        )
        assert ("d/b/answer", Rating.AGAIN) in [
            (r.card_id, r.rating) for r in store.recent_reviews()
        ]
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    assert (folder / "history.jsonl").stat().st_mode & 0o777 == 0o600  # the learner's alone
    with ProgressStore.open(folder, read_only=True) as store:
        reviews = list(store.history())
        assert [r.card_id for r in reviews] == ["d/b/answer", "d/b/answer", "d/a/answer"]
        assert reviews[-1].seq == after.seq == reviews[1].seq + 1
        lines = (folder / "history.jsonl").read_bytes().splitlines(keepends=True)
        assert lines == [encode_line(r.to_dict()) for r in reviews]
