"""The question asked before a card is reset to new (it cannot be undone)."""

from __future__ import annotations

from studyapp.tui.widgets.charts import clip
from studyapp.tui.widgets.confirm import ConfirmDialog


class CardResetDialog(ConfirmDialog):
    """Asks before a card loses its schedule (the one browse action that cannot be undone)."""

    def __init__(self, prompt: str) -> None:
        super().__init__(
            "Reset this card to new?",
            f"{clip(prompt, 200)}\n\nIts schedule, stability, difficulty, lapse and review "
            "counts are cleared and it will be studied as a new card. Its review history is "
            "kept. This cannot be undone.",
            yes="y: reset",
        )
