"""``studyapp optimize``: fit, compare, adopt, undo, headless; its JSON is what scripts read."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from studyapp.cli import main
from studyapp.core.config import load_config
from studyapp.core.store.records import ReviewRecord
from studyapp.core.tuning.model import DEFAULT_PARAMETERS
from tests.core.tuning.synthetic import SyntheticLearner, deck_yaml, write_history

METRICS = {"log_loss", "rmse_bins", "auc", "count"}


@pytest.fixture(scope="module")
def answers() -> tuple[list[ReviewRecord], int]:
    """Two months of the synthetic learner, ten new cards a day (about 3,000 answers)."""
    learner = SyntheticLearner(seed=3, new_per_day=10)
    return learner.days(0, 60), learner.made


def make(tmp_path: Path, reviews: list[ReviewRecord], cards: int, **kw: Any) -> list[str]:
    decks, progress = tmp_path / "decks", tmp_path / "progress"
    decks.mkdir(exist_ok=True)
    (decks / "synth.yaml").write_text(deck_yaml("synth", cards), encoding="utf-8")
    write_history(progress, reviews, **kw)
    return [str(decks), "--progress", str(progress)]


def optimize(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["optimize", *args, "--json"]) == 0, capsys.readouterr().err
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def settings() -> Any:
    return load_config(Path(os.environ["STUDYAPP_CONFIG"])).config


def test_a_dry_run_compares_and_changes_nothing(
    tmp_path: Path, answers: tuple[list[ReviewRecord], int], capsys: pytest.CaptureFixture[str]
) -> None:
    args = make(tmp_path, *answers)
    data = optimize(capsys, *args, "--dry-run", "--no-retention")
    assert data["reviews"] == len(answers[0]) and data["predicted"] > 1000
    assert set(data["default"]) == set(data["fitted"]) == METRICS
    assert data["fitted"]["log_loss"] < data["default"]["log_loss"]
    assert data["better"] is True and data["adopted"] is False and data["dry_run"] is True
    assert len(data["parameters"]) == 21 and data["reason"] is None
    assert data["skipped"] == dict.fromkeys(data["skipped"], 0) | {
        "same_day": data["skipped"]["same_day"]
    }
    assert not (Path(os.environ["STUDYAPP_CONFIG"]) / "settings.json").exists()


def test_adopt_then_undo_then_undo_again(
    tmp_path: Path, answers: tuple[list[ReviewRecord], int], capsys: pytest.CaptureFixture[str]
) -> None:
    args = make(tmp_path, *answers)
    data = optimize(capsys, *args, "--no-retention")
    assert data["adopted"] is True
    fitted = tuple(data["parameters"])
    assert settings().study.scheduler.parameters == fitted
    assert settings().previous_parameters == {"global": None}
    again = optimize(capsys, *args, "--no-retention")  # the same fit: nothing to gain
    assert again["adopted"] is False and again["current"] is not None
    assert again["parameters_in_use"] == list(fitted)
    back = optimize(capsys, "--undo")
    assert back["undone"] is True and settings().study.scheduler.parameters is None
    assert back["parameters_in_use"] == list(DEFAULT_PARAMETERS)
    optimize(capsys, "--undo")  # and forward again
    assert settings().study.scheduler.parameters == fitted


def test_nothing_to_undo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["optimize", "--undo"]) == 1
    assert "no earlier parameters" in capsys.readouterr().err


def test_too_few_reviews_say_so_and_adopt_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    learner = SyntheticLearner(seed=1, new_per_day=3)
    args = make(tmp_path, learner.days(0, 2), learner.made)
    data = optimize(capsys, *args, "--no-retention")
    assert data["fitted"] is None and data["parameters"] is None and data["adopted"] is False
    assert "fsrs-rs needs at least 8" in data["reason"]
    assert settings().study.scheduler.parameters is None


def test_a_deck_gets_its_own_set_and_the_global_one_is_left_alone(
    tmp_path: Path, answers: tuple[list[ReviewRecord], int], capsys: pytest.CaptureFixture[str]
) -> None:
    args = make(tmp_path, *answers)
    data = optimize(capsys, *args, "--deck", "synth", "--no-retention")
    assert data["preset"] == "deck:synth" and data["adopted"] is True
    study = settings().study
    assert study.for_deck("synth").scheduler.parameters == tuple(data["parameters"])
    assert study.scheduler.parameters is None
    assert settings().previous_parameters == {"deck:synth": None}
    assert main(["optimize", *args, "--deck", "nope"]) == 1
    assert "no deck 'nope'" in capsys.readouterr().err


def test_a_history_that_went_wrong_is_used_where_valid_and_reported(
    tmp_path: Path, answers: tuple[list[ReviewRecord], int], capsys: pytest.CaptureFixture[str]
) -> None:
    reviews, cards = answers
    from datetime import timedelta

    bad = list(reviews)
    bad.insert(500, reviews[100])  # a line again, out of sequence
    first, last = reviews[0], reviews[-1]  # an answer timed before the card's first one:
    bad.append(first._replace(seq=last.seq + 1, at=first.at - timedelta(hours=1)))  # clock back
    undone = [r.seq for r in reviews[2000:2010]]
    args = make(tmp_path, bad, cards - 20, undone=undone)  # the last 20 cards left the deck
    data = optimize(capsys, *args, "--no-retention", "--dry-run")
    skipped = data["skipped"]
    assert skipped["out_of_order"] == 1 and skipped["clock_backwards"] == 1
    assert skipped["undone"] == 10
    gone = {f"synth/e{n}/answer" for n in range(cards - 19, cards + 1)}
    assert skipped["vanished"] == sum(r.card_id in gone for r in reviews if r.seq not in undone)
    assert data["fitted"] is not None and data["better"] is True


def test_a_failed_save_leaves_the_stored_parameters_as_they_were(
    tmp_path: Path,
    answers: tuple[list[ReviewRecord], int],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = make(tmp_path, *answers)
    optimize(capsys, *args, "--no-retention")
    path = Path(os.environ["STUDYAPP_CONFIG"]) / "settings.json"
    before = path.read_bytes()
    optimize(capsys, "--undo")
    undone = path.read_bytes()
    assert undone != before

    def fail(*_: object, **__: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("studyapp.core.config.atomic_write", fail)
    assert main(["optimize", *args, "--no-retention"]) == 1
    assert "not adopted: disk full" in capsys.readouterr().err
    assert path.read_bytes() == undone


def test_the_text_report_and_the_suggested_retention(
    tmp_path: Path, answers: tuple[list[ReviewRecord], int], capsys: pytest.CaptureFixture[str]
) -> None:
    args = make(tmp_path, *answers)
    assert main(["optimize", *args, "--dry-run"]) == 0
    text = capsys.readouterr().out
    for words in ("log loss", "RMSE(bins)", "AUC", "defaults", "fitted", "--dry-run"):
        assert words in text, words
    assert "Suggested desired retention: 0." in text
    data = optimize(capsys, *args, "--dry-run")
    advice = data["optimal_retention"]
    assert 0.7 <= advice["retention"] <= 0.95
    assert advice["at_floor"] is (advice["retention"] <= 0.705)  # said when on fsrs-rs's floor
    assert set(advice["workload"]) == {
        "retention",
        "reviews_per_day",
        "minutes_per_day",
        "memorized",
        "days",
    }
    assert advice["current"]["retention"] == 0.9


def test_start_up_and_answers_never_load_the_optimizer() -> None:
    """The fit's modules load when ``studyapp optimize`` runs, not with the parser (built
    for every command) nor on the answer path."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from studyapp.cli import build_parser\n"
        "build_parser().parse_args(['optimize', '--dry-run'])\n"
        "from studyapp.core.store.state import CardState, Rating\n"
        "from studyapp.core.study.scheduler import make_scheduler\n"
        "from studyapp.core.study.settings import SchedulerSettings\n"
        "now = datetime(2027, 1, 1, tzinfo=UTC)\n"
        "make_scheduler(SchedulerSettings()).answer(CardState('d/e/q'), Rating.GOOD, now)\n"
        "fit = ('fsrs_rs', 'studyapp.core.tuning')\n"
        "print(sorted(m for m in sys.modules if m.startswith(fit)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"
