"""The next days' answers from the learner's own cards (the Stats workload chart)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from studyapp.core.store.state import CardState, Phase
from studyapp.core.tuning.forecast import (
    ForecastCard,
    NewCards,
    forecast_cards,
    forecast_reviews,
)
from studyapp.core.tuning.model import DEFAULT_PARAMETERS

FIRST = (0.2, 0.1, 0.55, 0.15)
PASS = (0.1, 0.8, 0.1)
TODAY = date(2027, 3, 1)
NOON = datetime(2027, 3, 1, 12, tzinfo=UTC)


def run(cards: list[ForecastCard], new: list[NewCards], **kw: object) -> dict[float, list[int]]:
    options: dict[str, object] = {"review_limit": 9999, "days": 30} | kw
    return forecast_reviews(
        DEFAULT_PARAMETERS,
        (0.8, 0.95),
        cards=cards,
        new=new,
        first_rating_prob=FIRST,
        review_rating_prob=PASS,
        **options,  # type: ignore[arg-type]
    )


def test_cards_come_due_on_their_day_and_new_ones_at_the_limit() -> None:
    strong = 3000.0  # recalled, and not due again within the month
    cards = [ForecastCard(strong, 5.0, -10, 3), ForecastCard(strong, 5.0, -40, -2)]
    series = run(cards, [])
    for counts in series.values():
        assert counts[:5] == [1, 0, 0, 1, 0]  # the overdue card today, the other on day 3
        assert len(counts) == 30 and sum(counts) == 2
    started = run([], [NewCards(5, 2), NewCards(1, 4)], days=1)
    assert started == {0.8: [3], 0.95: [3]}  # each deck's limit, its cards at most


def test_more_retention_means_more_answers_and_the_same_seed_the_same_figures() -> None:
    cards = [ForecastCard(5.0 + n % 20, 5.0, -(n % 7), n % 10) for n in range(300)]
    series = run(cards, [NewCards(200, 10)], days=60)
    assert sum(series[0.95]) > sum(series[0.8])
    assert run(cards, [NewCards(200, 10)], days=60) == series


def test_the_review_limit_holds_the_rest_back_most_overdue_first() -> None:
    cards = [ForecastCard(3000.0, 5.0, -10, -5 + n % 3) for n in range(10)]
    series = run(cards, [], review_limit=4, days=5)
    for counts in series.values():
        assert counts[:3] == [4, 4, 2]


def test_nothing_to_forecast_is_all_zeros() -> None:
    assert run([], [NewCards(0, 20)], days=7) == {0.8: [0] * 7, 0.95: [0] * 7}


def test_the_states_that_can_be_forecast() -> None:
    due, last = NOON + timedelta(days=2), NOON - timedelta(days=5)
    states = {
        "d/a/q": CardState("d/a/q", Phase.REVIEW, due, last, stability=7.0, difficulty=4.0),
        "d/b/q": CardState("d/b/q", Phase.REVIEW, due, last, stability=7.0, suspended=True),
        "d/c/q": CardState("d/c/q", Phase.REVIEW, due, last),  # SM-2: no FSRS memory
        "d/d/q": CardState("d/d/q", Phase.NEW, suspended=True),
        "d/e/q": CardState("d/e/q"),
    }
    ids = [*states, "d/f/q"]  # f: never answered
    cards, new = forecast_cards(states, ids, TODAY, day_starts_at=4, tz=UTC)
    assert cards == [ForecastCard(7.0, 4.0, -5, 2)]
    assert new == 2
