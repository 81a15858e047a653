"""Fitted parameters schedule as in Anki: the same set given to Anki gives the same intervals.

The parameters are fitted here (fsrs-rs, ``studyapp.core.tuning``) on synthetic
learners whose memory is far from FSRS-6's defaults, then both schedulers run the
sequences of :mod:`tests.core.study.test_anki_parity` (its harness, fuzz off on both
sides) with them: the default preset's steps, and a custom one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from tests.core.study.test_anki_parity import (  # sets ANKI_TEST_MODE before anki loads
    CUSTOM,
    DEFAULT,
    SEQUENCES,
    configure,
    ours,
    parse,
)
from tests.core.study.test_anki_parity import anki as anki_intervals

pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")

from anki.collection import Collection

from studyapp.core.study.settings import SchedulerSettings
from studyapp.core.tuning.items import build_training_set
from studyapp.core.tuning.model import DEFAULT_PARAMETERS, fit
from tests.core.tuning.synthetic import START, SyntheticLearner

SLOW_LEARNER = (
    0.3, 0.9, 2.2, 12.0, 7.9, 0.9, 2.8, 0.05, 1.2, 0.3, 0.7,
    2.2, 0.15, 0.2, 2.4, 0.3, 1.5, 0.7, 0.4, 0.3, 0.6,
)  # fmt: skip
"""A second ground truth: a slow, steep forgetter, unlike the synthetic default's."""


def fitted(seed: int, truth: tuple[float, ...] | None = None) -> tuple[float, ...]:
    kw = {} if truth is None else {"truth": truth}
    learner = SyntheticLearner(seed=seed, new_per_day=15, **kw)  # type: ignore[arg-type]
    found = fit(build_training_set(learner.days(0, 120), anchor=int(START.timestamp())))
    assert found != DEFAULT_PARAMETERS
    return found


@pytest.fixture(scope="module", params=["fitted-default-steps", "fitted-custom-steps"])
def collection(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, int, SchedulerSettings]]:
    if request.param == "fitted-default-steps":
        settings = replace(DEFAULT, parameters=fitted(3))
    else:
        settings = replace(CUSTOM, parameters=fitted(8, SLOW_LEARNER))
    path: Path = tmp_path_factory.mktemp("anki") / "collection.anki2"
    col = Collection(str(path))
    try:
        yield col, configure(col, settings), settings
    finally:
        col.close()


def test_the_fitted_sets_are_far_from_the_defaults(
    collection: tuple[Any, int, SchedulerSettings],
) -> None:
    _, _, settings = collection
    assert settings.parameters is not None
    far = sum(
        abs(w - d) > 0.1 * max(abs(d), 0.05)
        for w, d in zip(settings.parameters, DEFAULT_PARAMETERS, strict=True)
    )
    assert far >= 8


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_intervals_with_fitted_parameters_equal_ankis(
    collection: tuple[Any, int, SchedulerSettings], sequence: str
) -> None:
    col, did, settings = collection
    steps = parse(sequence)
    assert ours(settings, steps) == anki_intervals(col, did, steps)
