"""Stats sets past forecasts beside results: the attempts and a chart by forecast bins."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from studyapp.core.examday.calibration import Attempt, Bin, Calibration
from studyapp.core.quiz.questions import questions_for_deck
from studyapp.core.quiz.results import save_result
from studyapp.core.quiz.scoring import QuizResult, grade_answer
from studyapp.tui.screens.stats import StatsScreen, calibration_text
from tests.tui.conftest import TuiEnv, screen_text

TAKEN = datetime(2027, 5, 3, 9, 0, tzinfo=UTC)


def test_the_chart_marks_the_forecast_on_each_bins_bar() -> None:
    found = Calibration(
        (Attempt(TAKEN, "mid", "Midterm [bold]review[/]", 62.0, 70.0),),
        (Bin(0.2, 0.3, 10, 0.25, 0.3), Bin(0.9, 1.0, 40, 0.95, 0.9)),
    )
    text = calibration_text(found, width=76)
    assert "Midterm [bold]review[/]" in text  # deck text, literally
    assert "62%" in text and "70%" in text and "+8" in text
    assert "50 questions answered; recall, and a guess" in text
    assert "not listed" not in text
    low, high = (line for line in text.splitlines() if "right" in line and "%  " in line)
    assert "20- 30%" in low and "right  30% of 10" in low
    assert "90-100%" in high and "right  90% of 40" in high
    bar = high.split("%  ", 1)[1].split("  right")[0]
    assert bar.index("┃") == round(0.95 * len(bar)) or bar.index("┃") == len(bar) - 1


def test_with_no_forecast_yet_it_says_how_one_comes() -> None:
    text = calibration_text(Calibration((), ()))
    assert text.startswith("No forecast yet.")


def _attempt(env: TuiEnv, score: float, predictions: list[tuple[float, float]]) -> QuizResult:
    deck = env.workspace().decks.decks[0].deck
    template = grade_answer(questions_for_deck(deck, random.Random(0))[0], None)
    rows = [
        template.model_copy(
            update={"question_id": f"q{n}", "predicted": p, "credit": c, "given": "an answer"}
        )
        for n, (p, c) in enumerate(predictions)
    ]
    return QuizResult(
        title="Week 3 exam", pass_mark=0, score=score, points=0, max_points=len(rows),
        passed=True, seconds=1, results=tuple(rows), by_kind={}, by_tag={}, by_format={},
        predicted_score=55.0, taken_at=TAKEN,
    )  # fmt: skip


async def test_stats_lists_saved_attempts_beside_their_forecast(tui_env: TuiEnv) -> None:
    workspace = tui_env.workspace()
    result = _attempt(tui_env, 75.0, [(0.85, 1.0), (0.82, 1.0), (0.15, 0.0), (0.12, 1.0)])
    save_result(workspace.store.folder, result, TAKEN + timedelta(minutes=5))
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 200)) as pilot:
        await app.push_screen(StatsScreen(workspace))
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Forecasts beside results" in text
        assert "Week 3 exam" in text and "55%" in text and "75%" in text and "+20" in text
        assert "4 questions answered" in text
        assert "right  50% of 2" in text and "right 100% of 2" in text


def test_sittings_ended_early_are_said_to_be_left_out() -> None:
    found = Calibration((), (Bin(0.9, 1.0, 1, 0.95, 1.0),), left_out=1)
    text = calibration_text(found, width=76)
    assert "1 sitting ended with questions unanswered is not listed" in text
    assert "scored" not in text and "Score" not in text


async def test_an_exam_ended_after_one_answer_is_not_charted_as_a_score(
    tui_env: TuiEnv,
) -> None:
    """QA: ended after 1 of 20 answers (Esc, y), it was charted as "scored 5%"."""
    workspace = tui_env.workspace()
    result = _attempt(tui_env, 5.0, [(0.85, 1.0)] + [(0.6, 0.0)] * 19)
    unanswered = [r.model_copy(update={"given": None}) for r in result.results[1:]]
    ended = result.model_copy(
        update={"results": (result.results[0], *unanswered), "ending": "early"}
    )
    save_result(workspace.store.folder, ended, TAKEN + timedelta(minutes=5))
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 200)) as pilot:
        await app.push_screen(StatsScreen(workspace))
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Week 3 exam" not in text and "5%" not in text.split("By forecast")[0]
        assert "1 sitting ended with questions unanswered is not listed" in text
        assert "1 question answered" in text and "right 100% of 1" in text
