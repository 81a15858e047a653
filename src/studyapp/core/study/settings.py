"""Study settings: global values with per-deck overrides, stored with the progress.

A deck can study at its own pace (a cram deck with 50 new cards a day, an old
deck at 85 % retention) without touching the others. Overrides are flat: any
field of :class:`SchedulerSettings` or :class:`QueueSettings` by name.

A new-card limit raised for today only (``n`` after a session, "10 more new cards
today", as Anki's "today only" limit) is kept with them (:class:`TodayLimits`): it holds
for the rest of that study day, across leaving study and restarting the app, and is
ignored from the next day on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, Literal

from msgspec import Struct, field, structs

_DEFAULT_LEARNING = (timedelta(minutes=1), timedelta(minutes=10))
_DEFAULT_RELEARNING = (timedelta(minutes=10),)
_LONGEST_STEP = timedelta(days=36500)
"""As the longest interval: a card due further from its review reads back as damage."""


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
        if not 1 <= self.maximum_interval <= 36500:
            # (as Anki's; a longer one would write due dates that read back as damage)
            raise ValueError("maximum_interval must be 1 to 36500 days")
        if any(
            not timedelta(0) < s <= _LONGEST_STEP
            for s in (*self.learning_steps, *self.relearning_steps)
        ):
            raise ValueError("learning and relearning steps must be positive, at most 36500 days")
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
        _check_kinds(self, overrides, "scheduler")
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


_KINDS: dict[str, tuple[tuple[type, ...], str]] = {
    "int": ((int,), "a whole number"),
    "float": ((int, float), "a number"),
    "bool": ((bool,), "true or false"),
}


def _check_kinds(settings: Struct, overrides: Mapping[str, Any], section: str) -> None:
    """Refuse a value of the wrong kind by its name ("queue.new_per_day: 'x' is not a whole
    number"), before a check that compares it fails with a message about Python's types."""
    annotations = type(settings).__annotations__
    for key, value in overrides.items():
        kinds = _KINDS.get(str(annotations.get(key, "")))
        if kinds is None:
            continue
        allowed, said = kinds
        if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
            raise ValueError(f"{section}.{key}: {value!r} is not {said}")


class QueueSettings(Struct, frozen=True):
    """What to study each day. Defaults are Anki's."""

    new_per_day: int = 20
    reviews_per_day: int = 200
    day_starts_at: int = 4
    """Local hour at which a new study day begins (only the global value is used)."""
    bury_siblings: bool = True
    leech_threshold: int = 8
    """Lapses that make a card a leech (then again every half threshold); 0 turns it off."""
    leech_action: Literal["tag", "suspend"] = "tag"
    learn_ahead: timedelta = timedelta(minutes=20)
    """When nothing else is left, show learning cards due within this time."""

    def __post_init__(self) -> None:
        if self.new_per_day < 0 or self.reviews_per_day < 0:
            raise ValueError("daily limits cannot be negative")
        if not 0 <= self.day_starts_at <= 23:
            raise ValueError("day_starts_at is an hour, 0 to 23")
        if self.leech_action not in ("tag", "suspend"):
            raise ValueError("leech_action is 'tag' or 'suspend'")

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__struct_fields__}
        out["learn_ahead"] = self.learn_ahead.total_seconds()
        return out

    def with_overrides(self, overrides: Mapping[str, Any]) -> QueueSettings:
        names = set(self.__struct_fields__)
        unknown = set(overrides) - names
        if unknown:
            raise ValueError(f"unknown queue setting(s): {', '.join(sorted(unknown))}")
        _check_kinds(self, overrides, "queue")
        changes = dict(overrides)
        if "learn_ahead" in changes and not isinstance(changes["learn_ahead"], timedelta):
            changes["learn_ahead"] = timedelta(seconds=float(changes["learn_ahead"]))
        return structs.replace(self, **changes)


_SCHEDULER_FIELDS = frozenset(SchedulerSettings.__struct_fields__)
_QUEUE_FIELDS = frozenset(QueueSettings.__struct_fields__)


class DeckSettings(Struct, frozen=True):
    """The effective settings of one deck (global values plus its overrides)."""

    scheduler: SchedulerSettings
    queue: QueueSettings


class TodayLimits(Struct, frozen=True):
    """New-card limits raised for one study day: deck id -> that day's limit.

    Kept as limits, not as "10 more": the ten come on top of what the day had already
    introduced (a limit lowered below that since would otherwise give none), and a
    second ``n`` adds ten to the first's, not to the limit of the settings.
    """

    day: date | None = None
    """The study day they hold for (``queue.study_day``); None: none raised."""
    new_per_day: Mapping[str, int] = {}

    def __post_init__(self) -> None:
        structs.force_setattr(self, "new_per_day", MappingProxyType(dict(self.new_per_day)))

    def on(self, day: date) -> Mapping[str, int]:
        """The raised limits that hold on ``day`` (none on another day)."""
        return self.new_per_day if day == self.day else {}

    def to_dict(self) -> dict[str, Any]:
        day = None if self.day is None else self.day.isoformat()
        return {"day": day, "new_per_day": dict(self.new_per_day)}

    @classmethod
    def from_dict(cls, data: Any) -> TodayLimits:
        """Tolerant: a day's raised limits are not worth the learner's settings, so
        anything unreadable reads as none raised (never as bad settings)."""
        if not isinstance(data, Mapping):
            return cls()
        day, limits = data.get("day"), data.get("new_per_day")
        if not isinstance(day, str) or not isinstance(limits, Mapping):
            return cls()
        try:
            parsed = date.fromisoformat(day)
        except ValueError:
            return cls()
        kept = {
            str(deck): n for deck, n in limits.items() if type(n) is int and 0 <= n <= 1_000_000
        }
        return cls(parsed, kept)


class StudySettings(Struct, frozen=True):
    """All settings: global scheduler and queue settings, per-deck overrides, and the
    new-card limits raised for today."""

    scheduler: SchedulerSettings = field(default_factory=SchedulerSettings)
    queue: QueueSettings = field(default_factory=QueueSettings)
    decks: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    today: TodayLimits = field(default_factory=TodayLimits)

    def __post_init__(self) -> None:
        frozen = {deck: MappingProxyType(dict(o)) for deck, o in self.decks.items()}
        structs.force_setattr(self, "decks", MappingProxyType(frozen))
        for deck in self.decks:
            self.for_deck(deck)  # validate overrides now, not in the middle of a session

    def new_limit(self, deck_id: str, day: date) -> int:
        """How many new cards ``deck_id`` introduces on study day ``day``: its setting, or
        the limit raised for that day if higher."""
        limit = self.for_deck(deck_id).queue.new_per_day
        return max(limit, self.today.on(day).get(deck_id, 0))

    def for_deck(self, deck_id: str) -> DeckSettings:
        """The settings a deck is studied with."""
        overrides = self.decks.get(deck_id, {})
        unknown = set(overrides) - _SCHEDULER_FIELDS - _QUEUE_FIELDS
        if unknown:
            raise ValueError(f"deck {deck_id}: unknown setting(s) {', '.join(sorted(unknown))}")
        return DeckSettings(
            scheduler=self.scheduler.with_overrides(
                {k: v for k, v in overrides.items() if k in _SCHEDULER_FIELDS}
            ),
            queue=self.queue.with_overrides(
                {k: v for k, v in overrides.items() if k in _QUEUE_FIELDS}
            ),
        )

    def with_deck_overrides(self, deck_id: str, **overrides: Any) -> StudySettings:
        """A copy where ``deck_id`` also overrides the given fields."""
        decks = {k: dict(v) for k, v in self.decks.items()}
        decks.setdefault(deck_id, {}).update(overrides)
        return structs.replace(self, decks=decks)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (what the progress store keeps under ``settings``)."""
        decks: dict[str, Any] = {}
        for deck, overrides in self.decks.items():
            effective = self.for_deck(deck)
            out: dict[str, Any] = {}
            for key in overrides:
                source = effective.scheduler if key in _SCHEDULER_FIELDS else effective.queue
                out[key] = source.to_dict()[key]
            decks[deck] = out
        out = {
            "scheduler": self.scheduler.to_dict(),
            "queue": self.queue.to_dict(),
            "decks": decks,
        }
        if self.today.day is not None:  # (a settings file without is as it always was)
            out["today"] = self.today.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StudySettings:
        """Missing parts take defaults; a bad value raises ValueError."""
        try:
            return cls(
                scheduler=SchedulerSettings.from_dict(data.get("scheduler", {})),
                queue=QueueSettings().with_overrides(data.get("queue", {})),
                decks=dict(data.get("decks", {})),
                today=TodayLimits.from_dict(data.get("today")),
            )
        except (TypeError, AttributeError) as error:
            raise ValueError(f"bad settings: {error}") from None
