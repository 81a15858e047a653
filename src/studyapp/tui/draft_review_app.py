"""A small app for ``studyapp extract --review DRAFT``: the review screen on its own.

Reviewing a draft needs no progress folder, no deck search and no home screen,
so it does not open a workspace (nor take the progress lock): it reads only
the theme and key bindings of the settings file, and quits when the author
leaves the review.
"""

from __future__ import annotations

from textual.app import App

from studyapp.core.authoring.review.session import ReviewSession
from studyapp.tui.screens.draft_review import DraftReviewScreen


class DraftReviewApp(App[None]):
    """The review of one draft; the session holds what the author did."""

    TITLE = "studyapp"
    CSS = """
    ToastRack { dock: top; align: right top; margin: 1 0 0 0; }
    Toast { padding: 0 1; margin: 0 0 1 0; max-width: 45%; }
    """

    def __init__(self, session: ReviewSession, *, theme: str | None = None) -> None:
        super().__init__()
        self.session = session
        self._theme_name = theme
        self._keys: dict[str, str] = {}
        if theme is None:
            self._theme_name, self._keys = _settings()

    def on_mount(self) -> None:
        if self._theme_name in self.available_themes:
            self.theme = self._theme_name
        if self._keys:
            self.set_keymap(self._keys)
        self.push_screen(DraftReviewScreen(self.session), lambda _: self.exit())


def _settings() -> tuple[str | None, dict[str, str]]:
    """The learner's theme and key bindings; the defaults if the file cannot be read (it
    is never moved aside from here: the app is the one that repairs it)."""
    from studyapp.core.base.paths import config_dir
    from studyapp.core.config import config_from_data, config_path, read_settings_data

    path = config_path(config_dir())
    try:
        data = read_settings_data(path.read_bytes())
        config, _messages = config_from_data(data, path)
    except (OSError, ValueError):
        return None, {}
    return config.theme, dict(config.keys)
