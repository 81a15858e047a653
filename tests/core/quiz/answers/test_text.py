"""Free-text answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.answers.text import check_text
from studyapp.core.quiz.answers.verdict import Outcome
from tests.core.quiz.answers.article import C


@given(st.text(min_size=1, max_size=40))
@settings(max_examples=300, deadline=None)
def test_text_answer_accepts_itself(text: str) -> None:
    if not any(c.isalnum() for c in text):
        return
    assert check_text(text, text).outcome is C
    assert fold(fold(text)) == fold(text)


def test_an_answer_that_normalises_to_nothing_still_accepts_itself() -> None:
    """Found by the property above under CI: U+FE70 (an Arabic presentation form) is a
    letter, but folding leaves nothing of it, and it was judged "no answer given"."""
    for text in ("\ufe70", "\ufe72 \ufe70"):
        assert check_text(text, text).outcome is C
    assert check_text("\ufe72", "\ufe70").outcome is not C


@pytest.mark.parametrize(
    ("given", "outcome"),
    [
        ("the term Indo-Pacific", Outcome.CORRECT),
        ("the word 'Indo-Pacific'", Outcome.CORRECT),
        ("term Indo-Pacific", Outcome.CORRECT),
        ("the phrase Indo Pacific", Outcome.CORRECT),
        ("the term", Outcome.WRONG),  # the label alone answers nothing
        ("the term Asia-Pacific", Outcome.WRONG),
    ],
)
def test_the_label_a_question_asks_for_may_come_first(given: str, outcome: Outcome) -> None:
    """ "Which term did he never mention?" -> "the term Indo-Pacific" was marked wrong."""
    assert check_text(given, "Indo-Pacific").outcome is outcome
