"""Lint's shortcuts change no finding: the same decks linted with them and without.

Lint skips the date finder on texts that can state no date (``datehint``), reads a
number written in digits before running the figure finder, and judges "does the
checker accept these words?" with keys that leave out lookalikes (``acceptance``).
Each test lints a deck twice, the second time with every shortcut turned off (the
finders always run, keys are the full ``answer_key``), and the findings must be
the same, text for text.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from studyapp.core.authoring.lint import entries, leaks
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.quiz.answers.keyindex import answer_key
from tests.conftest import REPO

HAND_MADE = """id: t
title: T
entries:
  - id: opt
    kind: choice
    prompt: Which country hosted the summit?
    answer: France
    distractors: [United States, USA, Germany]
    source: France hosted the summit.
  - id: month
    kind: date
    event: In June the treaty is signed
    date: 1965-06
    source: The treaty was signed in June 1965.
  - id: century
    kind: date
    event: The fort is built
    date: 1801
    source: The fort was built in the nineteenth century.
  - id: words
    kind: date
    event: The bridge opens
    date: 2010
    source: The bridge opened, people said, a while ago.
  - id: day
    kind: date
    event: The vote
    date: 2024-03-05
    source: The vote was held on March 5 after a long debate.
  - id: fig
    kind: figure
    measure: Years the war lasted
    value: 3
    source: The war lasted three years.
  - id: fig2
    kind: figure
    measure: Share who agreed
    value: 55.5
    unit: '%'
    source: Some 5.55% agreed.
  - id: who
    kind: qa
    prompt: Who hosted the summit in 1965?
    answer: Charles de Gaulle
    source: Charles de Gaulle hosted the summit in 1965.
    explanation: The treaty was signed in June 1965, and France hosted the summit.
"""


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


@pytest.fixture
def no_shortcuts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Lint as before the shortcuts: every finder runs, every key is the full one."""
    with monkeypatch.context() as patch:
        patch.setattr(entries, "may_state_a_date", lambda text: True)
        patch.setattr(entries, "_in_digits", lambda text, value: False)
        patch.setattr(entries, "accepting_key", lambda entry: answer_key(entry))
        patch.setattr(leaks, "accepting_key", lambda entry: answer_key(entry))
        yield


def _findings(text: str) -> list[str]:
    return [str(f) for f in lint_text(text, "d.yaml").findings]


def _decks() -> dict[str, str]:
    bench = _load("leaks_scale_for_tests", REPO / "benchmarks" / "leaks_scale.py")
    found = {"hand-made": HAND_MADE}
    found["bundled"] = (REPO / "decks" / "lee-pragmatic-diplomacy.yaml").read_text("utf-8")
    for name, make in bench.DECKS.items():
        found[name] = make(300)
    return found


DECKS = _decks()


@pytest.mark.parametrize("name", sorted(DECKS))
def test_findings_are_those_without_shortcuts(name: str, request: pytest.FixtureRequest) -> None:
    text = DECKS[name]
    fast = _findings(text)
    request.getfixturevalue("no_shortcuts")
    assert fast == _findings(text)


def test_the_hand_made_deck_takes_every_path() -> None:
    """Both outcomes of each shortcut happen in the hand-made deck."""
    rules = {(f.rule, f.path) for f in lint_text(HAND_MADE, "d.yaml").findings}
    assert ("O003", "entries[0].distractors[1]") in rules  # USA is United States
    assert ("G001", "entries[1].event") in rules  # "In June": a month name, no digit
    assert ("S002", "entries[3].date") in rules  # no year at all: the finders ran
    assert ("S002", "entries[6].value") in rules  # digits, not the value: numbers_in ran
    assert ("S002", "entries[0].date") not in rules
    for ok in (1, 2, 4, 5):  # month, century (1800s, 1801 allowed), "March 5", "three": no digits
        assert not any(rule == "S002" and path.startswith(f"entries[{ok}]") for rule, path in rules)
    leaks_found = [f.message for f in lint_text(HAND_MADE, "d.yaml").findings if f.rule == "L001"]
    assert any("the checker accepts" in m for m in leaks_found)
