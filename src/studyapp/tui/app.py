"""The Textual app: owns the workspace (decks, progress, settings) and the screens."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from studyapp.core.base.gcpause import end_start_pause
from studyapp.core.store.errors import ProgressError
from studyapp.core.workspace import Workspace
from studyapp.tui.screens import home as home_screen
from studyapp.tui.screens.home import HomeScreen


class StudyApp(App[None]):
    """studyapp's terminal UI."""

    CSS_PATH = "app.tcss"
    TITLE = "studyapp"
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Keys of this screen"),
    ]

    FIRST_FRAME_SETTLE = 0.1
    """Seconds from Ready to the first frame surely being on the terminal. Ready comes
    a little before it (10-16 ms on a 2-core machine; 60-150 ms when the screens had
    Textual's Footer, whose first recompose held the frame back). Work that would slow
    the first frame waits this long."""

    def __init__(self, workspace: Workspace, *, seed: int | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.rng = random.Random(seed)
        """One seeded source of randomness for the whole app (tests pass a seed)."""
        self.started = False
        """Whether start-up is over: the first frame is out and the work that waited
        for it has begun (see _after_first_frame)."""
        self._told = 0
        """How many of the workspace's messages have been said."""
        self._quit_dialog: Screen[bool] | None = None
        """The question ctrl+q asked last (a second ctrl+q while it is open waits for it)."""
        self.failure: str | None = None
        """Why the app stopped at start (the progress could not be read), for the command
        to print once the terminal is back."""

    def on_mount(self) -> None:
        config = self.workspace.config
        if config.theme in self.available_themes:
            self.theme = config.theme
        if config.keys:
            self.set_keymap(config.keys)
        if self.workspace.read_only_reason:
            self.notify(
                self.workspace.read_only_reason,
                title="Read-only",
                severity="warning",
                timeout=12,
                markup=False,
            )
        # A small collection is read before home (which counts it for its first frame);
        # a big one just after that frame (see _count_home).
        small = self.workspace.card_count < home_screen.COUNT_AFTER_FIRST_FRAME
        if small and not self._read_progress():
            return
        self.push_screen(HomeScreen(self.workspace, self.rng))
        self._tell_messages()

    def _tell_messages(self) -> None:
        """Say what the workspace found that the learner should know, each once (opening
        it may add some after the first frame: see :meth:`_count_home`)."""
        messages = self.workspace.messages
        for message in messages[self._told :]:
            self.notify(message, severity="warning", timeout=12, markup=False)
        self._told = len(messages)

    def _read_progress(self) -> bool:
        """Make the cards and read the card states if start-up left them (see
        ``open_workspace(defer=True)``) and say what that found; False if the progress
        cannot be read (an unreadable file, say): the app then ends, and the command
        says why (:attr:`failure`)."""
        try:
            self.workspace.finish_opening()
        except (ProgressError, OSError) as error:
            self.failure = f"studyapp: {error}"
            self.exit(return_code=1)
            return False
        self._tell_messages()
        return True

    def on_ready(self) -> None:
        self.call_after_refresh(self._count_home)

    def _count_home(self) -> None:
        """The home screen's counts, once the first frame (its deck list) is out: on this
        thread, as the store is not thread-safe (a key pressed meanwhile waits for them).
        The cards and card states are made and read first if start-up left them for now
        (``open_workspace(defer=True)``), and what that found is said. The work for
        later waits for the frame that shows the counts: its threads would hold the
        frame back (reading a deck holds the interpreter's lock for tens of ms)."""
        if self.failure is not None or not self._read_progress():
            return
        home = self._home()
        if home is not None:
            home.count()
        self.set_timer(self.FIRST_FRAME_SETTLE, self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Start-up is over: collect garbage again (see gcpause), and let the home
        screen start its work for later (reading the decks, counting the streak)."""
        end_start_pause()
        home = self._home()
        if home is not None:
            home.count()  # (counted already, unless the first frame came very late)
            home.after_first_frame()
        self.started = True

    def on_unmount(self) -> None:
        self.workspace.close()

    async def action_quit(self) -> None:
        """Quit (ctrl+q), after grading an answer checked on a study screen but not yet
        graded, as leaving that screen does: quitting never loses an attempt. A screen
        whose work quitting would end (a quiz being sat, settings not saved) asks first,
        as its own Escape does, and saying yes keeps what can be kept (the quiz's answers
        are scored and saved)."""
        for screen in self.screen_stack:
            settle = getattr(screen, "settle", None)
            if callable(settle):
                settle()
        if self._quit_dialog is not None and self.screen is self._quit_dialog:
            return  # asked already: y or n
        for screen in reversed(self.screen_stack):
            ask = getattr(screen, "quit_question", None)
            question = ask() if callable(ask) else None
            if question is not None:
                self._ask_before_quitting(screen, question)
                return
        self.exit()

    def _ask_before_quitting(self, screen: Screen[object], question: tuple[str, str, str]) -> None:
        from studyapp.tui.widgets.confirm import ConfirmDialog  # only when asked

        title, text, yes = question
        confirmed = getattr(screen, "quit_confirmed", None)

        def decided(quit_now: bool | None) -> None:
            if quit_now:
                if callable(confirmed):
                    confirmed()
                self.exit()

        self._quit_dialog = ConfirmDialog(title, text, yes=yes)
        self.push_screen(self._quit_dialog, decided)

    def action_help(self) -> None:
        from studyapp.tui.screens.help import HelpDialog  # on first use: not needed at start

        if isinstance(self.screen, HelpDialog):
            self.screen.dismiss()
            return
        self.push_screen(HelpDialog(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own "Keys" (its key panel) beside our Help ("Keys of the current
        # screen") was two commands for one thing, the second listing Textual's names.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        home = self._home()
        if home is None:
            return
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (
                "Study the highlighted deck",
                "Due, learning and new cards",
                home.action_study_selected,
            ),
            ("Study all decks", "Every deck's due cards together", home.action_study_all),
            ("Quiz or exam", "Take a bundled exam or a quick quiz", home.action_quiz),
            ("Browse cards", "Search cards; suspend, unsuspend, reset", home.action_browse),
            ("Statistics", "Retention, reviews, forecast, calendar", home.action_stats),
            ("Settings", "Retention, daily limits, day rollover, theme", home.action_settings),
            (
                "Exam readiness",
                "Predicted score on exam day, a plan, the weakest cards",
                home.action_readiness,
            ),
            ("Set an exam date", "Give an exam (or a deck) its date", home.action_exam_date),
            (
                "Review a draft",
                "Accept, edit or drop the highlighted deck's entries marked review: true",
                functools.partial(self._review_draft, home),
            ),
            ("Reload decks", "Read deck files again after editing them", home.action_refresh),
            (
                "Import an Anki package",
                "Decks, review history and FSRS presets from an .apkg or .colpkg",
                functools.partial(self._import_anki, home),
            ),
            ("Home", "Back to the deck list", self._go_home),
            ("Help", "Keys of the current screen", self.action_help),
        ]
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)

    def _import_anki(self, home: HomeScreen) -> None:
        from studyapp.tui.screens.anki_import import open_anki_import  # on first use

        open_anki_import(self, self.workspace, home.action_refresh)

    def _review_draft(self, home: HomeScreen) -> None:
        from studyapp.tui.screens.draft_review import review_deck  # on first use

        review_deck(self, self.workspace, home.selected_deck(), home.action_refresh)

    def _home(self) -> HomeScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                return screen
        return None

    def _go_home(self) -> None:
        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
