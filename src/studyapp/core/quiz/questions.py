"""Quiz questions: the formats an entry can be asked in, and building each question.

A :class:`Question` is self-contained: it can be shown and checked without the
deck. Typed, multiple-choice, true/false and ordering questions are built here;
their wrong options come from :mod:`studyapp.core.quiz.distractors`, and
responses are judged and scored in :mod:`studyapp.core.quiz.scoring`.

Every random choice takes a seeded :class:`random.Random`, so the same seed
gives the same quiz. Questions are pydantic models with ``to_dict``/``from_dict``.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from msgspec import Struct
from pydantic import BaseModel, ConfigDict

from studyapp.core.decks.cards import CLOZE_GAP
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.decks.shuffle import out_of_order
from studyapp.core.quiz.answers.dates import compatible, render_date
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import AnswerKey, Mode, Target
from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.distractors import DATE_STYLE, answer_text, distractors
from studyapp.core.quiz.judging import too_long_to_type

__all__ = [
    "CHRONOLOGY_SIZE",
    "FALSE",
    "FORMATS",
    "TRUE",
    "Question",
    "QuestionFormat",
    "Variant",
    "chronology_question",
    "make_question",
    "questions_for_deck",
    "variants",
]

TRUE, FALSE = "True", "False"
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
    shown: str | None = None
    """The option a true/false statement asserts: the answer, or a wrong option of its type."""
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
            return f"False: it is {self.key.answer}"  # ("Answer: False: it is Seoul")
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


def _typed_fairly(entry: QaEntry | ChoiceEntry) -> bool:
    """Whether the answer can be typed and checked: not a self-graded entry, nor one too
    long to type word for word (the study screen's rule, :mod:`studyapp.core.quiz.judging`)."""
    check = getattr(entry, "check", None)
    if check is not None:
        return bool(check != "self")
    members = getattr(entry, "members", None)
    if members:
        return not any(too_long_to_type(m) for m in members)
    return not too_long_to_type(entry.answer)


def variants(entry: AnyEntry) -> list[Variant]:
    """Every (target, format) an entry can be asked in."""
    if isinstance(entry, DateEntry):
        return [*(Variant(Target.DATE, f) for f in (_T, _C, _TF)), Variant(Target.EVENT, _C)]
    if isinstance(entry, FigureEntry):
        return [Variant(Target.VALUE, f) for f in (_T, _C, _TF)]
    if isinstance(entry, QuoteEntry):
        return [*(Variant(Target.SPEAKER, f) for f in (_T, _C, _TF)), Variant(Target.QUOTE, _C)]
    if isinstance(entry, QaEntry | ChoiceEntry):
        formats = (_T, _C, _TF) if _typed_fairly(entry) else (_C, _TF)
        return [Variant(Target.ANSWER, f) for f in formats]
    if isinstance(entry, ClozeEntry):
        return [
            Variant(Target.BLANK, f, i) for i in range(len(entry.blanks)) for f in (_T, _C, _TF)
        ]
    return [Variant(Target.ORDER, _O)]


# -------------------------------------------------------------------- questions


def _cloze_text(entry: ClozeEntry, blank: int, fill: str | None) -> str:
    """The cloze with blank ``blank`` shown as a gap (or filled with ``fill``), others filled.
    The gap is the study card's (:data:`CLOZE_GAP`): one form wherever a blank is shown."""
    count = -1

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if count == blank:
            return CLOZE_GAP if fill is None else fill
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


def _statement(entry: AnyEntry, variant: Variant, option: str, *, shared: bool = False) -> str:
    """A true/false statement asserting ``option`` as the answer, starting with a capital.

    ``shared``: another entry of the deck has the same event or measure ("Which minute",
    five goals of one match), so "Which minute: 62." could be true of another entry and
    cannot be judged: the entry's own prompt says which one is meant.
    """
    text = _raw_statement(entry, variant, option, shared=shared)
    return text[:1].upper() + text[1:] if text[:1].islower() else text


_PROMPT_BLANK = re.compile(r"_{3,}")
"""The gap an author's (or a draft's) prompt leaves for the answer: "Just ____ minutes"."""


def _raw_statement(entry: AnyEntry, variant: Variant, option: str, *, shared: bool) -> str:
    if isinstance(entry, DateEntry | FigureEntry) and shared and entry.prompt:
        if len(_PROMPT_BLANK.findall(entry.prompt)) == 1:
            filled = _PROMPT_BLANK.sub(lambda _m: option, entry.prompt)
            return filled if filled.rstrip().endswith((".", "?", "!")) else f"{filled}."
        return f"{entry.prompt.rstrip()} Answer: {option}."
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


def _label(entry: AnyEntry) -> str | None:
    """What a true/false statement names an entry by: a date's event, a figure's measure."""
    if isinstance(entry, DateEntry):
        return fold(entry.event)
    if isinstance(entry, FigureEntry):
        return fold(entry.measure)
    return None


def _label_shared(entry: AnyEntry, index: AnswerKeyIndex) -> bool:
    label = _label(entry)
    if label is None:
        return False
    shared = index.memo.get(_SHARED_LABELS)
    if shared is None:  # once a deck (kept with its index), not once a question
        seen: set[str] = set()
        twice: set[str] = set()
        for other in index.deck.entries:
            found = _label(other)
            if found is not None:
                (twice if found in seen else seen).add(found)
        shared = index.memo[_SHARED_LABELS] = frozenset(twice)
    return label in shared


_SHARED_LABELS = "questions.shared-labels"
"""The index's memo key for the labels two or more of its deck's entries share."""


def _question_id(deck_id: str, entry_id: str, variant: Variant) -> str:
    target = variant.target.value
    if variant.target is Target.BLANK:
        target += f"-{variant.blank + 1}"
    return f"{deck_id}/{entry_id}/{target}/{variant.format.value}"


def make_question(
    entry: AnyEntry,
    index: AnswerKeyIndex,
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
    answer = answer_text(entry, variant.target, key, variant.blank)
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
    # A statement that can never be false is a free point: without a wrong option of the
    # answer's type, the entry is not asked as true/false at all.
    wrong = distractors(entry, index, variant.target, rng, 1, blank=variant.blank, key=key)
    if not wrong:
        return None
    truth = rng.random() < 0.5
    shown = answer if truth else wrong[0]
    statement = _statement(entry, variant, shown, shared=_label_shared(entry, index))
    return Question(
        prompt=f"True or false? {statement}",
        statement=statement,
        shown=shown,
        answer=TRUE if truth else FALSE,
        options=(TRUE, FALSE),
        answer_index=0 if truth else 1,
        **common,
    )


def _scramble(events: Sequence[str], rng: random.Random) -> tuple[str, ...]:
    """The events shuffled, never (for two or more) in the right order already."""
    return tuple(out_of_order(events, rng))


def chronology_question(
    index: AnswerKeyIndex,
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


def questions_for_deck(
    deck: Deck, rng: random.Random, formats: Sequence[QuestionFormat] = FORMATS
) -> list[Question]:
    """Every question the deck allows in ``formats``, one per entry variant (for browsing)."""
    index = AnswerKeyIndex(deck)
    out: list[Question] = []
    for entry in deck.entries:
        for variant in variants(entry):
            if variant.format in formats:
                question = make_question(entry, index, variant, rng)
                if question is not None:
                    out.append(question)
    return out
