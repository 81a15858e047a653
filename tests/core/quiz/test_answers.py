"""The answer checker: lenient where it does not matter, never accepting a rival answer.

The table below uses the facts of the bundled article (Lee Jae-myung's
"pragmatic diplomacy"), whose near-identical pairs are exactly the traps a
checker must not fall into: Moon vs Yoon, 26.6 vs 26.8 %, 55.5 vs 55.1 %,
June 3 / 9 / 16 / 17 2025, 2015 vs 2016, April vs August 2023.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks import cards
from studyapp.core.decks.model import Deck, PartialDate
from studyapp.core.quiz.answers import (
    DATE_STYLES,
    AnswerKey,
    DeckIndex,
    Mode,
    Outcome,
    Target,
    Verdict,
    answer_key,
    check_card,
    check_date,
    check_entry,
    check_name,
    check_number,
    check_order,
    check_text,
    compatible,
    decimals_of,
    fold,
    max_typos,
    parse_date,
    parse_number,
    render_date,
    render_number,
)
from studyapp.core.quiz.questions import QuestionFormat, make_question, variants

C, H, W = Outcome.CORRECT, Outcome.CLOSE, Outcome.WRONG

LEE = ["Lee", "President Lee", "President Lee Jae-myung", "Lee Jae Myung"]
MOON = ["Moon", "President Moon", "Moon Jae In"]
SURVEY = "East Asia Institute survey (January 2025): share of"


def _figure(id_: str, value: float, measure: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": id_,
        "kind": "figure",
        "tags": ["figures", "survey"],
        "measure": f"{SURVEY} {measure}",
        "value": value,
        "unit": "%",
        "as_of": "2025-01",
        **extra,
    }


def _date(id_: str, date: str | int, event: str) -> dict[str, Any]:
    return {"id": id_, "kind": "date", "tags": ["dates"], "event": event, "date": date}


ARTICLE: dict[str, Any] = {
    "id": "article",
    "title": "Lee Jae-myung's pragmatic diplomacy",
    "entries": [
        _date("elected", "2025-06-03", "Lee Jae-myung is elected President of South Korea"),
        _date("calls", "2025-06-09", "Lee makes his introductory phone calls to world leaders"),
        _date("seoul", "2025-06-16", "A Seoul event marks sixty years of relations"),
        _date("g7", "2025-06-17", "Lee and Ishiba meet on the sidelines of the G7 Summit"),
        _date("moon-office", 2017, "Moon Jae-in takes office"),
        _date("comfort", 2015, "Japan and South Korea conclude the comfort women agreement"),
        _date("gsomia", 2016, "Japan and South Korea enter into GSOMIA"),
        _date("abandoned", 2018, "The Moon administration abandons the agreement"),
        _date("treaty", 1965, "Japan and South Korea conclude the Treaty on Basic Relations"),
        _date("alliance", "2023-04", "The US-ROK alliance becomes a global strategic alliance"),
        _date("camp-david", "2023-08", "The Camp David Principles"),
        _date("survey", "2025-01", "The East Asia Institute conducts its survey"),
        _figure("cons-history", 24.0, "conservatives who cited resolving historical issues"),
        _figure("cons-coop", 55.5, "conservatives who cited future-oriented cooperation"),
        _figure("prog-history", 56.2, "progressives who prioritized historical issues"),
        _figure("prog-coop", 26.8, "progressives who preferred cooperation"),
        _figure("cons-security", 41.5, "conservatives for strengthening security measures"),
        _figure("prog-security", 17.0, "progressives for strengthening security measures"),
        _figure("prog-alliance", 26.6, "progressives for strengthening the US-ROK alliance"),
        _figure("prog-trilateral", 55.1, "progressives for trilateral cooperation"),
        _figure("cons-trilateral", 84.6, "conservatives for trilateral cooperation"),
        {
            "id": "anniversary",
            "kind": "figure",
            "measure": "Anniversary of normalization marked in 2025",
            "value": 60,
        },
        {
            "id": "ww2",
            "kind": "figure",
            "measure": "Anniversary of the end of World War II marked in 2025",
            "value": 80,
        },
        {
            "id": "yoon-years",
            "kind": "figure",
            "measure": "Length of the Yoon administration",
            "value": 3,
            "unit": "years",
        },
        {
            "id": "distance",
            "kind": "figure",
            "measure": "A made-up distance with a tolerance",
            "value": 12.5,
            "unit": "km",
            "tolerance": 0.5,
        },
        {
            "id": "distance-2",
            "kind": "figure",
            "measure": "Another made-up distance",
            "value": 12.0,
            "unit": "km",
        },
        {
            "id": "q-consistent",
            "kind": "quote",
            "quote": "Taking a consistent approach is extremely important in diplomacy",
            "speaker": "Lee Jae-myung",
            "speaker_aliases": LEE,
            "source": (
                "He criticized former President Yoon Suk Yeol. Japanese Prime Minister "
                "Ishiba Shigeru was second after US President Donald Trump."
            ),
        },
        {
            "id": "q-pragmatic",
            "kind": "quote",
            "quote": "pragmatic diplomacy centered on national interests",
            "speaker": "Lee Jae-myung",
            "speaker_aliases": LEE,
        },
        {
            "id": "q-balanced",
            "kind": "quote",
            "quote": "balanced diplomacy",
            "speaker": "Moon Jae-in",
            "speaker_aliases": MOON,
        },
        {
            "id": "q-ukraine",
            "kind": "quote",
            "quote": "today's Ukraine could be tomorrow's East Asia",
            "speaker": "successive Japanese prime ministers",
            "speaker_aliases": ["successive prime ministers", "Japan's prime ministers"],
        },
        {
            "id": "qa-second",
            "kind": "qa",
            "prompt": "Which leader was second in Lee's introductory calls?",
            "answer": "Ishiba Shigeru",
            "accept": ["Ishiba", "Prime Minister Ishiba"],
        },
        {
            "id": "qa-first",
            "kind": "qa",
            "prompt": "Which leader was first in Lee's introductory calls?",
            "answer": "Donald Trump",
            "accept": ["Trump"],
        },
        {
            "id": "qa-ip4",
            "kind": "qa",
            "prompt": "What does IP4 stand for?",
            "answer": "Indo-Pacific Partners",
        },
        {
            "id": "qa-never",
            "kind": "qa",
            "prompt": "Which term did Lee not once mention in his campaign?",
            "answer": "Indo-Pacific",
        },
        {
            "id": "qa-camp-david",
            "kind": "qa",
            "prompt": "What marked a new era of US-ROK-Japan trilateral cooperation?",
            "answer": "the Camp David Principles",
        },
        {
            "id": "qa-treaty-year",
            "kind": "qa",
            "prompt": "In what year was the Treaty on Basic Relations concluded?",
            "answer": "1965",
        },
        {
            "id": "qa-pacta",
            "kind": "qa",
            "prompt": "Which principle underpins mutual international trust?",
            "answer": "pacta sunt servanda",
            "accept": ["agreements must be kept"],
        },
        {
            "id": "qa-yoon-years",
            "kind": "qa",
            "prompt": "How many years did the Yoon administration last?",
            "answer": "three",
        },
        {
            "id": "cloze-taiwan",
            "kind": "cloze",
            "text": "Taiwan is perceived to be {{far away}}; a crisis is considered {{low}}.",
        },
        {
            "id": "cloze-coop",
            "kind": "cloze",
            "text": "Conservatives chose future-oriented cooperation ({{55.5%}}).",
        },
        {
            "id": "cloze-meeting",
            "kind": "cloze",
            "text": "Lee and Ishiba met on {{June 17, 2025}} in Canada.",
        },
        {
            "id": "choice-g7",
            "kind": "choice",
            "prompt": "Which country hosted the G7 Summit where Lee and Ishiba met?",
            "answer": "Canada",
            "distractors": ["Germany", "Italy", "Japan"],
        },
        {
            "id": "order-statements",
            "kind": "order",
            "events": ["Murayama statement", "Kan statement", "Abe statement"],
        },
    ],
}


@pytest.fixture(scope="module")
def deck() -> Deck:
    return Deck.model_validate(ARTICLE)


@pytest.fixture(scope="module")
def index(deck: Deck) -> DeckIndex:
    return DeckIndex(deck)


def _entry(deck: Deck, entry_id: str) -> Any:
    return next(e for e in deck.entries if e.id == entry_id)


# ---------------------------------------------------------------------- the table

CASES: list[tuple[str, Target | None, str, Outcome]] = [
    # dates at day precision: every common rendering, and the article's near misses
    ("g7", None, "June 17, 2025", C),
    ("g7", None, "17 June 2025", C),
    ("g7", None, "2025-06-17", C),
    ("g7", None, "Jun 17 2025", C),
    ("g7", None, "Jun. 17, 2025", C),
    ("g7", None, "17th of June, 2025", C),
    ("g7", None, "Tuesday, June 17th 2025", C),
    ("g7", None, "2025/6/17", C),
    ("g7", None, "17/6/2025", C),
    ("g7", None, "6/17/2025", C),
    ("g7", None, "20250617", C),
    ("g7", None, "2025年6月17日", C),
    ("g7", None, "  JUNE   17 , 2025 ", C),
    ("g7", None, "June 16, 2025", W),
    ("g7", None, "June 9, 2025", W),
    ("g7", None, "June 3, 2025", W),
    ("g7", None, "June 17, 2024", W),
    ("g7", None, "July 17, 2025", W),
    ("g7", None, "June 2025", H),
    ("g7", None, "2025-06", H),
    ("g7", None, "June 17", H),
    ("g7", None, "2025", W),
    ("g7", None, "6/17/25", W),
    ("g7", None, "June 31, 2025", W),
    ("g7", None, "next Tuesday", W),
    ("g7", None, "", W),
    ("elected", None, "June 3, 2025", C),
    ("elected", None, "3 June 2025", C),
    ("elected", None, "June 9, 2025", W),
    ("elected", None, "6/3/2025", H),  # ambiguous: 3 June or 6 March
    ("elected", None, "3/6/2025", H),  # ambiguous: 6 March or 3 June
    ("elected", None, "9/6/2025", W),  # both readings wrong
    ("calls", None, "June 9", H),
    ("calls", None, "9 June 2025", C),
    ("calls", None, "June 16 2025", W),
    # dates at month precision
    ("alliance", None, "April 2023", C),
    ("alliance", None, "Apr 2023", C),
    ("alliance", None, "2023-04", C),
    ("alliance", None, "4/2023", C),
    ("alliance", None, "April, 2023", C),
    ("alliance", None, "April 26, 2023", C),
    ("alliance", None, "August 2023", W),
    ("alliance", None, "April 2024", W),
    ("alliance", None, "2023", H),
    ("camp-david", None, "August 2023", C),
    ("camp-david", None, "April 2023", W),
    ("survey", None, "January 2025", C),
    ("survey", None, "Jan 2025", C),
    ("survey", None, "June 2025", W),
    # dates at year precision
    ("comfort", None, "2015", C),
    ("comfort", None, "in 2015", C),
    ("comfort", None, "2016", W),
    ("comfort", None, "2018", W),
    ("comfort", None, "2015-12-28", C),
    ("gsomia", None, "2016", C),
    ("gsomia", None, "2015", W),
    ("moon-office", None, "2017", C),
    ("moon-office", None, "2018", W),
    ("treaty", None, "1965", C),
    ("treaty", None, "1956", W),
    ("treaty", None, "65", W),
    # figures: formats, precision, and the survey's near-identical values
    ("prog-coop", None, "26.8", C),
    ("prog-coop", None, "26.8%", C),
    ("prog-coop", None, "26.8 %", C),
    ("prog-coop", None, "26.8 percent", C),
    ("prog-coop", None, "26.8 per cent", C),
    ("prog-coop", None, "about 26.8%", C),
    ("prog-coop", None, "26.80", C),
    ("prog-coop", None, "26,8", C),
    ("prog-coop", None, "twenty-six point eight", C),
    ("prog-coop", None, "26.6", W),
    ("prog-coop", None, "26.6%", W),
    ("prog-coop", None, "27", W),  # could be 26.6 or 26.8
    ("prog-coop", None, "26.7", W),
    ("prog-coop", None, "62.8", W),
    ("prog-coop", None, "lots", W),
    ("prog-alliance", None, "26.6", C),
    ("prog-alliance", None, "26.8", W),
    ("cons-coop", None, "55.5", C),
    ("cons-coop", None, "55.1", W),
    ("cons-coop", None, "56", W),  # could be 55.5 or 56.2
    ("cons-coop", None, "55", W),  # could be 55.5 or 55.1
    ("prog-trilateral", None, "55.1%", C),
    ("prog-trilateral", None, "55.5%", W),
    ("cons-trilateral", None, "85", H),  # less precise, and no rival rounds to 85
    ("cons-trilateral", None, "84.6", C),
    ("prog-security", None, "17", C),  # 17.0 shown as "17%" on cards
    ("prog-security", None, "17.0%", C),
    ("prog-security", None, "seventeen", C),
    ("prog-security", None, "17.1", W),
    ("cons-history", None, "24", C),
    ("cons-history", None, "24.0", C),
    ("anniversary", None, "60", C),
    ("anniversary", None, "sixty", C),
    ("anniversary", None, "80", W),
    ("ww2", None, "eighty", C),
    ("yoon-years", None, "3", C),
    ("yoon-years", None, "three years", C),
    ("yoon-years", None, "3 year", C),
    ("yoon-years", None, "2", W),
    ("distance", None, "12.5 km", C),
    ("distance", None, "12.3", C),  # within tolerance, nearer the answer than 12.0
    ("distance", None, "12.9", C),
    ("distance", None, "12.0", W),  # a rival, even inside the tolerance
    ("distance", None, "12.2", W),  # nearer the rival 12.0
    ("distance", None, "12.25", W),  # as near the rival as the answer
    ("distance", None, "13.1", W),
    # speakers: aliases, titles, order, typos, and the other people of the article
    ("q-consistent", None, "Lee Jae-myung", C),
    ("q-consistent", None, "Lee", C),
    ("q-consistent", None, "President Lee", C),
    ("q-consistent", None, "president lee jae myung", C),
    ("q-consistent", None, "Jae-myung Lee", C),
    ("q-consistent", None, "Lee Jaemyung", C),
    ("q-consistent", None, "Mr. Lee", C),
    ("q-consistent", None, "LEE JAE-MYUNG", C),
    ("q-consistent", None, "Lee Jae-myng", H),
    ("q-consistent", None, "Moon", W),
    ("q-consistent", None, "Moon Jae-in", W),
    ("q-consistent", None, "Yoon", W),
    ("q-consistent", None, "Yoon Suk Yeol", W),
    ("q-consistent", None, "Ishiba Shigeru", W),
    ("q-consistent", None, "Trump", W),
    ("q-consistent", None, "Kim", W),
    ("q-balanced", None, "Moon", C),
    ("q-balanced", None, "Moon Jae-in", C),
    ("q-balanced", None, "former President Moon Jae-in", C),
    ("q-balanced", None, "Moon Jae-im", H),
    ("q-balanced", None, "Mon", H),
    ("q-balanced", None, "Yoon", W),  # one letter from Moon, but another person
    ("q-balanced", None, "Noon", W),  # short names must start with the same letter
    ("q-balanced", None, "Lee", W),
    ("q-ukraine", None, "successive prime ministers", C),
    ("q-ukraine", None, "Japan’s prime ministers", C),
    ("q-ukraine", None, "Lee", W),
    # free text: accents, articles, typos, alternatives, rivals
    ("qa-second", None, "Ishiba Shigeru", C),
    ("qa-second", None, "Ishiba", C),
    ("qa-second", None, "Prime Minister Ishiba", C),
    ("qa-second", None, "Ishiba Shigeu", H),
    ("qa-second", None, "Donald Trump", W),
    ("qa-first", None, "Trump", C),
    ("qa-first", None, "donald trump", C),
    ("qa-first", None, "Donald Trumpp", H),
    ("qa-first", None, "Ishiba Shigeru", W),
    ("qa-ip4", None, "Indo-Pacific Partners", C),
    ("qa-ip4", None, "indo pacific partners", C),
    ("qa-ip4", None, "Indo–Pacific Partners", C),
    ("qa-ip4", None, "Indo-Pacific Partner", H),
    ("qa-ip4", None, "Indo-Pacific", W),  # another answer of the deck
    ("qa-never", None, "Indo-Pacific", C),
    ("qa-never", None, "Indo-Pacific Partners", W),
    ("qa-never", None, "Indo-Pacifc", H),
    ("qa-camp-david", None, "Camp David Principles", C),
    ("qa-camp-david", None, "The Camp David principles", C),
    ("qa-camp-david", None, "“Camp David Principles”", C),
    ("qa-camp-david", None, "Camp David", H),
    ("qa-camp-david", None, "Camp Davis Principles", H),
    ("qa-camp-david", None, "Principles", W),
    ("qa-treaty-year", None, "1965", C),
    ("qa-treaty-year", None, "in 1965", C),
    ("qa-treaty-year", None, "1956", W),
    ("qa-treaty-year", None, "2015", W),
    ("qa-pacta", None, "pacta sunt servanda", C),
    ("qa-pacta", None, "Pacta Sunt Servanda!", C),
    ("qa-pacta", None, "agreements must be kept", C),
    ("qa-pacta", None, "pacta sunt servnda", H),
    ("qa-pacta", None, "pacta", W),
    ("qa-yoon-years", None, "3", C),
    ("qa-yoon-years", None, "three", C),
    ("qa-yoon-years", None, "4", W),
    ("cloze-taiwan", Target.BLANK, "far away", C),
    ("cloze-taiwan", Target.BLANK, "far-away", C),
    ("cloze-taiwan", Target.BLANK, "low", W),
    ("cloze-coop", Target.BLANK, "55.5", C),
    ("cloze-coop", Target.BLANK, "55.5 percent", C),
    ("cloze-coop", Target.BLANK, "55.1%", W),
    ("cloze-meeting", Target.BLANK, "17 June 2025", C),
    ("cloze-meeting", Target.BLANK, "June 16, 2025", W),
    ("choice-g7", None, "Canada", C),
    ("choice-g7", None, "canada", C),
    ("choice-g7", None, "Canda", H),
    ("choice-g7", None, "Japan", W),
    ("choice-g7", None, "Italy", W),
    # the reverse questions
    ("g7", Target.EVENT, "Lee and Ishiba meet on the sidelines of the G7 Summit", C),
    ("g7", Target.EVENT, "Lee makes his introductory phone calls to world leaders", W),
    ("q-balanced", Target.QUOTE, "balanced diplomacy", C),
    ("q-balanced", Target.QUOTE, "pragmatic diplomacy centered on national interests", W),
]


@pytest.mark.parametrize(("entry_id", "target", "answer", "outcome"), CASES)
def test_table(
    deck: Deck,
    index: DeckIndex,
    entry_id: str,
    target: Target | None,
    answer: str,
    outcome: Outcome,
) -> None:
    verdict = check_entry(_entry(deck, entry_id), answer, target=target, index=index)
    assert verdict.outcome is outcome, verdict.reason
    assert verdict.grade == {C: 3, H: 2, W: 1}[outcome]
    assert verdict.reason


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 100
    assert {o for *_, o in CASES} == {C, H, W}


# ------------------------------------------------------------------ the reasons


def test_typo_reason_quotes_what_was_written(deck: Deck, index: DeckIndex) -> None:
    verdict = check_entry(_entry(deck, "qa-second"), "Ishiba Shigeu", index=index)
    assert verdict.outcome is H
    assert verdict.reason.startswith("typo: you wrote 'Ishiba Shigeu'")
    assert verdict.expected == "Ishiba Shigeru"
    assert verdict.given == "Ishiba Shigeu"


def test_ambiguous_date_is_flagged_not_accepted(deck: Deck, index: DeckIndex) -> None:
    verdict = check_entry(_entry(deck, "elected"), "6/3/2025", index=index)
    assert verdict.ambiguous
    assert verdict.outcome is not C
    assert "ambiguous" in verdict.reason
    assert "2025-06-03" in verdict.reason  # says how to write it unambiguously
    both_wrong = check_entry(_entry(deck, "elected"), "9/6/2025", index=index)
    assert both_wrong.outcome is W


def test_rival_reasons_name_the_other_answer(deck: Deck, index: DeckIndex) -> None:
    moon = check_entry(_entry(deck, "q-consistent"), "Moon", index=index)
    assert "Moon Jae-in" in moon.reason and "another person" in moon.reason
    figure = check_entry(_entry(deck, "prog-coop"), "26.6", index=index)
    assert "26.6%" in figure.reason and "another figure" in figure.reason
    rounded = check_entry(_entry(deck, "prog-coop"), "27", index=index)
    assert "26.6%" in rounded.reason and "26.8%" in rounded.reason
    date = check_entry(_entry(deck, "g7"), "June 16 2025", index=index)
    assert "another date" in date.reason


def test_month_for_a_day_is_close_and_says_why(deck: Deck, index: DeckIndex) -> None:
    verdict = check_entry(_entry(deck, "g7"), "June 2025", index=index)
    assert verdict.outcome is H
    assert "which day" in verdict.reason
    assert "4 dates in June 2025" in verdict.reason


def test_shared_surname_is_only_close() -> None:
    verdict = check_name("Lee", "Lee Jae-myung", ["Lee"], rival_people=[("Lee Myung-bak", "Lee")])
    assert verdict.outcome is H
    assert "more than one person" in verdict.reason
    full = check_name("Lee Jae-myung", "Lee Jae-myung", ["Lee"], rival_people=[("Lee Myung-bak",)])
    assert full.outcome is C


def test_verdict_round_trip() -> None:
    verdict = check_text("Canda", "Canada")
    again = Verdict.from_dict(verdict.to_dict())
    assert again == verdict
    assert verdict.grade == 2 and not verdict.correct


# --------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Abe Shinzō", "abe shinzo"),
        ("  Lee   Jae-myung ", "lee jae myung"),
        ("“pacta sunt servanda”", "pacta sunt servanda"),
        ("Japan–South Korea", "japan south korea"),
        ("Lee’s", "lees"),
        ("55.5%", "55.5%"),
        ("ＦＵＬＬＷＩＤＴＨ", "fullwidth"),
        ("Straße", "strasse"),
        ("Zürich & Genève", "zurich and geneve"),
        ("이재명", "이재명"),
        ("がか", "がか"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("55.5", "55.5"),
        ("55.5%", "55.5"),
        ("55.5 percent", "55.5"),
        ("approximately 55.5", "55.5"),
        ("12,000", "12000"),
        ("55,5", "55.5"),
        ("−3", "-3"),
        (".5", "0.5"),
        ("fifty", "50"),
        ("fifty-five point five", "55.5"),
        ("two hundred and six", "206"),
        ("three thousand", "3000"),
        ("$5", "5"),
    ],
)
def test_parse_number(text: str, number: str) -> None:
    assert parse_number(text) == Decimal(number)


@pytest.mark.parametrize("text", ["", "many", "55.5.5", "1,2,3", "five apples", "point"])
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_keeps_precision() -> None:
    assert str(parse_number("55.50")) == "55.50"
    assert decimals_of(parse_number("55.50") or 0) == 2
    assert decimals_of(24.0) == 1 and decimals_of(80) == 0 and decimals_of("9.80") == 2


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("June 17, 2025", [(2025, 6, 17)]),
        ("2023-04", [(2023, 4, None)]),
        ("April 2023", [(2023, 4, None)]),
        ("in 2015", [(2015, None, None)]),
        ("June 17", [(None, 6, 17)]),
        ("6/7/2025", [(2025, 6, 7), (2025, 7, 6)]),
        ("7/7/2025", [(2025, 7, 7)]),
        ("13/7/2025", [(2025, 7, 13)]),
        ("2025년 6월 17일", [(2025, 6, 17)]),
    ],
)
def test_parse_date(text: str, readings: list[tuple[int | None, ...]]) -> None:
    found, error = parse_date(text)
    assert error is None
    assert found == readings


@pytest.mark.parametrize("text", ["", "soon", "June 17, 25", "13/13/2025", "Feb 30 2024", "1 2 3"])
def test_parse_date_refuses_with_a_reason(text: str) -> None:
    found, error = parse_date(text)
    assert found == [] and error


def test_max_typos_grows_with_length() -> None:
    assert [max_typos(n) for n in (3, 4, 6, 10, 30, 100)] == [0, 1, 2, 3, 5, 5]


def test_compatible_dates() -> None:
    assert compatible(PartialDate(2025, 6), PartialDate(2025, 6, 17))
    assert compatible(PartialDate(2025), PartialDate(2025, 6, 17))
    assert not compatible(PartialDate(2025, 6, 16), PartialDate(2025, 6, 17))
    assert not compatible(PartialDate(2023, 4), PartialDate(2023, 8))


# ---------------------------------------------------------------------- order


def test_check_order() -> None:
    events = ["Murayama", "Kan", "Abe"]
    assert check_order(events, events).outcome is C
    assert check_order(["1. Murayama", "2. Kan", "3. Abe"], events).outcome is C
    assert check_order(["Kan", "Murayama", "Abe"], events).outcome is H
    assert check_order(["Abe", "Kan", "Murayama"], events).outcome is W
    assert check_order(["Abe", "Kan"], events).outcome is W
    assert check_order(["Abe", "Kan", "Koizumi"], events).outcome is W
    assert check_order([], events).outcome is W


# ----------------------------------------------------------- keys and cards


def test_keys_route_by_kind(deck: Deck, index: DeckIndex) -> None:
    modes = {
        "g7": Mode.DATE,
        "prog-coop": Mode.NUMBER,
        "q-balanced": Mode.NAME,
        "qa-ip4": Mode.TEXT,
        "qa-treaty-year": Mode.DATE,
        "qa-yoon-years": Mode.NUMBER,
        "cloze-coop": Mode.NUMBER,
        "cloze-meeting": Mode.DATE,
        "order-statements": Mode.ORDER,
    }
    for entry_id, mode in modes.items():
        assert index.key(_entry(deck, entry_id)).mode is mode, entry_id
    key = index.key(_entry(deck, "prog-coop"))
    assert "26.6" in key.rivals and "26.8" not in key.rivals
    assert AnswerKey.from_dict(key.to_dict()) == key


def test_key_without_a_deck_has_no_rivals(deck: Deck) -> None:
    key = answer_key(_entry(deck, "prog-coop"))
    assert key.rivals == ()
    assert key.check("26.8%").outcome is C


def test_unknown_target_is_refused(deck: Deck, index: DeckIndex) -> None:
    with pytest.raises(ValueError, match="cannot be asked"):
        index.key(_entry(deck, "g7"), Target.SPEAKER)
    with pytest.raises(ValueError, match="blank"):
        index.key(_entry(deck, "cloze-coop"), Target.BLANK, blank=3)


def test_people_are_mined_from_titles(index: DeckIndex) -> None:
    names = {p.name for p in index.mentioned}
    assert {"Yoon Suk Yeol", "Ishiba Shigeru", "Donald Trump"} <= names
    assert "Lee Jae-myung" not in names  # a speaker already


def test_every_card_answer_is_accepted(deck: Deck, index: DeckIndex) -> None:
    """What the study card shows as the answer is always judged right."""
    for card in cards.cards_for_deck(deck):
        verdict = check_card(card, card.answer, index)
        assert verdict.outcome is C, (card.id, card.answer, verdict.reason)
        for alternative in card.accepted:
            assert check_card(card, alternative, index).outcome is C, (card.id, alternative)


# ----------------------------------------------------------- property tests

dates = st.builds(
    lambda y, m, d, p: (
        PartialDate(y) if p == 0 else PartialDate(y, m) if p == 1 else PartialDate(y, m, d)
    ),
    st.integers(1000, 2999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


@given(date=dates, other=dates)
@settings(max_examples=300, deadline=None)
def test_every_date_rendering_is_accepted_and_others_are_not(
    date: PartialDate, other: PartialDate
) -> None:
    for style in DATE_STYLES:
        verdict = check_date(render_date(date, style), date, rivals=[other])
        assert verdict.outcome is C, (style, render_date(date, style), verdict.reason)
    assert check_date(cards.format_date(date), date).outcome is C
    if other.precision == date.precision and other != date:
        for style in DATE_STYLES:
            assert check_date(render_date(other, style), date, rivals=[other]).outcome is W


@given(
    value=st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False),
    decimals=st.integers(0, 2),
    unit=st.sampled_from([None, "%", "years", "km", "$"]),
    offset=st.integers(1, 500),
)
@settings(max_examples=300, deadline=None)
def test_every_figure_rendering_is_accepted_and_rivals_are_not(
    value: Decimal, decimals: int, unit: str | None, offset: int
) -> None:
    step = Decimal(1).scaleb(-decimals)
    value = value.quantize(step)
    shown = render_number(value, decimals, unit)
    assert check_number(shown, value, unit=unit).outcome is C, shown
    assert check_number(str(value), value, unit=unit).outcome is C
    rival = value + step * offset
    shown_rival = render_number(rival, decimals, unit)
    assert check_number(shown_rival, value, unit=unit, rivals=[rival]).outcome is W


def test_card_figure_rendering_is_accepted(deck: Deck, index: DeckIndex) -> None:
    for entry in deck.entries:
        if entry.kind == "figure":
            key = index.key(entry)
            assert key.check(cards.format_figure(entry)).outcome is C
            assert key.check(key.answer).outcome is C


names = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=2, max_size=8)


def test_a_name_starting_with_a_title_word_in_the_other_order() -> None:
    """Found by the property test below: 'ÞE' folds to 'the', a title word, so the name
    lost it when it came first and 'AA ÞE' was judged wrong for 'ÞE AA'."""
    assert check_name("Martin Dean", "Dean Martin").outcome is C
    assert check_name("AA ÞE", "ÞE AA").outcome is C
    assert check_name("Dean Martin", "Dean Martin").reason == "correct"
    assert check_name("President Lee Jae-myung", "Lee Jae-myung").outcome is C


@given(family=names, given_name=names, title=st.sampled_from(["", "President ", "Dr. "]))
@settings(max_examples=200, deadline=None)
def test_names_in_any_order_and_with_titles(family: str, given_name: str, title: str) -> None:
    name = f"{family} {given_name}"
    assert check_name(f"{title}{name}", name).outcome is C
    assert check_name(f"{given_name} {family}", name).outcome is C
    assert check_name(name.upper(), name).outcome is C


@given(st.text(min_size=1, max_size=40))
@settings(max_examples=300, deadline=None)
def test_text_answer_accepts_itself(text: str) -> None:
    if not any(c.isalnum() for c in text):
        return
    assert check_text(text, text).outcome is C
    assert fold(fold(text)) == fold(text)


@given(seed=st.integers(0, 2**32 - 1))
@settings(max_examples=40, deadline=None)
def test_no_distractor_is_ever_accepted(deck: Deck, index: DeckIndex, seed: int) -> None:
    """Whatever the seed, no wrong option passes the typed-answer check, and the answer does."""
    rng = random.Random(seed)
    for entry in deck.entries:
        for variant in variants(entry):
            if variant.format not in (QuestionFormat.CHOICE, QuestionFormat.TRUE_FALSE):
                continue
            question = make_question(entry, index, variant, rng)
            if question is None:
                continue
            if variant.format is QuestionFormat.CHOICE:
                assert question.key.check(question.answer).outcome is C, question.id
                for option in question.options:
                    if option != question.answer:
                        verdict = question.key.check(option)
                        assert verdict.outcome is W, (question.id, option, verdict.reason)


def test_ordinals_stay_numbers_and_render_properly() -> None:
    deck = Deck.model_validate(
        {
            "id": "ordinals",
            "title": "Ordinals",
            "entries": [
                {"id": "a", "kind": "qa", "prompt": "Which anniversary?", "answer": "80th"},
                {"id": "b", "kind": "qa", "prompt": "And this one?", "answer": "60th"},
            ],
        }
    )
    key = answer_key(deck.entries[0], deck=deck)
    assert key.mode is Mode.NUMBER
    for typed in ("80th", "80", "80 th", "eighty"):
        assert key.check(typed).outcome is C, typed
    for typed in ("60th", "81st", "eightieth-ish"):
        assert key.check(typed).outcome is W, typed
    shown = [render_number(Decimal(n), 0, "th") for n in (1, 2, 3, 11, 12, 13, 21, 22, 101)]
    assert shown == ["1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "22nd", "101st"]


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("2 3 1", 3, [1, 2, 0]),
        ("2,3,1", 3, [1, 2, 0]),
        ("231", 3, [1, 2, 0]),
        (" 1  2 ", 2, [0, 1]),
        ("1 1 2", 3, None),
        ("1 2", 3, None),
        ("a b c", 3, None),
        ("", 3, None),
        ("0 1 2", 3, None),
    ],
)
def test_typed_orderings(text: str, count: int, expected: list[int] | None) -> None:
    from studyapp.core.quiz.answers import parse_order_numbers

    assert parse_order_numbers(text, count) == expected
