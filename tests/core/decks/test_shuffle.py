"""Order cards are never shown already solved; the quiz and study share the rule."""

from __future__ import annotations

import random

from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.shuffle import out_of_order
from tests.core.decks.test_cards import CHOICE, ORDER, make_deck


def test_an_order_card_is_never_shown_in_the_right_order() -> None:
    (order,) = cards_for_deck(make_deck(ORDER))
    # a plain shuffle of three events is in order one time in six: 300 seeds meet it
    shown = [order.shuffled_options(random.Random(seed)) for seed in range(300)]
    assert all(sorted(s) == sorted(order.options) for s in shown)
    assert all(tuple(s) != order.options for s in shown)
    assert len({tuple(s) for s in shown}) == 5  # every other order still comes up


def test_a_choice_card_may_keep_its_answer_first() -> None:
    """Never putting the answer first would give it away too."""
    (choice,) = cards_for_deck(make_deck(CHOICE))
    firsts = {choice.shuffled_options(random.Random(seed))[0] for seed in range(100)}
    assert firsts == set(choice.options)


def test_out_of_order_keeps_the_items_and_moves_them() -> None:
    for seed in range(200):
        assert out_of_order(["a", "b"], random.Random(seed)) == ["b", "a"]
    assert out_of_order(["x"], random.Random(0)) == ["x"]
    assert out_of_order([], random.Random(0)) == []
    # nothing to move: equal items are in order however they lie (no endless loop)
    assert out_of_order(["same", "same"], random.Random(0)) == ["same", "same"]


def test_same_seed_same_order() -> None:
    events = ["one", "two", "three", "four"]
    assert out_of_order(events, random.Random(7)) == out_of_order(events, random.Random(7))


def test_a_choice_card_that_comes_back_has_its_answer_somewhere_else() -> None:
    """A relearned card showed its options in the same order (session 16's walk-through):
    a learner could answer "1" from memory. The answer never stays where it last was."""
    (choice,) = cards_for_deck(make_deck(CHOICE))
    for seed in range(200):
        for last in range(len(choice.options)):
            shown = choice.shuffled_options(random.Random(seed), not_at=last)
            assert sorted(shown) == sorted(choice.options)
            assert shown.index(choice.answer) != last
    # and every other place still comes up
    places = {
        choice.shuffled_options(random.Random(seed), not_at=0).index(choice.answer)
        for seed in range(100)
    }
    assert places == set(range(1, len(choice.options)))
