"""A card's scheduling state and the grades that move it: values every layer reads.

:class:`CardState` is immutable (answering returns a new one) and has no
behaviour of its own; the schedulers in :mod:`studyapp.core.study` compute
them, the store keeps them. They live below both so neither imports the other.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from enum import IntEnum, StrEnum
from typing import Any, NoReturn

from msgspec import Struct

from studyapp.core.base.clock import ensure_utc


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


HORIZON = timedelta(days=36525)
"""How far from the review it follows a due date may be (100 years: Anki's longest
interval is 36,500 days), and how far after the file was saved any date may be."""
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
"""No date is later, whatever the file says (a century added to it still fits a datetime)."""
MAX_STABILITY = 1e6
"""Days; FSRS's stability grows ever slower at large values and never comes near this
(a state beyond it is damage: its next answer could overflow to infinity)."""
MIN_DIFFICULTY, MAX_DIFFICULTY = 1.0, 10.0
"""FSRS's range for difficulty (the ``fsrs`` package clamps to it)."""
MAX_EASE = 1000.0
"""SM-2's ease is a factor (2.5 by default); one this large multiplies to overflow."""


def unusable(
    due: datetime | None,
    last: datetime | None,
    step: int | None,
    stability: float | None,
    difficulty: float | None,
    ease: float | None,
    counts: tuple[int, int, int],
    buried: date | None,
    latest: datetime = LATEST,
) -> str | None:
    """Why a state read from a file is one the schedulers cannot use, or None.

    Stability 0 divides by zero in FSRS and a negative one makes recall a complex
    number; a difficulty outside 1 to 10, a negative interval, step or count, or a
    date far in the future (a due date more than 100 years after its review, any date
    after ``latest``: a century after the file was saved) are no state studyapp writes:
    each is damage,
    left out with a message and rebuilt from the history (``core.repair``). (A due date
    long before its review is only a card very late: the schedulers take it.)
    """
    if stability is not None and not 0 < stability <= MAX_STABILITY:
        return f"stability {stability!r} is not between 0 and {MAX_STABILITY:g} days"
    if difficulty is not None and not MIN_DIFFICULTY <= difficulty <= MAX_DIFFICULTY:
        return f"difficulty {difficulty!r} is outside FSRS's 1 to 10"
    if ease is not None and not 0 < ease <= MAX_EASE:
        return f"ease {ease!r} is not between 0 and {MAX_EASE:g}"
    if step is not None and step < 0:
        return f"step {step!r} is negative"
    interval, reps, lapses = counts
    if not 0 <= interval <= HORIZON.days:
        return f"interval {interval!r} is not between 0 and {HORIZON.days} days"
    if reps < 0 or lapses < 0:
        return "a negative count of reviews or lapses"
    for name, moment in (("due", due), ("last_review", last)):
        if moment is not None and moment > latest:
            return f"{name} {moment.isoformat()} is in the far future"
    if buried is not None and buried > latest.date():
        return f"buried_until {buried.isoformat()} is in the far future"
    if due is not None and last is not None and due - last > HORIZON:
        return "due date more than 100 years from the last review"
    return None


def latest_date(saved_at: Any) -> datetime:
    """The latest date a snapshot saved at ``saved_at`` (its header's, if readable) may
    hold: a century after it, and never after :data:`LATEST`."""
    if type(saved_at) is str:
        try:
            saved_at = datetime.fromisoformat(saved_at)
        except ValueError:
            return LATEST
    if not isinstance(saved_at, datetime):
        return LATEST
    moment: datetime = ensure_utc(saved_at)
    if moment >= LATEST - HORIZON:
        return LATEST
    return moment + HORIZON


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
        field and type by type, so the store needs no round trip through JSON (a state
        the schedulers cannot use, which none of them makes, reads back as damage:
        :func:`unusable`).
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
    def from_dict(
        cls, card_id: str, data: Mapping[str, Any], latest: datetime = LATEST
    ) -> CardState:
        """Rebuild a state; raises ValueError (never KeyError/TypeError) on bad data,
        a state the schedulers cannot use among it (:func:`unusable`; ``latest``: the
        latest date the file may hold).

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
            if buried is not None:
                buried = date.fromisoformat(str(buried))
            damage = unusable(
                due,
                last,
                step,
                stability,
                difficulty,
                ease,
                (interval, reps, lapses),
                buried,
                latest,
            )
            if damage is not None:
                raise ValueError(damage)
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
                buried,
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
