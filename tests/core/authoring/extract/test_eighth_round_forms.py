"""General forms of dates and figures that the ninth and tenth blind sets showed missing or
wrong (session 13, the eighth round: both sets spent), each on made-up sentences in other
words, with look-alikes that must draft nothing.

Dates: a fiscal year that names a document or a series ("the FY2031 budget request") is no
date, while one that dates a clause is ("In FY2031, ..."); a month without its year inside a
fiscal year is in that fiscal year's calendar (October to December in the year before); a
month alone in brackets after a figure ("(March)"); opening days ("Tuesday through Friday")
are a habit; "the previous year" counts from a date of its own sentence; "May of 1944" and
"in April and June of 1961"; "a May summit" is the month (never the modal). Figures: the
number of a part, a stage or a rank ("Table 3", "Figure 2", "tier 1", "Phase 3"); "nearly a
million Hungarians" and "six U.S. Navy ships" count people and things; points as a unit, and
counts that share the unit of an opening "Of the 100 points, ..."; "within an hour", "for one
year"; "the northern half of" is a place; "an ABC of 40" is an index's value. Draft: two
figures of the same value whose measures name nothing but the unit stay two when their
sentences differ.

Statements (the verb and its object, as a card asks "who ...?"): a commitment ("agreed to
reopen ...", "agreed in principle that ..."; "agreed that ..." stays a clause), concerns
raised ("raised concerns about ..."), a hearer told of a thing ("informed Nehru of ..."), a
feeling voiced ("expressed dissatisfaction with ..."), a depiction ("described the plan as
..."), thanks ("thanked the host city for its ..."), condemning any object, a recommended
thing ("recommends a diet that ..."), "announced her intention today to ..."; a participle
aside after a comma ends the statement; and "START I. In addition" ends a sentence (a
numeral, not an initial). Look-alikes: "raised cattle", "informed readers about", "described
in detail", "described as part of", "agreed to it", "thanked God".
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.sentences import sentences
from studyapp.core.decks.model import FigureEntry


def statements(text: str) -> list[tuple[str, str]]:
    """(speaker, words) of each statement."""
    return [(s.speaker, s.words) for s in extract("Title\n\n" + text).statements]


def dates(text: str) -> list[tuple[str, str]]:
    """(words, date) of each dated mention, in order."""
    return [(d.text, str(d.date)) for d in extract(text).dates if d.date is not None]


def figures(text: str) -> list[tuple[Decimal, str | None]]:
    return [(f.value, f.unit) for f in extract("Title\n\n" + text).figures]


# ------------------------------------------------------------------- fiscal years


@pytest.mark.parametrize(
    "sentence",
    [
        "The FY2031 budget request cut the program.",
        "Critics read the FY2029 Defense Authorization Act closely.",
        "This summary covers the FY2030 grant notice only.",
        "Its FY2028 spending plan was late.",
    ],
)
def test_a_fiscal_year_that_names_a_document_is_no_date(sentence: str) -> None:
    assert dates(f"Budget\n\n{sentence}") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In FY2031, the agency hired 400 inspectors.", "2031"),
        ("Grants have gone to rural clinics since FY2019.", "2019"),
        ("Suppliers with FY2030 orders will qualify.", "2030"),
        ("In FY2027 the bonus was smaller.", "2027"),
    ],
)
def test_a_fiscal_year_that_dates_its_clause_stays_a_date(sentence: str, expected: str) -> None:
    assert [d for _t, d in dates(f"Budget\n\n{sentence}")] == [expected]


def test_a_month_inside_a_fiscal_year_takes_that_fiscal_year_calendar() -> None:
    text = (
        "Caseload\n\nIn FY2031, the caseload ranged from a low of 812 files (December) to a "
        "high of 1,204 files (April). In FY2032, through July, waits grew."
    )
    assert dates(text) == [
        ("2031", "2031"),
        ("December", "2030-12"),
        ("April", "2031-04"),
        ("2032", "2032"),
        ("July", "2032-07"),
    ]


def test_a_calendar_year_said_after_the_fiscal_one_is_the_month_year() -> None:
    text = "Caseload\n\nIn FY2031 and again in 2034, the caseload peaked in November."
    assert ("November", "2034-11") in dates(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The fund (May) was small.",  # "May" alone in brackets stays out: it may be a name
        "The clinic (North Ward) opened.",
    ],
)
def test_look_alikes_of_a_month_in_brackets(sentence: str) -> None:
    assert dates(f"Clinic\n\n{sentence}") == []


# ------------------------------------------------------------------- habits and counts


@pytest.mark.parametrize(
    "sentence",
    [
        "The desk answers calls from 9 a.m. to 5 p.m., Tuesday through Saturday.",
        "Volunteers staff the shelter Monday-Thursday.",
        "The museum is open Wednesday to Sunday.",
    ],
)
def test_opening_days_are_a_habit_not_dates(sentence: str) -> None:
    text = f"Notice\n\nJune 3, 2030\n\n{sentence}"
    assert dates(text) == [("June 3, 2030", "2030-06-03")]


def test_single_weekdays_are_still_dates() -> None:
    text = "Notice\n\nJune 3, 2030\n\nThe strike began on Monday and ended on Friday."
    assert [t for t, _d in dates(text)][1:] == ["on Monday", "on Friday"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unemployment fell to 4.1% in 2031, down from 4.6% the previous year.", "2030"),
        ("In 2031, 2.2 million tourists came, up 0.3 million on the previous year.", "2030"),
        ("The mill opened in 1911, and the following year it burned down.", "1912"),
    ],
)
def test_the_previous_year_counts_from_a_date_of_its_own_sentence(
    sentence: str, expected: str
) -> None:
    found = extract(f"Report\n\n{sentence}").dates
    assert str(found[-1].date) == expected
    assert found[-1].how is not None and "counted from" in found[-1].how


def test_a_counted_day_from_a_bare_year_of_its_sentence_is_still_no_date() -> None:
    assert dates("Report\n\nIn 1911, the mill opened; the following day it burned.") == [
        ("1911", "1911")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The landing was to take place by May of 1944.", [("May of 1944", "1944-05")]),
        (
            "During the talks in April and June of 1961, the envoys met twice.",
            [("April", "1961-04"), ("June of 1961", "1961-06")],
        ),
    ],
)
def test_month_of_year_forms(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert dates(f"History\n\n{sentence}") == expected


def test_a_month_that_qualifies_a_meeting_is_that_month() -> None:
    text = "Fact Sheet\n\nApril 20, 2030\n\nBoth sides will prepare a May summit in Oslo."
    assert dates(text)[-1] == ("May", "2030-05")


@pytest.mark.parametrize(
    "sentence",
    ["The minister may visit in a year.", "Officials said they may 5 times reconsider."],
)
def test_look_alikes_of_may(sentence: str) -> None:
    assert dates(f"Fact Sheet\n\nApril 20, 2030\n\n{sentence}")[1:] == []


# ------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    "sentence",
    [
        "Table 3 lists the monthly totals for the period.",
        "Figure 2 shows the trend since the war.",
        "Chart 4 compares both regions.",
        "Renewals are funded within tier 1 first.",
        "Tier 2 funding is reserved for new projects.",
        "Phase 3 trials begin next spring.",
    ],
)
def test_the_number_of_a_part_or_stage_is_no_figure(sentence: str) -> None:
    assert figures(sentence) == []


def test_counts_of_parts_and_stages_are_still_figures() -> None:
    assert figures("The plan has three tiers and 12 levels.") == [
        (Decimal(3), None),
        (Decimal(12), None),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("By June, nearly a million Hungarians had joined the strike.", (1, "million")),
        ("Aid reached over a million West Africans.", (1, "million")),
        ("The agency is one of six U.S. Public Health Service agencies.", (6, None)),
        ("Two Supreme Court justices dissented.", (2, None)),
    ],
)
def test_counts_of_people_and_things_named_with_capitals(
    sentence: str, expected: tuple[int, str | None]
) -> None:
    assert figures(sentence) == [(Decimal(expected[0]), expected[1])]


@pytest.mark.parametrize(
    "sentence",
    ["The crew of Apollo Eleven landed.", "The Big Four met in Geneva."],
)
def test_look_alikes_of_named_counts(sentence: str) -> None:
    assert figures(sentence) == []


def test_points_are_a_unit_and_a_partitive_shares_it() -> None:
    sentence = (
        "Of the 150 points on offer in the contest, up to 30 are for safety plans and up to 10 "
        "for training."
    )
    assert figures(sentence) == [
        (Decimal(150), "points"),
        (Decimal(30), "points"),
        (Decimal(10), "points"),
    ]
    assert figures("In FY2030, up to 9 points were available for outreach.") == [
        (Decimal(9), "points")
    ]


def test_points_beside_a_share_stay_percentage_points() -> None:
    assert figures("Support rose to 31 percent, 6 points behind the leader.") == [
        (Decimal(31), "%"),
        (Decimal(6), "percentage points"),
    ]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Nurses call back within an hour.", "hour"),
        ("The lease renews the offices for one year.", "year"),
        ("Claims are settled within a month.", "month"),
    ],
)
def test_a_span_of_one_unit_is_a_figure(sentence: str, unit: str) -> None:
    assert figures(sentence) == [(Decimal(1), unit)]


@pytest.mark.parametrize(
    "sentence",
    [
        "One day he left for a year of study.",
        "He stayed for a day or two.",
        "The board meets once a year.",
        "It takes an hour to drive there.",
    ],
)
def test_look_alikes_of_a_span_of_one(sentence: str) -> None:
    assert figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty gave Japan the northern half of the island.",
        "Troops held the eastern half of the city.",
    ],
)
def test_half_of_a_place_is_no_share(sentence: str) -> None:
    assert figures(sentence) == []


def test_half_of_a_group_is_still_a_share() -> None:
    assert figures("Half of the voters stayed home.") == [(Decimal("0.5"), None)]


def test_the_value_of_an_index_named_by_its_acronym() -> None:
    assert figures("The old diet had a very high GLI of 85, against a GLI of 40 now.") == [
        (Decimal(85), None),
        (Decimal(40), None),
    ]


def test_look_alikes_of_an_index_value() -> None:
    assert figures("He joined the Group of Seven.") == []


# ------------------------------------------------------------------- the draft


def test_same_value_with_bare_measures_in_two_sentences_gives_two_figures() -> None:
    text = (
        "Housing\n\nShelter A: beds for families (up to 18 months) in the city.\n\n"
        "Shelter B: rooms for veterans for up to 18 months"
    )
    deck = draft_deck(extract(text), deck_id="draft")
    values = [e.value for e in deck.entries if isinstance(e, FigureEntry)]
    assert values == [18, 18]


def test_a_share_restated_with_a_bare_measure_in_another_sentence_is_kept() -> None:
    text = (
        'Funding\n\nThe law provided that the agency "shall renew not less than 70 percent of '
        'the [total]" for each applicant. The notice makes 70% of the total available within '
        "the first round."
    )
    deck = draft_deck(extract(text), deck_id="draft")
    values = [e.value for e in deck.entries if isinstance(e, FigureEntry)]
    assert values == [70, 70]


def test_the_same_figure_said_twice_in_one_sentence_is_still_one() -> None:
    text = "Anniversary\n\nThe town marked its sixtieth anniversary, the sixtieth anniversary."
    deck = draft_deck(extract(text), deck_id="draft")
    assert len([e for e in deck.entries if isinstance(e, FigureEntry)]) == 1


# ------------------------------------------------------------------- statements


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        (
            "The two ministers agreed to reopen the border crossings within a year.",
            "the two ministers",
            "agreed to reopen the border crossings within a year",
        ),
        (
            "Stalin agreed in principle that the Red Army would enter the war in August.",
            "Stalin",
            "agreed in principle that the Red Army would enter the war in August",
        ),
        (
            "Several senators raised concerns about the cost of the new jets.",
            "Several senators",
            "raised concerns about the cost of the new jets",
        ),
        (
            "The ambassador informed Nehru of his government's decision to withdraw the troops.",
            "the ambassador",
            "informed Nehru of his government's decision to withdraw the troops",
        ),
        (
            "Union leaders openly expressed dissatisfaction with the new contract terms.",
            "Union leaders",
            "expressed dissatisfaction with the new contract terms",
        ),
        (
            "Critics described the plan as reckless and far too costly.",
            "Critics",
            "described the plan as reckless and far too costly",
        ),
        (
            "The delegates thanked the host city for its hospitality during the talks.",
            "the delegates",
            "thanked the host city for its hospitality during the talks",
        ),
        (
            "The mayor condemned the cruelty of the new prison regime.",
            "the mayor",
            "condemned the cruelty of the new prison regime",
        ),
        (
            "The panel recommends a diet that contains more fibre and less salt.",
            "the panel",
            "recommends a diet that contains more fibre and less salt",
        ),
        (
            "The Governor announced her intention today to appoint Maria Lopez as judge.",
            "the Governor",
            "announced her intention today to appoint Maria Lopez as judge",
        ),
        (
            "Reporters portrayed the senator as cheerful, famously filming him at a county fair.",
            "Reporters",
            "portrayed the senator as cheerful",
        ),
    ],
)
def test_speech_acts_with_an_object(sentence: str, speaker: str, words: str) -> None:
    assert (speaker, words) in statements(sentence)


def test_agreeing_that_stays_a_clause() -> None:
    assert statements("The council agreed that the harbour should close for the winter.") == [
        ("the council", "the harbour should close for the winter")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "He agreed to it.",
        "The farmer raised cattle on the hills for many years.",
        "The firm raised prices for its customers again.",
        "The letter informed readers about the history of the town.",
        "The river is described in detail in the second chapter.",
        "It was described as part of the route.",
        "The old man thanked God.",
    ],
)
def test_look_alikes_of_speech_acts_with_an_object(sentence: str) -> None:
    assert statements(sentence) == []


def test_a_roman_numeral_after_an_acronym_ends_its_sentence() -> None:
    text = "Cuts were made under START I. In addition, talks went on. John F. Kennedy spoke."
    assert [s.text for s in sentences(text)] == [
        "Cuts were made under START I.",
        "In addition, talks went on.",
        "John F. Kennedy spoke.",
    ]


def test_a_second_that_clause_is_a_second_statement() -> None:
    found = statements(
        "Minister Jane Holt stressed, however, that taxes would have to rise “in line with the "
        "budget,” and that the deficit would fall by half."
    )
    assert ("Jane Holt", "the deficit would fall by half") in found
    assert ("Jane Holt", "taxes would have to rise “in line with the budget”") in found


def test_one_that_clause_with_and_inside_stays_one_statement() -> None:
    assert statements("Jane Holt said that fees would rise and that taxes would fall.") == [
        ("Jane Holt", "fees would rise and that taxes would fall")
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "“The new line has opened a way for nurses to reach experts,” said the deputy "
            "director for rural health, Ana T. Flores, M.D., M.P.H.",
            "Ana T. Flores",
        ),
        (
            "“We will win the next vote in the spring,” said the mayor of the town, Anna Berg.",
            "Anna Berg",
        ),
    ],
)
def test_the_name_after_a_role_is_the_speaker(sentence: str, speaker: str) -> None:
    assert [s for s, _w in statements(sentence)] == [speaker]


def test_a_role_alone_after_the_verb_is_still_the_speaker() -> None:
    sentence = "“We will win the next vote in the spring,” said the mayor, adding that taxes fall."
    assert next(s for s, _w in statements(sentence)) == "the mayor"


def test_a_present_tense_comment_announces_the_quotation_after_it() -> None:
    text = (
        "Dr. Ruth Okafor studies sleep. Dr. Okafor also comments on claims that adults need a "
        "“catch-up” nap. “A nap cannot repay a week of short nights. Most adults sleep too "
        "little.”"
    )
    assert statements(text) == [
        ("Ruth Okafor", "A nap cannot repay a week of short nights. Most adults sleep too little")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Ruth Okafor studies sleep. She calls the “catch-up” nap a myth.",
        "Dr. Ruth Okafor studies sleep. Her team tested a “screen-free” evening each week.",
    ],
)
def test_a_term_in_quotation_marks_is_no_quotation(text: str) -> None:
    assert [w for _s, w in statements(text) if w in ("catch-up", "screen-free")] == []


def test_quoted_words_before_a_preposition_stay_the_speaker_words() -> None:
    found = statements("Sunak defended the record, promising a “formal update” from the minister.")
    assert any("formal update" in w for _s, w in found)


def test_a_gloss_in_brackets_that_ends_a_report_is_the_writer() -> None:
    found = statements(
        "The United States declared it would close its consulate in Formosa (also known as "
        "Taiwan [ROC])."
    )
    assert found == [("the United States", "it would close its consulate in Formosa")]


def test_a_gerund_of_condemning_is_no_statement() -> None:
    text = "Nikita Khrushchev ruled. For him, denouncing the old purges was a way to win."
    assert statements(text) == []


def test_office_holders_counted_by_a_title_speak_together() -> None:
    found = statements("The two Presidents agreed that talks on a test ban should begin soon.")
    assert found == [("the two Presidents", "talks on a test ban should begin soon")]


def test_declaring_martial_law_is_an_act() -> None:
    assert statements("The army declared martial law and used force to end the strike.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "The allies turned down Tito’s 1948 offer to withdraw his troops from the port city.",
            "Tito",
            "offer to withdraw his troops from the port city",
        ),
        (
            "Anna Berg met the mayor. The council then won from Berg her promise that the "
            "library would stay open all summer.",
            "Anna Berg",
            "promise that the library would stay open all summer",
        ),
    ],
)
def test_a_speech_act_named_by_a_noun_with_its_owner(text: str, speaker: str, words: str) -> None:
    assert (speaker, words) in statements(text)


@pytest.mark.parametrize(
    "text",
    [
        "Smith's proposal that the vote be delayed until June failed.",
        "Though the site heeds the Church of Scientology's requests to remove the clip, "
        "others refuse.",
        "Mary Smith's offer to the club was generous and welcome.",
    ],
)
def test_look_alikes_of_owned_speech_acts(text: str) -> None:
    assert statements(text) == []
