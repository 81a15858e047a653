"""What browse changes in the progress: suspend, unsuspend and reset a card, each
durable on return, and the guard that tells the learner when progress cannot be changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from msgspec import structs
from textual.widget import Widget

from studyapp.core.store.errors import ProgressError
from studyapp.core.store.state import CardState
from studyapp.core.workspace import Workspace

T = TypeVar("T")


def toggle_suspended(workspace: Workspace, card_id: str) -> tuple[CardState, str]:
    """Suspend a card, or unsuspend a suspended one; durable on return.

    Suspension only: a buried card is not suspended, so ``s`` suspends it (it stays
    buried too, until its day is over); unsuspending leaves a burial as it was.
    Returns the new state and what was done ("suspended" or "unsuspended").
    """
    now = workspace.clock()
    previous = workspace.store.get(card_id)
    suspend = not previous.suspended
    state = structs.replace(previous, suspended=suspend)
    workspace.store.record_change(state, now, "suspend" if suspend else "unsuspend")
    return state, "suspended" if suspend else "unsuspended"


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
