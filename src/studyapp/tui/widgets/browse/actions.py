"""What browse changes in the progress: suspend, unsuspend, unbury and reset a card, each
durable on return, and the guard that tells the learner when progress cannot be changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from msgspec import structs
from textual.widget import Widget

from studyapp.core.store.errors import ProgressError
from studyapp.core.store.state import CardState
from studyapp.core.study.queue import study_day
from studyapp.core.workspace import Workspace
from studyapp.tui.widgets.browse.model import is_buried

T = TypeVar("T")


def toggle_suspended(workspace: Workspace, card_id: str) -> tuple[CardState, str]:
    """Suspend a card, or bring back a suspended or buried one; durable on return.

    Returns the new state and what was done ("suspended", "unsuspended", "unburied").
    """
    now = workspace.clock()
    today = study_day(now, workspace.config.study.queue.day_starts_at)
    previous = workspace.store.get(card_id)
    if previous.suspended or is_buried(previous, today):
        done = "unsuspended" if previous.suspended else "unburied"
        state = structs.replace(previous, suspended=False, buried_until=None)
        workspace.store.record_change(state, now, "unsuspend")
    else:
        done = "suspended"
        state = structs.replace(previous, suspended=True)
        workspace.store.record_change(state, now, "suspend")
    return state, done


def reset_to_new(workspace: Workspace, card_id: str) -> CardState:
    """Forget a card's schedule: it becomes new again. Durable on return.

    Memory, counts and the leech flag go; suspension stays (a reset is not a
    reason to see a card the learner chose to hide); the history is kept.
    """
    previous = workspace.store.get(card_id)
    state = CardState(card_id, suspended=previous.suspended)
    workspace.store.record_change(state, workspace.clock(), "reset")
    return state


def writable(owner: Widget, workspace: Workspace) -> bool:
    """False (and the learner is told why) when progress is read-only."""
    if workspace.read_only:
        owner.notify(
            "Progress is read-only (another studyapp has it open): nothing was changed.",
            severity="warning",
            markup=False,
        )
        return False
    return True


def guarded(owner: Widget, workspace: Workspace, change: Callable[[], T]) -> T | None:
    """Run a progress change; tell the learner (instead of crashing) when it cannot be saved."""
    if not writable(owner, workspace):
        return None
    try:
        return change()
    except ProgressError as error:
        owner.notify(f"Could not save the change: {error}", severity="error", markup=False)
        return None
