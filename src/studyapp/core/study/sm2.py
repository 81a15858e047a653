"""Anki's legacy SM-2 scheduler (v3 rules and default options), for learners who prefer it."""

from __future__ import annotations

from datetime import datetime, timedelta

from msgspec import structs

from studyapp.core.base.clock import ensure_utc
from studyapp.core.store.state import MAX_EASE, CardState, Phase, Rating
from studyapp.core.study.fuzz import _hard_first_step, constrain_interval, fuzz_factor
from studyapp.core.study.settings import SchedulerSettings

_EASE_MIN = 1.3


class SM2Scheduler:
    """Anki's legacy SM-2 scheduler (v3 rules), for learners who prefer it."""

    def __init__(self, settings: SchedulerSettings | None = None) -> None:
        self.settings = settings or SchedulerSettings(algorithm="sm2")

    def outcomes(self, state: CardState, now: datetime) -> dict[Rating, CardState]:
        now = ensure_utc(now)
        fuzz = fuzz_factor(state.card_id, state.reps) if self.settings.enable_fuzz else None
        if state.phase in (Phase.NEW, Phase.LEARNING):
            results = self._learning(state, now, fuzz)
        elif state.phase is Phase.RELEARNING:
            results = self._relearning(state, now, fuzz)
        else:
            results = self._review(state, now, fuzz)
        return {
            r: structs.replace(s, last_review=now, reps=state.reps + 1) for r, s in results.items()
        }

    def answer(self, state: CardState, rating: Rating, now: datetime) -> CardState:
        return self.outcomes(state, now)[Rating(rating)]

    def preview(self, state: CardState, now: datetime) -> dict[Rating, timedelta]:
        now = ensure_utc(now)
        return {r: s.due - now for r, s in self.outcomes(state, now).items() if s.due}

    def retrievability(self, state: CardState, now: datetime) -> float | None:
        return None

    # -- helpers

    def _clamp(self, interval: float, minimum: int, fuzz: float | None) -> int:
        return constrain_interval(interval, minimum, self.settings.maximum_interval, fuzz)

    def _in_step(
        self, state: CardState, phase: Phase, step: int, delay: timedelta, now: datetime
    ) -> CardState:
        return structs.replace(state, phase=phase, step=step, due=now + delay)

    def _to_review(self, state: CardState, days: int, now: datetime, ease: float) -> CardState:
        return structs.replace(
            state,
            phase=Phase.REVIEW,
            step=None,
            due=now + timedelta(days=days),
            interval=days,
            ease=ease,
        )

    def _learning(
        self, state: CardState, now: datetime, fuzz: float | None
    ) -> dict[Rating, CardState]:
        s = self.settings
        steps = s.learning_steps
        ease = s.starting_ease
        graduate_good = self._to_review(
            state, self._clamp(s.graduating_interval, 1, fuzz), now, ease
        )
        easy = self._to_review(state, self._clamp(s.easy_interval, 1, fuzz), now, ease)
        if not steps:
            return {
                Rating.AGAIN: graduate_good,
                Rating.HARD: graduate_good,
                Rating.GOOD: graduate_good,
                Rating.EASY: easy,
            }
        return self._stepped(state, Phase.LEARNING, steps, graduate_good, easy, now)

    def _relearning(
        self, state: CardState, now: datetime, fuzz: float | None
    ) -> dict[Rating, CardState]:
        s = self.settings
        steps = s.relearning_steps
        ease = state.ease or s.starting_ease
        back = max(state.interval, 1)
        to_review = self._to_review(state, back, now, ease)
        if not steps:
            return dict.fromkeys(Rating, to_review) | {
                Rating.EASY: self._to_review(state, back + 1, now, ease)
            }
        easy = self._to_review(state, back + 1, now, ease)
        return self._stepped(state, Phase.RELEARNING, steps, to_review, easy, now)

    def _stepped(
        self,
        state: CardState,
        phase: Phase,
        steps: tuple[timedelta, ...],
        graduate: CardState,
        easy: CardState,
        now: datetime,
    ) -> dict[Rating, CardState]:
        """Anki's (re)learning steps, one rule for both: Again goes back to the first
        step, Hard repeats this one (on the first: halfway to the second), Good moves
        to the next step or ``graduate``s after the last, Easy is ``easy`` at once."""
        step = min(state.step or 0, len(steps) - 1)
        hard_delay = _hard_first_step(steps) if step == 0 else steps[step]
        good = (
            self._in_step(state, phase, step + 1, steps[step + 1], now)
            if step + 1 < len(steps)
            else graduate
        )
        return {
            Rating.AGAIN: self._in_step(state, phase, 0, steps[0], now),
            Rating.HARD: self._in_step(state, phase, step, hard_delay, now),
            Rating.GOOD: good,
            Rating.EASY: easy,
        }

    def _review(
        self, state: CardState, now: datetime, fuzz: float | None
    ) -> dict[Rating, CardState]:
        s = self.settings
        ease = state.ease or s.starting_ease
        scheduled = max(state.interval, 1)
        elapsed = scheduled if state.last_review is None else max((now - state.last_review).days, 0)
        days_late = max(elapsed - scheduled, 0)

        # Again: a lapse.
        lapse_ivl = max(int(scheduled * s.lapse_interval), s.minimum_interval, 1)
        lapsed = structs.replace(
            state, ease=max(ease - 0.2, _EASE_MIN), interval=lapse_ivl, lapses=state.lapses + 1
        )
        if s.relearning_steps:
            again = self._in_step(lapsed, Phase.RELEARNING, 0, s.relearning_steps[0], now)
        else:
            again = self._to_review(lapsed, lapse_ivl, now, lapsed.ease or ease)

        # An early answer is treated as on time, as Anki does outside filtered decks.
        m = s.interval_modifier
        hard_min = 0 if s.hard_interval <= 1 else scheduled + 1
        hard = self._clamp(scheduled * s.hard_interval * m, hard_min, fuzz)
        good_min = scheduled + 1 if s.hard_interval <= 1 else hard + 1
        good = self._clamp((scheduled + days_late / 2) * ease * m, good_min, fuzz)
        easy = self._clamp((scheduled + days_late) * ease * s.easy_bonus * m, good + 1, fuzz)
        return {
            Rating.AGAIN: again,
            Rating.HARD: self._to_review(state, hard, now, max(ease - 0.15, _EASE_MIN)),
            Rating.GOOD: self._to_review(state, good, now, ease),
            # (never past what a reader takes back: see state.unusable)
            Rating.EASY: self._to_review(state, easy, now, min(ease + 0.15, MAX_EASE)),
        }
