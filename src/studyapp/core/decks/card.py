"""One card: the unit of scheduling, and everything the app needs to ask it.

Kept apart from :mod:`studyapp.core.decks.cards` (which makes cards from entries) so
that start-up can build the cards of cached decks without importing the deck
model: the home screen needs ids, prompts and counts, not the validated entries.
A card's entry is then fetched the first time something asks for it (see
:class:`EntrySource`).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from msgspec import Struct, structs

from studyapp.core.decks.shuffle import out_of_order

if TYPE_CHECKING:
    from studyapp.core.decks.model import AnyEntry


class EntrySource:
    """Where the entries of cards come from when the cards were built before their deck
    was read (see :class:`studyapp.core.decks.discovery.LoadedDeck`): one per deck, shared."""

    __slots__ = ()

    def entry(self, entry_id: str) -> AnyEntry | None:
        """The entry with this id (reading the deck if need be); None if it has none."""
        raise NotImplementedError


class CardIdentity(Protocol):
    """What counting cards needs of one: its id, deck and kind. A :class:`Card` is one;
    so is ``studyapp stats``'s lighter key read from the deck cache's index alone."""

    @property
    def id(self) -> str: ...
    @property
    def deck_id(self) -> str: ...
    @property
    def kind(self) -> str: ...


class Card(Struct, frozen=True, eq=False):
    """One prompt variant of one entry: what the learner is asked and must answer.

    ``accepted`` lists other answers that count; ``options`` holds the choices of a
    multiple-choice card (correct answer first) or the events of an order card
    (in the right order). ``origin`` is the source entry (or the deck to fetch it
    from): read it as :attr:`entry`, for the answer checker. ``spaced`` names the
    entries whose cards are not introduced the same day as this one.
    """

    id: str
    deck_id: str
    entry_id: str
    variant: str
    kind: str
    prompt: str
    answer: str
    accepted: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    origin: AnyEntry | EntrySource | None = None
    spaced: tuple[str, ...] = ()
    """Entries of the same deck linked to this card's entry by a leak (one's explanation or
    source gives the other's answer away, see :mod:`studyapp.core.decks.leaks`): the queue
    keeps them apart like siblings. Derived from the deck, so left out of equality."""

    def _key(self) -> tuple[object, ...]:
        return (
            self.id,
            self.deck_id,
            self.entry_id,
            self.variant,
            self.kind,
            self.prompt,
            self.answer,
            self.accepted,
            self.options,
        )

    def __eq__(self, other: object) -> bool:
        """Equal when all but ``origin`` are: a card built from the deck cache equals the
        same card built from its entry."""
        if not isinstance(other, Card):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @property
    def entry(self) -> AnyEntry | None:
        """The entry this card was made from (read from its deck on first use)."""
        origin = self.origin
        if isinstance(origin, EntrySource):
            origin = origin.entry(self.entry_id)
            structs.force_setattr(self, "origin", origin)  # once: later reads are plain
        return origin

    @property
    def sibling_key(self) -> str:
        """Cards sharing this key are siblings (same entry): buried together for the day."""
        return f"{self.deck_id}/{self.entry_id}"

    @property
    def explanation(self) -> str | None:
        """Context shown after the answer, if the entry has any."""
        entry = self.entry
        return entry.explanation if entry is not None else None

    @property
    def source(self) -> str | None:
        """The verbatim source sentence(s), shown on demand and after a wrong answer."""
        entry = self.entry
        return entry.source if entry is not None else None

    def shuffled_options(self, rng: random.Random, *, not_at: int | None = None) -> list[str]:
        """The options in a random order (seeded). An order card's events are never shown
        in the right order already (that would give the answer away); a multiple-choice
        card's may keep the answer first (never doing so would give it away as surely), but
        not where it was the last time the card was shown (``not_at``): a card that comes
        back must be answered again, not from the place remembered."""
        if self.kind == "order":
            return out_of_order(self.options, rng)
        options = list(self.options)
        rng.shuffle(options)
        if not_at is not None and len(options) > 1 and 0 <= not_at < len(options):
            at = options.index(self.answer) if self.answer in options else -1
            if at == not_at:
                other = rng.choice([i for i in range(len(options)) if i != at])
                options[at], options[other] = options[other], options[at]
        return options


new_card = Card
"""Build a Card from its first 10 fields, positionally (kept as the builders' one entry point)."""


def with_leaks(cards: list[Card], partners: Mapping[str, Sequence[str]]) -> list[Card]:
    """``cards`` with each one's :attr:`Card.spaced` set from its entry's leak partners.

    Only the cards of linked entries are rebuilt (a handful in most decks).
    """
    if not partners:
        return cards
    return [
        card
        if (linked := partners.get(card.entry_id)) is None
        else structs.replace(card, spaced=tuple(linked))
        for card in cards
    ]


def card_id(deck_id: str, entry_id: str, variant: str) -> str:
    """The stable id of a card; ids never contain ``/`` so it splits back cleanly."""
    return f"{deck_id}/{entry_id}/{variant}"


def parse_card_id(value: str) -> tuple[str, str, str]:
    """Split a card id into (deck id, entry id, variant); ValueError if malformed."""
    parts = value.split("/")
    if len(parts) != 3 or not all(parts):
        raise ValueError(f"not a card id (deck/entry/variant): {value!r}")
    return parts[0], parts[1], parts[2]
