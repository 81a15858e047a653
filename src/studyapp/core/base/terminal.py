"""Text that may reach a terminal: the one function every message goes through.

A message can quote what a stranger wrote: a YAML key, a value, a file name, a
snippet of a file. The deck model refuses control characters in deck *text*
(:mod:`studyapp.core.decks.textsafety`), but a key or a file name is reported,
not refused, and a raw ESC in a report is an escape sequence the terminal runs:
OSC 0 sets the window title, OSC 52 writes the clipboard, CSI 2J clears the
screen. :func:`terminal_safe` swaps every character a terminal acts on (or that
hides or reorders text) for a visible escape, ``\\x1b`` or ``<U+202E>``, so the
author can still find it. :class:`Problem <studyapp.core.base.problems.Problem>`
applies it when a problem is made; the CLI writes through :class:`TerminalOut`;
JSON goes out through :func:`json_for_terminal`.
"""

from __future__ import annotations

from typing import Any, TextIO, cast

_KEPT_CATEGORIES = frozenset({"Zs", "Co", "Cn"})
"""Non-printable to Python but harmless: spaces (U+00A0, U+3000...), private use, unassigned."""

_JOINERS = frozenset({"\u200c", "\u200d"})
"""Zero-width (non-)joiners: part of Persian and Indic words and of emoji; inert."""


def _visible(char: str) -> str:
    """The escape that names ``char``: ``\\x1b`` for C0, DEL and C1, else ``<U+202E>``."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    return f"<U+{code:04X}>"


def _kept(char: str, multiline: bool) -> bool:
    """Whether ``char`` may reach a terminal as it is (the one list of what may)."""
    if char.isprintable() or char == "\t" or (char == "\n" and multiline) or char in _JOINERS:
        return True
    import unicodedata  # only for text with something to look at

    return unicodedata.category(char) in _KEPT_CATEGORIES


def terminal_safe(text: str, *, multiline: bool = False) -> str:
    """``text`` with every character a terminal could act on made a visible escape.

    Escaped: ESC and the other C0 controls, DEL, C1 controls (U+0080-U+009F),
    bidi controls and other invisible format characters (category Cf, such as
    U+202E or U+200B), the line and paragraph separators, and lone surrogates
    (a file name's undecodable bytes, which would also make ``print`` fail).
    Kept: printable text, tabs, ZWJ/ZWNJ, and newlines when ``multiline``.
    Escapes are printable ASCII, so applying it twice changes nothing more.
    """
    if text.isprintable() or _only_layout(text, multiline):  # the usual cases, in C
        return text
    return "".join(char if _kept(char, multiline) else _visible(char) for char in text)


def _only_layout(text: str, multiline: bool) -> bool:
    """Whether the only characters of ``text`` that are not printable are tabs (and
    newlines when ``multiline``): a CLI's lines end in one, and reading them a character
    at a time made writing 58,000 lint findings take seconds."""
    if multiline:
        text = text.replace("\n", "")
    return text.replace("\t", "").isprintable()


def json_for_terminal(value: Any, *, indent: int | None = 2) -> str:
    """``value`` as JSON (non-ASCII kept readable) that a terminal cannot act on."""
    import json  # not at import: Problem imports this module on the start-up path

    return json_safe(json.dumps(value, indent=indent, ensure_ascii=False))


def json_safe(text: str) -> str:
    """JSON text in which what :func:`terminal_safe` would escape is a ``\\uXXXX``
    escape instead: the same data to a parser, inert on screen.

    ``json.dumps`` escapes C0 controls itself but leaves DEL, C1 and bidi controls raw;
    outside its strings JSON holds only ASCII, so any such character is inside one.
    """
    if text.isprintable() or _only_layout(text, multiline=True):
        return text
    import json

    return "".join(char if _kept(char, multiline=True) else json.dumps(char)[1:-1] for char in text)


class TerminalOut:
    """A text stream that passes everything written through :func:`terminal_safe`
    (newlines kept): the CLI's one way out, so no message can slip past it."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(terminal_safe(text, multiline=True))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def terminal_out(stream: TextIO) -> TextIO:
    """``stream`` wrapped in a :class:`TerminalOut` (once: wrapping twice is one wrap)."""
    if isinstance(stream, TerminalOut):
        return stream
    return cast("TextIO", TerminalOut(stream))
