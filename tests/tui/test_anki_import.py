"""The Anki import dialog, by keys: a path checked as typed, the import in a worker with
its progress, the summary, then the home screen's decks reloaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from studyapp.core.base.paths import config_dir
from studyapp.core.config import load_config
from studyapp.tui.screens.anki_import import AnkiImportDialog, open_anki_import, package_problem
from studyapp.tui.screens.home import HomeScreen
from tests.core.authoring.anki.packages import changed_package, zip_package
from tests.core.authoring.anki.test_presets import WEIGHTS, reviewed
from tests.tui.builders import wait_started
from tests.tui.conftest import TuiEnv, screen_text


async def open_dialog(env_app: Any, pilot: Pilot[Any]) -> AnkiImportDialog:
    await wait_started(pilot)
    home = env_app.screen
    assert isinstance(home, HomeScreen)
    open_anki_import(env_app, env_app.workspace, home.action_refresh)
    await pilot.pause()
    dialog = env_app.screen
    assert isinstance(dialog, AnkiImportDialog)
    return dialog


async def type_path(pilot: Pilot[Any], dialog: AnkiImportDialog, path: str) -> None:
    dialog.query_one("#anki-import-path", Input).value = path
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await dialog.workers.wait_for_complete()
    await pilot.pause()


def error_of(dialog: AnkiImportDialog) -> str:
    return str(dialog.query_one("#anki-import-error", Static).render())


def test_package_problem_says_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert package_problem("  ") == "Type the path of an .apkg or .colpkg file."
    assert package_problem(str(tmp_path / "none.apkg")).startswith("No such file")
    assert package_problem(str(tmp_path)).startswith("Not a file")
    assert package_problem(str(tmp_path / "notes.txt")).startswith("Not an Anki package")
    zipped = zip_package(tmp_path / "deck.zip", {"x": b"y"})
    assert package_problem(str(zipped)) is None  # a zip: the import says what is inside


async def test_import_shows_the_summary_and_reloads_decks(tui_env: TuiEnv) -> None:
    package = changed_package(tui_env.root, reviewed(WEIGHTS), "words.apkg")
    app = tui_env.app()
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_dialog(app, pilot)
        target = str(dialog.query_one("#anki-import-target", Static).render())
        assert "Deck files go to" in target
        await type_path(pilot, dialog, str(package))
        assert "review history:" in screen_text(app)  # the summary is on screen
        text = str(dialog.query_one("#anki-import-lines", Static).render())
        assert "words.yaml: 2 entries from Anki deck “Small deck”" in text
        assert "review history: 4 answer(s) imported for 1 card(s)" in text
        assert "deck words: Anki's FSRS parameters kept as its preset" in text
        assert (tui_env.deck_dir / "words.yaml").exists()
        await pilot.press("enter")  # closes: the home screen reads the decks again
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        ws = app.workspace
        assert ws.decks.find("words") is not None
        assert any(card.deck_id == "words" for card in ws.cards)
        answered = [s for c, s in ws.store.states.items() if c.startswith("words/")]
        assert (len(answered) == 1 and answered[0].reps == 0) or answered[0].stability
        assert sum(1 for r in ws.store.history() if r.card_id.startswith("words/")) == 4
    config = load_config(config_dir()).config
    assert config.study.for_deck("words").scheduler.parameters == tuple(WEIGHTS)


async def test_a_bad_path_or_package_keeps_the_dialog_open(tui_env: TuiEnv) -> None:
    junk = zip_package(tui_env.root / "junk.apkg", {"hello.txt": b"not anki"})
    app = tui_env.app()
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_dialog(app, pilot)
        await type_path(pilot, dialog, str(tui_env.root / "missing.apkg"))
        assert error_of(dialog).startswith("No such file")
        await type_path(pilot, dialog, str(junk))
        assert app.screen is dialog and "junk.apkg" in error_of(dialog)
        assert not (tui_env.deck_dir / "junk.yaml").exists()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.workspace.decks.find("junk") is None


async def test_an_existing_deck_file_is_updated_only_when_asked(tui_env: TuiEnv) -> None:
    package = changed_package(tui_env.root, reviewed([]), "geo.apkg")  # geo.yaml exists
    app = tui_env.app()
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_dialog(app, pilot)
        await type_path(pilot, dialog, str(package))
        assert "Already exists: geo.yaml" in error_of(dialog)
        await pilot.click("#anki-import-force")
        dialog.query_one("#anki-import-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        await dialog.workers.wait_for_complete()
        await pilot.pause()
        text = str(dialog.query_one("#anki-import-lines", Static).render())
        assert "geo.yaml: 2 entries from Anki deck" in text


SIZES = [(100, 30), (80, 24)]


async def open_fixed(pilot: Pilot[Any]) -> None:
    """The dialog over home, its deck folder a fixed path (shown on screen)."""
    app = pilot.app
    await wait_started(pilot)
    dialog = AnkiImportDialog(app.workspace)  # type: ignore[attr-defined]
    dialog.folder = Path("/home/learner/decks")
    await app.push_screen(dialog)
    await pilot.pause()
    dialog._show_target("")
    await pilot.pause()


async def open_with_error(pilot: Pilot[Any]) -> None:
    await open_fixed(pilot)
    await pilot.press(*"/nowhere/deck.apkg", "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_dialog(snap_compare: Any, tui_env: TuiEnv, size: tuple[int, int]) -> None:
    assert snap_compare(tui_env.app(), terminal_size=size, run_before=open_fixed)


def test_dialog_with_an_error(snap_compare: Any, tui_env: TuiEnv) -> None:
    assert snap_compare(tui_env.app(), terminal_size=(100, 30), run_before=open_with_error)
