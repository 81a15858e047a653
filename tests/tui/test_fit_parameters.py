"""Fitting FSRS parameters from Settings, by keys: fit -> compare -> adopt -> undo, and a
cancelled fit that leaves the stored parameters as they were.

The progress folder holds a few hundred answers of the synthetic learner
(``tests/core/tuning/synthetic.py``, seeded), written as the history file, as
``tests/cli/test_optimize.py`` builds it; the clock is fixed just after them.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from studyapp.core.base.clock import ManualClock
from studyapp.core.base.paths import config_dir
from studyapp.core.config import config_path, load_config
from studyapp.core.tuning import model
from studyapp.core.tuning.model import DEFAULT_PARAMETERS
from studyapp.core.tuning.presets import Preset
from studyapp.core.workspace import open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.fit_parameters import FitParametersScreen
from studyapp.tui.screens.settings import SettingsScreen
from tests.core.tuning.synthetic import START, SyntheticLearner, deck_yaml, write_history
from tests.tui.conftest import screen_text

DAYS = 40


def learner_app(root: Path, *, days: int = DAYS, new_per_day: int = 4) -> StudyApp:
    """An app over a synthetic deck and ~700 answers of its learner (seeded)."""
    learner = SyntheticLearner(seed=3, new_per_day=new_per_day)
    reviews = learner.days(0, days)
    decks = root / "decks"
    decks.mkdir()
    (decks / "synth.yaml").write_text(deck_yaml("synth", learner.made), encoding="utf-8")
    write_history(root / "progress", reviews)
    clock = ManualClock(START + timedelta(days=days, hours=10))
    workspace = open_workspace(
        [str(decks)], progress=root / "progress", clock=clock, use_cache=False
    )
    return StudyApp(workspace, seed=0)


async def open_fit(app: StudyApp, pilot: Pilot[Any]) -> FitParametersScreen:
    """Settings, then ctrl+f: the fit screen for the preset chosen (global)."""
    await app.push_screen(SettingsScreen(app.workspace))
    await pilot.pause()
    await pilot.press("ctrl+f")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, FitParametersScreen)
    return screen


def stored() -> tuple[float, ...] | None:
    return load_config(config_dir()).config.study.scheduler.parameters


async def test_fit_compare_adopt_undo_and_forward_again(tmp_path: Path) -> None:
    app = learner_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_fit(app, pilot)
        assert screen.preset == Preset()
        await app.workers.wait_for_complete()
        await pilot.pause()
        report = screen.report
        assert report is not None and report.better and report.parameters is not None
        text = screen_text(app)
        for words in ("defaults", "fitted", "log loss", "RMSE(bins)", "AUC", "reviews scored"):
            assert words in text, words
        assert "Press a to adopt" in text
        assert not config_path(config_dir()).exists()  # nothing stored before adopting

        await pilot.press("a")
        await pilot.pause()
        assert stored() == report.parameters  # on disk, and in the running app
        assert app.workspace.config.study.scheduler.parameters == report.parameters
        assert load_config(config_dir()).config.previous_parameters == {"global": None}
        assert "Adopted" in screen_text(app)
        assert not screen.check_action("adopt", ())  # once is enough

        await pilot.press("u")  # back to the defaults
        await pilot.pause()
        assert stored() is None
        assert Preset().in_use(app.workspace.config.study) == DEFAULT_PARAMETERS
        assert "Press a to adopt" in screen_text(app)

        await pilot.press("u")  # undo again comes forward
        await pilot.pause()
        assert stored() == report.parameters and screen.adopted

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_escape_cancels_the_fit_and_leaves_the_parameters_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = learner_app(tmp_path)
    inside, release = threading.Event(), threading.Event()
    calls: list[int] = []
    real = model.fit_items

    def held(*args: Any, **kw: Any) -> tuple[float, ...]:
        """The first fit waits for the test: the fit is mid-way when Escape comes."""
        calls.append(1)
        inside.set()
        release.wait(10)
        return real(*args, **kw)

    monkeypatch.setattr(model, "fit_items", held)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_fit(app, pilot)
        while not inside.is_set():
            await pilot.pause(0.02)
        assert screen.running and "Step 2 of" in screen_text(app)  # the bar and its stage
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # back at once
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(calls) == 1  # it stopped at the next step
        assert screen.report is None
    assert not config_path(config_dir()).exists()
    assert app.workspace.config.study.scheduler.parameters is None


async def test_too_few_reviews_are_said_plainly(tmp_path: Path) -> None:
    app = learner_app(tmp_path, days=2, new_per_day=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_fit(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Too few reviews to fit" in text and "fsrs-rs needs at least 8" in text
        assert screen.report is not None and not screen.check_action("adopt", ())
        assert screen.report.retention is not None  # a new learner is told it is not theirs
        assert "simulated with the default parameters" in " ".join(text.split())
        await pilot.press("a")  # not offered: nothing happens
        await pilot.pause()
        assert not config_path(config_dir()).exists()


def test_fit_result_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    """At 100x30: the comparison, the offer to adopt and the suggested retention."""
    app = learner_app(tmp_path)

    async def run_before(pilot: Pilot[Any]) -> None:
        await open_fit(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


async def test_a_deck_chosen_in_settings_gets_its_own_set(tmp_path: Path) -> None:
    app = learner_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        settings = SettingsScreen(app.workspace)
        await app.push_screen(settings)
        await pilot.pause()
        settings.query_one("#set-preset").focus()
        await pilot.press("enter", "down", "enter")  # the deck, below "Global preset"
        await pilot.pause()
        assert settings.selected_preset() == Preset("synth")
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FitParametersScreen) and screen.preset == Preset("synth")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "deck Synthetic synth" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
    config = load_config(config_dir()).config
    assert screen.report is not None
    assert config.study.for_deck("synth").scheduler.parameters == screen.report.parameters
    assert config.study.scheduler.parameters is None  # the global set is left alone
    assert config.previous_parameters == {"deck:synth": None}
