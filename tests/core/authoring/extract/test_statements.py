"""Quotations and who said them, in the forms issue 23 names: attributions after the quote,
affiliations, "according to", announcements that end a paragraph, British quotation marks."""

from __future__ import annotations

from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.sentences import quote_spans, sentences


def statements(text: str) -> list[tuple[str, str, str]]:
    """(Q for quoted or R for reported, speaker, words) of each statement."""
    return [
        ("R" if s.reported else "Q", s.speaker, s.words)
        for s in extract("Title\n" + text).statements
    ]


def test_a_speaker_named_with_an_organisation_after_the_quote() -> None:
    text = (
        '"This is a great day for the river," said Ann Ray of Friends of the Earth. '
        '"The glacier is retreating," says lead author Mark Dunn of Ohio State University.\n'
    )
    assert statements(text) == [
        ("Q", "Ann Ray", "This is a great day for the river"),
        ("Q", "Mark Dunn", "The glacier is retreating"),
    ]


def test_according_to_after_a_quotation_names_its_speaker() -> None:
    text = '"Prices will keep falling," according to Tom Reed, an economist at the bank.\n'
    assert statements(text) == [("Q", "Tom Reed", "Prices will keep falling")]


def test_two_speakers_in_one_sentence_keep_their_own_words() -> None:
    text = (
        'The Kremlin said the claims were "absurd", while Ukraine\'s foreign ministry said '
        'they were "a provocation".\n'
    )
    assert [s for s in statements(text) if s[0] == "Q"] == [
        ("Q", "the Kremlin", "absurd"),
        ("Q", "Ukraine's foreign ministry", "a provocation"),
    ]


def test_a_body_named_by_its_proper_name_speaks() -> None:
    text = 'Friends of the Earth said the plan would "lock in decades of pollution".\n'
    assert statements(text)[0][:2] == ("Q", "Friends of the Earth")


def test_a_paragraph_that_ends_announcing_its_speaker_gives_the_next_quotation() -> None:
    text = (
        "Mark Rathbun wrote on his blog. Rathbun stated,\n\n"
        '"Daniel was picked up by an investigator in a black car."\n'
    )
    assert statements(text) == [
        ("Q", "Mark Rathbun", "Daniel was picked up by an investigator in a black car")
    ]


def test_a_new_quotation_after_that_is_a_statement_of_its_own() -> None:
    text = (
        '"He was taken to the towers," Mark Rathbun said. Rathbun asserted that officials, '
        '"plied the detective with a grand conspiracy theory."\n'
    )
    assert statements(text) == [
        ("Q", "Mark Rathbun", "He was taken to the towers"),
        ("Q", "Mark Rathbun", "plied the detective with a grand conspiracy theory"),
    ]


def test_a_term_inside_a_question_someone_asked_is_not_their_quotation() -> None:
    text = (
        "Environment Minister John Baird has asked officials how documents kept in "
        '"approved security cabinets" wound up on the street.\n'
    )
    assert [s for s in statements(text) if s[0] == "Q"] == []


def test_british_single_quotation_marks() -> None:
    text = (
        "Reed said: ‘This is the best budget in a decade.’\n"
        "‘Nobody’s pension will fall,’ Chancellor Ann Reed said.\n"
    )
    assert [s[2] for s in statements(text)] == [
        "This is the best budget in a decade",
        "Nobody’s pension will fall",
    ]
    assert quote_spans("the players’ union said ‘no’.") == [(24, 28, True)]
    assert len(sentences("She said: ‘It is over. We lost.’ Then she left.")) == 2


def test_a_scientist_of_an_institute_and_an_administrator_named_bill() -> None:
    text = (
        '"These icebergs are enormous," said Ted Scambos of the National Snow and Ice Data '
        'Center. He added that the breakup had been expected for years.\n"We are thrilled," '
        "NASA Administrator Bill Nelson said in a statement.\n"
    )
    assert statements(text) == [
        ("Q", "Ted Scambos", "These icebergs are enormous"),
        ("R", "Ted Scambos", "the breakup had been expected for years"),
        ("Q", "Bill Nelson", "We are thrilled"),
    ]


def test_a_role_speaks_for_the_next_he_said_and_a_partial_quote_stays_in_its_report() -> None:
    text = (
        'In his speech, the president said: "We will not retreat." He then added that troops '
        'would stay "as long as necessary".\n"It is a disaster," one resident, who asked not '
        "to be named, told the BBC.\n"
    )
    assert statements(text) == [
        ("Q", "the president", "We will not retreat"),
        ("R", "the president", 'troops would stay "as long as necessary"'),
        ("Q", "one resident", "It is a disaster"),
    ]


def test_an_interview_labelled_by_surname_gives_the_full_name() -> None:
    text = (
        "Wikinews interviewed author Sam Park about his new novel.\n\n"
        "Wikinews: Why did you write it?\n\n"
        "Park: I wanted to understand my grandfather. He never talked about the war.\n\n"
        "Wikinews: How long did it take?\n\nPark: Six years, on and off.\n"
    )
    assert [(s[1], s[2][:20]) for s in statements(text)] == [
        ("Sam Park", "I wanted to understa"),
        ("Sam Park", "Six years, on and of"),
    ]
