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


def test_a_source_showing_it_is_an_info_the_author_need_not_act_on() -> None:
    """A source is the article's own sentences: nothing to reword, so not a warning."""
    text = DECK.replace("    explanation:", "    source:")
    report = lint_text(text, "d.yaml")
    (note,) = [f for f in report.findings if f.rule == "L001"]
    assert (note.severity, note.path) == ("info", "entries[2].source")
    assert note.message.endswith("(a source is verbatim: nothing to reword)")
    assert report.infos == 1
    assert RULES["L001"].severity == "warning"  # the rule at its worst: an explanation


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


def _summit_deck(takers: int) -> str:
    """One explanation naming the summit cities of ``takers`` entries (each a city
    answer concerning that summit), and those entries."""
    cities = ["Vilnius", "Madrid", "Brussels", "Washington", "Hague", "Ankara", "Riga", "Oslo"]
    lines = ["id: t", "title: T", "entries:"]
    named = ", ".join(f"the {n + 1}th summit in {cities[n]}" for n in range(takers))
    lines += [
        "  - id: giver",
        "    kind: qa",
        "    prompt: Which alliance holds the summits?",
        "    answer: NATO",
        f"    explanation: NATO held {named}.",
    ]
    for n in range(takers):
        lines += [
            f"  - id: host-{n + 1}",
            "    kind: qa",
            f"    prompt: Which city hosted the {n + 1}th summit?",
            f"    answer: {cities[n]}",
        ]
    return "\n".join(lines) + "\n"


def test_a_place_showing_many_answers_is_one_finding_naming_the_first_five() -> None:
    """One finding per place to fix, not one per pair: the output grows with the deck."""
    found = [f for f in lint_text(_summit_deck(7), "d.yaml").findings if f.rule == "L001"]
    (one,) = found
    assert one.path == "entries[0].explanation"
    assert "gives away the answers of 7 entries:" in one.message
    for named in range(1, 6):
        assert f"'host-{named}'" in one.message
    assert "'host-6'" not in one.message and "'host-7'" not in one.message
    assert "'host-1' ('Vilnius'), " in one.message
    assert "and 2 more, all 5 named in words the checker accepts;" in one.message
    assert one.message.endswith("and each of them on different days; reword the explanation")


def test_two_answers_in_one_place_are_both_named() -> None:
    (one,) = [f for f in lint_text(_summit_deck(2), "d.yaml").findings if f.rule == "L001"]
    assert "the answers of 2 entries: 'host-1' (" in one.message
    assert ") and 'host-2' (" in one.message and "more" not in one.message
    assert ", both in words the checker accepts;" in one.message


def test_one_answer_keeps_the_pair_wording() -> None:
    (one,) = [f for f in lint_text(_summit_deck(1), "d.yaml").findings if f.rule == "L001"]
    assert one.message.startswith("gives away the answer of entry 'host-1' ('Vilnius'")
    assert "the queue keeps 'giver' and 'host-1' on different days" in one.message
