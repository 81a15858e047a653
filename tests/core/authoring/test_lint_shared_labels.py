"""D003: a measure (or an event) two entries share names neither of them alone."""

from __future__ import annotations

from studyapp.core.authoring.lint.rules import RULES
from studyapp.core.authoring.lint.runner import lint_text

DECK = """\
id: match
title: A match
entries:
  - id: first-goal
    kind: figure
    measure: Which minute
    prompt: Kane scores from a penalty in the ____th minute.
    value: 11
  - id: second-goal
    kind: figure
    measure: which  minute
    prompt: Kane heads in the winner in the ____th minute.
    value: 91
  - id: crowd
    kind: figure
    measure: Spectators at the Volgograd Arena
    value: 41064
  - id: kick-off
    kind: date
    event: The match is played
    date: 2018-06-18
  - id: replay
    kind: date
    event: The match is played
    prompt: When was the replay?
    date: 2018-06-20
"""


def test_each_entry_after_the_first_with_a_shared_label_is_warned() -> None:
    found = [f for f in lint_text(DECK, "d.yaml").findings if f.rule == "D003"]
    assert RULES["D003"].severity == "warning"
    assert [(f.path, f.line, f.col) for f in found] == [
        ("entries[1].measure", 11, 14),
        ("entries[4].event", 24, 12),
    ]
    assert "same measure as entries[0] ('first-goal', line 4)" in found[0].message
    assert "say what this one measures" in found[0].message
    assert "say what this one is" in found[1].message


def test_labels_of_their_own_are_not_warned() -> None:
    own = DECK.replace("which  minute", "Minute of Kane's winner").replace(
        "event: The match is played\n    prompt", "event: The replay is played\n    prompt"
    )
    assert [f for f in lint_text(own, "d.yaml").findings if f.rule == "D003"] == []
