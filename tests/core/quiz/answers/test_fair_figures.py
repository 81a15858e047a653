"""Fair answers from an instructor walk-through (session 13): figures with a scale or a
currency, units written short, "nil", a range for a single date, roles before a name.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.model import Deck, PartialDate
from studyapp.core.quiz.answers.dates import check_date
from studyapp.core.quiz.answers.judge import check_entry
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.answers.names import ROLES, check_name
from studyapp.core.quiz.answers.numbers import check_number, parse_number
from studyapp.core.quiz.answers.verdict import Outcome

C, H, W = Outcome.CORRECT, Outcome.CLOSE, Outcome.WRONG


def _quote(id_: str, speaker: str, alias: str, quote: str) -> dict[str, object]:
    return {
        "id": id_,
        "kind": "quote",
        "quote": quote,
        "speaker": speaker,
        "speaker_aliases": [alias],
    }


DECK = Deck.model_validate(
    {
        "id": "walk13",
        "title": "World Cup day five; the Gulf War",
        "entries": [
            {
                "id": "debt",
                "kind": "figure",
                "measure": "Owed to Gulf creditors in 1990",
                "value": 37,
                "unit": "billion dollars",
            },
            {
                "id": "troops",
                "kind": "figure",
                "prompt": "What number? A force of ____ thousand Iraqi troops invaded Kuwait.",
                "measure": "Iraqi troops that invaded Kuwait, in thousands",
                "value": 100,
            },
            {"id": "panama", "kind": "figure", "measure": "Goals of Panama", "value": 0},
            {
                "id": "pts",
                "kind": "figure",
                "measure": "Points England collected",
                "value": 3,
                "unit": "points",
            },
            {
                "id": "war",
                "kind": "date",
                "event": "The Iran-Iraq War begins",
                "date": "1980",
            },
            _quote("kane", "Harry Kane", "Kane", "The first half felt good."),
            _quote("maaloul", "Nabil Maaloul", "Maaloul", "We were playing a skilled team."),
            _quote("gomez", "Hernán Darío Gómez", "Gómez", "We have learned a lot."),
        ],
    }
)
INDEX = AnswerKeyIndex(DECK)


def _judge(entry_id: str, answer: str, target: Target | None = None) -> Outcome:
    entry = next(e for e in DECK.entries if e.id == entry_id)
    return check_entry(entry, answer, target=target, index=INDEX).outcome


# ---- 1. scale words and currencies in a figure's unit


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        ("37", C),
        ("$37 billion", C),
        ("37 billion", C),
        ("$37bn", C),
        ("US$37 billion", C),
        ("37,000,000,000 dollars", C),
        ("$37,000,000,000", C),
        ("37 billion US dollars", C),
        ("thirty-seven billion dollars", C),
        ("37 million", W),
        ("$37 million", W),
        ("37 billion euros", W),
        ("€37bn", W),
        ("£37 billion", W),
        ("38 billion", W),
        ("3.7 billion", W),
    ],
)
def test_a_figure_in_billions_of_dollars(answer: str, outcome: Outcome) -> None:
    assert _judge("debt", answer) is outcome


def test_the_wrong_currency_says_which() -> None:
    verdict = check_number("37 billion euros", 37, unit="billion dollars")
    assert verdict.outcome is W
    assert verdict.note == "euros, not dollars"


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        ("100", C),
        ("100,000", C),
        ("one hundred thousand", C),
        ("100 thousand", C),
        ("100k", C),
        ("1000", W),
        ("100 million", W),
        ("10,000", W),
    ],
)
def test_a_figure_the_prompt_counts_in_thousands(answer: str, outcome: Outcome) -> None:
    assert _judge("troops", answer) is outcome


def test_a_scale_is_kept_to_the_precision_typed() -> None:
    assert check_number("37.5 billion", Decimal("37.46"), unit="billion dollars").outcome is H
    assert check_number("37.46 billion", Decimal("37.46"), unit="billion dollars").outcome is C
    assert check_number("$37.0bn", Decimal("37.0"), unit="billion dollars").outcome is C


def test_plain_units_keep_their_checks() -> None:
    assert check_number("12,000 km", 12000, unit="km").outcome is C
    assert check_number("12 thousand km", 12000, unit="km").outcome is C
    assert check_number("5 m", 5, unit="m").outcome is C  # metres, not a million
    assert check_number("55.5 percent", Decimal("55.5"), unit="%").outcome is C


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["thousand", "million", "billion"]),
    st.sampled_from(["{n} {s} dollars", "${n} {s}", "US${n} {s}", "{full} dollars", "${full}"]),
)
def test_any_figure_written_in_full_or_scaled_is_its_value(n: int, scale: str, form: str) -> None:
    power = {"thousand": 3, "million": 6, "billion": 9}[scale]
    full = f"{n * 10**power:,}"
    typed = form.format(n=n, s=scale, full=full)
    assert check_number(typed, n, unit=f"{scale} dollars").outcome is C
    other = "million" if scale != "million" else "billion"
    assert check_number(f"${n} {other}", n, unit=f"{scale} dollars").outcome is W


# ---- 2. units written short; "nil"


@pytest.mark.parametrize("answer", ["3 pts", "3 pts.", "3 pt", "three pts", "3 points"])
def test_points_written_short(answer: str) -> None:
    assert _judge("pts", answer) is C


@pytest.mark.parametrize(
    ("answer", "value", "unit"),
    [("5 yrs", 5, "years"), ("90 mins", 90, "minutes"), ("2 hrs", 2, "hours"), ("3 kms", 3, "km")],
)
def test_units_written_short(answer: str, value: int, unit: str) -> None:
    assert check_number(answer, value, unit=unit).outcome is C


def test_a_number_with_an_unknown_unit_says_the_unit_is_unread() -> None:
    verdict = check_number("3 goals", 3, unit="points")
    assert verdict.outcome is W and verdict.ambiguous
    assert verdict.note == "'goals' is not read as a unit of points; write 3 points"
    assert "digits" not in verdict.reason
    four = check_number("4 goals", 3, unit="points")
    assert four.note == "'goals' is not read as a unit of points; write 4 points"


@pytest.mark.parametrize("answer", ["nil", "Nil", "zero", "none", "nought", "0"])
def test_nil_is_zero(answer: str) -> None:
    assert _judge("panama", answer) is C


def test_no_is_zero_only_before_the_unit() -> None:
    assert check_number("no points", 0, unit="points").outcome is C
    assert check_number("no", 0).outcome is W  # yes or no, not how many: asked again
    assert check_number("no", 0).ambiguous


@pytest.mark.parametrize(
    ("answer", "value", "outcome"),
    [("nil", 9, W), ("none", 9, W), ("nine", 9, C), ("nil", 1, W), ("nile", 0, W)],
)
def test_zero_words_look_alikes(answer: str, value: int, outcome: Outcome) -> None:
    assert check_number(answer, value).outcome is outcome


def test_zero_words_are_read_alone() -> None:
    assert parse_number("nil") == 0
    assert parse_number("two nil") is None


# ---- 3. a range for a single date


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        ("1980-1988", C),
        ("1980–1988", C),
        ("1980-88", C),
        ("from 1980 to 1988", C),
        ("1979-1980", H),
        ("1981-1988", W),
    ],
)
def test_a_range_whose_start_is_the_answer(answer: str, outcome: Outcome) -> None:
    assert _judge("war", answer) is outcome


def test_a_range_that_cannot_be_one_says_give_one_date() -> None:
    verdict = check_date("1988-1980", PartialDate(1980))
    assert verdict.ambiguous and "give one date" in verdict.note
    month = check_date("1980-1988", PartialDate(1980, 9))
    assert month.ambiguous and "give one date" in month.note
    assert "1980" not in month.note.replace("'1980-1988'", "")


# ---- 4. roles before a name


@pytest.mark.parametrize(
    ("entry_id", "answer"),
    [
        ("kane", "captain Harry Kane"),
        ("kane", "England captain Harry Kane"),
        ("kane", "Tottenham striker Harry Kane"),
        ("kane", "captain Kane"),
        ("maaloul", "coach Maaloul"),
        ("maaloul", "Tunisia's coach Nabil Maaloul"),
        ("maaloul", "Tunisia coach Maaloul"),
        ("gomez", "Panama coach Gomez"),
        ("gomez", "coach Gómez"),
        ("gomez", "Panama head coach Hernan Dario Gomez"),
    ],
)
def test_a_role_before_the_name_is_forgiven(entry_id: str, answer: str) -> None:
    assert _judge(entry_id, answer, Target.SPEAKER) is C


@pytest.mark.parametrize(
    ("entry_id", "answer"),
    [
        ("kane", "not Harry Kane"),
        ("kane", "not captain Harry Kane"),
        ("kane", "Maaloul coach Harry Kane"),
        ("kane", "coach Maaloul"),
        ("kane", "England captain"),
        ("maaloul", "coach Harry Kane"),
        ("gomez", "Panama coach Kane"),
        ("gomez", "coach"),
    ],
)
def test_roles_never_hide_another_person_or_a_negation(entry_id: str, answer: str) -> None:
    assert _judge(entry_id, answer, Target.SPEAKER) is W


def test_roles_keep_the_surname_rule() -> None:
    assert check_name("captain Kane", "Harry Kane").outcome is C
    shared = check_name("coach Kim", "Kim Min-woo", rival_people=[["Kim Shin-wook"]])
    assert shared.outcome is H


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1000, max_value=2900),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(["{a}-{b}", "{a}–{b}", "{a} to {b}", "from {a} to {b}"]),
)
def test_any_range_is_judged_by_its_ends(start: int, length: int, form: str) -> None:
    typed = form.format(a=start, b=start + length)
    assert check_date(typed, PartialDate(start)).outcome is C
    assert check_date(typed, PartialDate(start + length)).outcome is H
    assert check_date(typed, PartialDate(start - 1)).outcome is W


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(sorted(ROLES)),
    st.sampled_from(["", "England ", "Tottenham ", "the club's "]),
)
def test_any_role_before_the_name_is_forgiven_and_never_hides_a_rival(role: str, team: str) -> None:
    people = [["Nabil Maaloul", "Maaloul"]]
    assert check_name(f"{team}{role} Harry Kane", "Harry Kane", rival_people=people).outcome is C
    assert check_name(f"{team}{role} Nabil Maaloul", "Harry Kane", rival_people=people).outcome is W
    assert check_name(f"not {role} Harry Kane", "Harry Kane", rival_people=people).outcome is W
