"""Which columns the browse table shows at a width, and prompts that can be told apart.

The prompt is what a learner reads to find a card, so it gets the width: the
other columns are fixed and narrow, and the least needed go first when the
terminal is narrow (the deck's column first: it is only shown when there is
more than one deck and room for it; the filter and the card's details name the
deck). The kind and the lapses are shown only beside a prompt of
:data:`SPARE_PROMPT` cells: at 80x24 all four columns left the prompt 31 cells,
and rows read "When did … Kan Naoto issues an…" (the prompt says its kind; the
detail pane, the kind filter and the lapses sort are a key away). The column the
rows are sorted by stays, so "most lapses" shows them.

Prompts of a deck often start alike ("When did this happen? Prime Minister
..."); cut at the width, rows would read the same, so a row whose visible start
it shares with another shows its first words, then the part where it differs.
Prompts can also differ in one word in the middle and end alike ("... of
conservative respondents chose ..." and "... of progressive respondents chose
..."): rows that still read the same show that word too, between two ellipses.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len

from studyapp.tui.format import shorten, words_within

CELL_PADDING = 2
"""Cells a DataTable column adds to its width (one of padding on each side)."""
TABLE_CHROME = 6
"""Cells of the screen's width the table cannot give to columns: its margins (2),
the vertical scrollbar (2) and 2 to spare (the table's virtual width is a little
over the sum of its columns)."""
MIN_PROMPT = 24
"""The prompt's width is never taken below this to show another column."""
SPARE_PROMPT = 40
"""The kind's and the lapses' columns are shown only when the prompt keeps this much
(unless the rows are sorted by one of them)."""
WIDE_PROMPT = 48
"""The deck's column is shown only when the prompt keeps at least this much."""
ELIDED = " … "
"""Between a prompt's first words and where it differs from rows like it."""
SHOWN_AFTER_CUT = 10
"""A prompt cut before this many characters after the part it shares with another
row shows its first words and then where it differs."""


class Column(NamedTuple):
    """A table column: its key, its header, its width in cells."""

    key: str
    label: str
    width: int


# In the order they are dropped when the width runs short (the last listed goes first).
STATE = Column("state", "State", 13)
DUE = Column("due", "Due", 8)
KIND = Column("kind", "Kind", 6)
LAPSES = Column("lapses", "Lapses", 6)
DECK = Column("deck", "Deck", 14)
ORDER = ("deck", "kind", "state", "due", "lapses")
"""Left to right, after the prompt."""


def fit_columns(width: int, decks: int, sorted_by: str | None = None) -> tuple[int, list[Column]]:
    """The prompt's width and the other columns shown, left to right, at ``width``.

    The state and when it is due are added while the prompt keeps :data:`MIN_PROMPT`
    cells, as is the column named ``sorted_by`` (the rows' order should be seen); the
    kind and the lapses while it keeps :data:`SPARE_PROMPT`; the deck's column only
    when there is more than one deck and the prompt keeps :data:`WIDE_PROMPT`.
    """
    room = width - TABLE_CHROME - CELL_PADDING
    chosen: list[Column] = []
    for column in (STATE, DUE, KIND, LAPSES):
        needed = MIN_PROMPT if column in (STATE, DUE) or column.key == sorted_by else SPARE_PROMPT
        if room - column.width - CELL_PADDING >= needed:
            chosen.append(column)
            room -= column.width + CELL_PADDING
    if decks > 1 and room - DECK.width - CELL_PADDING >= WIDE_PROMPT:
        chosen.append(DECK)
        room -= DECK.width + CELL_PADDING
    chosen.sort(key=lambda column: ORDER.index(column.key))
    return max(room, MIN_PROMPT), chosen


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def shared_starts(texts: Sequence[str]) -> list[int]:
    """For each text, how many of its first characters another text also starts with.

    The longest prefix a text shares with any other is the one it shares with a
    neighbour in sorted order, so this is a sort and a pass, not all pairs.
    """
    order = sorted(range(len(texts)), key=lambda i: texts[i])
    shared = [0] * len(texts)
    for a, b in itertools.pairwise(order):
        common = _common_prefix(texts[a], texts[b])
        shared[a] = max(shared[a], common)
        shared[b] = max(shared[b], common)
    return shared


def distinct_prompt(text: str, width: int, shared: int, middle: int | None = None) -> str:
    """``text`` in ``width`` cells, showing where it differs from rows like it.

    ``shared``: how many of its first characters another row starts with (see
    :func:`shared_starts`). When a plain cut would show little or nothing past
    that, the row shows its first words, an ellipsis, and the text from the word
    where it differs: "When did … Murayama Tomiichi issues an…". ``middle``: where
    (before ``shared``) it differs from rows that would read the same anyway; the
    words from there are shown between the two: "In the … conservative … chose
    strengthening…". Every cut is between words (:func:`~studyapp.tui.format.shorten`).
    """
    text = " ".join(text.split())
    if cell_len(text) <= width or shared + SHOWN_AFTER_CUT <= width - 1:
        return shorten(text, width)
    start = text.rfind(" ", 0, min(shared, len(text))) + 1
    tail = text[start:]
    if middle is not None and (with_middle := _with_middle(text, width, start, middle)):
        return with_middle
    # the first words: a third of the width, or all the room a short tail leaves
    budget = max(width // 3, width - len(ELIDED) - cell_len(tail))
    head = words_within(text, budget)
    room = width - cell_len(head) - len(ELIDED)
    if not head or start <= len(head) or room < 2:
        return shorten(text, width)
    return head + ELIDED + shorten(tail, room)


def _with_middle(text: str, width: int, start: int, middle: int) -> str:
    """The first words, the words from ``middle`` on, then the text from ``start``, each
    cut between words; empty when they do not fit or ``middle`` is not between them."""
    head = words_within(text, width // 5)  # short: the middle and the tail need room
    mid = text.rfind(" ", 0, middle) + 1
    if not head or not len(head) < mid < start:
        return ""
    between = text[mid:start].rstrip()
    gap = ELIDED if mid > len(head) + 1 else " "
    tail_first = cell_len(shorten(text[start:], 2))  # at least a cell and its "…"
    room = width - cell_len(head) - len(gap) - len(ELIDED) - tail_first
    kept = words_within(between, min(room, width // 3))
    if not kept:
        return ""
    shown = head + gap + kept + (" " if kept == between else ELIDED)
    return shown + shorten(text[start:], width - cell_len(shown))


def distinct_prompts(texts: Sequence[str], width: int) -> list[str]:
    """Each of ``texts`` (one space between words) in ``width`` cells, cut so that rows
    can be told apart (see :func:`distinct_prompt`). Rows that read the same after the
    first pass show the word where they first differ from one another. In sorted order
    a text shares the least with the group's first or last, so that is two comparisons
    a row, not all pairs (500 rows of one prompt stay quick)."""
    shared = shared_starts(texts)
    shown = [distinct_prompt(t, width, n) for t, n in zip(texts, shared, strict=True)]
    alike: dict[str, list[int]] = {}
    for i, row in enumerate(shown):
        alike.setdefault(row, []).append(i)
    for rows in alike.values():
        if len(rows) < 2:
            continue
        order = sorted(rows, key=texts.__getitem__)
        ends = (order[0], order[-1])
        for i in rows:
            middle = min(_common_prefix(texts[i], texts[j]) for j in ends if j != i)
            shown[i] = distinct_prompt(texts[i], width, shared[i], middle)
    return shown
