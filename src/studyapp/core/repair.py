"""Card states rebuilt from the review history, as Anki recomputes FSRS memory states
from its review log.

``history.jsonl`` keeps every answer (card, time, grade, the phase it was in, the
interval it got), never the states. Replaying the answers, oldest first, through
the same scheduler gives the states back: the scheduler is deterministic (fuzz is
seeded by card and review count) and undone answers are left out of the history.
This is what :func:`recover_lost_states` does when a damaged ``progress.json``
was set aside, for the cards that only it held, and what ``studyapp progress
--repair`` does on purpose.

What a replay cannot give back, because the history does not record it:

* changes that are not answers: suspending, burying, "reset" (forget), an exam
  moving a card's due date (these live only in the snapshot and the journal);
* settings as they were: answers are replayed with today's settings, so a card
  answered before desired retention, steps or the scheduler changed may come out
  differently. Each answer's recorded phase and interval are compared with the
  replay's, and the cards where they differ are counted in the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

from msgspec import Struct, field, structs

from studyapp.core.base.atomic import atomic_write
from studyapp.core.store.layout import SNAPSHOT, aside_name
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.queue import mark_leech
from studyapp.core.study.scheduler import Scheduler, make_scheduler
from studyapp.core.study.settings import DeckSettings, StudySettings


class Replayed(Struct):
    """Card states replayed from a history, and how well the replay matched it."""

    states: dict[str, CardState] = field(default_factory=dict)
    reviews: int = 0
    disagree: set[str] = field(default_factory=set)
    """Cards where the replay gave another phase or interval than the history
    recorded (settings changed since, or a reset the history does not hold)."""


def replay(
    reviews: Iterable[ReviewRecord],
    settings: StudySettings,
    deck_of: Callable[[str], str],
    only: Callable[[str], bool] = lambda card_id: True,
) -> Replayed:
    """Every card's state after its answers, replayed through the scheduler as
    ``Session.answer`` gives them (leech marking included); ``only`` picks cards."""
    out = Replayed()
    schedulers: dict[str, tuple[Scheduler, DeckSettings]] = {}
    for review in reviews:
        card_id = review.card_id
        if not only(card_id):
            continue
        deck = deck_of(card_id)
        found = schedulers.get(deck)
        if found is None:
            deck_settings = settings.for_deck(deck)
            found = schedulers[deck] = (make_scheduler(deck_settings.scheduler), deck_settings)
        scheduler, deck_settings = found
        previous = out.states.get(card_id) or CardState(card_id)
        if previous.phase is not review.phase:
            out.disagree.add(card_id)
        state = scheduler.answer(previous, review.rating, review.at)
        state, _ = mark_leech(previous, state, review.rating, deck_settings.queue)
        if review.interval is not None and state.interval != review.interval:
            out.disagree.add(card_id)
        out.states[card_id] = state
        out.reviews += 1
    return out


def _deck_of(deck_ids: Mapping[str, str]) -> Callable[[str], str]:
    # a card no longer in any deck is replayed with the global settings
    return lambda card_id: deck_ids.get(card_id, "")


def _summary(replayed: Replayed, what: str) -> str:
    text = (
        f"{len(replayed.states)} card state(s) {what} from {replayed.reviews:,} review(s) "
        "in the history"
    )
    if replayed.disagree:
        text += (
            f"; {len(replayed.disagree)} of them differ from what the history recorded "
            "(settings changed since those answers, or a reset), so their intervals may "
            "not be exactly the lost ones"
        )
    return text + "; suspends, burials and resets are not in the history and were not restored"


def recover_lost_states(
    store: ProgressStore, deck_ids: Mapping[str, str], settings: StudySettings
) -> str | None:
    """After a damaged snapshot was set aside: rebuild the cards only it held (those
    with answers in the history and no state now) and save them; what was done, or None.

    Cards the journal holds keep the journal's state (exact, and later).
    """
    if store.read_only or not store.snapshot_lost:
        return None
    known = store.states
    replayed = replay(
        store.history(), settings, _deck_of(deck_ids), only=lambda card_id: card_id not in known
    )
    if not replayed.states:
        return None
    store.restore_states(replayed.states)
    return f"{SNAPSHOT}: " + _summary(replayed, "were rebuilt")


class RepairReport(Struct, frozen=True):
    rebuilt: int
    changed: int
    message: str
    kept_as: str | None = None


def repair(
    store: ProgressStore, deck_ids: Mapping[str, str], settings: StudySettings, now: datetime
) -> RepairReport:
    """``studyapp progress --repair``: every card with answers gets the state its
    answers give; suspended and buried flags are kept, and cards reset to new on
    purpose stay new. The snapshot as it was is kept beside (undo by renaming it back).
    """
    replayed = replay(store.history(), settings, _deck_of(deck_ids))
    changes: dict[str, CardState] = {}
    for card_id, state in replayed.states.items():
        current = store.states.get(card_id)
        if current is not None:
            if current.phase is Phase.NEW:
                continue  # reset (forgotten) after those answers
            state = structs.replace(
                state,
                suspended=current.suspended,
                buried_until=current.buried_until,
            )
        if state != current:
            changes[card_id] = state
    kept_as = None
    if changes:
        snapshot = store.folder / SNAPSHOT
        if snapshot.exists():
            target = aside_name(snapshot, "before-repair", now)
            atomic_write(target, snapshot.read_bytes())
            kept_as = target.name
        store.restore_states(changes)
    message = _summary(replayed, "replayed").replace(
        "replayed from", f"replayed ({len(changes)} changed) from"
    )
    return RepairReport(len(replayed.states), len(changes), message, kept_as)
