"""A card that may not fit a short terminal: it scrolls, and its bottom border says so.

A scrollbar alone went unnoticed at 60x20 (the answer field and the verdict were below
the window), so the border says whether there is more above or below and with which
keys ("↓ more: PgDn"). The screen that owns the card knows what must be in view at each
moment (the answer field while asking, the verdict once answered): its ``placer``
scrolls the card there, and runs again whenever the card's content or window changes
size (a scrollbar appearing rewraps the text, too). The study card and the quiz's
question card are both one.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import VerticalScroll

__all__ = ["SHORT_BELOW", "CardScroll", "scroll_hint", "window_top"]

SHORT_BELOW = 26
"""Terminal heights below this get a card screen's short layout (no blank rows around
the card): at 60x20 and 80x24 the margins left less room than a long prompt and its
answer field need. The study and quiz screens both break here."""


class CardScroll(VerticalScroll):
    """A scrolling card with a border hint; see the module docstring."""

    pages = True
    """PgUp/PgDn scroll the card (else the hint names the arrows: the screen has them)."""

    def __init__(self, *, id: str, placer: Callable[[], None]) -> None:
        super().__init__(id=id)
        self._hint = ""
        self._placer = placer

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.update_hint()

    def watch_virtual_size(self) -> None:
        self.call_after_refresh(self._placer)

    def on_resize(self) -> None:
        self.call_after_refresh(self._placer)

    def update_hint(self) -> None:
        """Say on the bottom border whether there is more above or below the window, and
        which keys scroll to it."""
        y = round(self.scroll_y)
        shown = [child for child in self.children if child.display]
        blank = shown[-1].styles.margin.bottom if shown else 0  # no more to read there
        hint = scroll_hint(y > 0, y < self.max_scroll_y - blank, pages=self.pages)
        if hint != self._hint:
            self._hint = hint
            self.border_subtitle = hint


def scroll_hint(above: bool, below: bool, *, pages: bool) -> str:
    """``↓ more: PgDn`` and the like; with the arrows when PgUp/PgDn are the screen's."""
    up, down = ("PgUp", "PgDn") if pages else ("Up", "Down")
    if above and below:
        return f"↑↓ more: {up} {down}"
    if below:
        return f"↓ more: {down}"
    if above:
        return f"↑ more above: {up}"
    return ""


def window_top(height: int, top: int, bottom: int, *, opens_at_top: bool) -> int:
    """Where a card's window of ``height`` rows starts so that its rows ``top`` to
    ``bottom`` (what must be seen) are in view, from the card's first row if they fit.

    Else, asking (``opens_at_top`` false), as little is scrolled away as shows them, the
    prompt above kept as far as it goes; ``top`` wins when they cannot all fit. An
    answer's result (``opens_at_top``) opens at its first line (the verdict): scrolled
    only as far as its end, a 5-item order card's result opened mid-way down the card at
    80x24, its first rows the options already answered.
    """
    if height <= 0 or bottom <= height:
        return 0
    return top if opens_at_top else min(bottom - height, top)
