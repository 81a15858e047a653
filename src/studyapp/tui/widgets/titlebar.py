"""The line at the top of every screen: the app's title and the screen's.

It shows what Textual's ``Header`` shows (``App.format_title`` of the screen's
title and sub-title, falling back to the app's), in one widget. ``Header`` is
four (icon, title, clock space) with their own CSS to parse and apply, about
20 ms of the first frame (``benchmarks/startup.py``) for an icon and a space.
A click anywhere on the bar opens the command palette, as the Header's icon does.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Static


class TitleBar(Static):
    """One line, docked at the top: ``studyapp — Home``, the sub-title dimmed."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        content-align: center middle;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self) -> None:
        super().__init__(markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._show_title)
        self.watch(self.app, "sub_title", self._show_title)
        self.watch(self.screen, "title", self._show_title)
        self.watch(self.screen, "sub_title", self._show_title)

    def _show_title(self) -> None:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        self.update(app.format_title(title, sub_title))

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        if self.app.ENABLE_COMMAND_PALETTE:
            await self.run_action("app.command_palette")
