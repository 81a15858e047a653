"""Stats: the numbers on screen are compute_stats' numbers; the charts read without colour."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Static

from studyapp.core.base.clock import ManualClock
from studyapp.core.stats.report import Stats, compute_stats
from studyapp.core.store.state import Rating
from studyapp.core.study.queue import study_day
from studyapp.core.study.scheduler import make_scheduler
from studyapp.core.workspace import Workspace
from studyapp.tui import format as fmt
from studyapp.tui.screens.stats import HISTORY_DAYS, StatsScreen
from studyapp.tui.widgets.charts import calendar_heatmap, column_chart, shade, text_table
from tests.tui.conftest import HISTORY_DECK, TuiEnv, screen_text, seed_history


def expected_stats(workspace: Workspace) -> Stats:
    return compute_stats(
        workspace.store.history(),
        workspace.store.states,
        workspace.cards,
        workspace.clock(),
        day_starts_at=workspace.config.study.queue.day_starts_at,
        days=HISTORY_DAYS,
    )


async def test_numbers_on_screen_match_compute_stats(tui_env: TuiEnv) -> None:
    workspace = tui_env.workspace()
    seed_history(workspace)
    expected = expected_stats(workspace)
    assert expected.total_reviews > 100  # the seeded history is substantial
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 110)) as pilot:  # tall: every section on screen
        screen = StatsScreen(workspace)
        await app.push_screen(screen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert screen.stats == expected
        text = screen_text(app)

    streak = expected.streak
    assert f"Streak      {streak.current} day" in text
    if streak.longest > streak.current:
        assert f"(best {streak.longest})" in text
    today = expected.reviews_per_day[-1][1]
    assert f"{expected.total_reviews:,} in total · {today:,} today" in text
    assert f"Time spent  {fmt.duration(expected.time_spent)}" in text

    for window, name in ((1, "Last day"), (7, "Last 7 days"), (30, "Last 30 days")):
        ratio = expected.retention[window]
        row = [line for line in text.splitlines() if line.strip().startswith(name + " ")]
        assert len(row) == 1, name
        assert f"{ratio.hits} / {ratio.total}" in row[0]
        assert fmt.percent(ratio.rate) in row[0]
    assert "Desired retention (the scheduler's target): 90%" in text

    last30 = [n for _, n in expected.reviews_per_day[-30:]]
    assert f"{sum(last30)} reviews in 30 days" in text
    forecast = [n for _, n in expected.forecast[:30]]
    assert f"Today {forecast[0]} (overdue included)" in text
    assert f"next 7 days {sum(forecast[:7])} · next 30 days {sum(forecast)}" in text

    year = [n for d, n in expected.reviews_per_day if (expected.today - d).days < 365]
    assert f"Studied on {sum(1 for n in year if n)} of the last 365 days." in text

    for kind, ratio in expected.accuracy_by_kind.items():
        row = next(line.split() for line in text.splitlines() if line.split()[:1] == [kind])
        assert row[1:4] == [str(ratio.hits), str(ratio.total), fmt.percent(ratio.rate)]

    for title, deck_id in (("Capitals", "geo"), ("Modern history [b…", "history")):
        m = expected.mastery_by_deck[deck_id]
        row = next(line for line in text.splitlines() if line.strip().startswith(title))
        numbers = row.strip().removeprefix(title).split()[:7]
        assert numbers == [
            str(v) for v in (m.total, m.new, m.learning, m.young, m.mature, m.suspended)
        ] + [fmt.percent(m.mastered)]


async def test_empty_history_and_scrolling_at_80x24(tui_env: TuiEnv) -> None:
    app = tui_env.app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = StatsScreen(app.workspace)
        await app.push_screen(screen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "0 in total · 0 today" in text
        assert ["Last", "7", "days", "0", "/", "0", "–"] in [ln.split() for ln in text.splitlines()]
        assert "Mastery by deck" not in text  # below the fold
        await pilot.press("end")  # the page scrolls by keys
        await pilot.pause()
        text = screen_text(app)
        assert "Mastery by deck" in text and "No answers yet." in text
        assert "Capitals" in text

        workspace = app.workspace  # study something, then refresh with r
        card = workspace.cards[0]
        scheduler = make_scheduler(workspace.config.study.scheduler)
        before = workspace.store.get(card.id)
        now = workspace.clock()
        workspace.store.record_review(
            before, scheduler.answer(before, Rating.GOOD, now), Rating.GOOD, now
        )
        await pilot.press("r")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert screen.stats is not None and screen.stats.total_reviews == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


def test_column_chart_draws_heights_and_labels() -> None:
    chart = column_chart([0, 4, 8, 1], height=2, left_label="1 Mar", right_label="today")
    lines = chart.splitlines()
    assert lines[0] == "8 │    █"  # only the highest reaches the top row
    assert lines[1] == "  │  █ █ ▂"  # a small value is still visible
    assert lines[2] == "0 └───────"
    assert lines[3].split() == ["1", "Mar", "today"]


def test_heatmap_uses_shades_not_colour() -> None:
    today = date(2026, 3, 10)  # a Tuesday
    counts = {today: 8, today - timedelta(days=1): 2, today - timedelta(days=7): 6}
    lines = calendar_heatmap(counts, today, weeks=2).splitlines()
    assert lines[1] == "Mon ·░"  # last Monday: none; yesterday (Monday): 2 of 8
    assert lines[2] == "    ▓█"  # last Tuesday: 6 of 8; today: the busiest
    assert lines[3] == "Wed ·"  # tomorrow is blank, not "none"
    assert lines[-2:] == ["Reviews a day:", "· none   ░ 1-2   ▒ 3-4   ▓ 5-6   █ 7-8"]  # narrow
    wide = calendar_heatmap(counts, today, weeks=53).splitlines()
    assert wide[-1] == "Reviews a day:  · none   ░ 1-2   ▒ 3-4   ▓ 5-6   █ 7-8"
    assert [shade(n, 8) for n in (0, 1, 2, 3, 8)] == ["·", "░", "░", "▒", "█"]


def test_text_table_aligns_numbers() -> None:
    table = text_table(["Kind", "N"], [["date", "3"], ["quote", "10"]])
    assert table.splitlines() == ["Kind    N", "─────  ──", "date    3", "quote  10"]


async def test_today_is_the_study_day_between_midnight_and_the_rollover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 01:00 local time the study day is still yesterday's (rollover at 04:00): the
    text's "today" and the charts' today columns are that day, and at 60 columns the
    charts are not cut, so today's column is on screen."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # local time far from UTC
    time.tzset()
    tokyo = ZoneInfo("Asia/Tokyo")
    now = datetime(2026, 3, 10, 1, 0, tzinfo=tokyo).astimezone(UTC)
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "history.yaml").write_text(HISTORY_DECK, encoding="utf-8")
    env = TuiEnv(tmp_path, ManualClock(now))
    workspace = env.workspace()
    scheduler = make_scheduler(workspace.config.study.scheduler)
    local = [  # study day 9 Mar: 22:00 on the 9th and two after midnight; 8 Mar: 03:00
        datetime(2026, 3, 9, 3, 0, tzinfo=tokyo),
        datetime(2026, 3, 9, 22, 0, tzinfo=tokyo),
        datetime(2026, 3, 10, 0, 20, tzinfo=tokyo),
        datetime(2026, 3, 10, 0, 40, tzinfo=tokyo),
    ]
    for card, at in zip(workspace.cards, local, strict=False):
        before = workspace.store.get(card.id)
        answer = scheduler.answer(before, Rating.GOOD, at)
        workspace.store.record_review(before, answer, Rating.GOOD, at.astimezone(UTC))
    today = study_day(now, workspace.config.study.queue.day_starts_at)
    assert today == date(2026, 3, 9)

    app = env.app(workspace)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = StatsScreen(workspace)
        await app.push_screen(screen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert screen.stats is not None and screen.stats.today == today
        overview = str(screen.query_one("#stats-overview", Static).render())
        assert "Today       Mon 9 Mar · a new day starts at 04:00" in overview
        assert "1 day (best 2) · studied today" not in overview
        assert "2 days · studied today" in overview
        assert "4 in total · 3 today" in overview

        body = screen.query_one("#stats-body")
        room = body.scrollable_content_region.width - 1  # the sections' indent
        chart = str(screen.query_one("#stats-reviews", Static).render()).splitlines()
        assert max(len(line) for line in chart) <= room  # nothing cut at the right
        top, labels = chart[0], chart[7]
        assert top.split("│")[0].strip() == "3"  # the busiest day has 3 answers
        assert labels.rstrip().endswith("today")
        assert len(top.rstrip()) == len(labels.rstrip())  # its bar is today's column
        assert top.rstrip().endswith(" █")  # only today's bar reaches the top
        assert chart[5].rstrip().endswith("██")  # 8 Mar's bar (1 of 3) is the one before

        heatmap = str(screen.query_one("#stats-calendar", Static).render()).splitlines()
        assert max(len(line) for line in heatmap) == room  # as many weeks as fit
        monday = next(line for line in heatmap if line.startswith("Mon"))
        assert monday.endswith("█")  # today (a Monday's study day) is the busiest

        heading = str(screen.query_one("#stats-h-reviews", Static).render())
        assert heading == "Reviews per day, last 30 days"  # bars side by side: all fit


def test_the_month_of_today_is_named_when_it_starts_in_the_last_columns() -> None:
    """14 December: December's first Monday is the next-to-last column, too few for "Dec"
    after it; the name ends at the last column instead of missing, and November keeps its."""
    today = date(2026, 12, 14)
    top = calendar_heatmap({today: 1}, today, weeks=53).splitlines()[0]
    assert top.endswith("Nov Dec")
