"""The key bar: the screen's keys as the Footer showed them; a click presses a key."""

from __future__ import annotations

from pathlib import Path

from msgspec import structs
from textual.app import App, ComposeResult
from textual.binding import Binding

from studyapp.core.base.paths import config_dir
from studyapp.core.config import load_config, save_config
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.help import HelpDialog
from studyapp.tui.screens.study import StudyScreen
from studyapp.tui.widgets.keybar import KeyBar
from tests.tui.builders import make_workspace, wait_started


class _Keys(App[None]):
    BINDINGS = [
        Binding("a", "one", "One"),
        Binding("b", "one", "One again"),  # same action: only the first key is shown
        Binding("c", "hidden", "Hidden", show=False),
        Binding("d", "off", "Off"),  # disabled: shown dimmed, a click rings the bell
        Binding("ctrl+e", "two", "Two"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.done: list[str] = []
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "off" else True

    def action_one(self) -> None:
        self.done.append("one")

    def action_two(self) -> None:
        self.done.append("two")

    def action_off(self) -> None:
        self.done.append("off")

    def bell(self) -> None:
        self.bells += 1


async def test_shown_keys_one_per_action_and_the_palette_at_the_right() -> None:
    app = _Keys()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        text = str(bar.render())
        assert text.startswith(" a One  d Off  ^e Two ")
        assert "One again" not in text and "Hidden" not in text
        assert text.endswith("▏^p palette ") and len(text) == 80
        off = next(span for span in bar.render().spans if "dim" in str(span.style))
        assert text[off.start : off.end].strip() in ("d", "Off", "d Off")

        await pilot.click(KeyBar, offset=(2, 0))  # " a One "
        await pilot.click(KeyBar, offset=(16, 0))  # " ^e Two "
        await pilot.click(KeyBar, offset=(9, 0))  # " d Off ": disabled
        await pilot.pause()
        assert app.done == ["one", "two"] and app.bells == 1


def bar_text(app: App[object]) -> str:
    """The key bar of the current screen, as drawn."""
    return str(app.screen.query_one(KeyBar).render())


async def test_a_click_on_a_key_does_what_the_key_does(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        text = bar_text(app)
        assert text.startswith(" s Study  a Study all  q Quiz ")
        await pilot.click(KeyBar, offset=(text.index("Study all"), 0))
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert "esc Home" in bar_text(app)


async def test_a_remapped_key_is_the_key_shown(tmp_path: Path) -> None:
    saved = load_config(config_dir()).config
    save_config(config_dir(), structs.replace(saved, keys={"home.study_all": "A"}))
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        text = bar_text(app)
        assert " A Study all " in text and " a Study all " not in text


async def test_keys_lose_their_padding_before_any_is_left_out(tmp_path: Path) -> None:
    """At 80 columns every key of home fits once compact; at 40 some are left out."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_started(pilot)
        text = bar_text(app)
        assert text.startswith(" s Study a Study all q Quiz b Browse t Stats , Settings ? Help")
        assert text.endswith("▏^p palette ") and len(text) == 80
        await pilot.click(KeyBar, offset=(text.index("? Help"), 0))  # spans follow the layout
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
    narrow = StudyApp(workspace, seed=0)
    async with narrow.run_test(size=(40, 24)) as pilot:
        await wait_started(pilot)
        text = bar_text(narrow)
        assert text.startswith(" s Study a Study all") and "Settings" not in text
        assert text.endswith("▏^p palette ") and len(text) == 40


class _Crowded(App[None]):
    """More keys than fit in 50 columns; escape and help come last."""

    BINDINGS = [
        Binding("a", "noop", "Alpha"),
        Binding("b", "noop('b')", "Bravo"),
        Binding("c", "noop('c')", "Charlie", id="crowded.charlie"),
        Binding("d", "noop('d')", "Delta"),
        Binding("e", "noop('e')", "Echo"),
        Binding("escape", "noop('esc')", "Home"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, keep: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.keep = keep

    def compose(self) -> ComposeResult:
        yield KeyBar(keep=self.keep)

    def action_noop(self, name: str = "a") -> None:
        pass


async def test_escape_and_help_stay_when_keys_are_left_out() -> None:
    """Less important keys go first, from the end: the way out and help stay."""
    app = _Crowded()
    async with app.run_test(size=(50, 3)) as pilot:
        await pilot.pause()
        text = str(app.query_one(KeyBar).render())
        assert text.startswith(" a Alpha b Bravo esc Home ? Help ")
        assert "Charlie" not in text and "Echo" not in text  # the last of the others first
        assert len(text) == 50
    kept = _Crowded(keep=("crowded.charlie",))
    async with kept.run_test(size=(50, 3)) as pilot:
        await pilot.pause()
        text = str(kept.query_one(KeyBar).render())
        assert "c Charlie" in text and "esc Home" in text and "? Help" in text
        assert "Bravo" not in text


async def test_home_keeps_help_at_60_columns(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_started(pilot)
        text = bar_text(app)
        assert text.startswith(" s Study a Study all") and "? Help" in text
        assert len(text) == 60
