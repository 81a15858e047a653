"""Reported speech in the forms news, analysis and history use (issue 23): the clause a
speaker is said to have said, and nothing that only looks like one."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract.extraction import extract


def statements(text: str) -> list[tuple[str, str, str]]:
    """(Q for quoted or R for reported, speaker, words) of each statement."""
    return [
        ("R" if s.reported else "Q", s.speaker, s.words)
        for s in extract("Title\n" + text).statements
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "In a televised address, President Richard Nixon told the nation that he was "
            "acting to defend the dollar.",
            "Richard Nixon",
            "he was acting to defend the dollar",
        ),
        (
            "Mayor Jane Porter said in an interview with the BBC that the budget would be cut.",
            "Jane Porter",
            "the budget would be cut",
        ),
        (
            "Mayor Jane Porter told reporters after the vote that the town could not wait.",
            "Jane Porter",
            "the town could not wait",
        ),
        (
            "Ellen Park, the director of the museum, was quoted as saying that the painting "
            "was a fake.",
            "Ellen Park",
            "the painting was a fake",
        ),
        (
            "Under the plan, according to officials, schools would reopen in September.",
            "officials",
            "schools would reopen in September",
        ),
        (
            "Mark Rathbun runs a blog. According to Rathbun the property was returned by mail.",
            "Mark Rathbun",
            "the property was returned by mail",
        ),
        (
            "He met Tom Devocht, who had told Montalvo he would assist him with housing, in "
            "Florida.",
            "Tom Devocht",
            "he would assist him with housing",
        ),
        (
            "Some observers contend that the vote reflected anger at the old parties.",
            "Some observers",
            "the vote reflected anger at the old parties",
        ),
        (
            "Asked about the delay, Dr. Ann Kim replied that the parts had not arrived.",
            "Ann Kim",
            "the parts had not arrived",
        ),
        (
            "Both Washington and Moscow subsequently pledged to adhere to the treaty's terms.",
            "Washington and Moscow",
            "to adhere to the treaty's terms",
        ),
        (
            "The fishermen's association, which represents about 40 boats, said it supported "
            "the vote.",
            "the fishermen's association",
            "it supported the vote",
        ),
        (
            "Professor Mark Dunn and his colleagues report in the journal Nature that the "
            "glacier lost a third of its mass.",
            "Mark Dunn",
            "the glacier lost a third of its mass",
        ),
        (
            "President Richard Nixon told aides that he wanted the news kept secret.",
            "Richard Nixon",
            "he wanted the news kept secret",
        ),
        (
            "Press secretary Karine Jean-Pierre told reporters Monday that nothing had been "
            "decided yet.",
            "Karine Jean-Pierre",
            "nothing had been decided yet",
        ),
        (
            "The images, Dr. Robert Bindschadler said, show cracks forming before the breakup.",
            "Robert Bindschadler",
            "The images show cracks forming before the breakup",
        ),
        (
            "The study's lead author, Dr. Susan Lee of the University of Colorado, said the "
            "results surprised the team.",
            "Susan Lee",
            "the results surprised the team",
        ),
        (
            "Mission managers said Thursday the launch would be delayed by a day.",
            "Mission managers",
            "the launch would be delayed by a day",
        ),
    ],
)
def test_a_reported_clause_and_its_speaker(text: str, speaker: str, words: str) -> None:
    assert ("R", speaker, words) in statements(text + "\n")


def test_a_participle_reports_a_second_clause_of_the_same_speaker() -> None:
    text = "Minister Ana Lopez insisted the plan was sound, adding that critics had not read it.\n"
    assert statements(text) == [
        ("R", "Ana Lopez", "the plan was sound"),
        ("R", "Ana Lopez", "critics had not read it"),
    ]


def test_a_clause_ends_where_another_speaker_takes_over() -> None:
    text = (
        "President Lyndon Johnson said they must slow the race, and Secretary of Defense "
        "Robert McNamara argued that escalation was an insane road to follow.\n"
    )
    assert statements(text) == [
        ("R", "Lyndon Johnson", "they must slow the race"),
        ("R", "Robert McNamara", "escalation was an insane road to follow"),
    ]


def test_a_memorandum_speaks_for_the_person_who_sent_it() -> None:
    text = (
        "President Trump’s memorandum states that the withdrawal prevents any new leasing. "
        "The memorandum states that the halt lasts until the memorandum is revoked.\n"
    )
    assert [s[1] for s in statements(text)] == ["Trump", "Trump"]


@pytest.mark.parametrize(
    "text",
    [
        "Recent reports have revealed that a defector was arrested in California.",
        '"We take security seriously," spokeswoman Sujata Raisinghani said, but refused to '
        "give any more details about the papers.",
        '"I will not comment," Senator Carl Meyer said when asked about the report.',
        "The committee will report to parliament on the changes next spring.",
        "Officials have not said why the team was denied visas.",
    ],
)
def test_nouns_circumstances_and_coordinated_acts_are_not_reports(text: str) -> None:
    assert [s for s in statements(text + "\n") if s[0] == "R"] == []
