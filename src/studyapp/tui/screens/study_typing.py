"""Letters typed where a study card has no answer field: typing, not commands.

On a multiple-choice card (and a flip card, and a checked card waiting for its grade)
the answer field is parked, so bare letters are the screen's commands. A learner who
typed an answer anyway ran them from the middle of words: "trust" undid the previous
grade (``u``), "ab" buried the card (``b``). So a printable key that is no command
starts a *typing spell*: the card says how to answer, and while the learner keeps
typing, every key that would type (command letters and space included) is swallowed.
A space continues a spell but never starts one (alone it is no word). The spell ends
on a key that is not typing (a digit, Enter, an arrow ...: it then does what it always
does; Escape only ends the spell), or after a pause of :data:`QUIET`. A command key
pressed as the first key, not after typing, runs as before.

Pure state (no Textual): the screen passes each key and the time from its clock, so
tests decide when the pause is over.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

__all__ = ["QUIET", "Decision", "TypingGuard"]

QUIET = timedelta(seconds=2)
"""A pause this long without a key ends the typing spell."""

Decision = Literal["run", "start", "type", "end", "dismiss"]
"""What the screen does with a key.

``run``: as usual (no spell). ``start``: swallow it, show the hint. ``type``: swallow
it, the spell goes on. ``end``: hide the hint, then the key does what it always does.
``dismiss``: hide the hint and swallow the key (Escape clears what was typed, as in a
field, rather than leaving the screen).
"""

DIGITS = frozenset("0123456789")


class TypingGuard:
    """Tells typing from commands on a card without an answer field."""

    def __init__(self, quiet: timedelta = QUIET) -> None:
        self.quiet = quiet
        self._last: datetime | None = None
        """When the spell's last key came (``None``: no spell)."""

    @property
    def typing(self) -> bool:
        """Whether a typing spell is on (as of the last key)."""
        return self._last is not None

    def end(self) -> None:
        """End the spell (a new card, a pick, a grade, the pause timer)."""
        self._last = None

    def key(self, key: str, character: str | None, *, command: bool, now: datetime) -> Decision:
        """Decide what ``key`` does; ``command``: whether a binding would run it now."""
        if self._last is not None and now - self._last >= self.quiet:
            self._last = None  # the timer may not have fired yet (a busy loop)
        typed = (
            character is not None
            and len(character) == 1
            and character.isprintable()
            and key not in DIGITS
        )
        if self._last is None:
            # a space alone is no word (on a checked card it does nothing, as before)
            if typed and not command and key != "space":
                self._last = now
                return "start"
            return "run"
        if typed or key == "backspace":  # fixing a typo is typing too
            self._last = now
            return "type"
        self._last = None
        return "dismiss" if key == "escape" else "end"
