"""What was typed against what was expected, marked so it reads without colour.

Wrong characters are struck through, missing ones underlined, so the diff is
clear in any theme and with NO_COLOR (colour only adds to it).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from textual.content import Content, Span


def answer_diff(given: str, expected: str) -> Content:
    """Two lines: ``typed:`` with wrong characters struck, ``answer:`` with missing underlined."""
    matcher = SequenceMatcher(a=given.casefold(), b=expected.casefold(), autojunk=False)
    typed_spans: list[Span] = []
    answer_spans: list[Span] = []
    typed_prefix = "typed:  "
    answer_prefix = "answer: "
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag in ("replace", "delete") and a1 > a0:
            typed_spans.append(
                Span(len(typed_prefix) + a0, len(typed_prefix) + a1, "strike $error")
            )
        if tag in ("replace", "insert") and b1 > b0:
            answer_spans.append(
                Span(len(answer_prefix) + b0, len(answer_prefix) + b1, "underline bold $success")
            )
    typed = Content(typed_prefix + given, spans=typed_spans)
    answer = Content(answer_prefix + expected, spans=answer_spans)
    return Content("\n").join([typed, answer])
