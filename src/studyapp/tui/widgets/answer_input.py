"""The study card's answer field: an Input that is parked instead of hidden.

Why not ``display = False`` and focus on the card instead: a focus change is
the most expensive thing a Textual screen does between two frames. The blurred
and the focused widget restyle with all their descendants (the card holds
them all), and ``Screen.focused`` is a repainting reactive, so the whole
screen is redrawn. Moving focus between the field and the card on every card
made up about half of the time from a grade key to the next card painted.

A parked field keeps keyboard focus but takes no room (no height, border,
padding or margin, set as inline styles so no stylesheet rule is re-applied),
shows nothing, consumes no key and runs none of its own bindings: every key
reaches the screen's bindings as if the card had focus.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

PARKED_STYLES = "height: 0; border: none; padding: 0; margin: 0;"


class AnswerInput(Input):
    """An Input that can be parked: focused, invisible, and transparent to keys."""

    def __init__(
        self,
        *,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self._parked = False

    @property
    def parked(self) -> bool:
        """Whether the field is parked (no room on screen, keys pass through)."""
        return self._parked

    def park(self) -> None:
        """Collapse the field and let keys through; focus stays here."""
        if self._parked:
            return
        self._parked = True
        self.set_styles(PARKED_STYLES)
        self._pause_blink()

    def unpark(self) -> None:
        """Show the field again (its own CSS applies) and take typed keys."""
        if not self._parked:
            return
        self._parked = False
        styles = self.styles
        styles.height = None
        styles.border = None
        styles.padding = None
        styles.margin = None
        if self.has_focus:
            self._restart_blink()

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return not self._parked and super().check_consume_key(key, character)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Parked: Enter, Backspace, arrows ... fall through to the screen's bindings.
        return not self._parked and super().check_action(action, parameters)

    # Textual calls the handlers of every class in the MRO, subclass first, unless
    # one prevents the default: these run before Input's own and never call it.

    async def _on_key(self, event: events.Key) -> None:
        if self._parked:
            event.prevent_default()  # skip Input's handler; the key still bubbles up
            return

    def _on_paste(self, event: events.Paste) -> None:
        if self._parked:
            event.prevent_default()

    def _on_focus(self, event: events.Focus) -> None:
        if self._parked:  # Input's handler (next) restarts the blink: pause it after
            self.call_next(self._pause_blink)
