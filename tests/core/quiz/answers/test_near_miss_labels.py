"""A near miss says what it is: a typo, another form of the word, or the same meaning
written another way; the credit (close) is the same, the label is not a slip of the
keys when the learner wrote real words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.quiz.answers.text import NEAR_MISSES, check_text, slip_kind
from studyapp.core.quiz.answers.verdict import Outcome


@pytest.mark.parametrize(
    ("given_text", "answer", "label"),
    [
        ("not realistic", "unrealistic", "the same meaning, written another way"),
        ("not possible", "impossible", "the same meaning, written another way"),
        ("non-binding", "not binding", "the same meaning, written another way"),
        ("prepare for the worst", "preparing for the worst", "another form of the word"),
        ("the treaty was signed", "the treaty was signing", "another form of the word"),
        ("unrealistc", "unrealistic", "typo"),
        ("Austrlia", "Australia", "typo"),
        ("preparing for the wrost", "preparing for the worst", "typo"),
        # a final "e" left off is a letter missed, not an ending (a walk-through's "a
        # swing stat" was "another form of the word")
        ("a swing stat", "a swing state", "typo"),
        ("the treaty was prepar", "the treaty was prepare", "typo"),
        ("the treaty was prepared", "the treaty was prepare", "another form of the word"),
    ],
)
def test_a_near_miss_is_labelled_for_what_it_is(given_text: str, answer: str, label: str) -> None:
    verdict = check_text(given_text, answer)
    assert verdict.outcome is Outcome.CLOSE
    assert verdict.reason == f"{label}: you wrote '{given_text}'; it is '{answer}'"


def test_the_label_never_changes_the_credit() -> None:
    """A far answer stays wrong, whatever words it shares with the answer."""
    assert check_text("not at all realistic", "unrealistic").outcome is Outcome.WRONG
    assert check_text("prepare", "preparing for the worst").outcome is not Outcome.CORRECT


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=8, max_size=20), st.data())
def test_a_letter_dropped_inside_a_word_is_a_typo(word: str, data: st.DataObject) -> None:
    """Only the ending may differ in "another form of the word": a letter missing five or
    more letters before the end is a slip of the keys."""
    at = data.draw(st.integers(min_value=1, max_value=len(word) - 6))
    slipped = word[:at] + word[at + 1 :]
    if slipped != word:
        assert slip_kind(slipped, word) == "typo"
        assert slip_kind(word, slipped) == "typo"


@given(st.text(alphabet="abc -", max_size=30), st.text(alphabet="abc -", max_size=30))
def test_any_two_texts_get_one_of_the_labels(a: str, b: str) -> None:
    assert slip_kind(a, b) in NEAR_MISSES


@pytest.mark.parametrize(
    ("given_text", "answer", "note"),
    [
        ("Atlantic", "North Atlantic", "incomplete: missing 'North'"),
        ("Union", "The European Union", "incomplete: missing 'European'"),
        ("treaty", "the North Atlantic Treaty", "incomplete: missing 'North', 'Atlantic'"),
        ("Chronicle", "the Anglo-Saxon Chronicle", "incomplete: missing 'Anglo', 'Saxon'"),
        ("Paris", "Café de Paris", "incomplete: missing 'Café', 'de'"),
        ("Eugene", "Eugene O'Neill", "incomplete: missing 'O'Neill'"),
    ],
)
def test_too_small_a_part_is_wrong_and_says_what_it_lacks(
    given_text: str, answer: str, note: str
) -> None:
    verdict = check_text(given_text, answer)
    assert verdict.outcome is Outcome.WRONG
    assert verdict.note == note
    assert verdict.reason == f"{note}; the answer is '{answer}'"


def test_no_missing_words_are_named_for_other_words_or_small_words() -> None:
    assert check_text("Seoul", "Tokyo").note == ""
    assert check_text("the", "North Atlantic").note == ""
    assert check_text("Pacific", "North Atlantic").note == ""
    assert check_text("Atlantic", "North Atlantic", partial=False).note == ""  # a list's part
