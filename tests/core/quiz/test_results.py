"""Results kept with the progress: pushing missed items into study, and pass marks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from studyapp.core.decks.card import Card
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.questions import QuestionFormat
from studyapp.core.quiz.results import has_pass_mark, push_missed_to_study, results_csv
from studyapp.core.quiz.scoring import QuestionResult, QuizResult
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.store import ProgressStore

NOW = datetime(2025, 6, 20, 9, 0, tzinfo=UTC)


def card(entry: str, variant: str = "when") -> Card:
    return Card(
        id=f"d/{entry}/{variant}",
        deck_id="d",
        entry_id=entry,
        kind="qa",
        variant=variant,
        prompt="?",
        answer="!",
    )


def test_push_reports_what_moved_and_why_the_rest_did_not(tmp_path: Path) -> None:
    store = ProgressStore.open(tmp_path / "progress", clock=lambda: NOW)
    cards = [card(e) for e in ("later", "due", "new", "learning", "suspended", "other")]
    later = NOW + timedelta(days=9)
    for state in (
        CardState(cards[0].id, phase=Phase.REVIEW, due=later, interval=9),
        CardState(cards[1].id, phase=Phase.REVIEW, due=NOW - timedelta(hours=1), interval=3),
        CardState(cards[3].id, phase=Phase.LEARNING, due=NOW + timedelta(minutes=10), step=1),
        CardState(cards[4].id, phase=Phase.REVIEW, due=later, suspended=True),
        CardState(cards[5].id, phase=Phase.REVIEW, due=later, interval=9),
    ):
        store.record_change(state, NOW, "test")
    missed = [("d", e) for e in ("later", "due", "new", "learning", "suspended")]
    report = push_missed_to_study(store, cards, missed, NOW)
    assert (report.items, report.moved, report.already_due) == (5, 1, 1)
    assert (report.new, report.learning, report.suspended) == (1, 1, 1)
    assert report.due == 2 and report.cards == 5
    assert store.get(cards[0].id).due == NOW  # moved
    assert store.get(cards[4].id).due == later  # suspended: left alone
    assert store.get(cards[5].id).due == later  # not missed
    store.close()


def test_push_says_which_due_cards_wait_for_tomorrow(tmp_path: Path) -> None:
    """An entry studied today is held back by the queue (one card of an entry a day):
    pushing its card makes it due, and the report counts it as tomorrow's, not today's
    (a walk-through was told "due today" and never saw the cards)."""
    store = ProgressStore.open(tmp_path / "progress", clock=lambda: NOW)
    cards = [card(e) for e in ("studied", "other")]
    later = NOW + timedelta(days=9)
    for c in cards:
        store.record_change(CardState(c.id, phase=Phase.REVIEW, due=later, interval=9), NOW, "t")
    missed = [("d", "studied"), ("d", "other")]
    report = push_missed_to_study(store, cards, missed, NOW, frozenset({cards[0].sibling_key}))
    assert (report.moved, report.due, report.tomorrow) == (2, 2, 1)
    store.close()


def result(pass_mark: float, passed: bool) -> QuizResult:
    item = QuestionResult(
        question_id="q1",
        deck_id="d",
        entry_ids=("e",),
        kind="qa",
        format=QuestionFormat.TYPED,
        prompt="?",
        answer="!",
        given="?",
        outcome=Outcome.WRONG,
        reason="no",
        credit=0,
    )
    return QuizResult(
        title="Quick quiz",
        pass_mark=pass_mark,
        score=16.7,
        points=1,
        max_points=6,
        passed=passed,
        seconds=30,
        results=(item,),
        by_kind={},
        by_tag={},
        by_format={},
    )


def test_a_quiz_without_a_pass_mark_is_neither_passed_nor_failed() -> None:
    assert not has_pass_mark(result(0, True))
    assert has_pass_mark(result(70, False))
    rows = [r.split(",") for r in results_csv([result(0, True), result(70, False)]).splitlines()]
    passed = rows[0].index("passed")
    assert [row[passed] for row in rows[1:]] == ["", "no"]  # a quick quiz: neither
