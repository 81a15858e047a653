"""The draft review form: enter saves a one-line field, and a saved one never holds a line
break (a walk-through pressed enter in the prompt box, as the hint said, got a new line,
typed on into the prompt and saved a prompt broken mid-sentence)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import TextArea

from studyapp.core.authoring.review.session import ReviewSession
from studyapp.tui.draft_review_app import DraftReviewApp
from studyapp.tui.screens.draft_review import DraftReviewScreen, OneLineArea, one_line_text
from tests.tui.test_draft_review import DRAFT, message

PROMPT = "  prompt: When? Apollo 11 lands on the Moon on ____.\n"


def make_app(tmp_path: Path) -> tuple[DraftReviewApp, Path]:
    path = tmp_path / "draft.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    return DraftReviewApp(ReviewSession.open(path, "draft.yaml"), theme="textual-dark"), path


async def test_enter_in_the_prompt_saves_it_on_one_line(tmp_path: Path) -> None:
    app, path = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftReviewScreen)
        assert message(app).startswith("Editing: enter or ctrl+s saves")
        await pilot.press("tab", "end", "?", "enter")
        assert screen.editing is None, "enter left the form open"
        assert message(app) == "Saved: prompt. a accepts it as it is now."
        text = path.read_text(encoding="utf-8")
        assert "  prompt: When? Apollo 11 lands on the Moon on ____.?\n" in text
        await pilot.press("a")  # the next keys act on the entry, not in the prompt
        assert "moon" in path.read_text(encoding="utf-8")
        assert path.read_text(encoding="utf-8").count("review: true") == 2


async def test_a_line_break_never_reaches_a_one_line_field(tmp_path: Path) -> None:
    app, path = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftReviewScreen)
        prompt = screen.query_one("#dr-field-prompt", TextArea)
        event = screen.query_one("#dr-field-event", TextArea)
        assert isinstance(prompt, OneLineArea) and isinstance(event, OneLineArea)
        prompt.focus()
        prompt.move_cursor(prompt.document.end)
        app.post_message(events.Paste(" pasted\nfrom an article"))  # as a terminal does
        await pilot.pause()
        assert prompt.text == "When? Apollo 11 lands on the Moon on ____. pasted from an article"
        event.text = "Apollo 11 lands\n  on the Moon\n"  # as a file or a script might set it
        await pilot.press("ctrl+s")
        assert screen.editing is None
        text = path.read_text(encoding="utf-8")
        assert "  event: Apollo 11 lands on the Moon\n" in text
        assert "on ____. pasted from an article\n" in text


async def test_enter_adds_a_line_in_the_explanation_and_the_hint_says_ctrl_s(
    tmp_path: Path,
) -> None:
    app, path = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftReviewScreen)
        explanation = screen.query_one("#dr-field-explanation", TextArea)
        assert not isinstance(explanation, OneLineArea)
        explanation.focus()
        await pilot.pause()
        assert message(app) == (
            "In explanation, enter adds a line: ctrl+s saves. Tab moves on, escape cancels."
        )
        await pilot.press("O", "n", "e", "enter", "T", "w", "o")
        assert screen.editing is not None and explanation.text == "One\nTwo"
        assert path.read_text(encoding="utf-8") == DRAFT
        screen.query_one("#dr-field-prompt", TextArea).focus()
        await pilot.pause()
        assert message(app).startswith("Editing: enter or ctrl+s saves")
        await pilot.press("ctrl+s")
        assert screen.editing is None
        assert "  explanation: |-\n    One\n    Two\n" in path.read_text(encoding="utf-8")


def test_one_line_text_joins_lines_with_one_space() -> None:
    assert one_line_text("a b") == "a b"
    assert one_line_text("the\n  Moon \r\nlanding\n\n") == "the Moon landing "  # (then trimmed)
