"""The exports' shortcuts give what the plain way gives, for any text.

Each export skips work for the common case (text with nothing to escape, a row with no
cell a spreadsheet would run, a GUID without genanki's byte loop); these properties hold
each shortcut to the plain computation it stands for.
"""

from __future__ import annotations

import csv
import html
import io
import re

import genanki  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.authoring.export.anki import _h, note_guid
from studyapp.core.authoring.export.markdown import _escape, md
from studyapp.core.authoring.export.spreadsheet import (
    CSV_COLUMNS,
    _csv_text,
    _row,
    spreadsheet_safe,
    to_csv,
)
from studyapp.core.decks.model import Deck

TEXT = st.text(alphabet=st.sampled_from(list("ab é😀&<>\"'{}\n\t\\`*_[]|#~!=+-@;,\x00")))


@given(TEXT, TEXT)
def test_a_note_guid_is_genankis(deck_id: str, entry_id: str) -> None:
    assert note_guid(deck_id, entry_id) == genanki.guid_for("studyapp", deck_id, entry_id)


@given(TEXT)
def test_html_fields_escape_as_html_escape_does(text: str) -> None:
    plain = html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")
    assert _h(text) == plain.replace("\n", "<br>")


@given(TEXT)
def test_markdown_escapes_every_formatting_character(text: str) -> None:
    plain = re.sub(r"([\\`*_\[\]<>|#~!])", r"\\\1", text.replace("&", "&amp;"))
    assert _escape(text) == plain


@given(st.none() | TEXT)
def test_markdown_text_is_escaped_then_its_spaces_tidied(text: str | None) -> None:
    assert md(text) == (" ".join(_escape(text).split()) if text else "")


CELL = st.text(alphabet=st.sampled_from(list("ab =+-@'\t,\"\n")), max_size=6)


@given(st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=5))
def test_every_cell_a_spreadsheet_would_run_is_guarded(cells: list[tuple[str, str, str]]) -> None:
    entries = []
    for n, (prompt, answer, source) in enumerate(cells):
        entries.append(
            {
                "id": f"e{n}",
                "kind": "qa",
                "prompt": prompt + "p",  # (text must not be empty or blank)
                "answer": answer + "a",
                "source": source + "s",
                "explanation": answer + "x",
            }
        )
    deck = Deck.model_validate({"id": "d", "title": "T", "entries": entries})
    rows = list(csv.reader(io.StringIO(to_csv(deck))))
    assert rows[0] == list(CSV_COLUMNS)
    for row, entry in zip(rows[1:], entries, strict=True):
        at = {name: row[i] for i, name in enumerate(CSV_COLUMNS)}
        for field in ("prompt", "answer", "source", "explanation"):
            assert at[field] == spreadsheet_safe(str(entry[field]))


DECK_TEXT = st.text(alphabet=st.sampled_from(list("ab =+-@'\t,\"\né")), max_size=8)
RAW = st.text(alphabet=st.sampled_from(list("ab =+-@'\t,\"\n\r\x00é")), max_size=8)


def _written(rows: list[list[str]]) -> str:
    """The plain way: the spreadsheet-safe cells through :func:`csv.writer`."""
    plain = io.StringIO()
    writer = csv.writer(plain, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return plain.getvalue()


@given(st.lists(st.lists(RAW, min_size=len(CSV_COLUMNS), max_size=len(CSV_COLUMNS)), max_size=6))
def test_the_csv_text_is_what_csv_writer_writes(rows: list[list[str]]) -> None:
    assert _csv_text(rows) == _written(rows)


@given(st.lists(st.tuples(DECK_TEXT, DECK_TEXT, DECK_TEXT), min_size=1, max_size=6))
def test_a_decks_csv_is_what_csv_writer_writes(cells: list[tuple[str, str, str]]) -> None:
    entries = [
        {
            "id": f"e{n}",
            "kind": "qa",
            "prompt": "p" + prompt,  # (text must not be empty or blank)
            "answer": answer + "a",
            "source": source + "s",
            "accept": [source + "x", "y"],
        }
        for n, (prompt, answer, source) in enumerate(cells)
    ]
    deck = Deck.model_validate({"id": "d", "title": "T", "entries": entries})
    assert to_csv(deck) == _written([_row("d", entry) for entry in deck.entries])
