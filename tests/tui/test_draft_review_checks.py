"""The draft's notes for the author ("# to check: ...") are shown while reviewing.

They were once in the explanation a learner reads; now they are a comment under
``review: true`` that accepting deletes, so the review screen must show them.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import screen_text
from tests.tui.test_draft_review import make_app

DRAFT = """\
id: draft
title: Draft
entries:
- id: invasion
  kind: date
  review: true
  # to check: worked out, not stated: the year is the story's (1990); check it
  #   against the article.
  event: Iraq invades Kuwait
  date: 1990-08-02
- id: wall
  kind: date
  review: true
  event: The Berlin Wall falls
  date: "1989-11-09"
"""


async def test_the_notes_to_check_are_shown_and_go_with_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert "to check" in shown
        assert "worked out, not stated: the year is the story's (1990); check it against" in shown
        await pilot.press("a")  # accept: the flag and its note go
        await pilot.pause()
        assert "to check" not in screen_text(app)  # the next entry has none
    text = path.read_text(encoding="utf-8")
    assert "# to check" not in text and "#   against" not in text
    assert text.count("review: true") == 1
