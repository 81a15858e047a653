"""A scrolling page that stays at its end while its sections fill in above.

The stats page draws its sections as their workers finish: the workload forecast, the
last, turns "Forecasting the workload…" (one line) into a chart or a two-line reason
some seconds after the page opens. A learner who had pressed End (or paged down to the
bottom) by then was left one row short of the last line, and End or PgDn, already at
the old end, did nothing about it. This page notes whether the reader's last scroll
was to its end and, if so, follows the end when the content grows or rewraps.
"""

from __future__ import annotations

from textual.containers import VerticalScroll

__all__ = ["PageScroll"]


class PageScroll(VerticalScroll):
    """A :class:`VerticalScroll` that keeps the reader at its end; see the module."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.at_end = False
        """Whether the reader's last scroll was to the end (or on its way there: End
        animates). False until the page is long enough to scroll, so it opens at the
        top while its sections fill in."""

    def watch_scroll_target_y(self, target: float) -> None:
        self.at_end = self.max_scroll_y > 0 and target >= self.max_scroll_y

    def watch_virtual_size(self) -> None:
        if self.at_end:
            self.call_after_refresh(self._follow_end)

    def _follow_end(self) -> None:
        """Jump to the new end (no animation: the reader is already at the end)."""
        if self.at_end and self.scroll_y < self.max_scroll_y:
            self.scroll_end(animate=False, immediate=True)
