"""The study screen's grade bar: four buttons, each with the interval it would give.

Every button always shows its interval (the number a learner grades by). The
buttons share the bar's width equally (``1fr``), so a new card's labels never
change the layout (a relayout would repaint the whole screen between two cards);
instead the labels are chosen to fit the width the buttons have, from the fullest
("▶ 3 Good · 10m") down to the key and the interval alone ("3 · 10m"). The
suggested grade is the ``primary`` button, and carries ``▶`` while it fits.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from studyapp.core.store.state import Rating
from studyapp.tui import format as fmt

GRADES = (
    (Rating.AGAIN, "Again"),
    (Rating.HARD, "Hard"),
    (Rating.GOOD, "Good"),
    (Rating.EASY, "Easy"),
)


def _label(rating: Rating, name: str, after: str, marked: bool, level: int) -> str:
    """One button's label at one level of detail (0: fullest); the interval always last."""
    key = str(int(rating))
    mark = ("▶ " if level == 0 else "▶") if marked and level in (0, 1, 4) else ""
    if level <= 2:
        spaced = f"{mark}{key} {name}"
        return f"{spaced} · {after}" if after else spaced
    if level == 3:
        return f"{key} {name} {after}".rstrip()
    return f"{mark}{key} · {after}" if after else f"{mark}{key}"


LEVELS = 5


def grade_labels(
    previews: Mapping[Rating, timedelta], suggested: Rating | None, width: int
) -> dict[Rating, str]:
    """The four labels, as full as fits ``width`` cells per button (all at one level;
    the last, key and interval, whatever the width)."""
    after = {r: fmt.interval(previews[r]) if r in previews else "" for r, _ in GRADES}
    levels = [
        {r: _label(r, name, after[r], r == suggested, level) for r, name in GRADES}
        for level in range(LEVELS)
    ]
    for labels in levels:
        if max(map(cell_len, labels.values())) <= width:
            return labels
    return levels[-1]


class GradeBar(Horizontal):
    """Four grade buttons, each with the interval it would give ("3 Good · 3d").

    Hidden with ``visibility`` rather than ``display``: it keeps its row, so the
    card above keeps its size from question to answer (a resized card is
    laid out and redrawn whole).
    """

    def compose(self) -> ComposeResult:
        self._shown: tuple[Mapping[Rating, timedelta], Rating | None] = ({}, None)
        self._buttons = {
            rating: Button(f"{int(rating)} {name}", id=f"grade-{int(rating)}", compact=True)
            for rating, name in GRADES
        }
        for button in self._buttons.values():
            button.styles.line_pad = 0  # the label is centred in its share (CSS takes no 0)
        yield from self._buttons.values()

    def show(self, previews: Mapping[Rating, timedelta], suggested: Rating | None) -> None:
        self._shown = (dict(previews), suggested)
        self._relabel()
        for rating, button in self._buttons.items():
            button.variant = "primary" if rating == suggested else "default"
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def labels(self) -> dict[Rating, str]:
        """What each button says now (for tests)."""
        return {rating: str(button.label) for rating, button in self._buttons.items()}

    def _button_width(self) -> int:
        """The cells a label has (every button has the same share of the bar)."""
        widths = [button.content_region.width for button in self._buttons.values()]
        return min(widths) if all(widths) else 1_000  # before the first layout: full

    def _relabel(self) -> None:
        previews, suggested = self._shown
        labels = grade_labels(previews, suggested, self._button_width())
        for rating, button in self._buttons.items():
            button.label = labels[rating]

    def on_resize(self, event: events.Resize) -> None:
        """A new width may fit fuller labels, or need shorter ones."""
        self.call_after_refresh(self._relabel)
