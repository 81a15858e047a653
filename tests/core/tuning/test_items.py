"""The history as fsrs-rs trains on it: study days as Anki counts them, bad input counted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase, Rating
from studyapp.core.tuning.items import build_training_set, rollover_anchor

DAY0 = datetime(2027, 3, 1, 4, 0, tzinfo=UTC)  # a rollover moment (4 am UTC)
ANCHOR = int(DAY0.timestamp())
G, A = Rating.GOOD, Rating.AGAIN


def answers(*rows: tuple[str, float, Rating, Phase]) -> list[ReviewRecord]:
    """(card, days after DAY0, grade, phase before) -> records numbered in order."""
    return [
        ReviewRecord(n, card, DAY0 + timedelta(days=days), rating, phase)
        for n, (card, days, rating, phase) in enumerate(rows, start=1)
    ]


def sequences(reviews: list[ReviewRecord], **kw: object) -> dict[str, list[tuple[int, int]]]:
    training = build_training_set(reviews, anchor=ANCHOR, **kw)  # type: ignore[arg-type]
    return {c.card_id: [(r, c.delta(i)) for i, r in enumerate(c.ratings)] for c in training.cards}


def test_days_roll_over_at_the_learners_hour_not_at_midnight() -> None:
    reviews = answers(
        ("c", 0.5 / 24, G, Phase.NEW),  # 04:30
        ("c", 0.9, G, Phase.LEARNING),  # 01:36 the next morning: still the same study day
        ("c", 1.0 + 1 / 24, G, Phase.REVIEW),  # 05:00: a new day
        ("c", 3.95, A, Phase.REVIEW),  # 02:48, three days on
        ("c", 3.99, G, Phase.RELEARNING),  # a relearning step, same day
    )
    training = build_training_set(reviews, anchor=ANCHOR)
    (card,) = training.cards
    assert [card.delta(i) for i in range(5)] == [0, 0, 1, 2, 0]
    # the targets are the answers a day or more after the previous one; steps are not
    assert [position for _, _, position in training.targets] == [2, 3]
    assert training.skipped.same_day == 2 and training.reviews == 5


def test_the_anchor_is_today_at_the_rollover_hour_in_the_learners_zone() -> None:
    tokyo = timezone(timedelta(hours=9))
    now = datetime(2027, 3, 1, 18, 30, tzinfo=UTC)  # 03:30 on March 2 in Tokyo
    anchor = datetime.fromtimestamp(rollover_anchor(now, 4, tokyo), UTC)
    assert anchor == datetime(2027, 2, 28, 19, 0, tzinfo=UTC)  # March 1, 04:00 in Tokyo
    assert rollover_anchor(now, 4, UTC) == int(datetime(2027, 3, 1, 4, tzinfo=UTC).timestamp())


def test_an_answer_at_the_rollover_instant_belongs_to_the_day_before_as_in_anki() -> None:
    """Anki counts ``(next_day_at - t) // 86400`` whole days back: a day is (start, end]."""
    reviews = answers(("c", 0, G, Phase.NEW), ("c", 0.01, G, Phase.LEARNING))
    assert build_training_set(reviews, anchor=ANCHOR).cards[0].delta(1) == 1


def test_any_anchor_on_the_rollover_hour_gives_the_same_intervals() -> None:
    reviews = answers(("c", 0.1, G, Phase.NEW), ("c", 2.3, G, Phase.REVIEW))
    for shift in (-400, 0, 31):
        training = build_training_set(reviews, anchor=ANCHOR + shift * 86400)
        assert training.cards[0].delta(1) == 2


def test_a_history_that_went_wrong_is_used_where_valid_and_reported() -> None:
    good = answers(
        ("a", 0, G, Phase.NEW),
        ("a", 2, G, Phase.REVIEW),
        ("b", 0, G, Phase.NEW),
        ("b", 3, G, Phase.REVIEW),
        ("b", 10, G, Phase.REVIEW),
    )
    reviews = [
        *good[:2],
        good[0]._replace(seq=2),  # a line again, out of sequence
        ReviewRecord(3, "a", DAY0 + timedelta(days=1), G, Phase.REVIEW),  # the clock went back
        ReviewRecord(4, "gone", DAY0, G, Phase.NEW),  # a card no longer in any deck
        ReviewRecord(5, "a", DAY0 + timedelta(days=4), A, Phase.REVIEW),  # undone below
        *(r._replace(seq=r.seq + 10) for r in good[2:]),
        ReviewRecord(20, "late", DAY0 + timedelta(days=5), G, Phase.REVIEW),  # no first answer
        ReviewRecord(21, "late", DAY0 + timedelta(days=9), G, Phase.REVIEW),
        ReviewRecord(22, "b", DAY0 + timedelta(days=11), G, Phase.NEW),  # forgotten, anew
        ReviewRecord(23, "b", DAY0 + timedelta(days=13), A, Phase.REVIEW),
    ]
    training = build_training_set(reviews, anchor=ANCHOR, undone={5}, known={"a", "b", "late"})
    skipped = training.skipped
    assert skipped.to_json() == {
        "undone": 1,
        "out_of_order": 1,
        "clock_backwards": 1,
        "vanished": 1,
        "before_reset": 3,
        "no_first_answer": 2,
        "same_day": 0,
    }
    assert skipped.total == 9
    assert sequences(reviews, undone={5}, known={"a", "b", "late"}) == {
        "a": [(3, 0), (3, 2)],
        "b": [(3, 0), (1, 2)],
    }
    assert training.reviews == 4 and len(training.targets) == 2


def test_suspended_cards_count_like_any_other() -> None:
    """Suspension is a card state, not an answer: its past answers are valid (as in Anki)."""
    reviews = answers(("s", 0, G, Phase.NEW), ("s", 3, G, Phase.REVIEW))
    assert len(build_training_set(reviews, anchor=ANCHOR, known={"s"}).targets) == 1


def test_only_the_presets_cards_are_fitted_the_rest_counted_apart() -> None:
    reviews = answers(
        ("mine", 0, G, Phase.NEW),
        ("mine", 2, G, Phase.REVIEW),
        ("theirs", 0, G, Phase.NEW),
        ("theirs", 2, G, Phase.REVIEW),
    )
    training = build_training_set(reviews, anchor=ANCHOR, preset={"mine"})
    assert [c.card_id for c in training.cards] == ["mine"]
    assert training.other_presets == 2 and training.skipped.total == 0


def test_targets_are_in_time_order_across_cards_and_can_be_cut_by_time() -> None:
    reviews = answers(
        ("a", 0, G, Phase.NEW),
        ("b", 0.1, G, Phase.NEW),
        ("b", 1.1, G, Phase.REVIEW),
        ("a", 3, G, Phase.REVIEW),
        ("b", 5, G, Phase.REVIEW),
    )
    training = build_training_set(reviews, anchor=ANCHOR)
    times = [t for t, _, _ in training.targets]
    assert times == sorted(times) and len(times) == 3
    cut = (DAY0 + timedelta(days=2)).timestamp()
    assert len(training.before(cut).targets) == 1 and len(training.after(cut).targets) == 2
