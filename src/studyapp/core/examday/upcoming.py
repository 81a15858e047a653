"""The exams coming up: which have a date, how ready the learner is, and today's part of
each plan.

What home shows beside the decks, and what the study queue draws from in the days
before an exam (:func:`planned_today`). A few tenths of a second an exam at 50,000
cards: callers run :func:`upcoming` off the UI thread, on a copy of the states.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import Protocol

from msgspec import Struct

from studyapp.core.decks.card import Card
from studyapp.core.decks.model import Deck
from studyapp.core.examday import DEFAULT_MINUTES, DEFAULT_TARGET
from studyapp.core.examday.report import PlanError, deck_exam, report_for_exam
from studyapp.core.quiz.exam import ExamSpec
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState
from studyapp.core.study.settings import StudySettings

__all__ = [
    "ExamPrefs",
    "PlannedToday",
    "Upcoming",
    "dated_exams",
    "exam_date_of",
    "parse_exam_date",
    "planned_today",
    "upcoming",
]

DECK_EXAM_PREFIX = "deck-"
"""A deck studied for an exam is the exam ``deck-<deck id>`` (see :func:`deck_exam`)."""


class ExamPrefs(Protocol):
    """What the learner set for one exam (the settings file's ``ExamPlanPrefs``)."""

    @property
    def date(self) -> str | None: ...
    @property
    def minutes_per_day(self) -> int | None: ...
    @property
    def target(self) -> float | None: ...


def parse_exam_date(text: str, today: date) -> date:
    """A date the learner typed for an exam, read as answers are ("2027-01-15", "15 January
    2027", "Jan 15th 2027"; a day and month without a year is the next one to come).
    ValueError with a message to show them when it is not one day, or is not after
    ``today`` (an exam today leaves no day to plan, and a past one nothing to plan for)."""
    from studyapp.core.quiz.answers.dates import parse_date

    text = text.strip()
    shown = text if len(text) <= 20 else text[:19] + "…"
    readings, problem = parse_date(text)
    if problem is not None or not readings:
        raise ValueError(f"{shown!r} is not a date: write it as YYYY-MM-DD or 15 January 2027")
    if len(readings) > 1:
        raise ValueError(
            f"{shown!r} could be read two ways: write it as YYYY-MM-DD or 15 January 2027"
        )
    year, month, day_of_month = readings[0]
    if month is None or day_of_month is None:
        raise ValueError(f"{shown!r} is not one day: give the day and the month too")
    day = _next_on(month, day_of_month, today) if year is None else date(year, month, day_of_month)
    if day == today:
        raise ValueError("That is today: give a date after today (nothing is left to plan).")
    if day < today:
        raise ValueError(f"{day.isoformat()} is in the past: give a date after today.")
    return day


def _next_on(month: int, day: int, today: date) -> date:
    """The first ``month``/``day`` after today (29 February: the next leap year's)."""
    for year in range(today.year, today.year + 9):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found > today:
            return found
    raise ValueError(f"{month}/{day} is not a day of any year")


def exam_date_of(spec: ExamSpec, prefs: ExamPrefs | None) -> date | None:
    """The exam's date: the learner's own (set in the app or ``studyapp plan``), else the
    spec's ``date:``, else None."""
    if prefs is not None and prefs.date:
        try:
            return date.fromisoformat(prefs.date)
        except ValueError:
            pass  # (the settings file is read tolerantly; a bad date is as no date)
    return spec.date


def dated_exams(
    specs: Sequence[ExamSpec],
    decks: Sequence[Deck],
    prefs: Mapping[str, ExamPrefs],
    today: date,
) -> list[tuple[ExamSpec, date]]:
    """Every exam with a date after ``today``, soonest first: the exam specs, and the decks
    the learner gave a date (``deck-<id>``) that no spec already stands for."""
    found = [(s, d) for s in specs if (d := exam_date_of(s, prefs.get(s.id))) and d > today]
    ids = {s.id for s in specs}
    titles = {deck.id: deck.title for deck in decks}
    for exam_id, chosen in prefs.items():
        deck_id = exam_id.removeprefix(DECK_EXAM_PREFIX)
        if exam_id in ids or deck_id == exam_id or deck_id not in titles:
            continue
        spec = deck_exam(deck_id, titles[deck_id])
        day = exam_date_of(spec, chosen)
        if day is not None and day > today:
            found.append((spec, day))
    return sorted(found, key=lambda f: (f[1], f[0].title, f[0].id))


class Upcoming(Struct, frozen=True):
    """One exam coming up, as home shows it, with today's part of its plan."""

    exam_id: str
    title: str
    today: date
    """The study day this was worked out on (today's part of the plan is for it alone)."""
    exam_date: date
    predicted_score: float
    """On exam day, if nothing more is studied."""
    predicted_score_with_plan: float
    planned_today: tuple[str, ...]
    """The cards today's part of the plan reviews or learns: what is left of it (worked
    out again after studying, it shrinks by the cards answered), never more new cards
    than the daily new-card limit leaves today, and none the study queue buries today
    (see ``plan``): the queue takes them all, so home, study and the plan agree."""
    decks: tuple[str, ...] = ()
    """The decks the exam draws from (empty: every deck)."""

    @property
    def days_left(self) -> int:
        return (self.exam_date - self.today).days


def upcoming(
    specs: Sequence[ExamSpec],
    decks: Sequence[Deck],
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    recent: Sequence[ReviewRecord],
    study: StudySettings,
    prefs: Mapping[str, ExamPrefs],
    *,
    now: datetime,
    today: date,
    tz: tzinfo | None = None,
) -> tuple[list[Upcoming], list[str]]:
    """Readiness and today's plan for every exam with a date after ``today``; and a message
    for each that could not be worked out (its decks are missing, it draws no cards)."""
    found: list[Upcoming] = []
    problems: list[str] = []
    for spec, exam_date in dated_exams(specs, decks, prefs, today):
        chosen = prefs.get(spec.id)
        try:
            report = report_for_exam(
                spec,
                decks,
                cards,
                states,
                recent,
                study,
                now=now,
                exam_date=exam_date,
                minutes_per_day=(chosen.minutes_per_day if chosen else None) or DEFAULT_MINUTES,
                target=(chosen.target if chosen else None) or DEFAULT_TARGET,
                tz=tz,
                needed=False,
            )
        except PlanError as error:
            problems.append(f"{spec.title}: {error}")
            continue
        plan = report.plan
        first = plan.days[0] if plan.days else None
        found.append(
            Upcoming(
                spec.id,
                spec.title,
                report.readiness.today,
                exam_date,
                report.readiness.predicted_score,
                plan.predicted_score_with_plan,
                first.card_ids if first is not None and first.day == today else (),
                tuple(spec.decks),
            )
        )
    return found, problems


class PlannedToday(Struct, frozen=True):
    """The cards the exam plans put on today, for the study queue, and what to say."""

    card_ids: frozenset[str]
    exams: tuple[tuple[str, date, frozenset[str]], ...]
    """(title, exam date, cards planned today) of each exam that has some."""

    def note(self, queued: Collection[str] | None = None) -> str:
        """ "3 cards for the exam on 12 Dec" (several exams: each named, ``;`` between).
        ``queued``: count only these (the planned cards the study queue took)."""
        parts = []
        for title, day, ids in self.exams:
            count = len(ids) if queued is None else sum(1 for c in queued if c in ids)
            if not count:
                continue
            name = "the exam" if len(self.exams) == 1 else title
            when = f"{day.day} {_MONTHS[day.month - 1]}"
            parts.append(f"{count} card{'s' if count != 1 else ''} for {name} on {when}")
        return "; ".join(parts)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def planned_today(exams: Iterable[Upcoming], today: date) -> PlannedToday:
    """Today's planned cards of every exam still ahead: nothing on or after an exam's date,
    and nothing from a plan worked out on another day (the plan is made again each day)."""
    ids: set[str] = set()
    notes: list[tuple[str, date, frozenset[str]]] = []
    for exam in exams:
        if exam.today != today or exam.exam_date <= today or not exam.planned_today:
            continue
        ids.update(exam.planned_today)
        notes.append((exam.title, exam.exam_date, frozenset(exam.planned_today)))
    return PlannedToday(frozenset(ids), tuple(notes))
