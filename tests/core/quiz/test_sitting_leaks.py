"""No question of a sitting shows an answer the checker would accept for another.

What a question shows is its prompt and options, and, when feedback comes after
each answer, its answer line, explanation and source. The judge here is the
checker itself (``AnswerKey.check`` on the shown words), not the builder's own
rule, so a sitting that passes really cannot be answered from another question.
"""

from __future__ import annotations

import itertools
import random
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from studyapp.core.decks.loader import load_deck
from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.keys import AnswerKey, Mode
from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.answers.verdict import Outcome
from studyapp.core.quiz.exam import ExamSpec, assemble_exam, load_exam
from studyapp.core.quiz.questions import FALSE, Question, QuestionFormat

DECKS_DIR = Path(__file__).resolve().parents[3] / "decks"
DECK = DECKS_DIR / "lee-pragmatic-diplomacy.yaml"
_WORD = re.compile(r"\S+")
_SHORTEST = 3
"""Fewer letters are not an answer shown: the name checker takes "in" for "Moon Jae-in"."""


def _windows(text: str, sizes: range) -> set[str]:
    words = [w.strip(".,;:!?()“”\"'‘’") for w in _WORD.findall(text)]
    return {" ".join(words[i : i + n]) for n in sizes for i in range(len(words) - n + 1)}


_COMMON = frozenset({"the", "and", "of", "a", "an", "in", "to", "for", "on", "with"})


@cache
def _correct(key: AnswerKey, window: str) -> bool:
    return key.check(window).outcome is Outcome.CORRECT


def _checker_accepts(taker: Question, text: str) -> str | None:
    """Words of ``text`` that ``taker``'s checker marks correct (every member of a list)."""
    key = taker.key
    if key.mode is Mode.ORDER:
        return None
    folded = f" {fold(text)} "
    if key.mode is Mode.LIST and key.members:
        found = all(f" {fold(m)} " in folded for m in key.members)
        return ", ".join(key.members) if found else None
    hints = set(fold(key.answer).split()) | set(fold(key.value.replace("-", " ")).split())
    hints = {h for h in hints if h.isdigit() or h not in _COMMON}
    size = len(key.answer.split())
    for window in sorted(_windows(text, range(max(1, size - 2), size + 3))):
        words = fold(window)
        if len(words) < _SHORTEST or not hints & set(words.split()):
            continue
        if _correct(key, window):
            return window
    return None


def _shown(question: Question, feedback: bool) -> list[tuple[str, bool]]:
    """What the sitting screen shows of ``question`` before the next one (and whether
    each text is an option)."""
    texts = [(question.prompt, False)]
    if question.format is not QuestionFormat.TRUE_FALSE:
        texts += [(option, True) for option in question.options]
    if feedback:
        texts += [(question.solution, False), (question.key.answer, False)]
        texts += [(t, False) for t in (question.explanation, question.source) if t]
    return texts


def _distractors(question: Question, text: str, option: bool) -> set[str]:
    """Where an answer names nothing it answers: a whole option, the wrong option a false
    statement asserts (a distractor taken from another question)."""
    found = {fold(text)} if option else set()
    if question.answer == FALSE and question.shown and text == question.prompt:
        found.add(fold(question.shown))
    return found


def _giveaways(questions: tuple[Question, ...], feedback: bool) -> list[tuple[str, str, str]]:
    """(giver, taker, words) for every question showing another's accepted answer. An
    option that is only that answer (a distractor taken from it) names nothing: not
    counted (:func:`_distractors`)."""
    found = []
    for giver, taker in itertools.permutations(questions, 2):
        for text, option in _shown(giver, feedback):
            words = _checker_accepts(taker, text)
            if words is not None and fold(words) not in _distractors(giver, text, option):
                found.append((giver.id, taker.id, words))
                break
    return found


def _spec(**fields: Any) -> ExamSpec:
    return ExamSpec.model_validate({"id": "q", "title": "Q", **fields})


def _made_up_deck() -> Deck:
    """The faults QA found, in miniature: a source printing a sibling's figure, a source
    naming a grouping's members, a prompt holding a cloze's answer."""
    source = "Only 15.7% of conservatives valued exchanges, while 44.6% of progressives did."
    ip4 = "Japan and South Korea, with Australia and New Zealand, form the IP4 grouping."
    entries: list[dict[str, Any]] = [
        {
            "id": "fig-cons",
            "kind": "figure",
            "measure": "Share of conservatives valuing exchanges",
            "value": 15.7,
            "unit": "%",
            "source": source,
        },
        {
            "id": "fig-prog",
            "kind": "figure",
            "measure": "Share of progressives valuing exchanges",
            "value": 44.6,
            "unit": "%",
            "source": source,
        },
        {
            "id": "qa-ip4-name",
            "kind": "qa",
            "prompt": "What does IP4 stand for?",
            "answer": "Indo-Pacific Partners",
            "source": ip4,
        },
        {
            "id": "qa-ip4-members",
            "kind": "qa",
            "prompt": "Which four countries make up the IP4?",
            "answer": "Japan, South Korea, Australia and New Zealand",
            "members": ["Japan", "South Korea", "Australia", "New Zealand"],
        },
        {
            "id": "cloze-nk",
            "kind": "cloze",
            "text": "Polarization is sharpest when {{Pyongyang}} and trade are involved.",
        },
        {
            "id": "qa-pyongyang",
            "kind": "qa",
            "prompt": "Which capital did the envoy reach after leaving Pyongyang in the spring?",
            "answer": "Beijing",
        },
        {
            "id": "qa-other",
            "kind": "qa",
            "prompt": "Which city hosts the summit?",
            "answer": "Seoul",
        },
        {
            "id": "qa-other-2",
            "kind": "qa",
            "prompt": "Which city hosts the ministry?",
            "answer": "Tokyo",
        },
    ]
    entries += [
        {
            "id": f"date-{n}",
            "kind": "date",
            "event": f"Agreement number {n} is signed",
            "date": str(year),
        }
        for n, year in enumerate([1965, 1998, 2015, 2018])
    ]
    return Deck.model_validate({"id": "made-up", "title": "Made up", "entries": entries})


@pytest.mark.parametrize("feedback", ["end", "immediate"])
def test_a_made_up_deck_never_seats_a_question_with_its_giveaway(feedback: str) -> None:
    deck = _made_up_deck()
    spec = _spec(questions=8, formats={"typed": 1, "choice": 1, "true_false": 1}, feedback=feedback)
    index = {deck.id: AnswerKeyIndex(deck)}
    for seed in range(60):
        built = assemble_exam(spec, [deck], random.Random(seed), indexes=index)
        assert built.questions, seed
        leaks = _giveaways(built.questions, feedback == "immediate")
        assert not leaks, (seed, leaks)


def test_feedback_at_the_end_lets_a_pair_linked_only_by_a_source_sit_together() -> None:
    """The source shows the sibling's figure only after the sitting: no reason to part
    them; with feedback after each answer they never meet."""
    deck = _made_up_deck()
    index = {deck.id: AnswerKeyIndex(deck)}
    together = {"end": 0, "immediate": 0}
    for feedback, seed in itertools.product(together, range(60)):
        spec = _spec(questions=8, formats={"typed": 1}, feedback=feedback)
        built = assemble_exam(spec, [deck], random.Random(seed), indexes=index)
        ids = {q.entry_id for q in built.questions}
        together[feedback] += {"fig-cons", "fig-prog"} <= ids
    assert together["end"] > 0
    assert together["immediate"] == 0


def _bundled() -> Deck:
    if not DECK.exists():  # pragma: no cover - a copy without the article deck
        pytest.skip("the article deck is not bundled")
    return load_deck(DECK)


@pytest.mark.parametrize("feedback", ["end", "immediate"])
def test_a_quick_quiz_on_the_bundled_deck_never_gives_an_answer_away(feedback: str) -> None:
    deck = _bundled()
    spec = _spec(
        decks=[deck.id],
        questions=10,
        pass_mark=0,
        feedback=feedback,
        formats={"typed": 1, "choice": 2, "true_false": 1},
    )
    index = {deck.id: AnswerKeyIndex(deck)}
    for seed in range(20):
        built = assemble_exam(spec, [deck], random.Random(seed), indexes=index)
        assert len(built.questions) == 10, (seed, built.note)
        leaks = _giveaways(built.questions, feedback == "immediate")
        assert not leaks, (seed, leaks)


def test_the_bundled_exam_file_is_whole_fixed_and_gives_nothing_away() -> None:
    deck = _bundled()
    spec = load_exam(DECKS_DIR / "lee-pragmatic-diplomacy.exam.yaml")
    index = {deck.id: AnswerKeyIndex(deck)}
    first = assemble_exam(spec, [deck], random.Random(1), indexes=index)
    again = assemble_exam(spec, [deck], random.Random(2), indexes=index)
    assert [q.id for q in first.questions] == [q.id for q in again.questions]
    assert len(first.questions) == spec.questions
    assert not _giveaways(first.questions, spec.feedback == "immediate")
    free = spec.model_copy(update={"seed": None})
    for seed in range(10):
        built = assemble_exam(free, [deck], random.Random(seed), indexes=index)
        assert len(built.questions) == spec.questions, (seed, built.note)
        assert not _giveaways(built.questions, False), seed
