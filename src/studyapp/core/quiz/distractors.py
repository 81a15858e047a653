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
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from msgspec import Struct

from studyapp.core.decks.model import (
    CLOZE_BLANK,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answer_types import (
    ADMINISTRATION,
    AnswerType,
    DeckNames,
    SemanticType,
    deck_names,
    option_type,
    question_type,
)
from studyapp.core.quiz.answers.dates import DateStyle, compatible, parse_date, render_date
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import AnswerKey, Mode, Target
from studyapp.core.quiz.answers.names import name_key
from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.answers.numbers import decimals_of, parse_number, render_number
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.gazetteer import find_countries, find_nationalities
from studyapp.core.quiz.typed_options import nearest_first, people_for, shuffled, text_options

__all__ = [
    "DATE_STYLE",
    "MIN_WRONG",
    "NEAR_DAYS",
    "OPTION_COUNT",
    "answer_text",
    "distractors",
    "near_enough",
    "plausible_number",
]

OPTION_COUNT = 4
"""Options in a multiple-choice question: the answer and three distractors."""
MIN_WRONG = 2
"""Fewest wrong options a multiple-choice question is asked with (three options in all);
with fewer, :func:`distractors` gives none and the entry is asked another way (typed, or
true/false, which needs one)."""
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


NEAR_DAYS = {"year": 15 * 366, "month": 36 * 31, "day": 400}
"""How far from the answer a wrong date may be, by precision: a fair option is near."""


def near_enough(answer: PartialDate, other: PartialDate) -> bool:
    """Whether ``other`` is near enough ``answer`` to be a fair option for it."""
    return abs(_day_number(other) - _day_number(answer)) <= NEAR_DAYS[answer.precision]


def _date_tiers(answer: PartialDate, pool: Iterable[PartialDate]) -> list[list[PartialDate]]:
    """Deck dates at the answer's precision, then finer deck dates cut to it, then near dates."""
    level = _LEVEL[answer.precision]
    pool = list(pool)
    same = [d for d in pool if d.precision == answer.precision]
    cut = [_truncate(d, answer.precision) for d in pool if _LEVEL[d.precision] > level]
    tiers = [same, cut, _near_dates(answer)]
    return [[d for d in tier if near_enough(answer, d)] for tier in tiers]


def _near_numbers(
    value: Decimal, decimals: int, unit: str | None, tolerance: float | None, rng: random.Random
) -> list[Decimal]:
    """Values near ``value`` at its precision, inside the range its unit allows."""
    with localcontext() as ctx:  # a 30-digit answer must not overflow 28-digit Decimals
        ctx.prec = max(ctx.prec, abs(value.adjusted()) + decimals + 8)
        return _near_numbers_in_context(value, decimals, unit, tolerance, rng)


def _near_numbers_in_context(
    value: Decimal, decimals: int, unit: str | None, tolerance: float | None, rng: random.Random
) -> list[Decimal]:
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


def _next_steps(value: Decimal, decimals: int, unit: str) -> list[Decimal]:
    """The values a step or a few away, on the side the answer's sign allows: the last resort.

    The random near values land on the same few numbers for a small answer ("2nd" gets
    "5", "4", "5"), leaving a two-option question; 1, 3, 4 ... are as fair for "2".
    """
    step = Decimal(1).scaleb(-decimals)
    with localcontext() as ctx:  # as in _near_numbers: a 30-digit answer stays exact
        ctx.prec = max(ctx.prec, abs(value.adjusted()) + decimals + 8)
        out = [value + sign * step * k for k in range(1, 7) for sign in (1, -1)]
    percent = unit in ("%", "percent", "per cent")
    return [
        v
        for v in out
        if (value <= 0 or v > 0) and (value < 0 or v >= 0) and (not percent or v <= 100)
    ]


def plausible_number(value: Decimal, other: Decimal) -> bool:
    """Of a similar magnitude: 2 for an 80th anniversary, or 84.6% for 9.8%, tempts nobody."""
    if value == 0 or other == 0:
        return abs(other - value) <= 10
    ratio = abs(other / value)
    return Decimal(1) / 3 <= ratio <= 3 and (other > 0) == (value > 0)


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

    Each is of the answer's semantic type (:func:`question_type`) and format,
    none is accepted by the answer key, none repeats another (or the answer) in a
    different spelling. Fewer than ``n`` when the deck cannot supply more of that
    type: a short list beats an absurd option. But never fewer than
    :data:`MIN_WRONG` of several asked for: none then, and the entry is asked another
    way. An author's own distractors (choice entries) are trusted as written.
    """
    key = key or index.key(entry, target, blank)
    answer = answer_text(entry, target, key, blank)
    shape = _shape(key, _free_answer(entry, blank))
    names = deck_names(index)
    like = question_type(entry, target, key, names)
    authored = set(entry.distractors) if isinstance(entry, ChoiceEntry) else set()
    # Pad an author's list only when the author's options are of the answer's type.
    pad = all(option_type(d, like, names, index) == like for d in authored)
    around = _around_the_blank(entry, blank)
    prompt = _asked(entry, target)
    # "Which two developments ...?" answered "A, and B": one development as an option
    # shows the answer as the only pair. Only a list of the same length will do.
    shaped = _shaped_like_several(like, _things_asked(prompt, entry))
    candidates = _candidates(entry, index, target, rng, n, blank, key, shape, like, prompt)
    seen = {_canonical(key, answer)}
    out: list[str] = []
    for text in candidates:
        if len(out) >= n:
            break
        text = text.strip()
        canonical = _canonical(key, text)
        if not text or canonical in seen:
            continue
        if text not in authored:
            if not shaped:
                continue
            if like.kind is SemanticType.PHRASE:
                text = _case_like(text, answer)
            if not pad or option_type(text, like, names, index) != like:
                continue
            if around and f" {fold(text)} " in around:
                continue  # "when Japan and North Korea ..." never offers "North Korea" for Japan
            if _named_in(prompt, text, answer, like, names):
                continue  # "who did he call before Ishiba?" never offers Ishiba
        if key.check(text).outcome is not Outcome.WRONG:
            continue
        seen.add(canonical)
        out.append(text)
    return out if len(out) >= _fewest(n, authored) else []


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SEVERAL = re.compile(
    rf"\b(?:which|what|name|list|give)\s+(?:the\s+)?({'|'.join(_COUNTS)})(?![\w-])",
    re.IGNORECASE,
)
"""A question asking for several things in one answer: "which two developments ..."."""


def _things_asked(prompt: str, entry: AnyEntry) -> int:
    """How many things one answer must name: the members an author lists, or the question's
    count ("which two countries"); 1 when it asks for one thing. (Not the key's members: it
    reads "Flexible and organic coordination" as two, to check it leniently.)"""
    members = getattr(entry, "members", None) or ()
    if len(members) > 1:
        return len(members)
    match = _SEVERAL.search(prompt)
    return _COUNTS[match[1].casefold()] if match else 1


_ONE_VALUE = (SemanticType.DATE, SemanticType.NUMBER, SemanticType.EVENT, SemanticType.QUOTE)


def _shaped_like_several(like: AnswerType, things: int) -> bool:
    """Whether options of type ``like`` can have the shape of an answer naming ``things``.

    Only a list of countries is built item by item ("the United States and Japan" for
    "the United States and China"); any other option the deck supplies is one thing, and
    beside the only pair it gives the answer away.
    """
    if things < 2 or like.kind in _ONE_VALUE:
        return True
    return like.kind is SemanticType.COUNTRY_LIST and like.detail == str(things)


def _fewest(n: int, authored: set[str]) -> int:
    """The fewest wrong options worth giving when ``n`` are asked for.

    One wrong option makes a two-option question, a coin toss; and where a deck has just
    two answers of a shape ("That Trump might ...", "That it is a poor strategy ..."),
    each question would offer the other's answer as its only wrong one, so that one
    question answers the other. An author's own list is their question, however short.
    """
    if authored:
        return min(n, MIN_WRONG, len(authored))
    return min(n, MIN_WRONG)


def _around_the_blank(entry: AnyEntry, blank: int) -> str:
    """A cloze's other words, folded and padded with spaces (empty for other kinds)."""
    if not isinstance(entry, ClozeEntry):
        return ""
    count = -1

    def gap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return " \x00 " if count == blank else match.group(1)

    return f" {fold(CLOZE_BLANK.sub(gap, entry.text))} "


def _asked(entry: AnyEntry, target: Target) -> str:
    """The words of the question around the answer, to keep the names it uses out of options."""
    if isinstance(entry, QaEntry | ChoiceEntry):
        return entry.prompt
    if isinstance(entry, QuoteEntry) and target is Target.SPEAKER:
        return f"{entry.quote} {entry.context or ''}"
    return ""


_NAMED = (
    SemanticType.PERSON,
    SemanticType.ADMINISTRATION,
    SemanticType.ORGANISATION,
    SemanticType.REGION,
)


_POSSESSIVE = re.compile(r"['\u2019]s\b")


def _named_in(prompt: str, option: str, answer: str, like: AnswerType, names: DeckNames) -> bool:
    """Whether a name-typed option names someone or something the question itself names."""
    if not prompt:
        return False
    if like.kind in (SemanticType.COUNTRY, SemanticType.COUNTRY_LIST):
        # "before speaking to the Japanese leader" names Japan as "Japan" would.
        own = set(find_countries(answer))
        named = set(find_countries(prompt)) | set(find_nationalities(prompt))
        return bool((set(find_countries(option)) - own) & named)
    if like.kind not in _NAMED:
        return False
    haystack = f" {name_key(_POSSESSIVE.sub('', prompt))} "
    core = ADMINISTRATION.match(option)
    person = names.person(core["name"] if core else option)
    forms = [f for f, who in names.person_forms.items() if who == person] if person else []
    forms.append(name_key(re.sub(r"^the\s+", "", option, flags=re.IGNORECASE)))
    return any(len(f) > 3 and f" {f} " in haystack for f in forms)


def _case_like(text: str, answer: str) -> str:
    """A phrase starting with a capital when the answer does, in lower case when it does not."""
    if answer[:1].isupper() and text[:1].islower():
        return text[:1].upper() + text[1:]
    first = text.split(" ", 1)[0]
    if answer[:1].islower() and text[:1].isupper() and first.lower() in _COMMON_STARTS:
        return text[:1].lower() + text[1:]
    return text


_COMMON_STARTS = frozenset(
    ["a", "an", "the", "to", "that", "how", "why", "what", "both", "each", "one", "its", "their"]
)


def _candidates(
    entry: AnyEntry,
    index: AnswerKeyIndex,
    target: Target,
    rng: random.Random,
    n: int,
    blank: int,
    key: AnswerKey,
    shape: _Shape,
    like: AnswerType,
    prompt: str,
) -> Iterable[str]:
    """Candidate wrong options, most plausible first (filtered by the caller)."""
    if isinstance(entry, ChoiceEntry):
        yield from shuffled(entry.distractors, rng)
    if target is Target.EVENT and isinstance(entry, DateEntry):
        others = [d for d in index.dates if not compatible(d.date, entry.date)]
        here = _day_number(entry.date)
        # (never another date's event in nearly the answer's words: two entries drafted
        # from one sentence differ by "on Monday", and both read as the answer; judged
        # as the caller takes them, not for every date of the deck)
        yield from (
            d.event
            for d in nearest_first(others, lambda d: abs(_day_number(d.date) - here), rng, n)
            if not _same_event(d.event, entry.event)
        )
        return
    if target is Target.SPEAKER and isinstance(entry, QuoteEntry):
        person = index.person_of(entry)
        speakers = [p.name for p in index.people if p != person]
        named = [p.name for p in index.mentioned if len(p.name.split()) > 1]
        single = [p.name for p in index.mentioned if len(p.name.split()) == 1]
        names = deck_names(index)
        known = {name_key(f) for p in (*index.people, *index.mentioned) for f in p.forms}
        answered = _answered_people(names, known)
        # those the deck titles as the context asks first; then the people its "who ...?"
        # questions answer (Mendel for Dobzhansky when the deck quotes only Darwin too)
        for tier in (speakers, named, single, answered):
            yield from people_for(prompt, tier, names, rng)
        return
    if target is Target.QUOTE and isinstance(entry, QuoteEntry):
        # Another speaker's words: the speaker's own other quotes would be right too.
        speaker = name_key(entry.speaker)
        yield from shuffled((q.quote for q in index.quotes if name_key(q.speaker) != speaker), rng)
        return
    if shape.mode is Mode.DATE:
        yield from _date_candidates(index, rng, n, shape)
        return
    if shape.mode is Mode.NUMBER:
        yield from _number_candidates(entry, index, rng, n, key, shape)
        return
    yield from text_options(
        like,
        key.answer,
        entry.kind,
        deck_names(index),
        index,
        rng,
        n,
        prompt=prompt,
        in_sentence=isinstance(entry, ClozeEntry),
    )


def _answered_people(names: DeckNames, known: set[str]) -> list[str]:
    """The deck's people who are only answers ("Who founded ...?"): not among the speakers
    and mentioned people (``known``, their name keys), who come in tiers of their own."""
    return [p for p in names.people if not {name_key(p), name_key(names.person(p) or p)} & known]


def _same_event(a: str, b: str) -> bool:
    """Whether two events are told in nearly the same words (four in five of the shorter's
    words are the other's): as options, one would read as the other."""
    words_a = set(re.findall(r"[\w’'-]+", a.casefold()))
    words_b = set(re.findall(r"[\w’'-]+", b.casefold()))
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) >= 0.8 * shorter


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
        ordered = nearest_first(tier, lambda d: abs(_day_number(d) - here), rng, n)
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
    plural = unit.isalpha() and unit.endswith("s") and value != 1  # never "1 years"
    for tier in (survey, rest, near, _next_steps(value, shape.decimals, unit)):
        plausible = [v for v in tier if plausible_number(value, v) and not (plural and v == 1)]
        ordered = nearest_first(plausible, lambda v: abs(v - value), rng, n)
        yield from (shape.render(v) for v in ordered)
