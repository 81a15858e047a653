"""General forms that the thirteenth blind set's misses showed missing (session 16, the
eleventh round: the thirteenth set spent), each on made-up sentences in other words, with
look-alikes that must draft nothing or something else.

Dates: a paragraph that has reached a date ("On March 3, 1994, ...") and then tells a year
of its backstory in passing ("the union, founded in May 1983, ...", "who led the strike in
1976") keeps its year for the year-less dates that follow; a sentence that opens on the
earlier year ("In 1983, ...") moves the story there.

Statements: an aside between a verb and its "that" ("held, among other things, that",
"made clear—at first in private—that"); "confided in his aides that"; a verb of saying
joined after another one ("warned X of Y, and confided ... that"); a quotation's speaker in
an "as" clause after it ("“...,” as one of her aides put it"); an act owned by its speaker
that opens a sentence ("Her call for the council to ... has shaped ..."); the owner of a
speech, letter or essay that calls on someone ("Lincoln's letter urging Grant to “...”"); a
name, then a role in apposition whose closing comma is missing; people named by their trade
with a place's abbreviation ("Some U.S. dairy and grain farmers"); a participle after
"while" ("... while also stressing the need for ..."). What a named text lays down, in more
shapes: "requires that ...", "defines X as ...", "prohibits the use of ...", a document by its
series and number ("DODI 5000.02"), a part of a text with its text ("Section 12 of the 2019
Farm Act"), a policy owned by a body, a text in a subordinate clause ("Although the code
bars ..., ..."). Structures are not people ("the Berlin Wall", "the Golden Gate").
"""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.people import People


def statements(text: str) -> list[tuple[str, str]]:
    """(speaker, words) of each statement."""
    return [(s.speaker, s.words) for s in extract("Title\n\n" + text).statements]


def dated(text: str) -> dict[str, str]:
    """Each dated mention's words -> its date."""
    return {d.text: str(d.date) for d in extract(text).dates if d.date is not None}


def test_a_year_of_the_backstory_told_in_passing_keeps_the_paragraphs_year() -> None:
    text = (
        "The strike of 1994\n\n"
        "On March 3, 1994, the talks between the mine owners and the union began in Leeds. "
        "The union was founded in May 1983 after a wave of closures. The agreement, signed "
        "on April 9, ended the strike. Ann Ray, who had led the walkout in 1976, spoke on "
        "June 2."
    )
    found = dated(text)
    assert found["April 9"] == "1994-04-09"
    assert found["June 2"] == "1994-06-02"
    assert found["May 1983"] == "1983-05"  # (the backstory's own date stays its own)


def test_a_sentence_that_opens_on_an_earlier_year_moves_the_story_there() -> None:
    text = (
        "The strike of 1994\n\n"
        "On March 3, 1994, the talks began in Leeds. In May 1983, the union was founded, "
        "and on June 2 it held its first congress."
    )
    assert dated(text)["June 2"] == "1983-06-02"


def test_a_look_back_of_a_few_months_is_still_the_same_story() -> None:
    text = (
        "Election year\n\n"
        "On November 4, 2008, the votes were counted. The campaign had begun in "
        "February 2008, and on December 15 the electors met."
    )
    assert dated(text)["December 15"] == "2008-12-15"


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        (
            "On May 2, the appeals court held, among other things, that the fine was too high.",
            "the appeals court",
            "the fine was too high",
        ),
        (
            "Mandela made clear—first to his lawyers, then to the press—that he would not "
            "accept conditions.",
            "Mandela",
            "he would not accept conditions",
        ),
        (
            "Tito warned the delegates of the danger, and confided in his aides that the "
            "federation could not last.",
            "Tito",
            "the federation could not last",
        ),
        (
            "Grace Lin, senior adviser to Mayor Ortiz said that the budget was balanced.",
            "Grace Lin",
            "the budget was balanced",
        ),
        (
            "Some U.S. dairy and grain farmers argue that the quotas are unfair.",
            "Some U.S. dairy and grain farmers",
            "the quotas are unfair",
        ),
        (
            "Many growers back the plan while also stressing the need for water reform.",
            "Many growers",
            "stressing the need for water reform",
        ),
    ],
)
def test_the_eleventh_round_forms_are_statements(sentence: str, speaker: str, words: str) -> None:
    assert (speaker, words) in statements(sentence)


def test_a_quotations_speaker_in_an_as_clause_after_it() -> None:
    found = statements(
        "Golda Meir met the envoy. The talks “opened a door that had been shut for years” "
        "as one of Meir’s aides later described."
    )
    assert ("one of Meir’s aides", "opened a door that had been shut for years") in found
    found = statements("The pact marked “a new chapter for the region,” as the minister put it.")
    assert ("the minister", "a new chapter for the region") in found


def test_an_owned_call_that_opens_the_sentence_ends_before_its_verb() -> None:
    found = statements(
        "Jane Addams wrote often about peace. Her call for the nations to settle disputes "
        "by arbitration has shaped the debate since."
    )
    assert ("Jane Addams", "call for the nations to settle disputes by arbitration") in found


def test_the_owner_of_a_speech_that_calls_on_someone_is_the_quotations_speaker() -> None:
    found = statements(
        "Few readers of Abraham Lincoln’s 1864 letter urging Ulysses Grant to “hold on with a "
        "bulldog grip” expected a quick end."
    )
    assert ("Abraham Lincoln", "hold on with a bulldog grip") in found


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        (
            "Section 14 requires that the agency publish its data within 60 days.",
            "Section 14",
            "requires that the agency publish its data within 60 days",
        ),
        (
            "Section 12 of the 2019 Farm Act (P.L. 116-9) additionally requires the Secretary "
            "to report each year.",
            "Section 12 of the 2019 Farm Act (P.L. 116-9)",
            "requires the Secretary to report each year",
        ),
        (
            "DODI 5000.02 defines a major program as one that costs more than $500 million.",
            "DODI 5000.02",
            "defines a major program as one that costs more than $500 million",
        ),
        (
            "Meta's content policy prohibits the sale of firearms between users.",
            "Meta's content policy",
            "prohibits the sale of firearms between users",
        ),
        (
            "Although the FIFA code bars clubs from paying agents in cash, reports say it "
            "happened.",
            "the FIFA code",
            "bars clubs from paying agents in cash",
        ),
    ],
)
def test_what_a_named_text_lays_down_in_more_shapes(
    sentence: str, speaker: str, words: str
) -> None:
    assert (speaker, words) in statements(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The law requires that the agency publish its data within 60 days.",
        "The policy prohibits the sale of firearms between users.",
        "The board held, among other things, a vote on the budget.",
        "The leaders opened “a new chapter” as expected.",
        "Smith’s proposal that the tax be cut failed in the Senate.",
        "The mayor said—and this was new—nothing at all.",
    ],
)
def test_look_alikes_of_the_eleventh_round_draft_no_statement(sentence: str) -> None:
    assert statements(sentence) == []


def test_a_structure_is_not_a_person() -> None:
    people = People(
        "Crowds gathered at the Berlin Wall and at the Golden Gate. Later, the Berlin Wall "
        "fell, and the Golden Gate was closed."
    )
    assert [p.name for p in people.people] == []
