"""The sentence parse (``studyapp[parse]``): statements the rules miss, only added, never in a
sentence the rules already drew a statement from, and nothing at all without spaCy.

These tests need spaCy's model (the dev install has it); without it they are skipped and
``test_without_the_parse_extract_is_the_rules_alone`` still runs.
"""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract import parsed
from studyapp.core.authoring.extract.extraction import extract

needs_parse = pytest.mark.skipif(not parsed.available(), reason="spaCy's model not installed")


def said(text: str, *, parse: bool) -> list[tuple[str, str]]:
    return [(s.speaker, s.words) for s in extract("Title\n\n" + text, parse=parse).statements]


@needs_parse
@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        (
            "Speaking to farmers in Iowa last week, the secretary promised the subsidies would "
            "continue.",
            "the secretary",
            "the subsidies would continue",
        ),
        (
            "Her lawyer, whose firm has represented the family for years, maintains that the "
            "will is valid.",
            "Her lawyer",
            "the will is valid",
        ),
    ],
)
def test_the_parse_adds_statements_the_rules_miss(sentence: str, speaker: str, words: str) -> None:
    assert (speaker, words) not in said(sentence, parse=False)
    assert (speaker, words) in said(sentence, parse=True)


@needs_parse
def test_a_sentence_the_rules_read_is_left_to_them() -> None:
    text = (
        "Dr. Amara Osei, who led the survey, believes the decline will continue for a decade. "
        "The company insists its software was never used for surveillance."
    )
    assert said(text, parse=True) == said(text, parse=False)


@needs_parse
def test_the_parse_marks_its_statements_reported_with_their_sentence() -> None:
    text = (
        "Title\n\nHer lawyer, whose firm has represented the family, maintains that the will "
        "is valid.\n"
    )
    found = extract(text, parse=True)
    (statement,) = found.statements
    assert statement.reported
    assert [s.text for s in statement.sentences] == [found.sentences[-1].text]
    start, end = statement.spans[0]
    assert text[start:end] == "the will is valid"


@needs_parse
@pytest.mark.parametrize(
    "sentence",
    [
        "The map shows that the river once ran further east.",  # a thing's finding
        "Reporters asked how the fire had started.",  # an indirect question
        "We believe the plan will work.",  # the writer
        "The minister did not say whether the tax would rise.",  # nothing said
        "The taxes requested in arrears were paid in May.",  # a participle, nobody speaks
    ],
)
def test_look_alikes_the_parse_leaves_alone(sentence: str) -> None:
    assert said(sentence, parse=True) == said(sentence, parse=False)


@needs_parse
def test_the_parse_tells_how_far_it_is() -> None:
    seen: list[tuple[int, int]] = []
    text = "Title\n\n" + "\n\n".join(f"Paragraph {n} says little." for n in range(45))
    extract(text, parse=True, parse_progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 46) and seen[-1] == (46, 46)


def test_without_the_parse_extract_is_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = said(
        "Her lawyer, whose firm has represented the family, maintains the will is valid.",
        parse=False,
    )
    monkeypatch.setattr(parsed, "_pipeline", lambda: None)
    assert not parsed.available()
    assert (
        said(
            "Her lawyer, whose firm has represented the family, maintains the will is valid.",
            parse=True,
        )
        == rules
    )


@needs_parse
@pytest.mark.parametrize(
    "sentence",
    [
        # a share of a fund is nobody (the parse took "30%" for the subject)
        "After the FY2025 NOFO made 30% of ARD available in tier 1, language in the FY2026 "
        'appropriation provided that HUD "shall select projects totaling not less than 60 '
        'percent of the [ARD]" for each applicant.',
        # a survey's questions are asked, not stated
        'The 1991 NHIS-HPDP supplement asked "Have you used snuff at least 20 times in your '
        'entire life?" and "Do you use snuff now?"',
        # data are no speaker ("according to NHDS data")
        "Trial of labor was routinely offered in 46% of hospitals surveyed in 1984 (the most "
        "recent year for which national data are available) (9) when the VBAC rate (according "
        "to NHDS data) was 5.",
    ],
)
def test_numbers_questions_and_data_speak_for_nobody(sentence: str) -> None:
    """Regressions from the spent sets' drafts (session 16): each drafted a statement."""
    assert said(sentence, parse=True) == said(sentence, parse=False)
