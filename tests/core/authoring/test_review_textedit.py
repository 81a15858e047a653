"""Entry spans and the text edits of a draft's review: only the entry's own lines change."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.review.spans import LayoutError, entry_spans, split_lines
from studyapp.core.authoring.review.textedit import (
    REMOVE,
    accept_entry,
    drop_entry,
    set_fields,
)
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.yamlread import read_yaml

DRAFT = """\
# yaml-language-server: $schema=deck.schema.json
# A DRAFT: keep this comment.
id: draft
title: Draft
entries:

# ---- dates (2)
- id: moon
  kind: date
  review: true   # drafted
  event: Apollo 11 lands on the Moon
  # the day is in the source
  date: 1969-07-20
  source: |
    On 20 July 1969 Apollo 11 landed.

    # not a comment: block text
- id: wall
  kind: date
  review: true
  event: The Berlin Wall falls
  date: "1989-11-09"

# ---- figures (1)
- id: turnout
  kind: figure
  review: true
  measure: Turnout
  value: 79.4
  unit: "%"
  tags:
  - figures
  - draft

# ---- left to you
# a note at the end
"""


def doc_of(text: str):  # type: ignore[no-untyped-def]
    return read_yaml(text, "d.yaml")


def test_entry_spans_stop_before_headings_and_keep_block_text() -> None:
    lines = split_lines(DRAFT)
    spans = entry_spans(lines, doc_of(DRAFT))
    assert [lines[s.start].strip() for s in spans] == ["- id: moon", "- id: wall", "- id: turnout"]
    assert lines[spans[0].end - 1].strip() == "# not a comment: block text"
    assert lines[spans[1].end - 1].strip() == 'date: "1989-11-09"'
    assert lines[spans[2].end - 1].strip() == "- draft"
    assert all(s.col == 0 for s in spans)


def test_accept_deletes_only_the_review_line() -> None:
    new = accept_entry(DRAFT, doc_of(DRAFT), 0).text
    assert new == DRAFT.replace("  review: true   # drafted\n", "", 1)
    assert parse_deck(new, "d.yaml").entries[0].review is None


def test_drop_deletes_the_entry_and_keeps_every_comment_around_it() -> None:
    new = drop_entry(DRAFT, doc_of(DRAFT), 1).text
    start = DRAFT.index("- id: wall")
    end = DRAFT.index("\n\n# ---- figures")  # the blank line before the heading stays
    assert new == DRAFT[:start] + DRAFT[end + 1 :]
    assert [e.id for e in parse_deck(new, "d.yaml").entries] == ["moon", "turnout"]


def test_drop_the_last_entry_keeps_the_notes_after_it() -> None:
    new = drop_entry(DRAFT, doc_of(DRAFT), 2).text
    assert new.endswith("  date: \"1989-11-09\"\n\n# ---- figures (1)\n\n# ---- left to you\n"
                        "# a note at the end\n")  # fmt: skip


def test_set_fields_replaces_adds_and_removes_fields_in_place() -> None:
    new = set_fields(
        DRAFT,
        doc_of(DRAFT),
        2,
        {"value": 80, "tags": REMOVE, "explanation": "Up from 77.1% [b]in 2022[/b]."},
    ).text
    deck = parse_deck(new, "d.yaml")
    turnout = deck.entries[2]
    assert turnout.kind == "figure"
    assert turnout.value == 80
    assert turnout.tags == []
    assert turnout.explanation == "Up from 77.1% [b]in 2022[/b]."
    before, after = DRAFT.split("- id: turnout")[0], new.split("- id: turnout")[0]
    assert before == after  # every line above the entry is the same
    assert '  unit: "%"\n  explanation: Up from 77.1% [b]in 2022[/b].\n' in new


def test_a_multi_line_value_becomes_a_block_at_the_fields_indent() -> None:
    text = (
        "id: d\ntitle: D\nentries:\n"
        "  - id: a\n    kind: qa\n    review: true\n    prompt: P?\n    answer: A\n"
        "  - id: b\n    kind: qa\n    prompt: Q?\n    answer: B\n"
    )
    new = set_fields(text, doc_of(text), 0, {"explanation": "One.\nTwo."}).text
    assert "    answer: A\n    explanation: |-\n      One.\n      Two.\n  - id: b\n" in new
    assert parse_deck(new, "d.yaml").entries[0].explanation == "One.\nTwo."


def test_a_flow_style_entry_is_written_again_whole() -> None:
    text = (
        "id: d\ntitle: D\nentries:\n"
        "  # first\n"
        "  - {id: a, kind: qa, review: true, prompt: P?, answer: A}\n"
        "  - id: b\n    kind: qa\n    prompt: Q?\n    answer: B\n"
    )
    new = accept_entry(text, doc_of(text), 0).text
    assert new.startswith("id: d\ntitle: D\nentries:\n  # first\n  - id: a\n    kind: qa\n")
    assert new.endswith("  - id: b\n    kind: qa\n    prompt: Q?\n    answer: B\n")
    assert parse_deck(new, "d.yaml").entries[0].review is None


def test_review_on_the_dash_line_rewrites_that_entry_only() -> None:
    text = "id: d\ntitle: D\nentries:\n- review: true\n  id: a\n  kind: qa\n  prompt: P?\n"
    text += "  answer: A\n"
    new = accept_entry(text, doc_of(text), 0).text
    assert parse_deck(new, "d.yaml").entries[0].review is None
    assert new.startswith("id: d\ntitle: D\nentries:\n- ")


def test_a_lone_dash_entry_and_crlf_line_ends() -> None:
    text = (
        "id: d\r\ntitle: D\r\nentries:\r\n-\r\n  id: a\r\n  kind: qa\r\n  review: true\r\n"
        "  prompt: P?\r\n  answer: A\r\n- id: b\r\n  kind: qa\r\n  prompt: Q?\r\n  answer: B"
    )
    new = set_fields(text, doc_of(text), 0, {"answer": "Z", "review": REMOVE}).text
    assert new == text.replace("  review: true\r\n", "").replace("answer: A", "answer: Z")
    dropped = drop_entry(text, doc_of(text), 1).text
    assert dropped == text[: text.index("- id: b") - 2]  # still no line end at the end


def test_a_file_without_a_final_line_end_keeps_it_that_way() -> None:
    text = (
        "id: d\ntitle: D\nentries:\n- id: a\n  kind: qa\n  review: true\n  prompt: P?\n  answer: A"
    )
    new = set_fields(text, doc_of(text), 0, {"explanation": "E"}).text
    assert new == text + "\n  explanation: E"
    assert accept_entry(text, doc_of(text), 0).text == text.replace("  review: true\n", "")


def test_lone_carriage_returns_are_refused() -> None:
    with pytest.raises(LayoutError, match="line breaks"):
        split_lines("id: d\rtitle: D\n")


def test_entries_in_a_flow_list_are_refused() -> None:
    text = "id: d\ntitle: D\nentries: [{id: a, kind: qa, prompt: P, answer: A, review: true}]\n"
    with pytest.raises(LayoutError):
        accept_entry(text, doc_of(text), 0)


def test_a_new_id_is_checked_like_any_field() -> None:
    new = set_fields(DRAFT, doc_of(DRAFT), 0, {"id": "moon-landing"}).text
    assert "- id: moon-landing\n  kind: date\n  review: true   # drafted\n" in new


def test_a_block_whose_last_line_reads_like_a_comment_is_replaced_whole() -> None:
    new = set_fields(DRAFT, doc_of(DRAFT), 0, {"source": "Landed on 20 July 1969."}).text
    assert "  source: Landed on 20 July 1969.\n- id: wall\n" in new
    assert "# not a comment" not in new
