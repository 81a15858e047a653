"""Where fitted parameters go, and how to go back: the global preset or a deck's override.

A preset is the set of cards scheduled with one set of parameters: a deck that
overrides ``parameters`` is its own preset; every other deck shares the global one.
Adopting a set keeps the one it replaces (``previous``, per preset: None when the
preset had none of its own), so :func:`undo` can go back, and undo again comes forward:
the two sets swap. Values are checked against the bounds the scheduler (``fsrs``)
accepts before anything is stored: a set that could not schedule is never written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from msgspec import Struct, structs

from studyapp.core.decks.card import Card
from studyapp.core.study.fsrs6 import check_parameters, fsrs_parameters
from studyapp.core.study.settings import StudySettings

__all__ = [
    "GLOBAL",
    "Preset",
    "Previous",
    "adopt",
    "change",
    "check_parameters",
    "preset_cards",
    "undo",
]

GLOBAL = "global"

Parameters = tuple[float, ...]
Previous = Mapping[str, Parameters | None]
"""Preset key -> the set it had before the last adoption (None: none of its own)."""


class Preset(Struct, frozen=True):
    """The global preset (``deck=None``) or one deck's override."""

    deck: str | None = None

    @property
    def key(self) -> str:
        """How the settings file names it (``global`` or ``deck:ID``)."""
        return GLOBAL if self.deck is None else f"deck:{self.deck}"

    def __str__(self) -> str:
        return "the global preset" if self.deck is None else f"deck {self.deck}"

    def stored(self, study: StudySettings) -> Parameters | None:
        """The set this preset stores itself (None: the defaults, or the global set)."""
        if self.deck is None:
            return study.scheduler.parameters
        value = study.decks.get(self.deck, {}).get("parameters")
        return None if value is None else tuple(float(v) for v in value)

    def in_use(self, study: StudySettings) -> Parameters:
        """The set the preset's cards are scheduled with now."""
        scheduler = study.scheduler if self.deck is None else study.for_deck(self.deck).scheduler
        return tuple(fsrs_parameters(scheduler))


def preset_cards(study: StudySettings, cards: Iterable[Card], preset: Preset) -> set[str]:
    """The ids of the cards the preset schedules."""
    if preset.deck is not None:
        return {card.id for card in cards if card.deck_id == preset.deck}
    own = {deck for deck, overrides in study.decks.items() if "parameters" in overrides}
    return {card.id for card in cards if card.deck_id not in own}


def _store(study: StudySettings, preset: Preset, value: Parameters | None) -> StudySettings:
    if preset.deck is None:
        return structs.replace(study, scheduler=structs.replace(study.scheduler, parameters=value))
    if value is not None:
        return study.with_deck_overrides(preset.deck, parameters=list(value))
    decks = {deck: dict(overrides) for deck, overrides in study.decks.items()}
    overrides = decks.get(preset.deck, {})
    overrides.pop("parameters", None)
    if not overrides:
        decks.pop(preset.deck, None)
    return structs.replace(study, decks=decks)


def adopt(
    study: StudySettings, previous: Previous, preset: Preset, parameters: Sequence[float]
) -> tuple[StudySettings, dict[str, Parameters | None]]:
    """The settings with ``parameters`` for the preset, and ``previous`` with the set
    they replace. ValueError (nothing changed) if the set is not one the scheduler takes."""
    checked = check_parameters(parameters)
    replaced = preset.stored(study)
    return _store(study, preset, checked), {**previous, preset.key: replaced}


def undo(
    study: StudySettings, previous: Previous, preset: Preset
) -> tuple[StudySettings, dict[str, Parameters | None]]:
    """The settings with the preset's previous set back, and that set's replacement kept
    in its place (undo again to come forward). LookupError when nothing was adopted."""
    if preset.key not in previous:
        raise LookupError(f"no earlier parameters to go back to for {preset}")
    earlier = previous[preset.key]
    if earlier is not None:
        earlier = check_parameters(earlier)
    replaced = preset.stored(study)
    return _store(study, preset, earlier), {**previous, preset.key: replaced}


def change(
    study: StudySettings,
    previous: Previous,
    preset: Preset,
    parameters: Sequence[float] | None,
) -> tuple[StudySettings, dict[str, Parameters | None]]:
    """:func:`adopt` ``parameters``, or :func:`undo` with None: what the CLI and the app
    both save (the settings and the kept sets, written together in one atomic save)."""
    if parameters is None:
        return undo(study, previous, preset)
    return adopt(study, previous, preset, parameters)
