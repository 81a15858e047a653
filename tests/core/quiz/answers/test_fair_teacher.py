"""Issue 16: typed answers judged as a fair teacher would, on decks of several subjects.

Each row: deck, entry, answer, the verdict a fair teacher gives, and why.
``R`` is a retry: the answer could not be read, so the learner is asked again.
"""

from __future__ import annotations

from functools import cache

import pytest

from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.answers.verdict import Outcome
from tests.core.quiz.answers.fair_decks import DECKS

C, H, W, R = "correct", "close", "wrong", "retry"


@cache
def _index(deck: str) -> AnswerKeyIndex:
    return AnswerKeyIndex(DECKS[deck])


def _verdict(deck: str, entry_id: str, answer: str) -> str:
    index = _index(deck)
    entry = next(e for e in index.deck.entries if e.id == entry_id)
    verdict = index.key(entry).check(answer)
    return R if verdict.ambiguous else verdict.outcome.value


CASES: list[tuple[str, str, str, str, str]] = [
    # 1. number words and ordinals, wherever a number is asked
    ("history", "anniv", "80th", C, "the answer as written"),
    ("history", "anniv", "eightieth", C, "an ordinal word"),
    ("history", "anniv", "Eightieth", C, "case"),
    ("history", "anniv", "80", C, "the number without its suffix"),
    ("history", "anniv", "eighty", C, "a cardinal word"),
    ("history", "anniv", "the 80th", C, "with an article"),
    ("history", "anniv", "70th", W, "another number"),
    ("history", "anniv", "seventieth", W, "another number in words"),
    ("history", "place", "second", C, "the answer"),
    ("history", "place", "2nd", C, "numeric ordinal"),
    ("history", "place", "2", C, "plain number"),
    ("history", "place", "two", C, "cardinal word"),
    ("history", "place", "third", W, "another ordinal"),
    ("science", "two", "2", C, "digits for a word"),
    ("science", "two", "two", C, "the answer"),
    ("science", "two", "three", W, "another number"),
    ("science", "bones", "two hundred and six", C, "words"),
    ("science", "bones", "two hundred six", C, "words without and"),
    ("science", "bones", "206", C, "digits"),
    ("science", "bones", "207", W, "off by one"),
    ("science", "dozen", "a dozen", C, "a dozen is twelve"),
    ("science", "dozen", "dozen", C, "dozen alone"),
    ("science", "dozen", "twelve", C, "word"),
    ("science", "dozen", "two dozen", W, "24"),
    ("science", "frac", "three quarters", C, "a fraction in words"),
    ("science", "frac", "0.75", C, "decimal"),
    ("science", "frac", "a half", W, "another fraction"),
    ("science", "c", "299,792", C, "separators"),
    ("science", "c", "299800", C, "within tolerance"),
    ("science", "c", "three hundred thousand", W, "outside the tolerance in words"),
    ("science", "c", "300000", W, "outside the tolerance in digits"),
    # dates, with ordinal words
    ("history", "moon", "july twentieth 1969", C, "ordinal word day"),
    ("history", "moon", "20th of July 1969", C, "day first with of"),
    ("history", "moon", "July 20th, 1969", C, "ordinal suffix"),
    ("history", "moon", "the twentieth of July 1969", C, "words and article"),
    ("history", "moon", "July 20th", H, "no year"),
    ("history", "moon", "July twenty-first 1969", W, "another day"),
    ("history", "wall", "ninth of November 1989", C, "ordinal word"),
    ("history", "wall", "November 9th 1989", C, "numeric ordinal"),
    ("history", "wall", "9 November 1990", W, "another year"),
    ("history", "euro", "January 2002", C, "month precision"),
    ("history", "euro", "first of January 2002", C, "a finer date inside the month"),
    ("history", "un", "1945", C, "year"),
    ("history", "un", "nineteen forty-five", C, "a year said in words"),
    # 7. unreadable forms get a retry
    ("history", "moon", "20 Jyly 1969", R, "a misspelt month"),
    ("history", "moon", "2O July 1969", R, "letter O for zero"),
    ("history", "un", "'45", R, "a two-digit year"),
    ("history", "un", "1 9 4 5 x", R, "digits in a muddle"),
    ("history", "un", "194S", R, "letter S for 5"),
    ("history", "wall", "9/11/89", R, "a two-digit year"),
    ("science", "bones", "2O6", R, "letter O in a number"),
    ("science", "c", "299.792.458 m/s", R, "an unreadable figure"),
    ("science", "bones", "many", W, "no number at all"),
    ("history", "moon", "yesterday", W, "not a date at all"),
    # 2. a different real name is not a typo
    ("geography", "kangaroo", "Austria", W, "another country"),
    ("geography", "alps", "Australia", W, "another country"),
    ("geography", "baghdad", "Iran", W, "another country"),
    ("geography", "tehran", "Iraq", W, "another country"),
    ("geography", "kangaroo", "Australai", H, "a typo"),
    ("geography", "kangaroo", "australia", C, "case"),
    (
        "geography",
        "kangaroo",
        "Austrlia",
        R,
        "as near Austria, another card's answer: written again",
    ),
    ("geography", "kangaroo", "Austrailia", H, "an extra letter"),
    ("geography", "people", "Sweden", H, "a near miss that is not another name"),
    ("geography", "nordic", "Norwey", H, "a typo"),
    ("geography", "nordic", "Sweden", W, "another country"),
    ("geography", "nordic", "Norway.", C, "punctuation"),
    ("geography", "lone", "Texas", C, "the answer"),
    ("geography", "lone", "Texes", H, "a typo"),
    ("geography", "alps", "Austira", H, "a typo of Austria"),
    ("people", "q-yoon", "Moon Jae-in", W, "another person of the deck"),
    ("people", "q-moon", "Yoon", W, "another person, one letter off"),
    ("people", "q-moon", "Moon", C, "surname alone"),
    # 4. acronyms and short forms
    ("history", "nato", "NATO", C, "the initials"),
    ("history", "nato", "N.A.T.O.", C, "initials with dots"),
    ("history", "nato", "nato", C, "initials in lower case"),
    ("history", "nato", "NATA", W, "not the initials"),
    ("science", "mri", "MRI", C, "initials"),
    ("science", "mri", "M.R.I.", C, "initials with dots"),
    ("science", "mri", "MRA", W, "another acronym"),
    ("science", "atp", "adenosine triphosphates", C, "plural"),
    ("history", "accord", "CDP", C, "initials of a long name"),
    ("history", "pm", "PM Abe", C, "PM for Prime Minister"),
    ("history", "pm", "Prime Minister Abe", C, "the answer"),
    ("history", "pm", "PM Aso", W, "another name"),
    ("geography", "superpower", "US", C, "US is the United States"),
    ("geography", "superpower", "U.S.", C, "with dots"),
    ("geography", "superpower", "USA", C, "USA"),
    ("geography", "superpower", "United States", C, "without the article"),
    ("geography", "superpower", "the United States of America", C, "the full name"),
    ("geography", "superpower", "America", C, "the common name"),
    ("geography", "superpower", "UK", W, "another country"),
    ("people", "k-pres", "Yoon Suk Yeol", H, "another romanisation"),
    ("people", "k-pres", "Yoon Suk-yeol", H, "another romanisation"),
    ("people", "k-pres", "Yun Sok-yol", H, "McCune-Reischauer-like"),
    ("people", "k-pres", "Seok-youl Yoon", C, "family name last"),
    ("people", "k-pres", "Yoon Seok-youl", C, "the answer"),
    ("people", "k-pres", "Moon Jae-in", W, "another person"),
    ("people", "q-yoon", "Yoon Suk Yeol", H, "another romanisation, as a speaker"),
    ("people", "q-yoon", "Suk Yeol Yoon", H, "another romanisation, family name last"),
    ("people", "j-pm", "Ishiba", C, "the family name alone"),
    ("people", "j-pm", "Shigeru Ishiba", C, "family name last"),
    ("people", "j-pm", "Ishiba Shigeru", C, "family name first"),
    ("people", "q-ishiba", "Ishiba", C, "the family name alone"),
    ("people", "q-ishiba", "Shigeru Ishiba", C, "family name last"),
    # 5. short words
    ("science", "low", "lwo", H, "a swapped pair"),
    ("science", "low", "olw", H, "a swapped pair at the start"),
    ("science", "low", "low", C, "the answer"),
    ("science", "low", "lo", W, "a dropped letter in a short word"),
    ("science", "low", "law", W, "another letter"),
    ("science", "the", "teh", H, "a swapped pair"),
    ("science", "the", "hte", H, "a swapped pair at the start"),
    ("science", "the", "thee", W, "an extra letter"),
    ("geography", "baghdad", "Irqa", H, "a swapped pair in a country"),
    # 6. plurals and articles
    ("science", "ribo", "ribosome", C, "singular for plural"),
    ("science", "ribo", "the ribosomes", C, "with an article"),
    ("science", "ribo", "ribosomes", C, "the answer"),
    ("science", "ribo", "ribozyme", W, "another answer of the deck"),
    ("science", "rz", "ribozymes", C, "plural for singular"),
    ("science", "rz", "ribosomes", W, "another answer of the deck"),
    ("science", "rz", "ribosome", W, "another answer of the deck, singular"),
    ("science", "mito", "mitochondria", C, "the answer"),
    ("science", "mito", "the mitochondria", C, "article"),
    ("history", "accord", "the Camp David Principles", C, "article"),
    ("history", "accord", "Camp David Principle", C, "singular"),
    ("history", "accord", "Camp David", H, "partly right"),
    # 3. lists
    ("geography", "ip4", "Japan, South Korea, Australia and New Zealand", C, "the answer"),
    ("geography", "ip4", "South Korea, Japan, New Zealand, Australia", C, "another order"),
    ("geography", "ip4", "Australia & New Zealand & Japan & South Korea", C, "ampersands"),
    ("geography", "ip4", "japan/south korea/australia/new zealand", C, "slashes"),
    ("geography", "ip4", "Japan; South Korea; Australia; New Zealand", C, "semicolons"),
    ("geography", "ip4", "Japan, the Republic of Korea, Australia, NZ", C, "other names"),
    ("geography", "ip4", "Japan, South Korea, Australai and New Zealand", H, "a typo in one"),
    ("geography", "ip4", "Japan", W, "a strict subset, though an accept alias"),
    ("geography", "ip4", "South Korea", W, "a subset"),
    ("geography", "ip4", "Australia and New Zealand", W, "a subset"),
    ("geography", "ip4", "Japan, South Korea, Australia", W, "one missing"),
    ("geography", "ip4", "Japan, South Korea, Austria and New Zealand", W, "a wrong member"),
    ("geography", "ip4", "Japan, South Korea, Australia, New Zealand, India", W, "one too many"),
    ("geography", "ip4", "Japan, Japan, Australia, New Zealand", W, "a repeat"),
    ("geography", "g3", "Denmark, Sweden and Finland", C, "members in another order"),
    ("geography", "g3", "Finland/Denmark/Sweden", C, "slashes"),
    ("geography", "g3", "Sweden and Finland", W, "one missing"),
    ("geography", "g3", "Sweden, Finland, Norway", W, "a wrong member"),
    ("geography", "duo", "Dominican Republic and Haiti", C, "two members, reversed"),
    ("geography", "duo", "Haiti", W, "one of two"),
    # 8. never too generous
    ("geography", "kangaroo", "Iraq", W, "another card's answer"),
    ("science", "ribo", "mitochondria", W, "another card's answer"),
    ("history", "nato", "Camp David Principles", W, "another card's answer"),
    ("science", "bones", "12", W, "another card's number"),
    ("history", "anniv", "second", W, "another card's answer"),
    ("science", "c", "three hundred thousand km/s", W, "outside tolerance, with a unit"),
    ("people", "iraq-pm", "Iraqi government", C, "no article"),
]


@pytest.mark.parametrize(("deck", "entry_id", "answer", "expected", "why"), CASES)
def test_fair_teacher(deck: str, entry_id: str, answer: str, expected: str, why: str) -> None:
    assert _verdict(deck, entry_id, answer) == expected, why


def test_at_least_150_cases_over_5_subjects() -> None:
    assert len(CASES) >= 150
    assert len({(d, e) for d, e, *_ in CASES}) >= 30


def test_list_reason_names_what_is_missing() -> None:
    index = _index("geography")
    entry = next(e for e in index.deck.entries if e.id == "ip4")
    verdict = index.key(entry).check("Japan, Australia")
    assert verdict.outcome is Outcome.WRONG
    assert "'South Korea'" in verdict.reason and "'New Zealand'" in verdict.reason


def test_empty_answer_is_no_answer() -> None:
    for deck in DECKS:
        index = _index(deck)
        for entry in index.deck.entries:
            verdict = index.key(entry).check("   ")
            assert verdict.outcome is Outcome.WRONG and not verdict.ambiguous


def test_unreadable_retry_does_not_give_the_answer_away() -> None:
    index = _index("history")
    entry = next(e for e in index.deck.entries if e.id == "moon")
    reason = index.key(entry, Target.DATE).check("20 Jyly 1969").reason
    assert "1969" not in reason.replace("20 Jyly 1969", "")
