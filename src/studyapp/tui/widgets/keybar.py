"""The line at the bottom of every screen: the keys that matter here, and what they do.

It shows what Textual's ``Footer`` shows (the screen's active bindings with
``show=True``, one key per action, dimmed when the action is disabled, the
command palette's key on the right) and acts the same way (a click on a key
presses it). ``Footer`` builds a widget per key and recomposes them whenever
the bindings change; on the first frame that cost ~45 ms against one line of
text (``benchmarks/startup.py``'s reference app with either, 15 rounds). Here
the line is drawn from the bindings on each refresh: one widget, no recompose.

When the keys do not fit, they first lose their padding; a bar given ``rows=2``
then goes on to a second row (home: at 80 columns ``e Readiness`` was left out);
only then are the least important left out, from the end of the line: the keys
that get a learner out of the screen (escape) and to help (``?``/F1) stay to the
last, with any binding ids a screen names in ``KeyBar(keep=...)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

PALETTE_EDGE = "▏"
"""Between the keys and the command palette's key, as the Footer draws it."""


class _Shown(NamedTuple):
    """A key to show: as pressed, as displayed, what it does."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    essential: bool
    """Kept when keys must be left out: the way out, help, and the screen's ``keep``."""


ESSENTIAL_KEYS = frozenset({"escape"})
"""Keys always kept in the bar: the way out of a screen."""
ESSENTIAL_ACTIONS = frozenset({"help", "app.help"})
"""Actions always kept in the bar: help, which lists every other key."""


class _Key(NamedTuple):
    """Where a shown key was drawn (row ``row``, cells ``start`` to ``end``), for clicks
    and hover."""

    row: int
    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


class KeyBar(Widget, can_focus=False):
    """The screen's keys: `` s Study  a Study all ...`` and `` ^p palette`` at the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--edge", "keybar--hover"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 100%;
        height: 1;
        &.-rows { height: auto; }
        color: $footer-foreground;
        background: $footer-background;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keybar--edge {
            color: $foreground 20%;
        }
        .keybar--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, keep: Iterable[str] = (), rows: int = 1) -> None:
        """``keep``: binding ids to keep, with escape and help, when keys are left out.
        ``rows``: the rows the bar may take when its keys do not fit on one (a screen
        with room to spare, such as home, offers every key that way at 80 columns)."""
        super().__init__(classes="-rows" if rows > 1 else "")
        self._keep = frozenset(keep)
        self._rows = max(1, rows)
        self._drawn_rows = 1
        """Rows the bar took when last drawn (a change of keys may need another layout)."""
        self._keys: list[_Key] = []
        self._hover: str | None = None
        """The key under the mouse pointer, drawn highlighted."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            rows = len(self._layout(self.size.width)[0]) if self._rows > 1 else 1
            self.refresh(layout=rows != self._drawn_rows)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._rows == 1:
            return 1
        return max(1, len(self._layout(width)[0]))

    def _shown(self) -> tuple[list[_Shown], _Shown | None]:
        """The keys to show, in the order of the bindings, the first key of an action
        only; and the command palette's key, shown apart."""
        app = self.app
        palette: _Shown | None = None
        shown: list[_Shown] = []
        actions: set[str] = set()
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            is_palette = app.ENABLE_COMMAND_PALETTE and key == app.COMMAND_PALETTE_BINDING
            if not is_palette and (not binding.show or binding.action in actions):
                continue
            display = app.get_key_display(binding)
            essential = (
                key in ESSENTIAL_KEYS
                or binding.action in ESSENTIAL_ACTIONS
                or (binding.id is not None and binding.id in self._keep)
            )
            item = _Shown(key, display, binding.description, enabled, tooltip, essential)
            if is_palette:
                palette = item
            else:
                actions.add(binding.action)
                shown.append(item)
        return shown, palette

    def _layout(self, width: int) -> tuple[list[list[Content]], list[list[_Key]], Content]:
        """The keys drawn on each row, where each was drawn, and the palette's key (drawn
        at the right of the last row)."""
        key_style = self.get_visual_style("keybar--key")
        text_style = self.get_visual_style("keybar--description")
        edge_style = self.get_visual_style("keybar--edge")
        hover_style = self.get_visual_style("keybar--hover", partial=True)
        shown, palette = self._shown()
        right = Content("")
        if palette is not None:
            right = Content.assemble(
                (f"{palette.display} ", key_style), (f"{palette.description} ", text_style)
            )
            if palette.key == self._hover:
                right = right.stylize(hover_style)
            right = Content.assemble((PALETTE_EDGE, edge_style), right)
        room = max(width - right.cell_length, 0)

        def item(shown: _Shown, compact: bool) -> Content:
            key = shown.display if compact else f" {shown.display} "
            text = f"{shown.description} " if shown.description else ""
            if compact:
                text = f" {text}" if text else " "
            drawn = Content.assemble((key, key_style), (text, text_style))
            if not shown.enabled:
                drawn = drawn.stylize("dim")
            if shown.key == self._hover:
                drawn = drawn.stylize(hover_style)
            return drawn

        # As Footer does in its compact mode, the keys lose their padding when they would
        # not all fit; then they go on to more rows, if the bar may take them; when even
        # that is too little, the last of the less important keys are left out first
        # (see wrap_keys).
        items = [item(s, compact=False) for s in shown]
        lead = 0  # compact keys have no padding: one cell of margin before the first
        if sum(i.cell_length for i in items) > room:
            items = [item(s, compact=True) for s in shown]
            lead = 1
        widths = [i.cell_length for i in items]
        essential = [s.essential for s in shown]
        placed: list[list[int]] = [[]]
        for rows in range(1, self._rows + 1):
            rooms = [width - lead] * (rows - 1) + [room - lead]
            placed = wrap_keys(widths, essential, rooms)
            if sum(map(len, placed)) == len(items):
                break
        drawn: list[list[Content]] = []
        keys: list[list[_Key]] = []
        for row, indices in enumerate(placed):
            parts: list[Content] = [Content(" " * lead)] if indices else []
            row_keys: list[_Key] = []
            x = lead if indices else 0
            for index in indices:
                content, entry = items[index], shown[index]
                tip = entry.tooltip or entry.description
                end = x + content.cell_length
                row_keys.append(_Key(row, x, end, entry.key, entry.enabled, tip))
                parts.append(content)
                x = end
            drawn.append(parts)
            keys.append(row_keys)
        if palette is not None:
            start = width - right.cell_length + 1  # after the edge
            row = len(placed) - 1
            keys[-1].append(_Key(row, start, width, palette.key, True, palette.description))
        return drawn, keys, right

    def render(self) -> Content:
        width = self.size.width
        drawn, keys, right = self._layout(width)
        self._keys = [key for row in keys for key in row]
        self._drawn_rows = len(drawn)
        lines: list[Content] = []
        for number, parts in enumerate(drawn, start=1):
            left = Content("").join(parts)
            end = right if number == len(drawn) else Content("")
            room = width - end.cell_length
            lines.append(Content.assemble(left, " " * max(room - left.cell_length, 0), end))
        return Content("\n").join(lines)

    def _key_at(self, x: int, y: int = 0) -> _Key | None:
        for key in self._keys:
            if key.row == y and key.start <= x < key.end:
                return key
        return None

    def on_click(self, event: events.Click) -> None:
        event.stop()
        key = self._key_at(event.x, event.y)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x, event.y)
        hover = key.key if key is not None else None
        if hover != self._hover:
            self._hover = hover
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()


def fit_keys(widths: list[int], essential: list[bool], room: int) -> list[int]:
    """The indices of the keys to draw in ``room`` cells, in their order (one row of
    :func:`wrap_keys`)."""
    return wrap_keys(widths, essential, [room])[0]


def wrap_keys(widths: list[int], essential: list[bool], rooms: list[int]) -> list[list[int]]:
    """The indices of the keys to draw on each row, ``rooms[i]`` cells on row ``i``, in
    their order (a row takes the keys that fit, the next row the rest).

    Less important keys are left out from the end of the line first; the
    essential ones (the way out, help) go only when nothing else is left, so
    that a narrow terminal still shows how to leave and how to get help.
    """
    kept = list(range(len(widths)))

    def placed() -> list[list[int]] | None:
        rows: list[list[int]] = [[] for _ in rooms]
        row, used = 0, 0
        for index in kept:
            while row < len(rooms) and used + widths[index] > rooms[row]:
                row, used = row + 1, 0
            if row == len(rooms):
                return None
            rows[row].append(index)
            used += widths[index]
        return rows

    for index in reversed(range(len(widths))):
        if placed() is not None:
            break
        if not essential[index]:
            kept.remove(index)
    while kept and placed() is None:
        kept.pop()
    return placed() or [[] for _ in rooms]
