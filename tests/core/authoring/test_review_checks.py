"""Accepting a drafted entry deletes what the draft left its author to check.

The notes for the author are comments right under ``review: true`` (never a field a
learner reads); accepting the entry removes them with the flag, and nothing else: the
explanation for the learner stays, and every other line of the file is as it was.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.draftfile import draft_yaml
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.review.session import ReviewSession
from studyapp.core.authoring.review.textedit import accept_entry, entry_checks
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import Deck
from studyapp.core.decks.yamlread import read_yaml

ARTICLE = (
    "T\nThe year 1947 saw change.\n\nIn March, talks broke down. On June 3, 1948, they resumed.\n"
)


def _draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.yaml"
    text = draft_yaml(draft_deck(extract(ARTICLE), deck_id="d"), origin="a.txt")
    path.write_text("# an author's own comment\n" + text, encoding="utf-8")
    return path


def test_the_review_shows_the_notes_and_accepting_removes_them(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    before = path.read_text(encoding="utf-8")
    session = ReviewSession.open(path)
    index = next(i for i, e in enumerate(session.deck.entries) if "inferred-date" in e.tags)
    while session.current() != index:
        session.skip()
    assert session.checks(index) == ["worked out, not stated: check it."]
    explanation = session.entry(index).explanation
    assert explanation is not None and "1947" in explanation
    session.accept()
    after = path.read_text(encoding="utf-8")
    removed = [
        line[1:]
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line.startswith("-") and not line.startswith("---")
    ]
    added = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert removed == ["  review: true", "  # to check: worked out, not stated: check it."]
    assert added == []
    deck = parse_deck(after, "draft.yaml")
    assert deck.entries[index].explanation == explanation  # the learner's part stays
    assert after.startswith("# an author's own comment\n")


def test_a_long_note_is_read_back_whole_and_removed_whole() -> None:
    text = draft_yaml(draft_deck(extract("T\nOn June 3, talks broke down.\n"), deck_id="d"))
    doc = read_yaml(text, "d.yaml")
    (note,) = entry_checks(text, doc, 0)
    assert note.startswith("the text does not say the year") and note.endswith("date entry.")
    accepted = accept_entry(text, doc, 0).text
    assert "to check" not in accepted and "#   " not in accepted
    assert accepted.count("\n") == text.count("\n") - 4  # the flag and the note's 3 lines


def test_a_comment_of_the_author_under_review_is_not_taken_for_a_note() -> None:
    text = "id: d\ntitle: D\nentries:\n- id: a\n  kind: qa\n  review: true\n  # mine\n"
    text += "  prompt: Q?\n  answer: A\n"
    doc = read_yaml(text, "d.yaml")
    assert entry_checks(text, doc, 0) == []
    assert accept_entry(text, doc, 0).text == text.replace("  review: true\n", "")


def test_a_drafted_deck_equals_the_deck_its_file_reads_as() -> None:
    deck = draft_deck(extract(ARTICLE), deck_id="d")
    read = parse_deck(draft_yaml(deck), "d.yaml")
    assert type(read) is Deck and read == deck and deck == read
    assert read != deck.model_copy(update={"title": "Other"})
