"""General forms that the nineteenth set's misses showed missing (session 18, the seventeenth
round: the set spent after it was measured blind), each on made-up sentences in other
words, with look-alikes.

A body the text names by a short form it defines ("the Federal Aviation Administration
(FAA)") is named in full wherever the short form speaks, with the short form as its alias;
a participle after a clause is the clause subject's ("..., the ministers adopted the plan,
explaining that ..."); whoever issued a text speaks through its participle ("the two
agencies released a joint statement explaining that ..."); a verb of saying after "might",
"could" or "must" reports nothing said.
"""

from __future__ import annotations

from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.people import _acronyms


def statements(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(speaker, aliases, words) of each statement the rules find."""
    return [
        (s.speaker, s.aliases, s.words.rstrip(" .,"))
        for s in extract("Title\n\n" + text, parse=False).statements
    ]


def test_short_forms_a_text_defines() -> None:
    found = _acronyms(
        "The Federal Aviation Administration (FAA) and the Department of Labor (DOL) met. "
        "The National Transportation Safety Board (NTSB) spoke. Prices (PPI) rose."
    )
    assert found["FAA"] == "the Federal Aviation Administration"
    assert found["DOL"] == "the Department of Labor"
    assert found["NTSB"] == "the National Transportation Safety Board"
    assert "PPI" not in found  # "Prices" is no name the letters stand for


def test_a_short_form_speaks_for_the_body_it_stands_for() -> None:
    found = statements(
        "The Federal Aviation Administration (FAA) said that the rule would take effect in "
        "May. Later, the FAA announced that it would delay the rule by a year."
    )
    assert [(s, w) for s, _a, w in found] == [
        ("the Federal Aviation Administration", "the rule would take effect in May"),
        ("the Federal Aviation Administration", "it would delay the rule by a year"),
    ]
    assert all("FAA" in aliases for _s, aliases, _w in found)


def test_a_participle_after_a_clause_is_its_subjects() -> None:
    found = statements(
        "In their 2019 Merger Guidelines, the ministers adopted that view, explaining that "
        "most joint ventures in research help consumers."
    )
    assert [(s, w) for s, _a, w in found] == [
        ("the ministers", "most joint ventures in research help consumers")
    ]


def test_whoever_issued_a_text_speaks_through_it() -> None:
    found = statements(
        "In 2016, the FDA and the USDA released a joint statement explaining that raw flour "
        "can carry harmful bacteria."
    )
    assert [(s, w) for s, _a, w in found] == [
        ("the FDA and the USDA", "raw flour can carry harmful bacteria")
    ]


def test_what_someone_might_say_is_not_said() -> None:
    assert statements("For instance, a landlord might argue that the repairs were made.") == []
    assert statements("Critics could claim that the vote was rigged.") == []
    assert [(s, w) for s, _a, w in statements("Critics claimed that the vote was rigged.")] == [
        ("Critics", "the vote was rigged")
    ]
