"""Adopting a fitted set keeps the one it replaces; undo swaps back; bad sets never stored."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from studyapp.core.config import AppConfig, load_config, save_config
from studyapp.core.decks.card import Card
from studyapp.core.study.settings import StudySettings
from studyapp.core.tuning.model import DEFAULT_PARAMETERS
from studyapp.core.tuning.presets import (
    Preset,
    adopt,
    change,
    check_parameters,
    preset_cards,
    undo,
)

FITTED = (
    0.1178, 0.6633, 1.6597, 23.746, 6.2842, 1.0098, 2.9162, 0.15, 2.0322, 0.2131, 0.9608,
    1.5391, 0.0526, 0.344, 1.684, 0.5588, 2.0357, 0.533, 0.1504, 0.091, 0.1222,
)  # fmt: skip
OTHER = tuple(round(w * 1.01, 4) for w in FITTED)


def test_global_adopt_then_undo_then_undo_again() -> None:
    study, previous = adopt(StudySettings(), {}, Preset(), FITTED)
    assert study.scheduler.parameters == FITTED and previous == {"global": None}
    assert Preset().in_use(study) == FITTED
    back, swapped = undo(study, previous, Preset())
    assert back.scheduler.parameters is None and swapped == {"global": FITTED}
    assert Preset().in_use(back) == DEFAULT_PARAMETERS
    forward, _ = undo(back, swapped, Preset())
    assert forward.scheduler.parameters == FITTED


def test_a_second_fit_keeps_the_first_as_the_previous_set() -> None:
    study, previous = adopt(StudySettings(), {}, Preset(), FITTED)
    study, previous = adopt(study, previous, Preset(), OTHER)
    assert previous == {"global": FITTED}
    assert undo(study, previous, Preset())[0].scheduler.parameters == FITTED


def test_a_decks_own_set_leaves_the_global_one_and_its_other_overrides_alone() -> None:
    start = StudySettings().with_deck_overrides("korea", desired_retention=0.85)
    deck = Preset("korea")
    study, previous = adopt(start, {}, deck, FITTED)
    assert previous == {"deck:korea": None}
    assert study.for_deck("korea").scheduler.parameters == FITTED
    assert study.scheduler.parameters is None and Preset().in_use(study) == DEFAULT_PARAMETERS
    back, _ = undo(study, previous, deck)
    assert dict(back.decks["korea"]) == {"desired_retention": 0.85}
    alone, _ = undo(*adopt(StudySettings(), {}, deck, FITTED), deck)
    assert "korea" not in alone.decks


def test_the_global_preset_is_every_deck_without_its_own_set() -> None:
    cards = [Card(f"{d}/e/q", d, "e", "q", "qa", "?", "!") for d in ("a", "b", "c")]
    study, _ = adopt(
        StudySettings().with_deck_overrides("c", new_per_day=5), {}, Preset("b"), FITTED
    )
    assert preset_cards(study, cards, Preset()) == {"a/e/q", "c/e/q"}
    assert preset_cards(study, cards, Preset("b")) == {"b/e/q"}


def test_nothing_to_undo_is_said_plainly() -> None:
    with pytest.raises(LookupError, match="no earlier parameters"):
        undo(StudySettings(), {}, Preset("korea"))


@pytest.mark.parametrize(
    "bad",
    [FITTED[:20], (*FITTED[:20], math.nan), (*FITTED[:20], 0.95), (-1.0, *FITTED[1:])],
)
def test_a_set_the_scheduler_would_refuse_is_never_stored(bad: tuple[float, ...]) -> None:
    with pytest.raises(ValueError):
        check_parameters(bad)
    with pytest.raises(ValueError):
        adopt(StudySettings(), {}, Preset(), bad)


def test_the_previous_set_survives_the_settings_file(tmp_path: Path) -> None:
    study, previous = adopt(*adopt(StudySettings(), {}, Preset(), FITTED), Preset(), OTHER)
    config = AppConfig(study=study, previous_parameters=previous)
    save_config(tmp_path, config)
    loaded = load_config(tmp_path).config
    assert loaded.previous_parameters == {"global": FITTED}
    assert loaded.study.scheduler.parameters == OTHER
    # another window's save (merged on its base) keeps them
    theirs = load_config(tmp_path).config
    from msgspec import structs

    save_config(tmp_path, structs.replace(theirs, theme="nord"), base=theirs)
    assert load_config(tmp_path).config.previous_parameters == {"global": FITTED}


def test_a_damaged_previous_entry_is_dropped_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {
                "format": "studyapp-config",
                "version": 1,
                "previous_parameters": {"global": "oops", "deck:a": None, "deck:b": [1, 2]},
            }
        )
    )
    loaded = load_config(tmp_path)
    assert loaded.config.previous_parameters == {"deck:a": None, "deck:b": (1.0, 2.0)}
    with pytest.raises(ValueError):  # and a set that is not one is never put back
        undo(loaded.config.study, loaded.config.previous_parameters, Preset("b"))


def test_change_is_adopt_with_a_set_and_undo_without() -> None:
    """What the CLI and the app both save: one call, either way."""
    deck = Preset("geo")
    assert change(StudySettings(), {}, deck, FITTED) == adopt(StudySettings(), {}, deck, FITTED)
    study, previous = change(StudySettings(), {}, deck, FITTED)
    assert change(study, previous, deck, None) == undo(study, previous, deck)
    with pytest.raises(LookupError):
        change(StudySettings(), {}, deck, None)
    with pytest.raises(ValueError):
        change(StudySettings(), {}, deck, (math.nan,) * 21)
