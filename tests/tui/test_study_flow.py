"""Pilot tests: home and a whole study session driven by keys, checked against the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from studyapp.core.store.state import Phase, Rating
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from studyapp.tui.screens.study import StudyScreen
from studyapp.tui.widgets.answer_input import AnswerInput
from tests.tui.builders import make_workspace, wait_started


def screen_text(app: StudyApp) -> str:
    parts = []
    for widget in app.screen.query(Static):
        if widget.display:
            parts.append(str(widget.render()))
    return "\n".join(parts)


async def test_home_lists_decks_with_counts(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        row = app.screen.rows["small"]
        assert row[0] == "Small test deck"
        assert row[1:4] == ["5", "0", "0"]  # 5 new cards (the date entry asks only "when")
        assert "Today: 0 due · 0 learning · 5 new" in screen_text(app)


async def test_a_whole_session_with_typed_answers_choice_and_undo(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    store = workspace.store
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        assert study.card is not None and study.card.entry_id == "capital"

        # 1. typed answer with a typo: judged close, Hard suggested, Enter takes it
        await pilot.press(*"Seol", "enter")
        await pilot.pause()
        assert study.phase == "judged" and study.verdict is not None
        assert study.verdict.outcome.value == "close"
        assert "typed:  Seol" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        first = store.get("small/capital/answer")
        assert first.phase is Phase.LEARNING and first.reps == 1

        # 2. the date card: right answer, override the suggestion with Easy (4)
        assert study.card is not None and study.card.entry_id == "elected"
        await pilot.press(*"June 3, 2025", "enter")
        await pilot.pause()
        assert study.verdict is not None and study.verdict.correct
        await pilot.press("4")
        await pilot.pause()
        assert store.get("small/elected/when").phase is Phase.REVIEW

        # 3. undo goes back to the date card and restores its state on disk
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert study.card is not None and study.card.entry_id == "elected"
        assert store.get("small/elected/when").phase is Phase.NEW
        await pilot.press("enter")  # empty answer: just reveal
        await pilot.pause()
        assert study.phase == "revealed"
        await pilot.press("3")
        await pilot.pause()
        assert store.get("small/elected/when").reps == 1

        # 4. the figure, wrong: the source is not shown (no source) but the diff is
        assert study.card is not None and study.card.entry_id == "share"
        await pilot.press(*"55.1", "enter")
        await pilot.pause()
        assert study.verdict is not None and study.verdict.outcome.value == "wrong"
        await pilot.press("enter")  # takes Again
        await pilot.pause()

        # 5. multiple choice by number key
        assert study.card is not None and study.card.entry_id == "first-call"
        right = study.options.index("Donald Trump") + 1
        await pilot.press(str(right))
        await pilot.pause()
        assert study.verdict is not None and study.verdict.correct
        await pilot.press("enter")
        await pilot.pause()

        # 6. markup in deck text is shown literally and does nothing
        assert study.card is not None and study.card.entry_id == "markup"
        prompt = str(study.query_one("#card-prompt", Static).render())
        assert prompt == "[@click=app.quit]quit[/] [b]not bold[/b]"
        await pilot.click("#card-prompt")
        await pilot.pause()
        assert app.is_running
        await pilot.press("enter")
        await pilot.pause()
        assert "Answer: [red]literal[/red]" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()

        # learning cards due within 20 minutes come back (learn ahead, as in Anki):
        # reveal and grade Easy until the session is done
        for _ in range(10):
            if study.phase == "done":
                break
            assert study.card is not None
            await pilot.press("enter")
            await pilot.pause()
            if study.phase == "question":  # a choice card: pick the answer
                await pilot.press(str(study.options.index(study.card.answer) + 1))
                await pilot.pause()
            await pilot.press("4")
            await pilot.pause()
        assert study.phase == "done"
        text = screen_text(app)
        assert "Session done:" in text and "Easy" in text
        assert all(s.phase is Phase.REVIEW for s in store.states.values())

    reviews = [r for r in store.history()]
    assert [r.rating for r in reviews][:2] == [Rating.HARD, Rating.GOOD]


async def test_order_of_typing_never_triggers_screen_keys(tmp_path: Path) -> None:
    """Letters that are bindings elsewhere (s, b, u) type into the answer box."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"bus 1234!")
        await pilot.pause()
        assert app.screen.query_one("#card-input", Input).value == "bus 1234!"
        assert workspace.store.states == {}


async def test_escape_returns_home_with_fresh_counts(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.press("enter")  # reveal
        await pilot.press("3")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        row = app.screen.rows["small"]
        assert row[1:3] == ["4", "1"]  # one new card became a learning card


async def test_focus_stays_on_the_answer_field_from_card_to_card(tmp_path: Path) -> None:
    """No focus change between cards (it restyles the card and repaints the screen).

    The field is parked (no room, no keys) while the answer shows; the screen's
    keys work as if the card had focus.
    """
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        field = study.query_one("#card-input", AnswerInput)
        assert app.focused is field and not field.parked
        assert field.region.height == 3

        await pilot.press(*"Seol", "enter")
        await pilot.pause()
        assert study.phase == "judged"
        assert app.focused is field and field.parked and field.region.height == 0
        await pilot.press("s", "space", "b")  # source, nothing, bury: never typed
        await pilot.pause()
        assert field.value == ""
        assert study.card is not None and study.card.entry_id == "elected"  # buried

        await pilot.press("enter")  # empty answer: reveal
        await pilot.pause()
        assert study.phase == "revealed" and app.focused is field
        await pilot.press("3")
        await pilot.pause()
        assert study.phase == "question" and app.focused is field and not field.parked
        assert field.value == ""

        # Tab moves focus away; the next card brings it back
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not field
        await pilot.press("enter", "3")
        await pilot.pause()
        assert study.phase == "question" and app.focused is field


async def test_undo_after_the_last_card_shows_the_card_again(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        for _ in range(12):
            if study.phase == "done":
                break
            await pilot.press("enter")
            await pilot.pause()
            if study.phase == "question":  # a choice card: pick the answer
                assert study.card is not None
                await pilot.press(str(study.options.index(study.card.answer) + 1))
                await pilot.pause()
            await pilot.press("4")
            await pilot.pause()
        assert study.phase == "done" and "Session done:" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert study.phase == "question" and study.card is not None
        text = screen_text(app)
        assert study.card.prompt in text and "Session done:" not in text
        assert study.query_one("#grades").display


async def test_a_warm_start_reads_entries_after_the_first_frame_and_studies_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the deck cache warm, start-up builds cards from the cache's index alone; the
    entries (for the answer checker, sources, explanations) are read after the first
    frame, and a study session cannot tell the difference."""
    monkeypatch.setenv("STUDYAPP_CACHE", str(tmp_path / "cache"))
    cold, _ = make_workspace(tmp_path)
    cold.close()
    workspace, _ = make_workspace(tmp_path)
    (loaded,) = workspace.decks.decks
    assert not loaded.is_read
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Today: 0 due · 0 learning · 5 new" in screen_text(app)
        await wait_started(pilot)
        assert loaded.is_read  # the home screen's worker read it
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        await pilot.press(*"Seol", "enter")
        await pilot.pause()
        assert study.verdict is not None and study.verdict.outcome.value == "close"
        await pilot.press("s")
        await pilot.pause()
        assert "Seoul is the capital of South Korea." in screen_text(app)


async def test_back_home_after_studying_the_streak_is_kept_and_counted_again(
    tmp_path: Path,
) -> None:
    """Returning from a session used to drop the streak from the summary line (and it
    was stale anyway): it stays, and is computed again with today's answers."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        assert "Streak: 0 days" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # empty answer: reveal
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Streak: 1 day" in screen_text(app)


async def test_n_on_the_done_screen_brings_more_new_cards(tmp_path: Path) -> None:
    """`n` ("learn more new cards today", in help) crashed the app: the settings are
    msgspec Structs and were copied with dataclasses.replace."""
    from msgspec import structs

    workspace, _ = make_workspace(tmp_path)
    study_settings = workspace.config.study
    one_a_day = structs.replace(
        study_settings, queue=structs.replace(study_settings.queue, new_per_day=1)
    )
    workspace.config = workspace.config.with_study(one_a_day)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen)
        for _ in range(6):
            if study.phase == "done":
                break
            await pilot.press("enter")
            await pilot.pause()
            if study.phase == "question":  # a choice card: pick the answer
                assert study.card is not None
                await pilot.press(str(study.options.index(study.card.answer) + 1))
                await pilot.pause()
            await pilot.press("4")
            await pilot.pause()
        assert study.phase == "done"
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.screen is study
        assert study.phase == "question" and study.card is not None
        assert study.card.prompt in screen_text(app)
