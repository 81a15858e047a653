"""Figure forms of case reports and surveys that the eleventh blind set showed the extractor
missing or drafting with a measure a learner cannot read (issue 23, ninth round), each on
made-up sentences, with look-alikes that must stay as they were: a count with its share in
parentheses, a count that did something, a range after a median, an odds ratio, a
hyphenated length before a list of adjectives, "four of 12", and "one" after a count."""

from __future__ import annotations

from decimal import Decimal

import pytest

from studyapp.core.authoring.extract.figures import FigureMention, find_figures


def found(text: str) -> list[FigureMention]:
    return find_figures(text)


def measures(text: str) -> dict[Decimal, str]:
    return {f.value: f.measure for f in find_figures(text)}


# ---------------------------------------------------------------- what a count measures


def test_a_count_with_its_share_in_parentheses_measures_what_the_group_did() -> None:
    got = measures("Of the 212 riders, 40 (19%) had fallen at least once during the race.")
    assert (
        got[Decimal(40)] == "number of the 212 riders that had fallen at least once during the race"
    )
    assert (
        got[Decimal(19)] == "share of the 212 riders that had fallen at least once during the race"
    )


def test_a_share_in_parentheses_without_a_group_says_what_was_done() -> None:
    got = measures("During the month before the vote, 31 (62%) had attended a rally.")
    assert got[Decimal(62)] == "share that had attended a rally"
    assert got[Decimal(31)] == "number that had attended a rally"


def test_a_share_in_parentheses_after_a_noun_is_unchanged() -> None:
    got = measures("The plan cut the number of vacant homes (12%) in the district.")
    assert got[Decimal(12)] == "share: The plan cut the number of vacant homes"


def test_a_noun_then_its_verb_reads_as_a_measure() -> None:
    got = measures("Twelve persons were hospitalized after the crash.")
    assert got[Decimal(12)] == "number of persons that were hospitalized after the crash"
    assert measures("Forty farms had cattle with the strain.")[Decimal(40)] == (
        "number of farms that had cattle with the strain"
    )


def test_a_count_then_a_verb_is_the_number_that_did_it() -> None:
    got = measures("Twelve persons were hospitalized; three died.")
    assert got[Decimal(3)] == "number that died"


def test_a_noun_phrase_with_its_own_verbs_is_unchanged() -> None:
    assert measures("About 28,500 troops stayed in the south.")[Decimal(28500)] == (
        "number of troops that stayed in the south"
    )
    assert measures("About 300 people injured in the blast were treated.")[Decimal(300)] == (
        "number of people injured in the blast that were treated"
    )
    assert measures("They built 40 new schools in the region.")[Decimal(40)] == (
        "number of new schools in the region"
    )


def test_a_colon_inside_a_name_does_not_end_the_measure() -> None:
    got = measures("A total of 90 farms had cattle infected with strain O157:H7 in the valley.")
    assert (
        got[Decimal(90)]
        == "number of farms that had cattle infected with strain O157:H7 in the valley"
    )


def test_a_double_hyphen_ends_the_measure() -> None:
    text = "Six associated deaths occurred in three provinces -- Hebei, Anhui and Hunan."
    got = measures(text)
    assert got[Decimal(6)] == "number of associated deaths that occurred in three provinces"
    assert got[Decimal(3)] == "number of provinces"


def test_a_second_count_joined_by_and_ends_the_first_measure() -> None:
    got = measures("More than 300 cases of H5N1 and six deaths were reported.")
    assert got[Decimal(300)] == "number of cases of H5N1"


# ---------------------------------------------------------------- ranges after a median


def test_a_range_after_a_median_gives_its_lowest_and_highest() -> None:
    got = [
        (f.value, f.unit, f.measure)
        for f in found("The median age of riders was 41 years (range: 19-77 years).")
    ]
    assert got == [
        (Decimal(41), "years", "median age of riders"),
        (Decimal(19), "years", "lowest age of riders"),
        (Decimal(77), "years", "highest age of riders"),
    ]


def test_a_range_after_a_median_of_a_count() -> None:
    got = [
        (f.value, f.measure)
        for f in found("Patients stayed a median of 4 days (range: 1-12 days) in hospital.")
    ]
    assert (Decimal(1), "lowest of the range: Patients stayed a median of 4 days") in got
    assert (Decimal(12), "highest of the range: Patients stayed a median of 4 days") in got


def test_a_range_of_ages_that_names_a_group_is_still_no_figure() -> None:
    assert found("Use was highest among those aged 18-24 years.") == []


# ---------------------------------------------------------------- odds ratios


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Eating at the fair was linked to illness (matched odds ratio [OR]=7.5; 95% "
            "confidence interval [CI]=2.1-26).",
            Decimal("7.5"),
        ),
        (
            "Illness was associated with eating at chain B (matched OR=13; 95% CI=1.5-115.0).",
            Decimal(13),
        ),
        (
            "Swimming in the lake was associated with illness (odds ratio = 4.2, p<0.01).",
            Decimal("4.2"),
        ),
        (
            "Drinking well water raised the risk (relative risk [RR]=2.8; 95% CI=1.1-7.0).",
            Decimal("2.8"),
        ),
    ],
)
def test_an_odds_ratio_is_a_figure_and_its_interval_is_not(text: str, value: Decimal) -> None:
    got = found(text)
    assert [f.value for f in got] == [value]
    assert got[0].unit is None  # typed as the number alone
    assert got[0].measure.startswith(("odds ratio: ", "matched odds ratio: ", "relative risk: "))
    assert got[0].measure.split(": ", 1)[1] in text.split(" (")[0]


def test_an_undefined_odds_ratio_is_no_figure() -> None:
    text = "Eating at chain A was implicated (matched odds ratio OR=undefined; lower limit=3.5)."
    assert [f.value for f in found(text)] == []


# ---------------------------------------------------------------- lengths and parts


def test_a_hyphenated_length_before_a_list_of_adjectives() -> None:
    got = found("A 3-year, statewide, randomized study found fewer falls.")
    assert [(f.value, f.unit, f.measure) for f in got] == [
        (Decimal(3), "years", "length of the randomized study, in years")
    ]


def test_a_hyphenated_length_before_one_adjective_is_unchanged() -> None:
    got = found("A three-week ground campaign followed.")
    assert [(f.value, f.measure) for f in got] == [
        (Decimal(3), "length of the ground campaign, in weeks")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Stool cultures were positive in four of 12 participating clinics.", Decimal(4)),
        ("The virus was found in three of the 10 ponds sampled.", Decimal(3)),
        ("Seven of 40 delegates voted against the motion.", Decimal(7)),
    ],
)
def test_a_count_out_of_a_total(text: str, value: Decimal) -> None:
    assert value in [f.value for f in found(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The two of them met in Paris.",
        "Five of the leaders signed the letter.",
        "Both of the ministers resigned.",
    ],
)
def test_a_number_word_of_a_group_named_before_is_still_no_count(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Nine families were evacuated; one returned home.", "number that returned home"),
        (
            "Four persons were hospitalized, and one developed kidney failure.",
            "number that developed kidney failure",
        ),
    ],
)
def test_one_after_a_count_counts_the_same_noun(text: str, measure: str) -> None:
    got = measures(text)
    assert got.get(Decimal(1)) == measure


@pytest.mark.parametrize(
    "text",
    [
        "One resident said the water was brown.",
        "Nine families were evacuated; one of them returned home.",
        "He lost two games; one hopes he wins the next.",
    ],
)
def test_one_as_a_pronoun_is_still_no_figure(text: str) -> None:
    assert Decimal(1) not in [f.value for f in found(text)]


# ---------------------------------------------------------------- the same ninth round, more forms


def test_a_count_out_of_a_total_measures_what_that_part_did() -> None:
    got = measures("Four of the nine reportedly had recently eaten at a chain A restaurant.")
    assert got[Decimal(4)] == (
        "number of the nine that reportedly had recently eaten at a chain A restaurant"
    )
    got = measures("Seven of 40 delegates voted against the motion.")
    assert got[Decimal(7)] == "number of the 40 delegates that voted against the motion"
    got = measures("The virus was found in three of the 10 ponds sampled.")
    assert got[Decimal(3)] == "The virus was found in … of the 10 ponds sampled"


def test_a_verb_before_a_gerund_is_what_the_share_did() -> None:
    text = "Of the remaining 425 persons, 372 (88%) reported eating in a chain A restaurant."
    got = measures(text)
    assert got[Decimal(372)] == (
        "number of the remaining 425 persons that reported eating in a chain A restaurant"
    )
    assert got[Decimal(88)] == (
        "share of the remaining 425 persons that reported eating in a chain A restaurant"
    )


def test_a_noun_with_its_own_relative_clause_gets_no_second_that() -> None:
    text = "A total of 58 persons whose illnesses met the case definition were identified."
    assert measures(text)[Decimal(58)] == (
        "number of persons whose illnesses met the case definition were identified"
    )


def test_a_temperature_and_its_conversion() -> None:
    got = found("The FDA asked cooks to raise the temperature for hamburgers to 155 F (68.3 C).")
    assert [(f.value, f.unit) for f in got] == [(Decimal(155), "°F"), (Decimal("68.3"), "°C")]
    assert got[0].measure == "The FDA asked cooks to raise the temperature for hamburgers to … F"
    assert got[1].measure == f"{got[0].measure}, in °C"
    assert [(f.value, f.unit) for f in found("Water boils at 100 °C at sea level.")] == [
        (Decimal(100), "°C")
    ]


def test_the_same_length_in_other_units_is_the_same_measure() -> None:
    got = found("They walked 5 miles (8 km) to school.")
    assert [(f.value, f.unit) for f in got] == [(Decimal(5), "miles"), (Decimal(8), "km")]
    assert got[1].measure == f"{got[0].measure}, in km"
    assert [f.value for f in found("About 5 million people (8%) voted.")] == [
        Decimal(5),
        Decimal(8),
    ]


def test_a_time_counted_from_another_is_no_figure() -> None:
    text = "Visits rose 27% compared with the same period 1 year earlier."
    assert [f.value for f in found(text)] == [Decimal(27)]
    assert Decimal(2) in [f.value for f in found("The strike lasted 2 years after the vote.")]


def test_an_odds_ratio_of_a_long_clause_names_its_exposure() -> None:
    text = (
        "A study of the first 25 case-patients and matched controls implicated eating at a "
        "chain A restaurant in San Diego (matched OR=13; 95% CI=1.5-115.0)."
    )
    got = {f.value: f.measure for f in found(text)}
    assert got[Decimal(13)] == "matched odds ratio: eating at a chain A restaurant in San Diego"


# ---------------------------------------------------------------- a year that names a budget


def test_a_budget_year_is_no_date_and_gives_no_year_to_its_sentence() -> None:
    from studyapp.core.authoring.extract.extraction import extract

    text = (
        "Colombia's Elections\n\nUpdated September 24, 2026\n\n"
        "His government increased the 2027 budget proposal to support recovery from an "
        "August 10 earthquake, which may cost some $10 billion.\n"
    )
    dates = {d.text: str(d.date) for d in extract(text).dates}
    assert "2027" not in dates
    assert dates["August 10"] == "2026-08-10"


def test_a_year_of_events_before_a_noun_stays_a_date() -> None:
    from studyapp.core.authoring.extract.dates import find_dates

    assert [d.text for d in find_dates("Protesters marked the 2014 protests again.")] == ["2014"]
    assert [d.text for d in find_dates("They signed the 2016 peace accord in Havana.")] == ["2016"]


# ---------------------------------------------------------------- "that month", "the same day"


def test_that_month_and_the_same_day_are_the_last_date_told() -> None:
    from studyapp.core.authoring.extract.extraction import extract

    text = (
        "Entry into the War\n\n"
        "By January 1917, the situation in Germany had changed. During a conference that "
        "month, the navy won the argument. On February 3, 1917, the President spoke to "
        "Congress. That same day, he cut relations. They met again the same year.\n"
    )
    dates = [(d.text, str(d.date)) for d in extract(text).dates]
    assert ("that month", "1917-01") in dates
    assert ("That same day", "1917-02-03") in dates
    assert ("the same year", "1917") in dates


def test_that_months_and_that_year_of_are_no_dates() -> None:
    from studyapp.core.authoring.extract.relative import find_sequels

    assert find_sequels("The plan in that month's report failed.") == []
    assert find_sequels("In the spring of that year of crisis, they met.") == []


def test_a_group_put_first_with_a_quantifier_or_a_number() -> None:
    text = "Of some 5,000 students in the country in 1949, 105 were held for several years."
    assert measures(text)[Decimal(105)] == (
        "number of the 5,000 students in the country in 1949 that were held for several years"
    )
    text = "Of 58 persons whose illness met the definition (Figure 2C), nine were hospitalized."
    assert measures(text)[Decimal(9)] == (
        "number of the 58 persons whose illness met the definition that were hospitalized"
    )


def test_one_with_its_noun_after_a_count() -> None:
    text = "Fourteen persons were hospitalized, seven developed HUS, and one child died."
    assert measures(text)[Decimal(1)] == "number of children that died"


def test_a_length_after_an_agency_name_and_a_length_after_an_event() -> None:
    text = "Data from a CDC 2-year, nationwide, multicenter study were released."
    assert [(f.value, f.unit) for f in found(text)] == [(Decimal(2), "years")]
    text = "The strain was detected in one patient 38 days after illness onset."
    assert (Decimal(38), "days") in [(f.value, f.unit) for f in found(text)]
