"""Entry values rendered the same way in every export format.

A figure reads as the quiz renders it (its value with its decimals and unit),
whether it lands in an Anki field, a CSV cell or a Markdown table.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studyapp.core.decks.model import FigureEntry

__all__ = ["figure_value"]


def figure_value(entry: FigureEntry) -> str:
    # imported on the first figure: the answer checker's numbers bring rapidfuzz (10 ms of
    # an export's start), which a deck without figures never needs
    from studyapp.core.quiz.answers.numbers import decimals_of, render_number

    value = Decimal(str(entry.value))
    return render_number(value, decimals_of(value), entry.unit)
