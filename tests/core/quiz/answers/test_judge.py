"""Judging answers to a deck's entries and cards: lenient where it does not matter,
never accepting a rival answer.

The table below uses the facts of the bundled article (see ``article.py``).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.decks import cards
from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.judge import check_card, check_entry
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.questions import QuestionFormat, make_question, variants
from tests.core.quiz.answers.article import C, H, W, entry_of

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
    ("prog-coop", None, "27", W),  # could be 26.6 or 26.8: asked again
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
    ("qa-ip4", None, "Indo-Pacific Partner", C),  # issue 16: a plural is not a typo
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
    index: AnswerKeyIndex,
    entry_id: str,
    target: Target | None,
    answer: str,
    outcome: Outcome,
) -> None:
    verdict = check_entry(entry_of(deck, entry_id), answer, target=target, index=index)
    assert verdict.outcome is outcome, verdict.reason
    assert verdict.grade == {C: 3, H: 2, W: 1}[outcome]
    assert verdict.reason


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 100
    assert {o for *_, o in CASES} == {C, H, W}


def test_typo_reason_quotes_what_was_written(deck: Deck, index: AnswerKeyIndex) -> None:
    verdict = check_entry(entry_of(deck, "qa-second"), "Ishiba Shigeu", index=index)
    assert verdict.outcome is H
    assert verdict.reason.startswith("typo: you wrote 'Ishiba Shigeu'")
    assert verdict.expected == "Ishiba Shigeru"
    assert verdict.given == "Ishiba Shigeu"


def test_ambiguous_date_is_flagged_not_accepted(deck: Deck, index: AnswerKeyIndex) -> None:
    verdict = check_entry(entry_of(deck, "elected"), "6/3/2025", index=index)
    assert verdict.ambiguous
    assert verdict.outcome is not C
    assert "ambiguous" in verdict.reason
    assert "year-month-day" in verdict.reason  # says how to write it unambiguously
    assert "2025-06-03" not in verdict.reason  # without writing the answer for the retry
    both_wrong = check_entry(entry_of(deck, "elected"), "9/6/2025", index=index)
    assert both_wrong.outcome is W


def test_rival_reasons_name_the_other_answer(deck: Deck, index: AnswerKeyIndex) -> None:
    moon = check_entry(entry_of(deck, "q-consistent"), "Moon", index=index)
    assert "Moon Jae-in" in moon.reason and "another person" in moon.reason
    figure = check_entry(entry_of(deck, "prog-coop"), "26.6", index=index)
    assert "26.6%" in figure.reason and "another figure" in figure.reason
    rounded = check_entry(entry_of(deck, "prog-coop"), "27", index=index)
    # Rounded, 27 fits 26.8 and 26.6: asked again to one decimal, naming neither (a
    # learner who half-remembers gets no hint which; the QA's "about 27" was Wrong).
    assert rounded.ambiguous and rounded.outcome is W
    assert "26.6" not in rounded.reason and "26.8" not in rounded.reason
    assert rounded.reason.endswith("write it to 1 decimal place")
    date = check_entry(entry_of(deck, "g7"), "June 16 2025", index=index)
    assert "another date" in date.reason


def test_month_for_a_day_is_close_and_says_why(deck: Deck, index: AnswerKeyIndex) -> None:
    verdict = check_entry(entry_of(deck, "g7"), "June 2025", index=index)
    assert verdict.outcome is H
    assert "which day" in verdict.reason
    assert "4 dates in June 2025" in verdict.reason


def test_every_card_answer_is_accepted(deck: Deck, index: AnswerKeyIndex) -> None:
    """What the study card shows as the answer is always judged right."""
    for card in cards.cards_for_deck(deck):
        verdict = check_card(card, card.answer, index)
        assert verdict.outcome is C, (card.id, card.answer, verdict.reason)
        for alternative in card.accepted:
            assert check_card(card, alternative, index).outcome is C, (card.id, alternative)


@given(seed=st.integers(0, 2**32 - 1))
@settings(max_examples=40, deadline=None)
def test_no_distractor_is_ever_accepted(deck: Deck, index: AnswerKeyIndex, seed: int) -> None:
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
