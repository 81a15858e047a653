"""General forms that the eighteenth set's misses showed missing (session 18, the sixteenth
round: the set spent after it was measured blind), each on made-up sentences in other
words, with look-alikes.

Statements: "state" is a verb of saying only before "that", a colon or a quotation ("state
tort regimes", "state law"); the text speaking of itself ("This Legal Sidebar explains
...") and anyone at all ("a plaintiff alleging ... must show that") say nothing; "wrote the
opinion for the Court" is an act; a text's provision inside someone's reading ("The dissent
observed that the Act's provision requires ...", "according to the dissent, the Act
requires ...") is that someone's; "Therefore, according to X, ..." is X's; "Having concluded
that A, the court ..." is the court's A; "proposed that A; that B; and that C" is three;
"invited the envoys to ..." is a request; "proposed dividing ..." and "proposed a cap of
..." are proposals. Figures: a list of age groups names who was counted; a count's share
in square brackets. Dates: "the first to be recognized" speaks of no future.
"""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.figures import find_figures


def said(text: str) -> list[tuple[str, str]]:
    """(speaker, words) of each statement the rules find, the words without their stop."""
    return [
        (s.speaker, s.words.rstrip(" .,"))
        for s in extract("Title\n\n" + text, parse=False).statements
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Similar disputes between federal agencies and state licensing boards have arisen in "
        "other fields in recent years.",
        "This Legal Sidebar explains the background of the ruling and the options before Congress.",
        "This CRS Insight discusses the bill's main provisions and the debate around them.",
        "In Ohio, a tenant alleging constructive eviction must show that the landlord failed "
        "to make repairs.",
        "Justice Alito wrote the opinion for the Court, in which five Justices joined.",
        "Having found a new base of support, Moreno quickly tightened his hold on the party.",
    ],
)
def test_nothing_is_said(sentence: str) -> None:
    assert said(sentence) == []


def test_state_before_that_still_says() -> None:
    assert said("Residents state that the river flooded twice last spring.") == [
        ("Residents", "the river flooded twice last spring")
    ]


def test_this_doctrine_is_no_text_speaking_of_itself() -> None:
    assert said("This Doctrine stated that Britain would not accept any change to the border.") == [
        ("This Doctrine", "Britain would not accept any change to the border")
    ]


def test_a_provision_inside_someones_reading_is_theirs() -> None:
    found = said(
        "The dissent observed that the Act's labeling provision requires warnings on every "
        "package sold."
    )
    assert all(speaker == "the dissent" for speaker, _w in found), found
    assert said(
        "Therefore, according to the dissent, the Clean Air Act requires states to act first."
    ) == [("the dissent", "the Clean Air Act requires states to act first")]


def test_having_concluded_gives_the_main_clauses_subject() -> None:
    assert said(
        "Having concluded that the tax was lawful, the court also rejected the claim for damages."
    ) == [("the court", "the tax was lawful")]


def test_each_that_clause_after_semicolons_is_a_statement() -> None:
    assert said(
        "France proposed that the tariffs be cut by half; that quotas end within two years; "
        "and that a joint board review disputes."
    ) == [
        ("France", "the tariffs be cut by half"),
        ("France", "quotas end within two years"),
        ("France", "a joint board review disputes"),
    ]


def test_an_invitation_to_act_and_a_proposal_are_statements() -> None:
    assert said(
        "In 1905, President Theodore Roosevelt invited the two sides to meet in Portsmouth."
    ) == [("Theodore Roosevelt", "the two sides to meet in Portsmouth")]
    assert said("Italy proposed dividing the fleet into two squadrons of equal size.") == [
        ("Italy", "proposed dividing the fleet into two squadrons of equal size")
    ]
    assert said("Germany proposed a cap of 35 percent on tariffs for farm goods.") == [
        ("Germany", "proposed a cap of 35 percent on tariffs for farm goods")
    ]
    assert said("The minister proposed tax cuts in a short speech.") == []


def test_a_list_of_age_groups_names_who_was_counted() -> None:
    found = [
        (str(f.value), f.unit)
        for f in find_figures(
            "Attack rates among persons aged ≤17 years, 18–49 years, and ≥50 years were "
            "4.1%, 38.0%, and 44.5%, respectively."
        )
    ]
    assert found == [("4.1", "%"), ("38.0", "%"), ("44.5", "%")]
    counted = [
        str(f.value) for f in find_figures("They visited 12 towns, 19 villages, and 65 farms.")
    ]
    assert counted == ["12", "19", "65"]


def test_a_share_in_square_brackets_is_the_counts_share() -> None:
    found = [
        (str(f.value), f.measure)
        for f in find_figures(
            "By June 1, 48 cases (including five [10%] admissions and two [4%] deaths) had "
            "been reported."
        )
    ]
    assert ("5", "number of admissions") in found
    assert ("10", "share: admissions") in found
    assert ("2", "number of deaths") in found


def test_the_first_to_be_recognized_speaks_of_no_future() -> None:
    text = (
        "Title\n\nWeekly / June 5, 2020\n\nThe two teachers were the first to be recognized "
        "among the 20 patients identified through May 28.\n"
    )
    dates = {(d.text, str(d.date)) for d in extract(text).dates}
    assert ("May 28", "2020-05-28") in dates, dates
