"""The study screen's top line: what is left today, worded to fit the width it has.

At 100 columns a learner reads the whole sentence; at 60 the same counts must still
be there (the learner's sense of how much is left), so shorter wordings take over
rather than the line being cut.
"""

from __future__ import annotations

from textual.content import Content

__all__ = ["cloze_label", "progress_width", "status_line"]


def status_line(new: int, learning: int, review: int, done: int, width: int) -> str:
    """The longest wording of the counts that fits ``width`` cells (the shortest if none)."""
    wordings = (
        f"Left today: {new} new · {learning} learning · {review} review    done {done}",
        f"Left today: {new} new · {learning} learning · {review} review · done {done}",
        f"Left: {new} new · {learning} learning · {review} review · done {done}",
        f"{new} new · {learning} learning · {review} review · {done} done",
        f"{new} new · {learning} learn · {review} review · {done} done",
    )
    for text in wordings:
        if Content(text).cell_length <= width:
            return text
    return wordings[-1]


def progress_width(screen_width: int) -> int:
    """The progress bar's cells: full at 100 columns, smaller so the counts keep room."""
    if screen_width >= 100:
        return 32
    if screen_width >= 80:
        return 16
    return 8


def cloze_label(variant: str) -> str:
    """ "Cloze · fill in the blank", with which one when the text has several (not the
    variant's id, ``blank-2``, which means nothing to a learner)."""
    number = variant.removeprefix("blank-")
    if number.isdigit() and number != "1":
        return f"Cloze · fill in blank {number}"
    return "Cloze · fill in the blank"
