"""A review session on a draft file: actions written at once, undo, refusals with reasons."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.draftfile import draft_yaml
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.lint.runner import lint_file
from studyapp.core.authoring.review.fields import field_text, form_changes, form_fields
from studyapp.core.authoring.review.session import InvalidEditError, ReviewError, ReviewSession
from studyapp.core.decks.loader import load_deck
from tests.conftest import REPO

DRAFT = """\
# comment at the top
id: draft
title: Draft
entries:
# ---- dates
- id: moon
  kind: date
  review: true
  event: Apollo 11 lands on the Moon
  date: 1969-07-20
- id: wall
  kind: date
  review: true
  event: The Berlin Wall falls
  date: "1989-11-09"
# ---- figures
- id: turnout
  kind: figure
  review: true
  measure: Turnout
  value: 79.4
  unit: "%"
- id: kept
  kind: qa
  prompt: Already checked?
  answer: 1965
# the end
"""


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    path.chmod(0o640)
    return path


def test_walks_the_marked_entries_in_file_order(draft: Path) -> None:
    session = ReviewSession.open(draft)
    assert session.total == 3
    assert session.entry(session.current() or 0).id == "moon"
    assert session.accept() == "Accepted moon."
    assert session.entry(session.current() or 0).id == "wall"
    session.skip()
    assert session.entry(session.current() or 0).id == "turnout"
    session.drop()
    assert session.current() is None
    assert session.left == 1
    session.restart_skipped()
    assert session.entry(session.current() or 0).id == "wall"
    text = draft.read_text(encoding="utf-8")
    assert text == DRAFT.replace("  review: true\n", "", 1).replace(
        "- id: turnout\n  kind: figure\n  review: true\n  measure: Turnout\n  value: 79.4\n"
        '  unit: "%"\n',
        "",
    )
    assert session.summary() == (
        f"{draft}: 1 accepted, 0 edited, 1 dropped; 1 still marked for review (of 3 at the start)."
    )
    assert draft.stat().st_mode & 0o777 == 0o640


def test_undo_puts_back_the_file_and_the_entry(draft: Path) -> None:
    session = ReviewSession.open(draft)
    session.accept()
    session.drop()
    session.skip()
    assert session.undo() == "Undone: skipped turnout."
    assert session.undo() == "Undone: dropped wall."
    assert session.entry(session.current() or 0).id == "wall"
    assert session.undo() == "Undone: accepted moon."
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert session.undo() is None
    assert session.counts.accepted == session.counts.dropped == 0


def test_edit_writes_the_changed_fields_only_and_keeps_the_mark(draft: Path) -> None:
    session = ReviewSession.open(draft)
    changed = session.edit({"event": "Apollo 11 lands", "date": "1969-07-20", "explanation": "x"})
    assert changed == ["event", "explanation"]
    text = draft.read_text(encoding="utf-8")
    assert "  event: Apollo 11 lands\n  date: 1969-07-20\n  explanation: x\n- id: wall" in text
    assert session.entry(session.current() or 0).review is True
    assert session.counts.edited == {"moon"}
    session.edit({"id": "apollo-11"})
    assert session.counts.edited == {"apollo-11"}
    assert session.accept() == "Accepted apollo-11."


def test_an_invalid_edit_says_which_field_and_writes_nothing(draft: Path) -> None:
    session = ReviewSession.open(draft)
    with pytest.raises(InvalidEditError) as caught:
        session.edit({"date": "1969-13-01"})
    assert caught.value.fields == {"date": "'1969-13-01': month must be 01 to 12"}
    with pytest.raises(InvalidEditError) as caught:
        session.edit({"id": "Moon Landing", "event": "  "})
    assert caught.value.fields == {"event": "must not be empty"}
    with pytest.raises(InvalidEditError) as caught:
        session.edit({"id": "wall"})
    assert "duplicate entry id 'wall'" in caught.value.general[0]
    with pytest.raises(InvalidEditError) as caught:
        session.edit({"event": "bell \x07 here"})
    assert "event" in caught.value.fields
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert not session.can_undo


def test_a_number_field_takes_digits_only(draft: Path) -> None:
    session = ReviewSession.open(draft)
    session.accept()
    session.accept()
    with pytest.raises(InvalidEditError) as caught:
        session.edit({"value": "79.4%"})
    assert "not a number" in caught.value.fields["value"]
    session.edit({"value": "1,250.5", "unit": ""})
    entry = load_deck(draft).entries[2]
    assert entry.kind == "figure"
    assert entry.value == 1250.5
    assert entry.unit is None


def test_dropping_the_only_entry_left_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text("id: d\ntitle: D\nentries:\n- id: a\n  kind: qa\n  review: true\n"
                    "  prompt: P?\n  answer: A\n", encoding="utf-8")  # fmt: skip
    session = ReviewSession.open(path)
    with pytest.raises(ReviewError, match="a deck needs at least one entry"):
        session.drop()
    assert session.current() == 0


def test_a_file_changed_by_another_program_is_not_overwritten(draft: Path) -> None:
    session = ReviewSession.open(draft)
    draft.write_text(DRAFT + "# edited elsewhere\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="changed on disk"):
        session.accept()
    assert draft.read_text(encoding="utf-8").endswith("# edited elsewhere\n")


def test_a_deck_that_does_not_load_is_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: d\ntitle: D\nentries:\n- id: a\n  kind: qa\n", encoding="utf-8")
    with pytest.raises(ReviewError) as caught:
        ReviewSession.open(path, "bad.yaml")
    assert caught.value.lines[0].startswith(
        "bad.yaml:4:3: entries[0].prompt: missing required field"
    )
    assert caught.value.lines[-1].startswith("bad.yaml: fix these first")


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(codecs.BOM_UTF8 + DRAFT.encode())
    ReviewSession.open(path).accept()
    assert path.read_bytes() == codecs.BOM_UTF8 + DRAFT.replace("  review: true\n", "", 1).encode()


def test_a_symlinked_draft_is_written_through_the_link(draft: Path) -> None:
    link = draft.with_name("link.yaml")
    os.symlink(draft.name, link)
    ReviewSession.open(link).accept()
    assert link.is_symlink()
    assert "review" not in draft.read_text(encoding="utf-8").split("- id: wall")[0]


def test_form_fields_show_values_as_the_file_has_them() -> None:
    names = [f.name for f in form_fields("figure")]
    assert names[:6] == ["id", "prompt", "measure", "value", "unit", "as_of"]
    assert "review" not in names and "kind" not in names and "checks" not in names
    shapes = {f.name: f.shape for f in form_fields("qa")}
    assert shapes["accept"] == "list" and shapes["answer"] == "line"
    assert field_text(["a", "b"], "list") == "a\nb"
    # an unchanged number written as text stays as the file has it
    changes, errors = form_changes("qa", {"answer": 1965}, {"answer": "1965", "accept": ""})
    assert changes == {} and errors == {}


def test_accepting_a_real_draft_whole_leaves_no_r001(tmp_path: Path) -> None:
    article = REPO / "tests/fixtures/articles/history-berlin-airlift/article.txt"
    found = extract(article.read_text(encoding="utf-8"))
    text = draft_yaml(draft_deck(found, deck_id="berlin"), origin="article.txt")
    path = tmp_path / "berlin.yaml"
    path.write_text(text, encoding="utf-8")
    assert any(f.rule == "R001" for f in lint_file(path, "berlin.yaml").findings)
    session = ReviewSession.open(path)
    while session.current() is not None:
        session.accept()
    assert session.counts.accepted == session.total > 0
    assert not [f for f in lint_file(path, "berlin.yaml").findings if f.rule == "R001"]
    after = path.read_text(encoding="utf-8")
    # the flags go, and the notes for the author under them; not a byte else
    kept = [
        line
        for line in text.splitlines(True)
        if line != "  review: true\n" and not line.startswith(("  # to check: ", "  #   "))
    ]
    assert after == "".join(kept)
