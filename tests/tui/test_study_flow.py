"""Pilot tests: home and a whole study session driven by keys, checked against the store."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from studyapp.core.quiz.answers.verdict import Outcome, make_verdict
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.tui import format as fmt
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.home import HomeScreen
from studyapp.tui.screens.study import StudyScreen
from studyapp.tui.screens.study_grades import GradeBar, grade_labels
from studyapp.tui.screens.study_verdict import verdict_head
from studyapp.tui.widgets.answer_input import AnswerInput
from studyapp.tui.widgets.keybar import KeyBar
from tests.tui.builders import grade_easy_until_done, make_workspace, wait_started
from tests.tui.conftest import screen_text as rendered


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
        study = await _studying(pilot)
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
        await grade_easy_until_done(pilot, study, 10)
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
        study = await _studying(pilot)
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
        study = await _studying(pilot)
        await grade_easy_until_done(pilot, study, 12)
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
        study = await _studying(pilot)
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
        study = await _studying(pilot)
        await grade_easy_until_done(pilot, study, 6)
        assert study.phase == "done"
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.screen is study
        assert study.phase == "question" and study.card is not None
        assert study.card.prompt in screen_text(app)


async def test_n_gives_ten_more_even_after_the_limit_was_lowered(tmp_path: Path) -> None:
    """A walk-through lowered the new-card limit to 5 after 20 new cards that day: `n`
    ("10 more") did nothing, as 5 + 10 < 20. The ten come on top of today's new cards."""
    from msgspec import structs

    deck = "id: many\ntitle: Many\nentries:\n" + "".join(
        f"  - id: q{n:02d}\n    kind: qa\n    prompt: Item {n}?\n    answer: A{n}\n"
        for n in range(30)
    )
    workspace, _ = make_workspace(tmp_path, deck, name="many.yaml")

    def limit(new_per_day: int) -> None:
        study = workspace.config.study
        lowered = structs.replace(
            study, queue=structs.replace(study.queue, new_per_day=new_per_day)
        )
        workspace.config = workspace.config.with_study(lowered)

    limit(12)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        await grade_easy_until_done(pilot, study, 14)
        assert study.phase == "done"
        limit(1)  # lowered since (settings saved from another window, say)
        await pilot.press("n")
        await pilot.pause()
        assert study.phase == "question" and study.card is not None
        assert study.session.counts().new == 10


async def test_n_keeps_its_ten_more_for_the_day_across_home_and_a_restart(
    tmp_path: Path,
) -> None:
    """`n` gave ten more new cards for the session only: back home and in study again,
    they were gone. As Anki's "today only" limit they hold for the rest of the study
    day (home counts them too), after a restart as well, and not the next day."""
    from msgspec import structs

    from studyapp.core.workspace import open_workspace

    deck = "id: many\ntitle: Many\nentries:\n" + "".join(
        f"  - id: q{n:02d}\n    kind: qa\n    prompt: Item {n}?\n    answer: A{n}\n"
        for n in range(30)
    )
    workspace, clock = make_workspace(tmp_path, deck, name="many.yaml")
    study_settings = workspace.config.study
    workspace.save_config(
        workspace.config.with_study(
            structs.replace(
                study_settings, queue=structs.replace(study_settings.queue, new_per_day=3)
            )
        )
    )

    def home_new(app: StudyApp) -> int:
        home = app.screen
        assert isinstance(home, HomeScreen) and home._totals is not None
        return home._totals[0]

    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        study = await _studying(pilot)
        await grade_easy_until_done(pilot, study, 5)
        assert study.phase == "done"
        await pilot.press("n")
        await pilot.pause()
        assert study.session.counts().new == 10
        await pilot.press("escape")
        await pilot.pause()
        assert home_new(app) == 10  # home agrees
        study = await _studying(pilot)
        assert study.session.counts().new == 10  # and study again still has them
        await pilot.press("escape")
        await pilot.pause()
    workspace.close()

    def restarted() -> StudyApp:
        again = open_workspace(
            [str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock
        )
        return StudyApp(again, seed=0)

    app = restarted()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        assert home_new(app) == 10
    app.workspace.close()

    clock.advance(timedelta(days=1))  # the next study day: the limit as set
    app = restarted()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        assert home_new(app) == 3
    app.workspace.close()


# ----------------------------------------------------- first hour (issue 14)


async def _studying(pilot: Pilot[Any]) -> StudyScreen:
    """Home's ``s``: the study screen, once it is up."""
    await pilot.press("s")
    await pilot.pause()
    study = pilot.app.screen
    assert isinstance(study, StudyScreen)
    return study


async def _to_kind(pilot: Pilot[Any], study: StudyScreen, kind: str) -> None:
    """Reveal and grade Good until the current card is of ``kind``."""
    for _ in range(10):
        assert study.card is not None
        if study.card.kind == kind:
            return
        study.action_reveal()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
    raise AssertionError(f"no {kind} card came")


@pytest.mark.parametrize("key", ["u", "ctrl+z"])
async def test_undo_on_a_checked_card_goes_back_to_the_last_graded_card(
    tmp_path: Path, key: str
) -> None:
    """`u` on a checked but ungraded card withdrew the attempt and asked the card again:
    a wrong answer seen, undone, then answered right was a free second try. Undo goes
    back to the last graded card (Anki's undo undoes the last review); the checked card
    comes back checked, as it was, and is graded, never asked afresh."""
    workspace, _ = make_workspace(tmp_path)
    store = workspace.store
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        assert study.card is not None
        first = study.card
        await pilot.press("enter", "3")  # reveal, Good
        await pilot.pause()
        second = study.card
        assert second is not None and second != first
        await pilot.press(*"June 4, 2025", "enter")
        await pilot.pause()
        assert study.phase == "judged" and study.verdict is not None
        assert study.verdict.outcome is Outcome.WRONG

        await pilot.press(key)
        await pilot.pause()
        assert study.card == first and study.phase == "question"
        assert store.get(first.id).reps == 0  # the graded answer undone, as before
        assert store.get(second.id).reps == 0

        study.action_reveal()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert study.card == second  # back, checked as it was: no fresh try
        assert study.phase == "judged" and study.verdict is not None
        assert study.verdict.outcome is Outcome.WRONG
        assert "June 4, 2025" in screen_text(app)
        await pilot.press("enter")  # its suggested grade: Again
        await pilot.pause()
        assert store.get(second.id).reps == 1
        assert [r.rating for r in store.recent_reviews() if r.card_id == second.id] == [
            Rating.AGAIN
        ]


CHOICE_FIRST = """\
id: choice
title: Choice first
entries:
  - id: first-call
    kind: choice
    prompt: Whom did President Lee call first on June 9, 2025?
    answer: Donald Trump
    distractors: [Ishiba Shigeru, Xi Jinping, Anthony Albanese]
  - {id: q1, kind: qa, prompt: One?, answer: '1'}
"""


@pytest.mark.parametrize("checked", ["picked", "revealed"])
async def test_a_choice_card_checked_before_any_grade_cannot_be_picked_again(
    tmp_path: Path, checked: str
) -> None:
    """A wrong pick, undone before it was graded, could be picked again: undo with
    nothing graded yet this session says so, and the card stays checked."""
    workspace, _ = make_workspace(tmp_path, CHOICE_FIRST, name="choice.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        choice = study.card
        assert choice is not None and study.mode == "choice"
        if checked == "picked":
            wrong = next(i for i, o in enumerate(study.options, 1) if o != choice.answer)
            await pilot.press(str(wrong))
        else:
            await pilot.press("space")
        await pilot.pause()
        assert study.phase in ("judged", "revealed")
        phase, verdict = study.phase, study.verdict

        await pilot.press("u")
        await pilot.pause()
        assert study.card == choice and study.phase == phase and study.verdict == verdict
        assert any("Nothing to undo" in n.message for n in app._notifications)
        right = study.options.index(choice.answer) + 1
        await pilot.press(str(right) if right <= 4 else "1")  # now a grade, not a pick
        await pilot.pause()
        assert workspace.store.get(choice.id).reps == 1


async def test_a_wrong_pick_comes_back_after_the_undo_as_it_was_shown(tmp_path: Path) -> None:
    """Undo from a wrong pick goes back to the graded card before it; the choice card then
    comes back with the same pick, its options in the same order, to be graded."""
    deck = CHOICE_FIRST.replace(
        "entries:\n", "entries:\n  - {id: q0, kind: qa, prompt: Zero?, answer: '0'}\n"
    )
    workspace, _ = make_workspace(tmp_path, deck, name="choice.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        first = study.card
        assert first is not None and first.kind == "qa"
        study.action_reveal()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        choice = study.card
        assert choice is not None and study.mode == "choice"
        options = list(study.options)
        wrong = next(i for i, o in enumerate(options, 1) if o != choice.answer)
        await pilot.press(str(wrong))
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert study.card == first and study.phase == "question"
        study.answered += 5  # (as if more cards came between: the shuffle's seed moves on)
        study.action_reveal()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert study.card == choice and study.phase == "judged"
        assert study.options == options  # the numbers the pick referred to
        assert study.verdict is not None and study.verdict.outcome is Outcome.WRONG
        await pilot.press("enter")
        await pilot.pause()
        history = [r.rating for r in workspace.store.recent_reviews() if r.card_id == choice.id]
        assert history == [Rating.AGAIN]


@pytest.mark.parametrize("key", ["b", "exclamation_mark"])
async def test_bury_or_suspend_on_a_checked_card_says_the_attempt_was_not_graded(
    tmp_path: Path, key: str
) -> None:
    """Put away on a checked card, the card is buried or suspended without a grade (as
    in Anki), and the learner is told; undo brings the card back, checked as it was."""
    workspace, _ = make_workspace(tmp_path)
    store = workspace.store
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        assert study.card is not None
        card = study.card
        await pilot.press(*"Seol", "enter")
        await pilot.pause()
        assert study.phase == "judged"
        await pilot.press(key)
        await pilot.pause()
        assert study.card != card
        state = store.get(card.id)
        assert state.reps == 0 and (state.suspended or state.buried_until is not None)
        assert any("not graded" in n.message for n in app._notifications)
        # brief: it sits over the next card's first rows (a walk-through read around it)
        assert all(n.timeout <= 3 for n in app._notifications if "not graded" in n.message)
        await pilot.press("ctrl+z")  # (u would be typed into the next card's answer)
        await pilot.pause()
        # back as it was put away: checked (its answer was seen), to be graded
        assert study.card == card and study.phase == "judged"
        assert all(n.timeout <= 3 for n in app._notifications if "Undone" in n.message)
        assert not store.get(card.id).suspended and store.get(card.id).buried_until is None


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_grade_button_shows_its_interval(tmp_path: Path, size: tuple[int, int]) -> None:
    """The button with the ▶ suggestion read `▶ 1 Again ·`, its interval cut off (the
    buttons kept the width of their first label). Every button shows its interval at
    every size: on a new card (minutes) and on a review card (months)."""
    workspace, clock = make_workspace(tmp_path)
    for card in workspace.cards:
        if card.entry_id == "share":  # a review card due now, with intervals of months
            state = CardState(
                card.id,
                Phase.REVIEW,
                due=clock(),
                last_review=clock() - timedelta(days=90),
                stability=120.0,
                difficulty=5.0,
                interval=90,
                reps=6,
            )
            workspace.store.record_change(state, clock(), "test")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=size) as pilot:
        study = await _studying(pilot)
        seen = set()
        for _ in range(2):
            assert study.card is not None
            seen.add(study.card.entry_id)
            if study.card.kind == "figure":
                await pilot.press(*"55.5", "enter")  # judged: a suggestion (▶)
            else:
                await pilot.press("x", "enter")  # wrong: ▶ on Again
            await pilot.pause()
            await pilot.pause()
            previews = study.session.preview()
            bar = study.query_one(GradeBar)
            shown = rendered(app)
            labels = bar.labels()
            assert any(label.startswith("▶") for label in labels.values()) or size[0] < 70
            for rating, label in labels.items():
                after = fmt.interval(previews[rating])
                assert label.endswith(after), (label, after)
                button = study.query_one(f"#grade-{int(rating)}")
                assert button.content_region.width >= len(label), (label, button.region)
                assert label in shown, (label, shown)
            await pilot.press("3")
            await pilot.pause()
        assert "share" in seen


def test_grade_labels_shrink_to_fit_but_keep_the_interval() -> None:
    previews = {
        Rating.AGAIN: timedelta(minutes=10),
        Rating.HARD: timedelta(days=310),
        Rating.GOOD: timedelta(days=340),
        Rating.EASY: timedelta(days=500),
    }
    for width in range(6, 30):
        labels = grade_labels(previews, Rating.GOOD, width)
        for rating, label in labels.items():
            assert label.endswith(fmt.interval(previews[rating])), label
            assert len(label) <= max(width, 11), (width, label)  # "▶2 · 10.3mo" at least
    assert grade_labels(previews, Rating.GOOD, 30)[Rating.GOOD] == "▶ 3 Good · 11.3mo"


async def test_enter_on_a_choice_card_asks_to_pick_first(tmp_path: Path) -> None:
    """Enter before answering showed the answer of a multiple-choice card, and 1-4 then
    graded instead of picking an option. The learner chooses first, then grades."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        await _to_kind(pilot, study, "choice")
        card = study.card
        assert card is not None
        await pilot.press("enter")
        await pilot.pause()
        assert study.phase == "question" and study.verdict is None
        assert "Answer:" not in screen_text(app)
        assert any("Pick an option first" in n.message for n in app._notifications)
        assert workspace.store.get(card.id).reps == 0
        wrong = next(i for i, o in enumerate(study.options, 1) if o != card.answer)
        await pilot.press(str(wrong))  # picks an option
        await pilot.pause()
        assert study.phase == "judged" and study.verdict is not None
        assert not study.verdict.correct
        await pilot.press("3")  # now a grade
        await pilot.pause()
        assert workspace.store.get(card.id).reps == 1
        assert study.card != card


async def test_home_and_study_agree_on_the_counts_after_a_bury(tmp_path: Path) -> None:
    """Burying a new card freed its place under the daily limit on home (counted from
    the store) but not on the study screen: one more new card on home."""
    from msgspec import structs

    workspace, _ = make_workspace(tmp_path)
    study_settings = workspace.config.study
    three_a_day = structs.replace(
        study_settings, queue=structs.replace(study_settings.queue, new_per_day=3)
    )
    workspace.config = workspace.config.with_study(three_a_day)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        await pilot.press("enter", "1")  # Again: one learning card
        await pilot.pause()
        study.set_focus(None)
        await pilot.press("b")
        await pilot.pause()
        left = study.session.counts()
        status = str(study.query_one("#study-counts", Static).render())
        assert f"{left.new} new · {left.learning} learning · {left.review} review" in status
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.rows["small"][1:4] == [str(left.new), str(left.learning), str(left.review)]


KEYS_DECK = "id: keys\ntitle: Every key\nentries:\n" + "".join(
    f"  - id: q{i}\n    kind: qa\n    prompt: What is {i} plus one?\n    answer: '{i + 1}'\n"
    f"  - id: c{i}\n    kind: choice\n    prompt: Which is {i}?\n    answer: '{i}'\n"
    f"    distractors: ['{i + 10}', '{i + 20}', '{i + 30}']\n"
    for i in range(12)
)
NOT_PRESSED = {"quit"}
"""Actions the test does not run: quitting ends the app by design."""


def help_keys(app: StudyApp, screen: Screen[Any], *, with_app: bool = True) -> list[str]:
    """Every key the help overlay lists for ``screen`` (its bindings and the app's that
    have a description, as HelpDialog reads them, all keys of each), and F1."""
    keys: list[str] = []
    for node in (screen, app) if with_app else (screen,):
        for key, bindings in node._bindings.key_to_bindings.items():
            for binding in bindings:
                if binding.system or not binding.description or binding.action in NOT_PRESSED:
                    continue
                if key not in keys:
                    keys.append(key)
    return [*keys, "f1"] if with_app and "f1" not in keys else keys


async def test_every_key_in_the_help_lists_works_in_every_state(tmp_path: Path) -> None:
    """`n` on the done screen crashed the app (dataclasses.replace on a msgspec Struct).
    Every key the help of home and of the study screen lists is pressed in each state
    where it applies (home; a typed and a choice question, with the answer field focused
    and not; checked; revealed; done), and the app is still running after each."""
    workspace, _ = make_workspace(tmp_path, KEYS_DECK, name="keys.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)

        async def settle() -> None:
            await pilot.pause()
            if app.workers._workers:  # browse and stats read in the background
                await app.workers.wait_for_complete()
                await pilot.pause()

        async def back_to(screen_type: type[Screen[Any]]) -> None:
            """Close whatever a key opened above the screen of this type."""
            for _ in range(5):
                if isinstance(app.screen, screen_type):
                    return
                if len(app.screen_stack) <= 2 and screen_type is StudyScreen:
                    break
                app.pop_screen()
                await settle()
            if not isinstance(app.screen, screen_type):  # escape left the study screen
                assert isinstance(app.screen, HomeScreen)
                app.screen.action_study_all()
                await settle()
            assert isinstance(app.screen, screen_type)

        for key in help_keys(app, home):
            await pilot.press(key)
            await settle()
            assert app.is_running, key
            await back_to(HomeScreen)

        await pilot.press("a")
        await settle()
        study = app.screen
        assert isinstance(study, StudyScreen)
        keys = help_keys(app, study)
        screen_keys = help_keys(app, study, with_app=False)
        assert {"1", "4", "u", "ctrl+z", "b", "exclamation_mark", "n", "escape"} <= set(keys)

        async def to_state(state: str) -> StudyScreen:
            study = app.screen
            assert isinstance(study, StudyScreen)
            if state == "done":
                while study.session.current() is not None:
                    study.session.bury()
                study.show_current()
                assert study.phase == "done"
                return study
            if study.phase == "done":
                study.session.undo()
            kind = "choice" if state == "choice" else "qa"
            for _ in range(4):
                study.show_current()
                if study.card is not None and study.card.kind == kind:
                    break
                study.session.bury()
            assert study.card is not None and study.card.kind == kind, state
            if state == "judged":
                study._submit("a wrong answer")
            elif state == "revealed":
                study.action_reveal()
            await settle()
            return study

        # (typed: the field has focus and takes letters and digits as text; Tab away and
        # the screen's keys work, which is the state tested)
        for state in ("typed-unfocused", "choice", "judged", "revealed", "done"):
            # the app's own keys (help, palette, focus, copy) once; the screen's in every state
            for key in keys if state == "typed-unfocused" else screen_keys:
                study = await to_state(state.removesuffix("-unfocused"))
                if state.endswith("-unfocused"):
                    study.set_focus(None)  # Tab away: keys reach the screen, not the field
                    await settle()
                await pilot.press(key)
                await settle()
                assert app.is_running, (state, key)
                await back_to(StudyScreen)


SELF_GRADED_DECK = """\
id: defs
title: Definitions
entries:
  - id: mitochondrion
    kind: qa
    prompt: What is a mitochondrion?
    answer: the part of a cell that makes most of its energy
  - id: ribosome
    kind: qa
    prompt: What is a ribosome?
    answer: the part of a cell that builds proteins from amino acids
  - id: capital
    kind: qa
    prompt: What is the capital of South Korea?
    answer: Seoul
    check: self
  - id: typed
    kind: qa
    prompt: What is the capital of Japan?
    answer: Tokyo
"""


async def test_long_answers_and_check_self_are_self_graded_with_the_reason_once(
    tmp_path: Path,
) -> None:
    """A 10-word definition (under 60 characters) cannot be typed fairly: the card flips,
    the reason is shown on the first such card only; ``check: self`` flips a short one."""
    workspace, _ = make_workspace(tmp_path, SELF_GRADED_DECK, name="defs.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        seen: dict[str, tuple[str, bool]] = {}
        for _ in range(4):
            card = study.card
            assert card is not None
            text = screen_text(app)
            seen[card.entry_id] = (study.mode, "Long answer: compare it yourself" in text)
            if study.mode == "reveal":
                await pilot.press("enter")  # shows the answer, nothing typed or checked
                await pilot.pause()
                assert study.phase == "revealed" and study.verdict is None
                assert f"Answer: {card.answer}" in screen_text(app)
                await pilot.press("3")
            else:
                await pilot.press(*"Tokyo", "enter")
                await pilot.pause()
                assert study.phase == "judged"
                await pilot.press("enter")
            await pilot.pause()
        assert seen["mitochondrion"] == ("reveal", True)  # the reason, the first time
        assert seen["ribosome"] == ("reveal", False)  # ... and only once
        assert seen["capital"][0] == "reveal"  # check: self on a short answer
        assert seen["typed"] == ("typed", False)
        assert workspace.store.get("defs/mitochondrion/answer").reps == 1


async def test_a_deck_level_check_self_flips_every_card_but_typed_entries(tmp_path: Path) -> None:
    deck = SELF_GRADED_DECK.replace("title: Definitions\n", "title: Definitions\ncheck: self\n")
    deck = deck.replace("answer: Tokyo\n", "answer: Tokyo\n    check: typed\n")
    workspace, _ = make_workspace(tmp_path, deck, name="defs.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        modes: dict[str, str] = {}
        for _ in range(4):
            assert study.card is not None
            modes[study.card.entry_id] = study.mode
            if study.mode == "reveal":
                await pilot.press("enter", "3")
            else:
                await pilot.press(*"Tokyo", "enter", "enter")
            await pilot.pause()
        assert modes == {
            "mitochondrion": "reveal",
            "ribosome": "reveal",
            "capital": "reveal",
            "typed": "typed",
        }


# ------------------------------------------------------ QA walk as a new learner


ORDER_DECK = """\
id: pms
title: Prime ministers
entries:
  - id: pms
    kind: order
    prompt: Put these prime ministers in order
    events: [Murayama, Kan, Abe]
"""


async def test_an_order_card_is_never_shown_already_in_order(tmp_path: Path) -> None:
    """The 7th card of a first session showed "1. Murayama 2. Kan 3. Abe" and "1, 2, 3"
    was Correct: the study screen shuffled the events plainly (in order 1 time in 6)."""
    workspace, _ = make_workspace(tmp_path, ORDER_DECK, name="pms.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        assert study.card is not None
        assert study.card.kind == "order"
        # the screen seeds the shuffle by card and answers given: try many of them
        for answered in range(60):
            study.answered = answered
            study.show_current()
            assert sorted(study.options) == ["Abe", "Kan", "Murayama"]
            assert study.options != ["Murayama", "Kan", "Abe"], answered
        await pilot.press(*"1 2 3", "enter")
        await pilot.pause()
        assert study.verdict is not None and not study.verdict.correct


async def test_a_wrong_pick_says_what_was_picked_and_marks_both_options(tmp_path: Path) -> None:
    """A wrong pick read "'Xi Jinping' is a different answer in this deck" (the typed
    checker's words) and the list did not show which option was picked."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        await _to_kind(pilot, study, "choice")
        wrong = study.options.index("Xi Jinping") + 1
        await pilot.press(str(wrong))
        await pilot.pause()
        assert study.verdict is not None and study.verdict.outcome.value == "wrong"
        assert study.verdict.grade == 1  # Again is suggested
        verdict = str(study.query_one("#card-verdict", Static).render())
        assert verdict == "✗ You picked Xi Jinping · the answer is Donald Trump"
        options = str(study.query_one("#card-options", Static).render()).splitlines()
        assert f"{wrong}. Xi Jinping  ✗" in options
        right = study.options.index("Donald Trump") + 1
        assert f"{right}. Donald Trump  ✓" in options
        assert sum("✓" in line or "✗" in line for line in options) == 2
        text = screen_text(app)
        assert "different answer" not in text
        assert text.count("Donald Trump") == 2  # the verdict and the list, no "Answer:"


async def test_a_right_pick_is_marked_and_the_answer_said_once(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        await _to_kind(pilot, study, "choice")
        await pilot.press(str(study.options.index("Donald Trump") + 1))
        await pilot.pause()
        assert str(study.query_one("#card-verdict", Static).render()) == "✓ Correct"
        options = str(study.query_one("#card-options", Static).render())
        assert "Donald Trump  ✓" in options and "✗" not in options
        assert screen_text(app).count("Donald Trump") == 1


async def test_a_wrong_typed_answer_shows_the_answer_once_beside_the_diff(
    tmp_path: Path,
) -> None:
    """The verdict line, the diff's answer: line and an Answer: line all said "Seoul"."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        assert study.card is not None
        assert study.card.entry_id == "capital"
        await pilot.press(*"Busan", "enter")
        await pilot.pause()
        assert study.verdict is not None and study.verdict.outcome.value == "wrong"
        verdict = str(study.query_one("#card-verdict", Static).render()).splitlines()
        assert verdict == ["✗ Wrong", "typed:  Busan", "answer: Seoul"]
        assert not study.query_one("#card-answer", Static).display
        # once, plus the source (shown after a wrong answer) that quotes it
        text = screen_text(app).replace("Seoul is the capital of South Korea.", "")
        assert text.count("Seoul") == 1


def _checked(checker: str, *args: Any, **kwargs: Any) -> Any:
    """A verdict from a real checker, made when the test runs (not at collection)."""
    from studyapp.core.decks.model import PartialDate
    from studyapp.core.quiz.answers import dates, lists, names, numbers, order, text

    def check_date(given: str, iso: str, **rest: Any) -> Any:
        return dates.check_date(given, PartialDate.parse(iso), **rest)

    checkers = {
        "text": text.check_text,
        "name": names.check_name,
        "number": numbers.check_number,
        "date": check_date,
        "list": lists.check_list,
        "order": order.check_order,
    }
    return lambda: checkers[checker](*args, **kwargs)


def _saved_before_notes() -> Any:
    """A verdict as results saved before notes existed: no ``note`` at all."""
    from studyapp.core.quiz.answers.verdict import Verdict

    saved = {"outcome": "correct", "reason": "correct: the answer is False", "expected": "False"}
    return Verdict.from_dict({**saved, "given": "f", "grade": 3})


_ASIA = ("Japan", "Korea", "China")


@pytest.mark.parametrize(
    ("make", "head"),
    [
        (_checked("text", "Seoul", "Seoul"), "✓ Correct"),
        (_checked("text", "Paris", "Seoul"), "✗ Wrong"),
        (
            _checked("text", "Busan", "Seoul", rivals=["Busan"]),
            "✗ Wrong · 'Busan' is a different answer in this deck",
        ),
        (_checked("name", "Jae", "Lee Jae Myung"), "≈ Close · part of the name"),
        (_checked("text", "Seol", "Seoul"), "≈ Close · typo: you wrote 'Seol'"),
        # the reason ends "it is written 'Yoon Suk Yeol' here": trimming let it through
        (
            _checked("text", "Yun Sok Yol", "Yoon Suk Yeol"),
            "≈ Close · another spelling of the name",
        ),
        (_checked("number", "56", "55.5"), "≈ Close · not precise enough"),
        (_checked("number", "56", "55.5", tolerance=1), "✓ Correct · within ±1"),
        (
            _checked("date", "June 2025", "2025-06-03"),
            "≈ Close · right month, but which day?",
        ),
        (
            _checked("list", "China, Korea", "Japan, Korea and China", _ASIA),
            "✗ Wrong · 2 of 3: missing 'Japan'",
        ),
        (
            _checked("order", ["b", "a", "c"], ["a", "b", "c"]),
            "≈ Close · almost: two neighbours are swapped (1 of 3 in place)",
        ),
        (_saved_before_notes, "✓ Correct"),
        (
            lambda: make_verdict(
                Outcome.WRONG,
                "correctly spelt, but another city; it is Seoul",
                "Seoul",
                "Busan",
                note="correctly spelt, but another city",
            ),
            "✗ Wrong · correctly spelt, but another city",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_the_verdict_line_never_repeats_the_mark_or_the_answer(make: Any, head: str) -> None:
    """ "✓ Correct · correct: the answer is …" said it twice, and the answer is shown below.
    The line is the mark and the checker's note: no wording of a reason is cut up."""
    verdict = make()
    assert verdict_head(verdict) == head
    assert verdict.expected not in head
    mark, _, note = head.partition(" · ")
    assert not note.casefold().startswith(mark.split()[-1].casefold())


UNDO_DECK = """\
id: undo
title: Undo
entries:
  - {id: q1, kind: qa, prompt: One?, answer: '1'}
  - {id: q2, kind: qa, prompt: Two?, answer: '2'}
  - {id: c1, kind: cloze, text: 'The capital of {{Korea}} is Seoul.'}
  - {id: s1, kind: quote, quote: Hello there, speaker: Kim Dae-jung}
  - {id: q3, kind: qa, prompt: Three?, answer: '3'}
"""
"""Kinds interleaved: q1, c1, s1 first; with q1 answered, a rebuilt queue puts q2 first."""


async def test_two_undos_in_a_row_ask_both_cards_again(tmp_path: Path) -> None:
    """At the daily new limit, ctrl+z twice then answering the card shown brought a
    fresh card: the first undone never came back and the header said 0 new."""
    from msgspec import structs

    workspace, _ = make_workspace(tmp_path, UNDO_DECK, name="undo.yaml")
    study_settings = workspace.config.study
    three_a_day = structs.replace(
        study_settings, queue=structs.replace(study_settings.queue, new_per_day=3)
    )
    workspace.config = workspace.config.with_study(three_a_day)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        answered = []
        for _ in range(3):
            assert study.card is not None
            answered.append(study.card)
            study.action_reveal()
            await pilot.pause()
            await pilot.press("4")  # Easy: out of today's session
            await pilot.pause()
        assert study.phase == "done"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert study.card == answered[2]
        study.set_focus(None)  # (the field would take the key as text)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert study.card == answered[1]
        status = str(study.query_one("#study-counts", Static).render())
        assert "2 new" in status
        study.action_reveal()
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert study.card == answered[2]  # the first undone, not a fresh card
        assert "1 new" in str(study.query_one("#study-counts", Static).render())


async def test_notifications_leave_the_status_line_visible(tmp_path: Path) -> None:
    """Toasts (under the title bar) covered "Left today ... done 22" and the progress bar
    right after an undo, a bury or a suspend had changed them."""
    from textual.widgets._toast import Toast

    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        study = await _studying(pilot)
        await pilot.press("enter", "3")
        await pilot.pause()
        study.set_focus(None)
        await pilot.press("ctrl+z")  # "Undone: back to ..."
        await pilot.pause()
        toasts = list(study.query(Toast))
        assert len(toasts) == 1
        top = study.query_one("#study-top").region
        for toast in toasts:
            assert not toast.region.overlaps(top), (toast.region, top)
        assert all(toast.region.bottom <= top.y for toast in toasts)  # their band, above


LONG_ORDER_DECK = """\
id: steps
title: Steps
entries:
  - id: steps
    kind: order
    prompt: Put these steps in order
    events:
      - "The Camp David summit sets out [b]principles[/b] for trilateral security cooperation"
      - The three leaders agree to share missile warning data in real time from December
      - A multi-domain exercise, Freedom Edge, is held for the first time in the East China Sea
"""


NUMBERS = ("1.", "2.", "3.")


async def test_a_wrapped_item_of_the_shown_order_keeps_its_indent(tmp_path: Path) -> None:
    """QA: when the right order was shown, an item too long for a line went on at the
    left edge, under the numbers. Its continuation lines start under its own text."""
    workspace, _ = make_workspace(tmp_path, LONG_ORDER_DECK, name="steps.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 40)) as pilot:
        study = await _studying(pilot)
        assert study.card is not None
        await pilot.press(*"1 2 3", "enter")  # never already in order: wrong
        await pilot.pause()
        assert study.verdict is not None and not study.verdict.correct
        lines = rendered(app).splitlines()
        head = next(y for y, line in enumerate(lines) if "Answer, in order:" in line)
        left = lines[head].index("Answer")
        items = lines[head + 1 : head + 1 + 7]
        numbered = [y for y, line in enumerate(items) if line[left:].lstrip()[:2] in NUMBERS]
        assert len(numbered) == 3, items
        text_at = items[numbered[0]].index("The Camp")  # literal: [b] stays as typed
        assert "[b]principles[/b]" in " ".join(items)
        for y, line in enumerate(items):
            if y in numbered or not line.strip() or y > numbered[-1] + 2:
                continue
            assert line[:text_at].strip() in ("", "│", "▌", "█", "▎", "▊"), (y, items)
            assert line[text_at] != " ", (y, items)  # the continuation, under the text


async def test_while_typing_u_is_a_letter_and_ctrl_z_undoes(tmp_path: Path) -> None:
    """The README and help promise undo while an answer box has focus: there ``u`` must
    stay a letter of the answer, and ctrl+z must still go back a card."""
    from textual.widgets import Input

    from studyapp.tui.screens.help import HelpDialog

    workspace, _ = make_workspace(tmp_path, UNDO_DECK, name="undo.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        first = study.card
        study.action_reveal()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        second = study.card
        assert second != first
        assert isinstance(app.focused, Input)
        await pilot.press("u")
        await pilot.pause()
        assert app.focused.value == "u"
        assert study.card == second
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert study.card == first
        help_rows = HelpDialog(study).rows()
        assert ("^z", "Undo: ctrl+z, or u when not typing an answer") in help_rows, help_rows


def test_a_wrong_pick_notes_the_pick_and_its_line_names_both() -> None:
    """A pick's note says what was picked, not the answer (marked ✓ in the list); the
    line after a wrong pick, a choice card having no answer line, names both."""
    from studyapp.core.quiz.answers.text import check_text
    from studyapp.tui.screens.study_verdict import choice_head, choice_verdict

    checked = check_text("Xi Jinping", "Donald Trump", rivals=["Xi Jinping"])
    verdict = choice_verdict(checked, "Xi Jinping", "Donald Trump")
    assert verdict.note == "you picked Xi Jinping"
    assert "Donald Trump" not in verdict.note
    assert verdict.reason == "You picked Xi Jinping · the answer is Donald Trump"
    assert choice_head(verdict) == "✗ You picked Xi Jinping · the answer is Donald Trump"
    right = check_text("Donald Trump", "Donald Trump")
    assert choice_head(choice_verdict(right, "Donald Trump", "Donald Trump")) == "✓ Correct"


ROMANISED_DECK = """\
id: roman
title: Romanised
entries:
  - id: elected-2022
    kind: qa
    prompt: Who was elected President of South Korea in 2022?
    answer: Yoon Suk Yeol
"""


async def test_another_spelling_of_a_name_shows_the_answer_once(tmp_path: Path) -> None:
    """The reason "another spelling of the name: it is written 'Yoon Suk Yeol' here" does
    not end "the answer is ...", so cutting it up left the answer on the verdict line
    as well as on the answer line. The note leaves it to the answer line."""
    workspace, _ = make_workspace(tmp_path, ROMANISED_DECK, name="roman.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        assert study.card is not None
        await pilot.press(*"Yun Sok Yol", "enter")
        await pilot.pause()
        assert study.verdict is not None and study.verdict.outcome is Outcome.CLOSE
        verdict = str(study.query_one("#card-verdict", Static).render()).splitlines()
        assert verdict[0] == "≈ Close · another spelling of the name"
        assert screen_text(app).count("Yoon Suk Yeol") == 1


TWELVE_DECK = """\
id: figures
title: Figures
entries:
  - id: members
    kind: figure
    measure: Member states of the group
    value: 12
"""


async def test_a_number_it_cannot_read_is_asked_again_without_giving_the_answer(
    tmp_path: Path,
) -> None:
    """Study showed the reason ("write it in digits, e.g. 12") for a figure of 12: the
    re-ask gave the answer away. It shows the note, whose example never is the answer."""
    workspace, _ = make_workspace(tmp_path, TWELVE_DECK, name="figures.yaml")
    app = StudyApp(workspace, seed=0)
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        study.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press(*"5x5", "enter")
        await pilot.pause()
        assert study.phase == "question"  # asked again, not graded
        assert notes and "e.g. 13" in notes[-1] and "12" not in notes[-1], notes


async def test_leaving_after_a_verdict_saves_the_attempt(tmp_path: Path) -> None:
    """An answer checked and judged but not graded yet is graded as suggested when the
    learner leaves (Escape): a wrong answer is never lost, nor dodged by leaving."""
    workspace, _ = make_workspace(tmp_path)
    store = workspace.store
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        assert study.card is not None and study.card.entry_id == "capital"
        await pilot.press(*"Tokyo", "enter")
        await pilot.pause()
        assert study.phase == "judged" and study.verdict is not None
        assert study.verdict.grade == Rating.AGAIN
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.get("small/capital/answer").reps == 1
        assert store.get("small/capital/answer").lapses == 0  # a first answer, Again
        assert any("saved, graded Again" in n.message for n in app._notifications)
        study = await _studying(pilot)
        await pilot.press("enter")  # an empty answer shows it: never graded, nothing to save
        await pilot.pause()
        shown = study.card
        assert shown is not None and study.phase == "revealed"
        reps = store.get(shown.id).reps
        await pilot.press("escape")
        await pilot.pause()
        assert store.get(shown.id).reps == reps


async def test_quitting_after_a_verdict_saves_the_attempt(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        await pilot.press(*"Seol", "enter")  # a typo: Hard suggested
        await pilot.pause()
        assert study.phase == "judged"
        await pilot.press("ctrl+q")
        await pilot.pause()
    reopened, _ = make_workspace(tmp_path)
    state = reopened.store.get("small/capital/answer")
    assert state.reps == 1 and state.phase is Phase.LEARNING


# ------------------------------------------------------- key bar (session 12)

SOURCED_DECK = """\
id: sourced
title: Sourced
entries:
  - id: first-call
    kind: choice
    prompt: Whom did President Lee call first on June 9, 2025?
    answer: Donald Trump
    distractors: [Ishiba Shigeru, Xi Jinping, Anthony Albanese]
    source: Lee made his introductory phone calls on June 9, first to Donald Trump.
  - id: capital
    kind: qa
    prompt: What is the capital of South Korea?
    answer: Seoul
  - id: moon
    kind: qa
    prompt: Who took office in 2017?
    answer: Moon Jae-in
    source: When fellow progressive Moon Jae-in took office in 2017 ...
"""


def _bar(app: StudyApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_source_is_offered_only_once_the_card_is_answered(tmp_path: Path) -> None:
    """`s Source` was in the key bar while asking, where `s` only said the source cannot
    be shown yet (it holds the answer): it is offered once answered, on a card that has
    a source, and `s` then opens it."""
    workspace, _ = make_workspace(tmp_path, SOURCED_DECK, name="sourced.yaml")
    app = StudyApp(workspace, seed=0)
    seen: dict[str, list[bool]] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        for _ in range(3):
            card = study.card
            assert card is not None and study.phase == "question"
            asking = "s Source" in _bar(app)
            assert study.check_action("toggle_source", ()) is False
            if card.kind == "choice":  # the field is parked: s is a key, not a letter
                await pilot.press("s")
                await pilot.pause()
                assert study.phase == "question" and not study.source_open
                await pilot.press(str(study.options.index(card.answer) + 1))
            else:
                await pilot.press("enter")  # shown
            await pilot.pause()
            assert study.phase in ("judged", "revealed")
            answered = "s Source" in _bar(app)
            seen[card.entry_id] = [asking, answered]
            if card.source and study.phase == "judged":  # right: the source is not open
                assert not study.source_open
                await pilot.press("s")
                await pilot.pause()
                assert study.source_open and card.source in screen_text(app)
            await pilot.press("3")
            await pilot.pause()
        assert seen == {
            "first-call": [False, True],
            "capital": [False, False],  # no source: never offered
            "moon": [False, True],
        }


async def test_undo_shows_one_key_while_typing_and_after_and_both_keys_undo(
    tmp_path: Path,
) -> None:
    """The bar said `^z Undo` while an answer was typed and `u Undo` after: one label
    now (ctrl+z undoes in both), and `u` still undoes once the field is parked."""
    workspace, _ = make_workspace(tmp_path, UNDO_DECK, name="undo.yaml")
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        study = await _studying(pilot)
        first = study.card
        study.action_reveal()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert study.card != first and not study._field.parked  # typing on q2
        labels = [_bar(app)]
        await pilot.press("enter")  # shown: the field is parked
        await pilot.pause()
        assert study._field.parked
        labels.append(_bar(app))
        for text in labels:
            assert " ^z Undo " in text and " u Undo " not in text, labels
        await pilot.press("u")  # the answer to the first card
        await pilot.pause()
        assert study.phase == "question" and study.card == first
        study.action_reveal()
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert study.card != first and study.phase == "revealed"  # q2, shown as it was
        await pilot.press("ctrl+z")  # the answer to the first card again
        await pilot.pause()
        assert study.card == first
