"""What browse shows: every card indexed once for filtering, and the state and due labels.

Built for big collections: every card gets a case-folded search string once, and
filtering is a linear scan (milliseconds for 50,000 cards).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import NamedTuple

from msgspec import Struct

from studyapp.core.decks.cards import Card
from studyapp.core.quiz.answers.normalise import strip_accents
from studyapp.core.store.state import CardState, Phase
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt

ANY = "*"
"""Select value meaning "no filter"."""
STATES = ("new", "learning", "review", "suspended", "buried", "leech")
SORTS = ("deck order", "due first", "most lapses")
"""The orders :func:`sort_cards` knows."""


class IndexedCard(NamedTuple):
    """A card with what filtering needs, computed once (a tuple: 50,000 are built at open)."""

    card: Card
    position: int
    deck_title: str
    tags: frozenset[str]
    haystack: str
    """Case-folded prompt, answer and id: what the search box matches against."""


class BrowseFilter(Struct, frozen=True):
    """What the learner is looking for; ``ANY`` leaves a dimension open."""

    text: str = ""
    deck: str = ANY
    tag: str = ANY
    kind: str = ANY
    state: str = ANY


def search_form(text: str) -> str:
    """What browse's search compares: case and accents ignored ("shinzo" finds "Shinzō",
    as a typed answer would), punctuation kept (ids such as "lee-pragmatic")."""
    return strip_accents(text.casefold())


def build_index(workspace: Workspace) -> list[IndexedCard]:
    """Index every card of the workspace (once per screen: cards do not change)."""
    titles = {d.deck_id: d.title for d in workspace.decks.decks}
    no_tags: frozenset[str] = frozenset()
    tags_of: dict[int, frozenset[str]] = {}  # siblings share an entry: one set per entry
    out = []
    for position, card in enumerate(workspace.cards):
        entry = card.entry
        tags = no_tags
        if entry is not None and entry.tags:
            tags = tags_of.get(id(entry)) or tags_of.setdefault(id(entry), frozenset(entry.tags))
        haystack = search_form(f"{card.prompt}\n{card.answer}\n{card.id}")
        out.append(
            IndexedCard(card, position, titles.get(card.deck_id, card.deck_id), tags, haystack)
        )
    return out


def is_buried(state: CardState, today: date) -> bool:
    return state.buried_until is not None and state.buried_until >= today


def has_state(state: CardState | None, name: str, today: date) -> bool:
    """Whether a card (``None``: never studied) is in the named state."""
    if state is None:
        return name == "new"
    if name == "new":
        return state.phase is Phase.NEW
    if name == "learning":
        return state.phase is Phase.LEARNING or state.phase is Phase.RELEARNING
    if name == "review":
        return state.phase is Phase.REVIEW
    if name == "suspended":
        return state.suspended
    if name == "buried":
        return is_buried(state, today)
    if name == "leech":
        return state.leech
    return False


def state_names(state: CardState, today: date) -> tuple[str, ...]:
    """The states a card is in: its phase (new, learning, review) and any flags."""
    return tuple(name for name in STATES if has_state(state, name, today))


def state_label(state: CardState, today: date) -> str:
    """Short state text for the table: "review", "new buried", "review susp leech"."""
    names = list(state_names(state, today))
    if state.phase is Phase.RELEARNING:
        names[0] = "relearn"
    return " ".join("susp" if n == "suspended" else n for n in names)


def filter_cards(
    index: Sequence[IndexedCard],
    flt: BrowseFilter,
    states: Mapping[str, CardState],
    today: date,
) -> list[IndexedCard]:
    """The cards matching every part of ``flt``; words of the text must all appear.

    One narrowing pass per condition, cheapest first: each is a list
    comprehension, so 50,000 cards filter in a few tens of milliseconds.
    """
    items = list(index)
    if flt.deck != ANY:
        items = [i for i in items if i.card.deck_id == flt.deck]
    if flt.kind != ANY:
        items = [i for i in items if i.card.kind == flt.kind]
    if flt.tag != ANY:
        items = [i for i in items if flt.tag in i.tags]
    for word in search_form(flt.text).split():
        items = [i for i in items if word in i.haystack]
    if flt.state != ANY:
        get = states.get
        items = [i for i in items if has_state(get(i.card.id), flt.state, today)]
    return items


def sort_cards(
    items: list[IndexedCard], how: str, states: Mapping[str, CardState]
) -> list[IndexedCard]:
    """Order matches: deck order, soonest due first (new cards last), or most lapses."""
    if how == "due first":

        def due_key(item: IndexedCard) -> tuple[int, float, int]:
            state = states.get(item.card.id)
            if state is None or state.due is None or state.phase is Phase.NEW:
                return (1, 0.0, item.position)
            return (0, state.due.timestamp(), item.position)

        return sorted(items, key=due_key)
    if how == "most lapses":

        def lapse_key(item: IndexedCard) -> tuple[int, int]:
            state = states.get(item.card.id)
            return (-(state.lapses if state else 0), item.position)

        return sorted(items, key=lapse_key)
    return items


def due_label(state: CardState, now: datetime) -> str:
    """When a card is due, relative to now: "now", "in 3d", "2d late", "–" for new."""
    if state.phase is Phase.NEW or state.due is None:
        return "–"
    delta = state.due - now
    if abs(delta.total_seconds()) < 60:
        return "now"
    if delta.total_seconds() > 0:
        return f"in {fmt.interval(delta)}"
    return f"{fmt.interval(-delta)} late"


def local_time(moment: datetime | None) -> str:
    return "–" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")
