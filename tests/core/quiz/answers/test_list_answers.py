"""Issue 16: list answers (``members:``) and the lint rule for a partial ``accept`` alias."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.decks.model import QaEntry
from studyapp.core.quiz.answers.lists import list_members, split_list

DECK = """\
id: geo
title: Geography
entries:
  - id: ip4
    kind: qa
    prompt: Which four countries are NATO's Indo-Pacific partners?
    answer: Japan, South Korea, Australia and New Zealand
    accept: [South Korea, Japan, Australia and New Zealand]
  - id: duo
    kind: qa
    prompt: Which two countries share Hispaniola?
    answer: Haiti and the Dominican Republic
    members: [Haiti, Dominican Republic]
    accept: [Hispaniola's two states, Haiti]
  - id: fine
    kind: qa
    prompt: Which four countries are NATO's Indo-Pacific partners (again)?
    answer: Japan, South Korea, Australia and New Zealand
    accept: ["South Korea, Japan, Australia and New Zealand", the IP4]
"""


def test_lint_flags_an_alias_that_is_only_part_of_a_list() -> None:
    report = lint_text(DECK, "geo.yaml")
    flagged = sorted(f.path for f in report.findings if f.rule == "A001")
    assert flagged == [
        "entries[0].accept[0]",
        "entries[0].accept[1]",
        "entries[0].accept[2]",
        "entries[1].accept[1]",
    ]


@pytest.mark.parametrize(
    ("answer", "members"),
    [
        ("Japan, South Korea, Australia and New Zealand", 4),
        ("mitochondria, ribosomes & lysosomes", 3),
        ("Bosnia and Herzegovina", 0),
        ("Camp David, Maryland", 0),
        ("June 3, 2025", 0),
        ("1, 2 and 3", 0),
    ],
)
def test_a_list_is_read_from_the_answer_only_when_it_is_one(answer: str, members: int) -> None:
    assert len(list_members(answer) or ()) == members


def test_a_member_with_and_in_it_stays_whole() -> None:
    members = ["Trinidad and Tobago", "Antigua and Barbuda", "Cuba"]
    assert split_list("Cuba and Trinidad and Tobago / Antigua and Barbuda", members) == [
        "Cuba",
        "Trinidad and Tobago",
        "Antigua and Barbuda",
    ]


def test_members_must_be_distinct() -> None:
    base = {"id": "x", "kind": "qa", "prompt": "p?", "answer": "a and b"}
    with pytest.raises(ValidationError):
        QaEntry.model_validate(base | {"members": ["a", "A"]})
    with pytest.raises(ValidationError):
        QaEntry.model_validate(base | {"members": ["a"]})
    assert QaEntry.model_validate(base | {"members": ["a", "b"]}).members == ["a", "b"]
