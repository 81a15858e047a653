"""When to see a card again: one :class:`Scheduler` protocol, FSRS-6 or SM-2 behind it.

Both schedulers work on immutable :class:`CardState` values: ``answer`` returns
a new state, ``preview`` the interval each grade would give. FSRS-6 is
:mod:`studyapp.core.study.fsrs6` (the ``fsrs`` package, imported by
:func:`make_scheduler` on first use, so start-up never pays for it); SM-2 is
:mod:`studyapp.core.study.sm2`. FSRS itself is never re-implemented: the
memory model (stability, difficulty, learning steps) is ``fsrs.Scheduler``.
What we add is what Anki does on top of it, so that intervals agree with
Anki's own FSRS (a parity test drives Anki live):

* on review cards, Hard/Good/Easy intervals are at least a day apart
  (Hard >= 1, Good >= Hard + 1, Easy >= Good + 1);
* leaving (re)learning with Easy gives at least one day more than Good would;
* fuzz (Anki's ranges, :mod:`studyapp.core.study.fuzz`) is applied there,
  seeded by the card and its review count, so a preview always shows exactly
  what answering will do.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from studyapp.core.store.state import CardState, Rating
from studyapp.core.study.settings import SchedulerSettings


class Scheduler(Protocol):
    """What the queue and the session need from a scheduling algorithm."""

    @property
    def settings(self) -> SchedulerSettings: ...

    def outcomes(self, state: CardState, now: datetime) -> dict[Rating, CardState]:
        """The state each grade would lead to (answer and preview agree by construction)."""
        ...

    def answer(self, state: CardState, rating: Rating, now: datetime) -> CardState:
        """The new state after grading the card at ``now``."""
        ...

    def preview(self, state: CardState, now: datetime) -> dict[Rating, timedelta]:
        """How long until the card comes back, for each grade."""
        ...

    def retrievability(self, state: CardState, now: datetime) -> float | None:
        """Predicted chance of recall at ``now``, if the algorithm models it."""
        ...


def make_scheduler(settings: SchedulerSettings) -> Scheduler:
    """The scheduler named by ``settings.algorithm``."""
    if settings.algorithm == "sm2":
        from studyapp.core.study.sm2 import SM2Scheduler  # small; only for SM-2 learners

        return SM2Scheduler(settings)
    from studyapp.core.study.fsrs6 import FSRSScheduler  # its fsrs import is not start-up's

    return FSRSScheduler(settings)
