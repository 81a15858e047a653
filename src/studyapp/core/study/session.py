"""A study session as a state machine: current card, answer, undo, bury, suspend.

The session owns no I/O of its own: every change goes through the
:class:`~studyapp.core.store.store.ProgressStore` (written to its journal) before
the next card is chosen, so what is on screen is always what is on disk. Undo is multi-level
and writes an ``undo`` record, so it restores both the card in memory and what
was persisted. Time comes from an injected clock, randomness from a seeded
``random.Random``: a session can be replayed exactly in tests.
"""

from __future__ import annotations

import operator
import random
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from msgspec import Struct, structs

from studyapp.core.base.clock import Clock, ensure_utc
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.card import Card
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.counts import left_today, total
from studyapp.core.study.queue import (
    QueueCounts,
    build_queue,
    day_start,
    is_hidden,
    mark_leech,
    study_day,
)
from studyapp.core.study.scheduler import Scheduler, make_scheduler
from studyapp.core.study.settings import DeckSettings, StudySettings

_SECOND = operator.itemgetter(1)


def _ahead(queue: dict[str, None], stack: Sequence[str]) -> dict[str, None]:
    """``queue`` with the cards of ``stack`` it holds moved to the front, the last first."""
    first = [cid for cid in reversed(stack) if cid in queue]
    return {**dict.fromkeys(first), **queue} if first else queue


class NoCardError(Exception):
    """``answer``/``bury``/``suspend`` was called with no card to study."""


class AnswerOutcome(Struct, frozen=True):
    """What an answer did: shown after grading (next interval, leech warning)."""

    card: Card
    rating: Rating
    previous: CardState
    state: CardState
    seq: int
    became_leech: bool
    time_taken: timedelta | None = None

    @property
    def interval(self) -> timedelta | None:
        """Time until the card is due again."""
        if self.state.due is None or self.state.last_review is None:
            return None
        return self.state.due - self.state.last_review


class _Undo(Struct, frozen=True):
    kind: Literal["answer", "bury", "suspend"]
    card_id: str
    previous: CardState
    seq: int
    outcome: AnswerOutcome | None = None
    siblings: tuple[tuple[int, CardState], ...] = ()
    """(seq, state before) of the siblings buried along with a bury or suspend."""


class SessionSummary(Struct, frozen=True):
    """The end-of-session screen: how it went."""

    started: datetime
    ended: datetime
    answered: int
    by_rating: Mapping[Rating, int]
    by_phase: Mapping[Phase, int]
    """Answers by the card's phase before answering (new, learning, review, relearning)."""
    time_spent: timedelta
    leeches: tuple[str, ...]
    buried: int
    suspended: int
    remaining: QueueCounts

    @property
    def correct(self) -> int:
        return self.answered - self.by_rating.get(Rating.AGAIN, 0)

    @property
    def accuracy(self) -> float | None:
        """Share of answers that were not Again (None before the first answer)."""
        return self.correct / self.answered if self.answered else None


class Session:
    """Studies ``cards`` (deck order) against a progress store.

    Args:
        store: the open, writable progress store.
        cards: every card that may be studied, in deck order.
        settings: global settings with per-deck overrides.
        clock: gives "now" (UTC); tests pass a :class:`~studyapp.core.base.clock.ManualClock`.
        rng: seeded randomness (order of reviews due the same day).
        tz: local time zone for day boundaries (None: the system's).
        decks: study only these decks (None: all of ``cards``).
        planned: the cards an exam's plan puts on today (``examday.upcoming``); they
            join the queue on the day the session starts only (the plan is made daily).
    """

    def __init__(
        self,
        store: ProgressStore,
        cards: Sequence[Card],
        settings: StudySettings,
        *,
        clock: Clock,
        rng: random.Random,
        tz: tzinfo | None = None,
        decks: Collection[str] | None = None,
        planned: Collection[str] = (),
    ) -> None:
        self.store = store
        self._planned = frozenset(planned)
        self._planned_day: date | None = None
        self.planned: tuple[str, ...] = ()
        """The cards of today's queue that an exam's plan put there."""
        self.settings = settings
        self._clock = clock
        self._rng = rng
        self._tz = tz
        self._all_cards = cards
        """Every card, as given: the queue's work over them is shared with the home
        screen's counts (see ``queue.todays_candidates``), so never copied or filtered."""
        self._decks = None if decks is None else frozenset(decks)
        self._by_id: dict[str, Card] = {}
        """The cards met so far (every queue's), by id: the only ones asked for by id."""
        self._siblings: dict[str, list[str]] = {}
        """Sibling key -> the queued (review and new) cards of that entry: the only
        ones burying can take out, so the map need not cover the whole collection."""
        self._entries: dict[str, list[str]] | None = None
        """Sibling key -> every card of that entry (built on the first bury or suspend)."""
        self._schedulers: dict[str, Scheduler] = {}
        self._deck_settings: dict[str, DeckSettings] = {}
        self._undo: list[_Undo] = []
        self._again: list[str] = []
        """Cards brought back by undo and not answered (or put away) since, the last
        undone last: each is asked again, however the queue is built in between."""
        self._answers: list[AnswerOutcome] = []
        self._buried = 0
        self._suspended = 0
        self._started = self._now()
        self._current: str | None = None
        self._answered_today = 0
        self._rebuild()
        self.answered_before = self._answered_today
        """Answers given today in these decks before this session began (a learner back
        for more after 20 answers has done 20 today, not 0)."""

    # -- queue bookkeeping

    def _now(self) -> datetime:
        return ensure_utc(self._clock())

    def _rebuild(self) -> None:
        now = self._now()
        today = study_day(now, self.settings.queue.day_starts_at, self._tz)
        if self._planned_day is None:
            self._planned_day = today
        # The first build joins every card to its row (200,000 cards: lists of as many
        # items, none of them in a cycle); a collection of the cyclic GC meanwhile would
        # rescan the whole collection's objects for nothing. (The app pauses it for its
        # whole start already; a session made later, or by a tool, did not.)
        with paused_gc():
            queue = build_queue(
                self._all_cards,
                self.store.states,
                self.store.recent_reviews(),
                self.settings,
                now,
                rng=self._rng,
                tz=self._tz,
                decks=self._decks,
                planned=self._first_today(today),
            )
        again = self._again
        self.planned = (
            tuple(cid for cid in queue.planned if cid in self._planned) if again else queue.planned
        )
        self._by_id.update(queue.cards)
        self._answered_today = queue.answered_today
        self._day = queue.day
        self._day_end = day_start(
            queue.day + timedelta(days=1), self.settings.queue.day_starts_at, self._tz
        )
        self._learning: dict[str, datetime] = {cid: due for due, cid in queue.learning}
        # dicts as ordered sets: O(1) removal, first item is next
        self._reviews: dict[str, None] = dict.fromkeys(queue.reviews)
        self._new: dict[str, None] = dict.fromkeys(queue.new)
        if again:  # the last undone first: undo is a stack
            self._reviews = _ahead(self._reviews, again)
            self._new = _ahead(self._new, again)
        self._siblings = {}
        for cid in (*queue.reviews, *queue.new):
            self._siblings.setdefault(self._by_id[cid].sibling_key, []).append(cid)
        self._since_new = 0
        self._current = None
        self._day_quarter: int | None = None

    def _first_today(self, today: date) -> Collection[str]:
        """The cards the queue takes first, past the daily limits but counted against them:
        an exam plan's (on the day it was made for) and the cards undo brought back. An
        undone new card must not lose its place to a fresh one: the queue, rebuilt on
        each undo with the limit's room freed, would otherwise give it to the next in line."""
        planned = self._planned if today == self._planned_day else frozenset()
        return planned.union(self._again) if self._again else planned

    def deck_settings(self, deck_id: str) -> DeckSettings:
        """A deck's effective settings (cached: asked on every answer)."""
        found = self._deck_settings.get(deck_id)
        if found is None:
            found = self._deck_settings[deck_id] = self.settings.for_deck(deck_id)
        return found

    def scheduler_for(self, deck_id: str) -> Scheduler:
        """The scheduler a deck uses (its settings may override the global ones)."""
        scheduler = self._schedulers.get(deck_id)
        if scheduler is None:
            scheduler = make_scheduler(self.deck_settings(deck_id).scheduler)
            self._schedulers[deck_id] = scheduler
        return scheduler

    def _learn_ahead(self, deck_id: str) -> timedelta:
        """How early a deck's learning cards may be shown (and are counted)."""
        return self.deck_settings(deck_id).queue.learn_ahead

    def _pick(self, now: datetime) -> str | None:
        if self._learning:
            cid, due = min(self._learning.items(), key=_SECOND)
            if due <= now:
                return cid
        # Spread new cards evenly through the reviews.
        if self._new and self._reviews:
            every = max(1, len(self._reviews) // len(self._new))
            if self._since_new >= every:
                return next(iter(self._new))
            return next(iter(self._reviews))
        if self._reviews:
            return next(iter(self._reviews))
        if self._new:
            return next(iter(self._new))
        if self._learning:
            # learn ahead: the earliest card within its deck's window (the rule counts() uses)
            for cid, due in sorted(self._learning.items(), key=_SECOND):
                if due <= now + self._learn_ahead(self._by_id[cid].deck_id):
                    return cid
        return None

    def _remove(self, card_id: str) -> None:
        self._learning.pop(card_id, None)
        self._reviews.pop(card_id, None)
        self._new.pop(card_id, None)

    def _bury_siblings(self, card: Card) -> None:
        if not self.deck_settings(card.deck_id).queue.bury_siblings:
            return
        for sibling in self._siblings.get(card.sibling_key, ()):
            self._reviews.pop(sibling, None)
            self._new.pop(sibling, None)

    def _check_day(self, now: datetime) -> None:
        if now >= self._day_end:
            self._rebuild()
            return
        # Asked on every current() and answer(): the local-time conversion is done
        # once per UTC quarter-hour (every time zone offset is a multiple of 15
        # minutes and days start on the hour, so a quarter-hour has one study day).
        quarter = int(now.timestamp()) // 900
        if quarter == self._day_quarter:
            return
        if study_day(now, self.settings.queue.day_starts_at, self._tz) != self._day:
            self._rebuild()
        else:
            self._day_quarter = quarter

    # -- the state machine

    def current(self) -> Card | None:
        """The card to show now, or None when nothing is due (see :meth:`next_due`)."""
        now = self._now()
        self._check_day(now)
        if self._current is None:
            self._current = self._pick(now)
        return self._by_id[self._current] if self._current is not None else None

    def _require_current(self) -> Card:
        card = self.current()
        if card is None:
            raise NoCardError("there is no card to study right now")
        return card

    def preview(self) -> dict[Rating, timedelta]:
        """The interval each grade would give the current card (for the grade buttons)."""
        card = self._require_current()
        return self.scheduler_for(card.deck_id).preview(self.store.get(card.id), self._now())

    def answer(self, rating: Rating, time_taken: timedelta | None = None) -> AnswerOutcome:
        """Grade the current card; saved (in the journal) before the next card is chosen."""
        card = self._require_current()
        now = self._now()
        rating = Rating(rating)
        previous = self.store.get(card.id)
        state = self.scheduler_for(card.deck_id).answer(previous, rating, now)
        state, became_leech = mark_leech(
            previous, state, rating, self.deck_settings(card.deck_id).queue
        )
        record = self.store.record_review(previous, state, rating, now, time_taken)
        outcome = AnswerOutcome(card, rating, previous, state, record.seq, became_leech, time_taken)
        self._undo.append(_Undo("answer", card.id, previous, record.seq, outcome))
        self._answers.append(outcome)
        self._asked(card.id)

        was_new = card.id in self._new
        queued = was_new or card.id in self._reviews or card.id in self._learning
        if not queued:
            # A card brought back by undo, outside the queue built since: answering it
            # uses up a place under today's limits that the queue gave another card.
            # Build it again from what is stored, as the home screen counts.
            self._rebuild()
            self._current = self._pick(now)
            return outcome
        self._remove(card.id)
        self._bury_siblings(card)
        stepping = state.phase in (Phase.LEARNING, Phase.RELEARNING)
        due_today = state.due is not None and state.due < self._day_end
        if stepping and due_today and state.due and not is_hidden(state, self._day):
            self._learning[card.id] = state.due
        self._since_new = 0 if was_new else self._since_new + 1
        self._current = self._pick(now)
        return outcome

    def undo(self) -> Card | None:
        """Undo the last answer, bury or suspend (repeatable); returns the card, shown again."""
        if not self._undo:
            return None
        item = self._undo.pop()
        now = self._now()
        for seq, before in reversed(item.siblings):
            self.store.record_undo(seq, before, now)
        self.store.record_undo(item.seq, item.previous, now)
        if item.kind == "answer":
            self._answers.pop()
        elif item.kind == "bury":
            self._buried -= 1
        else:
            self._suspended -= 1
        self._asked(item.card_id)
        self._again.append(item.card_id)
        self._rebuild()
        card = self._by_id.get(item.card_id)
        if card is not None:
            self._current = card.id
        return card

    def _asked(self, card_id: str) -> None:
        """``card_id`` was answered or put away: undo's bringing it back is done."""
        if card_id in self._again:
            self._again.remove(card_id)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _set_flag(self, kind: Literal["bury", "suspend"]) -> Card:
        card = self._require_current()
        now = self._now()
        previous = self.store.get(card.id)
        if kind == "bury":
            state = structs.replace(previous, buried_until=self._day)
            self._buried += 1
        else:
            state = structs.replace(previous, suspended=True)
            self._suspended += 1
        seq = self.store.record_change(state, now, kind)
        self._asked(card.id)
        siblings = self._bury_siblings_on_disk(card, now)
        self._undo.append(_Undo(kind, card.id, previous, seq, siblings=siblings))
        # Today's queue again, from what is stored: the home screen counts from the
        # same, so both agree (a buried new card frees its place under the daily limit
        # for the next one, as in Anki).
        self._rebuild()
        self._current = self._pick(now)
        return card

    def _sibling_ids(self, card: Card) -> list[str]:
        """The other cards of ``card``'s entry (among the cards of this session)."""
        if self._entries is None:
            entries: dict[str, list[str]] = {}
            decks = self._decks
            for c in self._all_cards:
                if decks is None or c.deck_id in decks:
                    entries.setdefault(c.sibling_key, []).append(c.id)
            self._entries = entries
        return [cid for cid in self._entries.get(card.sibling_key, ()) if cid != card.id]

    def _bury_siblings_on_disk(
        self, card: Card, now: datetime
    ) -> tuple[tuple[int, CardState], ...]:
        """Bury until tomorrow the siblings that would come today (with ``bury_siblings``).

        Anki's rule when a card is buried or suspended: its entry's other cards stay
        out of today's session too, or the "what happened then?" card comes right after
        its "when?" card was put away. Saved like any bury, so a restart, the home
        screen's counts and undo all see it. Returns (seq, state before) per sibling.
        """
        if not self.deck_settings(card.deck_id).queue.bury_siblings:
            return ()
        done: list[tuple[int, CardState]] = []
        for sibling in self._sibling_ids(card):
            before = self.store.get(sibling)
            if is_hidden(before, self._day):
                continue
            comes_today = before.phase is Phase.NEW or (
                before.due is not None and before.due < self._day_end
            )
            if not comes_today:
                continue
            buried = structs.replace(before, buried_until=self._day)
            done.append((self.store.record_change(buried, now, "bury-sibling"), before))
        return tuple(done)

    def bury(self) -> Card:
        """Hide the current card (and its siblings, see ``bury_siblings``) until
        tomorrow; returns it."""
        return self._set_flag("bury")

    def suspend(self) -> Card:
        """Hide the current card until it is unsuspended (its siblings until
        tomorrow, see ``bury_siblings``); returns it."""
        return self._set_flag("suspend")

    def unsuspend(self, card_id: str) -> None:
        """Bring a suspended card back into the queue (a burial is not a suspension: a
        card also buried stays out until its day is over)."""
        previous = self.store.get(card_id)
        if not previous.suspended:
            return
        state = structs.replace(previous, suspended=False)
        self.store.record_change(state, self._now(), "unsuspend")
        self._rebuild()

    # -- reporting

    def _left(self, now: datetime) -> tuple[dict[str, QueueCounts], datetime | None]:
        self._check_day(now)
        learning = ((due, cid) for cid, due in self._learning.items())
        return left_today(self._new, learning, self._reviews, now, self._learn_ahead)

    def counts(self) -> QueueCounts:
        """New / learning / review cards left today, by the rule the home screen counts
        with (:func:`~studyapp.core.study.counts.left_today`): learning counts the cards
        due within the learn-ahead window, as Anki's counts do, so a card just failed
        is "1 learning" at once."""
        by_deck, _ = self._left(self._now())
        return total(by_deck.values())

    def counts_change_at(self) -> datetime:
        """When :meth:`counts` next changes with no answer given: a learning card
        coming within the learn-ahead window, or the day rolling over."""
        return self.counts_until()[1]

    def counts_until(self) -> tuple[QueueCounts, datetime]:
        """:meth:`counts` and :meth:`counts_change_at` at once (one pass)."""
        by_deck, comes = self._left(self._now())
        until = self._day_end if comes is None else min(comes, self._day_end)
        return total(by_deck.values()), until

    def next_due(self) -> datetime | None:
        """When the next learning card comes due today, if any (for "come back at ...")."""
        return min(self._learning.values(), default=None)

    def summary(self) -> SessionSummary:
        """What this session did so far (undone answers not counted)."""
        answers = self._answers
        by_rating = Counter(o.rating for o in answers)
        by_phase = Counter(o.previous.phase for o in answers)
        time_spent = sum((o.time_taken or timedelta(0) for o in answers), timedelta(0))
        return SessionSummary(
            started=self._started,
            ended=self._now(),
            answered=len(answers),
            by_rating=dict(by_rating),
            by_phase=dict(by_phase),
            time_spent=time_spent,
            leeches=tuple(o.card.id for o in answers if o.became_leech),
            buried=self._buried,
            suspended=self._suspended,
            remaining=self.counts(),
        )

    def close(self) -> None:
        """End the session and close the store (folding the journal)."""
        self.store.close()
