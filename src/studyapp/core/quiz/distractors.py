"""Wrong options for multiple-choice and true/false questions, per kind of answer.

A quiz tests rather than teaches, so wrong options must be *plausible*: of the
same kind as the answer, from the same deck first (other dates, other figures of
the same survey, other speakers), then made up nearby (a month off, 2.1 points
off), always formatted like the answer so the format gives nothing away. And
they must be *wrong*: an option the answer checker would accept, or that
duplicates another option, is never shown.

Every random choice takes a seeded :class:`random.Random`, so the same seed
gives the same options.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from msgspec import Struct
from rapidfuzz import fuzz

from studyapp.core.decks.model import (
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers.dates import DateStyle, compatible, parse_date, render_date
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import AnswerKey, Mode, Target
from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.answers.numbers import decimals_of, parse_number, render_number
from studyapp.core.quiz.answers.verdict import Outcome

__all__ = ["DATE_STYLE", "OPTION_COUNT", "answer_text", "distractors"]

OPTION_COUNT = 4
"""Options in a multiple-choice question: the answer and three distractors."""
DATE_STYLE: DateStyle = "day_first"
"""How quiz options write dates; the same as study cards ("17 June 2025")."""


# -------------------------------------------------------------------- rendering


def _date_style(text: str) -> DateStyle:
    """The style a free-text date is written in, so distractors copy it."""
    s = text.strip()
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", s):
        return "iso" if "-" in s else "long"
    if re.match(r"\d", s):
        return "day_first"
    if re.match(r"[A-Za-z]{3}\.?\s", s) and not re.match(r"(May|June|July)\s", s):
        return "short"
    return "long"


class _Shape(Struct, frozen=True):
    """How the answer is written, so that every option is written the same way."""

    mode: Mode
    date: PartialDate | None = None
    style: DateStyle = DATE_STYLE
    number: Decimal | None = None
    decimals: int = 0
    unit: str | None = None

    def render(self, value: Any) -> str:
        if self.mode is Mode.DATE:
            assert isinstance(value, PartialDate)
            return render_date(value, self.style)
        if self.mode is Mode.NUMBER:
            return render_number(value, self.decimals, self.unit)
        return str(value)


def _shape(key: AnswerKey, answer_text: str | None = None) -> _Shape:
    if key.mode is Mode.DATE:
        style = _date_style(answer_text) if answer_text is not None else DATE_STYLE
        return _Shape(Mode.DATE, date=PartialDate.parse(key.value), style=style)
    if key.mode is Mode.NUMBER:
        number = Decimal(key.value)
        return _Shape(Mode.NUMBER, number=number, decimals=decimals_of(number), unit=key.unit)
    return _Shape(key.mode)


def answer_text(entry: AnyEntry, target: Target, key: AnswerKey, blank: int) -> str:
    """The answer as an option: dates and figures rendered like their distractors."""
    if isinstance(entry, ChoiceEntry):
        return entry.answer
    shape = _shape(key, _free_answer(entry, blank))
    if shape.mode is Mode.DATE:
        return shape.render(shape.date)
    if shape.mode is Mode.NUMBER:
        return shape.render(shape.number)
    return key.answer


def _free_answer(entry: AnyEntry, blank: int) -> str | None:
    if isinstance(entry, QaEntry):
        return entry.answer
    if isinstance(entry, ClozeEntry):
        return entry.blanks[blank]
    return None


def _canonical(key: AnswerKey, text: str) -> str:
    """One comparison form per answer, so no two options say the same thing."""
    if key.mode is Mode.DATE:
        readings, error = parse_date(text)
        if error is None and len(readings) == 1:
            year, month, day = readings[0]
            if year is not None:
                return PartialDate(year, month, day).isoformat()
    if key.mode is Mode.NUMBER:
        number = parse_number(text, key.unit)
        if number is not None:
            return str(number.normalize())
    return fold(text).replace("-", "").replace(" ", "")


# ------------------------------------------------------------------ distractors


def _nearest_first(
    items: Iterable[Any], distance: Callable[[Any], float], rng: random.Random, n: int
) -> list[Any]:
    """Nearest first, but a random pick among the nearest 2n so quizzes vary."""
    pool = list(items)
    rng.shuffle(pool)
    pool.sort(key=distance)
    window, rest = pool[: 2 * n], pool[2 * n :]
    rng.shuffle(window)
    return window + rest


def _shuffled(items: Iterable[Any], rng: random.Random) -> list[Any]:
    pool = list(items)
    rng.shuffle(pool)
    return pool


def _day_number(date: PartialDate) -> int:
    return dt.date(date.year, date.month or 7, date.day or (15 if date.month else 1)).toordinal()


def _truncate(date: PartialDate, precision: str) -> PartialDate:
    if precision == "year":
        return PartialDate(date.year)
    if precision == "month":
        return PartialDate(date.year, date.month)
    return date


_LEVEL = {"year": 0, "month": 1, "day": 2}


def _shift_month(date: PartialDate, months: int) -> PartialDate | None:
    index = date.year * 12 + (date.month or 1) - 1 + months
    year, month = divmod(index, 12)
    if year < 1:
        return None
    if date.day is None:
        return PartialDate(year, month + 1)
    try:
        dt.date(year, month + 1, date.day)
    except ValueError:
        return None
    return PartialDate(year, month + 1, date.day)


def _near_dates(date: PartialDate) -> list[PartialDate]:
    """Dates a learner could mix up with ``date``, at its precision."""
    out: list[PartialDate] = []
    if date.precision == "day":
        assert date.month is not None and date.day is not None
        day = dt.date(date.year, date.month, date.day)
        for delta in (1, 2, 3, 5, 7, 10, 14):
            for sign in (1, -1):
                d = day + dt.timedelta(days=sign * delta)
                out.append(PartialDate(d.year, d.month, d.day))
        months: tuple[int, ...] = (1, -1, 12, -12)
    elif date.precision == "month":
        months = (1, -1, 2, -2, 3, -3, 4, -4, 6, -6, 12, -12, 24, -24)
    else:
        years = (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 10, -10)
        return [PartialDate(date.year + y) for y in years if date.year + y >= 1]
    for m in months:
        shifted = _shift_month(date, m)
        if shifted is not None:
            out.append(shifted)
    return out


def _date_tiers(answer: PartialDate, pool: Iterable[PartialDate]) -> list[list[PartialDate]]:
    """Deck dates at the answer's precision, then finer deck dates cut to it, then near dates."""
    level = _LEVEL[answer.precision]
    pool = list(pool)
    same = [d for d in pool if d.precision == answer.precision]
    cut = [_truncate(d, answer.precision) for d in pool if _LEVEL[d.precision] > level]
    return [same, cut, _near_dates(answer)]


def _near_numbers(
    value: Decimal, decimals: int, unit: str | None, tolerance: float | None, rng: random.Random
) -> list[Decimal]:
    """Values near ``value`` at its precision, inside the range its unit allows."""
    step = Decimal(1).scaleb(-decimals)
    magnitude = abs(value)
    out: list[Decimal] = []
    fractions = ("0.05", "0.1", "0.15", "0.2", "0.3", "0.4", "0.5")
    for i, fraction in enumerate(fractions, start=1):
        delta = max(magnitude * Decimal(fraction), step * i)
        delta += step * rng.randint(0, 2)
        delta = delta.quantize(step, rounding=ROUND_HALF_UP)
        out += [value + delta, value - delta]
    if tolerance is not None:
        tol = Decimal(str(tolerance))
        out += [value + tol * k for k in (2, 3, 4)] + [value - tol * k for k in (2, 3, 4)]
    percent = (unit or "").strip() in ("%", "percent", "per cent")
    return [
        v.quantize(step, rounding=ROUND_HALF_UP)
        for v in out
        if (value <= 0 or v > 0) and (value < 0 or v >= 0) and (not percent or v <= 100)
    ]


def _plausible_number(value: Decimal, other: Decimal) -> bool:
    """Deck figures far off in scale (2 for an 80th anniversary) are not tempting."""
    if value == 0 or other == 0:
        return True
    ratio = abs(other / value)
    return Decimal("0.2") <= ratio <= 5 and (other > 0) == (value > 0)


@lru_cache(maxsize=8192)
def _text_shape(text: str) -> tuple[int, bool, bool]:
    words = text.split()
    return len(words), text[:1].isupper(), any(c.isdigit() for c in text)


def _shape_distance(answer: str, index: AnswerKeyIndex) -> Callable[[str], float]:
    """How unlike the answer an option looks: word count, capitals, digits, length,
    shared words, and whether it names a person when the answer does not.
    """
    words, capital, digits = _text_shape(answer)
    folded = fold(answer)
    is_person = index.person_named(answer) is not None

    def distance(text: str) -> float:
        w, c, d = _text_shape(text)
        length = abs(len(text) - len(answer)) / max(len(answer), 1)
        similar = fuzz.token_set_ratio(folded, fold(text)) / 100
        person = 3 * ((index.person_named(text) is not None) != is_person)
        return abs(w - words) + 2 * (c != capital) + 3 * (d != digits) + length - similar + person

    return distance


def distractors(
    entry: AnyEntry,
    index: AnswerKeyIndex,
    target: Target,
    rng: random.Random,
    n: int = OPTION_COUNT - 1,
    *,
    blank: int = 0,
    key: AnswerKey | None = None,
) -> list[str]:
    """Up to ``n`` wrong options for asking ``target`` of ``entry``, best first.

    Each is of the answer's kind and format, none is accepted by the answer key,
    none repeats another (or the answer) in a different spelling.
    """
    key = key or index.key(entry, target, blank)
    answer = answer_text(entry, target, key, blank)
    shape = _shape(key, _free_answer(entry, blank))
    candidates = _candidates(entry, index, target, rng, n, blank, key, shape)
    seen = {_canonical(key, answer)}
    out: list[str] = []
    for text in candidates:
        if len(out) >= n:
            break
        text = text.strip()
        canonical = _canonical(key, text)
        if not text or canonical in seen:
            continue
        if key.check(text).outcome is not Outcome.WRONG:
            continue
        seen.add(canonical)
        out.append(text)
    return out


def _candidates(
    entry: AnyEntry,
    index: AnswerKeyIndex,
    target: Target,
    rng: random.Random,
    n: int,
    blank: int,
    key: AnswerKey,
    shape: _Shape,
) -> Iterable[str]:
    """Candidate wrong options, most plausible first (filtered by the caller)."""
    if isinstance(entry, ChoiceEntry):
        yield from _shuffled(entry.distractors, rng)
    if target is Target.EVENT and isinstance(entry, DateEntry):
        others = [d for d in index.dates if not compatible(d.date, entry.date)]
        here = _day_number(entry.date)
        yield from (
            d.event
            for d in _nearest_first(others, lambda d: abs(_day_number(d.date) - here), rng, n)
        )
        return
    if target is Target.SPEAKER and isinstance(entry, QuoteEntry):
        person = index.person_of(entry)
        speakers = [p.name for p in index.people if p != person]
        named = [p.name for p in index.mentioned if len(p.name.split()) > 1]
        single = [p.name for p in index.mentioned if len(p.name.split()) == 1]
        for tier in (speakers, named, single):
            yield from _shuffled(tier, rng)
        return
    if target is Target.QUOTE and isinstance(entry, QuoteEntry):
        yield from _shuffled((q.quote for q in index.quotes if q is not entry), rng)
        return
    if shape.mode is Mode.DATE:
        yield from _date_candidates(index, rng, n, shape)
        return
    if shape.mode is Mode.NUMBER:
        yield from _number_candidates(entry, index, rng, n, key, shape)
        return
    answer = key.answer
    answer_person = index.person_named(answer)
    if answer_person is not None or _asks_for_a_person(entry, answer):
        # A person's name: the deck's other people are the tempting answers.
        people = [p.name for p in (*index.people, *index.mentioned) if p != answer_person]
        yield from _shuffled([p for p in people if len(p.split()) > 1], rng)
    closeness = _shape_distance(answer, index)
    same_kind = [t for kind, t in index.text_answers if kind == entry.kind]
    other_kind = [t for kind, t in index.text_answers if kind != entry.kind]
    for tier in (same_kind, other_kind):
        yield from _nearest_first(tier, closeness, rng, n)


_WHO = re.compile(
    r"^\s*who\b|\bwhich (?:\w+ ){0,2}(?:leader|president|prime minister|minister|person|"
    r"politician|speaker|official|chancellor|king|queen)s?\b",
    re.IGNORECASE,
)


def _asks_for_a_person(entry: AnyEntry, answer: str) -> bool:
    """A "who ...?" question with a name-like answer ("Donald Trump")."""
    prompt = entry.prompt if isinstance(entry, QaEntry | ChoiceEntry) else None
    words = answer.split()
    return (
        prompt is not None
        and _WHO.search(prompt) is not None
        and 1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
    )


def _date_candidates(
    index: AnswerKeyIndex, rng: random.Random, n: int, shape: _Shape
) -> Iterable[str]:
    """Deck dates at the answer's precision first, then cut-down finer ones, then near dates."""
    assert shape.date is not None
    answer_date = shape.date
    pool = [d.date for d in index.dates]
    for _, text in index.text_answers:
        mode, value, _unit = index.classify(text)
        if mode is Mode.DATE:
            pool.append(PartialDate.parse(value))
    here = _day_number(answer_date)
    for tier in _date_tiers(answer_date, pool):
        ordered = _nearest_first(tier, lambda d: abs(_day_number(d) - here), rng, n)
        yield from (shape.render(d) for d in ordered)


def _number_candidates(
    entry: AnyEntry,
    index: AnswerKeyIndex,
    rng: random.Random,
    n: int,
    key: AnswerKey,
    shape: _Shape,
) -> Iterable[str]:
    """Figures of the same survey, then of the same unit, then values nearby."""
    assert shape.number is not None
    value = shape.number
    unit = (shape.unit or "").strip()
    same_unit = [f for f in index.figures if f is not entry and (f.unit or "").strip() == unit]
    as_of = entry.as_of if isinstance(entry, FigureEntry) else None
    survey = [Decimal(str(f.value)) for f in same_unit if as_of and f.as_of == as_of]
    rest = [Decimal(str(f.value)) for f in same_unit if not (as_of and f.as_of == as_of)]
    for _, text in index.text_answers:
        mode, number, other_unit = index.classify(text)
        if mode is Mode.NUMBER and (other_unit or "").strip() == unit:
            rest.append(Decimal(number))
    near = _near_numbers(value, shape.decimals, shape.unit, key.tolerance, rng)
    for tier in (survey, rest, near):
        plausible = [v for v in tier if _plausible_number(value, v)]
        ordered = _nearest_first(plausible, lambda v: abs(v - value), rng, n)
        yield from (shape.render(v) for v in ordered)
