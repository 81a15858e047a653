"""When to see a card again: FSRS-6 (through the ``fsrs`` package) and SM-2.

Both schedulers sit behind one small :class:`Scheduler` protocol and work on
immutable :class:`CardState` values: ``answer`` returns a new state, ``preview``
the interval each grade would give. This module holds the values, the settings,
Anki's fuzz and SM-2; FSRS-6 is :mod:`studyapp.core.fsrs6`, imported by
:func:`make_scheduler` on first use. FSRS itself is never re-implemented: the
memory model (stability, difficulty, learning steps) is ``fsrs.Scheduler``.
What we add is what Anki does on top of it, so that intervals agree with
Anki's own FSRS (a parity test drives Anki live):

* on review cards, Hard/Good/Easy intervals are at least a day apart
  (Hard >= 1, Good >= Hard + 1, Easy >= Good + 1);
* leaving (re)learning with Easy gives at least one day more than Good would;
* fuzz (Anki's ranges) is applied here, seeded by the card and its review
  count, so a preview always shows exactly what answering will do.

SM-2 follows Anki's legacy scheduler and its default options.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from enum import IntEnum, StrEnum
from typing import Any, Literal, NoReturn, Protocol

from msgspec import Struct, structs

from studyapp.core.clock import ensure_utc

# ----------------------------------------------------------------------- values


class Rating(IntEnum):
    """The four grades, numbered as in Anki and FSRS."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class Phase(StrEnum):
    """Where a card is in its life: never seen, in (re)learning steps, or in review."""

    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


_PHASES: dict[Any, Phase] = {p.value: p for p in Phase}
_PHASE_VALUE: dict[Phase, str] = {p: p.value for p in Phase}  # faster than enum's .value


def _dt(value: Any) -> datetime | None:
    if value is None:
        return None
    if type(value) is not str:
        raise ValueError(f"expected an ISO datetime string, got {value!r}")
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is UTC else ensure_utc(moment)


def _not_a_datetime(value: Any) -> NoReturn:
    raise ValueError(f"expected an ISO datetime string, got {value!r}")


def _opt_float(value: Any) -> float | None:
    if value is None:
        return None
    kind = type(value)
    if kind is int:
        return float(value)
    if kind is not float:
        raise ValueError(f"expected a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"expected a finite number, got {value!r}")
    return float(value)


_finite = math.isfinite
_float_repr = float.__repr__  # what json.dumps uses for a float
_fromiso = datetime.fromisoformat


def _int(value: Any, default: int = 0) -> int:
    if value is None:
        return default
    if type(value) is not int:
        raise ValueError(f"expected an integer, got {value!r}")
    return int(value)


class CardState(Struct, frozen=True, gc=False):
    """Everything remembered about one card: memory, schedule and flags.

    ``interval`` is the last review interval in days (Anki's scheduled days; for a
    relearning card, the interval it returns to). ``ease`` is only used by SM-2.
    ``buried_until`` is the last study day the card stays hidden.
    """

    card_id: str
    phase: Phase = Phase.NEW
    due: datetime | None = None
    last_review: datetime | None = None
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    ease: float | None = None
    interval: int = 0
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: date | None = None
    leech: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; default values are left out to keep files small."""
        out: dict[str, Any] = {"phase": self.phase.value}
        if self.due is not None:
            out["due"] = self.due.isoformat()
        if self.last_review is not None:
            out["last_review"] = self.last_review.isoformat()
        for name in ("step", "stability", "difficulty", "ease"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        for name in ("interval", "reps", "lapses"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.suspended:
            out["suspended"] = True
        if self.buried_until is not None:
            out["buried_until"] = self.buried_until.isoformat()
        if self.leech:
            out["leech"] = True
        return out

    def to_json(self) -> str | None:
        """:meth:`to_dict` as compact JSON text (``separators=(",", ":")``, keys in the
        same order), several times faster; None if the state holds anything out of the
        ordinary (a non-UTC or naive datetime, an int for a float, a NaN...), left to
        ``to_dict``. Kept beside it: a field added there must be added here.

        On the answer path (the progress store writes one per answer). Whatever this
        accepts reads back (:meth:`from_dict`) as a state equal to this one, field by
        field and type by type, so the store needs no round trip through JSON.
        """
        due, last, step = self.due, self.last_review, self.step
        stability, difficulty, ease = self.stability, self.difficulty, self.ease
        interval, reps, lapses = self.interval, self.reps, self.lapses
        suspended, buried, leech = self.suspended, self.buried_until, self.leech
        if (
            type(interval) is not int
            or type(reps) is not int
            or type(lapses) is not int
            or type(suspended) is not bool
            or type(leech) is not bool
            or type(self.phase) is not Phase
        ):
            return None
        parts = ['{"phase":"', _PHASE_VALUE[self.phase], '"']
        if due is not None:
            if type(due) is not datetime or due.tzinfo is not UTC:
                return None
            parts += (',"due":"', due.isoformat(), '"')
        if last is not None:
            if type(last) is not datetime or last.tzinfo is not UTC:
                return None
            parts += (',"last_review":"', last.isoformat(), '"')
        if step is not None:
            if type(step) is not int:
                return None
            parts += (',"step":', str(step))
        for name, value in (("stability", stability), ("difficulty", difficulty), ("ease", ease)):
            if value is not None:
                if type(value) is not float or not _finite(value):
                    return None
                parts += (',"', name, '":', _float_repr(value))
        if interval:
            parts += (',"interval":', str(interval))
        if reps:
            parts += (',"reps":', str(reps))
        if lapses:
            parts += (',"lapses":', str(lapses))
        if suspended:
            parts.append(',"suspended":true')
        if buried is not None:
            if type(buried) is not date:
                return None
            parts += (',"buried_until":"', buried.isoformat(), '"')
        if leech:
            parts.append(',"leech":true')
        parts.append("}")
        return "".join(parts)

    @classmethod
    def from_dict(cls, card_id: str, data: Mapping[str, Any]) -> CardState:
        """Rebuild a state; raises ValueError (never KeyError/TypeError) on bad data.

        Hot at start-up (one call per card the learner has seen, tens of
        thousands): the common types are checked inline, the rest goes through
        the general helpers.
        """
        if type(data) is not dict and not isinstance(data, Mapping):
            raise ValueError(f"card {card_id}: expected an object, got {type(data).__name__}")
        get = data.get
        try:
            phase = _PHASES.get(get("phase", "new"))
            if phase is None:
                raise ValueError(f"unknown phase {get('phase')!r}")
            due, last, step = get("due"), get("last_review"), get("step")
            stability, difficulty, ease = get("stability"), get("difficulty"), get("ease")
            interval, reps, lapses = get("interval", 0), get("reps", 0), get("lapses", 0)
            buried = get("buried_until")
            if due is not None:
                due = _fromiso(due) if type(due) is str else _not_a_datetime(due)
                if due.tzinfo is not UTC:
                    due = ensure_utc(due)
            if last is not None:
                last = _fromiso(last) if type(last) is str else _not_a_datetime(last)
                if last.tzinfo is not UTC:
                    last = ensure_utc(last)
            if step is not None:
                step = _int(step)
            # a finite float is taken as is; anything else goes through the checks
            if stability is not None and (type(stability) is not float or not _finite(stability)):
                stability = _opt_float(stability)
            if difficulty is not None and (
                type(difficulty) is not float or not _finite(difficulty)
            ):
                difficulty = _opt_float(difficulty)
            if ease is not None:
                ease = _opt_float(ease)
            if type(interval) is not int:
                interval = _int(interval)
            if type(reps) is not int:
                reps = _int(reps)
            if type(lapses) is not int:
                lapses = _int(lapses)
            return CardState(
                card_id,
                phase,
                due,
                last,
                step,
                stability,
                difficulty,
                ease,
                interval,
                reps,
                lapses,
                get("suspended", False) is True,
                None if buried is None else date.fromisoformat(str(buried)),
                get("leech", False) is True,
            )
        except (TypeError, ValueError) as error:
            raise ValueError(f"card {card_id}: {error}") from None


def make_states(*columns: Iterable[Any]) -> list[CardState]:
    """Many states at once, from one column per field (in field order), values checked.

    For readers of tens of thousands of states (the progress store at start-up):
    ``map`` over the columns makes no Python call per state.
    """
    return list(map(CardState, *columns))


# --------------------------------------------------------------------- settings

_DEFAULT_LEARNING = (timedelta(minutes=1), timedelta(minutes=10))
_DEFAULT_RELEARNING = (timedelta(minutes=10),)


class SchedulerSettings(Struct, frozen=True):
    """How a deck is scheduled. Defaults are Anki's (FSRS-6 default parameters)."""

    algorithm: Literal["fsrs", "sm2"] = "fsrs"
    desired_retention: float = 0.9
    learning_steps: tuple[timedelta, ...] = _DEFAULT_LEARNING
    relearning_steps: tuple[timedelta, ...] = _DEFAULT_RELEARNING
    maximum_interval: int = 36500
    enable_fuzz: bool = True
    parameters: tuple[float, ...] | None = None
    """FSRS model weights; None: the ``fsrs`` package's FSRS-6 defaults (as Anki's)."""
    # SM-2 only (Anki's legacy defaults)
    graduating_interval: int = 1
    easy_interval: int = 4
    starting_ease: float = 2.5
    easy_bonus: float = 1.3
    hard_interval: float = 1.2
    interval_modifier: float = 1.0
    lapse_interval: float = 0.0
    minimum_interval: int = 1

    def __post_init__(self) -> None:
        if not 0.7 <= self.desired_retention <= 0.99:
            raise ValueError("desired_retention must be between 0.70 and 0.99")
        if self.maximum_interval < 1:
            raise ValueError("maximum_interval must be at least 1 day")
        if any(s <= timedelta(0) for s in (*self.learning_steps, *self.relearning_steps)):
            raise ValueError("learning and relearning steps must be positive")
        if self.algorithm not in ("fsrs", "sm2"):
            raise ValueError(f"unknown algorithm {self.algorithm!r} (fsrs or sm2)")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; steps are written in seconds. Unset parameters are left out (not
        null), so a config file stays readable by a studyapp that always had them."""
        out: dict[str, Any] = {}
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if name in ("learning_steps", "relearning_steps"):
                value = [s.total_seconds() for s in value]
            elif name == "parameters":
                if value is None:
                    continue
                value = list(value)
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SchedulerSettings:
        """Missing keys take defaults; unknown keys are refused (a typo should not pass)."""
        return cls().with_overrides(data)

    def with_overrides(self, overrides: Mapping[str, Any]) -> SchedulerSettings:
        """A copy with some fields replaced (e.g. a deck's overrides of the global settings)."""
        names = set(self.__struct_fields__)
        unknown = set(overrides) - names
        if unknown:
            raise ValueError(f"unknown scheduler setting(s): {', '.join(sorted(unknown))}")
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if key in ("learning_steps", "relearning_steps"):
                value = tuple(
                    v if isinstance(v, timedelta) else timedelta(seconds=float(v)) for v in value
                )
            elif key == "parameters" and value is not None:
                value = tuple(float(v) for v in value)
            changes[key] = value
        return structs.replace(self, **changes)


# -------------------------------------------------------------------- interface


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
        return SM2Scheduler(settings)
    from studyapp.core.fsrs6 import FSRSScheduler  # its fsrs import is not start-up's

    return FSRSScheduler(settings)


# ------------------------------------------------------------------------- fuzz

_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05))


def round_half_up(value: float) -> int:
    """Round like Rust's ``f32::round`` (Anki), not Python's banker's rounding."""
    return math.floor(value + 0.5)


def fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """Anki's fuzz range for an interval, kept within [minimum, maximum]."""
    minimum = min(minimum, maximum)
    interval = min(max(interval, minimum), maximum)
    delta = 0.0
    if interval >= 2.5:
        delta = 1.0 + sum(
            f * max(min(interval, end) - start, 0.0) for start, end, f in _FUZZ_RANGES
        )
    lower = min(max(round_half_up(interval - delta), minimum), maximum)
    upper = min(max(round_half_up(interval + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def constrain_interval(
    interval: float, minimum: int, maximum: int, fuzz_factor: float | None
) -> int:
    """Round (or fuzz, if a factor in [0, 1) is given) an interval into [minimum, maximum]."""
    maximum = max(maximum, 1)
    minimum = min(max(minimum, 1), maximum)
    if fuzz_factor is None:
        return min(max(round_half_up(interval), minimum), maximum)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    return math.floor(lower + fuzz_factor * (1 + upper - lower))


@functools.lru_cache(maxsize=256)
def fuzz_factor(card_id: str, reps: int) -> float:
    """A repeatable random number for a card's next interval (as Anki seeds by card + reps).

    Cached: the grade buttons' preview and the answer that follows ask for the same one.
    """
    return random.Random(f"{card_id}#{reps}").random()


def _hard_first_step(steps: tuple[timedelta, ...]) -> timedelta:
    """Anki's Hard delay on the first step: halfway to the next, or 1.5x (at most +1 day)."""
    if len(steps) >= 2:
        secs = (steps[0] + steps[1]).total_seconds() / 2
    else:
        secs = min(steps[0].total_seconds() * 1.5, steps[0].total_seconds() + 86400)
    if secs > 86400:
        secs = round_half_up(secs / 86400) * 86400
    return timedelta(seconds=int(secs))


# ------------------------------------------------------------------------- SM-2

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
            Rating.EASY: self._to_review(state, easy, now, ease + 0.15),
        }
