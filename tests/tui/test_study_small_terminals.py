"""The study card at 60x20, 80x24 and 100x30, from a QA walk-through of a first hour:

* a long figure prompt scrolled the answer field out of the card (the typed answer and
  then the verdict unseen, with three blank rows below the card);
* the next card kept the last one's scroll: its prompt began mid-sentence, the word that
  decides the answer ("conservative") scrolled off, and nothing said the card scrolls;
* an order card's answer list ("Answer, in order:") was below the fold;
* the "Exam plan" toast covered the prompt's first line;
* undoing a bury took one off "done" in the status line.

The card's text comes from the bundled article deck (the entries the QA met).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.widgets._toast import Toast

from studyapp.tui.app import StudyApp
from studyapp.tui.screens.study import StudyScreen
from studyapp.tui.widgets.card_scroll import window_top
from studyapp.tui.widgets.keybar import KeyBar
from tests.tui.builders import make_workspace, wait_started
from tests.tui.conftest import screen_text
from tests.tui.test_small_terminals import on_screen

HEAD = """\
id: survey
title: Survey figures
entries:
"""

PROGRESSIVES = """\
  - id: fig-eai-japan-progressives-cooperation
    kind: figure
    measure: >-
      East Asia Institute survey: share of progressive respondents who preferred
      to emphasize (future-oriented) cooperation in the South Korean government’s diplomacy
      toward Japan
    value: 26.8
    unit: "%"
    prompt: >-
      In the East Asia Institute’s public opinion survey, what percentage of progressive
      respondents preferred to emphasize future-oriented cooperation as the South Korean
      government’s priority in diplomacy toward Japan?
    explanation: >-
      Far fewer than the progressives who wanted to prioritize resolving historical issues: the
      mirror opposite of the conservatives.
    source: >-
      Progressive respondents, however, were the mirror opposite: 56.2% wanted to prioritize
      resolving historical issues versus 26.8% preferring to emphasize cooperation.
"""

CONSERVATIVES = """\
  - id: fig-eai-japan-conservatives-history
    kind: figure
    measure: >-
      East Asia Institute survey: share of conservative respondents who cited
      “resolving historical issues” as the most important issue the South Korean government
      should prioritize in diplomacy toward Japan
    value: 24.0
    unit: "%"
    prompt: >-
      In the East Asia Institute’s public opinion survey, what percentage of conservative
      respondents cited “resolving historical issues” as the most important issue the South
      Korean government should prioritize in diplomacy toward Japan?
    explanation: >-
      Conservatives cited history less often than “advancing future-oriented cooperation”;
      progressives were the mirror opposite.
    source: >-
      According to a January public opinion survey conducted by the East Asia Institute, a
      South Korean think tank, when asked about the most important issue the South Korean
      government should prioritize in diplomacy toward Japan, conservative respondents cited
      “resolving historical issues” (24.0%) less frequently than “advancing future-oriented
      cooperation” (55.5%).
"""

MILESTONES = """\
  - id: order-japan-korea-milestones
    kind: order
    prompt: Put these milestones in Japan–South Korea relations in chronological order
    events:
      - The Treaty on Basic Relations is concluded
      - The comfort women agreement is concluded
      - The General Security of Military Information Agreement is concluded
      - Moon Jae-in takes office
      - The comfort women agreement is effectively abandoned by South Korea
    explanation: >-
      The article’s milestones, from the Treaty on Basic Relations to the decade that soured
      relations before Lee.
"""

TRILATERAL = """\
  - id: order-trilateral-security-steps
    kind: order
    prompt: >-
      Put these steps in security cooperation among Japan, South Korea and the United States
      in chronological order
    events:
      - Japan and South Korea enter into the General Security of Military Information Agreement
      - Japan’s and South Korea’s leaders begin taking part in NATO summit meetings as IP4 members
      - The US-ROK relationship is redefined as a global comprehensive strategic alliance
      - The Camp David Principles mark a new era of trilateral security cooperation
    explanation: In the article’s account, each step built toward closer trilateral cooperation.
"""

SMALL = [(60, 20), (80, 24)]
size_ids = pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}x{s[1]}")


def app_with(tmp_path: Path, *entries: str) -> StudyApp:
    workspace, _ = make_workspace(tmp_path, HEAD + "".join(entries))
    return StudyApp(workspace, seed=0)


async def study(pilot: Pilot[Any]) -> StudyScreen:
    await wait_started(pilot)
    await pilot.press("s")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StudyScreen)
    await settle(pilot)
    return screen


async def settle(pilot: Pilot[Any]) -> None:
    """Until the card is laid out and placed (a scrollbar appearing rewraps it)."""
    for _ in range(3):
        await pilot.pause()


def shows_top_of(app: StudyApp, widget: Widget) -> bool:
    """Whether the first row of ``widget`` is on screen, inside the card's window."""
    card = app.screen.query_one("#study-card", Widget)
    top = widget.region
    return bool(top) and card.scrollable_content_region.contains(top.x, top.y)


def card_of(screen: StudyScreen) -> Widget:
    return screen.query_one("#study-card", Widget)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*(c if c != " " else "space" for c in text))
    await settle(pilot)


# ---------------------------------------------------------- 1. the answer field


@size_ids
async def test_a_long_figure_prompt_keeps_the_answer_field_and_then_the_verdict_in_view(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_with(tmp_path, PROGRESSIVES)
    async with app.run_test(size=size) as pilot:
        screen = await study(pilot)
        prompt = screen.query_one("#card-prompt", Static)
        field = screen.query_one("#card-input", Input)
        assert on_screen(app, prompt), screen_text(app)  # all of it, from its first word
        assert on_screen(app, field), screen_text(app)
        await type_text(pilot, "about 27")
        assert on_screen(app, field), screen_text(app)
        assert "about 27" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        verdict = screen.query_one("#card-verdict", Static)
        assert screen.phase == "judged"
        assert on_screen(app, verdict), screen_text(app)
        assert "typed:  about 27" in screen_text(app)
        assert shows_top_of(app, prompt), screen_text(app)


async def test_at_60x20_no_blank_rows_sit_between_the_card_and_the_grade_bar(
    tmp_path: Path,
) -> None:
    app = app_with(tmp_path, PROGRESSIVES)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await study(pilot)
        card = card_of(screen)
        keys = screen.query_one(KeyBar).region
        assert card.region.bottom == keys.y - 1  # one row: the grade bar's, hidden till checked
        assert card.region.y == screen.query_one("#study-counts", Widget).region.bottom
        await pilot.press("enter")
        await settle(pilot)
        grades = screen.query_one("#grades", Widget).region
        assert (grades.y, grades.height) == (card.region.bottom, 1)


# ------------------------------------------------- 2. from the top, and a hint


@size_ids
async def test_each_card_shows_its_prompt_from_the_top_after_a_scrolled_one(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_with(tmp_path, CONSERVATIVES, PROGRESSIVES)
    async with app.run_test(size=size) as pilot:
        screen = await study(pilot)
        card = card_of(screen)
        await type_text(pilot, "27")
        await pilot.press("enter")  # wrong: the diff, explanation and source, more than fits
        await settle(pilot)
        await pilot.press("pagedown")  # the learner reads on
        await settle(pilot)
        assert card.scroll_y > 0
        await pilot.press("1")  # the next card
        await settle(pilot)
        assert screen.card is not None and "progressive" in screen.card.prompt
        prompt = screen.query_one("#card-prompt", Static)
        assert card.scroll_y == 0
        assert on_screen(app, prompt), screen_text(app)
        words = " ".join(screen_text(app).replace("│", " ").split())  # the card's lines
        assert "what percentage of progressive" in words, words
        assert on_screen(app, screen.query_one("#card-input", Input))


@size_ids
async def test_a_card_too_long_to_fit_keeps_prompt_and_verdict_and_says_there_is_more(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_with(tmp_path, CONSERVATIVES)
    async with app.run_test(size=size) as pilot:
        screen = await study(pilot)
        card = card_of(screen)
        assert card.border_subtitle in ("", None)  # the question fits: no hint
        await type_text(pilot, "27")
        await pilot.press("enter")  # wrong: the source opens too
        await settle(pilot)
        source = screen.query_one("#card-source", Static)
        assert source.display
        prompt = screen.query_one("#card-prompt", Static)
        assert on_screen(app, prompt), screen_text(app)
        assert on_screen(app, screen.query_one("#card-verdict", Static)), screen_text(app)
        assert not on_screen(app, source)  # what gives way: the source, below the fold
        assert "more" in str(card.border_subtitle) and "PgDn" in str(card.border_subtitle)
        assert "PgDn" in screen_text(app)  # drawn on the card's border
        await pilot.press("pagedown")  # the field has focus: the page key scrolls the card
        await pilot.press("end")
        await settle(pilot)
        assert card.scroll_y == card.max_scroll_y > 0
        assert "PgUp" in str(card.border_subtitle)


async def test_opening_the_source_scrolls_it_into_view(tmp_path: Path) -> None:
    app = app_with(tmp_path, CONSERVATIVES)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await study(pilot)
        await pilot.press("enter")  # shown: answer and explanation, no source
        await settle(pilot)
        source = screen.query_one("#card-source", Static)
        assert not source.display
        await pilot.press("s")  # asked for: it is what the learner reads now
        await settle(pilot)
        assert source.display and shows_top_of(app, source), screen_text(app)
        assert "Source: According to" in screen_text(app)


async def test_a_card_that_fits_says_nothing_of_scrolling(tmp_path: Path) -> None:
    app = app_with(tmp_path, PROGRESSIVES)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await study(pilot)
        await pilot.press("enter")
        await settle(pilot)
        card = card_of(screen)
        assert card.max_scroll_y == 0
        assert not card.border_subtitle


# ------------------------------------------------------------ 3. order cards


@pytest.mark.parametrize("entry", [MILESTONES, TRILATERAL], ids=["five", "four-long"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_an_order_card_shows_the_field_then_the_verdict_and_the_whole_answer_list(
    tmp_path: Path, size: tuple[int, int], entry: str
) -> None:
    app = app_with(tmp_path, entry)
    async with app.run_test(size=size) as pilot:
        screen = await study(pilot)
        assert screen.mode == "order"
        assert on_screen(app, screen.query_one("#card-input", Input)), screen_text(app)
        assert on_screen(app, screen.query_one("#card-options", Static)), screen_text(app)
        await type_text(pilot, " ".join(str(i) for i in range(1, len(screen.options) + 1)))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.phase == "judged"
        answer = screen.query_one("#card-answer", Static)
        assert on_screen(app, screen.query_one("#card-verdict", Static)), screen_text(app)
        assert on_screen(app, answer), screen_text(app)  # "Answer, in order:" and every item
        assert "Answer, in order:" in screen_text(app)


def drawn_lines(widget: Static) -> list[str]:
    """The widget's lines as drawn at its width on screen."""
    return [strip.text.rstrip() for strip in widget.render_lines(widget.size.region)]


def continuations(lines: list[str]) -> list[tuple[str, str]]:
    """Each wrapped line with the line its item began on ("  3. Japan's ..."); fails on a
    line that is neither an item's first nor indented exactly under its item's text."""
    found: list[tuple[str, str]] = []
    lead: re.Match[str] | None = None
    for line in lines:
        if (first := re.match(r"\s*\d+\. ", line)) is not None:
            lead = first
        elif lead is not None and line:
            indent = len(line) - len(line.lstrip())
            assert indent == lead.end(), f"{line!r} is not under {lead.string!r}"
            found.append((lead.string, line))
    return found


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_an_order_cards_lists_go_on_under_each_items_text_at_every_size(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """At 80x24 an option too long for its line went on at the left edge, under its
    number ("Korea" under "2."): it read as a line of its own."""
    app = app_with(tmp_path, TRILATERAL)
    async with app.run_test(size=size) as pilot:
        screen = await study(pilot)
        options = screen.query_one("#card-options", Static)
        asked = drawn_lines(options)
        assert len(continuations(asked)) >= 1, asked  # the long events wrap at each size
        numbers = [m.group().strip() for line in asked if (m := re.match(r"\s*\d+\.", line))]
        assert numbers == ["1.", "2.", "3.", "4."], asked
        await type_text(pilot, "1 2 3 4")
        await pilot.press("enter")
        await settle(pilot)
        answer = drawn_lines(screen.query_one("#card-answer", Static))
        assert answer[0] == "Answer, in order: 1 3 4 2"
        assert len(continuations(answer)) >= 1, answer
        assert len(continuations(drawn_lines(options))) >= 1  # the list, as judged


# ---------------------------------------------------------- 4. the plan's toast


@size_ids
async def test_the_exam_plan_toast_leaves_the_prompt_and_the_status_line_free(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_with(tmp_path, PROGRESSIVES, CONSERVATIVES, MILESTONES)
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_started(pilot)
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one(Input).value = "2025-06-23"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.clear_notifications()  # "Exam date set": said on home
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        await settle(pilot)
        toasts = list(screen.query(Toast))
        assert any("Today's cards include" in str(t.render()) for t in toasts), screen_text(app)
        kept = [
            screen.query_one(f"#{name}", Widget)
            for name in ("card-kind", "card-prompt", "study-counts", "grades")
        ]
        for toast in toasts:
            for widget in [*kept, screen.query_one(KeyBar)]:
                assert not toast.region.overlaps(widget.region), (widget.id, screen_text(app))


# --------------------------------------------------------------- 5. undo a bury


async def test_undoing_a_bury_leaves_the_done_count_as_it_was(tmp_path: Path) -> None:
    app = app_with(tmp_path, PROGRESSIVES, CONSERVATIVES, MILESTONES)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await study(pilot)
        counts = screen.query_one("#study-counts", Static)
        await pilot.press("enter")  # shown
        await pilot.pause()
        await pilot.press("3")  # graded: done 1
        await settle(pilot)
        assert "done 1" in str(counts.render())
        await pilot.press("enter")  # shown (while asking, b would be typed)
        await pilot.pause()
        await pilot.press("b")  # buried: not an answer
        await settle(pilot)
        assert "done 1" in str(counts.render())
        await pilot.press("ctrl+z")  # the bury undone: still one answer
        await settle(pilot)
        assert screen.answered == 1
        assert "done 1" in str(counts.render()), str(counts.render())
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("3")  # answered again after the undo: 2
        await settle(pilot)
        assert "done 2" in str(counts.render())
        await pilot.press("ctrl+z")  # an answer undone: one less
        await settle(pilot)
        assert "done 1" in str(counts.render()), str(counts.render())


# ------------------------------------------------ 6. the result opens at its top


MILESTONES_SOURCED = (
    MILESTONES
    + """\
    source: >-
      During this period, the countries concluded various agreements, including the 1965 Treaty
      on Basic Relations and the Agreement on the Settlement of Problems concerning Property and
      Claims and on Economic Cooperation. … In 2015, the conservative administration of Park
      Geun-hye concluded an agreement with the Abe Shinzō administration regarding the comfort
      women issue. … They also entered into security agreements such as the 2016 General
      Security of Military Information Agreement to protect classified military information. …
      When fellow progressive Moon Jae-in took office in 2017, he spoke to both the United
      States and China before speaking to the Japanese leader. … However, the progressive Moon
      Jae-in administration effectively abandoned it in 2018, in the process damaging mutual
      trust between the two countries.
"""
)
"""The bundled deck's entry, with its source (shown under a wrong answer)."""


@pytest.mark.parametrize("typed", ["wrong", "right"])
@size_ids
async def test_an_order_cards_result_opens_at_its_verdict(
    tmp_path: Path, size: tuple[int, int], typed: str
) -> None:
    """At 80x24 the bundled 5-item order card's result opened mid-way down the card (the
    window's first rows the options already answered, the verdict half-way down): it
    opens at the verdict, the answer under it (or at the card's end, when less follows
    than a window's height)."""
    app = app_with(tmp_path, MILESTONES_SOURCED)
    async with app.run_test(size=size) as pilot:
        screen = await study(pilot)
        card = screen.card
        assert card is not None
        number = {item: str(i) for i, item in enumerate(screen.options, start=1)}
        right = [number[event] for event in card.options]
        await type_text(pilot, " ".join(right if typed == "right" else sorted(right)))
        await pilot.press("enter")
        await settle(pilot)
        window = card_of(screen)
        verdict = screen.query_one("#card-verdict", Static)
        assert window.max_scroll_y > 0  # the card does not fit: it is scrolled
        top = min(verdict.virtual_region.y, window.max_scroll_y)
        assert round(window.scroll_y) == top, screen_text(app)
        if typed == "wrong":  # the source is shown below: the verdict is the first row
            assert round(window.scroll_y) == verdict.virtual_region.y
        assert shows_top_of(app, verdict) and shows_top_of(app, screen.query_one("#card-answer"))


def test_window_top_keeps_a_result_from_its_first_line() -> None:
    assert window_top(10, 4, 8, opens_at_top=True) == 0  # it fits: the card's top
    assert window_top(10, 4, 12, opens_at_top=False) == 2  # asking: as little as shows it
    assert window_top(10, 4, 12, opens_at_top=True) == 4  # a result: from its first line
    assert window_top(10, 4, 20, opens_at_top=False) == 4  # too tall: its top wins
    assert window_top(0, 4, 20, opens_at_top=True) == 0  # not laid out yet


# ------------------------------------------------------ 7. toasts inside the frame


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_toasts_stay_inside_the_cards_frame(tmp_path: Path, size: tuple[int, int]) -> None:
    """At 80x24 a toast (a bury: "Buried until tomorrow ...") sat over the card's right
    border: toasts keep off the card (a band of their own above it: app.tcss), whole."""
    app = app_with(tmp_path, PROGRESSIVES, CONSERVATIVES, MILESTONES)
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await study(pilot)
        await pilot.press("enter")  # shown (while asking, b would be typed)
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        toasts = list(screen.query(Toast))
        assert any("Buried until tomorrow" in str(t.render()) for t in toasts)
        card = card_of(screen).region
        for toast in toasts:
            assert not toast.region.overlaps(card), (toast.region, card)
            assert toast.region.width >= 20  # still readable


# --------------------------------------------------------------- snapshots


def test_long_figure_question_at_60x20(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await study(pilot)
        await type_text(pilot, "about 27")

    app = app_with(tmp_path, PROGRESSIVES)
    assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)


def test_long_figure_judged_at_60x20(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await study(pilot)
        await type_text(pilot, "27")
        await pilot.press("enter")
        await settle(pilot)

    app = app_with(tmp_path, CONSERVATIVES)
    assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)


def test_order_judged_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await study(pilot)
        await type_text(pilot, "1 2 3 4 5")
        await pilot.press("enter")
        await settle(pilot)

    app = app_with(tmp_path, MILESTONES)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


# ------------------------------------------------------------- 7. the key bar


def offered(screen: StudyScreen) -> list[str]:
    """What each key the screen offers now (shown in the bar, not disabled) does."""
    return [
        binding.description
        for _, binding, enabled, _ in screen.active_bindings.values()
        if binding.show and enabled and binding.description
    ]


@pytest.mark.parametrize("size", [*SMALL, (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_key_the_card_offers_is_in_the_key_bar(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """At 60x20 the bar left Source, Bury and Suspend out once a card was answered: it
    takes a second row there; at 80 and 100 columns one row still holds them all."""
    app = app_with(tmp_path, PROGRESSIVES, CONSERVATIVES)
    async with app.run_test(size=size) as pilot:
        screen = await study(pilot)
        await type_text(pilot, "27")
        await pilot.press("enter")  # judged (wrong): Accept grade, Source, ...
        await settle(pilot)
        judged = offered(screen)
        assert {"Accept grade", "Undo", "Source", "Bury", "Suspend"} <= set(judged)
        text = str(screen.query_one(KeyBar).render())
        assert all(f"{what} " in text for what in judged), (judged, text)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("enter")  # the next card, shown: grade it yourself
        await settle(pilot)
        assert screen.phase == "revealed"
        text = str(screen.query_one(KeyBar).render())
        assert all(f"{what} " in text for what in offered(screen)), text
        rows = screen.query_one(KeyBar).region.height
        assert rows == (2 if size[0] < 80 else 1)  # (80x24, 100x30: as they were)
