"""Letters typed on a card without an answer field are typing, not commands.

A learner typed an answer on a multiple-choice card ("trust relationship"): ``u`` undid
the previous grade, ``s`` opened the source, space showed the answer, ``b`` buried the
card. Now the card says how to answer, and the letters that follow are swallowed; a
command key pressed first, or after a pause, still runs.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from studyapp.core.store.state import Phase
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.study import StudyScreen
from studyapp.tui.screens.study_status import typing_hint
from studyapp.tui.screens.study_typing import QUIET, TypingGuard
from studyapp.tui.widgets.keybar import KeyBar
from tests.tui.builders import make_workspace

CHOICE = "small/first-call/choose"


async def _at_choice(pilot: Pilot[Any]) -> tuple[StudyScreen, str]:
    """The study screen on the choice card, after grading Good every card before it;
    returns the screen and the id of the card graded last."""
    await pilot.press("s")
    await pilot.pause()
    study = pilot.app.screen
    assert isinstance(study, StudyScreen)
    last = ""
    for _ in range(10):
        assert study.card is not None
        if study.card.kind == "choice":
            assert last
            return study, last
        last = study.card.id
        study.action_reveal()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
    raise AssertionError("no choice card came")


def _hint(study: StudyScreen) -> str | None:
    hint = study.query_one("#card-hint", Static)
    return str(hint.render()) if hint.display else None


async def test_typing_an_answer_on_a_choice_card_runs_no_command(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    store = workspace.store
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study, graded = await _at_choice(pilot)
        assert store.get(graded).reps == 1
        await pilot.press(*"trust relationship", "a", "b", "exclamation_mark", "n")
        await pilot.pause()
        # no undo: the last grade stands, in the store and in the session
        assert store.get(graded).reps == 1
        assert study.session.can_undo and study.answered == 3
        # no bury, no suspend, no reveal, no source: the same question, untouched
        assert study.card is not None and study.card.id == CHOICE
        assert study.phase == "question"
        state = store.get(CHOICE)
        assert state.buried_until is None and not state.suspended
        assert not study.source_open
        assert _hint(study) == "Pick an option with 1-4 (letters are commands here)"
        # a digit ends the spell and picks, as it always does
        await pilot.press(str(study.options.index("Donald Trump") + 1))
        await pilot.pause()
        assert str(study.phase) == "judged" and _hint(study) is None


async def test_u_as_the_first_key_still_undoes(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    store = workspace.store
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study, graded = await _at_choice(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert study.card is not None and study.card.id == graded
        assert store.get(graded).phase is Phase.NEW
        assert _hint(study) is None


async def test_after_a_pause_b_buries_again(tmp_path: Path) -> None:
    workspace, clock = make_workspace(tmp_path)
    store = workspace.store
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study, _ = await _at_choice(pilot)
        await pilot.press(*"trust")
        await pilot.pause()
        assert _hint(study) is not None
        clock.advance(QUIET - timedelta(milliseconds=1))
        await pilot.press("b")  # still typing: the pause was too short
        await pilot.pause()
        assert study.card is not None and study.card.id == CHOICE
        clock.advance(QUIET)
        await pilot.press("b")
        await pilot.pause()
        assert store.get(CHOICE).buried_until is not None
        assert study.card is None or study.card.id != CHOICE


async def test_the_pause_timer_ends_the_spell(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study, _ = await _at_choice(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert _hint(study) is not None
        study.typing.quiet = timedelta(milliseconds=50)  # the next key's timer
        await pilot.press("r")
        await pilot.pause(0.5)
        assert not study.typing.typing
        assert _hint(study) is not None  # still true, and left to be read
        await pilot.press("b")  # a command again
        await pilot.pause()
        assert study.card is None or study.card.id != CHOICE
        assert _hint(study) is None  # gone with the card


async def test_escape_clears_the_spell_and_stays(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study, _ = await _at_choice(pilot)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert app.screen is study and _hint(study) is None
        await pilot.press("escape")  # not typing: leaves, as before
        await pilot.pause()
        assert app.screen is not study


async def test_typing_on_a_checked_card_neither_buries_nor_withdraws(tmp_path: Path) -> None:
    """After a pick the card waits for a grade: "ab" there buried it, ungraded."""
    workspace, _ = make_workspace(tmp_path)
    store = workspace.store
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study, _ = await _at_choice(pilot)
        await pilot.press(str(study.options.index("Donald Trump") + 1))
        await pilot.pause()
        assert study.phase == "judged"
        await pilot.press(*"abu")
        await pilot.pause()
        assert study.phase == "judged" and store.get(CHOICE).buried_until is None
        assert _hint(study) == "Grade with 1-4 (letters are commands here)"
        await pilot.press("3")  # a grade ends it
        await pilot.pause()
        assert store.get(CHOICE).reps == 1 and _hint(study) is None


async def test_the_hint_fits_a_small_terminal(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 20)) as pilot:
        study, _ = await _at_choice(pilot)
        await pilot.press(*"trust")
        await pilot.pause()
        hint = study.query_one("#card-hint", Static)
        card = study.query_one("#study-card")
        await pilot.pause()
        top = card.scroll_offset.y
        region = hint.virtual_region
        assert top <= region.y and region.bottom <= top + card.scrollable_content_region.height


NOW = datetime(2025, 6, 20, 9, 0, tzinfo=UTC)


def test_the_guard_tells_typing_from_commands() -> None:
    guard = TypingGuard()
    assert guard.key("u", "u", command=True, now=NOW) == "run"  # first key: a command
    assert guard.key("t", "t", command=False, now=NOW) == "start"
    assert guard.key("u", "u", command=True, now=NOW) == "type"
    assert guard.key("space", " ", command=True, now=NOW) == "type"
    assert guard.key("backspace", None, command=False, now=NOW) == "type"
    assert guard.key("down", None, command=True, now=NOW) == "end"
    assert guard.key("b", "b", command=True, now=NOW) == "run"
    assert guard.key("T", "T", command=False, now=NOW) == "start"
    assert guard.key("2", "2", command=False, now=NOW) == "end"  # digits pick
    assert guard.key("space", " ", command=False, now=NOW) == "run"  # no word alone
    assert guard.key("x", "x", command=False, now=NOW) == "start"
    assert guard.key("escape", None, command=True, now=NOW) == "dismiss"
    assert guard.key("x", "x", command=False, now=NOW) == "start"
    assert guard.key("b", "b", command=True, now=NOW + QUIET) == "run"  # after a pause


def test_the_hint_says_how_each_card_is_answered() -> None:
    assert typing_hint("question", "choice", 6).startswith("Pick an option with 1-6")
    assert typing_hint("question", "reveal", 0).startswith("Nothing to type here")
    assert typing_hint("revealed", "reveal", 0).startswith("Grade with 1-4")


SOURCED = """\
id: calls
title: Calls
entries:
  - id: first-call
    kind: choice
    prompt: Whom did Lee call first after taking office?
    answer: Donald Trump
    distractors: [Ishiba Shigeru, Xi Jinping, Anthony Albanese]
    source: Lee's first call as president, on June 6, was with Donald Trump.
"""


async def test_the_source_waits_until_the_card_is_answered(tmp_path: Path) -> None:
    """The source is the sentence the card was made from: it holds the answer. On a
    question `s` is not offered (the key bar leaves it out) and is not a command: typed
    on a choice card, it is a letter, and the card says how to answer. Once answered,
    `s` is offered and opens and closes it."""
    workspace, _ = make_workspace(tmp_path, SOURCED)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen) and study.card is not None
        assert study.card.source
        assert "s Source" not in str(study.query_one(KeyBar).render())
        await pilot.press("s")
        await pilot.pause()
        assert not study.source_open
        assert study.query_one("#card-hint", Static).display  # "Pick an option with 1-4"
        await pilot.press("1")  # a pick: the card is checked (a wrong one shows it itself)
        await pilot.pause()
        shown = study.source_open
        assert "s Source" in str(study.query_one(KeyBar).render())
        await pilot.press("s")
        await pilot.pause()
        assert study.source_open is not shown  # now s opens and closes it


async def test_accept_grade_is_offered_only_where_enter_accepts(tmp_path: Path) -> None:
    """On a choice card before a pick, Enter only says how to answer: the key bar does not
    offer "Accept grade" there; after the pick it does, and Enter grades."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study, _graded = await _at_choice(pilot)
        shown = {b.binding.description for b in study.active_bindings.values() if b.binding.show}
        assert "Accept grade" not in shown
        await pilot.press("enter")
        await pilot.pause()
        assert study.phase == "question"
        assert any("Pick an option first" in n.message for n in app._notifications)
        await pilot.press("1")
        await pilot.pause()
        assert study.phase == "judged"
        enter = study.active_bindings["enter"].binding
        assert enter.description == "Accept grade" and enter.show
        card = study.card
        await pilot.press("enter")
        await pilot.pause()
        assert study.card != card or study.phase != "judged"
        assert workspace.store.get(CHOICE).reps == 1


async def test_a_choice_card_shown_again_moves_its_answer(tmp_path: Path) -> None:
    """A card that comes back (relearning, or drawn again) never shows its answer in the
    place it had: the walk-through's learner could answer "1" from memory."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study, _graded = await _at_choice(pilot)
        assert study.card is not None
        answer = study.card.answer
        places = [study.options.index(answer)]
        for _ in range(6):  # drawn again, as the session draws a card that comes back
            study.answered += 1
            study.show_current()
            await pilot.pause()
            places.append(study.options.index(answer))
        assert all(a != b for a, b in pairwise(places))
