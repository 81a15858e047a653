"""The live, read-only view of a store's card states that readers are handed.

The queue, the overview and statistics read tens of thousands of states through
it, never a copy, and never change them.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import TYPE_CHECKING, Any

from studyapp.core.store.state import CardState

if TYPE_CHECKING:
    from studyapp.core.store.store import ProgressStore


class CardStates(Mapping[str, CardState]):
    """A live, read-only view of a store's card states (:attr:`ProgressStore.states`)."""

    __slots__ = ("_store",)

    def __init__(self, store: ProgressStore) -> None:
        self._store = store

    def __getitem__(self, card_id: str) -> CardState:
        return self._store._cards[card_id]

    def get(self, card_id: str, default: Any = None) -> Any:
        return self._store._cards.get(card_id, default)

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._store._cards

    def __iter__(self) -> Iterator[str]:
        return iter(self._store._cards)

    def __len__(self) -> int:
        return len(self._store._cards)

    def keys(self) -> KeysView[str]:
        return self._store._cards.keys()

    def values(self) -> ValuesView[CardState]:
        return self._store._cards.values()

    def items(self) -> ItemsView[str, CardState]:
        return self._store._cards.items()

    def __repr__(self) -> str:
        return f"CardStates({len(self)} cards in {self._store.folder})"

    def getter(self) -> Callable[[str], CardState | None]:
        """``get`` at C speed (the store's own dict's), for one pass over tens of
        thousands of cards (e.g. building the queue); read-only use, there and then."""
        return self._store._cards.get

    @property
    def memo(self) -> dict[str, Any]:
        """Scratch space for what readers derive from these states (e.g. the home
        screen's overview of 50,000 cards), emptied whenever any state changes."""
        return self._store._memo
