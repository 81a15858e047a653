"""The progress store: durability, damaged files, migration, the lock, kill -9."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from msgspec.structs import replace

from studyapp.core.base.clock import ManualClock
from studyapp.core.store.check import check_folder
from studyapp.core.store.errors import ProgressLocked, ReadOnlyError
from studyapp.core.store.history import append_history
from studyapp.core.store.journal import decode_line, encode_line
from studyapp.core.store.layout import HISTORY, JOURNAL, SNAPSHOT
from studyapp.core.store.snapshot import FORMAT, VERSION
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def clock() -> ManualClock:
    return ManualClock(NOW)


def reviewed(card_id: str, reps: int, at: datetime = NOW) -> CardState:
    return CardState(
        card_id=card_id,
        phase=Phase.REVIEW,
        due=at + timedelta(days=reps),
        last_review=at,
        stability=float(reps),
        difficulty=5.0,
        interval=reps,
        reps=reps,
    )


def answer(
    store: ProgressStore, card_id: str, at: datetime = NOW, rating: Rating = Rating.GOOD
) -> int:
    prev = store.get(card_id)
    new = reviewed(card_id, prev.reps + 1, at)
    return store.record_review(prev, new, rating, at, timedelta(seconds=3)).seq


def open_store(folder: Path, **kwargs: object) -> ProgressStore:
    return ProgressStore.open(folder, clock=clock(), **kwargs)  # type: ignore[arg-type]


def errors(store: ProgressStore) -> list[str]:
    return [str(p) for p in store.problems if p.severity == "error"]


# --------------------------------------------------------------------- basics


def test_round_trip_through_close_and_open(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        answer(store, "d/a/v")
        answer(store, "d/a/v")
        answer(store, "d/b/v")
        assert store.get("d/a/v").reps == 2
        assert store.get("d/never/v") == CardState("d/never/v")
    snap = json.loads((tmp_path / SNAPSHOT).read_text())
    assert snap["format"] == FORMAT and snap["version"] == VERSION
    assert (tmp_path / JOURNAL).read_bytes() == b""  # folded on close
    with open_store(tmp_path) as store:
        assert store.get("d/a/v").reps == 2 and store.get("d/b/v").reps == 1
        assert store.problems == ()
        assert [r.card_id for r in store.history()] == ["d/a/v", "d/a/v", "d/b/v"]


def test_answers_survive_without_close(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    answer(store, "d/a/v")
    answer(store, "d/b/v")
    store.close(fold=False)  # what a crash leaves: the journal, no new snapshot
    assert not (tmp_path / SNAPSHOT).exists()
    with open_store(tmp_path) as again:
        assert again.get("d/a/v").reps == 1 and again.get("d/b/v").reps == 1
        assert again.pending == 2
        assert again.problems == ()


def test_states_of_unknown_cards_are_kept(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        answer(store, "gone-deck/old-entry/when")
    with open_store(tmp_path) as store:
        answer(store, "d/a/v")
    with open_store(tmp_path) as store:
        assert "gone-deck/old-entry/when" in store.states


def test_journal_folds_when_large(tmp_path: Path) -> None:
    with open_store(tmp_path, fold_after=5) as store:
        for _ in range(12):
            answer(store, "d/a/v")
        assert store.pending == 2
        assert json.loads((tmp_path / SNAPSHOT).read_text())["journal_seq"] == 10
        assert len(list(store.history())) == 12


def test_settings_are_saved(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.set_settings({"scheduler": {"desired_retention": 0.85}})
    with open_store(tmp_path) as store:
        assert store.settings == {"scheduler": {"desired_retention": 0.85}}
        with pytest.raises(TypeError):
            store.set_settings({"bad": object()})
        assert store.settings == {"scheduler": {"desired_retention": 0.85}}


def test_journal_lines_carry_a_checksum() -> None:
    line = encode_line({"seq": 1, "type": "review", "card": "x"})
    assert decode_line(line) == {"seq": 1, "type": "review", "card": "x"}
    assert decode_line(line.replace(b'"x"', b'"y"')) is None
    assert decode_line(b"{not json") is None
    assert decode_line(b"[1, 2]") is None


# -------------------------------------------------------------- undo + history


def test_undo_restores_state_and_leaves_history(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        before = store.get("d/a/v")
        seq = answer(store, "d/a/v")
        assert len(store.recent_reviews()) == 1
        store.record_undo(seq, before, NOW)
        assert store.get("d/a/v") == before
        assert store.recent_reviews() == ()
        assert list(store.history()) == []
    with open_store(tmp_path) as store:
        assert store.get("d/a/v") == before
        assert list(store.history()) == []


def test_undo_of_a_review_already_in_history(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        answer(store, "d/a/v")
        seq = answer(store, "d/a/v")
        store.fold()
        store.record_undo(seq, reviewed("d/a/v", 1), NOW)
        assert len(list(store.history())) == 1
    with open_store(tmp_path) as store:
        assert [r.seq for r in store.history()] == [1]
        assert store.get("d/a/v").reps == 1


def test_recent_reviews_are_pruned_at_fold(tmp_path: Path) -> None:
    c = clock()
    with ProgressStore.open(tmp_path, clock=c) as store:
        answer(store, "d/a/v", at=NOW)
        c.advance(timedelta(days=10))
        answer(store, "d/b/v", at=c.now)
        store.fold()
        assert [r.card_id for r in store.recent_reviews()] == ["d/b/v"]
        assert len(list(store.history())) == 2


def test_interrupted_fold_does_not_duplicate_history(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    answer(store, "d/a/v")
    answer(store, "d/b/v")
    append_history(tmp_path / HISTORY, store._pending)  # the first step of a fold, then a "crash"
    store.close(fold=False)
    with open_store(tmp_path) as again:
        assert again.get("d/b/v").reps == 1
    with open_store(tmp_path) as again:
        assert [r.seq for r in again.history()] == [1, 2]


def test_journal_already_folded_is_not_applied_twice(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    answer(store, "d/a/v")
    journal = (tmp_path / JOURNAL).read_bytes()
    store.close()  # folds and empties the journal
    (tmp_path / JOURNAL).write_bytes(journal)  # as if the crash came before emptying it
    with open_store(tmp_path) as again:
        assert again.pending == 0
        assert len(again.recent_reviews()) == 1
        assert again.problems == ()


# ------------------------------------------------------------ damaged files


def snapshot_with(tmp_path: Path, content: bytes) -> None:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / SNAPSHOT).write_bytes(content)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "damaged"),
        (b'{"format": "studyapp-progress", "version": 2, "cards": {"d/a/v": {"pha', "damaged"),
        (bytes(random.Random(1).randbytes(300)), "damaged"),
        (b'{"format": "something-else", "version": 2}', "damaged"),
        (b'{"format": "studyapp-progress", "version": 2, "cards": []}', "damaged"),
        (b'{"format": "studyapp-progress", "version": 99, "cards": {}}', "newer-v99"),
    ],
    ids=["empty", "truncated", "garbage", "foreign", "malformed", "newer"],
)
def test_bad_snapshot_is_moved_aside_and_reported(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    snapshot_with(tmp_path, content)
    with open_store(tmp_path) as store:
        assert store.states == {}
        (problem,) = [p for p in store.problems if p.severity == "error"]
        assert problem.moved_to is not None
        assert problem.moved_to.name == f"{SNAPSHOT}.{reason}-20260302T120000Z"
        assert problem.moved_to.read_bytes() == content  # kept byte for byte
        if reason.startswith("newer"):
            assert "newer studyapp" in problem.message
        answer(store, "d/a/v")
    with open_store(tmp_path) as store:
        assert store.get("d/a/v").reps == 1
        assert store.problems == ()
    assert (tmp_path / f"{SNAPSHOT}.{reason}-20260302T120000Z").read_bytes() == content


def test_newer_version_journal_is_set_aside_too(tmp_path: Path) -> None:
    newer = VERSION + 1
    snapshot_with(tmp_path, b'{"format": "studyapp-progress", "version": %d, "cards": {}}' % newer)
    (tmp_path / JOURNAL).write_bytes(b'{"some": "future record"}\n')
    with open_store(tmp_path) as store:
        moved = sorted(p.moved_to.name for p in store.problems if p.moved_to)
        assert moved == [
            f"{SNAPSHOT}.newer-v{newer}-20260302T120000Z",
            f"{JOURNAL}.newer-v{newer}-20260302T120000Z",
        ]


def test_read_only_open_reports_but_touches_nothing(tmp_path: Path) -> None:
    snapshot_with(tmp_path, b"garbage")
    with ProgressStore.open(tmp_path, read_only=True, clock=clock()) as store:
        assert errors(store)
        with pytest.raises(ReadOnlyError):
            answer(store, "d/a/v")
    assert sorted(p.name for p in tmp_path.iterdir()) == [SNAPSHOT]


def test_one_bad_card_does_not_lose_the_others(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        for card in ("d/a/v", "d/b/v", "d/c/v"):
            answer(store, card)
    data = json.loads((tmp_path / SNAPSHOT).read_bytes())
    cards = data["cards"]
    assert cards["id"] == ["d/a/v", "d/b/v", "d/c/v"]
    cards["phase"][1] = 9  # no such phase
    cards["due"][2] = "the day after tomorrow"
    raw = json.dumps(data).encode()
    snapshot_with(tmp_path, raw)
    with open_store(tmp_path) as store:
        assert store.get("d/a/v").reps == 1
        assert "d/b/v" not in store.states and "d/c/v" not in store.states
        (problem,) = store.problems
        assert "2 card state" in problem.message and "d/b/v" in problem.message
        assert problem.moved_to is not None and problem.moved_to.read_bytes() == raw


def test_one_bad_card_of_a_version_2_file_does_not_lose_the_others(tmp_path: Path) -> None:
    good = reviewed("d/a/v", 3).to_dict()
    data = {
        "format": FORMAT,
        "version": 2,
        "journal_seq": 0,
        "settings": {},
        "cards": {"d/a/v": good, "d/b/v": {"phase": "confused"}},
    }
    raw = json.dumps(data).encode()
    snapshot_with(tmp_path, raw)
    with open_store(tmp_path) as store:
        assert store.get("d/a/v").reps == 3
        damaged, migrated = store.problems
        assert "1 card state" in damaged.message and damaged.moved_to is not None
        assert damaged.moved_to.read_bytes() == raw
        assert "version 2" in migrated.message and migrated.severity == "info"


def test_torn_last_journal_line_is_dropped_and_reported(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    answer(store, "d/a/v")
    answer(store, "d/b/v")
    store.close(fold=False)
    with open(tmp_path / JOURNAL, "ab") as handle:
        handle.write(b'{"seq": 3, "type": "review", "card": "d/c/v", "at": "2026-0')
    with open_store(tmp_path) as again:
        assert again.get("d/b/v").reps == 1 and "d/c/v" not in again.states
        (problem,) = again.problems
        assert "partly written" in problem.message and problem.severity == "warning"
        assert problem.moved_to is None
        answer(again, "d/c/v")
    with open_store(tmp_path) as again:
        assert again.get("d/c/v").reps == 1 and again.problems == ()


def test_damaged_journal_line_keeps_the_readable_ones(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    for card in ("d/a/v", "d/b/v", "d/c/v"):
        answer(store, card)
    store.close(fold=False)
    lines = (tmp_path / JOURNAL).read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b'"d/b/v"', b'"d/X/v"')  # fails its CRC
    (tmp_path / JOURNAL).write_bytes(b"\n".join(lines))
    with open_store(tmp_path) as again:
        assert again.get("d/a/v").reps == 1 and again.get("d/c/v").reps == 1
        assert "d/b/v" not in again.states and "d/X/v" not in again.states
        (problem,) = errors(again)
        assert "1 damaged line" in problem
        assert (tmp_path / JOURNAL).read_bytes() == b""  # folded at once
    assert len(list(tmp_path.glob(f"{JOURNAL}.damaged-*"))) == 1


def test_migration_from_version_1(tmp_path: Path) -> None:
    v1 = {
        "format": FORMAT,
        "version": 1,
        "cards": {
            "d/a/v": {
                "card_id": 17,
                "state": 2,
                "step": None,
                "stability": 12.5,
                "difficulty": 4.2,
                "due": "2026-03-10T12:00:00+00:00",
                "last_review": "2026-02-28T12:00:00+00:00",
            },
            "d/b/v": {
                "card_id": 18,
                "state": 1,
                "step": 0,
                "stability": None,
                "difficulty": None,
                "due": "2026-03-01T12:00:00+00:00",
                "last_review": None,
            },
        },
    }
    snapshot_with(tmp_path, json.dumps(v1).encode())
    with open_store(tmp_path) as store:
        a = store.get("d/a/v")
        assert a.phase is Phase.REVIEW and a.interval == 10 and a.stability == 12.5
        assert store.get("d/b/v").phase is Phase.NEW
        (problem,) = store.problems
        assert problem.severity == "info" and "version 1" in problem.message
        assert problem.moved_to is not None
        assert json.loads(problem.moved_to.read_text())["version"] == 1
    assert json.loads((tmp_path / SNAPSHOT).read_text())["version"] == VERSION


def test_stray_temp_files_are_removed(tmp_path: Path) -> None:
    tmp_path.joinpath(f".{SNAPSHOT}.abc123.tmp").write_bytes(b"half a snap")
    tmp_path.joinpath("notes.tmp").write_bytes(b"not ours")
    with open_store(tmp_path) as store:
        assert [p.severity for p in store.problems] == ["info"]
    assert not tmp_path.joinpath(f".{SNAPSHOT}.abc123.tmp").exists()
    assert tmp_path.joinpath("notes.tmp").exists()


# ------------------------------------------------------------------ the lock


def test_second_opener_gets_a_clear_error_or_a_read_only_view(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        answer(store, "d/a/v")
        with pytest.raises(ProgressLocked, match="in use by another studyapp"):
            open_store(tmp_path)
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert view.get("d/a/v").reps == 1
            with pytest.raises(ReadOnlyError):
                view.record_change(CardState("d/a/v", suspended=True), NOW, "suspend")
    with open_store(tmp_path) as store:
        assert store.get("d/a/v").reps == 1


CHILD_PRELUDE = """
import sys
from msgspec.structs import replace
from msgspec.structs import replace
from datetime import UTC, datetime, timedelta
from studyapp.core.base.clock import ManualClock
from studyapp.core.store.store import ProgressStore
from studyapp.core.store.state import CardState, Phase, Rating
folder, fold_after = sys.argv[1], int(sys.argv[2])
clock = ManualClock(datetime(2026, 3, 2, 12, tzinfo=UTC))
store = ProgressStore.open(folder, clock=clock, fold_after=fold_after)
print("ready", flush=True)

def answer(card_id):
    prev = store.get(card_id)
    clock.advance(timedelta(minutes=1))
    new = replace(prev, phase=Phase.REVIEW, reps=prev.reps + 1, due=clock.now)
    store.record_review(prev, new, Rating.GOOD, clock.now)
    print(f"ack {card_id} {new.reps}", flush=True)
"""


def spawn(folder: Path, body: str, fold_after: int = 1000) -> subprocess.Popen[str]:
    code = CHILD_PRELUDE + textwrap.dedent(body)
    return subprocess.Popen(
        [sys.executable, "-c", code, str(folder), str(fold_after)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_on_one_folder(tmp_path: Path) -> None:
    child = spawn(tmp_path, 'answer("d/a/v")\nsys.stdin.readline()\nstore.close()\n')
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline() == "ready\n"
        assert child.stdout.readline() == "ack d/a/v 1\n"
        with pytest.raises(ProgressLocked):
            open_store(tmp_path)
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert view.get("d/a/v").reps == 1  # acknowledged, so visible
        child.stdin.write("done\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
    with open_store(tmp_path) as store:  # the lock is free again; nothing lost
        answer(store, "d/a/v")
        assert store.get("d/a/v").reps == 2


# --------------------------------------------------------------------- kill -9


def check_folder_readable(folder: Path) -> None:
    """No file is unreadable: the snapshot parses; history lines decode (but torn ones)."""
    if (folder / SNAPSHOT).exists():
        data = json.loads((folder / SNAPSHOT).read_bytes())
        assert data["format"] == FORMAT
    if (folder / HISTORY).exists():
        lines = (folder / HISTORY).read_bytes().split(b"\n")
        for line in lines[:-1]:
            # a fold killed mid-append may leave a torn line; the next fold starts afresh
            assert decode_line(line) is not None or line.startswith(b'{"'), line
    leftovers = [p.name for p in folder.iterdir() if ".damaged-" in p.name or ".newer" in p.name]
    assert leftovers == []


@pytest.mark.reliability
def test_kill_9_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    rng = random.Random(20260302)
    cards = [f"d/e{i}/v" for i in range(5)]
    acked: dict[str, int] = dict.fromkeys(cards, 0)
    # Lock-step: the child answers once per line it is sent, so at the moment of
    # the kill at most one answer is in flight (and may or may not have landed).
    body = f"""
    i = int(sys.argv[3])
    cards = {cards!r}
    for _ in sys.stdin:
        answer(cards[i % len(cards)])
        i += 1
    """
    total = 0
    kills = 0
    for round_ in range(55):
        code = CHILD_PRELUDE + textwrap.dedent(body)
        fold_after = rng.choice([3, 7, 50])
        child = subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path), str(fold_after), str(total)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdin is not None
        wanted = rng.randint(0, 25)
        try:
            line = child.stdout.readline()
            assert line == "ready\n", (line, child.stderr.read() if child.stderr else "")
            for _ in range(wanted):
                child.stdin.write("go\n")
                child.stdin.flush()
                line = child.stdout.readline()
                _, card, count = line.split()
                acked[card] = int(count)
                total += 1
            child.stdin.write("go\n")  # one more, killed at a random moment of its write
            child.stdin.flush()
            time.sleep(rng.random() * 0.004)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            kills += 1
            for stream in (child.stdin, child.stdout, child.stderr):
                if stream:
                    with contextlib.suppress(BrokenPipeError):
                        stream.close()
        check_folder_readable(tmp_path)
        with ProgressStore.open(tmp_path, read_only=True) as view:
            assert not errors(view), (round_, view.problems)
            for card, reps in acked.items():
                got = view.get(card).reps
                # every acknowledged answer is there; at most one unacknowledged one more
                assert reps <= got <= reps + 1, (round_, card, reps, got)
            # an answer that landed without its "ack" still counts for the next child
            total = sum(view.get(card).reps for card in cards)
            acked = {card: view.get(card).reps for card in cards}
    assert kills >= 50
    with open_store(tmp_path) as store:
        assert not errors(store)
        assert sum(1 for _ in store.history()) == total


# ------------------------------------------------------------- integrity check


def test_check_folder_reports_counts_and_problems(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        answer(store, "d/a/v")
        answer(store, "d/b/v")
        store.record_change(replace(store.get("d/b/v"), suspended=True), NOW, "suspend")
        report = check_folder(tmp_path)
        assert report.locked and report.pending == 3
    report = check_folder(tmp_path)
    assert report.ok and not report.locked
    assert report.cards == 2 and report.cards_by_phase == {"review": 2}
    assert report.suspended == 1 and report.reviews == 2 and report.pending == 0
    assert set(report.files) >= {SNAPSHOT, HISTORY, JOURNAL}
    with open(tmp_path / HISTORY, "ab") as handle:
        handle.write(b'{"seq": 9, "garbled\n')
    report = check_folder(tmp_path)
    assert report.bad_history_lines == 1 and not report.ok
    with open_store(tmp_path) as store:  # a damaged history line never blocks studying
        assert len(list(store.history())) == 2


def test_check_folder_of_a_missing_folder(tmp_path: Path) -> None:
    report = check_folder(tmp_path / "nowhere")
    assert report.ok and report.cards == 0 and report.files == {}
    assert not (tmp_path / "nowhere").exists()


def test_read_only_view_rereads_if_the_owner_folds_meanwhile(tmp_path: Path) -> None:
    with open_store(tmp_path) as owner:
        answer(owner, "d/a/v")
        owner.fold()
        answer(owner, "d/b/v")
        real_replay = ProgressStore._replay_journal
        calls = []

        def replay_after_a_fold(view: ProgressStore) -> None:
            if not calls:  # the owner folds between the view's snapshot and journal reads
                owner.fold()
            calls.append(1)
            real_replay(view)

        ProgressStore._replay_journal = replay_after_a_fold  # type: ignore[method-assign]
        try:
            view = ProgressStore.open(tmp_path, read_only=True)
        finally:
            ProgressStore._replay_journal = real_replay  # type: ignore[method-assign]
        assert len(calls) == 2
        assert view.get("d/a/v").reps == 1 and view.get("d/b/v").reps == 1
        view.close()


def test_after_a_damaged_snapshot_new_reviews_still_reach_the_history(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        for _ in range(3):
            answer(store, "d/a/v")
    (tmp_path / SNAPSHOT).write_bytes(b"\x00\x00\x00")  # e.g. a disk error
    with open_store(tmp_path) as store:
        assert errors(store)
        assert answer(store, "d/b/v") == 4  # numbering continues after the history
    with open_store(tmp_path) as store:
        assert [r.card_id for r in store.history()] == ["d/a/v"] * 3 + ["d/b/v"]
