"""What the journal and the history hold: an answer, an undo, a change of state.

:class:`ReviewRecord` is one answer as the history keeps it (what statistics and
today's limits are computed from); :class:`JournalEntry` is one change of the
journal, validated, with the card state it leaves.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Literal, NamedTuple

from msgspec import Struct

from studyapp.core.base.clock import ensure_utc
from studyapp.core.store.journal import decode_line
from studyapp.core.store.state import CardState, Phase, Rating

_RATINGS: dict[Any, Rating] = {int(r): r for r in Rating}
_PHASES: dict[Any, Phase] = {p.value: p for p in Phase}


class ReviewRecord(NamedTuple):
    """One answer, as the history keeps it (what statistics are computed from).

    A named tuple rather than a dataclass: histories hold hundreds of thousands
    and tuples are several times cheaper to build.
    """

    seq: int
    card_id: str
    at: datetime
    rating: Rating
    phase: Phase
    """The card's phase *before* the answer (new, learning, review, relearning)."""
    took_ms: int | None = None
    interval: int | None = None
    """Days until the next review, if the answer put the card in review."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "seq": self.seq,
            "type": "review",
            "card": self.card_id,
            "at": self.at.isoformat(),
            "rating": int(self.rating),
            "phase": self.phase.value,
        }
        if self.took_ms is not None:
            out["ms"] = self.took_ms
        if self.interval is not None:
            out["ivl"] = self.interval
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewRecord:
        """Rebuild a record; ValueError on anything malformed."""
        try:
            seq, card, took, ivl = data["seq"], data["card"], data.get("ms"), data.get("ivl")
            if type(seq) is not int or type(card) is not str:
                raise ValueError("bad seq or card")
            if (took is not None and type(took) is not int) or (
                ivl is not None and type(ivl) is not int
            ):
                raise ValueError("bad ms or ivl")
            at = datetime.fromisoformat(data["at"])
            if at.tzinfo is not UTC:
                at = ensure_utc(at)
            # tuple.__new__ (``_make``) rather than the generated __new__: histories
            # hold hundreds of thousands of records
            return cls._make(
                (seq, card, at, _RATINGS[data["rating"]], _PHASES[data["phase"]], took, ivl)
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"bad review record: {error}") from None


class JournalEntry(Struct, frozen=True):
    """A validated journal record."""

    seq: int
    kind: Literal["review", "undo", "set"]
    state: CardState
    review: ReviewRecord | None = None
    undoes: int | None = None


def parse_entry(raw: dict[str, Any]) -> JournalEntry:
    kind = raw.get("type")
    seq = raw.get("seq")
    card = raw.get("card")
    if (
        not isinstance(seq, int)
        or not isinstance(card, str)
        or kind not in ("review", "undo", "set")
    ):
        raise ValueError("not a journal record")
    state = CardState.from_dict(card, raw.get("state"))  # type: ignore[arg-type]
    if kind == "review":
        return JournalEntry(seq, "review", state, review=ReviewRecord.from_dict(raw))
    if kind == "undo":
        undoes = raw.get("undoes")
        if not isinstance(undoes, int):
            raise ValueError("undo without a target")
        return JournalEntry(seq, "undo", state, undoes=undoes)
    return JournalEntry(seq, "set", state)


class JournalRead(NamedTuple):
    """The journal's bytes read line by line: what the store replays and what it reports."""

    entries: list[tuple[int, JournalEntry | None]]
    """(end offset, entry) per complete line; None where the line is damaged."""
    good_end: int
    """Lines to replay: all but one unreadable last line (an interrupted write)."""
    bad: int
    """Damaged lines among them (skipped, the file copied aside)."""
    torn_tail: bool
    """The last write was interrupted (an unfinished or unreadable last line)."""
    keep_bytes: int
    """Bytes to keep when the torn tail is cut off."""


def read_journal(raw: bytes) -> JournalRead:
    """Parse a journal file's bytes; damage is counted, never raised."""
    lines = raw.split(b"\n")
    torn_tail = lines.pop() != b""  # everything after the last newline is an unfinished write
    entries: list[tuple[int, JournalEntry | None]] = []
    offset = 0
    for line in lines:
        offset += len(line) + 1
        entry: JournalEntry | None = None
        record = decode_line(line)
        if record is not None:
            try:
                entry = parse_entry(record)
            except ValueError:
                entry = None
        entries.append((offset, entry))
    # One unfinished or unreadable last line is an interrupted write, not damage.
    good_end = len(entries)
    if not torn_tail and entries and entries[-1][1] is None:
        good_end -= 1
        torn_tail = True
    keep_bytes = entries[good_end - 1][0] if good_end else 0
    bad = sum(1 for _, e in entries[:good_end] if e is None)
    return JournalRead(entries, good_end, bad, torn_tail, keep_bytes)
