"""The live, read-only view of a store's card states that readers are handed.

The queue, the overview and statistics read tens of thousands of states through
it, never a copy, and never change them. Readers of every card read the store's
columns (:attr:`CardStates.table`); a whole state is built when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import TYPE_CHECKING, Any

from studyapp.core.store.state import CardState
from studyapp.core.store.statetable import StateTable

if TYPE_CHECKING:
    from studyapp.core.store.store import ProgressStore


class CardStates(Mapping[str, CardState]):
    """A live, read-only view of a store's card states (:attr:`ProgressStore.states`).

    Readers look states up by the thousand (browse, statistics, ``dict(states)``): the
    first lookup builds every state once (200,000 cards: ~50 ms), then each is a dict's.
    The store itself (an answer's state) and readers of the columns build none.
    """

    __slots__ = ("_store",)

    def __init__(self, store: ProgressStore) -> None:
        self._store = store

    def __getitem__(self, card_id: str) -> CardState:
        return self._store._cards.everything()[card_id]

    def get(self, card_id: str, default: Any = None) -> Any:
        return self._store._cards.everything().get(card_id, default)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._store._cards

    def __iter__(self) -> Iterator[str]:
        return iter(self._store._cards)

    def __len__(self) -> int:
        return len(self._store._cards)

    def keys(self) -> KeysView[str]:
        return self._store._cards.everything().keys()

    def values(self) -> ValuesView[CardState]:
        return self._store._cards.values()

    def items(self) -> ItemsView[str, CardState]:
        return self._store._cards.items()

    def __repr__(self) -> str:
        return f"CardStates({len(self)} cards in {self._store.folder})"

    def getter(self) -> Callable[[str], CardState | None]:
        """``get`` at C speed (a dict's), for one pass over tens of thousands of cards;
        read-only use, there and then. Builds every state the first time (kept then):
        readers of a few fields of every card read :attr:`table`'s columns instead."""
        return self._store._cards.getter()

    @property
    def table(self) -> StateTable:
        """The store's states as columns, and those set since (read only)."""
        return self._store._cards

    @property
    def memo(self) -> dict[str, Any]:
        """Scratch space for what readers derive from these states (e.g. the home
        screen's overview of 50,000 cards), emptied whenever any state changes."""
        return self._store._memo
