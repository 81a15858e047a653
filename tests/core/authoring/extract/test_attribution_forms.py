"""Attribution forms that the corpus's spent held-out articles showed the extractor missing
(issue 23, fourth round), each on made-up sentences, with look-alikes that must draft nothing:
"it" for a body, a block quotation that lost its marks, positions stated through a noun,
inverted and fronted attributions, colon and passive introductions, titles, and a new
attribution that starts a new statement."""

from __future__ import annotations

import pytest

from studyapp.core.authoring.extract.extraction import extract


def statements(text: str) -> list[tuple[str, str, str]]:
    """(Q for quoted or R for reported, speaker, words) of each statement."""
    return [
        ("R" if s.reported else "Q", s.speaker, s.words)
        for s in extract("Title\n\n" + text).statements
    ]


def speakers_of(text: str) -> list[str]:
    return [speaker for _kind, speaker, _words in statements(text)]


# ------------------------------------------------------------------ "it" for a body


def test_it_added_is_the_body_that_spoke_in_its_paragraph() -> None:
    text = (
        '"The new line is on budget," said the Ferrovia Group. '
        '"Work on the tunnel starts in spring," it added.'
    )
    assert statements(text) == [
        ("Q", "the Ferrovia Group", "The new line is on budget"),
        ("Q", "the Ferrovia Group", "Work on the tunnel starts in spring"),
    ]


def test_what_it_called_is_the_body_the_sentence_opens_with() -> None:
    text = 'The Harbour Union struck against what it called "a reckless rota for night crews".'
    assert statements(text) == [("Q", "the Harbour Union", "a reckless rota for night crews")]


def test_it_after_a_study_is_nobody() -> None:
    text = (
        '"Fares will not rise," said the Ferrovia Group. The audit was published on Monday. '
        "It says that the fares rose by a tenth last year."
    )
    assert speakers_of(text) == ["the Ferrovia Group"]


# ------------------------------------------------------------------ unmarked quotations


def test_the_paragraph_after_a_colon_announcement_is_a_quotation() -> None:
    text = (
        "In a letter to parents, the Westfield School Board denied the claims:\n\n"
        "No pupil was ever left alone on the bus. Every driver is checked each year. "
        "The board also said the route would be reviewed in June."
    )
    assert statements(text) == [
        (
            "Q",
            "the Westfield School Board",
            "No pupil was ever left alone on the bus … Every driver is checked each year",
        ),
        ("R", "the Westfield School Board", "the route would be reviewed in June"),
    ]


def test_a_colon_without_a_speaker_announces_no_quotation() -> None:
    text = "The plan has three parts:\n\nNew buses will be bought for every route in the county."
    assert statements(text) == []


def test_a_paragraph_signed_with_a_known_name_is_that_persons_quotation() -> None:
    text = (
        "Mayor Jane Porter opened the new flood barrier on Friday.\n\n"
        "We will not wait for the next flood to act. Jane Porter\n\n"
        "The barrier cost the town two years of work."
    )
    assert statements(text) == [("Q", "Jane Porter", "We will not wait for the next flood to act")]


def test_a_paragraph_ending_in_a_place_name_is_no_signature() -> None:
    text = "The bridge over the river opened in May. Main Street\n\nIt was busy."
    assert statements(text) == []


# ------------------------------------------------------------------ positions stated through a noun


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "Senator Ana Ruiz has argued for lower fees on rural clinics.",
            "Ana Ruiz",
            "argued for lower fees on rural clinics",
        ),
        (
            "Governor Tom Bell, a former teacher, expressed concern about the cost of the stadium.",
            "Tom Bell",
            "expressed concern about the cost of the stadium",
        ),
        (
            "During the campaign, Mayor Jane Porter emphasized her commitment to cleaner buses.",
            "Jane Porter",
            "emphasized her commitment to cleaner buses",
        ),
    ],
)
def test_a_stance_verb_with_its_object_is_reported(text: str, speaker: str, words: str) -> None:
    assert ("R", speaker, words) in statements(text)


def test_a_stance_verb_without_a_stance_draws_nothing() -> None:
    assert statements("The storm called for a change of plans at the port.") == []
    assert statements("The committee expressed its thanks to the volunteers.") == []


def test_a_second_verb_with_its_subject_left_out_is_a_second_report() -> None:
    text = "Officials claimed the dam was safe and claim the repairs are already finished."
    assert statements(text) == [
        ("R", "Officials", "the dam was safe"),
        ("R", "Officials", "the repairs are already finished"),
    ]


def test_a_relative_named_through_a_person_is_not_that_person() -> None:
    text = "Mayor Jane Porter was fined. Porter's lawyer said the fine would be appealed in court."
    assert speakers_of(text) == ["Porter's lawyer"]


# ------------------------------------------------------------------ inverted, fronted, framed


def test_an_attribution_set_off_with_the_verb_first() -> None:
    text = "The new bridge, said Mayor Jane Porter, will open to traffic in May."
    assert statements(text) == [("R", "Jane Porter", "The new bridge will open to traffic in May")]


def test_according_to_a_role_and_name_after_a_linking_phrase() -> None:
    text = "For example, rents in the old town rose by a fifth, according to economist Lena Vogt."
    assert statements(text) == [("R", "Lena Vogt", "rents in the old town rose by a fifth")]


def test_a_fronted_participle_of_saying_belongs_to_the_main_subject() -> None:
    text = "Arguing that the old law had failed, Senator Ana Ruiz proposed a new bill."
    assert statements(text) == [("R", "Ana Ruiz", "the old law had failed")]


def test_a_fronted_participle_without_a_person_draws_nothing() -> None:
    assert statements("Noting that sales had fallen, the annual report closed the year.") == []


def test_a_quotation_after_a_colon_ending_a_persons_clause() -> None:
    text = (
        'Mayor Jane Porter set out her view: "We cannot rebuild the pier with the money we have."'
    )
    assert statements(text) == [
        ("Q", "Jane Porter", "We cannot rebuild the pier with the money we have")
    ]


def test_a_quotation_after_a_colon_of_a_list_has_no_speaker() -> None:
    text = 'The survey listed three worries: "cost, noise and traffic on the hill".'
    assert statements(text) == []


def test_the_agent_of_a_passive_verb_of_saying() -> None:
    text = (
        'Once hailed by Senator Ana Ruiz as "the best deal this state has signed", '
        "the contract collapsed."
    )
    assert statements(text) == [("Q", "Ana Ruiz", "the best deal this state has signed")]


def test_a_description_in_the_speakers_words_after_a_named_program() -> None:
    text = (
        "Mayor Jane Porter announced her plan, a program "
        '"to put a nurse in every school by next year".'
    )
    assert statements(text) == [("Q", "Jane Porter", "to put a nurse in every school by next year")]


def test_a_title_in_title_case_after_a_preposition_is_no_statement() -> None:
    text = 'Senator Ana Ruiz gave a speech on "The Future of Farming" to the assembly.'
    assert statements(text) == []


def test_which_someone_describes_as() -> None:
    text = "The town built Harbour Point Park, which residents describe as a welcome refuge."
    assert statements(text) == [
        ("R", "residents", "Harbour Point Park, which residents describe as a welcome refuge")
    ]


def test_a_subject_after_and_is_not_joined_to_a_date() -> None:
    text = "The vote was held on May 3 and the council says the plan will go ahead."
    assert statements(text) == [("R", "the council", "the plan will go ahead")]


# ------------------------------------------------------------------ where a statement ends


def test_a_new_attribution_in_the_next_sentence_starts_a_new_statement() -> None:
    text = (
        '"We are ready," said Mayor Jane Porter. "The crews start on Monday," she added. '
        '"Nobody will be left without water."'
    )
    assert statements(text) == [
        ("Q", "Jane Porter", "We are ready"),
        ("Q", "Jane Porter", "The crews start on Monday … Nobody will be left without water"),
    ]


def test_a_quotation_after_words_of_its_own_sentence_is_its_own_statement() -> None:
    text = (
        'Mayor Jane Porter said: "The crews start on Monday." Although called by Porter '
        '"the fastest repair in our history", the work took a year.'
    )
    assert statements(text) == [
        ("Q", "Jane Porter", "The crews start on Monday"),
        ("Q", "Jane Porter", "the fastest repair in our history"),
    ]


def test_a_mistyped_opening_mark_after_a_comma_still_opens_a_quotation() -> None:
    text = 'Mayor Jane Porter said," the crews start on Monday and finish in June".'
    assert statements(text) == [
        ("Q", "Jane Porter", "the crews start on Monday and finish in June")
    ]


def test_a_report_stops_where_the_speakers_own_words_begin() -> None:
    text = (
        "Mayor Jane Porter said kits would be sent to every school, "
        '"so that pupils can see how the barrier works".'
    )
    assert statements(text) == [
        ("R", "Jane Porter", "kits would be sent to every school"),
        ("Q", "Jane Porter", "so that pupils can see how the barrier works"),
    ]
