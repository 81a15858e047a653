"""``checks:`` on entries: expected verdicts that ``studyapp lint`` tests (V001)."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.lint.rules import RULES
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import deck_json_schema
from studyapp.core.quiz.judging import SELF_CHARS, SELF_WORDS, too_long_to_type

DECK = """\
id: t
title: T
entries:
  - id: capital
    kind: qa
    prompt: What is the capital of South Korea?
    answer: Seoul
    checks:
      - {answer: "seoul", verdict: correct}
      - {answer: "Seol", verdict: close}
      - {answer: "Tokyo", verdict: wrong}
  - id: capital-jp
    kind: qa
    prompt: What is the capital of Japan?
    answer: Tokyo
  - id: elected
    kind: date
    event: Lee Jae-myung is elected President of South Korea
    date: 2025-06-03
    checks:
      - {answer: "June 3, 2025", verdict: correct}
      - {answer: "6/3/2025", verdict: retry, card: when}
      - {answer: "anything", verdict: self, card: what}
"""


def v001(text: str) -> list[tuple[int, str, str]]:
    return [
        (f.line, f.path, f.message) for f in lint_text(text, "d.yaml").findings if f.rule == "V001"
    ]


def test_the_rule_is_in_the_table_as_an_error() -> None:
    rule = RULES["V001"]
    assert rule.name == "check-failed" and rule.severity == "error"


def test_checks_that_hold_give_no_finding() -> None:
    assert v001(DECK) == []


def test_a_check_the_checker_disagrees_with_names_entry_answer_expected_and_actual() -> None:
    text = DECK.replace('{answer: "Tokyo", verdict: wrong}', '{answer: "Tokyo", verdict: correct}')
    [(line, path, message)] = v001(text)
    assert line == 11 and path == "entries[0].checks[2]"
    assert "capital/answer" in message and "'Tokyo'" in message
    assert "expected to be correct" in message and "the checker says wrong" in message


def test_a_failed_check_makes_lint_fail() -> None:
    text = DECK.replace("verdict: close}", "verdict: correct}")
    report = lint_text(text, "d.yaml")
    assert report.errors == 1


def test_a_check_of_a_card_the_entry_does_not_have_is_a_load_error() -> None:
    text = DECK.replace("card: what}", "card: who}")
    findings = lint_text(text, "d.yaml").findings
    assert any(f.rule == "E000" and "unknown card 'who'" in f.message for f in findings)


def test_a_check_of_a_missing_cloze_blank_is_reported() -> None:
    text = (
        "id: t\ntitle: T\nentries:\n  - id: c\n    kind: cloze\n    text: Seoul is in {{Korea}}\n"
        "    checks:\n      - {answer: Korea, verdict: correct, card: blank-2}\n"
    )
    [(_, _, message)] = v001(text)
    assert "no card 'blank-2'" in message


def test_check_and_checks_are_in_the_json_schema() -> None:
    schema = deck_json_schema()
    defs = schema["$defs"]
    assert "check" in schema["properties"]
    qa = defs["QaEntry"]["properties"]
    assert "check" in qa and "checks" in qa
    verdicts = defs["ExpectedCheck"]["properties"]["verdict"]["enum"]
    assert set(verdicts) == {"correct", "close", "wrong", "retry", "self"}


def test_deck_and_entry_check_modes_load() -> None:
    deck = parse_deck(
        "id: t\ntitle: T\ncheck: self\nentries:\n"
        "  - {id: a, kind: qa, prompt: p, answer: a, check: typed}\n",
        "d.yaml",
    )
    assert deck.check == "self" and deck.entries[0].check == "typed"


@pytest.mark.parametrize(
    ("answer", "long"),
    [
        ("Seoul", False),
        ("Japan, South Korea, Australia and New Zealand", False),  # 7 words, 45 characters
        ("Lee Jae-myung is elected President of South Korea", False),  # 8 words
        ("the part of a cell that makes most of its energy", True),  # 11 words, 48 chars
        ("x" * (SELF_CHARS + 1), True),
        (" ".join(["w"] * (SELF_WORDS + 1)), True),
    ],
)
def test_too_long_to_type(answer: str, long: bool) -> None:
    assert too_long_to_type(answer) is long
