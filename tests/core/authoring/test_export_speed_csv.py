"""The CSV export's shortcuts give what the plain way gives.

A column's cells are quoted with three ``in`` tests instead of a regex search per
cell, and the entries whose list items hold a line break are found with one search of
every item joined; these hold each shortcut to the plain computation it stands for.
"""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.authoring.export.spreadsheet import _list_items, _quote, csv_losses
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import Deck

CELL = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t\x00é')), max_size=8)


def _written(cell: str) -> str:
    """A cell as :func:`csv.writer` writes it (minimal quoting, ``\\n`` line ends), its
    line end dropped."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([cell])
    return out.getvalue().removesuffix("\n")


@given(st.lists(CELL, min_size=1, max_size=8))
def test_a_quoted_column_is_what_csv_writer_writes(column: list[str]) -> None:
    # an empty cell alone on its row is the writer's one exception ('""'): never in a row
    assert _quote(column) == [_written(cell) if cell else "" for cell in column]


ITEMS = """\
id: d
title: T
entries:
  - {id: qa, kind: qa, prompt: P, answer: A, accept: ["one", "two"]}
  - {id: qa-broken, kind: qa, prompt: P, answer: A, accept: ["one\\ntwo"]}
  - {id: members, kind: qa, prompt: P, answer: A, members: ["x", "y\\nz"]}
  - {id: figure, kind: figure, measure: M, value: 3, accept: ["3\\nthree"]}
  - {id: quote, kind: quote, quote: Q, speaker: S, speaker_aliases: ["S.\\nSmith"]}
  - {id: choice, kind: choice, prompt: P, answer: A, distractors: ["B\\nC"]}
  - {id: order, kind: order, events: ["first", "second\\nthird"]}
  - {id: order-fine, kind: order, events: ["first", "second"]}
  - {id: cloze, kind: cloze, text: "a {{b}}\\nc"}
  - {id: date, kind: date, event: "E\\nF", date: 2001}
"""


def _plainly_broken(deck: Deck) -> list[str]:
    return [e.id for e in deck.entries if any("\n" in i for i in _list_items(e))]


def test_the_entries_whose_list_items_break_a_line_are_named() -> None:
    deck = parse_deck(ITEMS, "items.yaml")
    broken = ["qa-broken", "members", "figure", "quote", "choice", "order"]
    assert _plainly_broken(deck) == broken
    assert csv_losses(deck) == [
        "6 entries ('qa-broken', 'members', 'figure' and 3 more): "
        "a list item with a line break reads as two"
    ]


def test_a_line_break_outside_every_list_item_is_no_loss() -> None:
    lines = ITEMS.splitlines(keepends=True)
    fine = [line for line in lines if "\\n" not in line or "cloze" in line or "date" in line]
    deck = parse_deck("".join(fine), "items.yaml")
    assert len(deck.entries) == 4  # the cloze and the date break lines of their own text
    assert _plainly_broken(deck) == [] and csv_losses(deck) == []
