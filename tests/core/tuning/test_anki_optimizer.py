"""Our fit and Anki's own optimizer, on the same review history: log losses within 1%.

The history is built in an Anki collection (the ``anki`` package, headless): the
synthetic learner's answers as revlog rows of real cards. Our history is then read
back from that revlog, as an import would, and fitted with fsrs-rs; Anki computes its
parameters from the same revlog (``compute_fsrs_params``) and scores both sets with its
own evaluation (``evaluate_params_legacy``), and its time-split evaluation
(``evaluate_params``) is set beside ours. Study days are Anki's (its ``day_cutoff``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")

from anki.collection import AddNoteRequest, Collection

from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import Phase, Rating
from studyapp.core.tuning import evaluate, model
from studyapp.core.tuning.items import TrainingSet, build_training_set
from tests.core.tuning.synthetic import SyntheticLearner

_KIND = {Phase.NEW: 0, Phase.LEARNING: 0, Phase.REVIEW: 1, Phase.RELEARNING: 2}
_PHASE = {0: Phase.LEARNING, 1: Phase.REVIEW, 2: Phase.RELEARNING}


def fill(col: Any, days: int = 150) -> None:
    """The synthetic learner's answers, ending a few days ago, as the revlog of real cards."""
    start = datetime.fromtimestamp(col.sched.day_cutoff, UTC) - timedelta(days=days + 10)
    answers = SyntheticLearner(seed=5, new_per_day=15, start=start).days(0, days)
    basic, deck = col.models.by_name("Basic"), col.decks.id("Default")
    names = list(dict.fromkeys(a.card_id for a in answers))
    requests = []
    for name in names:
        note = col.new_note(basic)
        note["Front"], note["Back"] = name, "answer"
        requests.append(AddNoteRequest(note, deck))
    col.add_notes(requests)
    card = {name: r.note.card_ids()[0] for name, r in zip(names, requests, strict=True)}
    rows = [
        # a distinct millisecond per answer (revlog ids are unique)
        (int(a.at.timestamp()) * 1000 + a.seq % 1000, card[a.card_id], int(a.rating),
         a.took_ms or 0, _KIND[a.phase])
        for a in answers
    ]  # fmt: skip
    sql = (
        "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
        " values (?, ?, -1, ?, 1, 0, 2500, ?, ?)"
    )
    col.db.transact(lambda: col.db.executemany(sql, rows))  # one commit, not one per row


def history_from_revlog(col: Any) -> list[ReviewRecord]:
    """The revlog as our history: each card's first learning answer is its first."""
    out: list[ReviewRecord] = []
    started: set[int] = set()
    rows = col.db.all("select id, cid, ease, type from revlog order by id")
    for seq, (rid, cid, ease, kind) in enumerate(rows, start=1):
        phase = _PHASE[kind]
        if cid not in started:
            started.add(cid)
            phase = Phase.NEW if kind == 0 else phase
        at = datetime.fromtimestamp(rid / 1000, UTC)
        out.append(ReviewRecord(seq, str(cid), at, Rating(ease), phase))
    return out


@pytest.fixture(scope="module")
def anki_and_ours(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, TrainingSet]]:
    path: Path = tmp_path_factory.mktemp("anki") / "collection.anki2"
    col = Collection(str(path))
    try:
        fill(col)
        training = build_training_set(history_from_revlog(col), anchor=col.sched.day_cutoff)
        yield col, training
    finally:
        col.close()


def test_the_same_reviews_count_on_both_sides(anki_and_ours: tuple[Any, TrainingSet]) -> None:
    col, training = anki_and_ours
    anki = col._backend.compute_fsrs_params(
        search="", current_params=list(model.DEFAULT_PARAMETERS), ignore_revlogs_before_ms=0,
        num_of_relearning_steps=1, health_check=False,
    )  # fmt: skip
    assert anki.fsrs_items == len(training.targets) > 5000
    assert training.skipped.total == 0


def test_our_fit_scores_within_one_percent_of_ankis(
    anki_and_ours: tuple[Any, TrainingSet],
) -> None:
    col, training = anki_and_ours
    theirs = list(
        col._backend.compute_fsrs_params(
            search="", current_params=list(model.DEFAULT_PARAMETERS),
            ignore_revlogs_before_ms=0, num_of_relearning_steps=1, health_check=False,
        ).params
    )  # fmt: skip
    ours = list(model.fit(training))
    assert ours != list(model.DEFAULT_PARAMETERS) and theirs != list(model.DEFAULT_PARAMETERS)

    def anki_loss(parameters: list[float]) -> float:
        result = col._backend.evaluate_params_legacy(
            params=parameters, search="", ignore_revlogs_before_ms=0
        )
        return float(result.log_loss)

    assert anki_loss(ours) == pytest.approx(anki_loss(theirs), rel=0.01)
    targets = training.targets
    mine = [
        evaluate.score_targets(training, targets, model.predict(p, training, targets)).log_loss
        for p in (ours, theirs)
    ]
    assert mine[0] == pytest.approx(mine[1], rel=0.01)
    default = anki_loss(list(model.DEFAULT_PARAMETERS))
    assert anki_loss(ours) < default and anki_loss(theirs) < default


def test_our_time_split_evaluation_agrees_with_ankis(
    anki_and_ours: tuple[Any, TrainingSet],
) -> None:
    col, training = anki_and_ours
    theirs = col._backend.evaluate_params(
        search="", ignore_revlogs_before_ms=0, num_of_relearning_steps=1
    )
    compared = evaluate.compare(training, {"default": model.DEFAULT_PARAMETERS})
    assert compared is not None
    assert compared["fitted"].log_loss == pytest.approx(theirs.log_loss, rel=0.01)
    assert compared["fitted"].rmse_bins == pytest.approx(theirs.rmse_bins, abs=0.01)
