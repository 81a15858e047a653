"""One exam's readiness and plan together: what ``studyapp plan`` prints and home shows."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from msgspec import Struct

from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.card import Card
from studyapp.core.decks.model import Deck
from studyapp.core.examday.calibration import predict_questions
from studyapp.core.examday.guessing import kind_floors
from studyapp.core.examday.memory import MemoryModel
from studyapp.core.examday.pace import seconds_per_answer
from studyapp.core.examday.plan import Plan, PlanColumns, make_plan, minutes_needed
from studyapp.core.examday.readiness import (
    ExamCard,
    Readiness,
    card_memories,
    entry_floors,
    entry_numbers,
    entry_partners,
    exam_cards,
    readiness_of,
)
from studyapp.core.examday.shown import shown_today
from studyapp.core.quiz.exam import ExamError, ExamSpec
from studyapp.core.quiz.questions import Question
from studyapp.core.store.records import ReviewRecord
from studyapp.core.store.state import CardState
from studyapp.core.study.fsrs6 import fsrs_parameters
from studyapp.core.study.queue import day_counts, day_start, study_day
from studyapp.core.study.settings import StudySettings

__all__ = [
    "ExamDayReport",
    "PlanError",
    "answers_on",
    "deck_exam",
    "exam_day_report",
    "find_exam",
    "predict_sitting",
    "readiness_for_exam",
    "report_for_exam",
]

MAX_MINUTES = 24 * 60


class PlanError(ValueError):
    """The question cannot be answered as asked (a date in the past, no cards...)."""


class ExamDayReport(Struct, frozen=True):
    exam_id: str
    title: str
    readiness: Readiness
    plan: Plan
    minutes_per_day: int
    seconds_per_answer: float
    minutes_per_day_needed: float | None
    """The fewest minutes a day that reach the target for every card that can (None: some
    cannot, whatever the time); computed only when the plan falls short."""

    def to_json(self) -> dict[str, Any]:
        r, p = self.readiness, self.plan
        return {
            "exam_id": self.exam_id,
            "title": self.title,
            "today": r.today.isoformat(),
            "exam_date": r.exam_date.isoformat(),
            "days_left": (r.exam_date - r.today).days,
            "predicted_score": round(r.predicted_score, 4),
            "predicted_score_today": round(r.predicted_score_today, 4),
            "predicted_score_with_plan": round(p.predicted_score_with_plan, 4),
            "target": p.target,
            "reaches_target": p.reaches_target,
            "cards": p.cards,
            "cards_at_target_with_plan": p.cards_at_target,
            "entries": r.entries,
            "unstudied_entries": r.unstudied_entries,
            "minutes_per_day": self.minutes_per_day,
            "seconds_per_answer": self.seconds_per_answer,
            "minutes_per_day_needed": self.minutes_per_day_needed,
            "new_cards_held_back": p.held_back,
            "plan": [
                {
                    "date": d.day.isoformat(),
                    "reviews": d.reviews,
                    "new": d.new,
                    "minutes": d.minutes,
                }
                for d in p.days
            ],
            "by_deck": [
                {"deck": g.name, "entries": g.entries, "score": round(g.score, 4)}
                for g in r.by("deck")
            ],
            "by_tag": [
                {"tag": g.name, "entries": g.entries, "score": round(g.score, 4)}
                for g in r.by("tag")
            ],
            "by_kind": [
                {"kind": g.name, "entries": g.entries, "score": round(g.score, 4)}
                for g in r.by("kind")
            ],
            "weakest": [
                {
                    "card": f.card.card_id,
                    "deck": f.card.deck_id,
                    "entry": f.card.entry_id,
                    "exam_day": round(f.exam_day, 4),
                    "studied": f.studied,
                }
                for f in r.weakest(10)
            ],
        }


def exam_day_report(
    *,
    exam_id: str,
    title: str,
    cards: Sequence[ExamCard],
    states: Mapping[str, CardState],
    model: MemoryModel,
    today: date,
    exam_date: date,
    day_of: Callable[[datetime], date],
    minutes_per_day: int,
    seconds_per_answer: float,
    target: float,
    needed: bool = True,
    entries: tuple[list[int], int] | None = None,
    spent_today: int = 0,
    floors: Mapping[str, float] | None = None,
    new_per_day: Mapping[str, int] | None = None,
    new_today: Mapping[str, int] | None = None,
    buries: Callable[[str], bool] | None = None,
    tomorrow: datetime | None = None,
) -> ExamDayReport:
    """Readiness on ``exam_date`` and the plan to reach ``target`` in the time given.

    ``needed``: when the plan falls short, also search for the minutes a day that would
    reach the target (several plans: seconds at 50,000 cards; home does without).
    ``entries``: the cards' :func:`entry_numbers`, if already worked out.
    ``spent_today``: answers given today to these cards (see :func:`make_plan`).
    ``floors``: kind -> guessing floor, for the predicted scores (``guessing``).
    ``new_per_day``: deck id -> the study queue's daily new-card limit (None: no limit),
    which the plan keeps to; ``new_today``: deck id -> new cards introduced today.
    ``buries``: whether a deck (by id) buries siblings, as the study queue does; given
    with ``tomorrow`` (when the next study day starts), the plan puts nothing today
    beside a card the queue shows today anyway
    (:func:`~studyapp.core.examday.shown.shown_today`).
    """
    if exam_date <= today:
        when = "today" if exam_date == today else f"in the past ({exam_date.isoformat()})"
        raise PlanError(f"the exam date is {when}: give a date after today (YYYY-MM-DD)")
    if not cards:
        raise PlanError("the exam draws from no cards: check its decks, tags and kinds")
    if not 0 < target < 1:
        raise PlanError(f"the target must be between 0 and 1 (got {target}); 0.9 means 90%")
    if not 1 <= minutes_per_day <= MAX_MINUTES:
        raise PlanError(
            f"minutes a day must be between 1 and {MAX_MINUTES} (got {minutes_per_day})"
        )
    with paused_gc():  # ~100,000 small objects that live on: nothing to collect
        memories = card_memories(cards, states, day_of)  # read once: readiness and the plan
        numbers, count = entries if entries is not None else entry_numbers(cards)
        ready = readiness_of(
            cards,
            memories,
            model,
            today=today,
            exam_date=exam_date,
            entries=(numbers, count),
            floors=floors,
        )
        deck_numbers, limits, left_today = _new_limits(cards, new_per_day, new_today or {})
        partners = entry_partners(cards, numbers, count)
        busy = (
            shown_today(
                cards,
                numbers,
                memories,
                states,
                today=today,
                tomorrow=tomorrow,
                buries=buries,
                partners=partners,
            )
            if buries is not None and tomorrow is not None
            else {}
        )
        plan_cards = PlanColumns(  # the same memories, as the plan reads them
            [card.card_id for card in cards],
            numbers,
            count,
            memories.stability,
            memories.difficulty,
            memories.last_day,
            partners,
            entry_floors(cards, numbers, count, floors) if floors else (),
            deck_numbers,
            limits,
            left_today,
            busy,
        )
    answers = int(minutes_per_day * 60 / seconds_per_answer)
    plan = make_plan(
        plan_cards,
        model,
        today=today,
        exam_date=exam_date,
        answers_per_day=answers,
        seconds_per_answer=seconds_per_answer,
        target=target,
        spent_today=spent_today,
    )
    minutes = None
    if needed and not plan.reaches_target:
        minutes = minutes_needed(
            plan_cards,
            model,
            today=today,
            exam_date=exam_date,
            seconds_per_answer=seconds_per_answer,
            target=target,
        )
    return ExamDayReport(exam_id, title, ready, plan, minutes_per_day, seconds_per_answer, minutes)


def _new_limits(
    cards: Sequence[ExamCard], per_day: Mapping[str, int] | None, today: Mapping[str, int]
) -> tuple[list[int], list[int], list[int]]:
    """Each card's deck as a number, and by deck number its daily new-card limit and
    the new cards it may still introduce today (no limits: three empty lists)."""
    if per_day is None:
        return [], [], []
    number: dict[str, int] = {}
    decks = [number.setdefault(card.deck_id, len(number)) for card in cards]
    limits = [max(0, per_day.get(deck, 0)) for deck in number]
    left = [max(0, limit - today.get(deck, 0)) for deck, limit in zip(number, limits, strict=True)]
    return decks, limits, left


def deck_exam(deck_id: str, title: str) -> ExamSpec:
    """A whole deck as an exam (a learner's "my exam on this deck" needs no spec file)."""
    return ExamSpec(id=f"deck-{deck_id}", title=title, decks=[deck_id])


def find_exam(name: str, specs: Sequence[ExamSpec], decks: Sequence[Deck]) -> ExamSpec:
    """The exam named ``name``: an exam spec's id, else a deck's id (the whole deck)."""
    for spec in specs:
        if spec.id == name:
            return spec
    for deck in decks:
        if deck.id == name or f"deck-{deck.id}" == name:
            return deck_exam(deck.id, deck.title)
    known = sorted({s.id for s in specs} | {d.id for d in decks})
    raise PlanError(
        f"no exam or deck {name!r}" + (f" (known: {', '.join(known)})" if known else "")
    )


def _learner(
    study: StudySettings, deck_ids: Sequence[str], tz: tzinfo | None
) -> tuple[MemoryModel, Callable[[datetime], date]]:
    """The learner's memory model and study days: a deck's own settings (its FSRS
    parameters, its rollover hour) when everything comes from that one deck.

    ``deck_ids``: the decks the cards forecast come from (not the decks an exam spec
    names: a spec naming none draws from every deck, and one deck may be all it finds),
    so that readiness and a sitting's forecast read the same cards with the same model.
    """
    settings = study.for_deck(deck_ids[0]) if len(set(deck_ids)) == 1 else study
    rollover = settings.queue.day_starts_at

    def day_of(moment: datetime) -> date:
        return study_day(moment, rollover, tz)

    return MemoryModel(fsrs_parameters(settings.scheduler)), day_of


_Chosen = tuple[list[ExamCard], tuple[list[int], int]]
_CHOSEN: dict[str, tuple[Sequence[Deck], Sequence[Card], _Chosen]] = {}
"""The last cards chosen for each exam (by its spec), with the decks and cards they were
chosen from: home works readiness out again on every return to it, and choosing
50,000 cards is a quarter of the time. Kept while the same lists are passed in."""


def _chosen(spec: ExamSpec, decks: Sequence[Deck], cards: Sequence[Card]) -> _Chosen:
    """The exam's cards, and their entries as numbers (see :func:`entry_numbers`)."""
    key = spec.model_dump_json()
    kept = _CHOSEN.get(key)
    if kept is not None and kept[1] is cards and _same(kept[0], decks):
        return kept[2]
    try:
        with paused_gc():  # one small object per card, all kept
            chosen = exam_cards(spec, decks, cards)
            found = chosen, entry_numbers(chosen)
    except ExamError as error:
        raise PlanError(str(error)) from None
    if len(_CHOSEN) >= 16:
        _CHOSEN.clear()
    _CHOSEN[key] = (tuple(decks), cards, found)
    return found


def _same(these: Sequence[Deck], those: Sequence[Deck]) -> bool:
    return len(these) == len(those) and all(map(operator.is_, these, those))


def report_for_exam(
    spec: ExamSpec,
    decks: Sequence[Deck],
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    recent: Sequence[ReviewRecord],
    study: StudySettings,
    *,
    now: datetime,
    exam_date: date,
    minutes_per_day: int,
    target: float,
    tz: tzinfo | None = None,
    needed: bool = True,
) -> ExamDayReport:
    """:func:`exam_day_report` for an exam spec, from what a workspace holds.

    The memory model is the learner's FSRS parameters (a deck's own when the exam
    draws from one deck with an override); time per answer is the learner's own.
    """
    chosen, entries = _chosen(spec, decks, cards)
    deck_ids = {card.deck_id for card in chosen}
    model, day_of = _learner(study, sorted(deck_ids), tz)
    today = day_of(now)
    rollover = study.queue.day_starts_at  # (the study queue's day, as it counts them)
    queue_day = study_day(now, rollover, tz)
    done = day_counts(recent, queue_day, rollover, tz)
    return exam_day_report(
        exam_id=spec.id,
        title=spec.title,
        cards=chosen,
        entries=entries,
        floors=kind_floors((card.kind for card in chosen), spec),
        new_per_day={d: study.for_deck(d).queue.new_per_day for d in deck_ids},
        new_today={d: done.new.get(d, 0) for d in deck_ids},
        buries=lambda deck: study.for_deck(deck).queue.bury_siblings,
        tomorrow=day_start(queue_day + timedelta(days=1), rollover, tz),
        spent_today=answers_on(chosen, recent, today, day_of),
        states=states,
        model=model,
        today=today,
        exam_date=exam_date,
        day_of=day_of,
        minutes_per_day=minutes_per_day,
        seconds_per_answer=seconds_per_answer(recent),
        target=target,
        needed=needed,
    )


def answers_on(
    cards: Sequence[ExamCard],
    recent: Sequence[ReviewRecord],
    day: date,
    day_of: Callable[[datetime], date],
) -> int:
    """How many answers were given on study day ``day`` to these cards."""
    if not recent:
        return 0
    ids = {card.card_id for card in cards}
    return sum(1 for r in recent if r.card_id in ids and day_of(r.at) == day)


def predict_sitting(
    questions: Sequence[Question],
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    study: StudySettings,
    *,
    now: datetime,
    tz: tzinfo | None = None,
    close_credit: float = 0.5,
) -> dict[str, float]:
    """Each question's forecast as a sitting begins: recall and guessing (see
    :mod:`calibration`; ``close_credit``: the sitting's credit for an almost-right order)."""
    model, day_of = _learner(study, [q.deck_id for q in questions], tz)
    return predict_questions(
        questions,
        cards,
        states,
        model,
        today=day_of(now),
        day_of=day_of,
        close_credit=close_credit,
    )


def readiness_for_exam(
    spec: ExamSpec,
    decks: Sequence[Deck],
    cards: Sequence[Card],
    states: Mapping[str, CardState],
    study: StudySettings,
    *,
    now: datetime,
    exam_date: date | None,
    tz: tzinfo | None = None,
) -> Readiness:
    """Readiness alone (no plan): on ``exam_date``, or today when the exam has no date."""
    chosen, entries = _chosen(spec, decks, cards)
    model, day_of = _learner(study, sorted({card.deck_id for card in chosen}), tz)
    today = day_of(now)
    return readiness_of(
        chosen,
        card_memories(chosen, states, day_of),
        model,
        today=today,
        exam_date=exam_date if exam_date is not None and exam_date > today else today,
        entries=entries,
        floors=kind_floors((card.kind for card in chosen), spec),
    )
