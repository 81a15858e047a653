"""The quiz and its results at 80x24 and 60x20, from a QA walk-through with the bundled deck:

* an order question whose four events wrap showed only the top edge of the answer field
  (the learner typed blind), and after Enter the verdict was below the fold, the key bar's
  "Next" the only change; PgDn did not scroll the card and nothing said it scrolls;
* "Answer, in order" went on at the left edge when an event wrapped, under the numbers,
  and the results' "Missed" list did the same with a long source or answer.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from textual.widgets._toast import Toast

from studyapp.core.quiz.questions import Question, QuestionFormat
from studyapp.core.workspace import load_exams
from studyapp.tui.app import StudyApp
from studyapp.tui.screens.quiz import QuizScreen
from studyapp.tui.screens.results import ResultsScreen
from studyapp.tui.widgets.quiz_card import QuestionCard
from tests.tui.builders import make_workspace, wait_started
from tests.tui.conftest import screen_text
from tests.tui.test_quiz_flow import open_exam, start_quick_quiz
from tests.tui.test_small_terminals import on_screen
from tests.tui.test_study_small_terminals import continuations, drawn_lines

SIZES = [(80, 24), (60, 20)]

LONG_EVENT = (
    "An event in Seoul commemorates the anniversary of the normalization of Japan–South "
    "Korea diplomatic relations, with President Lee Jae-myung delivering a video message"
)
LONG_SOURCE = (
    "Consistency Builds Trust Between Nations … However, the progressive Moon Jae-in "
    "administration effectively abandoned it in 2018, in the process damaging mutual trust "
    "between the two countries."
)
DECK = f"""\
id: events
title: Events
entries:
  - id: statements
    kind: order
    prompt: Put these events in order, earliest first.
    events:
      - Japan and South Korea conclude the Treaty on Basic Relations
      - Prime Minister Murayama Tomiichi issues an official statement addressing Japan’s war
        responsibility
      - Lee Jae-myung and Ishiba Shigeru hold an in-person meeting on the sidelines of the G7
        Summit
      - {LONG_EVENT}
    source: "{LONG_SOURCE}"
  - id: premiers
    kind: order
    prompt: Put these prime ministers in order, earliest first.
    events: [Murayama Tomiichi, Abe Shinzo, Ishiba Shigeru]
"""
EXAM = """\
id: events-exam
title: Events exam
questions: 2
formats: {ordering: 2}
pass_mark: 50
feedback: end
seed: 3
"""
MARKS = ("✓ Correct", "≈ Close", "✗ Wrong")


def right_order(question: Question) -> str:
    """The numbers to type for the right order of the options as shown."""
    return " ".join(str(question.options.index(item) + 1) for item in question.key.accept)


def wrong_order(question: Question) -> str:
    """The right numbers backwards: wrong, with no two neighbours in place."""
    return " ".join(reversed(right_order(question).split()))


def size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


async def order_quiz(pilot: Pilot[Any], app: StudyApp) -> QuizScreen:
    """A quick quiz of the deck's two orderings, at the one with the long events."""
    await wait_started(pilot)
    quiz = await start_quick_quiz(pilot, app, 2)
    await pilot.pause()
    if LONG_EVENT not in quiz.question.options:
        await answer(pilot, right_order(quiz.question))
        await pilot.press("enter")
        await pilot.pause()
    assert LONG_EVENT in quiz.question.options
    return quiz


async def answer(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


def verdict_shown(app: StudyApp) -> bool:
    return any(line.lstrip("│▌█▊ ").startswith(MARKS) for line in screen_text(app).splitlines())


@pytest.mark.parametrize("size", SIZES, ids=size_id)
async def test_the_answer_field_then_the_verdict_are_on_screen(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    workspace, _ = make_workspace(tmp_path, DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        quiz = await start_quick_quiz(pilot, app, 2)
        for number in (1, 2):  # the second: the field kept its focus, and was not scrolled to
            await pilot.pause()
            assert quiz.question.format is QuestionFormat.ORDERING
            field = quiz.query_one("#quiz-input", Input)
            assert on_screen(app, field), (number, field.region)
            # how to answer is said where it is typed, when the line above it is away
            assert "earliest first" in screen_text(app)
            await answer(pilot, right_order(quiz.question))
            assert quiz.feedback_shown
            assert verdict_shown(app), screen_text(app)
            assert "Answer, in order" in screen_text(app)
            await pilot.press("enter")


@pytest.mark.parametrize("size", SIZES, ids=size_id)
async def test_an_exam_order_question_shows_its_answer_field(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    workspace, _ = make_workspace(tmp_path, DECK)
    (tmp_path / "decks" / "events.exam.yaml").write_text(EXAM, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        quiz = await open_exam(pilot, app)
        assert quiz.navigable and quiz.spec.id == "events-exam"
        card = quiz.query_one("#quiz-card", QuestionCard)
        for number in (1, 2):  # the second by PgDn: the field kept its focus
            await pilot.pause()
            assert quiz.question.format is QuestionFormat.ORDERING
            assert on_screen(app, quiz.query_one("#quiz-input", Input)), number
            # from its prompt at least: at 60x20 the first event was the first line
            assert on_screen(app, quiz.query_one("#quiz-prompt", Static)), screen_text(app)
            if card.max_scroll_y > 0:  # PgDn is "next question" here: the hint says arrows
                assert "PgDn" not in str(card.border_subtitle)
            await pilot.press("pagedown")
        assert quiz.sitting.position == 1


async def test_pgdn_scrolls_the_feedback_and_the_border_says_there_is_more(
    tmp_path: Path,
) -> None:
    workspace, _ = make_workspace(tmp_path, DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 20)) as pilot:
        quiz = await order_quiz(pilot, app)
        card = quiz.query_one("#quiz-card", QuestionCard)
        await answer(pilot, wrong_order(quiz.question))  # the source shows as well
        assert verdict_shown(app)
        assert card.max_scroll_y > card.scroll_y  # more below than the window holds
        assert str(card.border_subtitle).startswith("↑↓ more")
        before = card.scroll_y
        await pilot.press("pagedown")
        await pilot.pause()
        assert card.scroll_y > before
        assert "more above" in str(card.border_subtitle)
        await pilot.press("pageup")
        await pilot.pause()
        assert card.scroll_y < card.max_scroll_y


def assert_hangs(lines: list[str], start: str) -> None:
    """The item beginning ``start`` wraps, and goes on under its own text."""
    found = continuations(lines)
    assert any(first.lstrip().split(" ", 1)[1].startswith(start) for first, _ in found), lines


@pytest.mark.parametrize("size", SIZES, ids=size_id)
async def test_answer_in_order_goes_on_under_each_events_text(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    workspace, _ = make_workspace(tmp_path, DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=size) as pilot:
        quiz = await order_quiz(pilot, app)
        await answer(pilot, right_order(quiz.question))
        feedback = quiz.query_one("#quiz-feedback", Static)
        lines = [line[2:] for line in drawn_lines(feedback)]  # less the border and padding
        head = next(i for i, line in enumerate(lines) if line.startswith("Answer, in order"))
        items = lines[head + 1 : lines.index("Enter: next question")]
        assert_hangs(items, LONG_EVENT[:20])


async def test_missed_list_goes_on_under_the_source_and_the_answer(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path, DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 20)) as pilot:
        quiz = await order_quiz(pilot, app)
        await answer(pilot, wrong_order(quiz.question))
        while not isinstance(app.screen, ResultsScreen):
            await pilot.press("enter")
            await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        missed = results.query_one("#results-missed", Static)
        lines = drawn_lines(missed)
        source = next(i for i, line in enumerate(lines) if line.startswith("   source: "))
        indent = len("   source: ")
        assert lines[source + 1].startswith(" " * indent), lines
        assert not lines[source + 1][indent].isspace(), lines
        right = next(i for i, line in enumerate(lines) if line.startswith("   right answer: "))
        answer_lines = lines[
            right + 1 : next(i for i in range(right, len(lines)) if "time:" in lines[i])
        ]
        assert answer_lines, lines  # the long right answer wraps at 60 columns
        assert all(re.match(r" {17}\S", line) for line in answer_lines), lines


@pytest.mark.parametrize("size", SIZES, ids=size_id)
async def test_toasts_stay_inside_the_question_cards_frame(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """At 80x24 a toast sat over the card's right border: it keeps off the card (a band
    of its own above it: app.tcss)."""
    workspace, _ = make_workspace(tmp_path, DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=size, notifications=True) as pilot:
        quiz = await order_quiz(pilot, app)
        await answer(pilot, "9")  # not an order: "Type each number 1 to 4 once ..."
        toasts = list(quiz.query(Toast))
        assert any("Type each number" in str(toast.render()) for toast in toasts)
        card = quiz.query_one("#quiz-card", QuestionCard)
        for toast in toasts:
            assert not toast.region.overlaps(card.region), (toast.region, card.region)


def test_judged_order_question_80x24(snap_compare: Any, tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path, DECK)
    app = StudyApp(workspace, seed=0)

    async def run_before(pilot: Pilot[Any]) -> None:
        quiz = await order_quiz(pilot, app)
        await answer(pilot, right_order(quiz.question))

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


BUNDLED_ORDER = """\
id: order
title: Order
entries:
  - id: statements
    kind: order
    prompt: Put these events in order, earliest first.
    events:
      - Prime Minister Murayama Tomiichi issues an official statement addressing Japan’s war
        responsibility
      - Prime Minister Abe Shinzō issues an official statement addressing Japan’s war
        responsibility
      - According to the article, the US-ROK relationship is redefined as a global
        comprehensive strategic alliance
      - President Lee Jae-myung holds his introductory phone call with Japanese Prime Minister
        Ishiba Shigeru
"""
ORDER_EXAM = """\
id: order-exam
title: Order exam
questions: 1
formats: {ordering: 1}
pass_mark: 50
feedback: end
seed: 1
"""


@pytest.mark.parametrize("size", [*SIZES, (100, 30)], ids=size_id)
async def test_an_exam_order_question_opens_with_its_prompt_and_field_in_view(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The bundled exam's order question (four events that wrap) opened at 60x20 scrolled
    to its first event: the prompt, and the line saying how to answer, above the fold."""
    workspace, _ = make_workspace(tmp_path, BUNDLED_ORDER, name="order.yaml")
    (tmp_path / "decks" / "order.exam.yaml").write_text(ORDER_EXAM, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=size) as pilot:
        await wait_started(pilot)
        quiz = await open_exam(pilot, app)
        for _ in range(3):
            await pilot.pause()
        card = quiz.query_one("#quiz-card", QuestionCard)
        for name in ("#quiz-format", "#quiz-prompt", "#quiz-options", "#quiz-input"):
            assert on_screen(app, quiz.query_one(name)), (name, screen_text(app))
        assert card.scroll_y == 0
        field = quiz.query_one("#quiz-input", Input)
        assert field.compact == (size == (60, 20))  # one row there; as it was elsewhere


def test_a_question_opens_at_its_start_or_its_prompt() -> None:
    from studyapp.tui.screens.quiz_sitting import question_top

    assert question_top(15, [0, 2], 15) == 0  # all of it fits
    assert question_top(15, [0, 2], 17) == 2  # from the prompt, the field still in view
    assert question_top(15, [0, 2], 30) == 2  # the prompt wins: typing scrolls to the field


async def test_typing_brings_a_field_below_the_fold_into_view(tmp_path: Path) -> None:
    """A question too long for the window opens at its prompt; the first key typed
    scrolls the answer field into view (no typing blind)."""
    workspace, _ = make_workspace(tmp_path, DECK)
    app = StudyApp(workspace, seed=0)
    async with app.run_test(size=(60, 14)) as pilot:
        quiz = await order_quiz(pilot, app)
        for _ in range(3):
            await pilot.pause()
        field = quiz.query_one("#quiz-input", Input)
        assert on_screen(app, quiz.query_one("#quiz-prompt", Static))
        assert not on_screen(app, field)
        await pilot.press("2")
        for _ in range(3):
            await pilot.pause()
        assert on_screen(app, field) and field.value == "2"
