"""The draft review says when an entry goes on below the fold, as the study card does
(at 80x24 a long quote's source and tags were cut off, and only a scrollbar said so)."""

from __future__ import annotations

from pathlib import Path

from studyapp.core.authoring.review.session import ReviewSession
from studyapp.tui.draft_review_app import DraftReviewApp
from studyapp.tui.widgets.card_scroll import CardScroll

LONG = " ".join(["We were playing against a highly-skilled and highly co-ordinated team."] * 4)
DRAFT = f"""\
id: draft
title: Draft
entries:
- id: short
  kind: qa
  review: true
  prompt: Who won?
  answer: Sweden
- id: long
  kind: quote
  review: true
  quote: {LONG}
  speaker: Nabil Maaloul
  speaker_aliases:
  - Maaloul
  context: After the match, Tunisia's coach ____ said
  explanation: {LONG}
  source: {LONG}
  tags:
  - quotes
  - draft
  - quoted
"""


def hint(app: DraftReviewApp) -> str:
    return str(app.screen.query_one("#dr-entry", CardScroll).border_subtitle or "")


async def test_a_long_entry_says_more_below_and_pgdn_shows_it(tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    app = DraftReviewApp(ReviewSession.open(path, "draft.yaml"), theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert hint(app) == ""  # the short entry fits
        await pilot.press("s")
        await pilot.pause()
        box = app.screen.query_one("#dr-entry", CardScroll)
        assert box.max_scroll_y > 0
        assert hint(app) == "↓ more: PgDn"
        await pilot.press("pagedown")
        await pilot.pause()
        assert box.scroll_y > 0
        assert hint(app).startswith("↑")
        await pilot.press("u")  # back to the short entry: it fits again
        await pilot.pause()
        assert hint(app) == ""
