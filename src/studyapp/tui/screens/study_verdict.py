"""What a study card says after an answer: the verdict, with the answer said once.

After a check the card shows the answer on a line of its own (or, for a wrong typed
answer, on the diff's ``answer:`` line; for a multiple choice, marked in the list), and
the mark says the outcome. So the line beside the mark is the verdict's ``note``: what
the checker found beyond the outcome and the answer, written by the checker itself
(never cut out of its ``reason``). Deck text stays literal.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.content import Content, Span

from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict

MARK = {Outcome.CORRECT: "✓ Correct", Outcome.CLOSE: "≈ Close", Outcome.WRONG: "✗ Wrong"}


def verdict_line(outcome: Outcome, note: str) -> str:
    """One line: the mark, then the checker's ``note`` when it has one. The quiz's
    feedback says it the same way."""
    return f"{MARK[outcome]} · {note}" if note else MARK[outcome]


def verdict_head(verdict: Verdict) -> str:
    """:func:`verdict_line` for a study card's verdict."""
    return verdict_line(verdict.outcome, verdict.note)


def choice_verdict(checked: Verdict, picked: str, answer: str) -> Verdict:
    """A multiple-choice pick: right, or plainly "you picked X" (never the typed-answer
    checker's "'X' is a different answer in this deck", nor "close": a pick is one of
    the options or it is not)."""
    if checked.outcome is Outcome.CORRECT:
        return checked
    return make_verdict(
        Outcome.WRONG,
        f"You picked {picked} · the answer is {answer}",
        answer,
        picked,
        note=f"you picked {picked}",
    )


def choice_head(verdict: Verdict) -> str:
    """The line after a pick: "✓ Correct", or "✗ You picked X · the answer is Y" (a
    choice card has no answer line: the pick and the answer are both named here)."""
    if verdict.outcome is Outcome.CORRECT:
        return MARK[Outcome.CORRECT]
    return f"✗ You picked {verdict.given} · the answer is {verdict.expected}"


def options_list(
    options: Sequence[str], *, answer: str | None = None, picked: str | None = None
) -> Content:
    """The numbered options; once picked, ✓ beside the answer and ✗ beside a wrong pick."""
    lines: list[Content] = []
    for number, option in enumerate(options, 1):
        line = Content(f"{number}. {option}")
        if answer is not None and option == answer:
            line = line + Content("  ✓", spans=[Span(2, 3, "bold $success")])
        elif picked is not None and option == picked:
            line = line + Content("  ✗", spans=[Span(2, 3, "bold $error")])
        lines.append(line)
    return Content("\n").join(lines)


class OrderAnswer:
    """ "Answer, in order:" then ``  1. item`` a line; an item too long for its line goes
    on under its own text (a hanging indent), not at the left edge under the numbers.
    Wrapped at whatever width the card has when drawn. Deck text stays literal."""

    def __init__(self, items: Sequence[str]) -> None:
        self.items = list(items)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("Answer, in order:")
        digits = len(str(len(self.items)))
        for number, item in enumerate(self.items, 1):
            lead = f"  {number:>{digits}}. "
            room = max(options.max_width - len(lead), 8)
            for index, line in enumerate(Text(item).wrap(console, room, overflow="fold")):
                yield Text.assemble(lead if index == 0 else " " * len(lead), line)
