"""The settings fields: Inputs that ignore keys pressed before they were on screen.

The first field has focus as soon as the settings screen opens, but building the screen
takes a moment, and keys pressed meanwhile (the opening ``,`` repeated by the terminal,
or keys meant for the screen before) were typed into it: "0.90" became ",,,". Textual
stamps every key with the time it was read from the terminal; a key read before the
field was first drawn cannot have been meant for it, so it is dropped. Keys pressed once
the screen is shown type as usual; keys the field does not use (Escape, Tab, ctrl+s)
still reach the screen.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


def event_clock() -> float:
    """Now, on the clock Textual stamps events with (``Message.time``)."""
    return Message().time


class FieldInput(Input):
    """An Input that drops the keys it would have taken before it was first drawn."""

    shown_at: float | None = None
    """When the field was first drawn (event clock); None until then."""

    def on_mount(self) -> None:
        self.call_after_refresh(self._mark_shown)

    def _mark_shown(self) -> None:
        self.shown_at = event_clock()

    def was_pressed_before_shown(self, event: events.Key) -> bool:
        return self.shown_at is None or event.time < self.shown_at

    async def _on_key(self, event: events.Key) -> None:
        if not self.was_pressed_before_shown(event):
            return  # Input's own handler, next in the MRO, takes it
        active = self.screen.active_bindings.get(event.key)
        own_binding = active is not None and active.node is self
        if event.is_printable or own_binding:
            event.prevent_default()  # neither typed nor (by stopping it) an edit binding
            event.stop()
