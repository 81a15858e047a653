"""Entry values rendered the same way in every export format.

A figure reads as the quiz renders it (its value with its decimals and unit),
whether it lands in an Anki field, a CSV cell or a Markdown table.
"""

from __future__ import annotations

from decimal import Decimal

from studyapp.core.decks.model import FigureEntry
from studyapp.core.quiz.answers.numbers import decimals_of, render_number

__all__ = ["figure_value"]


def figure_value(entry: FigureEntry) -> str:
    value = Decimal(str(entry.value))
    return render_number(value, decimals_of(value), entry.unit)
