"""What a study card says after an answer: the verdict, with the answer said once.

After a check the card shows the answer on a line of its own (or, for a wrong typed
answer, on the diff's ``answer:`` line; for a multiple choice, marked in the list), and
the mark says the outcome. So the line beside the mark is the verdict's ``note``: what
the checker found beyond the outcome and the answer, written by the checker itself
(never cut out of its ``reason``). Deck text stays literal.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

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


MIN_ROOM = 8
"""Cells an item keeps beside its lead however narrow the card (below that it folds)."""


class HangingList(Visual):
    """Numbered lines (``"2. "`` then the text): a line too long for the width goes on
    under its own text, not at the left edge under the number, where Textual's own
    wrapping put it and the rest read as a line of its own ("Korea" under "2.").
    Wrapped at whatever width the widget has when drawn; the widget's styles and any
    theme variables in the text ($success) apply as to any Content."""

    def __init__(self, rows: Sequence[tuple[str, Content]]) -> None:
        self.rows = list(rows)
        self._wrapped: tuple[int, Content, int] | None = None
        """The last width drawn at, the lines for it and how many: a layout asks the
        height and then draws at the same width."""

    def __str__(self) -> str:
        """The lines unwrapped: what the list says, for a test or a copy."""
        return "\n".join(lead + body.plain for lead, body in self.rows)

    def _wrap(self, width: int) -> tuple[Content, int]:
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1], self._wrapped[2]
        lines: list[Content] = []
        for lead, body in self.rows:
            indent = cell_len(lead)
            pieces = body.wrap(max(width - indent, MIN_ROOM))
            lines.append(lead + pieces[0])
            lines.extend(" " * indent + piece for piece in pieces[1:])
        wrapped = Content("\n").join(lines)
        self._wrapped = (width, wrapped, len(lines))
        return wrapped, len(lines)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._wrap(width)[0].render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((cell_len(lead) + body.cell_length for lead, body in self.rows), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._wrap(width)[1]


def options_list(
    options: Sequence[str],
    *,
    answer: str | None = None,
    picked: str | None = None,
    picked_right: bool = False,
) -> HangingList:
    """The numbered options, each wrapped under its own text; once picked, ✓ beside the
    answer and ✗ beside a wrong pick. A pick judged right (``picked_right``: an option the
    checker takes for the answer, "Nucleus" beside "the nucleus") has its ✓ too, never a ✗
    above "✓ Correct"."""
    rows: list[tuple[str, Content]] = []
    for number, option in enumerate(options, 1):
        line = Content(option)
        if answer is not None and (option == answer or (picked_right and option == picked)):
            line = line + Content("  ✓", spans=[Span(2, 3, "bold $success")])
        elif picked is not None and option == picked:
            line = line + Content("  ✗", spans=[Span(2, 3, "bold $error")])
        rows.append((f"{number}. ", line))
    return HangingList(rows)


def shown_numbers(items: Sequence[str], shown: Sequence[str]) -> list[int] | None:
    """Each item's number in the list the learner saw (1-based), in the items' order; None
    when the two lists are not the same items (then there is nothing to point at)."""
    if sorted(items) != sorted(shown) or len(set(shown)) != len(shown):
        return None
    return [list(shown).index(item) + 1 for item in items]


class OrderAnswer:
    """ "Answer, in order: 2 3 1" (the numbers of the options as shown, what the learner
    types), then ``  2. item`` a line, each under the number it had on screen: so the
    numbers never read as a new list (it was "1. Murayama" where option 1 was Abe).
    Without ``shown`` (or when it does not match), "Answer, in order:" and 1, 2, 3.
    An item too long for its line goes on under its own text (a hanging indent), not
    at the left edge under the numbers. Wrapped at whatever width the card has when
    drawn. Deck text stays literal."""

    def __init__(self, items: Sequence[str], shown: Sequence[str] | None = None) -> None:
        self.items = list(items)
        numbers = None if shown is None else shown_numbers(self.items, shown)
        self.numbers = numbers or list(range(1, len(self.items) + 1))
        self.head = (
            "Answer, in order: " + " ".join(map(str, numbers)) if numbers else "Answer, in order:"
        )

    def leads(self) -> list[tuple[str, str]]:
        """Each item with what goes before it: ``"  2. "`` (numbers right-aligned)."""
        digits = len(str(max(self.numbers, default=1)))
        return [
            (f"  {number:>{digits}}. ", item)
            for number, item in zip(self.numbers, self.items, strict=True)
        ]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.head)
        for lead, item in self.leads():
            room = max(options.max_width - len(lead), 8)
            for index, line in enumerate(Text(item).wrap(console, room, overflow="fold")):
                yield Text.assemble(lead if index == 0 else " " * len(lead), line)
