"""Quiz questions with tempting wrong options, and the scoring of an attempt.

A quiz tests rather than teaches, so wrong options must be *plausible*: of the
same kind as the answer, from the same deck first (other dates, other figures of
the same survey, other speakers), then made up nearby (a month off, 2.1 points
off), always formatted like the answer so the format gives nothing away. And
they must be *wrong*: an option the answer checker would accept, or that
duplicates another option, is never shown.

Every random choice takes a seeded :class:`random.Random`, so the same seed
gives the same quiz. Results are pydantic models with ``to_dict``/``from_dict``
so they can be kept in the progress history and exported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

from msgspec import Struct
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from studyapp.core.decks.model import (
    CLOZE_BLANK,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers import (
    AnswerKey,
    DateStyle,
    DeckIndex,
    Mode,
    Outcome,
    Target,
    Verdict,
    compatible,
    decimals_of,
    fold,
    parse_date,
    parse_number,
    render_date,
    render_number,
)

__all__ = [
    "OPTION_COUNT",
    "Question",
    "QuestionFormat",
    "QuestionResult",
    "QuizResult",
    "Tally",
    "Variant",
    "check_question",
    "chronology_question",
    "distractors",
    "grade_answer",
    "make_question",
    "questions_for_deck",
    "score_quiz",
    "variants",
]

OPTION_COUNT = 4
"""Options in a multiple-choice question: the answer and three distractors."""
TRUE, FALSE = "True", "False"
DATE_STYLE: DateStyle = "day_first"
"""How quiz options write dates; the same as study cards ("17 June 2025")."""
CHRONOLOGY_SIZE = 4


class QuestionFormat(StrEnum):
    """How a question is answered."""

    TYPED = "typed"
    CHOICE = "choice"
    TRUE_FALSE = "true_false"
    ORDERING = "ordering"


FORMATS: tuple[QuestionFormat, ...] = tuple(QuestionFormat)


class Question(BaseModel):
    """One quiz question, self-contained: it can be shown and checked without the deck.

    ``options`` are the choices (multiple choice), ``("True", "False")``, or the
    events to order, shuffled. ``answer`` is the right response as shown
    (an option, "True"/"False", or the events in order); ``key`` checks the
    underlying fact, for typed answers and to explain a true/false question.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    deck_id: str
    entry_ids: tuple[str, ...]
    kind: str
    target: Target
    format: QuestionFormat
    prompt: str
    answer: str
    key: AnswerKey
    options: tuple[str, ...] = ()
    answer_index: int | None = None
    statement: str | None = None
    blank: int = 0
    tags: tuple[str, ...] = ()
    source: str | None = None
    explanation: str | None = None

    @property
    def entry_id(self) -> str:
        return self.entry_ids[0]

    @property
    def solution(self) -> str:
        """The right answer in words, for results and feedback."""
        if self.format is QuestionFormat.TRUE_FALSE and self.answer == FALSE:
            return f"False (the answer is {self.key.answer})"
        return self.answer

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        return cls.model_validate(data)


class Variant(Struct, frozen=True):
    """One way to ask an entry: what for, in which format (and which cloze blank)."""

    target: Target
    format: QuestionFormat
    blank: int = 0


_T, _C, _TF, _O = (
    QuestionFormat.TYPED,
    QuestionFormat.CHOICE,
    QuestionFormat.TRUE_FALSE,
    QuestionFormat.ORDERING,
)


def variants(entry: AnyEntry) -> list[Variant]:
    """Every (target, format) an entry can be asked in."""
    if isinstance(entry, DateEntry):
        return [*(Variant(Target.DATE, f) for f in (_T, _C, _TF)), Variant(Target.EVENT, _C)]
    if isinstance(entry, FigureEntry):
        return [Variant(Target.VALUE, f) for f in (_T, _C, _TF)]
    if isinstance(entry, QuoteEntry):
        return [*(Variant(Target.SPEAKER, f) for f in (_T, _C, _TF)), Variant(Target.QUOTE, _C)]
    if isinstance(entry, QaEntry | ChoiceEntry):
        return [Variant(Target.ANSWER, f) for f in (_T, _C, _TF)]
    if isinstance(entry, ClozeEntry):
        return [
            Variant(Target.BLANK, f, i) for i in range(len(entry.blanks)) for f in (_T, _C, _TF)
        ]
    return [Variant(Target.ORDER, _O)]


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


def _answer_text(entry: AnyEntry, target: Target, key: AnswerKey, blank: int) -> str:
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


def _shape_distance(answer: str, index: DeckIndex) -> Callable[[str], float]:
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
    index: DeckIndex,
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
    answer = _answer_text(entry, target, key, blank)
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
    index: DeckIndex,
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


def _date_candidates(index: DeckIndex, rng: random.Random, n: int, shape: _Shape) -> Iterable[str]:
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
    entry: AnyEntry, index: DeckIndex, rng: random.Random, n: int, key: AnswerKey, shape: _Shape
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


# -------------------------------------------------------------------- questions


def _cloze_text(entry: ClozeEntry, blank: int, fill: str | None) -> str:
    """The cloze with blank ``blank`` shown as a gap (or filled with ``fill``), others filled."""
    count = -1

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if count == blank:
            return "_____" if fill is None else fill
        return match.group(1).strip()

    return CLOZE_BLANK.sub(replace, entry.text)


_PRECISION_HINT = {
    "day": "give the day, month and year",
    "month": "give the month and year",
    "year": "give the year",
}


def _prompt(entry: AnyEntry, variant: Variant, key: AnswerKey) -> str:
    """The question as asked in typed and multiple-choice formats."""
    target = variant.target
    if isinstance(entry, DateEntry) and target is Target.DATE:
        prompt = entry.prompt or f"When did this happen? {entry.event}"
        if variant.format is QuestionFormat.TYPED:
            prompt += f" ({_PRECISION_HINT[entry.date.precision]})"
        return prompt
    if isinstance(entry, DateEntry) and target is Target.EVENT:
        on = "on" if entry.date.precision == "day" else "in"
        return f"What happened {on} {render_date(entry.date, DATE_STYLE)}?"
    if isinstance(entry, FigureEntry):
        prompt = entry.prompt or f"What is the figure? {entry.measure}"
        if variant.format is QuestionFormat.TYPED and entry.unit:
            prompt += f" [answer in {entry.unit.strip()}]"
        return prompt
    if isinstance(entry, QuoteEntry) and target is Target.SPEAKER:
        context = f" ({entry.context})" if entry.context else ""
        return f"Who said: “{entry.quote}”?{context}"
    if isinstance(entry, QuoteEntry):
        context = f" ({entry.context})" if entry.context else ""
        return f"What did {entry.speaker} say?{context}"
    if isinstance(entry, QaEntry | ChoiceEntry):
        return entry.prompt
    if isinstance(entry, ClozeEntry):
        return "Fill in the blank: " + _cloze_text(entry, variant.blank, None)
    assert isinstance(entry, OrderEntry)
    return entry.prompt or "Put these events in order, earliest first."


def _statement(entry: AnyEntry, variant: Variant, option: str) -> str:
    """A true/false statement asserting ``option`` as the answer, starting with a capital."""
    text = _raw_statement(entry, variant, option)
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _raw_statement(entry: AnyEntry, variant: Variant, option: str) -> str:
    if isinstance(entry, DateEntry):
        return f"{entry.event}: {option}."
    if isinstance(entry, FigureEntry):
        return f"{entry.measure}: {option}."
    if isinstance(entry, QuoteEntry):
        return f"{option} said: “{entry.quote}”"
    if isinstance(entry, ClozeEntry):
        return _cloze_text(entry, variant.blank, option)
    assert isinstance(entry, QaEntry | ChoiceEntry)
    return f"{entry.prompt} Answer: {option}"


def _question_id(deck_id: str, entry_id: str, variant: Variant) -> str:
    target = variant.target.value
    if variant.target is Target.BLANK:
        target += f"-{variant.blank + 1}"
    return f"{deck_id}/{entry_id}/{target}/{variant.format.value}"


def make_question(
    entry: AnyEntry,
    index: DeckIndex,
    variant: Variant,
    rng: random.Random,
) -> Question | None:
    """One question, or None when the entry cannot be asked that way (no distractors)."""
    key = index.key(entry, variant.target, variant.blank)
    common: dict[str, Any] = {
        "id": _question_id(index.deck.id, entry.id, variant),
        "deck_id": index.deck.id,
        "entry_ids": (entry.id,),
        "kind": entry.kind,
        "target": variant.target,
        "format": variant.format,
        "key": key,
        "blank": variant.blank,
        "tags": tuple(entry.tags),
        "source": entry.source,
        "explanation": entry.explanation,
    }
    fmt = variant.format
    if fmt is QuestionFormat.ORDERING:
        if not isinstance(entry, OrderEntry):
            return None
        return Question(
            prompt=_prompt(entry, variant, key),
            answer=" → ".join(entry.events),
            options=_scramble(entry.events, rng),
            **common,
        )
    answer = _answer_text(entry, variant.target, key, variant.blank)
    if fmt is QuestionFormat.TYPED:
        return Question(prompt=_prompt(entry, variant, key), answer=key.answer, **common)
    if fmt is QuestionFormat.CHOICE:
        wrong = distractors(entry, index, variant.target, rng, blank=variant.blank, key=key)
        if not wrong:
            return None
        options = [answer, *wrong]
        rng.shuffle(options)
        return Question(
            prompt=_prompt(entry, variant, key),
            answer=answer,
            options=tuple(options),
            answer_index=options.index(answer),
            **common,
        )
    truth = rng.random() < 0.5
    shown = answer
    if not truth:
        wrong = distractors(entry, index, variant.target, rng, 1, blank=variant.blank, key=key)
        if wrong:
            shown = wrong[0]
        else:
            truth = True
    statement = _statement(entry, variant, shown)
    return Question(
        prompt=f"True or false? {statement}",
        statement=statement,
        answer=TRUE if truth else FALSE,
        options=(TRUE, FALSE),
        answer_index=0 if truth else 1,
        **common,
    )


def _scramble(events: Sequence[str], rng: random.Random) -> tuple[str, ...]:
    """The events shuffled, never (for two or more) in the right order already."""
    items = list(events)
    for _ in range(8):
        rng.shuffle(items)
        if items != list(events):
            return tuple(items)
    return tuple(items[1:] + items[:1])


def chronology_question(
    index: DeckIndex,
    rng: random.Random,
    entries: Sequence[DateEntry] | None = None,
    size: int = CHRONOLOGY_SIZE,
) -> Question | None:
    """Put ``size`` of the deck's dated events in order (None if fewer than 3 can be).

    Only events whose order is certain are combined: "June 2025" and
    "17 June 2025" could be either way round, so never both.
    """
    pool = list(entries if entries is not None else index.dates)
    rng.shuffle(pool)
    chosen: list[DateEntry] = []
    for entry in pool:
        if all(not compatible(entry.date, c.date) for c in chosen):
            chosen.append(entry)
            if len(chosen) == size:
                break
    if len(chosen) < 3:
        return None
    chosen.sort(key=lambda e: (e.date.year, e.date.month or 0, e.date.day or 0))
    events = [e.event for e in chosen]
    if len({fold(e) for e in events}) != len(events):
        return None
    ids = tuple(e.id for e in chosen)
    digest = hashlib.sha1("+".join(sorted(ids)).encode()).hexdigest()[:10]
    shared = set(chosen[0].tags).intersection(*(e.tags for e in chosen[1:]))
    key = AnswerKey(mode=Mode.ORDER, answer=" → ".join(events), value="", accept=tuple(events))
    return Question(
        id=f"{index.deck.id}/chronology-{digest}/order/ordering",
        deck_id=index.deck.id,
        entry_ids=ids,
        kind="date",
        target=Target.ORDER,
        format=QuestionFormat.ORDERING,
        prompt="Put these events in order, earliest first.",
        answer=key.answer,
        key=key,
        options=_scramble(events, rng),
        tags=tuple(t for t in chosen[0].tags if t in shared),
        explanation="; ".join(f"{render_date(e.date, DATE_STYLE)}: {e.event}" for e in chosen),
    )


# --------------------------------------------------------------------- checking

_TRUE_WORDS = {"true", "t", "yes", "y", "vrai", "1"}
_FALSE_WORDS = {"false", "f", "no", "n", "faux", "2"}


def _as_text(given: object) -> str:
    if isinstance(given, str):
        return given
    if isinstance(given, Sequence):
        return " → ".join(str(g) for g in given)
    return str(given)


def _option_index(question: Question, given: object) -> int | None:
    """Which option ``given`` names: an index, a letter (a-d), a number (1-4) or its text."""
    options = question.options
    if isinstance(given, bool):
        return None
    if isinstance(given, int):
        return given if 0 <= given < len(options) else None
    if not isinstance(given, str):
        return None
    text = given.strip()
    wanted = fold(text)
    for i, option in enumerate(options):
        if fold(option) == wanted:
            return i  # the option's own text wins: "1" is the option "1", not the first one
    if len(text) == 1 and text.isalpha():
        i = ord(text.lower()) - ord("a")
        return i if 0 <= i < len(options) else None
    if text.isdigit():
        i = int(text) - 1
        return i if 0 <= i < len(options) else None
    return None


def check_question(question: Question, given: object) -> Verdict:
    """Judge a response: text for typed; index, letter or text for choice; bool or text for
    true/false; a list of events (or of option indices) for ordering.
    """
    fmt = question.format
    if given is None or (isinstance(given, str) and not given.strip()):
        return Verdict(
            outcome=Outcome.WRONG,
            reason="not answered",
            expected=question.solution,
            given="",
            grade=1,
        )
    if fmt is QuestionFormat.TYPED:
        return question.key.check(given if isinstance(given, str) else _as_text(given))
    if fmt is QuestionFormat.ORDERING:
        items: list[str] = []
        if isinstance(given, str):
            items = [line for line in given.splitlines() if line.strip()]
        elif isinstance(given, Sequence):
            for item in given:
                if isinstance(item, int) and not isinstance(item, bool):
                    if not 0 <= item < len(question.options):
                        break
                    items.append(question.options[item])
                else:
                    items.append(str(item))
        return question.key.check(items)
    if fmt is QuestionFormat.TRUE_FALSE:
        if isinstance(given, bool):
            choice: bool | None = given
        else:
            word = fold(_as_text(given))
            choice = True if word in _TRUE_WORDS else False if word in _FALSE_WORDS else None
        shown = _as_text(given)
        if choice is None:
            return Verdict(
                outcome=Outcome.WRONG,
                reason="answer true or false",
                expected=question.solution,
                given=shown,
                grade=1,
            )
        right = (question.answer == TRUE) == choice
        reason = "correct" if right else f"it is {question.answer.lower()}"
        if question.answer == FALSE:
            reason += f": the answer is {question.key.answer}"
        return Verdict(
            outcome=Outcome.CORRECT if right else Outcome.WRONG,
            reason=reason,
            expected=question.solution,
            given=TRUE if choice else FALSE,
            grade=3 if right else 1,
        )
    picked = _option_index(question, given)
    if picked is None:
        # Typed instead of picked: judge the text against the fact itself.
        return question.key.check(_as_text(given))
    right = picked == question.answer_index
    return Verdict(
        outcome=Outcome.CORRECT if right else Outcome.WRONG,
        reason="correct" if right else f"the answer is {question.answer}",
        expected=question.answer,
        given=question.options[picked],
        grade=3 if right else 1,
    )


# ---------------------------------------------------------------------- scoring


class QuestionResult(BaseModel):
    """How one question went, with what is needed to review it later."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question_id: str
    deck_id: str
    entry_ids: tuple[str, ...]
    kind: str
    format: QuestionFormat
    tags: tuple[str, ...] = ()
    prompt: str
    answer: str
    given: str | None = None
    outcome: Outcome
    reason: str
    credit: float = Field(ge=0, le=1)
    seconds: float = Field(default=0.0, ge=0)
    source: str | None = None
    explanation: str | None = None


def grade_answer(
    question: Question, given: object, seconds: float = 0.0, *, close_credit: float = 0.5
) -> QuestionResult:
    """Judge one response and record it (``given=None``: not answered)."""
    verdict = check_question(question, given)
    credit = {Outcome.CORRECT: 1.0, Outcome.CLOSE: close_credit, Outcome.WRONG: 0.0}
    return QuestionResult(
        question_id=question.id,
        deck_id=question.deck_id,
        entry_ids=question.entry_ids,
        kind=question.kind,
        format=question.format,
        tags=question.tags,
        prompt=question.prompt,
        answer=question.solution,
        given=None if given is None else verdict.given,
        outcome=verdict.outcome,
        reason=verdict.reason,
        credit=credit[verdict.outcome],
        seconds=max(0.0, seconds),
        source=question.source,
        explanation=question.explanation,
    )


class Tally(BaseModel):
    """Counts for one slice of an attempt (a kind, a tag, a format)."""

    model_config = ConfigDict(extra="forbid")

    questions: int = 0
    correct: int = 0
    close: int = 0
    wrong: int = 0
    points: float = 0.0

    @property
    def score(self) -> float:
        """Percent of the points available in this slice."""
        return 100.0 * self.points / self.questions if self.questions else 0.0

    def add(self, result: QuestionResult) -> None:
        self.questions += 1
        self.points += result.credit
        if result.outcome is Outcome.CORRECT:
            self.correct += 1
        elif result.outcome is Outcome.CLOSE:
            self.close += 1
        else:
            self.wrong += 1


class QuizResult(BaseModel):
    """A finished attempt: score, pass/fail, breakdowns and every question's result."""

    model_config = ConfigDict(extra="forbid")

    title: str
    exam_id: str | None = None
    taken_at: dt.datetime | None = None
    pass_mark: float
    score: float
    points: float
    max_points: int
    passed: bool
    seconds: float
    results: tuple[QuestionResult, ...]
    by_kind: dict[str, Tally]
    by_tag: dict[str, Tally]
    by_format: dict[str, Tally]

    @property
    def missed(self) -> list[QuestionResult]:
        """Questions not fully right, with the right answer and source."""
        return [r for r in self.results if r.outcome is not Outcome.CORRECT]

    def missed_entries(self) -> list[tuple[str, str]]:
        """(deck id, entry id) of missed items, for pushing into the next study session."""
        out: list[tuple[str, str]] = []
        for result in self.missed:
            for entry_id in result.entry_ids:
                if (result.deck_id, entry_id) not in out:
                    out.append((result.deck_id, entry_id))
        return out

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuizResult:
        return cls.model_validate(data)


def score_quiz(
    questions: Sequence[Question],
    results: Mapping[str, QuestionResult] | Sequence[QuestionResult],
    *,
    title: str,
    pass_mark: float,
    exam_id: str | None = None,
    taken_at: dt.datetime | None = None,
    close_credit: float = 0.5,
) -> QuizResult:
    """Score an attempt; questions without a result count as not answered.

    ``pass_mark`` and the score are percentages (0-100).
    """
    by_id = results if isinstance(results, Mapping) else {r.question_id: r for r in results}
    ordered = [
        by_id.get(q.id) or grade_answer(q, None, close_credit=close_credit) for q in questions
    ]
    by_kind: dict[str, Tally] = {}
    by_tag: dict[str, Tally] = {}
    by_format: dict[str, Tally] = {}
    for result in ordered:
        by_kind.setdefault(result.kind, Tally()).add(result)
        by_format.setdefault(result.format.value, Tally()).add(result)
        for tag in result.tags:
            by_tag.setdefault(tag, Tally()).add(result)
    points = sum(r.credit for r in ordered)
    score = 100.0 * points / len(ordered) if ordered else 0.0
    return QuizResult(
        title=title,
        exam_id=exam_id,
        taken_at=taken_at,
        pass_mark=pass_mark,
        score=round(score, 2),
        points=points,
        max_points=len(ordered),
        passed=bool(ordered) and score + 1e-9 >= pass_mark,
        seconds=sum(r.seconds for r in ordered),
        results=tuple(ordered),
        by_kind=by_kind,
        by_tag=by_tag,
        by_format=by_format,
    )


def questions_for_deck(
    deck: Deck, rng: random.Random, formats: Sequence[QuestionFormat] = FORMATS
) -> list[Question]:
    """Every question the deck allows in ``formats``, one per entry variant (for browsing)."""
    index = DeckIndex(deck)
    out: list[Question] = []
    for entry in deck.entries:
        for variant in variants(entry):
            if variant.format in formats:
                question = make_question(entry, index, variant, rng)
                if question is not None:
                    out.append(question)
    return out
