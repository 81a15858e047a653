"""Entries become cards: the prompt variants a learner reviews.

One entry can be asked several ways (a quote: "who said it?" and "what did
they say?"). Each way is a card, the unit of scheduling. A card's id is
``deck/entry/variant``, built only from ids, so fixing a typo in the text of an
entry never resets its progress. Cards of the same entry are *siblings*: the
queue shows one of them per day.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from studyapp.core.decks.card import Card as Card
from studyapp.core.decks.card import card_id as card_id
from studyapp.core.decks.card import new_card, with_leaks
from studyapp.core.decks.card import parse_card_id as parse_card_id
from studyapp.core.decks.leaks import leak_partners
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    ENTRY_TYPES,
    MONTH_NAMES,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)

VARIANTS: dict[str, tuple[str, ...]] = {kind: t.VARIANTS for kind, t in ENTRY_TYPES.items()}
"""The variants each entry kind yields (cloze: one per blank, ``blank-1``, ``blank-2``...).

Named by the deck model, where authors may restrict them with ``variants:``. A qa entry
with ``reverse: true`` yields ``reverse`` too (:data:`OPTIONAL_VARIANTS`).
"""
OPTIONAL_VARIANTS: dict[str, tuple[str, ...]] = {
    kind: t.OPTIONAL_VARIANTS for kind, t in ENTRY_TYPES.items() if t.OPTIONAL_VARIANTS
}
"""Variants an entry yields only when it asks for them (qa: ``reverse``)."""

CLOZE_GAP = "[…]"
"""What stands in for the hidden blank of a cloze card."""

_MONTHS = MONTH_NAMES


def format_date(date: PartialDate) -> str:
    """A date as people write it, at its own precision: "3 June 2025", "June 2025", "2025"."""
    if date.month is None:
        return str(date.year)
    month = _MONTHS[date.month - 1]
    if date.day is None:
        return f"{month} {date.year}"
    return f"{date.day} {month} {date.year}"


def _on_date(date: PartialDate) -> str:
    """The preposition that fits the precision: "on 3 June 2025", "in June 2025"."""
    return ("on " if date.day is not None else "in ") + format_date(date)


def format_number(value: float) -> str:
    """A figure with thousands separators, as precise as the author wrote it.

    ``24.0`` in a deck is the article's "24.0%", so it keeps its ``.0``; a
    whole number written without a point stays whole.
    """
    return f"{value:,}"


def format_figure(entry: FigureEntry) -> str:
    """The value with its unit: "52%", "1,200 km"."""
    number = format_number(entry.value)
    if entry.unit is None:
        return number
    unit = entry.unit.strip()
    glue = "" if unit in {"%", "‰", "°", "°C", "°F"} or unit.startswith("%") else " "
    return f"{number}{glue}{unit}"


def _date_cards(deck_id: str, entry: DateEntry) -> Iterable[Card]:
    when = format_date(entry.date)
    accepted = (entry.date.isoformat(),) if entry.date.isoformat() != when else ()
    yield _card(
        deck_id,
        entry,
        "when",
        entry.prompt or f"When did this happen? {entry.event}",
        when,
        accepted=accepted,
    )
    yield _card(
        deck_id,
        entry,
        "what",
        f"What happened {_on_date(entry.date)}?",
        entry.event,
    )


def _figure_cards(deck_id: str, entry: FigureEntry) -> Iterable[Card]:
    if entry.prompt:
        prompt = entry.prompt
    else:
        prompt = f"What is the figure? {entry.measure}"
        if entry.as_of is not None:
            prompt += f" ({format_date(entry.as_of)})"
    if entry.unit:
        prompt += f" [answer in {entry.unit.strip()}]"
    answer = format_figure(entry)
    plain = format_number(entry.value)
    return [
        _card(deck_id, entry, "value", prompt, answer, accepted=(plain,) if plain != answer else ())
    ]


def _quote_cards(deck_id: str, entry: QuoteEntry) -> Iterable[Card]:
    quote = f"“{entry.quote.strip()}”"
    who = f"Who said: {quote}?"
    if entry.context:
        who += f" ({entry.context})"
    yield _card(deck_id, entry, "who", who, entry.speaker, accepted=tuple(entry.speaker_aliases))
    what = f"What did {entry.speaker} say?"
    if entry.context:
        what += f" ({entry.context})"
    yield _card(deck_id, entry, "what", what, quote)


def _qa_cards(deck_id: str, entry: QaEntry) -> Iterable[Card]:
    forward = _card(
        deck_id, entry, "answer", entry.prompt, entry.answer, accepted=tuple(entry.accept)
    )
    if not entry.reverse:
        return [forward]
    # the other way round: the answer shown, the prompt recalled (``accept`` lists other
    # answers, not other prompts, so none carry over)
    return [forward, _card(deck_id, entry, "reverse", entry.answer, entry.prompt)]


def _cloze_cards(deck_id: str, entry: ClozeEntry) -> Iterable[Card]:
    matches = list(CLOZE_BLANK.finditer(entry.text))
    for index, match in enumerate(matches):
        pieces: list[str] = []
        position = 0
        for other_index, other in enumerate(matches):
            pieces.append(entry.text[position : other.start()])
            pieces.append(CLOZE_GAP if other_index == index else other.group(1))
            position = other.end()
        pieces.append(entry.text[position:])
        yield _card(
            deck_id,
            entry,
            f"blank-{index + 1}",
            "Fill in the blank: " + "".join(pieces),
            match.group(1).strip(),
        )


def _choice_cards(deck_id: str, entry: ChoiceEntry) -> Iterable[Card]:
    return [
        _card(
            deck_id,
            entry,
            "choose",
            entry.prompt,
            entry.answer,
            options=(entry.answer, *entry.distractors),
        )
    ]


def _order_cards(deck_id: str, entry: OrderEntry) -> Iterable[Card]:
    prompt = entry.prompt or "Put these events in order, earliest first."
    answer = "\n".join(f"{i}. {event}" for i, event in enumerate(entry.events, start=1))
    return [_card(deck_id, entry, "order", prompt, answer, options=tuple(entry.events))]


def _card(
    deck_id: str,
    entry: AnyEntry,
    variant: str,
    prompt: str,
    answer: str,
    *,
    accepted: tuple[str, ...] = (),
    options: tuple[str, ...] = (),
) -> Card:
    entry_id = entry.id
    # positional: tens of thousands of cards are built at every start
    return new_card(
        f"{deck_id}/{entry_id}/{variant}",
        deck_id,
        entry_id,
        variant,
        entry.kind,
        prompt,
        answer,
        accepted,
        options,
        entry,
    )


def cards_for_entry(
    deck_id: str, entry: AnyEntry, variants: Collection[str] | None = None
) -> list[Card]:
    """The cards of one entry, in the usual order.

    ``variants`` keeps only those; by default, the ones the author listed in the
    entry's ``variants`` field, else all of them.
    """
    if variants is None:
        variants = entry.variants
    build = _BUILDERS.get(type(entry))
    if build is None:  # a new entry kind must register its builder below
        raise TypeError(f"no card builder for {type(entry).__name__}")
    made = build(deck_id, entry)
    if variants is None:
        return list(made)
    return [c for c in made if c.variant in variants]


_BUILDERS: dict[type, Callable[[str, Any], Iterable[Card]]] = {
    DateEntry: _date_cards,
    FigureEntry: _figure_cards,
    QuoteEntry: _quote_cards,
    QaEntry: _qa_cards,
    ClozeEntry: _cloze_cards,
    ChoiceEntry: _choice_cards,
    OrderEntry: _order_cards,
}


def cards_for_deck(deck: Deck, variants: Collection[str] | None = None) -> list[Card]:
    """Every card of a deck, in entry order (the order new cards are introduced).

    Raises ValueError if two entries share an id: their cards would share
    progress (the loader reports this with line numbers; this is the backstop).
    """
    seen: set[str] = set()
    for entry in deck.entries:
        if entry.id in seen:
            raise ValueError(f"deck {deck.id}: entry id {entry.id!r} is used twice")
        seen.add(entry.id)
    cards = [card for entry in deck.entries for card in cards_for_entry(deck.id, entry, variants)]
    return with_leaks(cards, leak_partners(deck.entries))


def cards_for_decks(decks: Sequence[Deck]) -> list[Card]:
    """Every card of several decks; raises ValueError if two decks share an id."""
    seen: set[str] = set()
    out: list[Card] = []
    for deck in decks:
        if deck.id in seen:
            raise ValueError(f"two decks have the id {deck.id!r}; deck ids must be unique")
        seen.add(deck.id)
        out.extend(cards_for_deck(deck))
    return out
