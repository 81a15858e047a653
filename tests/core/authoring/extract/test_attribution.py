"""Who said it, in the forms the third round of issue 23 met in court, science, web and
press-release articles: a stray comma after the subject, "that," before a fronted clause,
"X ... and said", a quotation signed with a dash, a given name used alone, long roles before a
name, a described group, a postposed "said X, the director", a title's quotation marks."""

from __future__ import annotations

from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.people import People
from studyapp.core.authoring.extract.relative import find_relative
from studyapp.core.decks.model import PartialDate


def statements(text: str) -> list[tuple[str, str, str]]:
    """(Q for quoted or R for reported, speaker, words) of each statement."""
    return [
        ("R" if s.reported else "Q", s.speaker, s.words)
        for s in extract("Title\n" + text).statements
    ]


def test_a_comma_between_an_affiliated_speaker_and_says() -> None:
    text = (
        "Lydia Buchtmann for Food Standards Australia New Zealand, says they are looking at "
        "mandatory guidelines by the end of the year.\n"
    )
    assert statements(text) == [
        ("R", "Lydia Buchtmann", "they are looking at mandatory guidelines by the end of the year")
    ]


def test_said_that_followed_by_a_fronted_clause() -> None:
    text = (
        "Tom Molomby, SC, said that, as the parents came from India, they should be declared "
        "not guilty.\n"
    )
    assert statements(text) == [
        ("R", "Tom Molomby", "as the parents came from India, they should be declared not guilty")
    ]


def test_a_quotation_after_that_and_a_fronted_phrase_is_quoted_not_reported() -> None:
    text = (
        "Prosecutor Mark Tedeschi also told the court that, over the last five months of her "
        'life, "her eczema played a devastating role in her overall health."\n'
    )
    assert statements(text) == [
        ("Q", "Mark Tedeschi", "her eczema played a devastating role in her overall health")
    ]


def test_a_second_verb_joined_by_and_keeps_the_opening_subject() -> None:
    text = (
        "Facebook co-founder Mark Zuckerberg tweeted to Mohamed and said the boy was welcome "
        "to come and tour the company.\n"
    )
    assert statements(text) == [
        ("R", "Mark Zuckerberg", "the boy was welcome to come and tour the company")
    ]


def test_an_object_before_and_said_is_never_the_speaker() -> None:
    text = "The minister criticised Mark Zuckerberg and said the company had broken the rules.\n"
    assert all(s[1] != "Mark Zuckerberg" for s in statements(text))


def test_a_pull_quote_signed_with_a_dash() -> None:
    text = "\"So far, it's the Internet. But it's a long game.\" - Matthew Ingram\n"
    assert statements(text) == [
        ("Q", "Matthew Ingram", "So far, it's the Internet. But it's a long game")
    ]


def test_he_is_the_man_named_by_his_given_name_in_the_same_sentence() -> None:
    text = (
        "Thomas Sam, 42, is on trial. The prosecutor, Mark Tedeschi, said the child suffered.\n"
        'Allegedly, Thomas\' sister pleaded with him, but he replied "I am not able to do that".\n'
    )
    quoted = [s for s in statements(text) if s[0] == "Q"]
    assert quoted == [("Q", "Thomas Sam", "I am not able to do that")]


def test_a_university_and_its_campus_are_not_part_of_a_name() -> None:
    people = People(
        "Psychology major at University of Texas Arlington Amneh Jafari said she felt it. "
        "Jafari said more.\n"
    )
    assert [p.name for p in people.people] == ["Amneh Jafari"]


def test_a_new_sentence_with_its_own_cue_is_a_new_statement() -> None:
    text = (
        'Matthew Ingram wrote: "it is a long game". He characterized the conflict as "another '
        'small skirmish in a long war."\n'
    )
    assert statements(text) == [
        ("Q", "Matthew Ingram", "it is a long game"),
        ("Q", "Matthew Ingram", "another small skirmish in a long war"),
    ]


def test_a_name_in_quotation_marks_after_a_noun_is_no_statement() -> None:
    text = 'It was launched by a user labelled "Anonymous", on the website "Insurgency Wiki".\n'
    assert statements(text) == []


def test_a_described_group_speaks() -> None:
    text = "The magicians, who perform as a duo, said they had been working on the act for years.\n"
    assert statements(text) == [
        ("R", "the magicians", "they had been working on the act for years")
    ]


def test_a_postposed_speaker_with_a_role_after_a_comma() -> None:
    text = (
        "Utilities pay the rest of the cost, often with state loans, said Marcus Oyelaran, the "
        "department's deputy director.\n"
    )
    assert statements(text) == [
        ("R", "Marcus Oyelaran", "Utilities pay the rest of the cost, often with state loans")
    ]


def test_the_name_inside_appositions_after_in_a_statement() -> None:
    text = (
        "In a statement, the association's president, Leon Castillo, said the backlog of "
        "repairs exceeded $20 billion.\n"
    )
    assert statements(text) == [
        ("R", "Leon Castillo", "the backlog of repairs exceeded $20 billion")
    ]


def test_a_state_news_agency_is_no_verb() -> None:
    text = "North Korea's state news agency KCNA reported that the army was on a war footing.\n"
    assert statements(text) == [
        ("R", "North Korea's state news agency KCNA", "the army was on a war footing")
    ]


def test_according_to_a_countrys_agency_names_the_agency() -> None:
    text = (
        "A crane fell into the Grand Mosque, killing 107 people, according to Saudi Arabia's "
        "Civil Defense Authority.\n"
    )
    assert [s[1] for s in statements(text)] == ["Saudi Arabia's Civil Defense Authority"]


def test_court_rulings_and_went_on_to_say() -> None:
    text = (
        "The judge ruled that the evidence could not be used. John Carter is the commander. "
        "Carter went on to say that the mission would last ten days.\n"
    )
    assert statements(text) == [
        ("R", "the judge", "the evidence could not be used"),
        ("R", "John Carter", "the mission would last ten days"),
    ]


def test_a_weekday_in_the_past_despite_a_will_in_the_next_clause() -> None:
    text = (
        "The secretary visited Harlan County on Tuesday, where a grant will replace 14 miles "
        "of pipe."
    )
    found = find_relative(text, PartialDate(2024, 3, 14))
    assert [f.date for f in found] == [PartialDate(2024, 3, 12)]


INTERVIEW = (
    "Wikinews interviews Christopher Hill, U.S. Republican Party presidential candidate\n\n"
    "Interview\n\n"
    "What qualifications do you have for the office of president?\n\n"
    "My qualifications are rooted in my service as an Officer in the Air Force.\n\n"
    "Hill at the candidates forum in 2011\n\n"
    "Why did you choose to run in the Republican Party?\n\n"
    "My ties to the Republican party date back to 1979.\n\n"
    "I hope to lead the party in a new direction.\n"
)


def test_an_interview_without_labels_gives_each_answer_to_the_interviewee() -> None:
    found = [(s.speaker, s.words) for s in extract(INTERVIEW).statements]
    assert found == [
        (
            "Christopher Hill",
            "My qualifications are rooted in my service as an Officer in the Air Force.",
        ),
        ("Christopher Hill", "My ties to the Republican party date back to 1979."),
        ("Christopher Hill", "I hope to lead the party in a new direction."),
    ]


def test_an_interview_of_unnamed_experts_gives_no_speaker() -> None:
    text = INTERVIEW.replace(
        "Christopher Hill, U.S. Republican Party presidential candidate", "experts"
    )
    assert extract(text).statements == []


def test_questions_in_an_article_that_is_no_interview_are_not_a_transcript() -> None:
    text = (
        "Council debates the sea wall\n\n"
        "What will the wall cost?\n\n"
        "The council has not said.\n\n"
        "Who will pay for it?\n\n"
        "The town and the state will share it.\n"
    )
    assert extract(text).statements == []


def test_according_to_a_paper_that_quotes_a_named_speaker_gives_the_speaker() -> None:
    text = (
        "According to the New Zealand Herald, Emeritus Professor John Burrows, the chairman "
        "of the panel, said the flag has never before been open to public choice.\n"
    )
    assert statements(text) == [
        ("R", "John Burrows", "the flag has never before been open to public choice")
    ]


def test_maintained_a_policy_is_no_statement() -> None:
    text = (
        "Malaysia and Indonesia have maintained a policy of turning away boats of migrants "
        "which, according to AFP, the United Nations and United States have both criticised.\n"
    )
    assert statements(text) == []


def test_a_title_after_a_countrys_possessive_names_the_person() -> None:
    people = People("New Zealand's Prime Minister John Key said he believes it. Mr Key won.\n")
    assert [p.name for p in people.people if "Key" in p.name] == ["John Key"]


def test_he_and_she_skip_a_person_of_the_other_gender() -> None:
    text = (
        "Mayor John Carter opened the bridge. Ms Jane Roe, the engineer, spoke after him. "
        '"It is safe," he said. "It took two years," she said.\n'
    )
    assert [(s[1], s[2]) for s in statements(text)] == [
        ("John Carter", "It is safe"),
        ("Jane Roe", "It took two years"),
    ]
