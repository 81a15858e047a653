"""Which characters deck text may contain.

Deck text comes from strangers and ends up on a terminal. Control characters,
ESC/C1 codes could drive the terminal; bidi overrides can make text read
differently from what it is (Trojan Source). We refuse them at load time so
nothing downstream has to worry.

What is refused, not loaded, still gets reported: a key, a file name, a YAML
snippet. Reports go through :func:`studyapp.core.base.terminal.terminal_safe`,
which shows such characters as visible escapes instead (it lives in ``base`` so
that :class:`~studyapp.core.base.problems.Problem` can apply it to every report).
"""

from __future__ import annotations

import re
import unicodedata

_ALLOWED_CONTROLS = {"\n", "\t"}
_BIDI = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + "".join(_BIDI) + "\ufff9-\ufffb]")


def describe(char: str) -> str:
    """Name an unsafe character so an author can find it."""
    code = ord(char)
    if char == "\x1b":
        return "U+001B (ESC, a terminal escape)"
    if code < 0x20 or code == 0x7F:
        return f"U+{code:04X} (a control character)"
    if 0x80 <= code <= 0x9F:
        return f"U+{code:04X} (a C1 control code)"
    if char in _BIDI:
        return f"U+{code:04X} ({_BIDI[char]}, a bidi control)"
    return f"U+{code:04X} (an invisible formatting character)"


def find_unsafe(text: str) -> tuple[int, str] | None:
    """Return (index, char) of the first character a deck may not contain."""
    match = _UNSAFE.search(text)
    if match is None:
        return None
    return match.start(), match.group()


def check_text(text: str) -> None:
    """Raise ValueError naming the first unsafe character and where it is."""
    found = find_unsafe(text)
    if found is None:
        return
    index, char = found
    raise ValueError(
        f"contains {describe(char)} at character {index + 1}; "
        "remove it (decks may hold only printable text, tabs and newlines)"
    )


_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Characters that draw nothing though they are letters or symbols: the Hangul fillers and
the blank Braille pattern, used to fake a non-empty name."""


def _invisible(char: str) -> bool:
    return (
        char.isspace()
        or unicodedata.category(char) in ("Cf", "Zs", "Zl", "Zp", "Cc")
        or char in _BLANK_LETTERS
    )


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, spaces, or only invisible characters (U+200B
    ZERO WIDTH SPACE, U+FEFF, a soft hyphen, any format character or space): a prompt, an
    answer or a title made of them looks empty to a learner, and cannot be typed."""
    if text.isascii():  # (nearly every text: one C call)
        return not text or text.isspace()
    return all(_invisible(c) for c in text)


INVISIBLE_ONLY = "only invisible characters: write the text"


def safe_text(text: str) -> str:
    """Text the deck model accepts, made from text that came from elsewhere (an
    article, an import, a result file): unsafe characters dropped, line and
    paragraph separators made spaces."""
    return _UNSAFE.sub("", text.replace("\u2028", " ").replace("\u2029", " "))


def one_line(text: str) -> str:
    """:func:`safe_text` with every run of whitespace made one space: for a cell or a line."""
    return " ".join(safe_text(text).split())
