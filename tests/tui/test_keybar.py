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
from studyapp.tui.widgets.keybar import KeyBar, fit_keys, wrap_keys
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
    """At 80 columns every key of home fits once compact, on two rows (the palette's key
    at the right of the second); at 40 some are left out."""
    workspace, _ = make_workspace(tmp_path)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_started(pilot)
        first, second = bar_text(app).split("\n")
        assert first.startswith(" s Study a Study all q Quiz b Browse t Stats , Settings ")
        assert first.rstrip().endswith("e Readiness ? Help") and len(first) == 80
        assert second.endswith("▏^p palette ") and len(second) == 80
        await pilot.click(KeyBar, offset=(first.index("? Help"), 0))  # spans follow the layout
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
    narrow = StudyApp(workspace, seed=0)
    async with narrow.run_test(size=(40, 24)) as pilot:
        await wait_started(pilot)
        lines = bar_text(narrow).split("\n")
        assert lines[0].startswith(" s Study a Study all") and "Settings" in lines[1]
        assert lines[-1].endswith("▏^p palette ") and all(len(line) == 40 for line in lines)


async def test_every_key_home_shows_is_in_its_bar_at_80_columns(tmp_path: Path) -> None:
    """A learner's walk-through at 80x24 never met ``e Readiness``: the one-row bar left
    it out. Each key home shows in its bar at 100 columns is there at 80 and 60, and a
    click on the second row presses the key drawn there."""
    workspace, _ = make_workspace(tmp_path)
    wide = StudyApp(workspace, seed=0)
    async with wide.run_test(size=(100, 30)) as pilot:
        await wait_started(pilot)
        home = wide.screen
        shown = [
            (wide.get_key_display(active.binding), active.binding.description)
            for active in home.active_bindings.values()
            if active.binding.show and active.node is home
        ]
        assert ("e", "Readiness") in shown and len(shown) == 7  # (help is the app's)
        assert bar_text(wide).count("\n") == 0  # one row where the keys fit on one
    for width, height in ((80, 24), (60, 20)):
        app = StudyApp(workspace, seed=0)
        async with app.run_test(size=(width, height)) as pilot:
            await wait_started(pilot)
            text = bar_text(app)
            for key, description in shown:
                assert f"{key} {description} " in text, (width, key, text)
            bar = app.screen.query_one(KeyBar)
            assert bar.size.height == 2 == text.count("\n") + 1
            second = text.split("\n")[1]
            if "e Readiness" in second:  # (at 60 columns)
                await pilot.click(KeyBar, offset=(second.index("e Readiness"), 1))
                await pilot.pause()
                assert type(app.screen).__name__ in ("ReadinessScreen", "ExamPickDialog")


def test_wrap_keys_fills_a_row_then_the_next_and_leaves_out_the_least_important() -> None:
    widths = [5, 5, 5, 5]
    assert wrap_keys(widths, [False] * 4, [20]) == [[0, 1, 2, 3]]
    assert wrap_keys(widths, [False] * 4, [12, 12]) == [[0, 1], [2, 3]]
    assert wrap_keys(widths, [False] * 4, [12, 6]) == [[0, 1], [2]]  # the last left out
    assert wrap_keys(widths, [False, False, True, False], [12, 6]) == [[0, 1], [2]]
    assert wrap_keys(widths, [False, False, False, True], [12, 6]) == [[0, 1], [3]]
    assert wrap_keys([30], [True], [10, 10]) == [[], []]  # too wide anywhere
    assert fit_keys(widths, [False, True, False, False], 10) == [0, 1]


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
        assert all(len(line) == 60 for line in text.split("\n"))


async def test_a_one_row_bar_with_more_keys_than_fit_leaves_them_out() -> None:
    """Rows are a screen's choice: the other screens keep their one row (the study card
    needs every row of 80x24), and leave keys out as before."""
    app = _Crowded()
    async with app.run_test(size=(30, 3)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        assert bar.size.height == 1 and "\n" not in str(bar.render())


class _TwoRows(_Crowded):
    def compose(self) -> ComposeResult:
        yield KeyBar(keep=self.keep, rows=2)


async def test_a_two_row_bar_wraps_before_it_leaves_keys_out() -> None:
    app = _TwoRows()
    async with app.run_test(size=(50, 4)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        text = str(bar.render())
        for name in ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "esc Home", "? Help"):
            assert name in text, text
        assert bar.size.height == 2
    narrow = _TwoRows()
    async with narrow.run_test(size=(24, 4)) as pilot:
        await pilot.pause()
        text = str(narrow.query_one(KeyBar).render())
        assert "esc Home" in text and "? Help" in text and "Echo" not in text, text
