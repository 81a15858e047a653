"""Card states by id, kept as the snapshot's columns: a whole state is built when asked for.

With 200,000 cards a store built 140,000 :class:`CardState` objects at every open (a
tenth of a second, tens of megabytes) that start-up mostly never looked at: the queue
and the home screen's counts need a few fields (phase, due, flags...) of every card and
whole states of a few thousand. :class:`StateTable` keeps the columns as the snapshot
gave them (a row per card), builds a state from its row on demand, and keeps the states
set since (the journal's, each answer's) in a dict over the rows. Readers that scan
every card read the columns (:attr:`StateTable.columns`, :attr:`StateTable.changed`);
readers that look up state after state at C speed (:meth:`StateTable.getter`: browse,
statistics) have every state built once, then kept.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import (
    Callable,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    Sequence,
    ValuesView,
)
from datetime import date, datetime
from typing import Any

from msgspec import Struct

from studyapp.core.store.state import CardState, Phase, make_states

PHASE_CODES: tuple[Phase, ...] = (Phase.NEW, Phase.LEARNING, Phase.REVIEW, Phase.RELEARNING)
"""The snapshot's phase codes: ``PHASE_CODES[code]``."""
CODE_OF_PHASE: dict[Phase, int] = {phase: code for code, phase in enumerate(PHASE_CODES)}
SUSPENDED, LEECH = 1, 2
"""The bits of the ``flags`` column."""
ROW_ORDER = "row order"
"""The key in :attr:`StateTable.derived` of a :class:`RowOrder`, set by whoever joined the
rows to the cards: the snapshot is written in the cards' order, so that the next start
joins them in one walk (see ``study.cardrows``)."""


class RowOrder(Struct, frozen=True):
    """The rows' order against a list of cards (read only)."""

    card_ids: list[str]
    row: Sequence[int]
    """The row of each card, -1 for none."""
    position: Sequence[int]
    """The card of each row, -1 for none."""
    matched: int | None
    """Rows ``[0, matched)`` belong to cards, in the cards' order, and the others to no
    card; None if the rows are in another order."""


class StateColumns(Struct, frozen=True):
    """Every field of the states, a list per field, one value per row (never changed)."""

    phase: list[int]
    """Codes: see :data:`PHASE_CODES`."""
    due: list[datetime | None]
    last_review: list[datetime | None]
    step: list[int | None]
    stability: list[float | None]
    difficulty: list[float | None]
    ease: list[float | None]
    interval: list[int]
    reps: list[int]
    lapses: list[int]
    flags: list[int]
    """Bits: :data:`SUSPENDED`, :data:`LEECH`."""
    buried_until: list[date | None]

    @classmethod
    def of(cls, states: Iterable[CardState]) -> StateColumns:
        """The columns of some states, in their order."""
        rows = list(states)
        return cls(**{name: column_of(rows, name) for name in cls.__struct_fields__})


def column_of(states: list[CardState], name: str) -> list[Any]:
    """One column of some states (a field of :class:`StateColumns`), in their order."""
    if name == "phase":
        code = CODE_OF_PHASE
        return [code[s.phase] for s in states]
    if name == "flags":
        return [(SUSPENDED if s.suspended else 0) | (LEECH if s.leech else 0) for s in states]
    return list(map(operator.attrgetter(name), states))


_EMPTY = StateColumns([], [], [], [], [], [], [], [], [], [], [], [])


def _suspended_bit(flags: int) -> bool:
    return bool(flags & SUSPENDED)


def _leech_bit(flags: int) -> bool:
    return bool(flags & LEECH)


class StateTable(Mapping[str, CardState]):
    """Card states by id: rows of columns, and the states set since over them.

    Not thread-safe for writers (the store's one thread sets states); readers in
    other threads take a :meth:`copy` first (``dict(table)`` would build every state).
    """

    __slots__ = ("_all", "_changed", "_cols", "_ids", "_row_of", "derived", "version")

    def __init__(self, ids: list[str] | None = None, columns: StateColumns | None = None) -> None:
        self._ids: list[str] = ids if ids is not None else []
        self._cols = columns if columns is not None else _EMPTY
        self._row_of: dict[str, int] | None = None
        self._changed: dict[str, CardState] = {}
        self._all: dict[str, CardState] | None = None
        self.version = 0
        """Counts the states set: readers keep what they derive from :attr:`changed`
        as long as it has not moved."""
        self.derived: dict[str, Any] = {}
        """Scratch space for what readers derive from the rows alone (never from the
        changed states), e.g. which row each card of the decks has: kept as long as
        the table, as the rows never change."""

    @classmethod
    def from_states(cls, states: Mapping[str, CardState]) -> StateTable:
        """A table of these states (as rows: readers of columns read them at C speed)."""
        ids = list(states)
        values = list(states.values())
        if all(map(str.__eq__, ids, (s.card_id for s in values))):
            return cls(ids, StateColumns.of(values))
        table = cls()  # a state kept under another id than its own: kept as is
        table.update(states)
        return table

    # -- the columns, for readers of every card

    @property
    def ids(self) -> list[str]:
        """The card id of each row (never changed: read only)."""
        return self._ids

    @property
    def columns(self) -> StateColumns:
        """Each field of each row (never changed: read only). A row whose id is in
        :attr:`changed` is out of date; a repeated id's last row is the one that counts."""
        return self._cols

    @property
    def row_of(self) -> dict[str, int]:
        """Card id -> its row (read only). Built on first use (140,000 rows: ~25 ms):
        start-up reads the columns by position, and only a lookup by id needs it."""
        row_of = self._row_of
        if row_of is None:
            row_of = self._row_of = dict(zip(self._ids, range(len(self._ids)), strict=True))
        return row_of

    def index(self) -> None:
        """Build what looking a state up by id needs now (e.g. in a worker after start-up,
        rather than on the first card studied)."""
        _ = self.row_of

    @property
    def size_bound(self) -> int:
        """At least :func:`len`, at once (rows and states set since, some maybe twice)."""
        return len(self._ids) + len(self._changed)

    @property
    def changed(self) -> Mapping[str, CardState]:
        """The states set since the rows were read, by card id (they override the rows)."""
        return self._changed

    def state_at(self, row: int) -> CardState:
        """The state a row holds (built now: a state is never kept by row)."""
        c = self._cols
        flags = c.flags[row]
        return CardState(
            self._ids[row],
            PHASE_CODES[c.phase[row]],
            c.due[row],
            c.last_review[row],
            c.step[row],
            c.stability[row],
            c.difficulty[row],
            c.ease[row],
            c.interval[row],
            c.reps[row],
            c.lapses[row],
            bool(flags & SUSPENDED),
            c.buried_until[row],
            bool(flags & LEECH),
        )

    # -- a mapping of card id -> state

    def get(self, card_id: str, default: Any = None) -> Any:
        if self._all is not None:
            return self._all.get(card_id, default)
        state = self._changed.get(card_id)
        if state is not None:
            return state
        row = self.row_of.get(card_id)
        return default if row is None else self.state_at(row)

    def __getitem__(self, card_id: str) -> CardState:
        state: CardState | None = self.get(card_id)
        if state is None:
            raise KeyError(card_id)
        return state

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._changed or card_id in self.row_of

    def __len__(self) -> int:
        if self._all is not None:
            return len(self._all)
        row_of = self.row_of
        return len(row_of) + sum(1 for card_id in self._changed if card_id not in row_of)

    def __iter__(self) -> Iterator[str]:
        """Every card id, each once (the rows' first, then those set since)."""
        if self._all is not None:
            return iter(self._all)
        row_of = self.row_of
        extra = (cid for cid in self._changed if cid not in row_of)
        return itertools.chain(row_of, extra)

    def keys(self) -> KeysView[str]:
        return self._all.keys() if self._all is not None else KeysView(self)

    def values(self) -> ValuesView[CardState]:
        return self.everything().values()

    def items(self) -> ItemsView[str, CardState]:
        return self.everything().items()

    def __setitem__(self, card_id: str, state: CardState) -> None:
        self.version += 1
        self._changed[card_id] = state
        if self._all is not None:
            self._all[card_id] = state

    def update(self, states: Mapping[str, CardState]) -> None:
        for card_id, state in states.items():
            self[card_id] = state

    def everything(self) -> dict[str, CardState]:
        """Every state, built (once: then kept, and kept up to date) into a dict (read only)."""
        everything = self._all
        if everything is None:
            c = self._cols
            states = make_states(
                self._ids,
                map(PHASE_CODES.__getitem__, c.phase),
                c.due,
                c.last_review,
                c.step,
                c.stability,
                c.difficulty,
                c.ease,
                c.interval,
                c.reps,
                c.lapses,
                map(_suspended_bit, c.flags),
                c.buried_until,
                map(_leech_bit, c.flags),
            )
            everything = dict(zip(self._ids, states, strict=True))
            everything.update(self._changed)
            self._all = everything
        return everything

    def getter(self) -> Callable[[str], CardState | None]:
        """``get`` at C speed, for one pass over many cards: every state is built first."""
        return self.everything().get

    def copy(self) -> StateTable:
        """A table with the same states that later changes to this one leave alone
        (cheap: the rows are shared, the states set since copied)."""
        twin = StateTable(self._ids, self._cols)
        twin._row_of = self._row_of
        twin._changed = dict(self._changed)
        twin.version = self.version
        twin.derived = dict(self.derived)  # its own: the fold thread reads it, the UI writes
        return twin

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StateTable):
            return self.everything() == other.everything()
        if isinstance(other, Mapping):
            return self.everything() == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"StateTable({len(self)} states, {len(self._changed)} set since read)"
