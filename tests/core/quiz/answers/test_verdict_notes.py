"""A verdict's ``note``: what the checker found, without the outcome and without the answer.

The study card and the quiz show the mark and the answer on lines of their own, and the
note beside the mark. These tests hold every checker path to that, and hold ``reason``
(read by scripts from ``studyapp judge --json`` and saved results) to the very words of
the checkers before notes existed: the table's reasons were recorded from them (a copy of
the old checkers served as the oracle once, when notes came in, and every generated case
below matched it then).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks.card import Card
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.loader import load_deck
from studyapp.core.decks.model import PartialDate
from studyapp.core.quiz.answers import dates, lists, names, numbers, order, text
from studyapp.core.quiz.answers.judge import check_card
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.verdict import Outcome, Verdict
from tests.core.quiz.answers.fair_decks import DECKS

C, H, W = Outcome.CORRECT, Outcome.CLOSE, Outcome.WRONG
P = PartialDate
_OUTCOME_START = re.compile(r"^(?:correct|close|wrong)\b", re.IGNORECASE)
"""The outcome word leading a note ("correct: ..."), not a learner's own word quoted there
("'CLOSE' is not a date")."""

NEW: dict[str, Callable[..., Verdict]] = {
    "text": text.check_text,
    "name": names.check_name,
    "number": numbers.check_number,
    "date": dates.check_date,
    "list": lists.check_list,
    "order": order.check_order,
}

ASIA = ("Japan", "Korea", "China")
LEE = "Lee Jae-myung"
MOON = ("Moon Jae-in",)

# (checker, args, kwargs, outcome, note, reason): one row a path of a checker; the
# reason is word for word what the checkers said before notes existed (scripts read it).
PATHS: list[tuple[str, tuple[Any, ...], dict[str, Any], Outcome, str, str]] = [
    # text
    ("text", ("Seoul", "Seoul"), {}, C, "", "correct"),
    ("text", ("  ", "Seoul"), {}, W, "no answer given", "no answer given"),
    (
        "text",
        ("Busan", "Seoul"),
        {"rivals": ["Busan"]},
        W,
        "'Busan' is a different answer in this deck",
        "'Busan' is a different answer in this deck; the answer is 'Seoul'",
    ),
    (
        "text",
        ("NATO", "North Atlantic Treaty Organization"),
        {},
        C,
        "its initials",
        "correct (the initials of 'North Atlantic Treaty Organization')",
    ),
    (
        "text",
        ("North Atlantic Treaty Organization", "NATO"),
        {},
        C,
        "written out in full",
        "correct ('NATO' for short)",
    ),
    (
        "text",
        ("nuclei", "nucleus"),
        {},
        C,
        "singular or plural does not matter",
        "correct (singular or plural does not matter)",
    ),
    ("text", ("PM", "Prime Minister"), {}, C, "a short form", "correct (a short form)"),
    ("text", ("USA", "United States"), {}, C, "the same country", "correct (the same country)"),
    (
        "text",
        ("Yun Sok Yol", "Yoon Suk Yeol"),
        {},
        H,
        "another spelling of the name",
        "another spelling of the name: it is written 'Yoon Suk Yeol' here",
    ),
    (
        "text",
        ("Iran", "Iraq"),
        {},
        W,
        "'Iran' is a different place",
        "'Iran' is a different place; the answer is 'Iraq'",
    ),
    (
        "text",
        ("Moan", "Moon"),
        {"lookalikes": ["Moan"]},
        W,
        "'Moan' is a different name or word",
        "'Moan' is a different name or word; the answer is 'Moon'",
    ),
    (
        "text",
        ("Austrai", "Australia"),
        {"rivals": ["Austria"]},
        W,
        "'Austrai' is as close to 'Austria', a different answer in this deck",
        "'Austrai' is as close to 'Austria', a different answer in this deck"
        "; the answer is 'Australia'",
    ),
    (
        "text",
        ("Seol", "Seoul"),
        {},
        H,
        "typo: you wrote 'Seol'",
        "typo: you wrote 'Seol'; it is 'Seoul'",
    ),
    (
        "text",
        ("Camp David", "Camp David Accords"),
        {},
        H,
        "partly right",
        "partly right: the full answer is 'Camp David Accords'",
    ),
    ("text", ("Paris", "Seoul"), {}, W, "", "the answer is 'Seoul'"),
    # text, an accepted form that is not the answer: the note names that form
    (
        "text",
        ("Untied States", "USA"),
        {"accept": ["United States"]},
        H,
        "typo: you wrote 'Untied States'; it is 'United States'",
        "typo: you wrote 'Untied States'; it is 'United States'",
    ),
    (
        "text",
        ("Yun Sok Yol", "the president"),
        {"accept": ["Yoon Suk Yeol"]},
        H,
        "another spelling of the name: it is written 'Yoon Suk Yeol' here",
        "another spelling of the name: it is written 'Yoon Suk Yeol' here",
    ),
    # names
    ("name", (LEE, LEE), {}, C, "", "correct"),
    (
        "name",
        ("Jae-myung Lee", LEE),
        {},
        C,
        "name order does not matter",
        "correct (name order does not matter)",
    ),
    (
        "name",
        ("Jae", "Lee Jae Myung"),
        {},
        H,
        "part of the name",
        "part of the name: the answer is Lee Jae Myung",
    ),
    (
        "name",
        ("Lee", LEE),
        {"rival_people": [["Lee Myung-bak"]]},
        H,
        "more than one person in this deck is called 'Lee'; give the full name",
        "more than one person in this deck is called 'Lee'; give the full name",
    ),
    (
        "name",
        ("Moon Jae-in", LEE),
        {"rival_people": [MOON]},
        W,
        "Moon Jae-in is another person in this deck",
        "Moon Jae-in is another person in this deck; the answer is Lee Jae-myung",
    ),
    (
        "name",
        ("Moon", LEE),
        {"rival_people": [MOON]},
        W,
        "'Moon' is Moon Jae-in, another person in this deck",
        "'Moon' is Moon Jae-in, another person in this deck; the answer is Lee Jae-myung",
    ),
    (
        "name",
        ("Lee Jae-myang", LEE),
        {"rival_people": [["Lee Jae-myong"]]},
        W,
        "'Lee Jae-myang' is as close to Lee Jae-myong, another person in this deck",
        "'Lee Jae-myang' is as close to Lee Jae-myong, another person in this deck"
        "; the answer is Lee Jae-myung",
    ),
    (
        "name",
        ("Lee Jae-myeng", LEE),
        {},
        H,
        "typo: you wrote 'Lee Jae-myeng'",
        "typo: you wrote 'Lee Jae-myeng'; it is Lee Jae-myung",
    ),
    (
        "name",
        ("Yun Sok-yol", "Yoon Suk-yeol"),
        {},
        H,
        "another spelling of the name",
        "another spelling of the name: it is written Yoon Suk-yeol here",
    ),
    ("name", ("Park Geun-hye", LEE), {}, W, "", "the answer is Lee Jae-myung"),
    (
        "name",
        ("Chinese Prime Minister Kishida", "Japanese Prime Minister Kishida"),
        {},
        W,
        "",
        "the answer is Japanese Prime Minister Kishida",
    ),
    # numbers
    ("number", ("55.5", "55.5"), {}, C, "", "correct"),
    ("number", ("", "55.5"), {}, W, "no answer given", "no answer given"),
    (
        "number",
        ("60", "55.5"),
        {"rivals": ["60"]},
        W,
        "60.0 is another figure in this deck",
        "60.0 is another figure in this deck; the answer is 55.5",
    ),
    ("number", ("56", "55.5"), {"tolerance": 1}, C, "within ±1", "correct (within ±1 of 55.5)"),
    (
        "number",
        ("56.5", "55.5"),
        {"tolerance": 1.5, "rivals": ["57"]},
        W,
        "56.5 is as near 57.0, another figure in this deck",
        "56.5 is as near 57.0, another figure in this deck; the answer is 55.5",
    ),
    (
        "number",
        ("56", "55.5"),
        {},
        H,
        "not precise enough",
        "not precise enough: the answer is 55.5",
    ),
    (
        "number",
        ("56", "55.5"),
        {"rivals": ["55.7"]},
        W,
        "56 fits more than one figure in this deck; write it to 1 decimal place",
        "56 fits more than one figure in this deck; write it to 1 decimal place",
    ),
    ("number", ("70", "55.5"), {}, W, "", "the answer is 55.5"),
    ("number", ("I don't know", "55.5"), {}, W, "", "the answer is 55.5"),
    (
        "number",
        ("many", "55.5"),
        {},
        W,
        "'many' is not a number",
        "'many' is not a number; the answer is 55.5",
    ),
    (
        "number",
        ("fourty", "40"),
        {},
        H,
        "misspelt: 'fourty' is spelt 'forty'",
        "misspelt: 'fourty' is spelt 'forty'",
    ),
    # numbers, asked again: the note's example is never the answer (the reason's was 12)
    (
        "number",
        ("5x5", "12"),
        {},
        W,
        "'5x5' cannot be read as a number; write it in digits, e.g. 13",
        "'5x5' cannot be read as a number; write it in digits, e.g. 12",
    ),
    (
        "number",
        ("banana", "12.5"),
        {},
        W,
        "'banana' is not a number; write it in digits, e.g. 13.5",
        "'banana' is not a number; write it in digits, e.g. 12.5",
    ),
    # dates
    ("date", ("1969", P(1969)), {}, C, "", "correct"),
    ("date", ("", P(1969)), {}, W, "no answer given", "no answer given"),
    (
        "date",
        ("20 July 1969", P(1969, 7)),
        {},
        C,
        "the deck knows only the month",
        "correct (the deck knows only July 1969)",
    ),
    (
        "date",
        ("20 July", P(1969, 7, 20)),
        {},
        H,
        "right, but which year?",
        "right, but which year? the answer is 20 July 1969",
    ),
    ("date", ("21 July", P(1969, 7, 20)), {}, W, "", "the answer is 20 July 1969"),
    (
        "date",
        ("1970", P(1969)),
        {"rivals": [P(1970)]},
        W,
        "1970 is another date in this deck",
        "1970 is another date in this deck; the answer is 1969",
    ),
    ("date", ("1970", P(1969)), {}, W, "", "the answer is 1969"),
    (
        "date",
        ("July 1969", P(1969, 7, 20)),
        {},
        H,
        "right month, but which day?",
        "right month, but which day? the answer is 20 July 1969",
    ),
    (
        "date",
        ("July 1969", P(1969, 7, 20)),
        {"rivals": [P(1969, 7, 1)]},
        H,
        "right month, but which day? (this deck has 2 dates in July 1969)",
        "right month, but which day?"
        " the answer is 20 July 1969 (this deck has 2 dates in July 1969)",
    ),
    (
        "date",
        ("1969", P(1969, 7, 20)),
        {},
        W,
        "right year, but which month and day?",
        "right year, but the answer is 20 July 1969",
    ),
    (
        "date",
        ("banana", P(1969, 7, 20)),
        {},
        W,
        "'banana' is not a date",
        "'banana' is not a date; the answer is 20 July 1969",
    ),
    (
        "date",
        ("31/2/1969", P(1969, 7, 20)),
        {},
        W,
        "'31/2/1969' is not a real calendar date; write it as e.g. '20 July 1989' or 1989-07-20",
        "'31/2/1969' is not a real calendar date; write it as e.g. '20 July 1989' or 1989-07-20",
    ),
    # lists
    ("list", ("Japan, Korea and China", "Japan, Korea and China", ASIA), {}, C, "", "correct"),
    (
        "list",
        ("China, Korea, Japan", "Japan, Korea and China", ASIA),
        {},
        C,
        "the order does not matter",
        "correct (the order does not matter)",
    ),
    (
        "list",
        ("China, Korea, Peru", "Japan, Korea and China", ASIA),
        {},
        W,
        "'Peru' is not in the list; missing 'Japan'",
        "'Peru' is not in the list; missing 'Japan'; the answer is 'Japan, Korea and China'",
    ),
    (
        "list",
        ("China, Korea", "Japan, Korea and China", ASIA),
        {},
        W,
        "2 of 3: missing 'Japan'",
        "2 of 3: missing 'Japan'",
    ),
    (
        "list",
        ("Chna, Korea, Japan", "Japan, Korea and China", ASIA),
        {},
        H,
        "typo: 'Chna' for 'China'",
        "typo: 'Chna' for 'China'",
    ),
    ("list", ("", "Japan, Korea and China", ASIA), {}, W, "no answer given", "no answer given"),
    # orderings
    ("order", (["a", "b", "c"], ["a", "b", "c"]), {}, C, "", "correct"),
    ("order", ([], ["a", "b", "c"]), {}, W, "no answer given", "no answer given"),
    (
        "order",
        (["b", "a", "c"], ["a", "b", "c"]),
        {},
        H,
        "almost: two neighbours are swapped (1 of 3 in place)",
        "almost: two neighbours are swapped (1 of 3 in place)",
    ),
    (
        "order",
        (["c", "b", "a"], ["a", "b", "c"]),
        {},
        W,
        "1 of 3 in the right place",
        "1 of 3 in the right place",
    ),
    (
        "order",
        (["x", "b", "a"], ["a", "b", "c"]),
        {},
        W,
        "'x' is not one of the events",
        "'x' is not one of the events",
    ),
    (
        "order",
        (["a", "a", "c"], ["a", "b", "c"]),
        {},
        W,
        "give every event exactly once",
        "give every event exactly once",
    ),
]


def _note_is_clean(verdict: Verdict) -> None:
    note = verdict.note
    assert note == note.strip()
    assert not _OUTCOME_START.match(note), note
    assert "the answer is" not in note, note
    expected = verdict.expected.strip()
    assert f"it is '{expected}'" not in note and f"it is {expected}" not in note, note


@pytest.mark.parametrize(
    ("checker", "args", "kwargs", "outcome", "note", "reason"),
    PATHS,
    ids=[f"{p[0]}-{p[4] or p[3].value}"[:60] for p in PATHS],
)
def test_every_path_notes_what_it_found_without_the_outcome_or_the_answer(
    checker: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    outcome: Outcome,
    note: str,
    reason: str,
) -> None:
    verdict = NEW[checker](*args, **kwargs)
    assert (verdict.outcome, verdict.note, verdict.reason) == (outcome, note, reason)
    _note_is_clean(verdict)
    assert verdict.expected.casefold() not in note.casefold()


def test_a_date_read_two_ways_is_asked_again_and_the_note_does_not_say_which_is_right() -> None:
    """The one note that may hold the answer: the re-ask lists what the learner's own
    "6/7/2025" could mean, both readings. The note is about the form of what was
    written, and it is word for word the same whichever reading is the answer."""
    july, june = P(2025, 7, 6), P(2025, 6, 7)
    as_july = dates.check_date("6/7/2025", july)
    as_june = dates.check_date("6/7/2025", june)
    assert as_july.ambiguous and as_june.ambiguous
    assert as_july.note == as_june.note
    assert "6 July 2025" in as_july.note and "7 June 2025" in as_july.note
    assert as_july.note.startswith("ambiguous: '6/7/2025' could be ")
    assert as_july.reason == (
        "ambiguous: '6/7/2025' could be 7 June 2025 or 6 July 2025; write the month as a "
        "word or in year-month-day order, e.g. '20 July 1969' or 1969-07-20"
    )
    _note_is_clean(as_july)


def test_a_misspelling_of_two_answers_is_asked_again_naming_neither() -> None:
    verdict = text.check_text("Austrlia", "Australia", rivals=["Austrlai"])
    assert verdict.ambiguous and verdict.outcome is W
    assert verdict.note == (
        "'Austrlia' is a misspelling of more than one answer in this deck; "
        "check the spelling and write it again"
    )
    assert "Australia" not in verdict.note


def test_a_verdict_saved_before_notes_loads_with_an_empty_note() -> None:
    saved = {
        "outcome": "close",
        "reason": "typo: you wrote 'Seol'; it is 'Seoul'",
        "expected": "Seoul",
        "given": "Seol",
        "grade": 2,
        "ambiguous": False,
    }
    verdict = Verdict.from_dict(saved)
    assert verdict.note == "" and verdict.reason == saved["reason"]


def test_the_json_keeps_every_old_field_as_it_was_and_adds_the_note() -> None:
    new = text.check_text("Seol", "Seoul").to_dict()
    assert new == {
        "outcome": "close",
        "reason": "typo: you wrote 'Seol'; it is 'Seoul'",
        "expected": "Seoul",
        "given": "Seol",
        "grade": 2,
        "ambiguous": False,
        "note": "typo: you wrote 'Seol'",
    }


# ------------------------------------------------------------ generated answers

_WORDS = ["Seoul", "Busan", "Japan", "Korea", "China", "Australia", "Austria", "Iraq", "Iran"]
_WORDS += ["United States", "USA", "NATO", "North Atlantic Treaty Organization", "PM"]
_WORDS += ["Prime Minister", "Camp David Accords", "nucleus", "nuclei", "Yoon Suk Yeol"]
_WORDS += ["Yun Sok Yol", "in the Philippines", "Philippines"]
_PEOPLE = [LEE, "Lee Myung-bak", "Moon Jae-in", "Yoon Suk Yeol", "Park Geun-hye", "Kim Dae-jung"]
_PEOPLE += ["Yun Sok-yol", "Jae-myung Lee", "Kim Dae-jang"]


@st.composite
def _mistyped(draw: st.DrawFn, word: str) -> str:
    """``word`` as a learner might write it: as is, cased, one letter off, cut, or padded."""
    how = draw(st.sampled_from(["same", "upper", "drop", "swap", "add", "cut", "pad"]))
    if not word or how == "same":
        return word
    i = draw(st.integers(0, len(word) - 1))
    if how == "upper":
        return word.upper()
    if how == "drop":
        return word[:i] + word[i + 1 :]
    if how == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if how == "add":
        return word[:i] + draw(st.sampled_from("aeiouxz-. ")) + word[i:]
    if how == "cut":
        return " ".join(word.split()[:-1]) or word[: max(1, i)]
    return f"{draw(st.sampled_from(['the', 'in', 'President', 'of']))} {word}"


def _given_for(expected: str, pool: Sequence[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        _mistyped(expected),
        st.sampled_from(pool).flatmap(_mistyped),
        st.text(max_size=12),
    )


@st.composite
def _text_case(draw: st.DrawFn) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    answer = draw(st.sampled_from(_WORDS))
    others = [w for w in _WORDS if w != answer]
    kwargs = {
        "accept": draw(st.lists(st.sampled_from(others), max_size=1)),
        "rivals": draw(st.lists(st.sampled_from(others), max_size=3)),
        "lookalikes": draw(st.lists(st.sampled_from(others), max_size=2)),
    }
    return "text", (draw(_given_for(answer, _WORDS)), answer), kwargs


@st.composite
def _name_case(draw: st.DrawFn) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    name = draw(st.sampled_from(_PEOPLE))
    others = [p for p in _PEOPLE if p != name]
    people = draw(st.lists(st.sampled_from(others), max_size=3, unique=True))
    kwargs = {"rival_people": [[p, p.split()[0]] for p in people]}
    given_name = draw(
        st.one_of(
            _given_for(name, _PEOPLE),
            st.sampled_from(name.split()),
            st.just(" ".join(reversed(name.split()))),
        )
    )
    return "name", (given_name, name), kwargs


@st.composite
def _number_case(draw: st.DrawFn) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    value = draw(st.decimals(min_value=-500, max_value=5000, places=draw(st.integers(0, 2))))
    near = [value + d for d in (Decimal(0), Decimal("0.5"), Decimal(1), Decimal(10))]
    coarser = [value.quantize(Decimal(1)), value.quantize(Decimal("0.1"))]
    forms = [str(v) for v in near + coarser] + [f"about {value}", "fourty", "many"]
    forms += ["I don't know", "12,5", "1.2.3", f"{value}%"]
    kwargs: dict[str, Any] = {
        "tolerance": draw(st.sampled_from([None, 0.5, 1, 5])),
        "rivals": draw(st.lists(st.sampled_from([*near[1:], Decimal(12)]), max_size=2)),
        "unit": draw(st.sampled_from([None, "%"])),
    }
    given_number = draw(st.one_of(st.sampled_from(forms), st.text(max_size=8)))
    return "number", (given_number, value), kwargs


@st.composite
def _date_case(draw: st.DrawFn) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    year = draw(st.integers(1900, 2030))
    month = draw(st.none() | st.integers(1, 12))
    day = draw(st.none() | st.integers(1, 28)) if month is not None else None
    expected = P(year, month, day)
    m, d = month or 6, day or 7
    forms = [
        dates.render_date(expected),
        str(year),
        str(year + 1),
        f"{d}/{m}/{year}",
        f"{m}/{d}/{year}",
        f"{d}/{m}/{year % 100:02}",
        f"{year}-{m:02}-{d:02}",
        f"{m}/{year}",
        dates.render_date(P(year, m)),
        dates.render_date(P(year, m, d)).rsplit(" ", 1)[0],
        "banana",
    ]
    rivals = draw(st.lists(st.sampled_from([P(year + 1), P(year, m), P(year, m, 1)]), max_size=2))
    given_date = draw(st.one_of(st.sampled_from(forms), st.text(max_size=10)))
    return "date", (given_date, expected), {"rivals": rivals}


@st.composite
def _list_case(draw: st.DrawFn) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    members = draw(st.lists(st.sampled_from(_WORDS[:9]), min_size=2, max_size=4, unique=True))
    answer = ", ".join(members[:-1]) + " and " + members[-1]
    parts = draw(st.lists(st.sampled_from(_WORDS[:9]).flatmap(_mistyped), max_size=5))
    parts = draw(st.permutations(members + parts))[: draw(st.integers(0, len(members) + 1))]
    joiner = draw(st.sampled_from([", ", " and ", "; ", " / "]))
    return "list", (joiner.join(parts), answer, members), {}


@st.composite
def _order_case(draw: st.DrawFn) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    events = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5, unique=True))
    shuffled = list(draw(st.permutations(events)))
    extra = draw(st.lists(st.sampled_from(_WORDS).flatmap(_mistyped), max_size=1))
    given_events = (shuffled + extra)[: draw(st.integers(0, len(events) + 1))]
    return "order", (given_events, events), {}


_CASES = {
    "text": _text_case(),
    "name": _name_case(),
    "number": _number_case(),
    "date": _date_case(),
    "list": _list_case(),
    "order": _order_case(),
}


@pytest.mark.parametrize("kind", list(_CASES))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_generated_answers_get_a_clean_note(kind: str, data: st.DataObject) -> None:
    checker, args, kwargs = data.draw(_CASES[kind])
    _note_is_clean(NEW[checker](*args, **kwargs))


# ------------------------------------------------------- every card of real decks

BUNDLED = Path(__file__).parents[4] / "decks" / "lee-pragmatic-diplomacy.yaml"


@cache
def _cards() -> tuple[list[tuple[Card, AnswerKeyIndex]], list[str]]:
    out: list[tuple[Card, AnswerKeyIndex]] = []
    for deck in [load_deck(BUNDLED), *DECKS.values()]:
        index = AnswerKeyIndex(deck)
        out += [(card, index) for card in cards_for_deck(deck)]
    return out, sorted({card.answer for card, _ in out})


@settings(max_examples=250, deadline=None)
@given(st.data())
def test_every_card_of_the_decks_gets_a_clean_note(data: st.DataObject) -> None:
    """Through the answer keys, with each deck's own rivals and lookalikes."""
    cards, answers = _cards()
    card, index = data.draw(st.sampled_from(cards))
    answer: str | list[str]
    if card.kind == "order":
        answer = list(data.draw(st.permutations(card.options or [card.answer])))
    else:
        answer = data.draw(
            st.one_of(
                _mistyped(card.answer),
                st.sampled_from(answers).flatmap(_mistyped),
                st.text(max_size=10),
            )
        )
    _note_is_clean(check_card(card, answer, index))
