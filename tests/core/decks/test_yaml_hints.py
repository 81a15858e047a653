"""A YAML syntax error says what to do about it, not only libyaml's words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.yamlread import read_yaml_events, syntax_hint

HEAD = "id: x\ntitle: X\nentries:\n  - id: a\n    kind: qa\n"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (HEAD + "    prompt: P?\n   answer: A\n", "check the indentation"),
        (HEAD + "    prompt: What: is this?\n    answer: A\n", "needs quotes"),
        (HEAD + '    prompt: "never closed\n    answer: A\n', "never closed"),
        (HEAD + "    prompt: `cmd`\n    answer: A\n", "a value starting with '`' needs quotes"),
    ],
    ids=["indent", "colon", "quote", "backtick"],
)
def test_each_common_mistake_gets_its_remedy(text: str, hint: str) -> None:
    doc = read_yaml_events(text, "deck.yaml")
    (problem,) = doc.problems
    assert problem.message.startswith("YAML syntax: ")
    assert hint in problem.message, problem.message


def test_a_tab_gets_its_own_plain_message() -> None:
    """No "YAML syntax: ... (while scanning ...)": what the tab is, where, what to do."""
    (problem,) = read_yaml_events(HEAD + "\tprompt: P?\n    answer: A\n", "deck.yaml").problems
    assert (problem.line, problem.col) == (6, 1)
    assert problem.message == (
        "a tab character at 6:1: YAML indents with spaces only; replace the tab with spaces"
    )


def test_an_unknown_wording_gets_no_made_up_hint() -> None:
    assert syntax_hint("something libyaml never said", "x") == ""


@given(st.text(alphabet="ab: -\t\"'`\n{}[]#", max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_text_reads_or_gets_positioned_problems(text: str) -> None:
    doc = read_yaml_events(text, "deck.yaml")
    for problem in doc.problems:
        assert problem.line >= 1 and problem.col >= 1
        assert "Traceback" not in problem.message
