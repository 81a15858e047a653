"""``studyapp judge``: the verdict a learner would get for an answer, from the command line.

Authors try their accept lists here, and courses test hundreds of answers in one
start-up with ``--batch`` (JSON lines in, one JSON verdict a line out, in order).
The verdict is the study screen's: the same checker with the same deck index
(:func:`studyapp.core.quiz.judging.judge_answer`).

Field names (``card``, ``answer``, ``verdict``, ``reason``, ``grade``,
``expected``) are an interface: courses depend on them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from studyapp.core.base.terminal import json_for_terminal, terminal_out, terminal_safe

if TYPE_CHECKING:
    import argparse

    from studyapp.core.decks.cards import Card
    from studyapp.core.decks.model import Deck
    from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex

COMMANDS = ("judge",)
CARDS_NAMED = 20
"""How many of the deck's cards an unknown-card error lists."""


class JudgeError(Exception):
    """A problem with the command's input (deck, card): a message, never a traceback."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    judge = sub.add_parser(
        "judge",
        help="the verdict a learner gets for an answer to a card (for deck authors)",
        description=(
            "Print the verdict a learner studying CARD would get for typing ANSWER: "
            "correct, close, wrong, retry (write it another way) or self (a flip card "
            "the learner grades), the reason shown on screen and the grade suggested. "
            'With --batch, read JSON lines {"card": "ENTRY_ID/VARIANT", "answer": "..."} '
            "from standard input and write one JSON verdict a line, in order. "
            "Exit status: 0 when every answer got a verdict (whatever it is); with --batch, "
            '1 when any line was an error (an object with an "error" field); '
            "2 on bad input (deck, card, arguments)."
        ),
    )
    judge.add_argument("deck", metavar="DECK", help="a deck file, or a deck id found by discovery")
    judge.add_argument(
        "card", nargs="?", metavar="ENTRY_ID[/VARIANT]", help="the card (variant optional if one)"
    )
    judge.add_argument("answer", nargs="?", metavar="ANSWER", help="what the learner types")
    judge.add_argument("--json", action="store_true", help="print one JSON object")
    judge.add_argument(
        "--batch",
        action="store_true",
        help="JSON lines on stdin -> JSON lines (exit 1 if any line was an error)",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``studyapp judge``; exit 0 on a verdict (whatever it is), 2 on bad input, and
    (``--batch``) 1 when any line was an error, so a course's script notices."""
    try:
        deck = load_deck(args.deck)
    except JudgeError as error:
        terminal_out(sys.stderr).write(f"studyapp judge: {error}\n")
        return 2
    from studyapp.core.decks.cards import cards_for_deck
    from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex

    cards = cards_for_deck(deck)
    index = AnswerKeyIndex(deck)
    if args.batch:
        if args.card is not None:
            sys.stderr.write("studyapp judge: --batch reads cards and answers from stdin\n")
            return 2
        return run_batch(cards, index, sys.stdin, out)
    if args.card is None or args.answer is None:
        sys.stderr.write("studyapp judge: give ENTRY_ID[/VARIANT] and ANSWER (or --batch)\n")
        return 2
    try:
        result = judge_one(cards, index, args.card, args.answer)
    except JudgeError as error:
        terminal_out(sys.stderr).write(f"studyapp judge: {error}\n")
        return 2
    if args.json:
        out.write(json_for_terminal(result, indent=None) + "\n")
    else:
        out.write(render_text(result))
    return 0


def load_deck(target: str) -> Deck:
    """A deck file by path, else the deck with that id among the decks discovery finds."""
    from studyapp.core.base.problems import DeckLoadError
    from studyapp.core.decks.discovery import discover
    from studyapp.core.decks.loader import load_deck as load_file

    path = Path(target).expanduser()
    if path.is_file():
        try:
            return load_file(path)
        except DeckLoadError as error:
            shown = "\n".join(str(p) for p in error.problems[:10])
            raise JudgeError(f"{target} does not load:\n{shown}") from None
    found = discover()
    loaded = found.find(target)
    if loaded is None:
        ids = ", ".join(d.deck_id for d in found.decks) or "none"
        raise JudgeError(f"no deck file or deck id {target!r} (decks found: {ids})")
    return loaded.deck


def find_card(cards: list[Card], name: str) -> Card:
    """The card ``ENTRY_ID/VARIANT`` (or ``ENTRY_ID`` of an entry with one card)."""
    entry_id, _, variant = name.strip().partition("/")
    mine = [c for c in cards if c.entry_id == entry_id]
    if variant:
        for card in mine:
            if card.variant == variant:
                return card
    elif len(mine) == 1:
        return mine[0]
    if mine:
        choices = ", ".join(f"{c.entry_id}/{c.variant}" for c in mine)
        if variant:
            raise JudgeError(f"entry {entry_id!r} has no card {variant!r}; its cards: {choices}")
        raise JudgeError(f"entry {entry_id!r} has several cards; name one: {choices}")
    names = [f"{c.entry_id}/{c.variant}" for c in cards]
    shown = ", ".join(names[:CARDS_NAMED])
    more = f" ... and {len(names) - CARDS_NAMED} more" if len(names) > CARDS_NAMED else ""
    raise JudgeError(f"no card {name!r} in this deck; its cards: {shown}{more}")


def judge_one(
    cards: list[Card], index: AnswerKeyIndex, name: str, answer: str | list[str]
) -> dict[str, Any]:
    """One verdict as a dict (the ``--json`` object)."""
    from studyapp.core.quiz.judging import judge_answer

    card = find_card(cards, name)
    return judge_answer(card, answer, index).to_dict()


def run_batch(cards: list[Card], index: AnswerKeyIndex, lines: TextIO, out: TextIO) -> int:
    """One JSON verdict per input line, in order; a bad line gets an ``error`` object.
    Exit 1 when any line was an error (every line is still answered), else 0."""
    failed = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        result = _batch_line(cards, index, line, number)
        failed = failed or "error" in result
        out.write(json_for_terminal(result, indent=None) + "\n")
        out.flush()
    return 1 if failed else 0


def _batch_line(cards: list[Card], index: AnswerKeyIndex, line: str, number: int) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except ValueError as error:
        return {"line": number, "error": f"not JSON: {error}"}
    if not isinstance(item, dict):
        return {"line": number, "error": 'expected an object {"card": ..., "answer": ...}'}
    name, answer = item.get("card"), item.get("answer")
    good_answer = isinstance(answer, str) or (
        isinstance(answer, list) and all(isinstance(a, str) for a in answer)
    )
    if not isinstance(name, str) or not good_answer:
        return {
            "line": number,
            "card": name,
            "error": '"card" must be a string and "answer" a string (or a list, for an order)',
        }
    try:
        return judge_one(cards, index, name, answer)  # type: ignore[arg-type]
    except JudgeError as error:
        return {"line": number, "card": name, "answer": answer, "error": str(error)}
    except Exception as error:
        return {"line": number, "card": name, "answer": answer, "error": f"checker failed: {error}"}


_MARK = {"correct": "✓", "close": "≈", "wrong": "✗", "retry": "↻", "self": "⇄"}


def render_text(result: dict[str, Any]) -> str:
    """The verdict for a person: what the study screen would show."""
    verdict = result["verdict"]
    grade = result["grade"]
    suggested = f"{grade} {result['grade_name']}" if grade is not None else "none"
    if verdict == "retry":
        suggested = "none (the learner is asked to write it again)"
    elif verdict == "self":
        suggested = "none (the learner grades)"
    return terminal_safe(
        f"card:     {result['card']}\n"
        f"answer:   {result['answer']}\n"
        f"verdict:  {_MARK.get(verdict, '')} {verdict}\n"
        f"reason:   {result['reason']}\n"
        f"expected: {result['expected']}\n"
        f"grade:    {suggested}\n",
        multiline=True,
    )
