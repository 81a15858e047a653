"""Session 17: fair answers the walk-through found marked wrong, each fixed as a rule.

1. Another entry's text no longer blocks an answer that is the expected one up to the
   checker's own normalisations (articles, singular or plural, short forms).
2. Years said in words are read in date answers; a date the checker cannot read is
   asked again (README: "write it again"), while an answer that is no date stays wrong.
3. A generic noun beside a name ("the Taiwan issue", "the question of Taiwan").
4. Fractions ("2/3", "two-thirds") and percentages ("67%") of a figure with no unit.

Each group has the look-alikes that must stay wrong.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.decks.cards import Card, cards_for_deck
from studyapp.core.decks.model import Deck, PartialDate
from studyapp.core.quiz.answers.dates import check_date
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.numbers import check_number, parse_number, read_fraction
from studyapp.core.quiz.answers.text import check_text
from studyapp.core.quiz.judging import judge_answer

C, H, W, R = "correct", "close", "wrong", "retry"


def _qa(id_: str, prompt: str, answer: str, **extra: Any) -> dict[str, Any]:
    return {"id": id_, "kind": "qa", "prompt": prompt, "answer": answer, **extra}


_ENTRIES: list[dict[str, Any]] = [
    _qa("cells", "Which organelles make proteins?", "ribosomes"),
    {
        "id": "pick",
        "kind": "choice",
        "prompt": "Which organelle is the powerhouse of the cell?",
        "answer": "the mitochondrion",
        "distractors": ["the ribosome", "the nucleus", "the Golgi apparatus"],
    },
    _qa("enzyme", "Which RNA molecule catalyses a reaction?", "ribozyme"),
    _qa("accord", "What did the 1978 summit produce?", "Camp David Principles"),
    {
        "id": "accord-pick",
        "kind": "choice",
        "prompt": "Which 1979 document followed the summit?",
        "answer": "the Egypt-Israel Peace Treaty",
        "distractors": ["the Camp David Principle", "the Oslo Accords"],
    },
    _qa("leader", "Who led Japan in 2013?", "Prime Minister Abe"),
    {
        "id": "leader-pick",
        "kind": "choice",
        "prompt": "Who is often called PM Abe's mentor?",
        "answer": "Koizumi",
        "distractors": ["PM Abe", "Nakasone"],
    },
    _qa("kangaroo", "Where do kangaroos live?", "Australia"),
    _qa("alps", "Vienna is the capital of?", "Austria"),
    _qa("taiwan", "Which question across the strait did the article raise?", "Taiwan"),
    _qa("strait", "Which waterway separates the island from the mainland?", "Taiwan Strait"),
    _qa("country", "Which country did the article call an ally?", "South Korea"),
    {"id": "daguerre", "kind": "date", "event": "Daguerreotype announced", "date": 1839},
    {"id": "vra", "kind": "date", "event": "Voting Rights Act signed", "date": "1965-08-06"},
    {"id": "june", "kind": "date", "event": "A June day of 1965", "date": "1965-06-03"},
    {"id": "paris", "kind": "date", "event": "Paris Agreement adopted", "date": 2015},
    {"id": "wright", "kind": "date", "event": "Wright brothers fly", "date": 1903},
    {"id": "gulf", "kind": "date", "event": "Gulf War begins", "date": 1990},
    {
        "id": "share",
        "kind": "figure",
        "measure": "share of respondents who agreed (about two-thirds)",
        "value": 0.67,
    },
    {"id": "pct", "kind": "figure", "measure": "share of votes", "value": 67, "unit": "%"},
]
DECK = Deck.model_validate({"id": "s17", "title": "Session 17", "entries": _ENTRIES})
INDEX = AnswerKeyIndex(DECK)
CARDS: dict[str, Card] = {f"{c.entry_id}/{c.variant}": c for c in cards_for_deck(DECK)}


def _judge(card: str, answer: str, deck: Deck = DECK, index: AnswerKeyIndex = INDEX) -> str:
    if deck is DECK:
        return judge_answer(CARDS[card], answer, index).verdict
    cards = {f"{c.entry_id}/{c.variant}": c for c in cards_for_deck(deck)}
    return judge_answer(cards[card], answer, index).verdict


def _reason(card: str, answer: str) -> str:
    return judge_answer(CARDS[card], answer, INDEX).reason


# ------------------------------------------------ 1. another entry's text is no rival


@pytest.mark.parametrize(
    ("card", "answer"),
    [
        ("cells/answer", "the ribosome"),  # a distractor of "pick", word for word
        ("cells/answer", "ribosome"),
        ("cells/answer", "The Ribosome."),
        ("cells/answer", "a ribosome"),
        ("accord/answer", "the Camp David Principle"),  # a distractor of "accord-pick"
        ("accord/answer", "Camp David principle"),
        ("leader/answer", "PM Abe"),  # a distractor of "leader-pick"
    ],
)
def test_the_answer_up_to_normalisation_is_right_whatever_other_entries_hold(
    card: str, answer: str
) -> None:
    assert _judge(card, answer) == C, _reason(card, answer)
    assert "different answer" not in _reason(card, answer)


def test_the_same_answers_are_right_without_the_other_entry() -> None:
    """The control: the verdict does not depend on whether the option is in the deck."""
    alone = Deck.model_validate({"id": "a", "title": "A", "entries": [_ENTRIES[0]]})
    index = AnswerKeyIndex(alone)
    for answer in ("the ribosome", "ribosome"):
        assert _judge("cells/answer", answer, alone, index) == C
        assert _judge("cells/answer", answer) == C


def test_the_reason_says_which_normalisation() -> None:
    assert _reason("cells/answer", "the ribosome") == "correct (singular or plural does not matter)"


def test_a_typo_of_the_answer_is_not_taken_for_the_option_that_is_the_same_word() -> None:
    """ "ribosom" is one letter from the option "the ribosome", two from "ribosomes": the
    option is the same word as the answer, so it is no nearer rival."""
    assert _judge("cells/answer", "ribosom") == H


@pytest.mark.parametrize(
    ("card", "answer", "why"),
    [
        ("cells/answer", "the nucleus", "another option, a different answer"),
        ("cells/answer", "mitochondrion", "another entry's answer"),
        ("cells/answer", "ribozyme", "a different answer one letter away"),
        ("kangaroo/answer", "Austria", "a near miss that is another answer"),
        ("alps/answer", "Australia", "a near miss that is another answer"),
        ("accord/answer", "the Oslo Accords", "another option"),
        ("leader/answer", "Koizumi", "another entry's answer"),
    ],
)
def test_another_entrys_answer_stays_wrong(card: str, answer: str, why: str) -> None:
    assert _judge(card, answer) == W, why


def test_initials_shared_with_a_rival_still_give_way_to_it() -> None:
    """Initials and a place's other names are not the answer up to normalisation: "US"
    could be either; the rival still decides."""
    alone = check_text("US", "United States")
    assert alone.correct
    assert not check_text("US", "United States", rivals=["Union of Soviets"]).correct


def test_lint_checks_follow_the_study_verdict() -> None:
    """``studyapp lint`` judges ``checks:`` with the same checker and index: no change."""
    text = """\
id: t
title: T
entries:
  - id: cells
    kind: qa
    prompt: Which organelles make proteins?
    answer: ribosomes
    checks:
      - {answer: "the ribosome", verdict: correct}
      - {answer: "ribosome", verdict: correct}
      - {answer: "the nucleus", verdict: wrong}
  - id: pick
    kind: choice
    prompt: Which organelle is the powerhouse of the cell?
    answer: the mitochondrion
    distractors: [the ribosome, the nucleus, the Golgi apparatus]
"""
    findings = [f for f in lint_text(text, "t.yaml").findings if f.rule == "V001"]
    assert findings == []


# ------------------------------------------------ 2. years said in words


@pytest.mark.parametrize(
    ("card", "answer"),
    [
        ("daguerre/when", "eighteen thirty-nine"),
        ("daguerre/when", "Eighteen Thirty Nine"),
        ("daguerre/when", "EIGHTEEN-THIRTY-NINE"),
        ("daguerre/when", "in eighteen thirty-nine"),
        ("paris/when", "twenty fifteen"),
        ("paris/when", "two thousand fifteen"),
        ("paris/when", "two thousand and fifteen"),
        ("paris/when", "Two-Thousand-and-Fifteen"),
        ("wright/when", "nineteen oh three"),
        ("wright/when", "nineteen o three"),
        ("wright/when", "nineteen hundred and three"),
        ("gulf/when", "nineteen ninety"),
        ("gulf/when", "one thousand nine hundred ninety"),
        ("june/when", "June third, nineteen sixty-five"),
        ("june/when", "the third of June nineteen sixty-five"),
        ("june/when", "3 June nineteen sixty-five"),
        ("vra/when", "August 6, nineteen sixty-five"),
    ],
)
def test_a_year_said_in_words_is_read(card: str, answer: str) -> None:
    assert _judge(card, answer) == C, _reason(card, answer)


def test_a_year_alone_said_in_words_for_a_day_is_right_year() -> None:
    assert _judge("vra/when", "nineteen sixty-five") == W
    assert _reason("vra/when", "nineteen sixty-five").startswith("right year")


def test_a_range_of_years_said_in_words_is_read_as_a_range() -> None:
    assert _judge("gulf/when", "nineteen ninety to nineteen ninety-one") == C


@pytest.mark.parametrize(
    ("card", "answer", "expected", "why"),
    [
        ("daguerre/when", "eighteen thirty-eight", W, "another year, said in words"),
        ("paris/when", "twenty sixteen", W, "another year"),
        ("paris/when", "twenty twenty", W, "2020 is not 2015"),
        ("june/when", "June third, nineteen sixty-six", W, "another year"),
        ("vra/when", "June third, nineteen sixty-five", W, "another date in the deck"),
        ("daguerre/when", "sixty-five", R, "no century: written again, as '65 is"),
        ("daguerre/when", "twenty one", R, "a number, not a year: written again"),
        ("june/when", "June thirty-second, nineteen sixty-five", R, "no such day"),
        ("june/when", "Jume third, nineteen sixty-five", R, "a misspelt month"),
        ("daguerre/when", "yesterday", W, "not a date at all"),
        ("daguerre/when", "banana", W, "not a date at all"),
        ("daguerre/when", "the daguerreotype", W, "not a date at all"),
        ("daguerre/when", "Tuesday", W, "a weekday is no date"),
    ],
)
def test_look_alikes_of_spoken_years(card: str, answer: str, expected: str, why: str) -> None:
    assert _judge(card, answer) == expected, (why, _reason(card, answer))


def test_an_unreadable_date_is_asked_again_without_a_grade() -> None:
    """README: a date the checker cannot read means "write it again" (no grade)."""
    judged = judge_answer(CARDS["june/when"], "June thirty-second, nineteen sixty-five", INDEX)
    assert judged.verdict == R and judged.grade is None
    assert "write it as" in judged.reason


def test_check_date_reads_spoken_years_directly() -> None:
    verdict = check_date("eighteen thirty-nine", PartialDate(1839))
    assert verdict.correct and verdict.reason == "correct"


# ------------------------------------------------ 3. a generic noun beside the answer


@pytest.mark.parametrize(
    "answer",
    [
        "the Taiwan issue",
        "Taiwan question",
        "the Taiwan problem",
        "Taiwan matter",
        "the issue of Taiwan",
        "the question of Taiwan",
        "Taiwan dispute",
        "the Taiwan crisis",
        "Taiwan affair",
        "the Taiwan case",
    ],
)
def test_a_generic_noun_beside_the_answer_is_right(answer: str) -> None:
    judged = judge_answer(CARDS["taiwan/answer"], answer, INDEX)
    assert judged.verdict == C, judged.reason
    assert "adds nothing" in judged.reason


@pytest.mark.parametrize(
    ("card", "answer", "expected", "why"),
    [
        ("taiwan/answer", "Taiwan Strait", W, "another place, and another entry's answer"),
        ("taiwan/answer", "Taiwan Straits", W, "not a generic noun"),
        ("taiwan/answer", "Taiwan independence", W, "not a generic noun"),
        ("taiwan/answer", "the Korea issue", W, "another name with the noun"),
        ("taiwan/answer", "the Taiwan issue question", W, "two nouns"),
        ("taiwan/answer", "the issue Taiwan", W, "the noun before, without 'of'"),
        ("country/answer", "the South Korea issue", C, "a two-word name"),
        ("country/answer", "the Korea issue", W, "part of the name, with the noun"),
    ],
)
def test_look_alikes_of_a_generic_noun(card: str, answer: str, expected: str, why: str) -> None:
    assert _judge(card, answer) == expected, (why, _reason(card, answer))


ISSUE = Deck.model_validate(
    {
        "id": "issue",
        "title": "Issue",
        "entries": [
            _qa("issue", "What did the summit leave unsettled?", "the Taiwan issue"),
            _qa("taiwan", "Which island lies across the strait?", "Taiwan"),
        ],
    }
)
ISSUE_INDEX = AnswerKeyIndex(ISSUE)


@pytest.mark.parametrize(
    ("card", "answer", "expected", "why"),
    [
        ("issue/answer", "the Taiwan issue", C, "the answer itself"),
        ("issue/answer", "Taiwan issue", C, "without its article, as before"),
        ("issue/answer", "Taiwan", W, "another entry's answer, as before"),
        ("issue/answer", "the question of the Taiwan issue", W, "no noun on a noun"),
        ("issue/answer", "the Taiwan issue question", W, "no noun on a noun"),
        ("taiwan/answer", "the Taiwan issue", W, "another entry's answer, word for word"),
        ("taiwan/answer", "the Taiwan question", W, "'question' beside another answer's noun"),
    ],
)
def test_an_answer_that_holds_a_generic_noun_is_unchanged(
    card: str, answer: str, expected: str, why: str
) -> None:
    assert _judge(card, answer, ISSUE, ISSUE_INDEX) == expected, why


def test_a_generic_noun_that_is_a_word_of_another_answer_is_not_taken() -> None:
    """ "crisis" is a word of "the Cuban Missile Crisis", another answer: "the Taiwan
    crisis" may mean that, so it is not taken as the answer with a noun beside it."""
    assert check_text("Taiwan crisis", "Taiwan").outcome.value == C
    rivals = ["the Cuban Missile Crisis"]
    assert check_text("Taiwan crisis", "Taiwan", rivals=rivals).outcome.value == W


def test_one_lowercase_word_takes_no_generic_noun() -> None:
    """ "bilateral" may be an adjective: "the bilateral issue" is not "bilateral"."""
    assert not check_text("the bilateral issue", "bilateral").correct
    assert check_text("the nuclear weapons issue", "nuclear weapons").correct


def test_a_long_answer_takes_no_generic_noun() -> None:
    answer = "prepare for the worst"
    assert not check_text("prepare for the worst case", answer).correct
    assert not check_text("the question of prepare for the worst", answer).correct


# ------------------------------------------------ 4. fractions and percentages


@pytest.mark.parametrize(
    "answer",
    ["2/3", "2 / 3", "two-thirds", "two thirds", "Two Thirds", "about two-thirds", "67%",
     "67 percent", "67 per cent", "0.67"],
)  # fmt: skip
def test_a_fraction_or_a_percentage_of_a_share_is_right(answer: str) -> None:
    assert _judge("share/value", answer) == C, _reason("share/value", answer)


def test_the_reasons_say_how_it_was_read() -> None:
    assert _reason("share/value", "2/3") == "correct (a fraction, rounded to 2 decimal places)"
    assert _reason("share/value", "67%") == "correct (the same share, as a percentage)"


@pytest.mark.parametrize(
    ("answer", "expected", "why"),
    [
        ("66%", W, "0.66, and a figure has no tolerance unless the deck gives one"),
        ("68%", W, "0.68"),
        ("a third", W, "0.33"),
        ("three quarters", W, "0.75"),
        ("3/4", W, "0.75"),
        ("1/3", W, "0.33"),
        ("6.7%", W, "0.067"),
        ("0.6667", W, "a finer figure is not rounded for the learner (as before)"),
        ("66.67%", W, "the same, as a percentage"),
    ],
)
def test_look_alikes_of_a_fraction(answer: str, expected: str, why: str) -> None:
    assert _judge("share/value", answer) == expected, (why, _reason("share/value", answer))


def test_a_fraction_of_a_percentage_figure() -> None:
    for answer in ("2/3", "two-thirds", "67%", "67"):
        assert _judge("pct/value", answer) == C, answer
    assert _judge("pct/value", "3/4") == W


def test_66_percent_passes_only_within_a_declared_tolerance() -> None:
    assert not check_number("66%", Decimal("0.67")).correct
    assert check_number("66%", Decimal("0.67"), tolerance=0.01).correct
    assert not check_number("65%", Decimal("0.67"), tolerance=0.01).correct


def test_a_fraction_is_compared_at_two_significant_digits_at_least() -> None:
    """0.7 or 1 stated for "two-thirds" is too coarse to round a fraction to: not taken."""
    assert check_number("2/3", Decimal("0.67")).correct
    assert check_number("2/3", Decimal("0.667")).correct
    assert not check_number("2/3", Decimal("0.7")).correct
    assert not check_number("2/3", Decimal("1")).correct
    assert check_number("1/2", Decimal("0.5")).correct  # exact
    assert check_number("1/3", Decimal("0.33")).correct


def test_a_fraction_as_near_a_rival_is_not_right() -> None:
    assert not check_number("2/3", Decimal("0.67"), rivals=[Decimal("0.666")]).correct


def test_a_percentage_is_not_a_share_of_a_figure_with_a_unit_or_of_one_above_1() -> None:
    assert not check_number("67%", Decimal("0.67"), unit="km").correct
    assert not check_number("150%", Decimal("1.5")).correct
    assert check_number("0.67%", Decimal("0.67")).correct  # read as before: "%" dropped


def test_ordinals_are_no_fractions() -> None:
    assert read_fraction("the third") is None
    assert read_fraction("twenty-third") is None
    assert read_fraction("third") is None
    assert read_fraction("2/3", "rd") is None
    assert check_number("third", Decimal(3), unit="rd").correct
    assert check_number("twenty-third", Decimal(23)).correct


def test_mixed_numbers_and_word_fractions() -> None:
    assert read_fraction("1 1/2") == Decimal("1.5")
    assert read_fraction("one and a half") == Decimal("1.5")
    assert read_fraction("a quarter") == Decimal("0.25")
    assert read_fraction("three quarters", "%") == Decimal(75)
    assert read_fraction("1/0") is None
    assert read_fraction("3 5/4") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-fourth", 24),
        ("twenty fourth", 24),
        ("the thirty fifth", 35),
        ("ninety-third", 93),
        ("one fourth", Decimal("0.25")),
        ("three fourths", Decimal("0.75")),
        ("a fourth", Decimal("0.25")),
        ("a third", Decimal("0.33")),
        ("the fourth", 4),
    ],
)
def test_a_compound_ordinal_is_a_number_not_a_count_of_parts(text: str, value: object) -> None:
    """ "twenty-fourth" was read as twenty quarters (5): a part in the singular after a
    tens word is the ordinal's last word; "one fourth" and "three fourths" stay parts, and
    "a fourth" and "a third" are parts too (they were 4 and 3), "the fourth" the 4th."""
    assert parse_number(text) == value
