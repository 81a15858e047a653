"""The exam's cards the study queue shows today whatever a plan says: due, in learning,
or answered already today.

The queue shows one card of an entry a day (siblings give each other away), and no
new card beside a leak partner shown that day; a plan that put a sibling of one of
these on today would promise a card the queue leaves out (or push out a due review
that home counted). The plan keeps today clear around them (``PlanColumns.busy_today``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

from studyapp.core.examday.readiness import ExamCard, Memories
from studyapp.core.store.cardstates import CardStates
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.statetable import SUSPENDED, StateTable

__all__ = ["shown_today"]


def shown_today(
    cards: Sequence[ExamCard],
    numbers: Sequence[int],
    memories: Memories,
    states: Mapping[str, CardState] | Callable[[str], CardState | None],
    *,
    today: date,
    tomorrow: datetime,
    buries: Callable[[str], bool],
    partners: Sequence[tuple[int, ...]] = (),
) -> dict[int, frozenset[int]]:
    """Entry number -> the rows of its cards the queue shows (or showed) today, for the
    decks that bury siblings (``buries``: by deck id). ``tomorrow``: when the next study
    day starts (a card due before it is due today). Only studied cards are looked up
    (``memories``: a card never studied is neither due nor answered), and only those of
    an entry with siblings or leak ``partners`` (by entry number): a lone card of an
    entry no other links to keeps nothing off today."""
    wanted = _linked(numbers, partners)
    day = today.toordinal()
    burying: dict[str, bool] = {}
    found: dict[int, set[int]] = {}
    look = _looker(states, today)
    rows = zip(cards, memories.stability, memories.last_day, strict=True)
    for row, (card, stability, last) in enumerate(rows):
        if not stability or not wanted[numbers[row]]:
            continue
        if last != day:  # (answered today: shown, whatever else)
            due = look(card.card_id)
            if due is None or due >= tomorrow:
                continue
        deck = card.deck_id
        bury = burying.get(deck)
        if bury is None:
            bury = burying[deck] = buries(deck)
        if bury:
            found.setdefault(numbers[row], set()).add(row)
    return {entry: frozenset(rows) for entry, rows in found.items()}


def _linked(numbers: Sequence[int], partners: Sequence[tuple[int, ...]]) -> list[bool]:
    """By entry number: whether the entry has two cards or more, or leak partners."""
    count = max(numbers, default=-1) + 1
    seen = [0] * count
    for number in numbers:
        seen[number] += 1
    wanted = [n > 1 for n in seen]
    for entry, linked in enumerate(partners):
        if linked and entry < count:
            wanted[entry] = True
            for other in linked:
                if other < count:
                    wanted[other] = True
    return wanted


def _looker(
    states: Mapping[str, CardState] | Callable[[str], CardState | None], today: date
) -> Callable[[str], datetime | None]:
    """A studied card's due time, None when hidden today (suspended, buried): from a
    table's columns, without building a state."""
    if isinstance(states, CardStates):
        states = states.table
    if isinstance(states, StateTable):
        columns, changed, row_of = states.columns, states.changed, states.row_of
        due_at, flags, buried_until = columns.due, columns.flags, columns.buried_until

        def from_table(card_id: str) -> datetime | None:
            if changed and card_id in changed:
                return _due(changed[card_id], today)
            row = row_of.get(card_id)
            if row is None or flags[row] & SUSPENDED:
                return None
            buried = buried_until[row]
            return None if buried is not None and buried >= today else due_at[row]

        return from_table
    get = states.get if isinstance(states, Mapping) else states

    def from_states(card_id: str) -> datetime | None:
        state = get(card_id)
        return None if state is None else _due(state, today)

    return from_states


def _due(state: CardState, today: date) -> datetime | None:
    buried = state.buried_until
    if state.phase is Phase.NEW or state.suspended or (buried is not None and buried >= today):
        return None
    return state.due
