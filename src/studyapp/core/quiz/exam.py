"""Exam specs: an instructor's recipe for a quiz, and building the quiz from it.

An exam file (``*.exam.yaml``) says what to draw from (decks, tags, kinds), how
many questions in which formats, the time limit, the pass mark and when to give
feedback. With a ``seed``, every learner who takes it gets the same questions
and options in the same order, which is what a class needs. The spec is
validated as strictly as a deck (pydantic v2, strict, no unknown fields) and
loaded through the same hardened YAML loader.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Literal

from msgspec import Struct
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from studyapp.core.base.problems import UserFileError
from studyapp.core.decks.model import AnyEntry, DateEntry, Deck, Identifier, Tag, Text
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import Target
from studyapp.core.quiz.exam_leaks import Giveaways
from studyapp.core.quiz.questions import (
    CHRONOLOGY_SIZE,
    FORMATS,
    Question,
    QuestionFormat,
    Variant,
    chronology_question,
    make_question,
    variants,
)

__all__ = [
    "BuiltExam",
    "ExamError",
    "ExamLoadError",
    "ExamSpec",
    "FormatMix",
    "apportion",
    "assemble_exam",
    "build_exam",
    "exam_capacity",
    "exam_entries",
    "load_exam",
    "parse_exam",
]

EntryKind = Literal["date", "figure", "quote", "qa", "cloze", "choice", "order"]


class _Model(BaseModel):
    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, use_attribute_docstrings=True
    )


class FormatMix(_Model):
    """Relative weights of the question formats (``choice: 2, typed: 1`` = two thirds choice)."""

    typed: int = Field(default=0, ge=0, le=1000)
    """Type the answer; checked leniently (typos, formats) but never accepting a rival."""
    choice: int = Field(default=0, ge=0, le=1000)
    """Multiple choice, four options."""
    true_false: int = Field(default=0, ge=0, le=1000)
    """A statement that is true, or false because a distractor was swapped in."""
    ordering: int = Field(default=0, ge=0, le=1000)
    """Put events in order (order entries, and chronologies built from dated events)."""

    @model_validator(mode="after")
    def _some(self) -> FormatMix:
        if not any(self.weights().values()):
            raise ValueError("give at least one format a weight above 0")
        return self

    def weights(self) -> dict[QuestionFormat, int]:
        return {
            QuestionFormat.TYPED: self.typed,
            QuestionFormat.CHOICE: self.choice,
            QuestionFormat.TRUE_FALSE: self.true_false,
            QuestionFormat.ORDERING: self.ordering,
        }


def _iso_date(value: object) -> object:
    """A ``YYYY-MM-DD`` text as a date (YAML gives text; pydantic's strict mode wants a date)."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD") from None
    return value


class ExamSpec(_Model):
    """One exam: what to draw from, how many questions in which formats, how it is marked."""

    id: Identifier
    """Stable id: results in the learner's history are filed under it."""
    title: Text
    description: Text | None = None
    decks: list[Identifier] = Field(default_factory=list)
    """Deck ids to draw from; empty means every deck loaded."""
    tags: list[Tag] = Field(default_factory=list)
    """Only entries with at least one of these tags (empty: any entry)."""
    exclude_tags: list[Tag] = Field(default_factory=list)
    """Never entries with any of these tags."""
    kinds: list[EntryKind] = Field(default_factory=list)
    """Only these entry kinds (empty: all kinds)."""
    questions: int = Field(default=20, ge=1, le=500)
    """How many questions; never more than the decks hold without asking an entry twice
    (``studyapp validate`` refuses a spec that asks for more)."""
    formats: FormatMix = Field(default_factory=lambda: FormatMix(typed=1, choice=2, true_false=1))
    """The format mix, as relative weights."""
    time_limit_minutes: int | None = Field(default=None, ge=1, le=600)
    """Time allowed for the whole exam; none means untimed."""
    pass_mark: float = Field(default=70.0, ge=0, le=100)
    """Percentage needed to pass."""
    feedback: Literal["immediate", "end"] = "end"
    """Show whether each answer was right as it is given, or only at the end."""
    seed: int | None = None
    """Same seed, same exam for everyone; without one each attempt differs."""
    close_credit: float = Field(default=0.5, ge=0, le=1)
    """Credit for a *close* answer (a typo, a date missing its day)."""
    shuffle: bool = True
    """Mix the formats; otherwise questions come grouped by format."""
    date: Annotated[dt.date, BeforeValidator(_iso_date)] | None = None
    """The day of the exam (YYYY-MM-DD), for readiness and a study plan; a learner may set
    their own (``studyapp plan --date``)."""

    @property
    def time_limit_seconds(self) -> int | None:
        return None if self.time_limit_minutes is None else self.time_limit_minutes * 60

    @model_validator(mode="after")
    def _distinct(self) -> ExamSpec:
        for name in ("decks", "tags", "exclude_tags", "kinds"):
            values: list[str] = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"{name} lists a value twice")
        clash = set(self.tags) & set(self.exclude_tags)
        if clash:
            raise ValueError(f"tags and exclude_tags both list {sorted(clash)}")
        return self


class ExamError(ValueError):
    """The exam cannot be built from the decks given (a named deck is missing, nothing matches)."""


class ExamLoadError(UserFileError):
    """An exam file could not be loaded."""


def load_exam(path: Path | str) -> ExamSpec:
    """Load an ``*.exam.yaml`` file; raises :class:`ExamLoadError` listing every problem."""
    from studyapp.core.decks.loader import load_model

    return load_model(path, ExamSpec, error=ExamLoadError)


def parse_exam(text: str, display: str = "<exam>") -> ExamSpec:
    """Validate exam YAML text (for tests and for exams embedded elsewhere)."""
    from studyapp.core.decks.loader import parse_model

    return parse_model(text, ExamSpec, display, error=ExamLoadError)


# ------------------------------------------------------------------- building


def apportion(total: int, weights: Mapping[QuestionFormat, int]) -> dict[QuestionFormat, int]:
    """Split ``total`` questions by weight (largest remainder; ties in format order)."""
    live = {f: w for f, w in weights.items() if w > 0}
    if not live or total <= 0:
        return {f: 0 for f in weights}
    whole = sum(live.values())
    counts = {f: total * w // whole for f, w in live.items()}
    order = sorted(live, key=lambda f: (-(total * live[f] % whole), FORMATS.index(f)))
    for f in order[: total - sum(counts.values())]:
        counts[f] += 1
    return {f: counts.get(f, 0) for f in weights}


class _Candidate(Struct, frozen=True):
    """A question the exam could ask: an entry variant, or a chronology of a deck's dates."""

    index: AnswerKeyIndex
    entry: AnyEntry | None
    variant: Variant
    dates: tuple[DateEntry, ...] = ()

    @property
    def entries(self) -> list[tuple[str, str]]:
        deck = self.index.deck.id
        if self.entry is not None:
            return [(deck, self.entry.id)]
        return [(deck, d.id) for d in self.dates]


def _eligible(spec: ExamSpec, entry: AnyEntry) -> bool:
    if spec.kinds and entry.kind not in spec.kinds:
        return False
    if spec.tags and not set(entry.tags) & set(spec.tags):
        return False
    return not set(entry.tags) & set(spec.exclude_tags)


def exam_entries(spec: ExamSpec, decks: Iterable[Deck]) -> list[tuple[Deck, AnyEntry]]:
    """Every entry ``spec`` can draw from, with its deck (what readiness is measured on)."""
    return [
        (deck, entry)
        for deck in _select_decks(spec, decks)
        for entry in deck.entries
        if _eligible(spec, entry)
    ]


def _select_decks(spec: ExamSpec, decks: Iterable[Deck]) -> list[Deck]:
    by_id: dict[str, Deck] = {}
    for deck in decks:
        if deck.id in by_id:
            raise ExamError(f"two decks have the id {deck.id!r}")
        by_id[deck.id] = deck
    if not spec.decks:
        return [by_id[i] for i in sorted(by_id)]
    missing = [d for d in spec.decks if d not in by_id]
    if missing:
        raise ExamError(
            f"exam {spec.id!r} draws from deck(s) not loaded: {', '.join(missing)}"
            + (f" (loaded: {', '.join(sorted(by_id))})" if by_id else "")
        )
    return [by_id[i] for i in sorted(spec.decks)]


def _candidates(
    spec: ExamSpec, indexes: Sequence[AnswerKeyIndex]
) -> dict[QuestionFormat, list[_Candidate]]:
    pools: dict[QuestionFormat, list[_Candidate]] = {f: [] for f in FORMATS}
    for index in indexes:
        for fmt, candidates in _deck_candidates(spec, index).items():
            pools[fmt] += candidates
    return pools


def _deck_candidates(
    spec: ExamSpec, index: AnswerKeyIndex
) -> dict[QuestionFormat, tuple[_Candidate, ...]]:
    """One deck's candidates for the spec's filters, memoised on the index."""
    memo = ("exam-candidates", *_filters(spec))
    found: dict[QuestionFormat, tuple[_Candidate, ...]] | None = index.memo.get(memo)
    if found is not None:
        return found
    pools: dict[QuestionFormat, list[_Candidate]] = {f: [] for f in FORMATS}
    for entry in index.deck.entries:
        if _eligible(spec, entry):
            for variant in variants(entry):
                pools[variant.format].append(_Candidate(index, entry, variant))
    dates = tuple(e for e in index.dates if _eligible(spec, e))
    if len(dates) >= 3:
        chronology = _Candidate(index, None, Variant(Target.ORDER, _ORDERING), dates)
        pools[_ORDERING] += [chronology] * max(1, len(dates) // CHRONOLOGY_SIZE)
    found = {f: tuple(c) for f, c in pools.items()}
    index.memo[memo] = found
    return found


_ORDERING = QuestionFormat.ORDERING


def _ask(candidate: _Candidate, rng: random.Random, used: set[tuple[str, str]]) -> Question | None:
    """The candidate's question; a chronology only of dates no other question has used."""
    if candidate.entry is not None:
        return make_question(candidate.entry, candidate.index, candidate.variant, rng)
    fresh = [d for d in candidate.dates if (candidate.index.deck.id, d.id) not in used]
    if len(fresh) < 3:
        return None
    return chronology_question(candidate.index, rng, fresh)


def _askable(index: AnswerKeyIndex, entry: AnyEntry, fmt: QuestionFormat) -> bool:
    """Whether ``entry`` can be asked in ``fmt`` at all (choice and true/false need a wrong
    option of the answer's type). Memoised on the index: the answer does not depend on luck."""
    memo = ("askable", entry.id, fmt)
    found = index.memo.get(memo)
    if found is None:
        found = index.memo[memo] = any(
            make_question(entry, index, v, random.Random(0)) is not None
            for v in variants(entry)
            if v.format is fmt
        )
    return bool(found)


def _singles(
    spec: ExamSpec, index: AnswerKeyIndex, formats: frozenset[QuestionFormat]
) -> frozenset[str]:
    """Ids of the deck's entries the spec can ask on their own in one of ``formats``."""
    memo = ("exam-singles", *_filters(spec), tuple(sorted(formats)))
    found = index.memo.get(memo)
    if not isinstance(found, frozenset):
        found = index.memo[memo] = frozenset(
            e.id
            for e in index.deck.entries
            if _eligible(spec, e) and any(_askable(index, e, f) for f in formats)
        )
    return found


def _filters(spec: ExamSpec) -> tuple[tuple[str, ...], ...]:
    return (tuple(spec.kinds), tuple(spec.tags), tuple(spec.exclude_tags))


def _deck_capacity(
    spec: ExamSpec, index: AnswerKeyIndex, formats: frozenset[QuestionFormat]
) -> int:
    """How many questions one deck can give the spec without asking any entry twice."""
    single = _singles(spec, index, formats)
    count = len(single)
    if _ORDERING in formats:  # dates only a chronology can ask: about one question per four
        rng = random.Random(0)
        pool = [d for d in index.dates if _eligible(spec, d) and d.id not in single]
        while len(pool) >= 3:
            question = chronology_question(index, rng, pool)
            if question is None:
                break
            count += 1
            pool = [d for d in pool if d.id not in question.entry_ids]
    return count


def exam_capacity(
    spec: ExamSpec,
    decks: Sequence[Deck],
    *,
    indexes: Mapping[str, AnswerKeyIndex] | None = None,
) -> int:
    """The most questions ``spec`` can have from ``decks`` without asking any entry twice.

    An entry counts once however many ways it could be asked (its date, its event, each
    cloze blank): asking it again would give the first answer away. A chronology of
    dates counts for each of its events.
    """
    formats = frozenset(f for f, w in spec.formats.weights().items() if w > 0)
    return sum(
        _deck_capacity(spec, index, formats)
        for index in _indexes(_select_decks(spec, decks), indexes)
    )


def _indexes(
    decks: Sequence[Deck], indexes: Mapping[str, AnswerKeyIndex] | None
) -> list[AnswerKeyIndex]:
    return [
        indexes[d.id] if indexes is not None and d.id in indexes else AnswerKeyIndex(d)
        for d in decks
    ]


class BuiltExam(Struct, frozen=True):
    """One sitting's questions, and what the spec asked for.

    ``note`` says, in words a screen can show, when the decks held fewer distinct
    questions than the spec asked for: the exam is shorter, never repetitive.
    """

    questions: tuple[Question, ...]
    requested: int
    capacity: int
    withheld: int = 0
    """Questions made and left out because they would have given an answer away (or had
    theirs given away); the entry may still have been asked in another way."""

    @property
    def note(self) -> str | None:
        given = len(self.questions)
        if given >= self.requested:
            return None
        if given < self.capacity:
            return (
                f"This exam asks for {self.requested} questions; it has {given}, because "
                "the others its decks hold would have shown one another's answers."
            )
        return (
            f"This exam asks for {self.requested} questions, but its decks hold only "
            f"{self.capacity} without repeating one, so it has {given}."
        )


def build_exam(
    spec: ExamSpec,
    decks: Sequence[Deck],
    rng: random.Random | None = None,
    *,
    indexes: Mapping[str, AnswerKeyIndex] | None = None,
) -> list[Question]:
    """The questions of one sitting of ``spec`` (:func:`assemble_exam` without the note)."""
    return list(assemble_exam(spec, decks, rng, indexes=indexes).questions)


def assemble_exam(
    spec: ExamSpec,
    decks: Sequence[Deck],
    rng: random.Random | None = None,
    *,
    indexes: Mapping[str, AnswerKeyIndex] | None = None,
) -> BuiltExam:
    """The questions of one sitting of ``spec``, and a note when there are fewer than asked.

    The spec's ``seed`` wins when it has one (same exam for the whole class);
    otherwise ``rng`` is used and must be given. No entry is ever asked twice, and
    no question's prompt or options (nor, with feedback after each answer, its answer
    line, explanation and source) show another's answer (:mod:`exam_leaks`), so
    one question never gives another away: a spec that asks for more than the
    decks hold gets what they hold (:func:`exam_capacity`), and says so.
    Pass ``indexes`` (deck id -> AnswerKeyIndex) to reuse them across many exams.
    """
    if spec.seed is not None:
        rng = random.Random(spec.seed)
    elif rng is None:
        raise ExamError(f"exam {spec.id!r} has no seed: pass a seeded random.Random")
    built = _indexes(_select_decks(spec, decks), indexes)
    pools = _candidates(spec, built)
    weights = {f: w for f, w in spec.formats.weights().items() if w > 0 and pools[f]}
    if not any(weights.values()):
        raise ExamError(f"exam {spec.id!r}: no entries match its decks, tags, kinds and formats")
    formats = frozenset(f for f, w in spec.formats.weights().items() if w > 0)
    capacity = sum(_deck_capacity(spec, index, formats) for index in built)
    total = min(spec.questions, capacity)
    counts = apportion(total, weights)
    for pool in pools.values():
        rng.shuffle(pool)
    used: set[tuple[str, str]] = set()
    giveaways = Giveaways(feedback=spec.feedback == "immediate")
    picked: dict[QuestionFormat, list[Question]] = {f: [] for f in FORMATS}
    # A chronology asks several entries in one question; it may only spend the entries the
    # exam can spare, or the exam would come out shorter than the decks allow.
    spare = capacity - total

    def fill(fmt: QuestionFormat, want: int) -> None:
        nonlocal spare
        for candidate in pools[fmt]:
            if len(picked[fmt]) >= want:
                return
            if any(e in used for e in candidate.entries if candidate.entry is not None):
                continue
            question = _ask(candidate, rng, used)
            if question is None:
                continue
            cost = 0
            if candidate.entry is None:
                single = _singles(spec, candidate.index, formats)
                cost = max(0, sum(e in single for e in question.entry_ids) - 1)
            if cost > spare or not giveaways.take(question, candidate.index):
                continue
            spare -= cost
            used.update((question.deck_id, e) for e in question.entry_ids)
            picked[fmt].append(question)

    for fmt in sorted(weights, key=lambda f: (len(pools[f]), FORMATS.index(f))):
        fill(fmt, counts[fmt])
    short = total - sum(len(q) for q in picked.values())
    if short > 0:  # a format ran dry: let the others make up the number
        for fmt in sorted(weights, key=lambda f: (-weights[f], FORMATS.index(f))):
            fill(fmt, len(picked[fmt]) + short)
            short = total - sum(len(q) for q in picked.values())
            if short <= 0:
                break
    questions = [q for f in FORMATS for q in picked[f]]
    if spec.shuffle:
        rng.shuffle(questions)
    return BuiltExam(tuple(questions), spec.questions, capacity, giveaways.refused)
