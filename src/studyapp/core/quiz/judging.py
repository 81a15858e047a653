"""The verdict a learner gets on a study card: checked, to write again, or self-graded.

One place decides how a card is answered (typed and checked, or a flip card the
learner grades) and what a typed answer earns, so that the study screen,
``studyapp judge`` and the ``checks:`` of ``studyapp lint`` all say the same thing.
The checking itself is :func:`studyapp.core.quiz.answers.judge.check_card`, with
the deck's :class:`AnswerKeyIndex` (its rivals), exactly as the study screen calls it.

Self-graded (flip) cards:

* an entry's ``check: self``, or the deck's ``check: self`` (an entry's
  ``check: typed`` overrides the deck);
* otherwise, a free-text answer too long to type fairly: more than
  :data:`SELF_WORDS` words or :data:`SELF_CHARS` characters (for a list
  answer, ``members:``, any one member that long). Names, terms,
  dates, figures and lists of four or five members fit under both (the longest
  typed answers of the bundled deck, "Japan, South Korea, Australia and New
  Zealand", are 7 words and 45 characters); past them an answer is a phrase or
  a definition, whose wording a learner cannot be expected to reproduce, and a
  word-for-word check would mark a right idea wrong;
* "what happened?" and "what was said?" cards are always flips (an event or a
  quotation is recalled, not retyped).

Multiple choice and ordering cards are never flips: they have their own answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from msgspec import Struct, structs

from studyapp.core.quiz.answers.judge import check_card

if TYPE_CHECKING:
    from collections.abc import Sequence

    from studyapp.core.decks.cards import Card
    from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex

__all__ = [
    "LONG_REASON",
    "SELF_CHARS",
    "SELF_WORDS",
    "Judgement",
    "judge_answer",
    "order_answer",
    "self_graded_reason",
    "too_long_to_type",
]

SELF_WORDS = 8
"""A typed answer of more words than this is self-graded (see the module docstring)."""
SELF_CHARS = 60
"""A typed answer of more characters than this is self-graded (the study screen's limit
before ``check: self`` existed, kept so no card changes how it is asked)."""

LONG_REASON = "Long answer: compare it yourself, then grade"
"""Why a long answer is self-graded; the study screen shows it once a session."""
CHOSEN_REASON = "Self-graded card: compare it yourself, then grade"
"""Why a card the author marked ``check: self`` is self-graded."""
FLIP_REASON = "Flip card: recall it, show the answer, then grade"
"""Why a "what happened?" or "what was said?" card is not typed."""
EMPTY_REASON = "No answer typed: the answer is shown; grade yourself"

_FLIP_VARIANTS = frozenset({("date", "what"), ("quote", "what")})
_OWN_ANSWERS = frozenset({"choice", "order"})
_GRADE_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def too_long_to_type(answer: str) -> bool:
    """Whether ``answer`` is too long to be typed and checked fairly."""
    text = answer.strip()
    return len(text) > SELF_CHARS or len(text.split()) > SELF_WORDS


def self_graded_reason(card: Card, deck_check: str | None = None) -> str | None:
    """Why ``card`` is a flip card the learner grades, or None when it is typed and checked.

    ``deck_check`` is the deck's ``check`` (the entries' default).
    """
    if card.kind in _OWN_ANSWERS:
        return None
    if (card.kind, card.variant) in _FLIP_VARIANTS:
        return FLIP_REASON
    entry = card.entry
    chosen = getattr(entry, "check", None) if entry is not None else None
    chosen = chosen or deck_check
    if chosen == "self":
        return CHOSEN_REASON
    if chosen == "typed":
        return None
    members = getattr(entry, "members", None)  # a list answer is checked member by member
    if members:
        return LONG_REASON if any(too_long_to_type(m) for m in members) else None
    return LONG_REASON if too_long_to_type(card.answer) else None


class Judgement(Struct, frozen=True, kw_only=True):
    """What a learner is told of one answer to one card (``studyapp judge`` prints it).

    ``verdict`` is correct, close, wrong, retry (the answer cannot be read: write
    it another way, nothing is graded) or self (a flip card: the learner grades).
    """

    card: str
    """``ENTRY_ID/VARIANT``."""
    answer: str
    verdict: str
    reason: str
    grade: int | None
    """The grade suggested (1 Again ... 4 Easy); None when nothing is graded for the learner."""
    expected: str

    @property
    def grade_name(self) -> str | None:
        return None if self.grade is None else _GRADE_NAMES.get(self.grade)

    def to_dict(self) -> dict[str, Any]:
        return {**structs.asdict(self), "grade_name": self.grade_name}


def order_answer(answer: str) -> str | list[str]:
    """An ordering typed on one line: events separated by ``|``, ``;``, ``>`` or new lines."""
    for separator in ("\n", "|", ";", "→", ">"):
        parts = [p.strip() for p in answer.split(separator) if p.strip()]
        if len(parts) > 1:
            return parts
    return answer


def judge_answer(
    card: Card,
    answer: str | Sequence[str],
    index: AnswerKeyIndex | None,
    *,
    deck_check: str | None = None,
) -> Judgement:
    """The verdict a learner studying ``card`` gets for typing ``answer``.

    The deck's check default is read from ``index.deck`` when ``deck_check`` is not given.
    """
    if deck_check is None and index is not None:
        deck_check = getattr(index.deck, "check", None)
    shown = answer if isinstance(answer, str) else " | ".join(answer)
    name = f"{card.entry_id}/{card.variant}"

    def make(verdict: str, reason: str, grade: int | None, expected: str) -> Judgement:
        return Judgement(
            card=name, answer=shown, verdict=verdict, reason=reason, grade=grade, expected=expected
        )

    why_self = self_graded_reason(card, deck_check)
    if why_self is not None:
        return make("self", why_self, None, card.answer)
    if not shown.strip():
        return make("self", EMPTY_REASON, None, card.answer)
    given: str | Sequence[str] = answer.strip() if isinstance(answer, str) else answer
    if card.kind == "order" and isinstance(given, str):
        given = order_answer(given)
    verdict = check_card(card, given if isinstance(given, str) else list(given), index)
    if verdict.ambiguous:
        return make("retry", verdict.reason, None, verdict.expected)
    outcome = str(getattr(verdict.outcome, "value", verdict.outcome))
    grade = None if outcome == "retry" else verdict.grade
    return make(outcome, verdict.reason, grade, verdict.expected)
