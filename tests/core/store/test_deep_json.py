"""Deeply nested JSON in any file the app reads is damage, never a RecursionError (issue 17)."""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.base.jsonread import MAX_DEPTH, JSONTooDeep, loads_limited
from studyapp.core.quiz.resultfile import ResultError, parse_result
from studyapp.core.store.check import check_folder
from studyapp.core.store.history import read_records
from studyapp.core.store.history_digest import Digest
from studyapp.core.store.journal import CRC_PREFIX, decode_line
from studyapp.core.store.layout import HISTORY, JOURNAL, SNAPSHOT
from studyapp.core.store.store import ProgressStore

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
DEPTHS = [1_000, 5_000, 100_000]


def with_crc(body: bytes) -> bytes:
    """A journal/history line whose CRC holds (damage a CRC cannot catch: a crafted file)."""
    return body[:-1] + b'%s%08x"}\n' % (CRC_PREFIX, zlib.crc32(body))


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


@pytest.mark.parametrize("levels", [900, *DEPTHS])
@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_deep_snapshot_is_moved_aside_not_a_crash(
    tmp_path: Path, levels: int, closed: bool
) -> None:
    content = deep(levels) if closed else b"[" * levels
    (tmp_path / SNAPSHOT).write_bytes(content)
    with ProgressStore.open(tmp_path, clock=ManualClock(NOW)) as store:
        (problem,) = [p for p in store.problems if p.severity == "error"]
        assert problem.moved_to is not None
        assert problem.moved_to.read_bytes() == content
    report = check_folder(tmp_path)  # `studyapp progress` reads it again: fine now
    assert report.cards == 0


@pytest.mark.parametrize("where", ["settings", "recent"])
def test_deep_value_inside_a_good_snapshot(tmp_path: Path, where: str) -> None:
    with ProgressStore.open(tmp_path, clock=ManualClock(NOW)) as store:
        store.set_settings({"x": 1})
    data = json.loads((tmp_path / SNAPSHOT).read_bytes())
    data[where] = {"x": json.loads(deep(500))} if where == "settings" else [json.loads(deep(500))]
    (tmp_path / SNAPSHOT).write_text(json.dumps(data))
    with ProgressStore.open(tmp_path, clock=ManualClock(NOW)) as store:
        if where == "settings":  # would crash a later save, from a deeper stack
            assert [p for p in store.problems if p.severity == "error"]
        store.set_settings({"y": 2})  # and saving works


def test_deep_snapshot_from_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`studyapp stats` and `studyapp progress` at 1,000 levels (a RecursionError before)."""
    import io

    from studyapp.cli.study import cmd_progress, cmd_stats

    monkeypatch.setenv("STUDYAPP_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("STUDYAPP_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "progress"
    folder.mkdir()
    (folder / SNAPSHOT).write_bytes(b"[" * 1_000)
    decks = tmp_path / "decks"  # (a folder without decks, or none, is refused: exit 1)
    decks.mkdir()
    (decks / "tiny.yaml").write_text(
        "id: tiny\ntitle: Tiny\nentries:\n  - {id: q1, kind: qa, prompt: Why?, answer: Because}\n"
    )
    assert cmd_stats([str(decks)], str(folder), io.StringIO()) == 0
    out = io.StringIO()
    assert cmd_progress(str(folder), out) == 1
    assert "not valid JSON" in out.getvalue()


@pytest.mark.parametrize("levels", DEPTHS)
def test_deep_journal_and_history_lines_are_skipped(tmp_path: Path, levels: int) -> None:
    line = with_crc(b'{"type":"review","x":' + deep(levels) + b"}")
    assert decode_line(line) is None
    (tmp_path / HISTORY).write_bytes(line)
    assert list(read_records(tmp_path / HISTORY)) == []
    (tmp_path / JOURNAL).write_bytes(line + line)
    with ProgressStore.open(tmp_path, clock=ManualClock(NOW)) as store:
        assert [p for p in store.problems if p.severity == "error"]
        assert list(store.history()) == []


def test_deep_digest_is_not_used() -> None:
    assert Digest.from_bytes(with_crc(b'{"format":' + deep(5_000) + b"}")) is None


def test_deep_result_file_is_a_problem_not_a_crash() -> None:
    with pytest.raises(ResultError, match="nested too deeply"):
        parse_result(deep(5_000).decode(), "r.json")
    with pytest.raises(ResultError, match="nested too deeply"):
        parse_result(json.dumps({"a": json.loads(deep(200))}), "r.json")


def test_loads_limited() -> None:
    assert loads_limited(deep(MAX_DEPTH)) == json.loads(deep(MAX_DEPTH))
    for data in (deep(MAX_DEPTH + 1), deep(10_000), b'{"a":' * 10_000):
        with pytest.raises(JSONTooDeep):
            loads_limited(data)
    with pytest.raises(ValueError, match="nested too deeply"):
        loads_limited(deep(10_000), max_depth=None)
    assert loads_limited(deep(200), max_depth=None) == json.loads(deep(200))
