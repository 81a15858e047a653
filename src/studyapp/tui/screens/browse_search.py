"""The browse search box: an Input whose editing keys cannot be overtaken by later letters.

Textual's Input inserts printable keys in its own message queue, but Backspace, Delete,
arrows and Home/End are bindings, which the app resolves only after the key event has
bubbled up through the screen. The browse screen refilters its table on every change, so
when keys arrive in a burst (tmux, a fast typist) the Backspaces queue behind that work
while the letters typed after them are inserted at once: "trump", five Backspaces,
"Abe Shinz" came out as "trAbe Shi". Running the box's own bindings where its letters are
handled keeps every key in the order it was typed.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class SearchInput(Input):
    """An Input that runs its own key bindings in its own queue, in typing order."""

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input's own handler inserts it, next in the MRO
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is not self or not active.enabled:
            return  # not ours (Escape, Tab, screen keys): let it bubble as usual
        event.prevent_default()  # Input's handler would only restart the blink
        event.stop()
        await self.app.run_action(active.binding.action, self)
