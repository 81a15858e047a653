"""Deck text on screen: always literal, never markup, never terminal codes.

Everything that shows a string from a deck goes through these helpers, so a
card reading ``[@click=app.quit]quit[/]`` shows exactly that and does nothing.
(The loader already refuses control characters; this is the other half.)
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content


def literal(text: str) -> Content:
    """Deck text as Content with no markup interpretation."""
    return Content(text)


def styled(markup: str, **values: str) -> Content:
    """Our own markup with deck text substituted safely ($name placeholders)."""
    return Content.from_markup(markup, **values)


def cell(text: str, style: str = "") -> Text:
    """A DataTable cell / Tree label holding deck text literally."""
    return Text(text, style=style)
