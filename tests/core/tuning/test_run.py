"""One optimization from a real progress folder: steps, cancel, bad input, too few reviews."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from studyapp.core.base.clock import ManualClock
from studyapp.core.decks.card import Card
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.store import ProgressStore
from studyapp.core.study.settings import StudySettings
from studyapp.core.tuning.presets import Preset
from studyapp.core.tuning.run import STEPS, Cancelled, Progress, optimize
from studyapp.core.tuning.source import stored_history
from tests.core.tuning.synthetic import START, SyntheticLearner

NOW = START + timedelta(days=60, hours=10)


def cards_of(ids: list[str]) -> list[Card]:
    return [Card(i, i.split("/")[0], i.split("/")[1], "answer", "qa", "?", "!") for i in ids]


def record(store: ProgressStore, review: ReviewRecord) -> ReviewRecord:
    before = CardState(review.card_id, review.phase)
    after = CardState(review.card_id, Phase.REVIEW, review.at + timedelta(days=1), review.at)
    return store.record_review(before, after, review.rating, review.at, timedelta(seconds=7))


@pytest.fixture(scope="module")
def learner() -> tuple[list[ReviewRecord], list[str]]:
    synthetic = SyntheticLearner(seed=11, new_per_day=8)
    return synthetic.days(0, 60), synthetic.card_ids()


def test_a_store_with_undos_and_vanished_cards_fits_on_what_is_valid(
    tmp_path: Path, learner: tuple[list[ReviewRecord], list[str]]
) -> None:
    reviews, ids = learner
    clock = ManualClock(NOW)
    with ProgressStore.open(tmp_path, clock=clock, fold_after=500) as store:
        undone = []
        for n, review in enumerate(reviews):
            stored = record(store, review)
            if n % 97 == 0 and n:  # a slip, taken back (some folded first, some not)
                if n % 2:
                    store.fold()
                store.record_undo(stored.seq, CardState(review.card_id), review.at)
                undone.append(stored.seq)
                record(store, review)  # answered again
    vanished = {i for n, i in enumerate(ids) if n % 50 == 0}
    steps: list[Progress] = []
    with ProgressStore.open(tmp_path, read_only=True) as store:
        history = stored_history(store)
        report = optimize(
            history.reviews,
            undone=history.undone(),
            cards=cards_of([i for i in ids if i not in vanished]),
            study=StudySettings(),
            preset=Preset(),
            now=NOW,
            progress=steps.append,
        )
    skipped = report.skipped
    assert 0 < skipped.undone <= len(undone)  # those undone before their fold leave no trace
    assert skipped.vanished == sum(1 for r in reviews if r.card_id in vanished)
    assert skipped.out_of_order == skipped.clock_backwards == 0
    assert report.reviews + skipped.vanished == len(reviews)
    assert report.fitted is not None and report.default is not None
    assert report.better and report.parameters is not None and not report.partial
    assert [s.done for s in steps] == list(range(STEPS)) and {s.total for s in steps} == {STEPS}
    assert report.retention is not None and 0.7 <= report.retention.optimal <= 0.95
    data = report.to_json(adopted=False, dry_run=True)
    for key in ("default", "fitted"):
        assert set(data[key]) >= {"log_loss", "rmse_bins", "auc"}
    assert data["reviews"] == report.reviews and len(data["parameters"]) == 21
    assert data["adopted"] is False and data["skipped"]["vanished"] == skipped.vanished


def test_cancelling_stops_between_steps(learner: tuple[list[ReviewRecord], list[str]]) -> None:
    reviews, ids = learner
    seen: list[Progress] = []
    with pytest.raises(Cancelled):
        optimize(
            reviews,
            cards=cards_of(ids),
            study=StudySettings(),
            preset=Preset(),
            now=NOW,
            progress=seen.append,
            cancelled=lambda: len(seen) == 3,
        )
    assert len(seen) == 3


def test_too_few_reviews_are_said_plainly_with_fsrs_rs_minimum() -> None:
    reviews = SyntheticLearner(seed=2, new_per_day=2).days(0, 3)
    report = optimize(
        reviews,
        cards=cards_of(sorted({r.card_id for r in reviews})),
        study=StudySettings(),
        preset=Preset(),
        now=NOW,
        with_retention=False,
    )
    assert report.fitted is None and report.parameters is None and not report.better
    assert report.reason is not None and "at least 8" in report.reason
    data = report.to_json(adopted=False, dry_run=False)
    assert data["fitted"] is None and data["reason"] == report.reason
    assert data["minimum"] == {"items": 8, "full_fit_items": 64}


def test_a_deck_preset_fits_its_own_cards_only(
    learner: tuple[list[ReviewRecord], list[str]],
) -> None:
    reviews, ids = learner
    theirs = [
        r._replace(card_id=r.card_id.replace("synth/", "other/"), seq=r.seq + 10**6)
        for r in reviews[:300]
    ]
    report = optimize(
        [*reviews, *theirs],
        cards=cards_of([*ids, *{r.card_id for r in theirs}]),
        study=StudySettings(),
        preset=Preset("synth"),
        now=NOW,
        with_retention=False,
    )
    assert report.other_presets == 300 and report.reviews == len(reviews)


def test_the_set_in_use_is_the_baseline_once_a_fit_was_adopted(
    learner: tuple[list[ReviewRecord], list[str]],
) -> None:
    reviews, ids = learner
    first = optimize(
        reviews, cards=cards_of(ids), study=StudySettings(), preset=Preset(), now=NOW,
        with_retention=False,
    )  # fmt: skip
    assert first.parameters is not None
    study = StudySettings.from_dict({"scheduler": {"parameters": list(first.parameters)}})
    again = optimize(
        reviews, cards=cards_of(ids), study=study, preset=Preset(), now=NOW, with_retention=False
    )
    assert again.current is not None and again.in_use == first.parameters
    assert not again.better and again.reason == "the fitted parameters are the ones in use"


def test_any_hour_and_zone_give_the_same_report(
    learner: tuple[list[ReviewRecord], list[str]],
) -> None:
    """``now`` only fixes the rollover moment: any hour of a day gives the same days."""
    from datetime import UTC

    reviews, ids = learner
    reports = [
        optimize(
            reviews, cards=cards_of(ids), study=StudySettings(), preset=Preset(),
            now=datetime(2027, 6, 1, hour, 30, tzinfo=UTC), tz=UTC, with_retention=False,
        )
        for hour in (0, 3, 5, 23)
    ]  # fmt: skip
    assert len({r.parameters for r in reports}) == 1


def test_the_workload_chart_starts_from_the_cards_already_studied(
    tmp_path: Path, learner: tuple[list[ReviewRecord], list[str]]
) -> None:
    """The forecast is the work coming to *this* learner: the studied cards fall due as
    scheduled (not learned again from scratch), and more retention costs more answers."""
    from studyapp.core.tuning.run import workload_forecast

    reviews, ids = learner
    scheduled = {}
    for n, card in enumerate(ids[:200]):  # studied: due over the next weeks
        at = NOW - timedelta(days=n % 20 + 1)
        scheduled[card] = CardState(
            card, Phase.REVIEW, NOW + timedelta(days=n % 30), at, stability=10.0 + n % 30,
            difficulty=5.0, interval=10,
        )  # fmt: skip
    forecast = workload_forecast(
        reviews, states=scheduled, cards=cards_of(ids), study=StudySettings(), preset=Preset(),
        retentions=(0.8, 0.9), now=NOW, days=90,
    )  # fmt: skip
    assert forecast.reason is None and forecast.answers == len(reviews)
    assert forecast.studied == 200 and forecast.new == len(ids) - 200
    series = forecast.series
    assert list(series) == [0.8, 0.9] and all(len(s) == 90 for s in series.values())
    assert sum(series[0.9]) > sum(series[0.8]) > 0
    # day 0: the cards due today and 20 new ones (the deck's limit), at both retentions
    due_today = sum(1 for n in range(200) if n % 30 == 0)
    assert series[0.8][0] == series[0.9][0] == due_today + 20
    few = workload_forecast(
        reviews[:10], states=scheduled, cards=cards_of(ids), study=StudySettings(),
        preset=Preset(), retentions=(0.9,), now=NOW,
    )  # fmt: skip
    assert few.series == {} and few.reason is not None and "at least 20" in few.reason
    sm2 = StudySettings.from_dict({"scheduler": {"algorithm": "sm2"}})
    other = workload_forecast(
        reviews, states=scheduled, cards=cards_of(ids), study=sm2, preset=Preset(),
        retentions=(0.9,), now=NOW,
    )  # fmt: skip
    assert other.series == {} and other.reason is not None and "SM-2" in other.reason


def test_what_was_skipped_is_said_in_words() -> None:
    from studyapp.core.tuning.items import Skipped
    from studyapp.core.tuning.run import SKIPPED_LABELS, skipped_notes

    assert skipped_notes(Skipped()) == []
    notes = skipped_notes(Skipped(undone=1, vanished=1_200, same_day=40))
    assert notes == ["1 undone", "1,200 of cards no longer in any deck"]  # same-day: used
    assert set(SKIPPED_LABELS) == set(Skipped.__struct_fields__) - {"same_day"}
