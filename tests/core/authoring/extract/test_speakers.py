"""Speakers across sentences and paragraphs, and reported speech (issue 23)."""

from __future__ import annotations

from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.people import People, person_in


def statements(text: str) -> list[tuple[str, str, str]]:
    """(Q for quoted or R for reported, speaker, words) of each statement."""
    return [
        ("R" if s.reported else "Q", s.speaker, s.words)
        for s in extract("Title\n" + text).statements
    ]


def test_people_are_named_by_title_role_apposition_or_reused_surname() -> None:
    text = (
        "NASA Administrator Charles Bolden spoke. Governor of Washington Chris Gregoire wrote. "
        "The coauthor Colette Heald agreed, and Heald said more. Dr. Michael Malin, principal "
        "investigator, smiled. Kennedy Space Center and Malin Space Science Systems stayed."
    )
    names = {p.name for p in People(text).people}
    assert names == {"Charles Bolden", "Chris Gregoire", "Colette Heald", "Michael Malin"}
    assert person_in("Space Shuttle Program Manager Ron Dittemore") == (
        "Space Shuttle Program Manager",
        "Ron Dittemore",
    )


def test_a_quote_split_by_its_attribution_is_one_statement() -> None:
    text = '"We see layers," said Dr. Michael Malin, principal investigator. "They are old."\n'
    assert statements(text) == [("Q", "Michael Malin", "We see layers … They are old")]


def test_he_said_after_a_paragraph_that_named_him() -> None:
    text = 'Senator Tom Reed visited the plant on Monday.\n"It is a disgrace," he said.\n'
    assert statements(text) == [("Q", "Tom Reed", "It is a disgrace")]


def test_the_minister_is_the_person_the_article_gave_that_role() -> None:
    text = (
        "The finance minister, Anna Berg, spoke first.\n"
        '"We have no choice," the minister told reporters.\n'
    )
    assert statements(text) == [("Q", "Anna Berg", "We have no choice")]


def test_a_quotation_that_goes_on_into_the_next_paragraph_keeps_its_speaker() -> None:
    text = (
        'In a statement, Mayor Lena Ortiz said, "The museum worked hard. We lost.\n'
        '"But the trainer will come here. It is a win."\n'
        '"Nobody names a new speaker here."\n'
        "The council met on Monday.\n"
        '"A quotation after a paragraph without one has no speaker."\n'
    )
    # a paragraph that is only a quotation goes on with the speaker of the one before (news
    # style names every new speaker); after a paragraph with no quotation it has nobody
    assert statements(text) == [
        ("Q", "Lena Ortiz", "The museum worked hard. We lost"),
        ("Q", "Lena Ortiz", "But the trainer will come here. It is a win"),
        ("Q", "Lena Ortiz", "Nobody names a new speaker here"),
    ]


def test_a_quotation_after_the_sentence_that_introduces_its_speaker() -> None:
    text = (
        "U.S. Senator John Cornyn, Republican from Texas, issued a statement on the choice. "
        '"Like many Texans, I am disappointed."\n'
    )
    assert statements(text) == [("Q", "John Cornyn", "Like many Texans, I am disappointed")]


def test_reported_speech_with_its_speaker() -> None:
    text = (
        "NASA Administrator Daniel S. Goldin said the Russian participation will be "
        "accomplished through the center. Officials tell BBC News every claim will be assessed "
        "fairly, with the i reporting nothing. According to the agency, the deficit will grow "
        "next year. The scientists found crop yields exceeded 10% of 2000 levels. They "
        "estimated by 2050, food needs would increase by 50 percent.\n"
    )
    assert statements(text) == [
        (
            "R",
            "Daniel S. Goldin",
            "the Russian participation will be accomplished through the center",
        ),
        ("R", "Officials", "every claim will be assessed fairly"),
        ("R", "the agency", "the deficit will grow next year"),
        ("R", "the scientists", "crop yields exceeded 10% of 2000 levels"),
        ("R", "the scientists", "by 2050, food needs would increase by 50 percent"),
    ]


def test_acts_findings_and_objects_are_not_reported_speech() -> None:
    text = (
        "Bolden announced the locations that would be given the orbiters. The study says "
        "ozone harms crops. The administration calculated that the risk was low. He was told "
        "to leave. The document, which media reports range from ten to 32 pages, is long.\n"
    )
    assert statements(text) == []


def test_a_question_cited_from_a_form_is_not_a_statement() -> None:
    text = 'The Guardian cited questions, including: "Were you trafficked?"\n'
    assert statements(text) == []


def test_an_interview_transcript_gives_each_answer_to_its_speaker() -> None:
    text = (
        "Jane Doe, a candidate, spoke with Wikinews.\n\n"
        "((Wikinews)) Why are you running?\n\n"
        "((Jane Doe)) Because the parties have failed the voters of this state.\n\n"
        "I also think taxes are too high.\n\n"
        "((Wikinews)) What would you cut?\n\n"
        "((Jane Doe)) The subsidies to large companies.\n"
    )
    assert statements(text) == [
        ("Q", "Jane Doe", "Because the parties have failed the voters of this state."),
        ("Q", "Jane Doe", "I also think taxes are too high."),
        ("Q", "Jane Doe", "The subsidies to large companies."),
    ]
