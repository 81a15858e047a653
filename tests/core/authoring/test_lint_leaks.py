"""``lint`` on answers shown elsewhere: L002 in a question (an error), L001 in notes."""

from __future__ import annotations

from studyapp.core.authoring.lint.rules import RULES
from studyapp.core.authoring.lint.runner import lint_text

DECK = """\
id: t
title: T
entries:
  - id: survey-date
    kind: date
    event: The East Asia Institute conducts its survey
    prompt: When did the East Asia Institute conduct its survey?
    date: 2025-01
  - id: survey-share
    kind: figure
    measure: Share of conservatives who cited history issues
    prompt: In the East Asia Institute's January 2025 survey, what share cited history issues?
    value: 24.0
    unit: "%"
  - id: calls
    kind: date
    event: Lee's introductory call to Ishiba
    date: 2025-06-09
    explanation: Lee was elected President on June 3, 2025, and called Ishiba a week later.
  - id: elected
    kind: date
    event: Lee Jae-myung is elected President
    date: 2025-06-03
"""


def test_a_question_showing_another_entrys_answer_is_an_error_naming_both() -> None:
    found = lint_text(DECK, "d.yaml").findings
    (shown,) = [f for f in found if f.rule == "L002"]
    assert RULES["L002"].severity == "error"
    assert (shown.path, shown.line, shown.col) == ("entries[1].prompt", 12, 13)
    assert "'survey-share'" in shown.message and "'survey-date'" in shown.message
    assert "'January 2025'" in shown.message


def test_an_explanation_showing_it_stays_a_warning() -> None:
    found = lint_text(DECK, "d.yaml").findings
    (note,) = [f for f in found if f.rule == "L001"]
    assert note.severity == "warning"
    assert note.path == "entries[2].explanation" and "'elected'" in note.message


def test_options_are_positioned_at_the_option() -> None:
    text = DECK + (
        "  - id: pick\n"
        "    kind: choice\n"
        "    prompt: What did Lee do right after he was elected President?\n"
        "    answer: He called world leaders\n"
        "    distractors: [He resigned, Elected President on June 3]\n"
    )
    paths = [f.path for f in lint_text(text, "d.yaml").findings if f.rule == "L002"]
    assert "entries[4].distractors[1]" in paths


def test_drafted_entries_are_listed_until_an_author_accepts_them() -> None:
    text = (
        "id: t\ntitle: T\nentries:\n"
        "  - id: a\n    kind: qa\n    prompt: In which year?\n    answer: '2014'\n"
        "    tags: [needs-year]\n    review: true\n"
        "  - id: b\n    kind: qa\n    prompt: Who?\n    answer: Kim\n"
    )
    (found,) = [f for f in lint_text(text, "d.yaml").findings if f.rule == "R001"]
    assert found.severity == "warning" and found.path == "entries[0].review"
    assert (
        "its year is not in the text" in found.message and "delete `review: true`" in found.message
    )
