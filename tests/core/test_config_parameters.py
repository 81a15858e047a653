"""FSRS parameters in settings.json that the scheduler cannot use (a wrong count, a
NaN, a weight out of FSRS's bounds) are refused at load, with a message, and the
defaults used; before, they were accepted and broke study, ``plan`` and optimize."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fsrs
import pytest

from studyapp.core.config import CONFIG_FORMAT, load_config
from studyapp.core.store.state import CardState, Phase, Rating
from studyapp.core.study.fsrs6 import FSRSScheduler

GOOD = list(fsrs.scheduler.DEFAULT_PARAMETERS)
NOW = datetime(2027, 1, 1, 12, tzinfo=UTC)


def _write(folder: Path, study: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"format": CONFIG_FORMAT, "version": 1, "study": study})
    (folder / "settings.json").write_text(text)


def _nan_at(index: int) -> list[Any]:
    out: list[Any] = list(GOOD)
    out[index] = float("nan")
    return out


def _out_of_bounds() -> list[Any]:
    out: list[Any] = list(GOOD)
    out[4] = 50.0  # w4 is 1 to 10
    return out


@pytest.mark.parametrize(
    ("parameters", "said"),
    [
        ([1, 2], "FSRS-6 has 21 parameters, got 2"),
        ([*GOOD, 0.5], "got 22"),
        (_nan_at(3), "parameter w3 = nan is outside"),
        (_out_of_bounds(), "parameter w4 = 50.0 is outside"),
        ([*GOOD[:-1], "x"], "parameter w20 = 'x' is not a number"),
        ("fast", "expected a list of numbers, got str"),
    ],
)
def test_unusable_parameters_fall_back_to_the_defaults_with_a_message(
    tmp_path: Path, parameters: Any, said: str
) -> None:
    _write(tmp_path, {"scheduler": {"parameters": parameters, "desired_retention": 0.85}})
    loaded = load_config(tmp_path)
    scheduler = loaded.config.study.scheduler
    assert scheduler.parameters is None
    assert scheduler.desired_retention == 0.85  # the other settings are kept
    assert len(loaded.messages) == 1
    assert said in loaded.messages[0]
    assert "scheduler parameters" in loaded.messages[0]
    assert "using the default parameters" in loaded.messages[0]
    # and they schedule
    state = FSRSScheduler(scheduler).answer(CardState("c"), Rating.GOOD, NOW)
    assert state.phase is Phase.LEARNING


def test_a_decks_unusable_parameters_fall_back_to_the_global_ones(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "scheduler": {"parameters": GOOD},
            "decks": {"d1": {"parameters": [1, 2], "new_per_day": 5}, "d2": {"new_per_day": 3}},
        },
    )
    loaded = load_config(tmp_path)
    study = loaded.config.study
    assert study.for_deck("d1").scheduler.parameters == tuple(GOOD)
    assert study.for_deck("d1").queue.new_per_day == 5
    assert study.for_deck("d2").queue.new_per_day == 3
    assert len(loaded.messages) == 1
    assert "deck d1: parameters: FSRS-6 has 21 parameters" in loaded.messages[0]


def test_good_parameters_load_without_a_message(tmp_path: Path) -> None:
    fitted = [round(w * 1.01, 4) for w in GOOD]
    fitted = [
        min(max(w, low), high)
        for w, low, high in zip(
            fitted,
            fsrs.scheduler.LOWER_BOUNDS_PARAMETERS,
            fsrs.scheduler.UPPER_BOUNDS_PARAMETERS,
            strict=True,
        )
    ]
    _write(tmp_path, {"scheduler": {"parameters": fitted}})
    loaded = load_config(tmp_path)
    assert loaded.messages == []
    assert loaded.config.study.scheduler.parameters == tuple(fitted)


def test_a_maximum_interval_beyond_a_century_is_refused(tmp_path: Path) -> None:
    """Anki's limit: a longer one would write due dates that read back as damage."""
    _write(tmp_path, {"scheduler": {"maximum_interval": 99999}})
    loaded = load_config(tmp_path)
    assert loaded.config.study.scheduler.maximum_interval == 36500
    assert "maximum_interval must be 1 to 36500 days" in loaded.messages[0]


@pytest.mark.parametrize(
    ("study", "said"),
    [
        ({"queue": {"new_per_day": "x"}}, "queue.new_per_day: 'x' is not a whole number"),
        ({"queue": {"bury_siblings": 1}}, "queue.bury_siblings: 1 is not true or false"),
        ({"scheduler": {"desired_retention": "high"}}, "'high' is not a number"),
        ({"scheduler": {"maximum_interval": True}}, "True is not a whole number"),
    ],
)
def test_a_setting_of_the_wrong_kind_is_named_in_the_message(
    tmp_path: Path, study: dict[str, Any], said: str
) -> None:
    """Before: "bad settings: '<' not supported between instances of 'str' and 'int'"."""
    _write(tmp_path, study)
    loaded = load_config(tmp_path)
    assert len(loaded.messages) == 1
    assert said in loaded.messages[0]
    assert "not supported between" not in loaded.messages[0]


def test_a_setting_written_beside_the_study_parts_is_said_and_the_rest_kept(
    tmp_path: Path,
) -> None:
    """Before: '"study": {"desired_retention": 0.85}' was read by no one, without a word."""
    _write(tmp_path, {"desired_retention": 0.85, "colour": "red", "queue": {"new_per_day": 5}})
    loaded = load_config(tmp_path)
    assert loaded.config.study.queue.new_per_day == 5  # the rest is kept
    assert not loaded.study_unread
    assert [m.split("study settings: ")[1] for m in loaded.messages] == [
        "'colour' is not a study setting (study holds scheduler, queue, decks); left out",
        "'desired_retention' belongs under study.scheduler; left out",
    ]
