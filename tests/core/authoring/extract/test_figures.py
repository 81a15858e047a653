"""Figures and the numbers a text states (``extract.figures``)."""

from __future__ import annotations

from decimal import Decimal

from studyapp.core.authoring.extract.figures import find_figures, numbers_in


def figures(text: str) -> list[tuple[str, Decimal, str | None, str]]:
    return [(f.text, f.value, f.unit, f.kind) for f in find_figures(text)]


def test_find_figures() -> None:
    text = (
        "Among conservative respondents, 41.5% wish to strengthen security while only 17.0% "
        "of progressives did. It marks the sixtieth anniversary. During the three years of the "
        "administration, 28,500 troops stayed at a cost of $3.5 billion. Ishiba was second "
        "after Trump, the twenty-first visitor."
    )
    assert figures(text) == [
        ("41.5%", Decimal("41.5"), "%", "percent"),
        ("17.0%", Decimal("17.0"), "%", "percent"),
        ("sixtieth", Decimal(60), None, "ordinal"),
        ("three", Decimal(3), "years", "count"),
        ("28,500", Decimal(28500), None, "count"),
        ("$3.5 billion", Decimal("3.5"), "billion dollars", "money"),
        ("second", Decimal(2), None, "ordinal"),
        ("twenty-first", Decimal(21), None, "ordinal"),
    ]
    found = find_figures(text)
    assert found[0].measure == "conservative respondents: share: wish to strengthen security"
    assert found[3].measure == "number of years of the administration"


def test_figures_skip_idioms_and_anaphora() -> None:
    text = (
        "Avoid fighting in the first place. Trust between the two countries fell. "
        "One area is Taiwan. At first they agreed."
    )
    assert figures(text) == []


def test_numbers_in_reads_words_and_digits() -> None:
    assert {Decimal(80), Decimal(3), Decimal("55.5"), Decimal(2025)} <= set(
        numbers_in("The eightieth year, three times, 55.5% in 2025.")
    )


def values(text: str) -> list[tuple[Decimal, str | None]]:
    return [(f.value, f.unit) for f in find_figures(text)]


def test_numbers_inside_names_and_identifiers_measure_nothing() -> None:
    text = (
        "Pioneer 4 flew on STS-134 and B-29 bombers; RELEASE: 00-134; see Table 1 and the 747, "
        "launch at 8:45 a.m. EDT or 4 a.m., as noted (3)."
    )
    assert values(text) == []


def test_first_and_ordinals_in_names_are_no_figures_but_ranks_are() -> None:
    text = "The Second World War and the first crisis ended; it was its 39th mission."
    assert values(text) == [(Decimal(39), None)]


def test_confidence_intervals_and_p_values_qualify_another_figure() -> None:
    text = "Use was 8.2% (95% CI = 6.7-9.5; p<0.05) among men, margin of error 3 points."
    assert values(text) == [(Decimal("8.2"), "%")]


def test_stray_numbers_count_nothing() -> None:
    assert values("The two of them met; one of the sides won; the 747, which flew.") == []


def test_number_words_fractions_ranges_and_money() -> None:
    text = (
        "Two and a half million Berliners lived in four zones; a crew of seven unloaded one and "
        "a half tons; nearly one fourth of users and two-thirds of adults smoke; it runs ten to "
        "32 pages with 40-50 questions; it cost $3.5 billion and £30bn; it was three times higher."
    )
    assert values(text) == [
        (Decimal("2.5"), "million"),
        (Decimal(4), None),
        (Decimal(7), None),
        (Decimal("1.5"), "tons"),
        (Decimal("0.25"), None),
        (Decimal("0.67"), None),
        (Decimal(10), None),
        (Decimal(32), None),
        (Decimal(40), None),
        (Decimal(50), None),
        (Decimal("3.5"), "billion dollars"),
        (Decimal(30), "billion pounds"),
        (Decimal(3), "times"),
    ]


def test_a_figure_measures_its_whole_clause_with_its_frame() -> None:
    (figure,) = find_figures("The budget would shrink by 2 percent next year.")
    assert figure.measure == "The budget would shrink by … next year"
    (share,) = find_figures("Among adults surveyed, 41 percent of respondents said they smoked.")
    assert share.measure == "adults surveyed: share of respondents said they smoked"


def test_partitive_counts_sample_sizes_and_currency_words() -> None:
    text = "The party won 159 of the 225 seats (n = 2,032), worth 2.9 billion US dollars."
    assert values(text) == [
        (Decimal(159), None),
        (Decimal(225), None),
        (Decimal(2032), None),
        (Decimal("2.9"), "billion US dollars"),
    ]


def test_citations_measure_nothing_but_a_hyphenated_count_does() -> None:
    assert values("Section 12(a) of 43 U.S.C. §1341 and P.L. 117-269 apply.") == []
    assert [v for v, _unit in values("The 12-turbine South Fork Wind Farm is built.")] == [12]
