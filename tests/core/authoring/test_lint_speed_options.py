"""The choice-option checks (O001-O003) build a key per distinct answer, not per
question, and find what the one-key-per-question checks found.

The reference here is the old way, kept as the definition: every option judged by
``check_entry`` against a one-entry deck of the question (lookalikes and all),
every pair of options by a fresh accepting key.
"""

from __future__ import annotations

import random

import pytest

from studyapp.core.authoring.lint import entries
from studyapp.core.authoring.lint.acceptance import accepting_key, accepts
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.decks.model import ChoiceEntry, Deck, QaEntry
from studyapp.core.quiz.answers.lists import asks_for_order
from studyapp.core.quiz.answers.verdict import Outcome

DECK = """id: t
title: T
entries:
  - id: same
    kind: choice
    prompt: Which country hosted the summit?
    answer: United States
    distractors: [USA, France, the United States]
  - id: typo
    kind: choice
    prompt: Which city did the envoy visit?
    answer: Austin
    distractors: [Austen, Boston, Dallas]
  - id: lookalike
    kind: choice
    prompt: Which city did Austen visit?
    answer: Austin
    distractors: [Austen, Boston, Dallas]
  - id: names
    kind: choice
    prompt: Who signed the treaty?
    answer: Charles de Gaulle
    distractors: [Charles De Gaule, Konrad Adenauer, General de Gaulle]
  - id: list
    kind: choice
    prompt: Which two countries signed, in order?
    answer: France and Germany
    distractors: [Germany and France, France and Germany., Italy and Spain]
  - id: list2
    kind: choice
    prompt: Which two countries signed?
    answer: France and Germany
    distractors: [Germany and France, Spain, Italy and Spain]
  - id: numbers
    kind: choice
    prompt: How many voted?
    answer: "55"
    distractors: ["fifty-five", "56", "55.0"]
  - id: dates
    kind: choice
    prompt: When was it signed?
    answer: June 1965
    distractors: [1965-06, July 1965, June 1966]
  - id: options
    kind: choice
    prompt: Which organisation?
    answer: NATO
    distractors: [United Nations, UN, the U.N.]
"""


def _reference(deck: Deck) -> list[tuple[str, int, int]]:
    """(rule, entry, option) of the old check: a one-entry deck per question."""
    out: list[tuple[str, int, int]] = []
    for i, entry in enumerate(deck.entries):
        if not isinstance(entry, ChoiceEntry):
            continue
        probe = entries._solo(entry, entry.answer)
        for j, option in enumerate(entry.distractors):
            verdict = entries._judge(probe, option)
            if verdict.outcome is Outcome.CORRECT:
                out.append(("O001", i, j))
            elif verdict.outcome is Outcome.CLOSE and verdict.reason.startswith(entries._NEAR_MISS):
                out.append(("O002", i, j))
        for j, option in enumerate(entry.distractors):
            for k in range(j):
                question = QaEntry(
                    id=entry.id, kind="qa", prompt=entry.prompt, answer=entry.distractors[k]
                )
                if accepts(accepting_key(question), option):
                    out.append(("O003", i, j))
                    break
    return out


def _found(text: str) -> list[tuple[str, int, int]]:
    found = []
    for f in lint_text(text, "d.yaml").findings:
        if f.rule.startswith("O"):
            _, i, _, j = f.path.replace("[", " ").replace("]", " ").replace(".", " ").split()
            found.append((f.rule, int(i), int(j)))
    return sorted(found)


def _deck(text: str) -> Deck:
    import yaml

    return Deck.model_validate(yaml.safe_load(text))


def test_hand_made_options_give_the_old_findings() -> None:
    found = _found(DECK)
    assert found == sorted(_reference(_deck(DECK)))
    assert ("O002", 1, 0) in found  # Austen: a typo of Austin
    assert ("O002", 2, 0) not in found  # Austen again, but a name the question writes
    assert {rule for rule, _, _ in found} == {"O001", "O002", "O003"}


def _random_deck(n: int, seed: int) -> str:
    """Choice questions whose answers and options come from one small pool, with
    typos, plurals, initials, lists and numbers among them."""
    rng = random.Random(seed)
    pool = [
        "Austin",
        "Austen",
        "Boston",
        "United Nations",
        "UN",
        "NATO",
        "France and Germany",
        "Germany and France",
        "55",
        "fifty-five",
        "June 1965",
        "1965-06",
        "Charles de Gaulle",
        "Charles De Gaule",
        "treaties",
        "treaty",
        "the treaty",
        "Justin",
    ]
    prompts = [
        "Which one is it?",
        "Which came first, in order?",
        "What did Austen see?",
        "Which did President Macron name?",
    ]
    lines = ["id: r", "title: R", "entries:"]
    for k in range(n):
        answer, *options = rng.sample(pool, 4)
        lines += [
            f"  - id: c{k}",
            "    kind: choice",
            f"    prompt: {rng.choice(prompts)}",
            f'    answer: "{answer}"',
            "    distractors: [" + ", ".join(f'"{o}"' for o in options) + "]",
        ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", [1, 2])
def test_random_options_give_the_old_findings(seed: int) -> None:
    text = _random_deck(150, seed)
    found = _found(text)
    assert found == sorted(_reference(_deck(text)))
    assert len({rule for rule, _, _ in found}) == 3


def test_one_key_per_distinct_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    from studyapp.core.authoring.lint import acceptance
    from studyapp.core.quiz.answers.keyindex import answer_key
    from studyapp.core.quiz.answers.keys import AnswerKey

    built: list[tuple[str, bool]] = []

    def counted(entry: QaEntry, *, lookalikes: bool = True) -> AnswerKey:
        built.append((entry.answer, asks_for_order(entry.prompt)))
        return answer_key(entry, lookalikes=lookalikes)

    monkeypatch.setattr(acceptance, "answer_key", counted)
    lint_text(_random_deck(400, 3), "d.yaml")
    assert len(built) == len(set(built))  # each text's key once, in order or not
    assert len(built) <= 2 * 18  # the pool's texts: not one per question (400 x 4)


@pytest.mark.parametrize(
    "answer",
    ["France and Germany", "Charles de Gaulle", "June 1965", "55", "UN", "the treaty", "a, b"],
)
def test_a_solo_key_reads_its_prompt_only_for_the_order(answer: str) -> None:
    """What the shared keys rely on: a one-entry deck's key depends on the prompt only
    through ``asks_for_order`` (titled names or words in it are no rivals)."""
    prompts = [
        "Which one?",
        "Which did President Macron and Chancellor Scholz sign?",
        "Name them in order.",
        "Which came first, respectively?",
        "What did the Biden administration say about France?",
    ]
    keys: dict[bool, object] = {}
    for prompt in prompts:
        key = accepting_key(QaEntry(id="x", kind="qa", prompt=prompt, answer=answer))
        assert keys.setdefault(asks_for_order(prompt), key) == key, prompt
    assert len(keys) == 2


def test_full_keys_are_kept_per_prompt() -> None:
    """Keys with lookalikes read the prompt's words: one prompt's are not another's."""
    from studyapp.core.authoring.lint.acceptance import SoloAnswers
    from studyapp.core.quiz.answers.keyindex import answer_key

    full = SoloAnswers(lambda entry: answer_key(entry))
    named = full.judge("Which city did Austen visit?", "Austin", "Austen")
    plain = full.judge("Which city?", "Austin", "Austen")
    assert (named.outcome, plain.outcome) == (Outcome.WRONG, Outcome.CLOSE)
    shared = SoloAnswers()
    assert shared.judge("Which city did Austen visit?", "Austin", "Austen").outcome is Outcome.CLOSE
