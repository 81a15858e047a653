"""A quiz's options wrap under each option's own text before a pick, as they do once
picked (``options_list``): a long option never goes on at the left edge, under its number."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from studyapp.core.workspace import load_exams
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.study_verdict import options_list
from tests.tui.builders import make_workspace
from tests.tui.test_quiz_flow import open_exam
from tests.tui.test_study_small_terminals import drawn_lines

LONG = "The General Security of Military Information Agreement between the two countries"
DECK = f"""\
id: pacts
title: Pacts
entries:
  - id: pact
    kind: choice
    prompt: Which agreement lets the two countries share classified military information?
    answer: {LONG}
    distractors:
      - The Treaty on Basic Relations between Japan and the Republic of Korea of 1965
      - The comfort women agreement concluded by the two foreign ministers in 2015
      - The Camp David principles agreed by the three leaders in August 2023
"""
EXAM = """\
id: pacts-exam
title: Pacts exam
questions: 1
formats: {choice: 1}
pass_mark: 50
feedback: each
seed: 3
"""


async def test_long_options_go_on_under_their_own_text_before_and_after_a_pick(
    tmp_path: Path,
) -> None:
    workspace, _ = make_workspace(tmp_path, DECK)
    (tmp_path / "decks" / "pacts.exam.yaml").write_text(EXAM, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 24)) as pilot:
        await open_exam(pilot, app)
        options = app.screen.query_one("#quiz-options", Static)
        await pilot.pause()
        for picked in (False, True):
            lines = [line for line in drawn_lines(options) if line.strip()]
            assert len(lines) > 4, lines  # some option wraps at this width
            text_starts = 0
            for line in lines:
                stripped = line.lstrip("▶ ")
                if stripped[:1].isdigit():
                    text_starts = len(line) - len(stripped) + len(stripped.split(" ", 1)[0]) + 1
                else:  # a continuation: under its option's text, not under the number
                    assert len(line) - len(line.lstrip()) == text_starts, lines
            if not picked:
                await pilot.press("1")
                await pilot.pause()


def test_a_pick_the_checker_takes_for_the_answer_is_marked_right_not_wrong() -> None:
    """An option equal to the answer but for case and article ("Nucleus" beside "the
    nucleus", which lint reports as O001) picked: ✓ beside it, never ✗ above "✓ Correct"."""
    options = ["the ribosome", "the nucleus", "Nucleus"]
    right = options_list(options, answer="the nucleus", picked="Nucleus", picked_right=True)
    wrong = options_list(options, answer="the nucleus", picked="the ribosome")
    assert [str(line).endswith("✓") for _lead, line in right.rows] == [False, True, True]
    assert [str(line)[-1] for _lead, line in wrong.rows] == ["✗", "✓", "s"]
